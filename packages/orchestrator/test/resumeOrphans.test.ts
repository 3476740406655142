import { describe, expect, it } from '@jest/globals';
import { Job } from '../src/job.js';
import { parseCompletionRequest } from '../src/request.js';
import { resumeOrphans } from '../src/resumeOrphans.js';

const job = (now: number) =>
  new Job(parseCompletionRequest({ model: 'm', prompt: 'hi', max_tokens: 4 }), 'completions', {
    now,
    timeoutMs: 0,
    defaultMaxTokens: 16,
  });

const end = { replicaId: 'm-0', reason: 'crash' as const, detail: 'exit code 1' };

describe('resumeOrphans', () => {
  it('requeues orphans oldest first, counting the resume', () => {
    const [late, early] = [job(20), job(10)];
    const { requeued, lost } = resumeOrphans([late!, early!], end, {
      maxResumes: 2,
      modelGone: false,
      now: 50,
    });
    expect(requeued).toEqual([early, late]);
    expect(lost).toEqual([]);
    expect(requeued.map((j) => [j.state, j.resumes, j.queuedAt])).toEqual([
      ['queued', 1, 50],
      ['queued', 1, 50],
    ]);
  });

  it('fails with ORCH_ERR_WORKER_LOST a job out of resumes, or one whose model is gone', () => {
    const spent = job(0);
    spent.resumes = 2;
    const fresh = job(1);
    const out = resumeOrphans([spent, fresh], end, { maxResumes: 2, modelGone: false, now: 5 });
    expect(out.lost).toEqual([spent]);
    expect(spent.error?.code).toBe('ORCH_ERR_WORKER_LOST');
    expect(spent.error?.message).toContain('m-0 ended (crash) 3 times');
    expect(out.requeued).toEqual([fresh]);

    const orphan = job(0);
    const gone = resumeOrphans([orphan], end, { maxResumes: 2, modelGone: true, now: 5 });
    expect(gone).toEqual({ requeued: [], lost: [orphan] });
    expect(orphan.state).toBe('failed');
  });
});
