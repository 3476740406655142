import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { SamplingParams, Submit } from '@llorch/protocol';
import { buildWorker } from './buildWorker.js';
import { sharedFile } from '../../../test/support/sharedFile.js';
import { WorkerHarness } from './WorkerHarness.js';

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories ? describe : describe.skip;

const MAX_TOKENS = 1000;
const SAMPLING: Record<string, SamplingParams> = {
  greedy: { temperature: 0 },
  seeded: { temperature: 1, topP: 0.95, repetitionPenalty: 1.1, seed: 777 },
};

describeModel('resuming a job after its worker died (stories260K, CPU)', () => {
  const workers: WorkerHarness[] = [];
  const start = async (): Promise<WorkerHarness> => {
    const w = await WorkerHarness.start([
      '--model',
      stories!,
      '--device',
      'cpu',
      '--threads',
      '2',
      '--ctx',
      '1024',
    ]);
    workers.push(w);
    await w.waitFor((e) => e.payload === 'hello', 'Hello');
    return w;
  };

  beforeAll(() => buildWorker(), 180_000);

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.dispose()));
  });

  it.each(Object.keys(SAMPLING))(
    '%s: the resumed job continues the text exactly',
    async (kind) => {
      const submit = (
        jobId: string,
        resumeTokens: number[] = [],
        maxTokens = MAX_TOKENS,
      ): Submit => ({
        jobId,
        prompt: 'Once upon a time',
        sampling: SAMPLING[kind],
        // A stop string that never completes still makes the worker hold text back.
        stop: { maxTokens, ignoreEos: true, stop: ['Once upon a midnight dreary'] },
        resumeTokens,
      });

      const worker = await start();
      worker.send({ submit: submit('full') });
      await worker.end('full');
      const full = { text: worker.text('full'), tokens: worker.tokens('full') };
      expect(full.tokens).toHaveLength(MAX_TOKENS);

      // The engine side of a resume: a job stopped after k tokens and resubmitted with them
      // draws exactly the tokens the uninterrupted run drew after them.
      for (const k of [1, 17, 200]) {
        worker.send({ submit: submit(`first-${k}`, [], k) });
        await worker.end(`first-${k}`);
        const delivered = worker.tokens(`first-${k}`);
        expect(delivered).toEqual(full.tokens.slice(0, k));
        worker.send({ submit: submit(`rest-${k}`, delivered) });
        const done = (await worker.end(`rest-${k}`)).jobDone;
        expect(done?.usage).toMatchObject({ completionTokens: MAX_TOKENS, resumedTokens: k });
        expect(worker.tokens(`rest-${k}`)).toEqual(full.tokens.slice(k));
      }

      // A real crash: the worker is killed mid-stream, a new one resumes from what it had
      // delivered, and the text goes on exactly where the dead worker's left off (text it was
      // still holding back, such as a possible stop-string prefix, comes out of the new one).
      const doomed = await start();
      doomed.send({ submit: submit('crashed') });
      await doomed.waitFor(
        (e) => (e.tokenDelta?.deltas ?? []).some((d) => d.jobId === 'crashed'),
        'a delta',
      );
      await doomed.crash();
      expect(doomed.of('jobDone')).toHaveLength(0);
      const delivered = doomed.tokens('crashed');
      const heir = await start();
      heir.send({ submit: submit('crashed', delivered) });
      await heir.end('crashed');
      expect([...delivered, ...heir.tokens('crashed')]).toEqual(full.tokens);
      expect(doomed.text('crashed') + heir.text('crashed')).toBe(full.text);
    },
    180_000,
  );
});
