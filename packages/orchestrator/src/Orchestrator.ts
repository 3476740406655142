import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Config, ModelConfig } from './config.js';
import { createLogger } from './createLogger.js';
import { createApp } from './http/createApp.js';
import { Job } from './job.js';
import { JobStore } from './jobStore.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { DeviceProbe, ReplicaSpawner } from './replica.js';
import type { GenerationRequest, RouteKind } from './request.js';
import type { TokenPieces } from './http/openaiFormat.js';
import { Scheduler } from './Scheduler.js';
import { Supervisor, probeDevices } from './supervisor.js';
import { ModelVocab } from './ModelVocab.js';

export interface OrchestratorDeps {
  clock?: Clock;
  /** Default: real worker processes. */
  spawner?: ReplicaSpawner;
  probe?: DeviceProbe;
  log?: Logger;
}

/** The running server: HTTP API, scheduler and supervised workers. */
export class Orchestrator {
  readonly config: Config;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly scheduler: Scheduler;
  readonly jobs: JobStore;
  private readonly clock: Clock;
  private readonly vocabs = new Map<string, ModelVocab>();
  private readonly supervisor: Supervisor | undefined;
  private server: Server | undefined;
  private stopping: Promise<void> | undefined;
  private closing = false;

  private constructor(config: Config, deps: OrchestratorDeps) {
    this.config = config;
    this.clock = deps.clock ?? systemClock;
    this.log = deps.log ?? createLogger(config.logLevel);
    this.metrics = createMetrics();
    this.jobs = new JobStore(config.jobs);
    this.supervisor =
      deps.spawner === undefined ? new Supervisor(config.supervisor, this.log) : undefined;
    this.scheduler = new Scheduler({
      clock: this.clock,
      spawner: deps.spawner ?? this.supervisor!,
      probe: deps.probe ?? probeDevices,
      metrics: this.metrics,
      log: this.log,
      loadWaitMs: config.limits.loadWaitMs,
      maxResumes: config.limits.maxResumes,
      onJobFinished: (job) => this.jobs.markFinished(job, this.clock.now()),
    });
  }

  /** Loads every configured model and listens. */
  static async start(config: Config, deps: OrchestratorDeps = {}): Promise<Orchestrator> {
    const o = new Orchestrator(config, deps);
    try {
      for (const [name, model] of Object.entries(config.models)) await o.loadModel(name, model);
      await o.listen();
    } catch (err) {
      await o.shutdown();
      throw err;
    }
    return o;
  }

  get url(): string {
    const a = this.server?.address() as AddressInfo | null | undefined;
    if (a === undefined || a === null) throw new Error('not listening');
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}`;
  }

  newJob(request: GenerationRequest, route: RouteKind): Job {
    const { limits } = this.config;
    return new Job(request, route, {
      now: this.clock.now(),
      timeoutMs: limits.requestTimeoutMs,
      defaultMaxTokens: limits.defaultMaxTokens,
    });
  }

  async loadModel(name: string, model: ModelConfig): Promise<void> {
    const vocab = await ModelVocab.load(model.path);
    await this.scheduler.loadModel(name, model);
    this.vocabs.set(name, vocab);
  }

  async unloadModel(name: string): Promise<void> {
    await this.scheduler.unloadModel(name);
    this.vocabs.delete(name);
  }

  private piecesOf(model: string): TokenPieces {
    const vocab = this.vocabs.get(model);
    return vocab === undefined ? () => new Uint8Array(0) : (id) => vocab.piece(id);
  }

  private async listen(): Promise<void> {
    const startedAt = Date.now();
    const app = createApp({
      config: this.config,
      scheduler: this.scheduler,
      jobs: this.jobs,
      metrics: this.metrics,
      log: this.log,
      clock: this.clock,
      startedAt,
      shuttingDown: () => this.closing,
      newJob: (r, route) => this.newJob(r, route),
      loadModel: (name, m) => this.loadModel(name, m),
      unloadModel: (name) => this.unloadModel(name),
      pieces: (model) => this.piecesOf(model),
    });
    const server = app.listen(this.config.port, this.config.host);
    this.server = server;
    await once(server, 'listening');
    this.log.info({ url: this.url, models: Object.keys(this.config.models) }, 'listening');
  }

  /**
   * Stops accepting (503), lets in-flight jobs finish within shutdownTimeoutMs, cancels the
   * rest, stops every worker and closes the server.
   */
  shutdown(): Promise<void> {
    this.stopping ??= this.stop();
    return this.stopping;
  }

  private async stop(): Promise<void> {
    this.closing = true;
    const active = this.scheduler.activeJobs;
    this.log.info({ activeJobs: active }, 'shutting down');
    if (active > 0) {
      const timeout = new Promise<'timeout'>((r) =>
        setTimeout(() => r('timeout'), this.config.shutdownTimeoutMs).unref(),
      );
      if ((await Promise.race([this.scheduler.whenIdle(), timeout])) === 'timeout') {
        this.log.warn(
          { activeJobs: this.scheduler.activeJobs },
          'shutdown timeout: cancelling the remaining jobs',
        );
        this.scheduler.cancelAll();
      }
    }
    await this.scheduler.close();
    this.supervisor?.dispose();
    const server = this.server;
    if (server !== undefined) {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      // Every response has ended by now; what is left are keep-alive sockets mid-request.
      setTimeout(() => server.closeAllConnections(), 1000).unref();
      await closed;
    }
    this.log.info('stopped');
  }
}
