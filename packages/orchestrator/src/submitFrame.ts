import type { Submit } from '@llorch/protocol';
import type { SubmitSpec } from './replica.js';

/** A job as the worker's Submit message. */
export function submitFrame(spec: SubmitSpec): Submit {
  const { input, sampling } = spec;
  const frame: Submit = {
    jobId: spec.jobId,
    addGenerationPrompt: true,
    sampling: {
      temperature: sampling.temperature,
      topK: sampling.topK,
      topP: sampling.topP,
      minP: sampling.minP,
      repetitionPenalty: sampling.repetitionPenalty,
      presencePenalty: sampling.presencePenalty,
      frequencyPenalty: sampling.frequencyPenalty,
      logitBias: sampling.logitBias.map(([token, bias]) => ({ token, bias })),
      seed: sampling.seed,
    },
    stop: { maxTokens: spec.maxTokens, stop: spec.stop },
    // The worker always returns the sampled token's logprob with at least one alternative;
    // a request for the sampled token alone gets its alternatives dropped on relay.
    topLogprobs: sampling.logprobs === 0 ? 0 : Math.max(1, sampling.logprobs - 1),
    deadlineUnixMs: spec.deadlineUnixMs,
    resumeTokens: spec.resumeTokens,
  };
  if (input.kind === 'text') frame.prompt = input.text;
  else if (input.kind === 'chat') frame.chat = { messages: input.messages };
  else frame.tokens = { ids: input.tokens };
  return frame;
}
