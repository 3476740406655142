/**
 * Every CUDA op against the CPU backend (the reference) on fresh random inputs of Qwen2.5-0.5B
 * shapes and every weight type. The CUDA outputs are poisoned with NaN before each op, so an
 * element a kernel never writes fails the case.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testOps, type OpParityResult } from '@llorch/native';

/**
 * Relative L2 error bounds (||cuda - cpu|| / ||cpu||):
 * - f32 arithmetic on both sides, different summation order (warp trees vs AVX lanes) and
 *   expf/sincosf implementations: ~1e-7 per operation, ~1e-6 over a 4864-long dot; 2e-5 leaves
 *   room and still catches a wrong element, scale or block (errors of order 1).
 * - tensor-core tiles round weights and activations to f16 (2^-11 relative each): ~1e-3 over
 *   random dots; 5e-3 still catches any layout or indexing error. The F16/BF16 prefill tiles
 *   split activations into hi + lo halves (~22 / ~16 bits), far inside it (BF16 ~5e-6).
 * - prefill attention (attentionPrefill) rounds Q (scaled), K, V and the softmax weights to f16:
 *   a float64 model of exactly that rounding on these inputs gives relErr ~4e-4 (512, 256..511
 *   and 300-position cases alike), so 5e-3 leaves >10x room. A wrong table, head or tile gives
 *   errors of order 1; a mask off by one position moves row p by ~1/p: ~6e-2 over a prompt that
 *   starts at position 0 (the 512, 300 and mixed cases), caught there.
 * - sample: relErr is the fraction of tokens (sampled and logprob-record tokens) that differ from
 *   the host Sampler's, so any difference fails; the logprobs themselves (log-softmax over 151936
 *   logits, sums in double on both sides) must agree within SAMPLE_LOGPROB_BOUND.
 */
const F32_BOUND = 2e-5;
const TENSOR_CORE_BOUND = 5e-3;
const SAMPLE_LOGPROB_BOUND = 1e-4;

function describe(r: OpParityResult): string {
  return `${r.op} ${r.type} ${r.shape}: relErr ${r.relErr.toExponential(2)}, maxAbs ${r.maxAbsErr.toExponential(2)}, nonFinite ${r.nonFinite}/${r.elements}`;
}

test('every CUDA op matches the CPU backend on random inputs', () => {
  const seed = Math.floor(Math.random() * 0xffffffff);
  const results = testOps.cudaParity(0, seed);
  const failures: string[] = [];
  for (const r of results) {
    const bound = r.tensorCores ? TENSOR_CORE_BOUND : F32_BOUND;
    console.log(describe(r));
    if (r.nonFinite !== 0 || !(r.relErr <= bound)) failures.push(`${describe(r)} (bound ${bound})`);
    if (r.op === 'sample' && !(r.maxAbsErr <= SAMPLE_LOGPROB_BOUND))
      failures.push(`${describe(r)} (logprob bound ${SAMPLE_LOGPROB_BOUND})`);
  }
  const ops = new Set(results.map((r) => r.op));
  for (const op of [
    'matmul',
    'getRows',
    'rmsnorm',
    'addBias',
    'rope',
    'kvStore',
    'attention',
    'attentionPrefill',
    'siluMul',
    'add',
    'gatherRows',
    'argmax',
    'normMatmul',
    'normGateUp',
    'normMatmulArgmax',
    'matmulAdd',
    'qkvRopeStore',
    'normQkvRopeStore',
    'sample',
  ]) {
    assert.ok(ops.has(op), `no parity case for ${op}`);
  }
  // The prefill-sized paths of the fused steps (tiles with norm, bias, rope and cache stores).
  for (const op of ['normMatmul', 'normGateUp', 'normQkvRopeStore']) {
    assert.ok(
      results.some((r) => r.op === op && r.shape.includes('prefill')),
      `no prefill parity case for ${op}`,
    );
  }
  const types = new Set(results.filter((r) => r.op === 'matmul').map((r) => r.type));
  assert.equal(types.size, 13, `matmul covered ${[...types].join(', ')}`);
  assert.deepEqual(failures, [], `seed ${seed}`);
});
