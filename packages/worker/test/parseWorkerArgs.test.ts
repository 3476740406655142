import { describe, expect, it } from '@jest/globals';
import { parseWorkerArgs } from '../src/parseWorkerArgs.js';

const base = ['--model', 'm.gguf', '--device', 'cpu', '--ipc', '/tmp/w.sock'];

function error(argv: string[]): { code: string; message: string } {
  try {
    parseWorkerArgs(argv);
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the command line to be rejected');
}

describe('parseWorkerArgs', () => {
  it('parses required and optional options', () => {
    expect(
      parseWorkerArgs([
        ...base,
        '--ctx',
        '512',
        '--max-seqs',
        '8',
        '--threads',
        '2',
        '--name',
        's',
      ]),
    ).toEqual({
      model: 'm.gguf',
      device: 'cpu',
      ipc: '/tmp/w.sock',
      ctx: 512,
      maxSeqs: 8,
      threads: 2,
      name: 's',
    });
    expect(parseWorkerArgs(['--model', 'm', '--device', 'cuda:1', '--ipc', 'p']).device).toBe(
      'cuda:1',
    );
  });

  it('names what is wrong', () => {
    expect(error(['--device', 'cpu', '--ipc', 'p'])).toMatchObject({
      code: 'WORKER_ERR_BAD_ARGUMENT',
      message: expect.stringContaining('--model is required'),
    });
    expect(error([...base.slice(0, 2), '--device', 'gpu', '--ipc', 'p']).message).toMatch(
      /--device must be/,
    );
    expect(error([...base, '--ctx', '0']).message).toMatch(
      /--ctx must be a positive integer, got "0"/,
    );
    expect(error([...base, '--threads', '1.5']).message).toMatch(/--threads/);
    expect(error([...base, '--bogus']).code).toBe('WORKER_ERR_BAD_ARGUMENT');
    expect(error([...base, 'stray']).code).toBe('WORKER_ERR_BAD_ARGUMENT');
  });
});
