import { binding, type NativeOps } from './binding.js';

/**
 * TEST-ONLY: single CPU ops (matmul, dequantize) on caller-supplied weight bytes, so tests can
 * check the native kernels against @llorch/gguf's reference dequantizers. Not for serving.
 */
export const testOps: NativeOps = binding.ops;
