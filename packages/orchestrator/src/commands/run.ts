import { parseArgs } from 'node:util';
import { GgufError, modelConfig, readGguf } from '@llorch/gguf';
import { Engine, NativeError, samplingParams, type Device, type SeqEvent } from '@llorch/native';
import { Tokenizer, TokenizerError } from '@llorch/tokenizer';
import { processIo, type CommandIo } from './CommandIo.js';

const USAGE = `usage: llorch run --model FILE.gguf --device cpu [--threads N] [--max-tokens N]
                  [--temperature T] [--top-k K] [--top-p P] [--seed S] PROMPT
  Streams the generated text (not the prompt) to stdout; a line of timings goes to stderr.
  --device       cpu or cuda:N
  --threads      CPU threads (default: all cores)
  --max-tokens   tokens to generate (default 128)
  --temperature  0 = greedy (default 0.8)
  --top-k        0 = off (default 40)
  --top-p        1 = off (default 0.95)
  --seed         sampling seed (default 0)`;

class UsageError extends Error {}

function numberFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  integer: boolean,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'}, got '${raw}'`);
  }
  return value;
}

/** `llorch run`: generates a continuation of PROMPT with the native engine. */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  let model: string;
  let device: Device;
  let prompt: string;
  let threads: number | undefined;
  let maxTokens: number;
  let temperature: number;
  let topK: number;
  let topP: number;
  let seed: number;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' },
        device: { type: 'string', default: 'cpu' },
        threads: { type: 'string' },
        'max-tokens': { type: 'string' },
        temperature: { type: 'string' },
        'top-k': { type: 'string' },
        'top-p': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help === true) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.model === undefined) throw new UsageError('--model is required');
    if (positionals.length !== 1) throw new UsageError('give one PROMPT');
    if (!/^(cpu|cuda:\d+)$/.test(values.device)) {
      throw new UsageError(`--device must be cpu or cuda:N, got '${values.device}'`);
    }
    model = values.model;
    device = values.device as Device;
    prompt = positionals[0]!;
    threads =
      values.threads === undefined ? undefined : numberFlag('threads', values.threads, 0, true);
    maxTokens = numberFlag('max-tokens', values['max-tokens'], 128, true);
    temperature = numberFlag('temperature', values.temperature, 0.8, false);
    topK = numberFlag('top-k', values['top-k'], 40, true);
    topP = numberFlag('top-p', values['top-p'], 0.95, false);
    seed = numberFlag('seed', values.seed, 0, true);
  } catch (err) {
    io.stderr.write(`llorch run: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }

  let engine: Engine | undefined;
  try {
    const gguf = await readGguf(model);
    const config = modelConfig(gguf);
    const tokenizer = Tokenizer.fromGguf(gguf);
    const ids = tokenizer.encode(prompt);
    // One sequence: size the context (and so the KV pool) to this prompt and budget.
    const ctx = Math.min(config.contextLength, ids.length + maxTokens);
    engine = await Engine.load({
      path: model,
      dataOffset: gguf.dataOffset,
      tensors: gguf.tensors,
      config,
      device,
      maxSeqs: 1,
      ctx,
      ...(threads === undefined ? {} : { threads }),
    });
    const decoder = tokenizer.streamDecoder();
    const stops = new Set(tokenizer.stopTokenIds);
    const started = performance.now();
    let prefillMs = 0;
    let generated = 0;
    const finished = new Promise<SeqEvent>((resolve) => {
      engine!.onEvents((events) => {
        for (const e of events) {
          if (e.prefillMs !== undefined) prefillMs = e.prefillMs;
          const text = e.tokens.filter((t) => !stops.has(t));
          generated += e.tokens.length;
          io.stdout.write(decoder.push(text));
          if (e.finish !== undefined) resolve(e);
        }
      });
    });
    engine.submit(
      1,
      ids,
      samplingParams({ temperature, topK, topP, seed, maxTokens, stopTokenIds: [...stops] }),
    );
    const last = await finished;
    io.stdout.write(`${decoder.flush()}\n`);
    const totalMs = performance.now() - started;
    const decodeMs = totalMs - prefillMs;
    const rate = (n: number, ms: number): string => (ms > 0 ? (n / ms) * 1000 : 0).toFixed(1);
    io.stderr.write(
      `prompt ${ids.length} tokens in ${prefillMs.toFixed(1)} ms (${rate(ids.length, prefillMs)} tok/s), ` +
        `generated ${generated} tokens in ${decodeMs.toFixed(1)} ms (${rate(Math.max(0, generated - 1), decodeMs)} tok/s), ` +
        `finish ${last.finish}${last.error ? ` ${last.error.code}` : ''}\n`,
    );
    return last.finish === 'error' ? 1 : 0;
  } catch (err) {
    if (err instanceof NativeError || err instanceof GgufError || err instanceof TokenizerError) {
      io.stderr.write(`llorch run: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await engine?.unload();
  }
}
