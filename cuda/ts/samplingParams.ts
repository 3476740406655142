import type { SamplingParams } from './types.js';

/** Every sampler stage off: greedy decoding with no penalties, bias, stops or logprobs. */
const NEUTRAL: Omit<SamplingParams, 'maxTokens'> = {
  temperature: 0,
  topK: 0,
  topP: 1,
  minP: 0,
  repetitionPenalty: 1,
  presencePenalty: 0,
  frequencyPenalty: 0,
  penaltyLastN: 64,
  logitBias: [],
  seed: 0,
  stopTokenIds: [],
  topLogprobs: 0,
  resumedTokens: 0,
};

/** Complete sampling parameters: the given ones over the neutral (greedy) defaults. */
export function samplingParams(
  given: Partial<SamplingParams> & Pick<SamplingParams, 'maxTokens'>,
): SamplingParams {
  return { ...NEUTRAL, ...given };
}
