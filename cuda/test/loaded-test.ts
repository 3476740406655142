import { test } from '@jest/globals';

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
