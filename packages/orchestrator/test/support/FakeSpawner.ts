import type {
  DoneInfo,
  ReplicaDescription,
  ReplicaEvents,
  ReplicaHandle,
  ReplicaSpawner,
  ReplicaSpec,
  SubmitSpec,
} from '../../src/replica.js';

/**
 * Replicas without processes, for unit tests of the scheduler and the HTTP layer. In `auto`
 * mode a replica comes up at once and "generates" token i as text ` t<i>` (deterministic in
 * the position, so a resumed job continues exactly), one token per macrotask.
 */
export class FakeReplica implements ReplicaHandle {
  readonly spec: ReplicaSpec;
  readonly events: ReplicaEvents;
  readonly submits: SubmitSpec[] = [];
  readonly cancels: string[] = [];
  readonly live = new Map<string, SubmitSpec>();
  drains = 0;
  restarts = 0;
  stopped = false;
  private readonly auto: boolean;

  constructor(spec: ReplicaSpec, events: ReplicaEvents, auto: boolean, maxSeqs: number) {
    this.spec = spec;
    this.events = events;
    this.auto = auto;
    if (auto) this.up(maxSeqs);
  }

  up(maxSeqs = 8): void {
    this.events.up({ maxSeqs, ctx: 2048, vocabSize: 512, architecture: 'llama', loadMs: 5 });
  }

  submit(spec: SubmitSpec): void {
    this.submits.push(spec);
    this.live.set(spec.jobId, spec);
    if (this.auto) this.generate(spec, spec.resumeTokens.length);
  }

  cancel(jobId: string): void {
    this.cancels.push(jobId);
    if (this.live.delete(jobId)) {
      this.events.done(jobId, { finishReason: 'cancelled', promptTokens: 3, completionTokens: 0 });
    }
  }

  drain(): void {
    this.drains++;
  }

  restart(): void {
    this.restarts++;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  describe(): ReplicaDescription {
    return {
      id: this.spec.id,
      model: this.spec.model,
      device: this.spec.device,
      status: 'ready',
      pid: undefined,
      restarts: this.restarts,
      lastExit: undefined,
      stderrTail: '',
    };
  }

  emit(jobId: string, tokens: number[], text: string): void {
    this.events.delta(jobId, tokens, text, undefined);
  }

  finish(jobId: string, info: Partial<DoneInfo> = {}): void {
    this.live.delete(jobId);
    this.events.done(jobId, {
      finishReason: 'length',
      promptTokens: 3,
      completionTokens: 0,
      ...info,
    });
  }

  private generate(spec: SubmitSpec, i: number): void {
    setImmediate(() => {
      if (!this.live.has(spec.jobId)) return;
      if (i >= spec.maxTokens) {
        this.finish(spec.jobId, { completionTokens: i });
        return;
      }
      const logprobs =
        spec.sampling.logprobs > 0
          ? [
              {
                token: 100 + i,
                logprob: -0.5,
                top: [
                  { token: 100 + i, logprob: -0.5 },
                  { token: 7, logprob: -1.5 },
                ],
              },
            ]
          : undefined;
      this.events.delta(spec.jobId, [100 + i], ` t${i}`, logprobs);
      this.generate(spec, i + 1);
    });
  }
}

export class FakeSpawner implements ReplicaSpawner {
  readonly replicas: FakeReplica[] = [];
  auto: boolean;
  maxSeqs: number;

  constructor(opts: { auto?: boolean; maxSeqs?: number } = {}) {
    this.auto = opts.auto ?? false;
    this.maxSeqs = opts.maxSeqs ?? 8;
  }

  spawn(spec: ReplicaSpec, events: ReplicaEvents): ReplicaHandle {
    const r = new FakeReplica(spec, events, this.auto, this.maxSeqs);
    this.replicas.push(r);
    return r;
  }

  byId(id: string): FakeReplica {
    const r = this.replicas.find((x) => x.spec.id === id);
    if (r === undefined) throw new Error(`no fake replica ${id}`);
    return r;
  }
}
