/**
 * Loading real GGUF models for the engine tests. Shared files live in ../shared (relative to the
 * repository); a missing file skips its tests locally and fails them in CI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { modelConfig, readGguf, writeSynthModel } from '@llorch/gguf';
import {
  Engine,
  samplingParams,
  type LoadOptions,
  type SamplingParams,
  type SeqEvent,
} from '@llorch/native';
import { repoRoot, sharedFile } from '../../test/support/sharedFile.js';

/**
 * A synthetic model from @llorch/gguf's generator (real Qwen2.5 tokenizer, seeded weights),
 * written once into the ignored .cache/native/; undefined when the tokenizer files are absent.
 */
export async function synthModel(
  preset: string,
  type: string,
  seed = 1,
): Promise<string | undefined> {
  const tokenizerDir = sharedFile('models/qwen2.5-0.5b-instruct');
  if (tokenizerDir === undefined) return undefined;
  const dir = path.join(repoRoot, '.cache/native');
  const file = path.join(dir, `${preset}-${type}-seed${seed}.gguf`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeSynthModel(partial, { preset, type, seed, tokenizerDir });
    await rename(partial, file);
  }
  return file;
}

export async function loadEngine(
  file: string,
  options: Partial<Omit<LoadOptions, 'path' | 'dataOffset' | 'tensors' | 'config'>> = {},
): Promise<Engine> {
  const gguf = await readGguf(file);
  return Engine.load({
    path: file,
    dataOffset: gguf.dataOffset,
    tensors: gguf.tensors,
    config: modelConfig(gguf),
    device: 'cpu',
    threads: 2,
    ...options,
  });
}

/**
 * The engine's step count once it is at least `atLeast`, polled for up to `ms` (then whatever it
 * is): a step launched ahead of a sequence's last one is collected after that step's events.
 */
export async function stepsReaching(engine: Engine, atLeast: number, ms = 5000): Promise<number> {
  const deadline = Date.now() + ms;
  while (engine.stats().steps < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return engine.stats().steps;
}

export function params(overrides: Partial<SamplingParams> = {}): SamplingParams {
  return samplingParams({ maxTokens: 16, ...overrides });
}

export interface SeqResult {
  tokens: number[];
  logprobs: NonNullable<SeqEvent['logprobs']>;
  finish: NonNullable<SeqEvent['finish']>;
  events: SeqEvent[];
}

/** Collects each sequence's events until it finishes. */
export class SeqCollector {
  private readonly partial = new Map<number, SeqEvent[]>();
  private readonly waiters = new Map<number, (r: SeqResult) => void>();
  private readonly done = new Map<number, SeqResult>();
  readonly batches: SeqEvent[][] = [];

  constructor(engine: Engine) {
    engine.onEvents((events) => {
      this.batches.push(events);
      for (const e of events) this.add(e);
    });
  }

  /** Resolves with the sequence's tokens once its finish event arrives (consumes the result,
   *  so an id may be reused afterwards). */
  result(seq: number): Promise<SeqResult> {
    const done = this.done.get(seq);
    if (done !== undefined) {
      this.done.delete(seq);
      return Promise.resolve(done);
    }
    return new Promise((resolve) => this.waiters.set(seq, resolve));
  }

  /** Resolves at the sequence's first event. */
  async firstEvent(seq: number): Promise<void> {
    while ((this.partial.get(seq)?.length ?? 0) === 0 && !this.done.has(seq)) {
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  private add(e: SeqEvent): void {
    const list = this.partial.get(e.seq) ?? [];
    list.push(e);
    this.partial.set(e.seq, list);
    if (e.finish === undefined) return;
    this.partial.delete(e.seq);
    const result: SeqResult = {
      tokens: list.flatMap((x) => x.tokens),
      logprobs: list.flatMap((x) => x.logprobs ?? []),
      finish: e.finish,
      events: list,
    };
    const waiter = this.waiters.get(e.seq);
    if (waiter === undefined) {
      this.done.set(e.seq, result);
    } else {
      this.waiters.delete(e.seq);
      waiter(result);
    }
  }
}
