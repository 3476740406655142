import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROTOCOL_ERROR_CODES } from '../src/errors.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

describe('PROTOCOL_ERROR_CODES', () => {
  it('documents every code in the README table', () => {
    for (const code of PROTOCOL_ERROR_CODES) {
      expect(readme).toContain(`| \`${code}\` |`);
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...readme.matchAll(/\| `(PROTOCOL_ERR_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...PROTOCOL_ERROR_CODES].sort());
  });
});
