import {
  FinishReason,
  type Hello,
  type JobDelta,
  type JobDone,
  type Stats,
} from '@llorch/protocol';
import type { FinishReason as JobFinishReason, TokenLogprob } from './job.js';
import type { DoneInfo, ReplicaInfo, ReplicaStats } from './replica.js';

// What a worker's frames say, in the replica terms the scheduler uses. Protobuf leaves absent
// fields undefined; each gets its default here, once.

const FINISH: Record<number, JobFinishReason> = {
  [FinishReason.FINISH_REASON_STOP]: 'stop',
  [FinishReason.FINISH_REASON_LENGTH]: 'length',
  [FinishReason.FINISH_REASON_CANCELLED]: 'cancelled',
};

/** The logprobs of one job's delta; undefined when the job did not ask for them. */
export function deltaLogprobs(d: JobDelta): TokenLogprob[] | undefined {
  if (!d.logprobs || d.logprobs.length === 0) return undefined;
  return d.logprobs.map((lp) => ({
    token: lp.token ?? 0,
    logprob: lp.logprob ?? 0,
    top: (lp.top ?? []).map((t) => ({ token: t.token ?? 0, logprob: t.logprob ?? 0 })),
  }));
}

export function doneInfo(d: JobDone): DoneInfo {
  return {
    finishReason: FINISH[d.finishReason ?? 0] ?? 'stop',
    promptTokens: d.usage?.promptTokens ?? 0,
    completionTokens: d.usage?.completionTokens ?? 0,
  };
}

export function replicaStats(s: Stats): ReplicaStats {
  const used = s.kvBlocksUsed ?? 0;
  return {
    runningJobs: s.runningJobs ?? 0,
    waitingJobs: s.waitingJobs ?? 0,
    kvBlocksUsed: used,
    kvBlocksTotal: used + (s.kvBlocksFree ?? 0),
    kvPreemptions: s.kvPreemptions ?? 0,
    memoryUsedBytes: s.memoryUsedBytes ?? 0,
    memoryFreeBytes: s.memoryFreeBytes ?? 0,
  };
}

/** A ready worker's Hello; `maxSeqs` stands in when the worker states no job limit. */
export function replicaInfo(h: Hello, maxSeqs: number, loadMs: number): ReplicaInfo {
  const limits = h.limits ?? {};
  return {
    maxSeqs: limits.maxRunningJobs ?? maxSeqs,
    ctx: limits.contextLength ?? 0,
    vocabSize: h.vocabSize ?? 0,
    architecture: h.architecture ?? '',
    loadMs,
  };
}
