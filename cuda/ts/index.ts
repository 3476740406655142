export * from './types.js';
export { Engine } from './engine.js';
export { samplingParams } from './samplingParams.js';
export { NATIVE_ERROR_CODES, NativeError, type NativeErrorCode } from './errors.js';
export { testOps } from './test-ops.js';
export type { NativeOps, OpParityResult } from './binding.js';
