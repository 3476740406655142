import { afterAll, beforeAll, test } from '@jest/globals';
import type { Engine } from '@llorch/native';
import { SeqCollector, loadEngine, synthModel } from './model-fixture.js';
import { sharedFile } from '../../test/support/sharedFile.js';

/**
 * A jest test whose body runs only once `loaded()` holds: the engine tests load their model in
 * beforeAll and leave it undefined where the file is unavailable (outside CI; in CI the missing
 * file fails the fixture).
 */
export function testWhenLoaded(
  loaded: () => boolean,
  name: string,
  fn: () => Promise<void>,
  timeout?: number,
): void {
  test(
    name,
    async () => {
      if (!loaded()) return;
      await fn();
    },
    timeout,
  );
}

/** The models the CPU engine tests compare twin engines on: a llama and a qwen2. */
export const TWIN_MODELS: Array<{ name: string; file: () => Promise<string | undefined> }> = [
  { name: 'stories260K (llama, F32)', file: async () => sharedFile('models/stories260K.gguf') },
  { name: 'tiny-qwen2 Q8_0', file: () => synthModel('tiny-qwen2', 'q8_0') },
];

type EngineOptions = Parameters<typeof loadEngine>[1];

export interface Twins {
  variant: Engine;
  plain: Engine;
  variantEvents: SeqCollector;
  plainEvents: SeqCollector;
  vocab: number;
}

/**
 * Two engines of one model for the enclosing describe block, loaded in its beforeAll and unloaded
 * in its afterAll: `variant` with `options` and a test-only switch (`variantOptions`), `plain`
 * with `options` alone. `get()` returns them in a test body; `test` runs a body only once they
 * loaded (testWhenLoaded).
 */
export function twinEngines(
  file: () => Promise<string | undefined>,
  options: EngineOptions,
  variantOptions: EngineOptions,
): { get: () => Twins; test: (name: string, fn: () => Promise<void>) => void } {
  let twins: Twins | undefined;
  beforeAll(async () => {
    const f = await file();
    if (f === undefined) return;
    const variant = await loadEngine(f, { ...options, ...variantOptions });
    const plain = await loadEngine(f, options);
    twins = {
      variant,
      plain,
      variantEvents: new SeqCollector(variant),
      plainEvents: new SeqCollector(plain),
      vocab: (await plain.forward([1])).length,
    };
  }, 120_000);
  afterAll(async () => {
    await twins?.variant.unload();
    await twins?.plain.unload();
  });
  return {
    get: () => twins!,
    test: (name, fn) => testWhenLoaded(() => twins !== undefined, name, fn, 120_000),
  };
}
