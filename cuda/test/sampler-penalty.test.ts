import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { testOps } from '@llorch/native';

/** The penalty window as the host Sampler counted it before: occurrences over the last n tokens. */
function reference(history: number[], lastN: number): Array<[number, number]> {
  const window = lastN < 0 ? history : history.slice(Math.max(0, history.length - lastN));
  const counts = new Map<number, number>();
  for (const t of window) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

describe('penaltyWindow', () => {
  test('counts each token of the last penaltyLastN, in ascending token order', () => {
    expect(testOps.penaltyWindow([5, 3, 5, 9, 3, 5], 4)).toEqual([
      [3, 1],
      [5, 2],
      [9, 1],
    ]);
    expect(testOps.penaltyWindow([5, 3, 5], -1)).toEqual([
      [3, 1],
      [5, 2],
    ]);
    expect(testOps.penaltyWindow([5, 3, 5], 0)).toEqual([]);
    expect(testOps.penaltyWindow([7], 64)).toEqual([[7, 1]]);
  });

  test('matches a direct count on random histories', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 300 }),
        fc.integer({ min: -1, max: 400 }),
        (history, lastN) => {
          expect(testOps.penaltyWindow(history, lastN)).toEqual(reference(history, lastN));
        },
      ),
    );
  });
});
