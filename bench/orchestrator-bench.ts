/**
 * What the orchestrator costs per token: the same greedy jobs run twice in one process run,
 *   A. against a worker alone (this script listens on the IPC socket and speaks the frame
 *      protocol itself), and
 *   B. through `llorch serve` (a separate process) + its worker, read as SSE over HTTP,
 * and prints tokens/s, time to first token and decode time per token for both, with the
 * difference. Tokens arrive in batches (one delta per engine step, several tokens when the
 * engine outpaces the reader), so per-token time is measured per job: from its first token to
 * its last, divided by the tokens in between.
 *
 *   node bench/dist/orchestrator-bench.js [--jobs N] [--concurrency C] [--tokens T] [--model FILE]
 *
 * Appends the figures to bench/RESULTS.md (section "orchestrator-bench").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type * as ProtocolPackage from '../packages/protocol/dist/index.js';
import { importFromRepo, repoRoot } from './repo.js';
import { appendRows, type Measurement, type ResultsSection, runLabel } from './results.js';
import { percentile } from './timing.js';

const SECTION: ResultsSection = {
  name: 'orchestrator-bench',
  description:
    'Greedy stories260K jobs (EOS banned) on the CPU backend, run against a worker alone (IPC ' +
    'frames) and through `llorch serve` (HTTP + SSE) in the same run: ' +
    '`node bench/dist/orchestrator-bench.js`.',
};
const { FrameDecoder, encodeFrame } = await importFromRepo<typeof ProtocolPackage>(
  'packages/protocol/dist/index.js',
);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}
const JOBS = Number(arg('jobs', '16'));
const CONCURRENCY = Number(arg('concurrency', '4'));
const TOKENS = Number(arg('tokens', '256'));
const MODEL = path.resolve(
  arg('model', path.resolve(repoRoot, '../shared/models/stories260K.gguf')),
);
const THREADS = arg('threads', '1');
const EOS_BAN = [{ token: 2, bias: -100 }];

interface JobTiming {
  start: number;
  /** Arrival time of each token (a delta of n tokens counts n arrivals at once). */
  arrivals: number[];
}

interface Summary {
  tokensPerS: number;
  ttftP50Ms: number;
  msPerTokenP50: number;
  msPerTokenP99: number;
  wallS: number;
  tokens: number;
}

function summarize(jobs: JobTiming[], wallMs: number): Summary {
  const ttft = jobs.map((j) => j.arrivals[0]! - j.start);
  const perToken = jobs
    .filter((j) => j.arrivals.length > 1)
    .map((j) => (j.arrivals.at(-1)! - j.arrivals[0]!) / (j.arrivals.length - 1));
  const tokens = jobs.reduce((n, j) => n + j.arrivals.length, 0);
  return {
    tokensPerS: tokens / (wallMs / 1000),
    ttftP50Ms: percentile(ttft, 50),
    msPerTokenP50: percentile(perToken, 50),
    msPerTokenP99: percentile(perToken, 99),
    wallS: wallMs / 1000,
    tokens,
  };
}

/** Runs `jobs` with at most `concurrency` in flight; `run(i)` resolves with the job's timing. */
async function pool(
  run: (i: number) => Promise<JobTiming>,
): Promise<{ jobs: JobTiming[]; wallMs: number }> {
  const jobs: JobTiming[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOBS) jobs.push(await run(next++));
    }),
  );
  return { jobs, wallMs: performance.now() - t0 };
}

const prompt = (i: number) => `Once upon a time, child number ${i}`;

