import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../../test/support/sharedFile.js';

const LOCK = path.join(
  os.tmpdir(),
  `llorch-worker-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`,
);
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 180_000;

/**
 * Compiles the worker and what it imports (tsc -b is incremental, so this is quick when
 * `pnpm build` already ran). Test files run in parallel and each may call this: a lock keeps
 * one build from rewriting dist/ while another file's test is already running the worker.
 * The native addon itself is built by the native package's build:native script.
 */
export function buildWorker(): void {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // The holder released it between the two calls.
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    execFileSync(
      process.execPath,
      [path.resolve(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'packages/worker'],
      { cwd: repoRoot, stdio: 'pipe' },
    );
  } catch (error) {
    // tsc reports compile errors on stdout.
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`tsc -b packages/worker failed:\n${output}`, { cause: error });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
