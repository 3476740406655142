import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/** Secrets never reach the log, wherever they appear in a logged object. */
export const REDACT_PATHS = [
  'adminToken',
  'apiKeys',
  '*.adminToken',
  '*.apiKeys',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

/** The orchestrator's root logger: pino JSON lines on stdout (or `destination`). */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'llorch' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
