import { randomBytes } from 'node:crypto';
import { OrchError, asOrchError } from './errors.js';
import type { GenerationRequest, RouteKind } from './request.js';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type FinishReason = 'stop' | 'length' | 'cancelled';

export interface TokenLogprob {
  token: number;
  logprob: number;
  top: Array<{ token: number; logprob: number }>;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export type JobEvent =
  | { id: number; type: 'delta'; text: string; tokens: number[]; logprobs: TokenLogprob[] }
  | { id: number; type: 'done'; finishReason: FinishReason; usage: Usage }
  | { id: number; type: 'error'; error: OrchError };

export type JobListener = (event: JobEvent) => void;

export interface DeltaInput {
  tokens: number[];
  text: string;
  logprobs?: TokenLogprob[];
}

function newJobId(): string {
  return `job_${randomBytes(12).toString('base64url')}`;
}

// Seeds are drawn at admission when a client gives none: a job resumed on another worker
// after a crash must draw the same tokens, which the engine's counter-based RNG guarantees
// only for the same seed.
function newSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}

/**
 * One generation job: its request, the tokens and text streamed so far, and an append-only
 * event log. Event ids are 1-based and dense, so a reader that saw id N resumes exactly at N+1.
 * Only the scheduler's loop calls the mutating methods.
 */
export class Job {
  readonly id: string;
  readonly request: GenerationRequest;
  readonly route: RouteKind;
  readonly createdAt: number;
  readonly deadlineAt: number | undefined;
  readonly maxTokens: number;
  readonly seed: number;
  state: JobState = 'queued';
  /** Token ids generated so far, across resumes. */
  readonly tokens: number[] = [];
  text = '';
  usage: Usage = { promptTokens: 0, completionTokens: 0 };
  finishReason: FinishReason | undefined;
  error: OrchError | undefined;
  /** When the job was first submitted to a worker. */
  startedAt: number | undefined;
  firstTokenAt: number | undefined;
  lastTokenAt: number | undefined;
  finishedAt: number | undefined;
  /** When the job last entered the queue (admission, or requeue after its worker died). */
  queuedAt: number;
  resumes = 0;
  private readonly events: JobEvent[] = [];
  private readonly listeners = new Set<JobListener>();

  constructor(
    request: GenerationRequest,
    route: RouteKind,
    opts: { now: number; timeoutMs: number; defaultMaxTokens: number; id?: string },
  ) {
    this.id = opts.id ?? newJobId();
    this.request = request;
    this.route = route;
    this.createdAt = opts.now;
    this.queuedAt = opts.now;
    const timeout = request.timeoutMs ?? opts.timeoutMs;
    this.deadlineAt = timeout > 0 ? opts.now + timeout : undefined;
    this.maxTokens = request.maxTokens ?? opts.defaultMaxTokens;
    this.seed = request.sampling.seed ?? newSeed();
  }

  get finished(): boolean {
    return this.state === 'succeeded' || this.state === 'failed' || this.state === 'cancelled';
  }

  /** Id of the newest event (0 before any). */
  get lastEventId(): number {
    return this.events.length;
  }

  appendDelta(delta: DeltaInput, now: number): void {
    if (this.finished) return;
    if (delta.tokens.length > 0) {
      this.firstTokenAt ??= now;
      this.lastTokenAt = now;
    }
    this.tokens.push(...delta.tokens);
    this.text += delta.text;
    this.usage.completionTokens = this.tokens.length;
    this.emit({
      id: this.events.length + 1,
      type: 'delta',
      text: delta.text,
      tokens: delta.tokens,
      logprobs: delta.logprobs ?? [],
    });
  }

  finish(reason: FinishReason, promptTokens: number, now: number): void {
    if (this.finished) return;
    this.state = reason === 'cancelled' ? 'cancelled' : 'succeeded';
    this.finishReason = reason;
    this.finishedAt = now;
    this.usage = { promptTokens, completionTokens: this.tokens.length };
    this.emit({
      id: this.events.length + 1,
      type: 'done',
      finishReason: reason,
      usage: this.usage,
    });
  }

  fail(err: unknown, now: number): void {
    if (this.finished) return;
    this.state = 'failed';
    this.error = asOrchError(err);
    this.finishedAt = now;
    this.emit({ id: this.events.length + 1, type: 'error', error: this.error });
  }

  /**
   * Replays the events after `afterId`, then delivers new ones until the returned function is
   * called. Both happen synchronously in order, so nothing is lost or repeated in between.
   */
  subscribe(afterId: number, listener: JobListener): () => void {
    for (const ev of this.events.slice(Math.max(0, afterId))) listener(ev);
    if (this.finished) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(ev: JobEvent): void {
    this.events.push(ev);
    for (const l of [...this.listeners]) {
      // A listener is a client connection; one that throws loses its subscription, not the job.
      try {
        l(ev);
      } catch {
        this.listeners.delete(l);
      }
    }
    if (this.finished) this.listeners.clear();
  }
}

export function jobNotFound(id: string): OrchError {
  return new OrchError('ORCH_ERR_UNKNOWN_JOB', `no job with id "${id}" (finished jobs expire)`, {
    param: 'id',
  });
}
