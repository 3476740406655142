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
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ProtocolPackage from '../packages/protocol/dist/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsPath = path.join(repoRoot, 'bench/RESULTS.md');
const SECTION = '## orchestrator-bench';
const { FrameDecoder, encodeFrame } = (await import(
  pathToFileURL(path.join(repoRoot, 'packages/protocol/dist/index.js')).href
)) as typeof ProtocolPackage;

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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarize(jobs: JobTiming[], wallMs: number): Summary {
  const ttft = jobs.map((j) => j.arrivals[0]! - j.start).sort((a, b) => a - b);
  const perToken = jobs
    .filter((j) => j.arrivals.length > 1)
    .map((j) => (j.arrivals.at(-1)! - j.arrivals[0]!) / (j.arrivals.length - 1))
    .sort((a, b) => a - b);
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

function previousFigures(): Map<string, string> {
  const prev = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(resultsPath, 'utf8');
  } catch {
    return prev;
  }
  const start = text.indexOf(SECTION);
  if (start < 0) return prev;
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 7 && cells[4] !== 'metric' && !cells[4]!.startsWith('-'))
      prev.set(cells[4]!, cells[5]!);
  }
  return prev;
}

function appendRows(rows: string[]): void {
  const text = readFileSync(resultsPath, 'utf8');
  const start = text.indexOf(SECTION);
  if (start < 0) {
    writeFileSync(
      resultsPath,
      `${text.trimEnd()}\n\n${SECTION}\n\nGreedy stories260K jobs (EOS banned) on the CPU backend, run against a worker ` +
        'alone (IPC frames) and through `llorch serve` (HTTP + SSE) in the same run: ' +
        '`node bench/dist/orchestrator-bench.js`.\n\n' +
        '| date | machine | commit | metric | value | previous |\n|---|---|---|---|---|---|\n' +
        `${rows.join('\n')}\n`,
    );
    return;
  }
  const nextSection = text.indexOf('\n## ', start + SECTION.length);
  const at = nextSection < 0 ? text.length : nextSection;
  writeFileSync(
    resultsPath,
    `${text.slice(0, at).trimEnd()}\n${rows.join('\n')}\n${text.slice(at)}`,
  );
}

const alone = await workerAlone();
const orch = await throughOrchestrator();
const fmt = (n: number, d = 2) => n.toFixed(d);
const metrics: Array<[string, string, string]> = [
  ['tokens/s', fmt(alone.tokensPerS, 0), fmt(orch.tokensPerS, 0)],
  ['ttft p50 ms', fmt(alone.ttftP50Ms), fmt(orch.ttftP50Ms)],
  ['ms/token p50', fmt(alone.msPerTokenP50, 3), fmt(orch.msPerTokenP50, 3)],
  ['ms/token p99', fmt(alone.msPerTokenP99, 3), fmt(orch.msPerTokenP99, 3)],
];
const addedPerToken = ((orch.wallS - alone.wallS) * 1000 * CONCURRENCY) / orch.tokens;
console.log(
  `orchestrator-bench: ${JOBS} jobs x ${TOKENS} tokens, concurrency ${CONCURRENCY}, ${path.basename(MODEL)}`,
);
console.table(
  Object.fromEntries(
    metrics.map(([name, a, o]) => [name, { 'worker alone': a, 'through orchestrator': o }]),
  ),
);
console.log(
  `added latency per token (wall-clock difference x concurrency / tokens): ${fmt(addedPerToken, 3)} ms`,
);

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
  .toString()
  .trim();
const machine = `${os.cpus().length}-core ${os.cpus()[0]?.model.trim() ?? 'cpu'}`;
const date = new Date().toISOString().slice(0, 10);
const prev = previousFigures();
const rows: string[] = [];
for (const [name, a, o] of metrics) {
  rows.push(
    `| ${date} | ${machine} | ${commit} | worker alone ${name} | ${a} | ${prev.get(`worker alone ${name}`) ?? '-'} |`,
  );
  rows.push(
    `| ${date} | ${machine} | ${commit} | orchestrator ${name} | ${o} | ${prev.get(`orchestrator ${name}`) ?? '-'} |`,
  );
}
const added = fmt(addedPerToken, 3);
rows.push(
  `| ${date} | ${machine} | ${commit} | added ms/token | ${added} | ${prev.get('added ms/token') ?? '-'} |`,
);
appendRows(rows);
