import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { getString, readGguf } from '@llorch/gguf';
import { main } from '../../src/cli.js';
import { run as gguf } from '../../src/commands/gguf.js';
import { repoRoot, sharedFile } from '../../../../test/support/sharedFile.js';

// Writing a tiny synthetic model (its 151936-token vocabulary) takes seconds on a busy machine.
jest.setTimeout(60_000);

const files = ['models/stories260K.gguf', 'tokenizer-vectors', 'models/qwen2.5-0.5b-instruct'].map(
  sharedFile,
);
const haveFiles = files.every((f) => f !== undefined);
const [stories, vocabDir, qwenDir] = files.map((f) => f ?? '') as [string, string, string];
const withFiles = haveFiles ? describe : describe.skip;
const vocabFiles = haveFiles ? readdirSync(vocabDir).filter((f) => f.endsWith('.gguf')) : [];

const tmp = mkdtempSync(path.join(tmpdir(), 'llorch-gguf-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Run = (argv: string[], io: never) => Promise<number>;

async function call(
  command: Run,
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let out = '';
  let err = '';
  io.stdout.on('data', (d: Buffer) => (out += d.toString()));
  io.stderr.on('data', (d: Buffer) => (err += d.toString()));
  io.stdin.end();
  const code = await command(argv, io as never);
  return { code, out, err };
}

withFiles('llorch gguf inspect', () => {
  it('reports stories260K as a 5-block llama with 48 tensors and 512 tokens', async () => {
    const { code, out, err } = await call(gguf, ['inspect', stories, '--json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toMatchObject({
      architecture: 'llama',
      tensorCount: 48,
      blockCount: 5,
      vocabSize: 512,
      contextLength: 2048,
      embeddingLength: 64,
      headCount: 8,
      headCountKv: 4,
      parameterCount: 292800,
      typeCounts: { F32: 48 },
      chatTemplate: false,
    });
  });

  it.each(vocabFiles.map((f) => [f]))('works on the tensor-less vocab file %s', async (name) => {
    const file = path.join(vocabDir, name);
    const gguf_ = await readGguf(file);
    const arch = getString(gguf_, 'general.architecture');
    const { code, out } = await call(gguf, ['inspect', file, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expect(summary).toMatchObject({ architecture: arch, tensorCount: 0, parameterCount: 0 });
    expect(summary.blockCount).toBe(gguf_.metadata.get(`${arch}.block_count`)?.value ?? null);
    expect(summary.vocabSize).toBeGreaterThan(1000);
    const text = await call(gguf, ['inspect', file]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`architecture   ${arch}`);
  });

  it('lists metadata and tensors on request, as text and as JSON', async () => {
    const text = await call(gguf, ['inspect', stories, '--meta', '--tensors']);
    expect(text.out).toContain('llama.block_count  UINT32  5');
    expect(text.out).toMatch(/tokenizer\.ggml\.tokens {2}ARRAY {2}\[STRING x 512\] "<unk>"/);
    expect(text.out).toMatch(/blk\.4\.ffn_down\.weight +F32 +\[172, 64\]/);
    const json = JSON.parse(
      (await call(gguf, ['inspect', stories, '--json', '--meta', '--tensors'])).out,
    );
    expect(json.metadata['llama.context_length']).toBe(2048);
    expect(json.metadata['tokenizer.ggml.tokens']).toMatchObject({ length: 512 });
    expect(json.tensors).toHaveLength(48);
    expect(json.tensors[0]).toMatchObject({
      name: 'token_embd.weight',
      dims: [64, 512],
      typeName: 'F32',
    });
  });

  it('prints error: CODE: message and exits 1 for unreadable or damaged files', async () => {
    const missing = await call(gguf, ['inspect', path.join(tmp, 'nope.gguf')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: GGUF_ERR_IO: cannot open /);
    const cut = path.join(tmp, 'cut.gguf');
    writeFileSync(cut, Buffer.from('GGUF\x03\x00\x00\x00'));
    const truncated = await call(gguf, ['inspect', cut]);
    expect(truncated).toMatchObject({ code: 1, out: '' });
    expect(truncated.err).toMatch(/^error: GGUF_ERR_TRUNCATED: /);
  });
});

describe('llorch gguf usage errors', () => {
  it('exits 2 with usage on stderr for unknown flags, subcommands and missing options', async () => {
    for (const argv of [
      ['inspect', 'x.gguf', '--bogus'],
      ['inspect'],
      ['frobnicate'],
      [],
      ['synth', '--preset', 'tiny-qwen2', '--type', 'f16'],
      ['synth', '--preset', 'tiny-qwen2', '--type', 'f16', '--out', 'x', '--seed', '-1'],
      ['synth', '--preset', 'tiny-qwen2', '--type', 'f16', '--out', 'x', '--arch', 'gpt2'],
    ]) {
      const r = await call(gguf, argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('usage: llorch gguf inspect FILE');
    }
  });

  it('prints usage on stdout for --help', async () => {
    expect(await call(gguf, ['--help'])).toMatchObject({ code: 0, err: '' });
  });
});

withFiles('llorch gguf synth', () => {
  it('writes a tiny-qwen2 that inspect reports with its exact shape', async () => {
    const out = path.join(tmp, 'tiny.gguf');
    const synth = await call(gguf, [
      'synth',
      '--preset',
      'tiny-qwen2',
      '--type',
      'q8_0',
      '--seed',
      '7',
      '--out',
      out,
      '--tokenizer',
      qwenDir,
    ]);
    expect(synth.err).toBe('');
    expect(synth.code).toBe(0);
    expect(synth.out).toMatch(/^wrote .*tiny\.gguf: qwen2, 26 tensors/);
    const json = JSON.parse((await call(gguf, ['inspect', out, '--json'])).out);
    expect(json).toMatchObject({
      architecture: 'qwen2',
      tensorCount: 26,
      blockCount: 2,
      vocabSize: 151936,
      embeddingLength: 64,
      headCount: 4,
      headCountKv: 2,
      typeCounts: { Q8_0: 15, F32: 11 },
      tokenizer: { model: 'gpt2', pre: 'qwen2', tokens: 151936, merges: 151387 },
      chatTemplate: true,
    });
  });

  it('reports bad options as GGUF errors (exit 1)', async () => {
    const r = await call(gguf, [
      'synth',
      '--preset',
      'gpt-9',
      '--type',
      'f16',
      '--out',
      path.join(tmp, 'x.gguf'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: GGUF_ERR_BAD_SYNTH_OPTION: unknown preset 'gpt-9'/);
  });
});

describe('llorch dispatcher', () => {
  it('exits 2 with usage for an unknown or missing command', async () => {
    const unknown = await call(main as Run, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    expect(unknown.err).toContain('usage: llorch <command>');
    expect((await call(main as Run, [])).code).toBe(2);
    expect((await call(main as Run, ['toString'])).code).toBe(2);
  });

  (haveFiles ? it : it.skip)('hands argv to the gguf command', async () => {
    const r = await call(main as Run, ['gguf', 'inspect', stories, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tensorCount).toBe(48);
  });

  const cli = path.resolve(repoRoot, 'packages/orchestrator/dist/cli.js');
  // The built CLI as a real process; CI builds before testing, so it must exist there.
  if (!existsSync(cli) && process.env.CI === 'true') throw new Error(`${cli} is not built`);
  (haveFiles && existsSync(cli) ? it : it.skip)('runs as a process from dist/cli.js', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      'gguf',
      'inspect',
      stories,
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ architecture: 'llama', tensorCount: 48 });
    const failed = await promisify(execFile)(process.execPath, [cli, 'nope']).catch((e) => e);
    expect(failed.code).toBe(2);
  });
});
