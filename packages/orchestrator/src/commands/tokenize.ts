import { createInterface } from 'node:readline';
import { processIo, readAll, type CommandIo } from './CommandIo.js';
import { describeTokenizerError, parseTokenizerArgs } from './parseTokenizerArgs.js';

const USAGE = `usage: llorch tokenize (--model FILE.gguf | --hf DIR) [--special] [--no-bos] [--json] TEXT|-
       llorch tokenize (--model FILE.gguf | --hf DIR) [--special] [--no-bos] --jsonl < lines
  --special  parse special-token text (e.g. <|im_start|>) as special tokens
  --no-bos   do not add the BOS token the vocabulary asks for
  --json     print a JSON array (default: ids separated by spaces)
  --jsonl    read one JSON string per stdin line, print one JSON array of ids per line
  TEXT or - (read stdin)`;

/** `llorch tokenize`: prints the token ids of a text, or of each JSON line (batch mode). */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseTokenizerArgs('tokenize', USAGE, argv, io, {
    'no-bos': { type: 'boolean', default: false },
    jsonl: { type: 'boolean', default: false },
  });
  if (typeof args === 'number') return args;
  const { values, positionals, usageError } = args;
  if (values.jsonl ? positionals.length !== 0 : positionals.length !== 1) {
    return usageError(
      values.jsonl ? '--jsonl reads stdin and takes no TEXT' : 'give one TEXT (or - for stdin)',
    );
  }

  try {
    const tokenizer = await args.openTokenizer();
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
    io.stderr.write(describeTokenizerError('tokenize', err));
    return 1;
  }
}
