import type { EnvelopeInit, JobDelta } from '@llorch/protocol';

/**
 * Frames waiting for an orchestrator that reads slower than the engine produces (a full socket
 * buffer). Consecutive TokenDeltas merge job by job (token ids, text and logprobs appended), so
 * what is held grows with the text generated, not with engine steps, and the orchestrator gets
 * fewer, fuller frames once it catches up; a merged frame stays under `maxMergedBytes`. Other
 * frames keep their place, so no job's delta moves after its JobDone; only the latest Heartbeat
 * and Stats are kept (they describe the present).
 */
const FRAME_OVERHEAD = 6;

export class HeldFrames {
  readonly #maxMergedBytes: number;
  readonly #frames: EnvelopeInit[] = [];
  /** Estimated encoded size of the last frame when it is a TokenDelta still taking merges. */
  #openBytes = -1;

  constructor(maxMergedBytes: number) {
    this.#maxMergedBytes = maxMergedBytes;
  }

  get length(): number {
    return this.#frames.length;
  }

  /** Holds `envelope`, whose encoded frame is `frameBytes` long (the sender encoded it already). */
  add(envelope: EnvelopeInit, frameBytes: number): void {
    if (envelope.heartbeat != null || envelope.stats != null) {
      const kind = envelope.heartbeat != null ? 'heartbeat' : 'stats';
      const i = this.#frames.findIndex((f) => f[kind] != null);
      if (i >= 0) this.#frames.splice(i, 1);
      this.#push(envelope);
      return;
    }
    const delta = envelope.tokenDelta;
    if (delta == null) {
      this.#push(envelope);
      return;
    }
    // The frame's bytes less what a merged frame carries once (the 4-byte length prefix and at
    // least 2 of the envelope's field header) bound its deltas' share of a merged frame.
    const bytes = frameBytes - FRAME_OVERHEAD;
    const last = this.#frames[this.#frames.length - 1]?.tokenDelta;
    if (last == null || this.#openBytes < 0 || this.#openBytes + bytes > this.#maxMergedBytes) {
      this.#push({
        tokenDelta: { deltas: (delta.deltas ?? []).map(copyDelta), engineStep: delta.engineStep },
      });
      this.#openBytes = bytes;
      return;
    }
    const byJob = new Map((last.deltas ?? []).map((d) => [d.jobId, d]));
    for (const d of delta.deltas ?? []) {
      const held = byJob.get(d.jobId);
      if (held === undefined) {
        const copy = copyDelta(d);
        last.deltas!.push(copy);
        byJob.set(d.jobId, copy);
        continue;
      }
      held.tokenIds!.push(...(d.tokenIds ?? []));
      held.text = (held.text ?? '') + (d.text ?? '');
      held.logprobs!.push(...(d.logprobs ?? []));
    }
    last.engineStep = delta.engineStep;
    this.#openBytes += bytes;
  }

  /** The oldest held frame, removed; undefined when none is held. */
  shift(): EnvelopeInit | undefined {
    const frame = this.#frames.shift();
    if (this.#frames.length === 0) this.#openBytes = -1;
    return frame;
  }

  #push(envelope: EnvelopeInit): void {
    this.#frames.push(envelope);
    this.#openBytes = -1;
  }
}

function copyDelta(d: JobDelta): JobDelta {
  return {
    jobId: d.jobId,
    tokenIds: [...(d.tokenIds ?? [])],
    text: d.text ?? '',
    logprobs: [...(d.logprobs ?? [])],
  };
}
