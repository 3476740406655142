import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OrchError } from '../src/errors.js';
import { Job, type JobEvent } from '../src/job.js';
import { parseCompletionRequest } from '../src/request.js';

const newJob = () =>
  new Job(parseCompletionRequest({ model: 'm', prompt: 'p' }), 'completions', {
    now: 0,
    timeoutMs: 0,
    defaultMaxTokens: 8,
  });

describe('Job', () => {
  it('numbers events densely from 1 and ends with done', () => {
    const j = newJob();
    const seen: JobEvent[] = [];
    j.subscribe(0, (e) => seen.push(e));
    j.appendDelta({ tokens: [1], text: 'a' }, 1);
    j.appendDelta({ tokens: [2], text: '' }, 2);
    j.finish('stop', 5, 3);
    expect(seen.map((e) => [e.id, e.type])).toEqual([
      [1, 'delta'],
      [2, 'delta'],
      [3, 'done'],
    ]);
    expect(j.usage).toEqual({ promptTokens: 5, completionTokens: 2 });
    j.appendDelta({ tokens: [3], text: 'late' }, 4);
    expect(j.text).toBe('a');
  });

  it('draws a seed when the request has none and keeps a given one', () => {
    expect(Number.isInteger(newJob().seed)).toBe(true);
    const j = new Job(parseCompletionRequest({ model: 'm', prompt: 'p', seed: 7 }), 'completions', {
      now: 0,
      timeoutMs: 0,
      defaultMaxTokens: 8,
    });
    expect(j.seed).toBe(7);
  });

  it('a reader reconnecting after any event id sees every later event exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (texts, cutsRaw, fails) => {
          const j = newJob();
          let received = '';
          let lastId = 0;
          let unsubscribe = j.subscribe(0, (e) => {
            lastId = e.id;
            if (e.type === 'delta') received += e.text;
          });
          const cuts = new Set(cutsRaw.map((c) => c % texts.length));
          texts.forEach((t, i) => {
            j.appendDelta({ tokens: [i], text: t }, i);
            if (cuts.has(i)) {
              // Disconnect, miss a few events, reconnect with Last-Event-ID.
              unsubscribe();
              j.appendDelta({ tokens: [], text: '' }, i);
              unsubscribe = j.subscribe(lastId, (e) => {
                expect(e.id).toBe(lastId + 1);
                lastId = e.id;
                if (e.type === 'delta') received += e.text;
              });
            }
          });
          if (fails) j.fail(new OrchError('ORCH_ERR_JOB_FAILED', 'x'), 9);
          else j.finish('length', 1, 9);
          expect(received).toBe(texts.join(''));
          expect(lastId).toBe(j.lastEventId);
        },
      ),
    );
  });

  it('drops a listener that throws without failing the job', () => {
    const j = newJob();
    j.subscribe(0, () => {
      throw new Error('socket gone');
    });
    const seen: number[] = [];
    j.subscribe(0, (e) => seen.push(e.id));
    j.appendDelta({ tokens: [1], text: 'a' }, 1);
    j.appendDelta({ tokens: [2], text: 'b' }, 2);
    expect(seen).toEqual([1, 2]);
  });
});
