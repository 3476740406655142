/**
 * The hand-written declaration of llorch_native.node and the only module that loads it. Every
 * function may throw (or reject with) an Error carrying a NATIVE_ERR_* `code`; the Engine wrapper
 * turns those into NativeError.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EngineStats, LoadOptions, SamplingParams, SeqEvent } from './types.js';

export interface NativeEngine {
  submit(
    seq: number,
    tokens: Int32Array | readonly number[],
    params: Partial<SamplingParams>,
  ): void;
  cancel(seq: number): boolean;
  forward(tokens: Int32Array | readonly number[]): Promise<Float32Array>;
  stats(): EngineStats;
  unload(): Promise<void>;
}

/** TEST-ONLY single CPU ops, for checking kernels against the TypeScript references. */
export interface NativeOps {
  /** y[n][rows] = x[n][cols] . W^T with W stored as `rows` rows of ggml `type`. */
  matmul(
    type: number,
    weight: Uint8Array,
    rows: number,
    cols: number,
    x: Float32Array,
  ): Float32Array;
  /** The rows of W dequantized to f32 ([rows * cols]). */
  dequantize(type: number, weight: Uint8Array, rows: number, cols: number): Float32Array;
  /** The rows rewritten into the CUDA backend's planar layout (src/backend/weight_layout.h). */
  toPlanar(type: number, weight: Uint8Array, rows: number, cols: number): Uint8Array;
  /**
   * The penalty window of `history` (its last `penaltyLastN` tokens, all for -1) as [token,
   * occurrences] pairs in ascending token order: what the device sampler uploads.
   */
  penaltyWindow(history: readonly number[], penaltyLastN: number): Array<[number, number]>;
  /** Every CUDA op against the CPU backend on random inputs of real shapes (GPU builds only). */
  cudaParity(ordinal: number, seed: number): OpParityResult[];
  /** Device name and measured DRAM bandwidth (bytes read + written per second of a 1 GiB copy). */
  cudaCopyBandwidth(ordinal: number): { device: string; bytesPerSecond: number };
}

/** One case of cudaParity: the CUDA output against the CPU backend's on the same inputs. */
export interface OpParityResult {
  op: string;
  /** Weight type name, or 'f32' for ops without weights. */
  type: string;
  shape: string;
  /** Computed with f16 operands on tensor cores. */
  tensorCores: boolean;
  /** ||cuda - cpu|| / ||cpu|| */
  relErr: number;
  maxAbsErr: number;
  /** Elements the CUDA op left NaN (poisoned, never written) or made non-finite. */
  nonFinite: number;
  elements: number;
}

export interface NativeBinding {
  load(
    options: LoadOptions,
    onEvents: (events: SeqEvent[], steps: number) => void,
  ): Promise<NativeEngine>;
  ops: NativeOps;
}

const modulePath = path.resolve(import.meta.dirname, '../build/Release/llorch_native.node');

export const binding: NativeBinding = createRequire(import.meta.url)(modulePath) as NativeBinding;
