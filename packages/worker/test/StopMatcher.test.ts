import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { StopMatcher } from '../src/StopMatcher.js';

function run(stops: string[], chunks: string[]): { text: string; stop?: string } {
  const matcher = new StopMatcher(stops);
  let text = '';
  for (const chunk of chunks) {
    const scan = matcher.push(chunk);
    text += scan.emit;
    if (scan.stop !== undefined) return { text, stop: scan.stop };
  }
  return { text: text + matcher.flush() };
}

describe('StopMatcher', () => {
  it('passes text through when there are no stop strings', () => {
    expect(run([], ['a', 'b'])).toEqual({ text: 'ab' });
  });

  it('finds a stop string split over chunks and drops it', () => {
    expect(run(['###'], ['Hello #', '#', '# more'])).toEqual({ text: 'Hello ', stop: '###' });
  });

  it('holds back a possible prefix, then releases it when it stops matching', () => {
    const matcher = new StopMatcher(['END']);
    expect(matcher.push('the E').emit).toBe('the ');
    expect(matcher.push('N').emit).toBe('');
    expect(matcher.push('x').emit).toBe('ENx');
  });

  it('releases held text at the end of the stream', () => {
    expect(run(['END'], ['the EN'])).toEqual({ text: 'the EN' });
  });

  it('stops at the stop string that completes first', () => {
    expect(run(['b c', 'c'], ['a b c'])).toEqual({ text: 'a ', stop: 'b c' });
    expect(run(['abcd', 'c'], ['abcd'])).toEqual({ text: 'ab', stop: 'c' });
    expect(run(['abcd', 'c'], ['a', 'b', 'c', 'd'])).toEqual({ text: 'ab', stop: 'c' });
  });

  it('emits nothing after a stop', () => {
    const matcher = new StopMatcher(['x']);
    matcher.push('axb');
    expect(matcher.push('more')).toEqual({ emit: '' });
  });

  it('emits exactly the text before the first stop string, however the text is split', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'é');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        fc.array(word, { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, stops, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [...points, text.length].map((p, i) =>
            text.slice(i === 0 ? 0 : points[i - 1], p),
          );
          // The stop string that completes first wins; on a tie, the one that starts first.
          let first = -1;
          let firstEnd = Infinity;
          let firstStop: string | undefined;
          for (const s of stops) {
            const i = text.indexOf(s);
            if (i === -1) continue;
            const end = i + s.length;
            if (end < firstEnd || (end === firstEnd && i < first))
              [first, firstEnd, firstStop] = [i, end, s];
          }
          const result = run(stops, chunks);
          if (first === -1) expect(result).toEqual({ text });
          else expect(result).toEqual({ text: text.slice(0, first), stop: firstStop });
        },
      ),
      { numRuns: 500 },
    );
  });
});
