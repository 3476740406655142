import { GgufError } from '../errors.js';
import { GgmlType, ggmlTypeInfo } from '../ggml-type.js';

/**
 * Which ggml type each weight of a synthetic model gets, modelled on llama.cpp's
 * llama_tensor_get_type for the same file types:
 * - f32 / f16 / q8_0 / q6_k: every weight matrix in that type.
 * - q4_0 / q4_k: every matrix in that type, except the output projection (output.weight, or
 *   token_embd.weight when the embeddings are tied) in Q6_K.
 * - q4_k_m: Q4_K, with Q6_K for the output projection and for attn_v and ffn_down in the
 *   layers llama.cpp's use_more_bits picks (the first and last eighth, and every third layer
 *   between).
 * Norm weights and biases are always F32. A row that is not a whole number of a K type's
 * 256-element blocks falls back as llama.cpp does: Q4_K -> Q5_0, Q6_K -> Q8_0 (Qwen2.5-0.5B's
 * 896-wide rows hit this); a row that fits neither is F16.
 */
export const SYNTH_TYPES = ['f32', 'f16', 'q8_0', 'q4_0', 'q4_k', 'q6_k', 'q4_k_m'] as const;
export type SynthType = (typeof SYNTH_TYPES)[number];

/** general.file_type (llama_ftype) of each recipe. */
export const FILE_TYPE: Record<SynthType, number> = {
  f32: 0,
  f16: 1,
  q4_0: 2,
  q8_0: 7,
  q4_k: 14,
  q4_k_m: 15,
  q6_k: 18,
};

const BASE: Record<SynthType, GgmlType> = {
  f32: GgmlType.F32,
  f16: GgmlType.F16,
  q8_0: GgmlType.Q8_0,
  q4_0: GgmlType.Q4_0,
  q4_k: GgmlType.Q4_K,
  q6_k: GgmlType.Q6_K,
  q4_k_m: GgmlType.Q4_K,
};

const FALLBACK = new Map<GgmlType, GgmlType>([
  [GgmlType.Q4_K, GgmlType.Q5_0],
  [GgmlType.Q6_K, GgmlType.Q8_0],
]);

function fits(type: GgmlType, rowLength: number): boolean {
  return rowLength % ggmlTypeInfo(type)!.blockSize === 0;
}

/** llama.cpp's use_more_bits(i_layer, n_layers). */
export function useMoreBits(layer: number, layers: number): boolean {
  const eighth = Math.floor(layers / 8);
  return layer < eighth || layer >= Math.floor((7 * layers) / 8) || (layer - eighth) % 3 === 2;
}

export function parseSynthType(name: string): SynthType {
  if (!(SYNTH_TYPES as readonly string[]).includes(name)) {
    throw new GgufError(
      'GGUF_ERR_BAD_SYNTH_OPTION',
      `unknown weight type '${name}' (one of ${SYNTH_TYPES.join(', ')})`,
    );
  }
  return name as SynthType;
}

export interface WeightRole {
  /** Tensor name without the blk.N. prefix, e.g. 'attn_v.weight'. */
  readonly kind: string;
  /** Layer index, or -1 outside the blocks. */
  readonly layer: number;
  readonly layers: number;
  /** The tensor is the output projection (output.weight, or tied token_embd.weight). */
  readonly isOutput: boolean;
  readonly rowLength: number;
}

/** The ggml type of one weight matrix under the recipe. */
export function weightType(recipe: SynthType, role: WeightRole): GgmlType {
  let type = BASE[recipe];
  const kQuant = recipe === 'q4_0' || recipe === 'q4_k' || recipe === 'q4_k_m';
  if (kQuant && role.isOutput) type = GgmlType.Q6_K;
  if (
    recipe === 'q4_k_m' &&
    (role.kind === 'attn_v.weight' || role.kind === 'ffn_down.weight') &&
    useMoreBits(role.layer, role.layers)
  ) {
    type = GgmlType.Q6_K;
  }
  if (!fits(type, role.rowLength)) type = FALLBACK.get(type) ?? type;
  return fits(type, role.rowLength) ? type : GgmlType.F16;
}
