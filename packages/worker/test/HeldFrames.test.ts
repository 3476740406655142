import { describe, expect, it } from '@jest/globals';
import { v1, type EnvelopeInit } from '@llorch/protocol';
import { HeldFrames } from '../src/HeldFrames.js';

const delta = (step: number, ...jobs: Array<[string, number[], string]>): EnvelopeInit => ({
  tokenDelta: {
    engineStep: step,
    deltas: jobs.map(([jobId, tokenIds, text]) => ({ jobId, tokenIds, text, logprobs: [] })),
  },
});

/** Holds `e` with its encoded size, as IpcConnection does. */
const hold = (held: HeldFrames, e: EnvelopeInit) =>
  held.add(e, v1.Envelope.encode(e).finish().length);

function drain(held: HeldFrames): EnvelopeInit[] {
  const out: EnvelopeInit[] = [];
  for (let f = held.shift(); f !== undefined; f = held.shift()) out.push(f);
  return out;
}

describe('HeldFrames', () => {
  it('merges consecutive token deltas job by job', () => {
    const held = new HeldFrames(1 << 20);
    hold(held, delta(1, ['a', [1], 'x'], ['b', [7], 'p']));
    hold(held, delta(2, ['a', [2, 3], 'yz']));
    hold(held, delta(3, ['b', [8], 'q'], ['c', [9], 'r']));
    expect(held.length).toBe(1);
    expect(drain(held)).toEqual([
      delta(3, ['a', [1, 2, 3], 'xyz'], ['b', [7, 8], 'pq'], ['c', [9], 'r']),
    ]);
  });

  it('keeps other frames in place, so a job ends after its last delta', () => {
    const held = new HeldFrames(1 << 20);
    hold(held, delta(1, ['a', [1], 'x']));
    hold(held, { jobDone: { jobId: 'a' } });
    hold(held, delta(2, ['b', [2], 'y']));
    hold(held, delta(3, ['b', [3], 'z']));
    expect(drain(held)).toEqual([
      delta(1, ['a', [1], 'x']),
      { jobDone: { jobId: 'a' } },
      delta(3, ['b', [2, 3], 'yz']),
    ]);
  });

  it('keeps only the latest heartbeat and stats', () => {
    const held = new HeldFrames(1 << 20);
    hold(held, { heartbeat: { engineSteps: 1 } });
    hold(held, { stats: { engineSteps: 1 } });
    hold(held, delta(1, ['a', [1], 'x']));
    hold(held, { heartbeat: { engineSteps: 2 } });
    hold(held, { stats: { engineSteps: 2 } });
    expect(drain(held)).toEqual([
      delta(1, ['a', [1], 'x']),
      { heartbeat: { engineSteps: 2 } },
      { stats: { engineSteps: 2 } },
    ]);
  });

  it('holds a number of frames that does not grow with steps, each under the merge limit', () => {
    const held = new HeldFrames(4096);
    for (let step = 0; step < 10_000; step++) {
      hold(held, delta(step, ['a', [step % 500], 'ab'], ['b', [7], 'c']));
      if (step % 1000 === 0) hold(held, { heartbeat: { engineSteps: step } });
    }
    const frames = drain(held);
    // 10,000 steps of ~24 encoded bytes: about 60 frames of at most 4 KB (not 10,000), nothing
    // lost.
    expect(frames.length).toBeLessThan(80);
    for (const f of frames) expect(v1.Envelope.encode(f).finish().length).toBeLessThan(4096 + 64);
    const a = frames.flatMap((f) => f.tokenDelta?.deltas?.filter((d) => d.jobId === 'a') ?? []);
    expect(a.flatMap((d) => d.tokenIds)).toEqual(Array.from({ length: 10_000 }, (_, i) => i % 500));
    expect(a.map((d) => d.text).join('')).toBe('ab'.repeat(10_000));
  });
});
