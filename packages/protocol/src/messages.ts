import { llorch } from '#generated/worker.js';

/** The generated message classes of package llorch.worker.v1. */
export const v1 = llorch.worker.v1;

/** A decoded frame: the class instance, with `payload` naming the field that is set. */
export type Envelope = llorch.worker.v1.Envelope;
/** What encodeFrame takes: a plain object with exactly one payload field set. */
export type EnvelopeInit = llorch.worker.v1.Envelope.$Properties;
export type PayloadKind = NonNullable<Envelope['payload']>;

export type Hello = llorch.worker.v1.Hello.$Properties;
export type Submit = llorch.worker.v1.Submit.$Properties;
export type SamplingParams = llorch.worker.v1.SamplingParams.$Properties;
export type StopParams = llorch.worker.v1.StopParams.$Properties;
export type ChatMessage = llorch.worker.v1.ChatMessage.$Properties;
export type Cancel = llorch.worker.v1.Cancel.$Properties;
export type TokenDelta = llorch.worker.v1.TokenDelta.$Properties;
export type JobDelta = llorch.worker.v1.JobDelta.$Properties;
export type TokenLogprob = llorch.worker.v1.TokenLogprob.$Properties;
export type JobDone = llorch.worker.v1.JobDone.$Properties;
export type JobFailed = llorch.worker.v1.JobFailed.$Properties;
export type Usage = llorch.worker.v1.Usage.$Properties;
export type Timings = llorch.worker.v1.Timings.$Properties;
export type Stats = llorch.worker.v1.Stats.$Properties;
export type Heartbeat = llorch.worker.v1.Heartbeat.$Properties;
export type FrameRejected = llorch.worker.v1.FrameRejected.$Properties;

export const FinishReason = llorch.worker.v1.FinishReason;
export type FinishReason = llorch.worker.v1.FinishReason;
