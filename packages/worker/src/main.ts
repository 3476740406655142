#!/usr/bin/env node
import { EXIT_CODES } from './exitCodes.js';
import { parseWorkerArgs } from './parseWorkerArgs.js';
import { die, runWorker } from './runWorker.js';

let args;
try {
  args = parseWorkerArgs(process.argv.slice(2));
} catch (error) {
  die(EXIT_CODES.BAD_ARGUMENTS, (error as Error).message);
}
await runWorker(args);
