import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const packageDir = path.resolve(import.meta.dirname, '..');
const generate = (
  JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    scripts: { generate: string };
  }
).scripts.generate;

describe('src/generated', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'llorch-protocol-gen-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is what the generate script makes of worker.proto today', () => {
    // The package's own generate script, writing to a scratch folder instead.
    execSync(generate.replaceAll('src/generated/', `${out}/`), {
      cwd: packageDir,
      env: {
        ...process.env,
        PATH: `${path.join(packageDir, 'node_modules/.bin')}:${process.env.PATH}`,
      },
      stdio: 'pipe',
    });
    for (const file of ['worker.js', 'worker.d.ts']) {
      const fresh = readFileSync(path.join(out, file), 'utf8');
      const committed = readFileSync(path.join(packageDir, 'src/generated', file), 'utf8');
      expect(fresh === committed).toBe(true);
    }
  }, 60_000);
});
