import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { EXIT_CODES } from '../src/exitCodes.js';
import { buildWorker } from './buildWorker.js';
import { sharedFile } from '../../../test/support/sharedFile.js';
import { WorkerHarness } from './WorkerHarness.js';

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories ? describe : describe.skip;

describeModel('llorch-worker exit statuses', () => {
  const workers: WorkerHarness[] = [];
  const start = async (args: string[]): Promise<WorkerHarness> => {
    const w = await WorkerHarness.start(args);
    workers.push(w);
    return w;
  };
  const model = (): string[] => ['--model', stories!, '--device', 'cpu', '--threads', '1'];
  const ready = async (): Promise<WorkerHarness> => {
    const w = await start(model());
    await w.waitFor((e) => e.payload === 'hello', 'Hello');
    return w;
  };

  beforeAll(() => buildWorker(), 180_000);

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.dispose()));
  });

  it('2 for a bad command line, with the reason on stderr', async () => {
    const w = await start(['--model', stories!, '--device', 'gpu']);
    expect(await w.exited).toBe(EXIT_CODES.BAD_ARGUMENTS);
    expect(w.fatal()).toMatchObject({ exitCode: 2, msg: expect.stringContaining('--device') });
  });

  it('3 when the model cannot be loaded', async () => {
    const w = await start(['--model', '/nonexistent/model.gguf', '--device', 'cpu']);
    expect(await w.exited).toBe(EXIT_CODES.LOAD_FAILED);
    expect(w.fatal()?.msg).toContain('/nonexistent/model.gguf');
  });

  it('4 when the orchestrator goes away', async () => {
    const w = await ready();
    w.disconnect();
    expect(await w.exited).toBe(EXIT_CODES.IPC_LOST);
  });

  it('5 when a frame length prefix is over the limit', async () => {
    const w = await ready();
    w.sendRaw(Uint8Array.of(0xff, 0xff, 0xff, 0xff));
    expect(await w.exited).toBe(EXIT_CODES.PROTOCOL_ERROR);
    expect(w.fatal()?.msg).toContain('PROTOCOL_ERR_FRAME_TOO_LARGE');
  });

  it('0 on SIGTERM, after cancelling the running job', async () => {
    const w = await ready();
    w.send({
      submit: {
        jobId: 'long',
        prompt: 'Once upon a time',
        stop: { maxTokens: 100_000, ignoreEos: true },
      },
    });
    await w.waitFor((e) => (e.tokenDelta?.deltas ?? []).some((d) => d.jobId === 'long'), 'a delta');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(EXIT_CODES.OK);
    expect(w.of('jobDone')).toMatchObject([{ jobId: 'long', finishReason: 3 }]);
  });
});
