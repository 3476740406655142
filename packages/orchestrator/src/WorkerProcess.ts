import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION, type Envelope } from '@llorch/protocol';
import type { Config } from './config.js';
import { foldWorkerLog } from './foldWorkerLog.js';
import type {
  DownReason,
  ReplicaDescription,
  ReplicaEvents,
  ReplicaHandle,
  ReplicaSpec,
  ReplicaStatus,
  SubmitSpec,
} from './replica.js';
import { submitFrame } from './submitFrame.js';
import { TailBuffer } from './TailBuffer.js';
import { workerCommand } from './workerCommand.js';
import { WorkerConnection } from './WorkerConnection.js';
import { deltaLogprobs, doneInfo, replicaInfo, replicaStats } from './workerFrames.js';

export interface WorkerProcessOptions {
  /** argv prefix that starts a worker (node + its main script). */
  command: string[];
  /** Where the per-process IPC sockets are created. */
  socketDir: string;
  timing: Config['supervisor'];
  log: Logger;
}

const STDERR_TAIL_BYTES = 8 * 1024;
const WATCHDOG_MS = 250;

// llorch-worker's documented exit statuses that say more than "crashed".
const EXIT_REASONS: Record<number, DownReason> = {
  2: 'load_failed', // bad arguments
  3: 'load_failed', // GGUF, tokenizer or engine load failed
  6: 'device_lost',
};

type Child = ResultPromise<{ stdout: 'pipe'; stderr: 'pipe'; reject: false; buffer: false }>;

/**
 * One replica: a worker process, restarted with exponential backoff whenever it ends, until
 * `stop()`. Readiness is the worker's Hello; liveness is its engine step counter moving while
 * it holds jobs.
 */
export class WorkerProcess implements ReplicaHandle {
  private readonly spec: ReplicaSpec;
  private readonly events: ReplicaEvents;
  private readonly opts: WorkerProcessOptions;
  private readonly log: Logger;
  private readonly stderrTail = new TailBuffer(STDERR_TAIL_BYTES);
  private status: ReplicaStatus = 'starting';
  private child: Child | undefined;
  private server: Server | undefined;
  private conn: WorkerConnection | undefined;
  private generation = 0;
  private restarts = 0;
  private failures = 0;
  private lastExit: string | undefined;
  private spawnedAt = 0;
  private readyAt = 0;
  private lastActivityAt = 0;
  private lastSteps = -1;
  /** Jobs submitted to the current process and not finished. */
  private readonly jobs = new Set<string>();
  /** Why we are killing the current process, when we are. */
  private killReason: DownReason | undefined;
  private stopping: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly watchdog: NodeJS.Timeout;

  constructor(spec: ReplicaSpec, events: ReplicaEvents, opts: WorkerProcessOptions) {
    this.spec = spec;
    this.events = events;
    this.opts = opts;
    this.log = opts.log.child({ subsys: 'supervisor', worker: spec.id });
    this.watchdog = setInterval(() => this.checkLiveness(), WATCHDOG_MS);
    this.watchdog.unref();
    this.start();
  }

  submit(spec: SubmitSpec): void {
    if (this.jobs.size === 0) this.lastActivityAt = Date.now();
    this.jobs.add(spec.jobId);
    // Without a connection the process is on its way out; the scheduler resumes the job
    // elsewhere when the exit is reported.
    if (this.conn === undefined) return;
    if (this.conn.send({ submit: submitFrame(spec) }) === 'too_large') {
      this.jobs.delete(spec.jobId);
      this.events.failed(
        spec.jobId,
        'ORCH_ERR_INVALID_REQUEST',
        'the prompt does not fit in one IPC frame',
      );
    }
  }

  cancel(jobId: string): void {
    if (this.jobs.has(jobId)) this.conn?.send({ cancel: { jobId } });
  }

  drain(): void {
    if (this.status === 'ready') this.status = 'draining';
    this.conn?.send({ drain: {} });
  }

  restart(): void {
    if (this.stopping !== undefined) return;
    if (this.child === undefined) {
      clearTimeout(this.restartTimer);
      this.failures = 0;
      this.start();
      return;
    }
    this.kill('restart');
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopGracefully();
    return this.stopping;
  }

  describe(): ReplicaDescription {
    return {
      id: this.spec.id,
      model: this.spec.model,
      device: this.spec.device,
      status: this.status,
      pid: this.child?.pid,
      restarts: this.restarts,
      lastExit: this.lastExit,
      stderrTail: this.stderrTail.toString(),
    };
  }

