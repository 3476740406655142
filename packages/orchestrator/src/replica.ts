import type { Device, ModelConfig } from './config.js';
import type { FinishReason, TokenLogprob } from './job.js';
import type { PromptInput, SamplingOptions } from './request.js';

// The seam between the scheduler and the processes that run models. The supervisor implements
// it with real worker processes; scheduler tests implement it with fakes.

export interface ReplicaSpec {
  /** Stable id, `<model>-<index>`; survives restarts of the process behind it. */
  id: string;
  model: string;
  index: number;
  device: Device;
  config: ModelConfig;
}

/** What a ready worker said about itself in its Hello. */
export interface ReplicaInfo {
  maxSeqs: number;
  ctx: number;
  vocabSize: number;
  architecture: string;
  /** From spawning the process to its Hello. */
  loadMs: number;
}

export interface ReplicaStats {
  runningJobs: number;
  waitingJobs: number;
  kvBlocksUsed: number;
  kvBlocksTotal: number;
  /** Since the worker started (a restarted worker counts from 0 again). */
  kvPreemptions: number;
  memoryUsedBytes: number;
  memoryFreeBytes: number;
}

/** A job as sent to a worker. */
export interface SubmitSpec {
  jobId: string;
  input: PromptInput;
  sampling: SamplingOptions & { seed: number };
  /** Includes the resumed tokens. */
  maxTokens: number;
  stop: string[];
  /** Tokens already streamed to the client by an earlier attempt (crash resume). */
  resumeTokens: number[];
  /** Absolute wall-clock deadline (ms since the epoch), 0 = none. */
  deadlineUnixMs: number;
}

export interface DoneInfo {
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
}

export type DownReason =
  | 'exit'
  | 'crash'
  | 'signal'
  | 'stall'
  | 'start_timeout'
  | 'protocol'
  | 'restart'
  | 'load_failed'
  | 'device_lost'
  | 'stopped';

/** Events a replica reports; the scheduler turns each into a command for its loop. */
export interface ReplicaEvents {
  up(info: ReplicaInfo): void;
  down(reason: DownReason, detail: string): void;
  delta(jobId: string, tokens: number[], text: string, logprobs: TokenLogprob[] | undefined): void;
  done(jobId: string, info: DoneInfo): void;
  failed(jobId: string, code: string, message: string): void;
  stats(stats: ReplicaStats): void;
}

export type ReplicaStatus = 'starting' | 'ready' | 'draining' | 'down' | 'stopped';

export interface ReplicaDescription {
  id: string;
  model: string;
  device: Device;
  status: ReplicaStatus;
  pid: number | undefined;
  restarts: number;
  lastExit: string | undefined;
  stderrTail: string;
}

export interface ReplicaHandle {
  submit(spec: SubmitSpec): void;
  cancel(jobId: string): void;
  /** Finish running jobs, accept no new ones. */
  drain(): void;
  /** Kill the process (if any) and start a fresh one. */
  restart(): void;
  /** Drain -> Shutdown -> SIGTERM -> SIGKILL; never restarts afterwards. */
  stop(): Promise<void>;
  describe(): ReplicaDescription;
}

export interface ReplicaSpawner {
  spawn(spec: ReplicaSpec, events: ReplicaEvents): ReplicaHandle;
}

export interface DeviceInfo {
  device: Device;
  memoryTotalBytes: number;
  memoryFreeBytes: number;
}

/** Lists the devices present (CPU always; GPUs as found). */
export type DeviceProbe = () => Promise<DeviceInfo[]>;
