import { parseArgs } from 'node:util';
import type { Device } from '@llorch/native';
import { WorkerError } from './errors.js';

export const USAGE =
  'usage: llorch-worker --model FILE --device cpu|cuda:N --ipc PATH ' +
  '[--ctx N] [--max-seqs N] [--threads N] [--name NAME]';

export interface WorkerArgs {
  readonly model: string;
  readonly device: Device;
  /** Unix domain socket the orchestrator listens on. */
  readonly ipc: string;
  readonly ctx?: number;
  readonly maxSeqs?: number;
  readonly threads?: number;
  readonly name?: string;
}

/** Parses the command line, or throws WorkerError(WORKER_ERR_BAD_ARGUMENT) naming the option. */
export function parseWorkerArgs(argv: readonly string[]): WorkerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        device: { type: 'string' },
        ipc: { type: 'string' },
        ctx: { type: 'string' },
        'max-seqs': { type: 'string' },
        threads: { type: 'string' },
        name: { type: 'string' },
      },
    }));
  } catch (cause) {
    throw new WorkerError('WORKER_ERR_BAD_ARGUMENT', `${(cause as Error).message}; ${USAGE}`, {
      cause,
    });
  }
  const required = (option: 'model' | 'device' | 'ipc'): string => {
    const value = values[option];
    if (!value)
      throw new WorkerError('WORKER_ERR_BAD_ARGUMENT', `--${option} is required; ${USAGE}`);
    return value;
  };
  const device = required('device');
  if (!/^(cpu|cuda:\d+)$/.test(device)) {
    throw new WorkerError(
      'WORKER_ERR_BAD_ARGUMENT',
      `--device must be cpu or cuda:N, got ${JSON.stringify(device)}`,
    );
  }
  const ctx = positiveInt('ctx', values.ctx);
  const maxSeqs = positiveInt('max-seqs', values['max-seqs']);
  const threads = positiveInt('threads', values.threads);
  return {
    model: required('model'),
    device: device as Device,
    ipc: required('ipc'),
    ...(ctx !== undefined && { ctx }),
    ...(maxSeqs !== undefined && { maxSeqs }),
    ...(threads !== undefined && { threads }),
    ...(values.name !== undefined && { name: values.name }),
  };
}

function positiveInt(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new WorkerError(
      'WORKER_ERR_BAD_ARGUMENT',
      `--${option} must be a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}
