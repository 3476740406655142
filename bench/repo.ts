/** Where the benchmarks find the repository: they run compiled, from bench/dist/. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The module at `relativePath` from the repository root (a package's built entry, e.g.
 * 'packages/gguf/dist/index.js'), loaded by path: from bench/dist/ a static relative import
 * would not resolve to the same place it does in the source.
 */
export async function importFromRepo<T>(relativePath: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, relativePath)).href)) as T;
}
