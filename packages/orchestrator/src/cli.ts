#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo, type CommandIo } from './commands/CommandIo.js';

/** A subcommand module: parses its own argv, returns the process exit code. */
interface Command {
  run(argv: string[], io?: CommandIo): Promise<number>;
}

/** Subcommands, imported only when invoked so `llorch gguf` never loads the native addon. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  gguf: {
    summary: 'inspect GGUF files, write synthetic models',
    load: () => import('./commands/gguf.js'),
  },
  tokenize: {
    summary: 'print the token ids of a text',
    load: () => import('./commands/tokenize.js'),
  },
  detokenize: {
    summary: 'print the text of token ids',
    load: () => import('./commands/detokenize.js'),
  },
  run: {
    summary: 'generate a continuation with the native engine',
    load: () => import('./commands/run.js'),
  },
  serve: {
    summary: 'serve models over HTTP (OpenAI-compatible and jobs APIs) with supervised workers',
    load: () => import('./commands/serve.js'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `usage: llorch <command> [args]\n\ncommands:\n${lines.join('\n')}\n\nRun 'llorch <command> --help' for a command's options.\n`;
}

/** Dispatches argv (without node and the script) to its command; returns the exit code. */
export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined || !Object.hasOwn(COMMANDS, name!)) {
    io.stderr.write(name === undefined ? usage() : `llorch: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest, io);
}

function scriptPath(): string | undefined {
  try {
    return process.argv[1] === undefined ? undefined : realpathSync(process.argv[1]);
  } catch {
    return undefined;
  }
}

// Run only as the program itself (the `llorch` bin, possibly through a symlink), not when a
// test imports main().
if (scriptPath() === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
