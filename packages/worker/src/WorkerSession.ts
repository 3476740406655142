import { randomInt } from 'node:crypto';
import type { SamplingParams, SeqEvent } from '@llorch/native';
import type { Envelope, EnvelopeInit, JobDelta, Stats, Submit } from '@llorch/protocol';
import type { Logger } from 'pino';
import { errorCode, type WorkerErrorCode } from './errors.js';
import { EXIT_CODES, type ExitCode } from './exitCodes.js';
import { Job, type JobEnd } from './Job.js';
import type { JobEngine } from './JobEngine.js';
import type { JobTokenizer } from './JobTokenizer.js';
import { validateJobId, validateSubmit, type JobSpec } from './validateSubmit.js';

/** Engine error codes after which the process cannot go on, and the exit status they get. */
const FATAL_ENGINE_CODES: ReadonlyMap<string, ExitCode> = new Map([
  ['NATIVE_ERR_CUDA_FAULT', EXIT_CODES.DEVICE_LOST],
  ['NATIVE_ERR_UNLOADED', EXIT_CODES.ENGINE_FAULT],
]);

/** Exit status for an error nobody expected: the engine's own fault, or a bug here. */
function faultExit(code: string): ExitCode {
  return (
    FATAL_ENGINE_CODES.get(code) ??
    (code.startsWith('NATIVE_ERR_') ? EXIT_CODES.ENGINE_FAULT : EXIT_CODES.INTERNAL)
  );
}

export const STATS_INTERVAL_MS = 1000;
export const HEARTBEAT_MIN_INTERVAL_MS = 100;

export interface WorkerSessionOptions {
  readonly engine: JobEngine;
  readonly tokenizer: JobTokenizer;
  /** Sends one frame to the orchestrator. */
  readonly send: (envelope: EnvelopeInit) => void;
  readonly logger: Logger;
  /** Called once when the process should exit: after Shutdown (0) or a fatal engine error. */
  readonly onExit: (code: ExitCode, reason: string) => void;
  /** Monotonic milliseconds; performance.now() unless a test drives time itself. */
  readonly now?: () => number;
}

/**
 * The worker's job loop: takes decoded frames from the orchestrator and batched events from
 * the engine, and answers with frames. It owns every job's state; nothing else touches it.
 */
export class WorkerSession {
  readonly #engine: JobEngine;
  readonly #tokenizer: JobTokenizer;
  readonly #send: (envelope: EnvelopeInit) => void;
  readonly #log: Logger;
  readonly #onExit: (code: ExitCode, reason: string) => void;
  readonly #now: () => number;
  readonly #ctx: number;
  readonly #jobsById = new Map<string, Job>();
  readonly #jobsBySeq = new Map<number, Job>();
  readonly #deadlines = new Map<string, NodeJS.Timeout>();
  #nextSeq = 1;
  #jobsFinished = 0;
  #draining = false;
  #drainedSent = false;
  #closed = false;
  #lastHeartbeatAt = -Infinity;
  #statsTimer: NodeJS.Timeout | undefined;

  constructor(options: WorkerSessionOptions) {
    this.#engine = options.engine;
    this.#tokenizer = options.tokenizer;
    this.#send = options.send;
    this.#log = options.logger;
    this.#onExit = options.onExit;
    this.#now = options.now ?? (() => performance.now());
    this.#ctx = this.#engine.stats().ctx;
    this.#engine.onEvents((events, steps) => this.#onEngineEvents(events, steps));
  }

  /** Jobs the worker holds (running, waiting, or being cancelled). */
  get activeJobs(): number {
    return this.#jobsById.size;
  }

  /** Starts the periodic Stats frames. */
  start(): void {
    this.#statsTimer = setInterval(() => this.#guard(() => this.#sendStats()), STATS_INTERVAL_MS);
    this.#statsTimer.unref();
  }

