import type { EngineStats, SamplingParams, SeqEvent } from '@llorch/native';
import type { JobEngine } from '../src/JobEngine.js';

/**
 * A scripted stand-in for the native engine, for unit tests of the job loop only: the test
 * decides which tokens each sequence produces and when. Real-engine behaviour is covered by
 * the worker's integration test.
 */
export class FakeEngine implements JobEngine {
  readonly submitted = new Map<number, { tokens: number[]; params: SamplingParams }>();
  readonly live = new Set<number>();
  readonly cancelCalls: number[] = [];
  ctx = 256;
  steps = 0;
  /** Thrown by the next submit(), once. */
  submitError: Error | undefined;
  #listener: ((events: SeqEvent[]) => void) | undefined;

  submit(seq: number, tokens: Int32Array | readonly number[], params: SamplingParams): void {
    if (this.submitError) {
      const error = this.submitError;
      this.submitError = undefined;
      throw error;
    }
    this.submitted.set(seq, { tokens: [...tokens], params });
    this.live.add(seq);
  }

  cancel(seq: number): boolean {
    this.cancelCalls.push(seq);
    return this.live.has(seq);
  }

  onEvents(listener: (events: SeqEvent[], steps: number) => void): () => void {
    this.#listener = listener;
    return () => (this.#listener = undefined);
  }

  /** One engine step delivering these events. */
  step(events: SeqEvent[]): void {
    this.steps++;
    for (const e of events) if (e.finish) this.live.delete(e.seq);
    this.#listener?.(events, this.steps);
  }

  /** The seq the worker gave the n-th submitted job (1-based). */
  seqOf(n: number): number {
    return [...this.submitted.keys()][n - 1]!;
  }

  stats(): EngineStats {
    return {
      device: 'cpu',
      threads: 2,
      runningSeqs: this.live.size,
      waitingSeqs: 0,
      kvBlocksTotal: 64,
      kvBlocksUsed: this.live.size * 2,
      kvBlockSize: 16,
      weightBytes: 1000,
      kvBytes: 2000,
      scratchBytes: 0,
      memoryUsedBytes: 3000,
      memoryFreeBytes: 1 << 30,
      steps: this.steps,
      preemptions: 3,
      stepShapes: 0,
      maxSeqs: 8,
      ctx: this.ctx,
    };
  }
}
