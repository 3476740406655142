import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { foldWorkerLog } from '../src/foldWorkerLog.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino(
    { level: 'trace' },
    { write: (s: string) => void lines.push(JSON.parse(s)) },
  ).child({
    worker: 'm-0',
  });
  return { log, lines };
}

describe('foldWorkerLog', () => {
  it('re-logs a pino line at its level with the worker id, keeping its fields', () => {
    const { log, lines } = capture();
    foldWorkerLog(
      log,
      '{"level":40,"time":1,"pid":99,"hostname":"h","msg":"slow step","ms":12}',
      'info',
    );
    expect(lines[0]).toMatchObject({ level: 40, worker: 'm-0', msg: 'slow step', ms: 12 });
    expect(lines[0]!.pid).not.toBe(99);
  });

  it('keeps anything else as text at the fallback level and skips blank lines', () => {
    const { log, lines } = capture();
    foldWorkerLog(log, 'CUDA warning: something', 'warn');
    foldWorkerLog(log, '{not json', 'info');
    foldWorkerLog(log, '   ', 'info');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 40, worker: 'm-0', text: 'CUDA warning: something' });
    expect(lines[1]).toMatchObject({ level: 30, text: '{not json' });
  });
});
