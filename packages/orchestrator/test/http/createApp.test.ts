/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are read field by field */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readGguf } from '@llorch/gguf';
import { Tokenizer } from '@llorch/tokenizer';
import fc from 'fast-check';
import { pino } from 'pino';
import { configSchema } from '../../src/config.js';
import { Orchestrator } from '../../src/Orchestrator.js';
import { FakeSpawner } from '../support/FakeSpawner.js';
import { parseSse } from '../support/parseSse.js';
import { sharedFile } from '../../../../test/support/sharedFile.js';

// The replicas are fakes; the model files are real, since loading a model reads its vocabulary.
const storiesFile = sharedFile('models/stories260K.gguf');
const haveModel = storiesFile !== undefined;
const stories = storiesFile ?? '';

const ADMIN = 'admin-token-123';
const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modelDir = path.join(dir, 'models');
mkdirSync(modelDir);
if (haveModel) copyFileSync(stories, path.join(modelDir, 'other.gguf'));
writeFileSync(path.join(modelDir, 'notgguf.gguf'), 'not a model');
writeFileSync(path.join(dir, 'secret.gguf'), 'x');
symlinkSync(path.join(dir, 'secret.gguf'), path.join(modelDir, 'link.gguf'));

(haveModel ? describe : describe.skip)('HTTP API (fake replicas)', () => {
  let orch: Orchestrator;
  let spawner: FakeSpawner;
  let base: string;

  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    spawner = new FakeSpawner({ auto: true, maxSeqs: 2 });
    const config = configSchema.parse({
      port: 0,
      shutdownTimeoutMs: 1000,
      adminToken: ADMIN,
      modelDir,
      models: {
        tiny: { path: stories, maxSeqs: 2, maxQueued: 1 },
        held: { path: stories, maxSeqs: 1, maxQueued: 1 },
      },
    });
    orch = await Orchestrator.start(config, {
      spawner,
      probe: () => Promise.resolve([{ device: 'cpu', memoryTotalBytes: 1, memoryFreeBytes: 1 }]),
      log: pino({ level: 'silent' }),
    });
    base = orch.url;
  });

  afterAll(async () => {
    await orch.shutdown();
  });

  it('answers health, readiness and the model list', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const models = (await (await fetch(`${base}/v1/models`)).json()) as {
      data: Array<{ id: string }>;
    };
    expect(models.data.map((m) => m.id).sort()).toEqual(['held', 'tiny']);
  });

  it('completes a non-streaming chat request in OpenAI shape', async () => {
    const res = await post('/v1/chat/completions', {
      model: 'tiny',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 3,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
    const body = (await res.json()) as Record<string, any>;
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message).toEqual({
      role: 'assistant',
      content: ' t0 t1 t2',
      refusal: null,
    });
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
  });

  it('streams completions as SSE chunks with a usage chunk and [DONE]', async () => {
    const res = await post('/v1/completions', {
      model: 'tiny',
      prompt: 'x',
      max_tokens: 2,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.at(-1)!.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as Record<string, any>);
    expect(chunks.map((c) => c.choices[0]?.text ?? null)).toEqual([' t0', ' t1', '', null]);
    expect(chunks[2]!.choices[0].finish_reason).toBe('length');
    expect(chunks[0]!.usage).toBeNull();
    expect(chunks[3]!.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });

  it('streams chat with a role chunk first', async () => {
    const res = await post('/v1/chat/completions', {
      model: 'tiny',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 1,
      stream: true,
    });
    const chunks = parseSse(await res.text())
      .filter((e) => e.data !== '[DONE]')
      .map((e) => JSON.parse(e.data) as Record<string, any>);
    expect(chunks[0]!.choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[1]!.choices[0].delta).toEqual({ content: ' t0' });
    expect(chunks[2]!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'length' });
  });

  it('answers malformed JSON with 400 in OpenAI error shape', async () => {
    const res = await post('/v1/chat/completions', '{"model": "tiny", ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, any>;
    expect(body.error).toMatchObject({
      code: 'ORCH_ERR_MALFORMED_JSON',
      type: 'invalid_request_error',
      param: null,
    });
    expect(typeof body.error.message).toBe('string');
  });

  it('answers an invalid field with 400 naming it', async () => {
    const res = await post('/v1/completions', { model: 'tiny', prompt: 'x', top_k: -1 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Record<string, any>).error).toMatchObject({
      code: 'ORCH_ERR_INVALID_REQUEST',
      param: 'top_k',
    });
  });

  it('answers text with an unpaired surrogate with 400 naming the field, never reaching a worker', async () => {
    const submits = () => spawner.replicas.reduce((n, r) => n + r.submits.length, 0);
    const before = submits();
    const cases: Array<[string, string, string]> = [
      ['/v1/completions', '{"model":"tiny","prompt":"ab\\ud800c"}', 'prompt'],
      [
        '/v1/chat/completions',
        '{"model":"tiny","messages":[{"role":"user","content":[{"type":"text","text":"\\udc00"}]}]}',
        'messages.0.content.0.text',
      ],
      ['/v1/jobs', '{"model":"tiny","prompt":"x","stop":["ok","\\ud83d"]}', 'stop.1'],
      [
        '/v1/completions',
        '{"model":"tiny","prompt":"x","logit_bias":{"\\ud800":1}}',
        'logit_bias.\ud800',
      ],
    ];
    for (const [route, body, param] of cases) {
      const res = await post(route, body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as Record<string, any>).error;
      expect(error).toMatchObject({ code: 'ORCH_ERR_INVALID_REQUEST', param });
      expect(error.message).toMatch(/unpaired UTF-16 surrogate \(\\u(d800|dc00|d83d) at index/);
    }
    expect(submits()).toBe(before);
    // A surrogate pair is one character (U+1F600) and goes through.
    const ok = await post(
      '/v1/completions',
      '{"model":"tiny","prompt":"\\ud83d\\ude00","max_tokens":2}',
    );
    expect(ok.status).toBe(200);
    expect(submits()).toBe(before + 1);
  });

  it('answers an unknown model with 404', async () => {
    const res = await post('/v1/completions', { model: 'ghost', prompt: 'x' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Record<string, any>).error).toMatchObject({
      code: 'ORCH_ERR_UNKNOWN_MODEL',
      param: 'model',
    });
  });

  it('answers a full queue with 429 and Retry-After', async () => {
    // `held` replicas never finish on their own: stop auto-generation for them.
    const held = spawner.byId('held-0');
    const origSubmit = held.submit.bind(held);
    held.submit = (spec) => {
      held.submits.push(spec);
      held.live.set(spec.jobId, spec);
    };
    const first = post('/v1/jobs', { model: 'held', prompt: 'a' });
    const second = post('/v1/jobs', { model: 'held', prompt: 'b' });
    expect((await first).status).toBe(202);
    expect((await second).status).toBe(202);
    const third = await post('/v1/completions', { model: 'held', prompt: 'c' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await third.json()) as Record<string, any>).error.code).toBe('ORCH_ERR_QUEUE_FULL');
    // Finishing one dispatches the next queued job to the same (held) replica.
    while (held.live.size > 0) held.finish(held.live.keys().next().value!);
    held.submit = origSubmit;
  });

  it('runs a native job and resumes its event stream from Last-Event-ID', async () => {
    const created = await post('/v1/jobs', { model: 'tiny', prompt: 'p', max_tokens: 5 });
    expect(created.status).toBe(202);
    const job = (await created.json()) as { id: string };
    expect(created.headers.get('location')).toBe(`/v1/jobs/${job.id}`);
    const all = parseSse(await (await fetch(`${base}/v1/jobs/${job.id}/events`)).text());
    expect(all.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(all.at(-1)!.event).toBe('done');
    const rest = parseSse(
      await (
        await fetch(`${base}/v1/jobs/${job.id}/events`, { headers: { 'last-event-id': '3' } })
      ).text(),
    );
    expect(rest).toEqual(all.slice(3));
    const text = rest
      .filter((e) => e.event === 'delta')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join('');
    expect(text).toBe(' t3 t4');
    const view = (await (await fetch(`${base}/v1/jobs/${job.id}`)).json()) as Record<string, any>;
    expect(view).toMatchObject({
      state: 'succeeded',
      text: ' t0 t1 t2 t3 t4',
      finish_reason: 'length',
      last_event_id: 6,
    });
    expect((await fetch(`${base}/v1/jobs/job_nope`)).status).toBe(404);
  });

  it('cancels a native job with DELETE and a streamed job when its client disconnects', async () => {
    const held = spawner.byId('held-0');
    const origSubmit = held.submit.bind(held);
    held.submit = (spec) => {
      held.submits.push(spec);
      held.live.set(spec.jobId, spec);
    };
    const job = (await (await post('/v1/jobs', { model: 'held', prompt: 'a' })).json()) as {
      id: string;
    };
    const del = await fetch(`${base}/v1/jobs/${job.id}`, { method: 'DELETE' });
    expect(((await del.json()) as Record<string, any>).state).toBe('cancelled');
    expect(held.cancels).toContain(job.id);

    // The stream's headers wait for its first token, so this client leaves before any.
    const ctl = new AbortController();
    const submitted = held.submits.length;
    const res = fetch(`${base}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'held', prompt: 'x', stream: true }),
      signal: ctl.signal,
    }).catch((e: unknown) => e);
    for (let i = 0; i < 100 && held.submits.length === submitted; i++)
      await new Promise((r) => setTimeout(r, 10));
    const jobId = held.submits.at(-1)!.jobId;
    ctl.abort();
    expect(await res).toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 100 && !held.cancels.includes(jobId); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(held.cancels).toContain(jobId);
    held.submit = origSubmit;
  });

  it('answers a streamed request its worker refuses before any token with that status', async () => {
    const held = spawner.byId('held-0');
    const origSubmit = held.submit.bind(held);
    held.submit = (spec) => {
      held.submits.push(spec);
      held.events.failed(spec.jobId, 'WORKER_ERR_CONTEXT_OVERFLOW', 'prompt is 9000 tokens');
    };
    try {
      for (const [route, body, param] of [
        ['/v1/completions', { model: 'held', prompt: 'x', stream: true }, 'prompt'],
        [
          '/v1/chat/completions',
          { model: 'held', messages: [{ role: 'user', content: 'x' }], stream: true },
          'messages',
        ],
      ] as const) {
        const res = await post(route, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(((await res.json()) as Record<string, any>).error).toMatchObject({
          code: 'ORCH_ERR_INVALID_REQUEST',
          param,
          message: expect.stringContaining('prompt is 9000 tokens'),
        });
      }
    } finally {
      held.submit = origSubmit;
    }
  });

  it('protects the admin API with the bearer token', async () => {
    expect((await fetch(`${base}/admin/workers`)).status).toBe(401);
    expect(
      (await fetch(`${base}/admin/workers`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const ok = await fetch(`${base}/admin/workers`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      models: Array<{ name: string; workers: Array<Record<string, any>> }>;
    };
    expect(body.models.find((m) => m.name === 'tiny')!.workers[0]).toMatchObject({
      id: 'tiny-0',
      status: 'ready',
      capacity: 2,
      engine: { architecture: 'llama', ctx: 2048 },
    });
  });

  it('refuses admin model paths outside the model directory, symlinks included', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    for (const p of ['../secret.gguf', '/etc/passwd', 'link.gguf']) {
      const res = await post('/admin/models', { name: 'evil', path: p }, auth);
      expect(res.status).toBe(403);
      expect(((await res.json()) as Record<string, any>).error.code).toBe(
        'ORCH_ERR_FORBIDDEN_PATH',
      );
    }
    const missing = await post('/admin/models', { name: 'evil', path: 'nope.gguf' }, auth);
    expect(missing.status).toBe(400);
    const notGguf = await post('/admin/models', { name: 'evil', path: 'notgguf.gguf' }, auth);
    expect(notGguf.status).toBe(400);
    expect(((await notGguf.json()) as Record<string, any>).error.code).toBe('ORCH_ERR_BAD_MODEL');
    const surrogate = await post('/admin/models', { name: 'evil', path: 'x\udfff.gguf' }, auth);
    expect(surrogate.status).toBe(400);
    expect(((await surrogate.json()) as Record<string, any>).error.param).toBe('path');
    const unknownKey = await post('/admin/models', { name: 'x', path: 'other.gguf', gpu: 1 }, auth);
    expect(unknownKey.status).toBe(400);
    expect(((await unknownKey.json()) as Record<string, any>).error).toMatchObject({
      message: expect.stringContaining('Unrecognized key: "gpu"'),
      param: null,
    });
  });

  it('loads and unloads a model through the admin API', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const res = await post('/admin/models', { name: 'other', path: 'other.gguf' }, auth);
    expect(res.status).toBe(202);
    const done = await post('/v1/completions', { model: 'other', prompt: 'x', max_tokens: 1 });
    expect(done.status).toBe(200);
    expect((await post('/admin/models', { name: 'other', path: 'other.gguf' }, auth)).status).toBe(
      409,
    );
    const del = await fetch(`${base}/admin/models/other`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(200);
    expect((await post('/v1/completions', { model: 'other', prompt: 'x' })).status).toBe(404);
  });

  it('spells logprob tokens from the model vocabulary', async () => {
    const tok = Tokenizer.fromGguf(await readGguf(stories));
    const spell = (id: number) => new TextDecoder().decode(tok.pieceBytes(id, false, false));
    const res = await post('/v1/completions', {
      model: 'tiny',
      prompt: 'x',
      max_tokens: 2,
      logprobs: 1,
    });
    const lp = ((await res.json()) as Record<string, any>).choices[0].logprobs;
    expect(lp.tokens).toEqual([spell(100), spell(101)]);
    expect(lp.token_logprobs).toEqual([-0.5, -0.5]);
    expect(lp.top_logprobs[0]).toEqual({ [spell(100)]: -0.5 });
    expect(lp.text_offset).toEqual([0, spell(100).length]);
    const chat = await post('/v1/chat/completions', {
      model: 'tiny',
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 1,
      logprobs: true,
      top_logprobs: 2,
    });
    const content = ((await chat.json()) as Record<string, any>).choices[0].logprobs.content;
    expect(content[0]).toEqual({
      token: spell(100),
      logprob: -0.5,
      bytes: [...tok.pieceBytes(100, false, false)],
      top_logprobs: [
        { token: spell(100), logprob: -0.5, bytes: [...tok.pieceBytes(100, false, false)] },
        { token: spell(7), logprob: -1.5, bytes: [...tok.pieceBytes(7, false, false)] },
      ],
    });
  });

  it('answers any JSON body on any generation route without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/chat/completions', '/v1/completions', '/v1/jobs'),
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            model: fc.constantFrom('tiny', 'nope', 7),
            prompt: fc.oneof(fc.string(), fc.array(fc.integer()), fc.constant(null)),
            messages: fc.array(fc.record({ role: fc.string(), content: fc.jsonValue() })),
            max_tokens: fc.oneof(fc.integer({ min: -5, max: 8 }), fc.double()),
            temperature: fc.double(),
            stop: fc.oneof(fc.string(), fc.array(fc.string())),
            logit_bias: fc.dictionary(fc.string(), fc.double()),
          }),
        ),
        async (route, body) => {
          const res = await post(route, JSON.stringify(body));
          expect(res.status).toBeLessThan(500);
          await res.text();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('exports llorch_* metrics after traffic', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(
      /llorch_http_requests_total\{model="tiny",route="\/v1\/chat\/completions",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /llorch_http_requests_total\{model="unknown",route="\/v1\/completions",status="404"\} [1-9]/,
    );
    expect(text).toContain('llorch_job_time_to_first_token_seconds_bucket');
    expect(text).toContain('llorch_job_generated_tokens_total{model="tiny"}');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});

(haveModel ? describe : describe.skip)('HTTP API with API keys', () => {
  let orch: Orchestrator;

  beforeAll(async () => {
    const config = configSchema.parse({
      port: 0,
      apiKeys: ['key-one-123', 'key-two-456'],
      shutdownTimeoutMs: 300,
      models: { tiny: { path: stories } },
    });
    orch = await Orchestrator.start(config, {
      spawner: new FakeSpawner({ auto: true }),
      probe: () => Promise.resolve([{ device: 'cpu', memoryTotalBytes: 1, memoryFreeBytes: 1 }]),
      log: pino({ level: 'silent' }),
    });
  });

  afterAll(async () => {
    await orch.shutdown();
  });

  it('needs one of the keys on inference routes, and no admin API exists without a token', async () => {
    const body = JSON.stringify({ model: 'tiny', prompt: 'x', max_tokens: 1 });
    const call = (auth?: string) =>
      fetch(`${orch.url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body,
      });
    const none = await call();
    expect(none.status).toBe(401);
    expect(((await none.json()) as Record<string, any>).error.code).toBe('ORCH_ERR_UNAUTHORIZED');
    expect((await call('Bearer key-nope-789')).status).toBe(401);
    expect((await call('Bearer key-two-456')).status).toBe(200);
    expect((await fetch(`${orch.url}/healthz`)).status).toBe(200);
    expect(
      (
        await fetch(`${orch.url}/admin/workers`, {
          headers: { authorization: 'Bearer key-one-123' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses new work with 503 while draining in-flight jobs for shutdown', async () => {
    const auth = { authorization: 'Bearer key-one-123' };
    const stream = await fetch(`${orch.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ model: 'tiny', prompt: 'x', max_tokens: 100_000_000, stream: true }),
    });
    const reader = stream.body!.getReader();
    await reader.read();
    const closing = orch.shutdown();
    const refused = await fetch(`${orch.url}/v1/models`, { headers: auth });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as Record<string, any>).error.code).toBe(
      'ORCH_ERR_SHUTTING_DOWN',
    );
    expect((await fetch(`${orch.url}/readyz`)).status).toBe(503);
    // Past shutdownTimeoutMs the job is cancelled and its stream ends properly.
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('"finish_reason":"cancelled"');
    expect(rest.endsWith('data: [DONE]\n\n')).toBe(true);
    await closing;
  });
});
