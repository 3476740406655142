import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import OpenAI from 'openai';
import {
  e2eReady,
  readyClient,
  startServe,
  storiesPath,
  waitFor,
  type Served,
} from './support/startServe.js';

// SIGKILL a real worker while clients stream from it: every stream must complete with the text
// an uninterrupted run produces (greedy and seeded), the worker must come back, and the
// metrics must show the restart and the resumes.

const ADMIN = 'e2e-admin-token';
const ready = e2eReady();
// Real processes on a shared 2-core machine: generous per-test bounds, never a timing assertion.
jest.setTimeout(120_000);
const d = ready ? describe : describe.skip;

interface WorkersView {
  models: Array<{
    name: string;
    workers: Array<{ id: string; pid?: number; status: string; restarts: number }>;
  }>;
}

d('crash resume', () => {
  let s: Served;
  let client: OpenAI;

  const workers = async () =>
    (await (
      await fetch(`${s.url}/admin/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as WorkersView;

  beforeAll(async () => {
    s = await startServe(
      [
        `adminToken: ${ADMIN}`,
        'supervisor:',
        '  backoffInitialMs: 100',
        '  stallTimeoutMs: 3000',
        'models:',
        '  stories:',
        `    path: ${storiesPath}`,
        '    maxSeqs: 4',
        '    threads: 1',
      ].join('\n'),
    );
    client = await readyClient(s);
  }, 60_000);

  afterAll(async () => {
    if (s !== undefined) await s.stop();
  });

  it('completes every in-flight stream with the uninterrupted text after SIGKILL of its worker', async () => {
    const noEos = { '2': -100 };
    const requests = [
      { prompt: 'Once upon a time', temperature: 0 },
      { prompt: 'The little dog', temperature: 0 },
      { prompt: 'Sam and Mia', temperature: 0.9, seed: 1234 },
    ].map((r) => ({ model: 'stories', max_tokens: 1500, logit_bias: noEos, ...r }));

    const references = await Promise.all(
      requests.map(async (r) => (await client.completions.create(r)).choices[0]!.text),
    );

    const pid = (await workers()).models[0]!.workers[0]!.pid!;
    let killed = false;
    let started = 0;
    const streamed = await Promise.all(
      requests.map(async (r) => {
        let text = '';
        let finish: string | null = null;
        for await (const chunk of await client.completions.create({ ...r, stream: true })) {
          text += chunk.choices[0]?.text ?? '';
          finish = chunk.choices[0]?.finish_reason ?? finish;
          if (text.length > 0 && !killed && ++started === requests.length) {
            killed = true;
            process.kill(pid, 'SIGKILL');
          }
        }
        return { text, finish };
      }),
    );
    expect(killed).toBe(true);
    streamed.forEach((s, i) => {
      expect(s.finish).toBe('length');
      expect(s.text).toBe(references[i]);
    });

    const w = await waitFor(async () => {
      const v = (await workers()).models[0]!.workers[0]!;
      return v.status === 'ready' && v.restarts >= 1 ? v : undefined;
    });
    expect(w.pid).not.toBe(pid);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('llorch_worker_restarts_total{model="stories",reason="signal"} 1');
    // Every stream was mid-flight when the worker died, so each was resumed once.
    expect(metrics).toContain('llorch_job_resumes_total{model="stories"} 3');
  }, 120_000);

  it('kills a worker that stops making progress with a job, restarts it and finishes the job', async () => {
    const before = (await workers()).models[0]!.workers[0]!;
    const request = {
      model: 'stories',
      prompt: 'One day',
      max_tokens: 1500,
      temperature: 0,
      logit_bias: { '2': -100 },
    };
    const reference = (await client.completions.create(request)).choices[0]!.text;
    let stopped = false;
    let text = '';
    for await (const chunk of await client.completions.create({ ...request, stream: true })) {
      text += chunk.choices[0]?.text ?? '';
      if (!stopped && text.length > 0) {
        stopped = true;
        // Frozen, not dead: its socket stays open and only the step counter stops.
        process.kill(before.pid!, 'SIGSTOP');
      }
    }
    expect(text).toBe(reference);
    const after = (await workers()).models[0]!.workers[0]!;
    expect(after.pid).not.toBe(before.pid);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('llorch_worker_restarts_total{model="stories",reason="stall"} 1');
  }, 120_000);

  it('restarts a worker on an admin request', async () => {
    const before = (await workers()).models[0]!.workers[0]!;
    const res = await fetch(`${s.url}/admin/workers/${before.id}/restart`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(res.status).toBe(202);
    const after = await waitFor(async () => {
      const w = (await workers()).models[0]!.workers[0]!;
      return w.status === 'ready' && w.pid !== before.pid ? w : undefined;
    });
    expect(after.restarts).toBe(before.restarts + 1);
    const done = await client.completions.create({ model: 'stories', prompt: 'Hi', max_tokens: 3 });
    expect(done.usage!.completion_tokens).toBeGreaterThan(0);
  }, 60_000);
});

d('crash resume on a sibling replica', () => {
  let s: Served;
  let client: OpenAI;

  beforeAll(async () => {
    s = await startServe(
      [
        `adminToken: ${ADMIN}`,
        'supervisor:',
        // The dead replica stays down long enough that its jobs must move to the sibling.
        '  backoffInitialMs: 20000',
        'models:',
        '  stories:',
        `    path: ${storiesPath}`,
        '    replicas: 2',
        '    maxSeqs: 4',
        '    threads: 1',
      ].join('\n'),
    );
    client = await readyClient(s);
    await waitFor(async () => {
      const w = (await (
        await fetch(`${s.url}/admin/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
      ).json()) as WorkersView;
      return w.models[0]!.workers.every((x) => x.status === 'ready') ? true : undefined;
    });
  }, 60_000);

  afterAll(async () => {
    if (s !== undefined) await s.stop();
  });

  it('moves the streams of a killed replica to its sibling with the same text', async () => {
    const request = {
      model: 'stories',
      prompt: 'The sun was',
      max_tokens: 1500,
      temperature: 0.7,
      seed: 99,
      logit_bias: { '2': -100 },
    };
    const reference = (await client.completions.create(request)).choices[0]!.text;
    // Two streams: routing by free slots puts one on each replica.
    let killed = false;
    const texts = await Promise.all(
      [0, 1].map(async () => {
        let text = '';
        for await (const chunk of await client.completions.create({ ...request, stream: true })) {
          text += chunk.choices[0]?.text ?? '';
          if (!killed && text.length > 0) {
            killed = true;
            const w = (await (
              await fetch(`${s.url}/admin/workers`, {
                headers: { authorization: `Bearer ${ADMIN}` },
              })
            ).json()) as WorkersView;
            process.kill(w.models[0]!.workers[0]!.pid!, 'SIGKILL');
          }
        }
        return text;
      }),
    );
    expect(texts).toEqual([reference, reference]);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('llorch_worker_restarts_total{model="stories",reason="signal"} 1');
    expect(metrics).toContain('llorch_job_resumes_total{model="stories"} 1');
    // Still within its 20 s backoff: the sibling alone finished the resumed stream.
    const w = (await (
      await fetch(`${s.url}/admin/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as WorkersView;
    expect(w.models[0]!.workers.map((x) => x.status)).toEqual(['down', 'ready']);
  });
});
