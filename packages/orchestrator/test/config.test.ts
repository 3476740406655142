import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('loadConfig', () => {
  it('has defaults: 127.0.0.1:8080, no models, no admin API', async () => {
    const c = await loadConfig();
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.models).toEqual({});
    expect(c.adminToken).toBeUndefined();
    expect(c.limits.defaultMaxTokens).toBe(256);
    expect(c.supervisor.stallTimeoutMs).toBe(30_000);
  });

  it('reads YAML with model paths relative to the file', async () => {
    const p = file(
      'a.yaml',
      'port: 9001\nmodels:\n  tiny:\n    path: m/tiny.gguf\n    maxSeqs: 4\n',
    );
    const c = await loadConfig({ flags: { config: p } });
    expect(c.port).toBe(9001);
    expect(c.models.tiny).toMatchObject({
      path: path.join(dir, 'm/tiny.gguf'),
      maxSeqs: 4,
      devices: ['cpu'],
    });
  });

  it('reads JSON files', async () => {
    const p = file(
      'b.json',
      JSON.stringify({
        host: '0.0.0.0',
        models: { x: { path: '/abs.gguf', devices: ['cuda:1'] } },
      }),
    );
    const c = await loadConfig({ env: { LLORCH_CONFIG: p } });
    expect(c.host).toBe('0.0.0.0');
    expect(c.models.x!.devices).toEqual(['cuda:1']);
  });

  it('lets the environment override the file and flags override both', async () => {
    const p = file('c.yaml', 'port: 1000\nhost: filehost\n');
    const c = await loadConfig({
      flags: { config: p, port: '3000' },
      env: {
        LLORCH_PORT: '2000',
        LLORCH_HOST: 'envhost',
        LLORCH_ADMIN_TOKEN: 'secret-token',
        LLORCH_API_KEYS: 'key-aaaaaaaa, key-bbbbbbbb',
      },
    });
    expect(c.port).toBe(3000);
    expect(c.host).toBe('envhost');
    expect(c.adminToken).toBe('secret-token');
    expect(c.apiKeys).toEqual(['key-aaaaaaaa', 'key-bbbbbbbb']);
  });

  it('builds models from --model NAME=FILE with --device', async () => {
    const c = await loadConfig({
      cwd: '/srv',
      flags: {
        model: ['a=models/a.gguf', 'b=/b.gguf'],
        device: ['cuda:0', 'cuda:1'],
        maxSeqs: '3',
        threads: '2',
      },
    });
    expect(c.models.a).toMatchObject({
      path: '/srv/models/a.gguf',
      devices: ['cuda:0', 'cuda:1'],
      maxSeqs: 3,
      threads: 2,
    });
    expect(c.models.b!.path).toBe('/b.gguf');
  });

  it.each([
    [{ flags: { port: 'eighty' } }, /port/],
    [{ flags: { port: '70000' } }, /port/],
    [
      { flags: { model: ['x=/x.gguf'], device: ['gpu0'] } },
      /models\.x\.devices\.0: expected "cpu" or "cuda:N"/,
    ],
    [{ flags: { model: ['x=/x.gguf'], maxSeqs: '0' } }, /models\.x\.maxSeqs/],
    [{ flags: { model: ['novalue'] } }, /--model: expected NAME=FILE/],
    [{ env: { LLORCH_ADMIN_TOKEN: 'short' } }, /adminToken/],
  ])('refuses an invalid configuration naming the field (%j)', async (sources, field) => {
    await expect(loadConfig(sources)).rejects.toMatchObject({
      code: 'ORCH_ERR_CONFIG',
      message: expect.stringMatching(field),
    });
  });

  it('refuses unknown keys and unreadable files', async () => {
    const p = file('d.yaml', 'prot: 80\n');
    await expect(loadConfig({ flags: { config: p } })).rejects.toThrow(/prot/);
    await expect(loadConfig({ flags: { config: path.join(dir, 'missing.yaml') } })).rejects.toThrow(
      /cannot read/,
    );
    const bad = file('e.yaml', 'models: [unclosed\n');
    await expect(loadConfig({ flags: { config: bad } })).rejects.toThrow(/cannot parse/);
  });
});
