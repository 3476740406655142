import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { run } from '../../src/commands/run.js';
import { repoRoot, sharedFile } from '../../../../test/support/sharedFile.js';

const storiesFile = sharedFile('models/stories260K.gguf');
const stories = storiesFile ?? '';
const refsFile = path.join(repoRoot, 'test/oracle/refs/stories260K.json');
const describeModel = storiesFile !== undefined ? describe : describe.skip;

async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const code = await run(argv, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describeModel('llorch run', () => {
  test('greedy: prints the HF reference continuation of "Once upon a time", timings on stderr', async () => {
    const refs = JSON.parse(readFileSync(refsFile, 'utf8')) as {
      prompts: Array<{ text: string; greedy: { tokens: number[]; text: string } }>;
    };
    const ref = refs.prompts.find((p) => p.text === 'Once upon a time')!;
    const r = await runCli([
      '--model',
      stories,
      '--device',
      'cpu',
      '--temperature',
      '0',
      '--max-tokens',
      String(ref.greedy.tokens.length),
      'Once upon a time',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${ref.greedy.text}\n`);
    expect(r.stderr).toMatch(
      /^prompt 5 tokens in .* generated 48 tokens in .* tok\/s\), finish length\n$/,
    );
  });

  test('sampling with a seed is reproducible', async () => {
    const argv = [
      '--model',
      stories,
      '--temperature',
      '1',
      '--top-k',
      '20',
      '--seed',
      '5',
      '--max-tokens',
      '20',
      'Lily',
    ];
    const a = await runCli(argv);
    const b = await runCli(argv);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  test('bad flags are usage errors; engine errors are coded', async () => {
    expect((await runCli(['--model', stories, '--device', 'gpu', 'x'])).code).toBe(2);
    expect((await runCli(['--model', stories, '--max-tokens', 'lots', 'x'])).code).toBe(2);
    expect((await runCli(['--model', stories])).code).toBe(2);
    const cuda = await runCli(['--model', stories, '--device', 'cuda:0', 'x']);
    expect(cuda.code).toBe(1);
    expect(cuda.stderr).toContain('NATIVE_ERR_CUDA');
    const tooLong = await runCli(['--model', stories, '--max-tokens', '5000', 'x']);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('NATIVE_ERR_CONTEXT_OVERFLOW');
  });
});
