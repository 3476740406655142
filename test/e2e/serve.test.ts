import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import OpenAI from 'openai';
import { parseSse } from '../../packages/orchestrator/test/support/parseSse.js';
import {
  e2eReady,
  readyClient,
  startServe,
  storiesPath,
  waitFor,
  type Served,
} from './support/startServe.js';

// Real processes end to end: `llorch serve` (built CLI) with CPU workers on stories260K,
// driven by the official openai client, raw SSE and the native jobs API.

const ADMIN = 'e2e-admin-token';
const ready = e2eReady();
// Real processes on a shared 2-core machine: generous per-test bounds, never a timing assertion.
jest.setTimeout(120_000);
const d = ready ? describe : describe.skip;

function promtool(): string | undefined {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return 'promtool';
  } catch {
    if (process.env.CI === 'true')
      throw new Error('promtool is missing (apt-get install -y prometheus)');
    return undefined;
  }
}

d('llorch serve end to end', () => {
  let s: Served;
  let client: OpenAI;
  const noEos = { '2': -100 };

  beforeAll(async () => {
    s = await startServe(
      [
        `adminToken: ${ADMIN}`,
        `modelDir: ${path.dirname(storiesPath)}`,
        'models:',
        '  stories:',
        `    path: ${storiesPath}`,
        '    maxSeqs: 4',
        '    threads: 1',
        '  tight:',
        `    path: ${storiesPath}`,
        '    maxSeqs: 1',
        '    maxQueued: 0',
        '    threads: 1',
      ].join('\n'),
    );
    client = await readyClient(s);
  }, 60_000);

  afterAll(async () => {
    if (s !== undefined && s.child.exitCode === null) await s.stop();
  });

  it('serves chat completions through the openai client, streamed and not, with the same greedy text', async () => {
    const req = {
      model: 'stories',
      messages: [{ role: 'user' as const, content: 'Once upon a time' }],
      max_tokens: 40,
      temperature: 0,
    };
    const whole = await client.chat.completions.create(req);
    expect(whole.object).toBe('chat.completion');
    const text = whole.choices[0]!.message.content!;
    expect(text.length).toBeGreaterThan(0);
    expect(whole.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(whole.usage!.completion_tokens).toBeLessThanOrEqual(40);

    const stream = await client.chat.completions.create({
      ...req,
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finish: string | null = null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(streamed).toBe(text);
    expect(finish).toBe(whole.choices[0]!.finish_reason);
    expect(usage).toEqual(whole.usage);
  });

  it('serves text completions through the openai client, streamed and not', async () => {
    const req = {
      model: 'stories',
      prompt: 'Lily went to the park',
      max_tokens: 30,
      temperature: 0,
      logit_bias: noEos,
    };
    const whole = await client.completions.create(req);
    expect(whole.choices[0]!.finish_reason).toBe('length');
    expect(whole.usage!.completion_tokens).toBe(30);
    let streamed = '';
    for await (const chunk of await client.completions.create({ ...req, stream: true }))
      streamed += chunk.choices[0]?.text ?? '';
    expect(streamed).toBe(whole.choices[0]!.text);
  });

  it('speaks raw SSE: data lines, a usage chunk and data: [DONE]', async () => {
    const res = await fetch(`${s.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'stories',
        prompt: 'Tom',
        max_tokens: 8,
        stream: true,
        seed: 3,
        stream_options: { include_usage: true },
      }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await res.text();
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
    const events = parseSse(body);
    for (const e of events) expect(e.event).toBeUndefined();
    const chunks = events
      .slice(0, -1)
      .map((e) => JSON.parse(e.data) as { choices: unknown[]; usage: unknown });
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(chunks.at(-1)!.usage).toMatchObject({ completion_tokens: expect.any(Number) });
  });

  it('runs a native job and resumes its events with Last-Event-ID, nothing lost or repeated', async () => {
    const created = await fetch(`${s.url}/v1/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'stories',
        prompt: 'The cat',
        max_tokens: 60,
        temperature: 0,
        logit_bias: noEos,
      }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    const first = parseSse(await (await fetch(`${s.url}/v1/jobs/${id}/events`)).text());
    expect(first.map((e) => Number(e.id))).toEqual(first.map((_, i) => i + 1));
    const cut = Math.min(3, first.length - 1);
    const rest = parseSse(
      await (
        await fetch(`${s.url}/v1/jobs/${id}/events`, { headers: { 'Last-Event-ID': String(cut) } })
      ).text(),
    );
    expect(rest).toEqual(first.slice(cut));
    const text = [...first.slice(0, cut), ...rest]
      .filter((e) => e.event === 'delta')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join('');
    const view = (await (await fetch(`${s.url}/v1/jobs/${id}`)).json()) as {
      text: string;
      state: string;
      usage: { completion_tokens: number };
    };
    expect(view.state).toBe('succeeded');
    expect(view.usage.completion_tokens).toBe(60);
    expect(text).toBe(view.text);
  });

  it('answers bad requests with OpenAI-shaped errors and the right status', async () => {
    const post = (p: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${s.url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const malformed = await post('/v1/chat/completions', '{"model":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 'ORCH_ERR_MALFORMED_JSON',
      type: 'invalid_request_error',
      param: null,
      message: expect.any(String),
    });
    await expect(client.completions.create({ model: 'nope', prompt: 'x' })).rejects.toMatchObject({
      status: 404,
    });
    expect((await fetch(`${s.url}/admin/workers`)).status).toBe(401);
    const outside = await post(
      '/admin/models',
      JSON.stringify({ name: 'x', path: '../../etc/passwd' }),
      {
        authorization: `Bearer ${ADMIN}`,
      },
    );
    expect(outside.status).toBe(403);
    // Refused by the worker (over the 2048-token context) before any token: streamed or not,
    // the client gets the 400.
    const long = 'Once upon a time '.repeat(800);
    await expect(
      client.completions.create({ model: 'stories', prompt: long, max_tokens: 4, stream: true }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'ORCH_ERR_INVALID_REQUEST',
      param: 'prompt',
      message: expect.stringContaining('maximum context length is 2048 tokens'),
    });
    await expect(
      client.chat.completions.create({
        model: 'stories',
        messages: [{ role: 'user', content: long }],
        max_tokens: 4,
        stream: true,
      }),
    ).rejects.toMatchObject({ status: 400, code: 'ORCH_ERR_INVALID_REQUEST', param: 'messages' });
    // An unpaired surrogate (UTF-8 cannot carry one) stops at the HTTP layer: no worker restarts.
    const lone = await post('/v1/completions', '{"model":"stories","prompt":"a\\ud800"}');
    expect(lone.status).toBe(400);
    expect(((await lone.json()) as { error: { param: string } }).error.param).toBe('prompt');
    const workers = (await (
      await fetch(`${s.url}/admin/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as { models: Array<{ workers: Array<{ restarts: number }> }> };
    for (const m of workers.models) for (const w of m.workers) expect(w.restarts).toBe(0);
  });

  it('answers a full queue with 429 and Retry-After, and frees the slot when a client disconnects', async () => {
    const ctl = new AbortController();
    const long = await fetch(`${s.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'tight',
        prompt: 'A',
        max_tokens: 1500,
        temperature: 0,
        logit_bias: noEos,
        stream: true,
      }),
      signal: ctl.signal,
    });
    const reader = long.body!.getReader();
    await reader.read();
    const refused = await fetch(`${s.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'tight', prompt: 'B', max_tokens: 5 }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ORCH_ERR_QUEUE_FULL',
    );
    ctl.abort();
    const after = await waitFor(async () => {
      const r = await client.completions
        .create({ model: 'tight', prompt: 'C', max_tokens: 3 })
        .catch(() => undefined);
      return r;
    });
    expect(after.choices[0]!.text.length).toBeGreaterThanOrEqual(0);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(
      /llorch_job_duration_seconds_count\{model="tight",finish_reason="cancelled"\} [1-9]/,
    );
  });

  it('loads a model from the model directory at run time and unloads it', async () => {
    const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
    const load = await fetch(`${s.url}/admin/models`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'extra',
        path: path.basename(storiesPath),
        maxSeqs: 2,
        threads: 1,
      }),
    });
    expect(load.status).toBe(202);
    const done = await client.completions.create({ model: 'extra', prompt: 'Hi', max_tokens: 4 });
    expect(done.usage!.completion_tokens).toBe(4);
    const unload = await fetch(`${s.url}/admin/models/extra`, { method: 'DELETE', headers: auth });
    expect(unload.status).toBe(200);
    await expect(client.completions.create({ model: 'extra', prompt: 'x' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('exports metrics that promtool accepts after traffic', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/llorch_job_generated_tokens_total\{model="stories"\} [1-9]/);
    expect(text).toMatch(/llorch_worker_up\{model="stories",replica="0",device="cpu"\} 1/);
    expect(text).toMatch(/llorch_model_load_duration_seconds_count\{model="stories"\} 1/);
    const tool = promtool();
    if (tool === undefined) return;
    execFileSync(tool, ['check', 'metrics'], { input: text });
  });

  it('shuts down on SIGTERM with exit 0 and stops its workers', async () => {
    const workers = (await (
      await fetch(`${s.url}/admin/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as {
      models: Array<{ workers: Array<{ pid: number }> }>;
    };
    const pids = workers.models.flatMap((m) => m.workers.map((w) => w.pid));
    expect(pids.length).toBe(2);
    expect(await s.stop('SIGTERM')).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
