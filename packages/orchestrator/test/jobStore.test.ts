import { describe, expect, it } from '@jest/globals';
import { Job } from '../src/job.js';
import { JobStore } from '../src/jobStore.js';
import { parseJobRequest } from '../src/request.js';

const job = () =>
  new Job(parseJobRequest({ model: 'm', prompt: 'p' }), 'jobs', {
    now: 0,
    timeoutMs: 0,
    defaultMaxTokens: 4,
  });

describe('JobStore', () => {
  it('keeps running jobs and expires finished ones after the retention time', () => {
    const s = new JobStore({ retentionMs: 100, maxRetained: 10 });
    const running = job();
    const done = job();
    s.add(running);
    s.add(done);
    s.markFinished(done, 0);
    expect(s.get(done.id, 99)).toBe(done);
    expect(s.get(done.id, 100)).toBeUndefined();
    expect(s.get(running.id, 1_000_000)).toBe(running);
  });

  it('keeps at most maxRetained finished jobs, dropping the oldest', () => {
    const s = new JobStore({ retentionMs: 1e9, maxRetained: 2 });
    const jobs = [job(), job(), job()];
    jobs.forEach((j, i) => {
      s.add(j);
      s.markFinished(j, i);
    });
    expect(s.get(jobs[0]!.id, 3)).toBeUndefined();
    expect(s.get(jobs[1]!.id, 3)).toBe(jobs[1]);
    expect(s.size).toBe(2);
  });
});
