import { DEFAULT_MAX_FRAME_BYTES, PROTOCOL_VERSION, type Hello } from '@llorch/protocol';
import type { LoadedModel } from './loadModel.js';

/** The Hello a worker sends once its model is loaded. */
export function helloFor(model: LoadedModel): Hello {
  const stats = model.engine.stats();
  return {
    protocolVersion: PROTOCOL_VERSION,
    modelName: model.name,
    architecture: model.architecture,
    modelContextLength: model.contextLength,
    vocabSize: model.tokenizer.size,
    device: stats.device,
    memoryUsedBytes: stats.memoryUsedBytes,
    memoryFreeBytes: stats.memoryFreeBytes,
    limits: {
      contextLength: stats.ctx,
      maxRunningJobs: stats.maxSeqs,
      kvBlockSize: stats.kvBlockSize,
      kvBlocksTotal: stats.kvBlocksTotal,
      maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
    },
    pid: process.pid,
    hasChatTemplate: model.tokenizer.vocab.chatTemplate !== null,
  };
}
