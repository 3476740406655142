import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Absolute path of a data file under ../shared (see shared/DATA.md), or undefined when it is
 * absent, so that the caller can skip. In CI (CI=true) a missing file is a failure, never a skip.
 */
export function sharedFile(relative: string): string | undefined {
  const file = path.resolve(repoRoot, '../shared', relative);
  if (existsSync(file)) return file;
  if (process.env.CI === 'true') throw new Error(`shared data file missing in CI: ${file}`);
  return undefined;
}
