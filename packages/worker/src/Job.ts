import {
  FinishReason,
  type JobDelta,
  type JobDone,
  type JobFailed,
  type TokenLogprob,
} from '@llorch/protocol';
import type { SeqEvent } from '@llorch/native';
import type { StreamDecoder } from './JobTokenizer.js';
import { StopMatcher } from './StopMatcher.js';

/** How a job ended, once it has. */
export type JobEnd =
  | { readonly kind: 'done'; readonly done: JobDone }
  | { readonly kind: 'failed'; readonly failed: JobFailed };

export interface JobInit {
  readonly jobId: string;
  readonly seq: number;
  readonly promptTokens: number;
  /** The prompt's last token, so the first generated token decodes as a continuation. */
  readonly lastPromptToken: number | undefined;
  readonly stop: readonly string[];
  readonly stopTokenIds: ReadonlySet<number>;
  readonly resumeTokens: readonly number[];
  readonly decoder: StreamDecoder;
  /** performance.now() when the Submit arrived. */
  readonly receivedAt: number;
}

/**
 * One running job: turns the engine's tokens into text deltas (detokenized incrementally,
 * stop strings held back and cut), and keeps usage and timings for its JobDone.
 */
export class Job {
  readonly jobId: string;
  readonly seq: number;
  readonly #promptTokens: number;
  readonly #stopTokenIds: ReadonlySet<number>;
  readonly #decoder: StreamDecoder;
  readonly #matcher: StopMatcher;
  readonly #receivedAt: number;
  readonly #resumed: number;
  #completionTokens: number;
  #firstTokenAt: number | undefined;
  #lastTokenAt: number | undefined;
  #prefillMs = 0;
  /** Set when the worker asked the engine to stop the job; the end to report then. */
  #pendingEnd: JobEnd | undefined;

  constructor(init: JobInit) {
    this.jobId = init.jobId;
    this.seq = init.seq;
    this.#promptTokens = init.promptTokens;
    this.#stopTokenIds = init.stopTokenIds;
    this.#decoder = init.decoder;
    this.#matcher = new StopMatcher(init.stop);
    this.#receivedAt = init.receivedAt;
    this.#resumed = init.resumeTokens.length;
    this.#completionTokens = init.resumeTokens.length;
    // A SentencePiece decoder drops the leading space of a sequence's first token; after the
    // prompt's last token, the first generated token keeps its space, as the text continues.
    if (init.lastPromptToken !== undefined) this.#decoder.push(init.lastPromptToken);
    // Replay the earlier attempt's tokens through the decoder and the stop matcher without
    // emitting: the client already has that text, and whatever the earlier attempt was still
    // holding back (a partial UTF-8 character, a possible stop-string prefix) is held again.
    for (const token of init.resumeTokens) this.#matcher.push(this.#decoder.push(token));
  }

  /** A stop string already completed inside the resumed tokens. */
  get stoppedBeforeStart(): boolean {
    return this.#matcher.stopped !== undefined;
  }

  get pendingEnd(): JobEnd | undefined {
    return this.#pendingEnd;
  }

  /** Records why the worker is stopping the job; reported once the engine confirms. */
  endWith(end: JobEnd): void {
    this.#pendingEnd ??= end;
  }

  /**
   * Applies one engine event. Returns the delta to send (undefined if nothing to say) and,
   * when the job is over, how it ended. A matched stop string ends the job here, even though
   * the engine is still running it; the caller cancels the engine sequence.
   */
  apply(event: SeqEvent, now: number): { delta?: JobDelta; end?: JobEnd } {
    // Once the worker has decided how the job ends (Cancel, deadline), later output is moot;
    // the engine's next finish, whatever its reason, confirms the sequence is gone.
    if (this.#pendingEnd) return event.finish ? { end: this.#pendingEnd } : {};
    if (event.prefillMs !== undefined) this.#prefillMs = event.prefillMs;
    const tokenIds: number[] = [];
    const logprobs: TokenLogprob[] = [];
    let text = '';
    let stopTokenId: number | undefined;
    for (let i = 0; i < event.tokens.length && this.#matcher.stopped === undefined; i++) {
      const token = event.tokens[i]!;
      this.#firstTokenAt ??= now;
      this.#lastTokenAt = now;
      if (
        event.finish === 'stop' &&
        i === event.tokens.length - 1 &&
        this.#stopTokenIds.has(token)
      ) {
        stopTokenId = token;
        break;
      }
      tokenIds.push(token);
      const lp = event.logprobs?.[i];
      if (lp) logprobs.push({ token: lp.token, logprob: lp.logprob, top: lp.top });
      this.#completionTokens++;
      text += this.#matcher.push(this.#decoder.push(token)).emit;
    }

    let end: JobEnd | undefined;
    const stopString = this.#matcher.stopped;
    if (stopString !== undefined) {
      end = this.#done(FinishReason.FINISH_REASON_STOP, now, { stopString });
    } else if (event.finish === 'stop' || event.finish === 'length') {
      text += this.#matcher.push(this.#decoder.flush()).emit + this.#matcher.flush();
      const reason =
        event.finish === 'stop'
          ? FinishReason.FINISH_REASON_STOP
          : FinishReason.FINISH_REASON_LENGTH;
      end = this.#done(reason, now, stopTokenId === undefined ? {} : { stopTokenId });
    } else if (event.finish === 'cancelled') {
      end = this.#done(FinishReason.FINISH_REASON_CANCELLED, now, {});
    } else if (event.finish === 'error') {
      end = this.failed(
        event.error?.code ?? 'WORKER_ERR_ENGINE',
        event.error?.message ?? 'the engine failed the job without a reason',
      );
    }
    const delta =
      tokenIds.length > 0 || text.length > 0
        ? { jobId: this.jobId, tokenIds, text, logprobs }
        : undefined;
    return { ...(delta && { delta }), ...(end && { end }) };
  }

  /** The JobFailed for this job. */
  failed(code: string, message: string): JobEnd {
    return { kind: 'failed', failed: { jobId: this.jobId, code, message } };
  }

  /** The JobDone for a job the worker ends itself (cancel, shutdown). */
  cancelled(now: number): JobEnd {
    return this.#done(FinishReason.FINISH_REASON_CANCELLED, now, {});
  }

  #done(
    finishReason: FinishReason,
    now: number,
    stop: { stopString?: string; stopTokenId?: number },
  ): JobEnd {
    const ttft = this.#firstTokenAt === undefined ? 0 : this.#firstTokenAt - this.#receivedAt;
    const decode =
      this.#firstTokenAt === undefined ? 0 : (this.#lastTokenAt ?? now) - this.#firstTokenAt;
    return {
      kind: 'done',
      done: {
        jobId: this.jobId,
        finishReason,
        ...stop,
        usage: {
          promptTokens: this.#promptTokens,
          completionTokens: this.#completionTokens,
          resumedTokens: this.#resumed,
        },
        timings: {
          queueMs: Math.max(0, ttft - this.#prefillMs),
          prefillMs: this.#prefillMs,
          decodeMs: decode,
          timeToFirstTokenMs: ttft,
          totalMs: now - this.#receivedAt,
        },
      },
    };
  }
}