async function workerAlone(): Promise<Summary> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-bench-'));
  const sock = path.join(dir, 'w.sock');
  const pending = new Map<string, { timing: JobTiming; done: () => void }>();
  let conn: Socket | undefined;
  let server: Server | undefined;
  const hello = new Promise<void>((resolve) => {
    server = createServer((s) => {
      conn = s;
      s.setNoDelay(true);
      const decoder = new FrameDecoder();
      s.on('data', (chunk: Buffer) => {
        const now = performance.now();
        for (const f of decoder.push(chunk)) {
          const env = f.envelope;
          if (env === undefined) continue;
          if (env.payload === 'hello') resolve();
          if (env.payload === 'tokenDelta') {
            for (const d of env.tokenDelta!.deltas ?? []) {
              const p = pending.get(d.jobId ?? '');
              for (let k = 0; k < (d.tokenIds?.length ?? 0); k++) p?.timing.arrivals.push(now);
            }
          }
          if (env.payload === 'jobDone' || env.payload === 'jobFailed') {
            const id = env.jobDone?.jobId ?? env.jobFailed?.jobId ?? '';
            if (env.payload === 'jobFailed')
              throw new Error(`job failed: ${env.jobFailed!.message}`);
            pending.get(id)?.done();
          }
        }
      });
    });
    server.listen(sock);
  });
  const worker = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'packages/worker/dist/main.js'),
      '--model',
      MODEL,
      '--device',
      'cpu',
      '--ipc',
      sock,
      '--max-seqs',
      String(CONCURRENCY),
      '--threads',
      THREADS,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await hello;
  const { jobs, wallMs } = await pool(
    (i) =>
      new Promise<JobTiming>((resolve) => {
        const jobId = `bench-${i}`;
        const timing: JobTiming = { start: performance.now(), arrivals: [] };
        pending.set(jobId, { timing, done: () => resolve(timing) });
        conn!.write(
          encodeFrame({
            submit: {
              jobId,
              prompt: prompt(i),
              sampling: { temperature: 0, logitBias: EOS_BAN, seed: 1 },
              stop: { maxTokens: TOKENS },
              // The orchestrator run counts tokens through logprobs entries; ask for the same
              // work here so that both runs do it.
              topLogprobs: 1,
            },
          }),
        );
      }),
  );
  conn!.write(encodeFrame({ shutdown: {} }));
  await new Promise((r) => worker.on('exit', r));
  server!.close();
  rmSync(dir, { recursive: true, force: true });
  return summarize(jobs, wallMs);
}

async function throughOrchestrator(): Promise<Summary> {
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'packages/orchestrator/dist/cli.js'),
      'serve',
      '--model',
      `bench=${MODEL}`,
      '--port',
      '0',
      '--max-seqs',
      String(CONCURRENCY),
      '--threads',
      THREADS,
    ],
    // Default (info) logging, as served in production; the 'listening' line gives the port.
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const rec = JSON.parse(line) as { msg?: string; url?: string };
      if (rec.msg === 'listening' && rec.url !== undefined) resolve(rec.url);
    });
  });
  for (;;) {
    if ((await fetch(`${url}/readyz`)).status === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const { jobs, wallMs } = await pool(async (i) => {
    const timing: JobTiming = { start: performance.now(), arrivals: [] };
    const res = await fetch(`${url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'bench',
        prompt: prompt(i),
        max_tokens: TOKENS,
        temperature: 0,
        logit_bias: { '2': -100 },
        stream: true,
        // One logprobs entry per token is how an SSE client can count tokens exactly.
        logprobs: 0,
      }),
    });
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body!) {
      const now = performance.now();
      buf += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const event = buf.slice(0, end);
        buf = buf.slice(end + 2);
        if (!event.startsWith('data: {')) continue;
        const body = JSON.parse(event.slice(6)) as {
          choices: Array<{ logprobs: { tokens: string[] } | null }>;
        };
        const n = body.choices[0]?.logprobs?.tokens.length ?? 0;
        for (let k = 0; k < n; k++) timing.arrivals.push(now);
      }
    }
    return timing;
  });
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return summarize(jobs, wallMs);
}

const alone = await workerAlone();
const orch = await throughOrchestrator();
/** [name, decimals, worker alone, through orchestrator]. */
const metrics: Array<[string, number, number, number]> = [
  ['tokens/s', 0, alone.tokensPerS, orch.tokensPerS],
  ['ttft p50 ms', 2, alone.ttftP50Ms, orch.ttftP50Ms],
  ['ms/token p50', 3, alone.msPerTokenP50, orch.msPerTokenP50],
  ['ms/token p99', 3, alone.msPerTokenP99, orch.msPerTokenP99],
];
const addedPerToken = ((orch.wallS - alone.wallS) * 1000 * CONCURRENCY) / orch.tokens;
console.log(
  `orchestrator-bench: ${JOBS} jobs x ${TOKENS} tokens, concurrency ${CONCURRENCY}, ${path.basename(MODEL)}`,
);
console.table(
  Object.fromEntries(
    metrics.map(([name, digits, a, o]) => [
      name,
      { 'worker alone': a.toFixed(digits), 'through orchestrator': o.toFixed(digits) },
    ]),
  ),
);
console.log(
  `added latency per token (wall-clock difference x concurrency / tokens): ${addedPerToken.toFixed(3)} ms`,
);

const figures: Measurement[] = metrics.flatMap(([name, digits, a, o]) => [
  { metric: `worker alone ${name}`, value: a, unit: '', digits },
  { metric: `orchestrator ${name}`, value: o, unit: '', digits },
]);
figures.push({ metric: 'added ms/token', value: addedPerToken, unit: '', digits: 3 });
appendRows(
  SECTION,
  runLabel([
    'packages/orchestrator',
    'packages/worker',
    'packages/protocol',
    'cuda/src',
    'bench/orchestrator-bench.ts',
  ]),
  figures,
);
