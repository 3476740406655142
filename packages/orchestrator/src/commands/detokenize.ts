import { processIo, readAll, type CommandIo } from './CommandIo.js';
import { describeTokenizerError, parseTokenizerArgs } from './parseTokenizerArgs.js';

const USAGE = `usage: llorch detokenize (--model FILE.gguf | --hf DIR) [--special] [--json] IDS|-
  IDS        token ids: separate arguments, one argument with ids separated by spaces or
             commas, or a JSON array; - reads them from stdin
  --special  show control tokens (e.g. <|im_end|>) as text
  --json     print the text as a JSON string (default: the text and a newline)`;

/** Token ids from "1 2 3", "1,2,3" or "[1, 2, 3]"; null when anything else is in there. */
function parseIds(text: string): number[] | null {
  const body = text.trim().replace(/^\[(.*)\]$/s, '$1');
  if (body.trim() === '') return [];
  const parts = body.split(/[\s,]+/).filter((p) => p.length > 0);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

/** `llorch detokenize`: prints the text of token ids. */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseTokenizerArgs('detokenize', USAGE, argv, io, {});
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length === 0) return args.usageError('give token ids (or - for stdin)');
  const source =
    positionals.length === 1 && positionals[0] === '-'
      ? await readAll(io.stdin)
      : positionals.join(' ');
  const ids = parseIds(source);
  if (ids === null) {
    io.stderr.write(
      `llorch detokenize: token ids must be non-negative integers, got ${JSON.stringify(source.slice(0, 80))}\n`,
    );
    return 2;
  }
  try {
    const tokenizer = await args.openTokenizer();
    const text = tokenizer.decode(ids, { special: values.special });
    io.stdout.write(values.json ? `${JSON.stringify(text)}\n` : `${text}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(describeTokenizerError('detokenize', err));
    return 1;
  }
}
