import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config, ModelConfig } from '../config.js';
import type { Job } from '../job.js';
import type { JobStore } from '../jobStore.js';
import type { Metrics } from '../metrics.js';
import type { RouteKind, GenerationRequest } from '../request.js';
import type { Scheduler } from '../Scheduler.js';
import type { TokenPieces } from './openaiFormat.js';

/** What the HTTP layer needs from the running orchestrator. */
export interface AppContext {
  config: Config;
  scheduler: Scheduler;
  jobs: JobStore;
  metrics: Metrics;
  log: Logger;
  clock: Clock;
  /** Process start (ms since the epoch). */
  startedAt: number;
  shuttingDown(): boolean;
  /** Builds a job from a validated request, with the configured defaults. */
  newJob(request: GenerationRequest, route: RouteKind): Job;
  /** Token spellings of a loaded model, for logprobs. */
  pieces(model: string): TokenPieces;
  /** Loads a model at run time (admin); resolves once its workers are spawning. */
  loadModel(name: string, config: ModelConfig): Promise<void>;
  /** Drains and unloads a model (admin). */
  unloadModel(name: string): Promise<void>;
}
