import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { run } from '../../src/commands/serve.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out, err };
}

describe('llorch serve', () => {
  it('prints usage with --help', async () => {
    const c = capture();
    expect(await run(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('--model NAME=FILE');
  });

  it('exits 2 on an unknown flag', async () => {
    const c = capture();
    expect(await run(['--bogus'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('--bogus');
  });

  it('refuses an invalid configuration at start naming the field (exit 1)', async () => {
    const c = capture();
    expect(await run(['--model', 'm=/x.gguf', '--device', 'gpu7'], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/ORCH_ERR_CONFIG: invalid configuration: models\.m\.devices\.0/);
  });

  it('refuses a model file that is not a GGUF (exit 1)', async () => {
    const c = capture();
    expect(await run(['--model', `m=${import.meta.filename}`, '--port', '0'], c.io)).toBe(1);
    expect(c.err.join('')).toContain('ORCH_ERR_BAD_MODEL');
  });
});
