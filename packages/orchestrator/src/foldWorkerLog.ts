import type { Logger } from 'pino';

// pino's numeric levels.
const LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * Re-logs one line a worker wrote through the orchestrator's logger (a child carrying the
 * worker id), at the line's own level when it is a pino JSON line; anything else (a native
 * library printing to stderr, say) is kept as text at `fallback` level.
 */
export function foldWorkerLog(log: Logger, line: string, fallback: 'info' | 'warn'): void {
  const trimmed = line.trim();
  if (trimmed.length === 0) return;
  if (trimmed.startsWith('{')) {
    try {
      const rec = JSON.parse(trimmed) as Record<string, unknown>;
      const { level, msg } = rec;
      const name = typeof level === 'number' ? LEVELS[level] : undefined;
      // The worker's own time, pid and hostname would shadow the orchestrator's.
      const fields = { ...rec };
      for (const key of ['level', 'msg', 'time', 'pid', 'hostname']) delete fields[key];
      if (name !== undefined) {
        log[name](fields, typeof msg === 'string' ? msg : '');
        return;
      }
    } catch {
      // Not JSON after all: logged as text below.
    }
  }
  log[fallback]({ text: trimmed }, 'worker output');
}
