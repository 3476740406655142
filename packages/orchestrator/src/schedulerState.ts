import type { ModelConfig } from './config.js';
import type { Job, TokenLogprob } from './job.js';
import type {
  DoneInfo,
  DownReason,
  ReplicaHandle,
  ReplicaInfo,
  ReplicaSpec,
  ReplicaStats,
  ReplicaStatus,
} from './replica.js';

// The scheduler's commands and the state its loop owns.

/** What the scheduler's loop takes, one at a time. */
export type Command =
  | { type: 'submit'; job: Job }
  | { type: 'cancel'; jobId: string }
  | { type: 'load'; name: string; config: ModelConfig }
  | { type: 'unload'; name: string; resolve: () => void }
  | { type: 'unloaded'; name: string }
  | { type: 'drain'; replicaId: string }
  | { type: 'restart'; replicaId: string }
  | { type: 'up'; replicaId: string; info: ReplicaInfo }
  | { type: 'down'; replicaId: string; reason: DownReason; detail: string }
  | {
      type: 'delta';
      replicaId: string;
      jobId: string;
      tokens: number[];
      text: string;
      logprobs: TokenLogprob[] | undefined;
    }
  | { type: 'done'; replicaId: string; jobId: string; info: DoneInfo }
  | { type: 'failed'; replicaId: string; jobId: string; code: string; message: string }
  | { type: 'stats'; replicaId: string; stats: ReplicaStats }
  | { type: 'tick' };

export interface ReplicaEntry {
  spec: ReplicaSpec;
  handle: ReplicaHandle;
  status: ReplicaStatus;
  capacity: number;
  /** What the worker said in its latest Hello. */
  info: ReplicaInfo | undefined;
  running: Map<string, Job>;
}

export interface ModelEntry {
  name: string;
  config: ModelConfig;
  unloading: boolean;
  /** The unload has asked the workers to stop; 'unloaded' follows when they have ended. */
  stopping: boolean;
  replicas: ReplicaEntry[];
  queue: Job[];
  waiters: Array<() => void>;
}

/** A read-only snapshot of one model, for the admin API and readiness. */
export interface ModelView {
  name: string;
  config: ModelConfig;
  unloading: boolean;
  queued: number;
  running: number;
  replicas: Array<{
    id: string;
    status: ReplicaStatus;
    running: number;
    capacity: number;
    info: ReplicaInfo | undefined;
  }>;
}
