import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { WORKER_ERROR_CODES } from '../src/errors.js';
import { EXIT_CODES } from '../src/exitCodes.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

describe('worker errors and exit codes', () => {
  it('documents every WORKER_ERR_* code, and no code that does not exist', () => {
    const documented = [...readme.matchAll(/\| `(WORKER_ERR_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...WORKER_ERROR_CODES].sort());
  });

  it('documents every exit status, and no status that does not exist', () => {
    const documented = [...readme.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(documented.sort()).toEqual(Object.values(EXIT_CODES).sort());
  });

  it('gives every exit reason its own status', () => {
    const statuses = Object.values(EXIT_CODES);
    expect(new Set(statuses).size).toBe(statuses.length);
  });
});
