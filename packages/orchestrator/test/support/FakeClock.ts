import type { Clock } from '../../src/clock.js';

/** A clock the test moves by hand; interval callbacks run on every advance. */
export class FakeClock implements Clock {
  t = 1_700_000_000_000;
  private readonly fns = new Set<() => void>();

  now(): number {
    return this.t;
  }

  setInterval(fn: () => void): { clear(): void } {
    this.fns.add(fn);
    return { clear: () => this.fns.delete(fn) };
  }

  advance(ms: number): void {
    this.t += ms;
    for (const fn of [...this.fns]) fn();
  }
}
