import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './sharedFile.js';

/**
 * Compiles the worker and what it imports (tsc -b is incremental, so this is quick when
 * `pnpm build` already ran). The native addon itself is built by the native package's
 * build:native script.
 */
export function buildWorker(): void {
  execFileSync(
    process.execPath,
    [path.resolve(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'packages/worker'],
    { cwd: repoRoot, stdio: 'pipe' },
  );
}
