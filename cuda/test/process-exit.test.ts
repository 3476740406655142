import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { repoRoot, sharedFile } from '../../test/support/sharedFile.js';

// These run the compiled packages (`pnpm build`) in a child process: the point is what happens
// to a real Node process at exit with an engine it never unloaded.
const stories = sharedFile('models/stories260K.gguf');
const dist = path.join(repoRoot, 'cuda/dist/index.js');
const ggufDist = path.join(repoRoot, 'packages/gguf/dist/index.js');
const built = existsSync(dist) && existsSync(ggufDist);
if (!built && process.env.CI === 'true') throw new Error('run `pnpm build` before these tests');
const describeExit = stories === undefined || !built ? describe.skip : describe;

function runScript(body: string): { status: number | null; stdout: string; stderr: string } {
  const script = `
    import { Engine, samplingParams } from ${JSON.stringify(dist)};
    import { modelConfig, readGguf } from ${JSON.stringify(ggufDist)};
    const file = ${JSON.stringify(stories)};
    const gguf = await readGguf(file);
    const engine = await Engine.load({ path: file, dataOffset: gguf.dataOffset, tensors: gguf.tensors,
      config: modelConfig(gguf), device: 'cpu', threads: 2 });
    const params = samplingParams({ maxTokens: 8 });
    ${body}
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeExit('process exit with a live engine', () => {
  test('an idle, never-unloaded engine does not keep the process alive', () => {
    const r = runScript(`console.log('loaded', engine.stats().steps);`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('loaded 0');
  });

  test('a finished sequence leaves nothing holding the loop', () => {
    const r = runScript(`
      engine.onEvents((events) => { for (const e of events) if (e.finish) console.log('finish', e.finish); });
      engine.submit(1, [1, 403], params);
    `);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('finish length');
  });

  test('a throwing listener surfaces as an uncaught exception; the engine keeps going', () => {
    const r = runScript(`
      process.on('uncaughtException', (err) => console.log('uncaught', err.message));
      let calls = 0;
      engine.onEvents(() => {
        if (calls++ === 0) throw new Error('listener failed');
      });
      engine.onEvents((events) => { for (const e of events) if (e.finish) console.log('finish', e.finish); });
      engine.submit(1, [1, 403], params);
    `);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('uncaught listener failed');
    expect(r.stdout).toContain('finish length');
  });

  test('engines in several worker threads at once (per-environment addon state)', () => {
    const worker = `
      import { Engine } from ${JSON.stringify(pathToFileURL(dist).href)};
      import { modelConfig, readGguf } from ${JSON.stringify(pathToFileURL(ggufDist).href)};
      import { parentPort } from 'node:worker_threads';
      const file = ${JSON.stringify(stories)};
      const gguf = await readGguf(file);
      const engine = await Engine.load({ path: file, dataOffset: gguf.dataOffset, tensors: gguf.tensors,
        config: modelConfig(gguf), device: 'cpu', threads: 1 });
      const logits = await engine.forward([1, 403]);
      await engine.unload();
      parentPort.postMessage(logits[600]);
    `;
    const r = runScript(`
      const { Worker } = await import('node:worker_threads');
      const url = new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)}));
      const inWorkers = await Promise.all([0, 1, 2].map(() => new Promise((resolve, reject) => {
        const w = new Worker(url);
        w.on('message', resolve);
        w.on('error', reject);
      })));
      const mine = (await engine.forward([1, 403]))[600];
      console.log(JSON.stringify(inWorkers.map((v) => v === mine)));
    `);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('[true,true,true]');
  });

  test('process.exit while a sequence is generating joins the engine thread cleanly', () => {
    const r = runScript(`
      engine.onEvents(() => { console.log('event'); process.exit(3); });
      engine.submit(1, [1, 403], { ...params, maxTokens: 2000 });
    `);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('event');
  });
});
