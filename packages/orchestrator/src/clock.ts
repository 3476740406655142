/** Time for the scheduler and the supervisor, injected so that tests control it. */
export interface Clock {
  now(): number;
  setInterval(fn: () => void, ms: number): { clear(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    t.unref();
    return { clear: () => clearInterval(t) };
  },
};
