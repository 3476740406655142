import type { GgufTensorInfo, ModelConfig } from '@llorch/gguf';

export type Device = 'cpu' | `cuda:${number}`;

export interface LoadOptions {
  /** The GGUF file. */
  path: string;
  /** GgufFile.dataOffset (absolute); tensor offsets are relative to it. */
  dataOffset: number;
  /** The tensor table @llorch/gguf parsed. */
  tensors: readonly GgufTensorInfo[];
  /** From @llorch/gguf modelConfig(). */
  config: ModelConfig;
  device: Device;
  /** CPU threads (default: all cores). */
  threads?: number;
  /** Max concurrently running sequences (default 16). */
  maxSeqs?: number;
  /** Max tokens per sequence (default min(config.contextLength, 4096)). */
  ctx?: number;
  /** Tokens per KV block (default 16). */
  kvBlockSize?: number;
  /** KV pool size in blocks (default: enough for maxSeqs * ctx). */
  kvBlocks?: number;
  /** Prompt tokens per step per sequence (default 256). */
  prefillChunk?: number;
  /**
   * TEST-ONLY: pad decode steps to row buckets (1, 2, 4 ... 64) even on the CPU, which does not
   * record steps and so pads only when this is set; CUDA always pads.
   */
  padDecodeSteps?: boolean;
  /**
   * TEST-ONLY: launch the next greedy decode step before reading the current one's tokens even on
   * the CPU, where nothing overlaps and so this is off unless set; CUDA always runs ahead.
   */
  runAhead?: boolean;
}

export interface SamplingParams {
  /** 0 = greedy. */
  temperature: number;
  /** 0 = off. */
  topK: number;
  /** 1 = off. */
  topP: number;
  /** 0 = off. */
  minP: number;
  /** 1 = off. */
  repetitionPenalty: number;
  /** 0 = off. */
  presencePenalty: number;
  /** 0 = off. */
  frequencyPenalty: number;
  /** Window for penalties over prompt + generated tokens (default 64; -1 = whole sequence). */
  penaltyLastN: number;
  /** [token id, bias] added to the logits before sampling. */
  logitBias: ReadonlyArray<readonly [number, number]>;
  /** uint53; the draw for generated index i depends only on (seed, i). */
  seed: number;
  /** Max generated tokens INCLUDING resumed ones. */
  maxTokens: number;
  /** EOS/EOT etc.; the stop token is reported but not counted as text. */
  stopTokenIds: readonly number[];
  /** 0 = none; n > 0 = the sampled token's logprob + the top n. */
  topLogprobs: number;
  /** The last k of `tokens` were generated earlier (crash resume): they count for penalties,
   *  maxTokens and the RNG index (the next draw is i = k). */
  resumedTokens: number;
}

export interface TokenLogprob {
  token: number;
  logprob: number;
  top: Array<{ token: number; logprob: number }>;
}

export type FinishReason = 'stop' | 'length' | 'cancelled' | 'error';

export interface SeqEvent {
  seq: number;
  /** Newly sampled tokens for this sequence since the last event. */
  tokens: number[];
  /** Parallel to tokens when topLogprobs > 0. Log-softmax of the logits after penalties and
   *  logit bias, before temperature and truncation. */
  logprobs?: TokenLogprob[];
  finish?: FinishReason;
  error?: { code: string; message: string };
  /** On the first event after prefill. */
  promptTokens?: number;
  prefillMs?: number;
}

export interface EngineStats {
  device: Device;
  threads: number;
  runningSeqs: number;
  waitingSeqs: number;
  kvBlocksTotal: number;
  kvBlocksUsed: number;
  kvBlockSize: number;
  weightBytes: number;
  kvBytes: number;
  scratchBytes: number;
  /** Device memory (CPU: bytes the engine allocated / system free memory). */
  memoryUsedBytes: number;
  memoryFreeBytes: number;
  /** Engine steps so far (heartbeat counter). */
  steps: number;
  /**
   * Sequences sent back to the queue so far because the KV pool ran out of blocks (blocks are
   * taken as sequences grow; the newest running one yields and is recomputed later).
   */
  preemptions: number;
  /**
   * Distinct shapes (row bucket, logit rows, position bucket, greedy) of the recordable steps run
   * so far; on CUDA each is recorded as one graph at most.
   */
  stepShapes: number;
  maxSeqs: number;
  ctx: number;
}
