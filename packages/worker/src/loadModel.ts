import path from 'node:path';
import { checkTensors, findString, modelConfig, readGguf, type GgufFile } from '@llorch/gguf';
import { Engine } from '@llorch/native';
import { Tokenizer } from '@llorch/tokenizer';
import type { WorkerArgs } from './parseWorkerArgs.js';

export interface LoadedModel {
  readonly file: GgufFile;
  readonly name: string;
  readonly architecture: string;
  readonly contextLength: number;
  readonly tokenizer: Tokenizer;
  readonly engine: Engine;
}

/** Parses the GGUF, builds its tokenizer and loads the weights into the engine. */
export async function loadModel(args: WorkerArgs): Promise<LoadedModel> {
  const file = await readGguf(args.model);
  const config = modelConfig(file);
  // A missing or misshapen tensor is named here, before the engine reads a byte of weights.
  checkTensors(file, config);
  const tokenizer = Tokenizer.fromGguf(file);
  const engine = await Engine.load({
    path: args.model,
    dataOffset: file.dataOffset,
    tensors: file.tensors,
    config,
    device: args.device,
    ...(args.threads !== undefined && { threads: args.threads }),
    ...(args.maxSeqs !== undefined && { maxSeqs: args.maxSeqs }),
    ...(args.ctx !== undefined && { ctx: args.ctx }),
  });
  return {
    file,
    name: args.name ?? findString(file, 'general.name') ?? path.basename(args.model, '.gguf'),
    architecture: findString(file, 'general.architecture') ?? 'unknown',
    contextLength: config.contextLength,
    tokenizer,
    engine,
  };
}