  // ---- process lifecycle ----

  private start(): void {
    const gen = ++this.generation;
    this.status = 'starting';
    this.killReason = undefined;
    this.lastSteps = -1;
    this.spawnedAt = Date.now();
    this.lastActivityAt = this.spawnedAt;
    const socketPath = path.join(this.opts.socketDir, `${this.spec.id}.${process.pid}.${gen}.sock`);
    rmSync(socketPath, { force: true });

    const server = createServer((socket) => {
      if (gen !== this.generation || this.conn !== undefined) {
        socket.destroy();
        return;
      }
      this.conn = new WorkerConnection(socket, {
        frame: (env) => this.onFrame(env),
        protocolError: (code, message, fatal) => {
          this.log.error({ code, fatal }, `protocol error: ${message}`);
          if (fatal) this.kill('protocol');
        },
        closed: () => {
          // A worker exits by itself when its socket closes; one that does not is killed. The
          // exit, not the close, reports the replica down, with the real exit status.
          if (gen !== this.generation) return;
          this.conn = undefined;
          setTimeout(() => {
            if (gen === this.generation && this.child !== undefined) this.kill('protocol');
          }, this.opts.timing.termGraceMs).unref();
        },
      });
    });
    server.on('error', (err) => {
      this.log.error({ err }, 'IPC socket failed');
      this.kill('crash');
    });
    this.server = server;

    const { file, args, env } = workerCommand(this.opts.command, this.spec, socketPath);

    server.listen(socketPath, () => {
      if (gen !== this.generation || this.stopping !== undefined) return;
      const child = execa(file, args, {
        stdout: 'pipe',
        stderr: 'pipe',
        reject: false,
        buffer: false,
        // Its own process group: a Ctrl-C in the terminal reaches the orchestrator only, which
        // then drains the worker instead of losing its jobs. A worker whose orchestrator dies
        // sees its socket close and exits by itself.
        detached: true,
        cleanup: false,
        env,
        extendEnv: false,
      }) as Child;
      this.child = child;
      this.log.info({ pid: child.pid, device: this.spec.device }, 'worker spawned');
      this.stderrTail.clear();
      this.foldLines(child.stdout, 'info');
      child.stderr.on('data', (chunk: Buffer) => this.stderrTail.write(chunk));
      this.foldLines(child.stderr, 'warn');
      void child.then((result) => this.onExit(gen, result.exitCode, result.signal ?? undefined));
    });
  }

