import { binding, type NativeEngine } from './binding.js';
import { toNativeError } from './errors.js';
import type { EngineStats, LoadOptions, SamplingParams, SeqEvent } from './types.js';

/** A step's events, and the engine's step count after that step (the heartbeat counter). */
type Listener = (events: SeqEvent[], steps: number) => void;

/**
 * A model loaded into the native engine. The engine's own thread runs continuous batching; token
 * events arrive in batches (one call per engine step) on the JS thread. Every failure is a
 * NativeError with a stable `code`.
 */
export class Engine {
  private constructor(
    private readonly native: NativeEngine,
    private readonly listeners: Set<Listener>,
  ) {}

  static async load(opts: LoadOptions): Promise<Engine> {
    const listeners = new Set<Listener>();
    const dispatch = (events: SeqEvent[], steps: number): void => {
      for (const listener of listeners) {
        try {
          listener(events, steps);
        } catch (err) {
          // Rethrown outside the native callback: an ordinary uncaught exception, not one N-API
          // swallows; the other listeners still get the events.
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    };
    let native: NativeEngine;
    try {
      native = await binding.load(opts, dispatch);
    } catch (e) {
      throw toNativeError(e);
    }
    return new Engine(native, listeners);
  }

  /** Batched events from the engine thread; returns a function that removes the listener. */
  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Enqueues a sequence; throws NativeError synchronously on bad input. */
  submit(seq: number, tokens: Int32Array | readonly number[], params: SamplingParams): void {
    this.call(() => this.native.submit(seq, tokens, params));
  }

  /** Cancels a running or waiting sequence (its KV blocks are freed within one step); false if
   *  the id is unknown or already finished. */
  cancel(seq: number): boolean {
    return this.call(() => this.native.cancel(seq));
  }

  /** Logits for a standalone prompt: [tokens.length * vocab] row-major. Runs on the engine
   *  thread between steps with its own KV blocks; running sequences are not disturbed. */
  async forward(tokens: Int32Array | readonly number[]): Promise<Float32Array> {
    try {
      return await this.native.forward(tokens);
    } catch (e) {
      throw toNativeError(e);
    }
  }

  stats(): EngineStats {
    return this.call(() => this.native.stats());
  }

  /** Finishes every sequence as 'cancelled', joins the engine thread and frees its memory. */
  async unload(): Promise<void> {
    try {
      await this.native.unload();
    } catch (e) {
      throw toNativeError(e);
    }
  }

  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw toNativeError(e);
    }
  }
}
