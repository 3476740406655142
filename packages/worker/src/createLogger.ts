import { pino, type Logger } from 'pino';

/**
 * The worker's logs: pino JSON lines on stdout. The protocol has its own socket, so nothing
 * printed here (or by native code) can corrupt it; the orchestrator folds these lines into
 * its own log.
 */
export function createLogger(bindings: Record<string, unknown>): Logger {
  return pino({ name: 'llorch-worker', base: { pid: process.pid, ...bindings } });
}

/**
 * For the last words of a dying worker: a synchronous pino logger on stderr, so the reason is
 * written before process.exit and the supervisor finds it in the stderr tail it keeps.
 */
export function createFatalLogger(): Logger {
  return pino(
    { name: 'llorch-worker', base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: true }),
  );
}
