import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';

import { repoRoot, sharedFile } from '../../support/sharedFile.js';

export { repoRoot };
const storiesFile = sharedFile('models/stories260K.gguf');
export const storiesPath = storiesFile ?? '';
const cli = path.join(repoRoot, 'packages/orchestrator/dist/cli.js');
const workerMain = path.join(repoRoot, 'packages/worker/dist/main.js');

/**
 * Whether the e2e prerequisites exist: the shared model and the built CLI and worker. In CI a
 * missing one is a failure, not a skip.
 */
export function e2eReady(): boolean {
  const missing = [cli, workerMain].filter((p) => !existsSync(p));
  if (storiesFile === undefined) missing.push('../shared/models/stories260K.gguf');
  if (missing.length === 0) return true;
  if (process.env.CI === 'true')
    throw new Error(`e2e prerequisites missing: ${missing.join(', ')}`);
  return false;
}

export interface Served {
  url: string;
  child: ChildProcess;
  /** Every JSON log line the server printed so far. */
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `llorch serve` as a real process with a YAML config; resolves once it listens. */
export async function startServe(
  config: string,
  env: Record<string, string> = {},
): Promise<Served> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-e2e-'));
  const file = path.join(dir, 'llorch.yaml');
  writeFileSync(file, config);
  const child = spawn(process.execPath, [cli, 'serve', '--config', file, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', LLORCH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      r(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let rec: Record<string, unknown>;
      try {
        rec = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(rec);
      if (rec.msg === 'listening' && typeof rec.url === 'string') resolve(rec.url);
    });
    void exited.then((code) =>
      reject(new Error(`llorch serve exited with ${code}: ${stderr.join('')}`)),
    );
  });
  return {
    url,
    child,
    logs,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `check` every 20 ms until it returns a value (bounded by the jest timeout). */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The official openai client for a served instance, once /readyz says every model has a worker. */
export async function readyClient(s: Served): Promise<OpenAI> {
  await waitFor(async () => ((await fetch(`${s.url}/readyz`)).status === 200 ? true : undefined));
  return new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'unused', maxRetries: 0 });
}