  private foldLines(stream: NodeJS.ReadableStream, fallback: 'info' | 'warn'): void {
    const wlog = this.log.child({ pid: this.child?.pid });
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (this.status === 'starting') this.lastActivityAt = Date.now();
      foldWorkerLog(wlog, line, fallback);
    });
  }

  private onExit(gen: number, code: number | undefined, signal: string | undefined): void {
    if (gen !== this.generation) return;
    const uptime = Date.now() - this.spawnedAt;
    this.child = undefined;
    this.conn?.close();
    this.conn = undefined;
    this.server?.close();
    this.server = undefined;
    this.jobs.clear();
    this.drained?.();
    const reason: DownReason =
      this.killReason ??
      (signal !== undefined
        ? 'signal'
        : code === 0
          ? 'exit'
          : (EXIT_REASONS[code ?? -1] ?? 'crash'));
    const detail = `exit code ${code ?? 'none'}, signal ${signal ?? 'none'}`;
    this.lastExit = `${reason}: ${detail}`;
    if (this.stopping !== undefined) {
      this.status = 'stopped';
      this.log.info({ code, signal }, 'worker stopped');
      this.events.down('stopped', detail);
      return;
    }
    this.status = 'down';
    const tail = this.stderrTail.toString();
    this.log.error({ code, signal, reason, stderrTail: tail }, 'worker ended');
    this.events.down(reason, tail.length > 0 ? `${detail}; stderr: ${tail.slice(-1024)}` : detail);
    // A restart asked for by an operator is immediate; a crash loop backs off exponentially,
    // starting over once a worker has stayed up for a while.
    if (reason === 'restart') {
      this.failures = 0;
    } else if (this.readyAt >= this.spawnedAt && uptime >= this.opts.timing.backoffResetMs) {
      this.failures = 1;
    } else {
      this.failures++;
    }
    const { backoffInitialMs, backoffMaxMs } = this.opts.timing;
    const delay =
      this.failures === 0 ? 0 : Math.min(backoffMaxMs, backoffInitialMs * 2 ** (this.failures - 1));
    this.restarts++;
    this.restartTimer = setTimeout(() => this.start(), delay);
    this.restartTimer.unref();
  }

  private kill(reason: DownReason): void {
    this.killReason ??= reason;
    this.child?.kill('SIGKILL');
  }

  private async stopGracefully(): Promise<void> {
    clearTimeout(this.restartTimer);
    clearInterval(this.watchdog);
    const t = this.opts.timing;
    if (this.child === undefined) {
      this.server?.close();
      this.generation++;
      this.status = 'stopped';
      return;
    }
    const exited = this.child.then(() => undefined);
    const within = (ms: number) =>
      Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
      ]);

    if (this.conn !== undefined && this.jobs.size > 0) {
      const drained = new Promise<void>((r) => (this.drained = r));
      this.conn.send({ drain: {} });
      await Promise.race([drained, within(t.drainGraceMs)]);
    }
    this.conn?.send({ shutdown: {} });
    if (await within(t.shutdownGraceMs)) return;
    this.log.warn('worker ignored Shutdown; sending SIGTERM');
    this.child?.kill('SIGTERM');
    if (await within(t.termGraceMs)) return;
    this.log.warn('worker ignored SIGTERM; sending SIGKILL');
    this.child?.kill('SIGKILL');
    await exited;
  }

  // ---- frames ----

  private onFrame(env: Envelope): void {
    switch (env.payload) {
      case 'hello':
        return this.onHello(env);
      case 'tokenDelta':
        this.lastActivityAt = Date.now();
        for (const d of env.tokenDelta!.deltas ?? []) {
          this.events.delta(d.jobId ?? '', d.tokenIds ?? [], d.text ?? '', deltaLogprobs(d));
        }
        return;
      case 'jobDone': {
        const d = env.jobDone!;
        const jobId = d.jobId ?? '';
        this.jobs.delete(jobId);
        this.events.done(jobId, doneInfo(d));
        return this.checkDrained();
      }
      case 'jobFailed': {
        const f = env.jobFailed!;
        this.jobs.delete(f.jobId ?? '');
        this.events.failed(f.jobId ?? '', f.code ?? 'WORKER_ERR_UNKNOWN', f.message ?? '');
        return this.checkDrained();
      }
      case 'stats': {
        const s = env.stats!;
        this.noteSteps(s.engineSteps ?? 0);
        this.events.stats(replicaStats(s));
        return;
      }
      case 'heartbeat':
        return this.noteSteps(env.heartbeat!.engineSteps ?? 0);
      case 'drained':
        return this.drained?.();
      case 'frameRejected': {
        const r = env.frameRejected!;
        this.log.warn({ code: r.code, job: r.jobId }, `worker rejected a frame: ${r.message}`);
        return;
      }
      case 'ping':
        this.conn?.send({ pong: { nonce: env.ping!.nonce ?? 0 } });
        return;
      default:
        return;
    }
  }

  private onHello(env: Envelope): void {
    const h = env.hello!;
    if (h.protocolVersion !== PROTOCOL_VERSION) {
      this.log.error(
        { version: h.protocolVersion },
        `worker speaks protocol ${h.protocolVersion}, not ${PROTOCOL_VERSION}`,
      );
      this.kill('protocol');
      return;
    }
    this.status = 'ready';
    this.readyAt = Date.now();
    this.lastActivityAt = this.readyAt;
    const loadMs = this.readyAt - this.spawnedAt;
    this.log.info({ pid: h.pid, loadMs, limits: h.limits ?? {} }, 'worker ready');
    this.events.up(replicaInfo(h, this.spec.config.maxSeqs, loadMs));
  }

  private noteSteps(steps: number): void {
    if (steps !== this.lastSteps) {
      this.lastSteps = steps;
      this.lastActivityAt = Date.now();
    }
  }

  private checkDrained(): void {
    if (this.jobs.size === 0) this.drained?.();
  }

  private checkLiveness(): void {
    if (this.child === undefined || this.killReason !== undefined || this.stopping !== undefined)
      return;
    const idle = Date.now() - this.lastActivityAt;
    if (this.status === 'starting' && idle >= this.opts.timing.startStallMs) {
      this.log.error({ idleMs: idle }, 'worker made no progress while starting');
      this.kill('start_timeout');
    } else if (
      this.status !== 'starting' &&
      this.jobs.size > 0 &&
      idle >= this.opts.timing.stallTimeoutMs
    ) {
      this.log.error({ idleMs: idle, jobs: this.jobs.size }, 'worker stalled with jobs');
      this.kill('stall');
    }
  }
}
