import { PassThrough } from 'node:stream';
import { describe, expect, it, jest } from '@jest/globals';
import { run as detokenize } from '../../src/commands/detokenize.js';
import { run as tokenize } from '../../src/commands/tokenize.js';
import { sharedFile } from '../../../../test/support/sharedFile.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const qwenFile = sharedFile('models/qwen2.5-0.5b-instruct');
const spmFile = sharedFile('tokenizer-vectors/ggml-vocab-llama-spm.gguf');
const haveFiles = qwenFile !== undefined && spmFile !== undefined;
const qwenDir = qwenFile ?? '';
const spmGguf = spmFile ?? '';
const withFiles = haveFiles ? describe : describe.skip;

async function call(
  command: typeof tokenize,
  argv: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let out = '';
  let err = '';
  io.stdout.on('data', (d: Buffer) => (out += d.toString()));
  io.stderr.on('data', (d: Buffer) => (err += d.toString()));
  io.stdin.end(stdin);
  const code = await command(argv, io);
  return { code, out, err };
}

withFiles('llorch tokenize / detokenize', () => {
  it('prints ids, as JSON with --json, and reads stdin with -', async () => {
    const plain = await call(tokenize, ['--hf', qwenDir, 'Hello world']);
    expect(plain).toEqual({ code: 0, out: '9707 1879\n', err: '' });
    const json = await call(tokenize, ['--hf', qwenDir, '--json', '-'], 'Hello world');
    expect(json.out).toBe('[9707,1879]\n');
  });

  it('parses special tokens only with --special', async () => {
    const without = await call(tokenize, ['--hf', qwenDir, '--json', '<|im_end|>']);
    expect(JSON.parse(without.out)).not.toContain(151645);
    const withSpecial = await call(tokenize, [
      '--hf',
      qwenDir,
      '--json',
      '--special',
      '<|im_end|>',
    ]);
    expect(JSON.parse(withSpecial.out)).toEqual([151645]);
  });

  it('adds BOS for a GGUF SPM vocabulary unless --no-bos', async () => {
    const bos = await call(tokenize, ['--model', spmGguf, '--json', 'Hello']);
    expect(JSON.parse(bos.out)[0]).toBe(1);
    const noBos = await call(tokenize, ['--model', spmGguf, '--json', '--no-bos', 'Hello']);
    expect(JSON.parse(noBos.out)).toEqual(JSON.parse(bos.out).slice(1));
  });

  it('tokenizes one JSON string per line with --jsonl', async () => {
    const r = await call(tokenize, ['--hf', qwenDir, '--jsonl'], '"Hello world"\n"a\\nb"\n');
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as number[]),
    ).toHaveLength(2);
    const bad = await call(tokenize, ['--hf', qwenDir, '--jsonl'], '"ok"\n42\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('line 2');
  });

  it('detokenizes ids given as arguments, a JSON array or stdin', async () => {
    expect((await call(detokenize, ['--hf', qwenDir, '9707', '1879'])).out).toBe('Hello world\n');
    expect((await call(detokenize, ['--hf', qwenDir, '[9707, 1879]'])).out).toBe('Hello world\n');
    const viaStdin = await call(detokenize, ['--hf', qwenDir, '--json', '-'], '9707,1879,151645');
    expect(viaStdin.out).toBe('"Hello world"\n');
    const shown = await call(detokenize, ['--hf', qwenDir, '--special', '9707', '151645']);
    expect(shown.out).toBe('Hello<|im_end|>\n');
  });

  it('reports bad input with a code or usage, never a crash', async () => {
    expect((await call(tokenize, ['Hello'])).code).toBe(2);
    expect((await call(tokenize, ['--hf', qwenDir, '--model', spmGguf, 'x'])).code).toBe(2);
    expect((await call(tokenize, ['--hf', qwenDir, '--bogus', 'x'])).code).toBe(2);
    expect((await call(detokenize, ['--hf', qwenDir, 'abc'])).code).toBe(2);
    expect((await call(detokenize, ['--hf', qwenDir])).code).toBe(2);
    const outOfRange = await call(detokenize, ['--hf', qwenDir, '99999999']);
    expect(outOfRange).toMatchObject({ code: 1 });
    expect(outOfRange.err).toContain('TOKENIZER_ERR_BAD_TOKEN_ID');
    const missing = await call(tokenize, ['--model', '/nonexistent.gguf', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('GGUF_ERR_IO');
    const noDir = await call(tokenize, ['--hf', '/nonexistent', 'x']);
    expect(noDir.err).toContain('TOKENIZER_ERR_HF_FILES');
  });
});
