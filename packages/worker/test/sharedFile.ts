import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Path of a reference file in ../shared, or null when it is absent (the test then skips).
 * In CI an absent file is a failure, never a skip.
 */
export function sharedFile(relative: string): string | null {
  const file = path.resolve(repoRoot, '../shared', relative);
  if (existsSync(file)) return file;
  if (process.env.CI === 'true') throw new Error(`reference file ${file} is missing`);
  return null;
}
