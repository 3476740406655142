/**
 * Worker IPC: how many token deltas per second get through the frame codec and a Unix domain
 * socket, and how much latency one TokenDelta frame adds between two processes. The sending
 * process is a synthetic worker (no model): it encodes TokenDelta frames the way a worker does
 * after each engine step, one delta per job; the receiving process decodes them the way the
 * orchestrator does. Latency is half the round trip Ping -> TokenDelta, timed on one clock.
 *
 *   node bench/dist/ipc-bench.js
 *
 * Prints a table and appends the figures to bench/RESULTS.md (section "ipc-bench").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ProtocolPackage from '../packages/protocol/dist/index.js';
import { importFromRepo } from './repo.js';
import { type Measurement, recordFigures, type ResultsSection, runLabel } from './results.js';
import { percentile, secondsSince } from './timing.js';

const { encodeFrame, FrameDecoder } = await importFromRepo<typeof ProtocolPackage>(
  'packages/protocol/dist/index.js',
);
const SECTION: ResultsSection = {
  name: 'ipc-bench',
  description:
    'Token deltas through the frame codec and a Unix domain socket between two processes ' +
    '(synthetic worker, no model), and the one-way latency a TokenDelta frame adds (half the ' +
    'Ping -> TokenDelta round trip): `node bench/dist/ipc-bench.js`.',
};

/** Frames per throughput run, and round trips timed for latency. */
const THROUGHPUT_FRAMES = 200_000;
const LATENCY_FRAMES = 5_000;
const JOBS_PER_FRAME = [1, 8, 64];
const LATENCY_JOBS = 8;

/** One engine step's TokenDelta: `jobs` deltas of one token and a word of text each. */
function tokenDelta(jobs: number, step: number): Uint8Array {
  const deltas = Array.from({ length: jobs }, (_, j) => ({
    jobId: `job-${j.toString().padStart(6, '0')}`,
    tokenIds: [(step * 31 + j) % 151_000],
    text: ' word',
  }));
  return encodeFrame({ tokenDelta: { deltas, engineStep: step } });
}

/**
 * The synthetic worker (child process). `flood`: sends `frames` TokenDelta frames as fast as
 * the socket takes them. `echo`: answers every Ping with a TokenDelta whose engine_step is the
 * Ping's nonce, so the other side can time the round trip on one clock.
 */
async function child(
  socketPath: string,
  mode: string,
  jobs: number,
  frames: number,
): Promise<void> {
  const socket = net.createConnection({ path: socketPath });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  if (mode === 'flood') {
    for (let i = 0; i < frames; i++) {
      if (!socket.write(tokenDelta(jobs, i))) {
        await new Promise<void>((resolve) => socket.once('drain', resolve));
      }
    }
    await new Promise<void>((resolve) => socket.end(resolve));
    return;
  }
  const decoder = new FrameDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      socket.write(tokenDelta(jobs, frame.envelope!.ping!.nonce!));
    }
  });
  await new Promise<void>((resolve) => socket.once('end', resolve));
  socket.end();
}

/** Listens on a fresh socket and starts the synthetic worker; `use` gets its connection. */
async function withWorker<T>(
  args: readonly string[],
  use: (socket: net.Socket) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-ipc-bench-'));
  const socketPath = path.join(dir, 'ipc.sock');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const proc = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', socketPath, ...args],
    {
      stdio: 'inherit',
    },
  );
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const socket = await new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const result = await use(socket);
  await exited;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Token deltas per second the orchestrator's side decodes from a flooding worker. */
async function flood(
  jobs: number,
  frames: number,
): Promise<{ deltasPerS: number; framesPerS: number }> {
  return withWorker(
    ['flood', String(jobs), String(frames)],
    (socket) =>
      new Promise((resolve, reject) => {
        const decoder = new FrameDecoder();
        let first = 0n;
        let received = 0;
        let deltas = 0;
        socket.on('data', (chunk: Buffer) => {
          if (first === 0n) first = process.hrtime.bigint();
          for (const frame of decoder.push(chunk)) {
            if (frame.error) return reject(frame.error);
            received++;
            deltas += frame.envelope.tokenDelta!.deltas!.length;
          }
        });
        socket.on('end', () => {
          const seconds = secondsSince(first);
          if (received !== frames) reject(new Error(`received ${received} of ${frames} frames`));
          resolve({ deltasPerS: deltas / seconds, framesPerS: received / seconds });
        });
      }),
  );
}

/** Round trips Ping -> TokenDelta through codec and socket, one at a time, in microseconds. */
async function roundTrips(jobs: number, count: number): Promise<number[]> {
  return withWorker(['echo', String(jobs), '0'], async (socket) => {
    const decoder = new FrameDecoder();
    const times: number[] = [];
    for (let i = 1; i <= count; i++) {
      const t0 = process.hrtime.bigint();
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer): void => {
          for (const frame of decoder.push(chunk)) {
            if (frame.error) return reject(frame.error);
            if (frame.envelope.tokenDelta?.engineStep === i) {
              socket.off('data', onData);
              resolve();
            }
          }
        };
        socket.on('data', onData);
        socket.write(encodeFrame({ ping: { nonce: i } }));
      });
      times.push(Number(process.hrtime.bigint() - t0) / 1e3);
    }
    socket.end();
    return times;
  });
}

/** Encode + decode in one process, no socket: the codec's own cost. */
function codecOnly(jobs: number, frames: number): number {
  const decoder = new FrameDecoder();
  const t0 = process.hrtime.bigint();
  let deltas = 0;
  for (let i = 0; i < frames; i++) {
    for (const f of decoder.push(tokenDelta(jobs, i)))
      deltas += f.envelope!.tokenDelta!.deltas!.length;
  }
  return deltas / secondsSince(t0);
}

async function main(): Promise<void> {
  const rows: Measurement[] = [];
  for (const jobs of JOBS_PER_FRAME) {
    rows.push({
      metric: `codec only, ${jobs} jobs/frame`,
      value: codecOnly(jobs, THROUGHPUT_FRAMES / jobs) / 1e6,
      unit: 'M deltas/s',
      digits: 3,
    });
  }
  for (const jobs of JOBS_PER_FRAME) {
    const r = await flood(jobs, Math.round(THROUGHPUT_FRAMES / Math.sqrt(jobs)));
    rows.push({
      metric: `socket, ${jobs} jobs/frame`,
      value: r.deltasPerS / 1e6,
      unit: 'M deltas/s',
      digits: 3,
    });
    rows.push({
      metric: `socket, ${jobs} jobs/frame, frames`,
      value: r.framesPerS / 1e3,
      unit: 'k frames/s',
      digits: 1,
    });
  }
  // One-way latency a TokenDelta adds, estimated as half the Ping -> TokenDelta round trip
  // (one clock, so no cross-process clock skew).
  const rtt = await roundTrips(LATENCY_JOBS, LATENCY_FRAMES);
  for (const p of [50, 99]) {
    rows.push({
      metric: `latency p${p} (rtt/2), ${LATENCY_JOBS} jobs/frame`,
      value: percentile(rtt, p) / 2,
      unit: 'us',
      digits: 0,
    });
  }

  const label = runLabel(['packages/protocol', 'bench/ipc-bench.ts']);
  console.log(`node ${process.version}, machine: ${label.machine}, commit ${label.commit}\n`);
  recordFigures(SECTION, label, rows);
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  const [socketPath, mode, jobs, frames] = process.argv.slice(childAt + 1);
  await child(socketPath!, mode!, Number(jobs), Number(frames));
} else {
  await main();
}