  /** Stops timers and forgets every job; the engine itself is the caller's to unload. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#statsTimer);
    for (const timer of this.#deadlines.values()) clearTimeout(timer);
    this.#deadlines.clear();
  }

  /** Cancels every job, reporting each as cancelled. */
  cancelAll(): void {
    this.#guard(() => {
      for (const job of [...this.#jobsById.values()]) {
        this.#engine.cancel(job.seq);
        this.#finish(job, job.cancelled(this.#now()));
      }
    });
  }

  /**
   * One frame from the orchestrator. Never throws: whatever is wrong with the frame is answered
   * in a frame; an engine failure ends the process through onExit.
   */
  handle(envelope: Envelope): void {
    this.#guard(() => this.#handle(envelope));
  }

  #handle(envelope: Envelope): void {
    if (this.#closed) {
      if (envelope.payload === 'submit') {
        const jobId = envelope.submit?.jobId ?? '';
        this.#fail(jobId, 'WORKER_ERR_SHUTTING_DOWN', 'the worker is shutting down');
      }
      return;
    }
    switch (envelope.payload) {
      case 'submit':
        this.#submit(envelope.submit!);
        break;
      case 'cancel':
        this.#cancel(envelope.cancel?.jobId ?? '');
        break;
      case 'drain':
        this.#draining = true;
        this.#log.info({ activeJobs: this.activeJobs }, 'draining');
        this.#maybeDrained();
        break;
      case 'shutdown':
        this.#log.info({ activeJobs: this.activeJobs }, 'shutdown requested');
        this.cancelAll();
        this.close();
        this.#onExit(EXIT_CODES.OK, 'shutdown requested');
        break;
      case 'ping':
        this.#send({ pong: { nonce: envelope.ping?.nonce ?? 0 } });
        break;
      case 'pong':
        break;
      default:
        this.#reject(
          'WORKER_ERR_UNEXPECTED_MESSAGE',
          `a worker does not accept ${envelope.payload}`,
        );
    }
  }

  /** A Stats frame now (also sent every STATS_INTERVAL_MS). */
  stats(): Stats {
    const s = this.#engine.stats();
    return {
      runningJobs: s.runningSeqs,
      waitingJobs: s.waitingSeqs,
      kvBlocksUsed: s.kvBlocksUsed,
      kvBlocksFree: s.kvBlocksTotal - s.kvBlocksUsed,
      memoryUsedBytes: s.memoryUsedBytes,
      memoryFreeBytes: s.memoryFreeBytes,
      engineSteps: s.steps,
      kvPreemptions: s.preemptions,
      draining: this.#draining,
      jobsFinished: this.#jobsFinished,
    };
  }

  #submit(submit: Submit): void {
    let jobId: string;
    try {
      jobId = validateJobId(submit.jobId);
    } catch (error) {
      this.#reject('WORKER_ERR_INVALID_JOB_ID', (error as Error).message);
      return;
    }
    if (this.#jobsById.has(jobId)) {
      this.#reject('WORKER_ERR_DUPLICATE_JOB', `job ${jobId} is already running`, jobId);
      return;
    }
    if (this.#draining) {
      this.#fail(jobId, 'WORKER_ERR_DRAINING', 'the worker is draining and takes no new jobs');
      return;
    }
    const receivedAt = this.#now();
    let spec: JobSpec;
    let prompt: number[];
    try {
      spec = validateSubmit(submit, this.#tokenizer.vocabSize);
      prompt = this.#promptTokens(spec);
    } catch (error) {
      this.#fail(jobId, errorCode(error, 'WORKER_ERR_TOKENIZER'), (error as Error).message);
      return;
    }
    const resumed = spec.resumeTokens.length;
    if (prompt.length + resumed >= this.#ctx) {
      this.#fail(
        jobId,
        'WORKER_ERR_CONTEXT_OVERFLOW',
        // "maximum context length" as OpenAI and vLLM word it: client libraries look for it.
        `the maximum context length is ${this.#ctx} tokens and the prompt is ${prompt.length}` +
          (resumed > 0 ? ` plus ${resumed} resumed` : '') +
          ' tokens, leaving no room to generate',
      );
      return;
    }
    // max_tokens counts resumed tokens and is clamped to what the context can still hold.
    const room = this.#ctx - prompt.length;
    const maxTokens = spec.maxTokens === 0 ? room : Math.min(spec.maxTokens, room);
    const stopTokenIds = new Set([
      ...(spec.ignoreEos ? [] : this.#tokenizer.endOfGenerationIds),
      ...spec.stopTokenIds,
    ]);
    const seq = this.#nextSeq++;
    const job = new Job({
      jobId,
      seq,
      promptTokens: prompt.length,
      lastPromptToken: prompt.at(-1),
      stop: spec.stop,
      stopTokenIds,
      resumeTokens: spec.resumeTokens,
      decoder: this.#tokenizer.createStreamDecoder(),
      receivedAt,
    });
    if (job.stoppedBeforeStart || resumed >= maxTokens) {
      // The earlier attempt had already finished; say so without running anything.
      const end = job.apply(
        { seq, tokens: [], finish: job.stoppedBeforeStart ? 'stop' : 'length' },
        receivedAt,
      );
      this.#report(end.end!);
      this.#jobsFinished++;
      return;
    }
    const params: SamplingParams = {
      temperature: spec.temperature,
      topK: spec.topK,
      topP: spec.topP,
      minP: spec.minP,
      repetitionPenalty: spec.repetitionPenalty,
      presencePenalty: spec.presencePenalty,
      frequencyPenalty: spec.frequencyPenalty,
      penaltyLastN: spec.penaltyLastN,
      logitBias: spec.logitBias,
      seed: spec.seed ?? randomInt(0x1_0000_0000),
      maxTokens,
      stopTokenIds: [...stopTokenIds],
      topLogprobs: spec.topLogprobs,
      resumedTokens: resumed,
    };
    try {
      this.#engine.submit(seq, [...prompt, ...spec.resumeTokens], params);
    } catch (error) {
      const code = errorCode(error, 'WORKER_ERR_ENGINE');
      this.#fail(jobId, code, (error as Error).message);
      // A dead device is not this job's problem alone: #guard ends the process.
      if (FATAL_ENGINE_CODES.has(code)) throw error;
      return;
    }
    this.#jobsById.set(jobId, job);
    this.#jobsBySeq.set(seq, job);
    if (spec.deadlineUnixMs > 0) this.#armDeadline(job, spec.deadlineUnixMs);
    this.#log.debug(
      { jobId, seq, promptTokens: prompt.length, resumed, maxTokens },
      'job submitted',
    );
  }

  #promptTokens(spec: JobSpec): number[] {
    switch (spec.input.kind) {
      case 'prompt':
        return this.#tokenizer.encodePrompt(spec.input.text);
      case 'tokens':
        return [...spec.input.ids];
      case 'chat':
        return this.#tokenizer.encodeChat(spec.input.messages, spec.input.addGenerationPrompt);
    }
  }

  #armDeadline(job: Job, deadlineUnixMs: number): void {
    const timer = setTimeout(
      () =>
        this.#guard(() => {
          this.#deadlines.delete(job.jobId);
          const at = new Date(deadlineUnixMs).toISOString();
          this.#stop(
            job,
            job.failed('WORKER_ERR_DEADLINE_EXCEEDED', `the job passed its deadline ${at}`),
          );
        }),
      Math.max(0, deadlineUnixMs - Date.now()),
    );
    timer.unref();
    this.#deadlines.set(job.jobId, timer);
  }

  #cancel(jobId: string): void {
    const job = this.#jobsById.get(jobId);
    if (!job) {
      this.#reject(
        'WORKER_ERR_UNKNOWN_JOB',
        `no live job ${JSON.stringify(jobId)} to cancel`,
        jobId,
      );
      return;
    }
    this.#stop(job, job.cancelled(this.#now()));
  }

  /**
   * Asks the engine to stop a job; its end is reported when the engine confirms (its KV
   * blocks are free by then), or now if the engine no longer knows the sequence.
   */
  #stop(job: Job, end: JobEnd): void {
    if (job.pendingEnd) return;
    job.endWith(end);
    if (!this.#engine.cancel(job.seq)) this.#finish(job, end);
  }

  #onEngineEvents(events: SeqEvent[], steps: number): void {
    // The engine calls in from its thread's callback; nothing may be thrown back at it.
    if (!this.#closed) this.#guard(() => this.#applyEvents(events, steps));
  }

  /**
   * Runs `fn`; an exception it throws is not the orchestrator's input (that is answered in
   * frames) but a failing engine or a bug: every job fails with its code and the process exits.
   */
  #guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      const code = errorCode(error, 'WORKER_ERR_INTERNAL');
      const message = error instanceof Error ? error.message : String(error);
      this.#log.error({ err: error }, 'job loop failed');
      this.#failEverything(code, message);
      this.#onExit(faultExit(code), `${code}: ${message}`);
    }
  }

  #applyEvents(events: SeqEvent[], steps: number): void {
    const now = this.#now();
    const deltas: JobDelta[] = [];
    const ended: Array<[Job, JobEnd]> = [];
    let fatal: { code: string; exit: ExitCode; message: string } | undefined;
    for (const event of events) {
      const job = this.#jobsBySeq.get(event.seq);
      if (!job) continue; // already reported (stop string, cancel confirmed elsewhere)
      const { delta, end } = job.apply(event, now);
      if (delta) deltas.push(delta);
      if (end) {
        ended.push([job, end]);
        // A stop string ended the job while the engine still runs it.
        if (event.finish === undefined) this.#engine.cancel(job.seq);
      }
      const exit = event.error && FATAL_ENGINE_CODES.get(event.error.code);
      if (exit !== undefined && event.error) fatal ??= { ...event.error, exit };
    }
    if (deltas.length > 0) this.#send({ tokenDelta: { deltas, engineStep: steps } });
    for (const [job, end] of ended) this.#finish(job, end);
    if (fatal) {
      this.#failEverything(fatal.code, fatal.message);
      this.#onExit(fatal.exit, `${fatal.code}: ${fatal.message}`);
      return;
    }
    this.#heartbeat(now, steps);
  }

  #failEverything(code: string, message: string): void {
    for (const job of [...this.#jobsById.values()]) {
      this.#finish(job, job.failed(code, message));
    }
    this.close();
  }

  #heartbeat(now: number, steps: number): void {
    if (now - this.#lastHeartbeatAt < HEARTBEAT_MIN_INTERVAL_MS) return;
    this.#lastHeartbeatAt = now;
    this.#send({ heartbeat: { engineSteps: steps, activeJobs: this.activeJobs } });
  }

  #finish(job: Job, end: JobEnd): void {
    this.#jobsById.delete(job.jobId);
    this.#jobsBySeq.delete(job.seq);
    clearTimeout(this.#deadlines.get(job.jobId));
    this.#deadlines.delete(job.jobId);
    this.#jobsFinished++;
    this.#report(end);
    this.#maybeDrained();
  }

  #report(end: JobEnd): void {
    if (end.kind === 'done') this.#send({ jobDone: end.done });
    else this.#send({ jobFailed: end.failed });
  }

  #maybeDrained(): void {
    if (this.#draining && !this.#drainedSent && this.#jobsById.size === 0) {
      this.#drainedSent = true;
      this.#send({ drained: {} });
    }
  }

  #sendStats(): void {
    if (this.#closed) return;
    this.#send({ stats: this.stats() });
  }

  #fail(jobId: string, code: string, message: string): void {
    this.#jobsFinished++;
    this.#send({ jobFailed: { jobId, code, message } });
  }

  #reject(code: WorkerErrorCode, message: string, jobId = ''): void {
    this.#log.warn({ code, jobId }, message);
    this.#send({ frameRejected: { code, message, jobId } });
  }
}
