/** Clocks and the order statistics the benchmarks report instead of means (robust to outliers). */

/** Seconds since `t0`, a process.hrtime.bigint() reading. */
export function secondsSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Seconds one call of `fn` takes. */
export function timeSync(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return secondsSince(t0);
}

/** Seconds until the promise `fn` returns settles. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return secondsSince(t0);
}

/** The `p`th percentile (nearest rank, 0..100) of `xs`; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** The upper median of `xs`: the middle one, or the higher of the two middle ones. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}
