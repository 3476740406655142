import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GGUF_ERROR_CODES } from '@llorch/gguf';

describe('error codes', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

  it.each(GGUF_ERROR_CODES.map((c) => [c]))('%s is documented in README.md', (code) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\| \\S`, 'm'));
  });

  it('every documented code exists', () => {
    const documented = [...readme.matchAll(/^\| `(GGUF_ERR_[A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...GGUF_ERROR_CODES].sort());
  });
});
