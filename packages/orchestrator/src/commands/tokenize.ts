import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { GgufError, readGguf } from '@llorch/gguf';
import { Tokenizer, TokenizerError } from '@llorch/tokenizer';

const USAGE = `usage: llorch tokenize (--model FILE.gguf | --hf DIR) [--special] [--no-bos] [--json] TEXT|-
       llorch tokenize (--model FILE.gguf | --hf DIR) [--special] [--no-bos] --jsonl < lines
  --special  parse special-token text (e.g. <|im_start|>) as special tokens
  --no-bos   do not add the BOS token the vocabulary asks for
  --json     print a JSON array (default: ids separated by spaces)
  --jsonl    read one JSON string per stdin line, print one JSON array of ids per line
  TEXT or - (read stdin)`;

export interface CommandIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

const processIo: CommandIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
};

/** Opens the tokenizer that --model (a GGUF file) or --hf (an HF tokenizer directory) names. */
export async function openTokenizer(
  model: string | undefined,
  hf: string | undefined,
): Promise<Tokenizer> {
  return model !== undefined ? Tokenizer.fromGguf(await readGguf(model)) : Tokenizer.fromHfDir(hf!);
}

/** `name: CODE: message` for the errors a tokenizer command expects; others are rethrown. */
export function describeError(name: string, err: unknown): string {
  if (err instanceof TokenizerError || err instanceof GgufError) {
    return `llorch ${name}: ${err.code}: ${err.message}\n`;
  }
  throw err;
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** `llorch tokenize`: prints the token ids of a text, or of each JSON line (batch mode). */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' },
        hf: { type: 'string' },
        special: { type: 'boolean', default: false },
        'no-bos': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    io.stderr.write(`llorch tokenize: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const usageError = (message: string): number => {
    io.stderr.write(`llorch tokenize: ${message}\n${USAGE}\n`);
    return 2;
  };
  if ((values.model === undefined) === (values.hf === undefined)) {
    return usageError('give exactly one of --model and --hf');
  }
  if (values.jsonl ? positionals.length !== 0 : positionals.length !== 1) {
    return usageError(
      values.jsonl ? '--jsonl reads stdin and takes no TEXT' : 'give one TEXT (or - for stdin)',
    );
  }

  try {
    const tokenizer = await openTokenizer(values.model, values.hf);
    const options = { special: values.special, ...(values['no-bos'] ? { addBos: false } : {}) };
    if (!values.jsonl) {
      const text = positionals[0] === '-' ? await readAll(io.stdin) : positionals[0]!;
      const ids = tokenizer.encode(text, options);
      io.stdout.write(`${values.json ? JSON.stringify(ids) : ids.join(' ')}\n`);
      return 0;
    }
    let lineNo = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNo++;
      let text: unknown;
      try {
        text = JSON.parse(line);
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string') {
        io.stderr.write(`llorch tokenize: stdin line ${lineNo} is not a JSON string\n`);
        return 1;
      }
      io.stdout.write(`${JSON.stringify(tokenizer.encode(text, options))}\n`);
    }
    return 0;
  } catch (err) {
    io.stderr.write(describeError('tokenize', err));
    return 1;
  }
}
