import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { TOKENIZER_ERROR_CODES } from '@llorch/tokenizer';

describe('error codes', () => {
  const readme = readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  );

  it.each(TOKENIZER_ERROR_CODES.map((c) => [c]))('%s is documented in README.md', (code) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\| \\S`, 'm'));
  });

  it('every documented code exists', () => {
    const documented = [...readme.matchAll(/^\| `(TOKENIZER_ERR_[A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...TOKENIZER_ERROR_CODES].sort());
  });
});
