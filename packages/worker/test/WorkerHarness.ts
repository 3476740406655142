import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  encodeFrame,
  FrameDecoder,
  type Envelope,
  type EnvelopeInit,
  type JobDelta,
  type PayloadKind,
} from '@llorch/protocol';
import { repoRoot } from '../../../test/support/sharedFile.js';

export const WORKER_MAIN = path.resolve(repoRoot, 'packages/worker/dist/main.js');

/** Longest a test waits for one expected frame before giving up (a bound, not a timing). */
const WAIT_MS = 60_000;

/**
 * The orchestrator's side of one real worker process, for tests: listens on a fresh Unix
 * socket, spawns `node packages/worker/dist/main.js`, and records every frame it sends.
 */
export class WorkerHarness {
  readonly frames: Envelope[] = [];
  readonly stdout: string[] = [];
  stderr = '';
  #socket: net.Socket | undefined;
  #waiters: Array<() => void> = [];
  #socketClosed: Promise<void> | undefined;

  private constructor(
    readonly child: ChildProcess,
    private readonly server: net.Server,
    private readonly dir: string,
    readonly exited: Promise<number | null>,
  ) {}

  static async start(args: string[]): Promise<WorkerHarness> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-worker-test-'));
    const ipc = path.join(dir, 'worker.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(ipc, resolve));
    const child = spawn(process.execPath, [WORKER_MAIN, ...args, '--ipc', ipc], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    const harness = new WorkerHarness(child, server, dir, exited);
    child.stdout!.setEncoding('utf8').on('data', (s: string) => harness.stdout.push(s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (harness.stderr += s));
    server.once('connection', (socket) => harness.#attach(socket));
    exited.then(() => harness.#wake());
    return harness;
  }

  #attach(socket: net.Socket): void {
    this.#socket = socket;
    const decoder = new FrameDecoder();
    socket.on('data', (chunk) => {
      for (const frame of decoder.push(chunk)) {
        if (frame.envelope) this.frames.push(frame.envelope);
        else throw frame.error;
      }
      this.#wake();
    });
    socket.on('error', () => undefined);
    this.#socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Closes the orchestrator's end of the connection, as a dying orchestrator would. */
  disconnect(): void {
    this.#socket?.destroy();
  }

  /** The fatal line the worker wrote to stderr before a non-zero exit. */
  fatal(): { exitCode: number; msg: string } | undefined {
    const lines = this.stderr.split('\n').filter((l) => l.startsWith('{'));
    const parsed = lines.map(
      (l) => JSON.parse(l) as { level: number; exitCode: number; msg: string },
    );
    return parsed.find((l) => l.level === 60);
  }

  /** Kills the process as a crash would, and waits until every frame it sent has been read. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
    await this.#socketClosed;
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  send(envelope: EnvelopeInit): void {
    this.sendRaw(encodeFrame(envelope));
  }

  sendRaw(bytes: Uint8Array): void {
    if (!this.#socket) throw new Error('the worker has not connected');
    this.#socket.write(bytes);
  }

  /** Resolves with the first recorded frame matching `predicate`, waiting for it if needed. */
  async waitFor(predicate: (e: Envelope) => boolean, what: string): Promise<Envelope> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (this.child.exitCode !== null) {
        throw new Error(
          `worker exited (${this.child.exitCode}) before ${what}; stderr:\n${this.stderr}`,
        );
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 1000).unref();
      });
    }
  }

  of<K extends PayloadKind>(kind: K): Array<NonNullable<Envelope[K]>> {
    return this.frames.filter((e) => e.payload === kind).map((e) => e[kind]!) as Array<
      NonNullable<Envelope[K]>
    >;
  }

  /** Every delta of one job, in order. */
  deltas(jobId: string): JobDelta[] {
    return this.of('tokenDelta')
      .flatMap((d) => d.deltas ?? [])
      .filter((d) => d.jobId === jobId);
  }

  text(jobId: string): string {
    return this.deltas(jobId)
      .map((d) => d.text ?? '')
      .join('');
  }

  tokens(jobId: string): number[] {
    return this.deltas(jobId).flatMap((d) => d.tokenIds ?? []);
  }

  /** The JobDone or JobFailed of a job, once it comes. */
  async end(jobId: string): Promise<Envelope> {
    return this.waitFor(
      (e) => e.jobDone?.jobId === jobId || e.jobFailed?.jobId === jobId,
      `the end of job ${jobId}`,
    );
  }

  /** Kills the process if it is still running and removes the socket. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
    this.#socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
