import { describe, expect, it } from '@jest/globals';
import type { Submit } from '@llorch/protocol';
import { validateSubmit } from '../src/validateSubmit.js';

const VOCAB = 512;

function invalid(submit: Submit): string {
  try {
    validateSubmit(submit, VOCAB);
  } catch (error) {
    expect((error as { code: string }).code).toMatch(/^WORKER_ERR_/);
    return (error as Error).message;
  }
  throw new Error('expected the Submit to be rejected');
}

describe('validateSubmit', () => {
  it('fills in defaults', () => {
    const spec = validateSubmit({ jobId: 'j', prompt: 'hi' }, VOCAB);
    expect(spec).toMatchObject({
      jobId: 'j',
      input: { kind: 'prompt', text: 'hi' },
      temperature: 1,
      topK: 0,
      topP: 1,
      minP: 0,
      repetitionPenalty: 1,
      penaltyLastN: 64,
      seed: undefined,
      maxTokens: 0,
      stop: [],
      ignoreEos: false,
      resumeTokens: [],
    });
  });

  it('keeps chat messages and defaults add_generation_prompt to true', () => {
    const spec = validateSubmit(
      { jobId: 'j', chat: { messages: [{ role: 'user', content: 'hi' }] } },
      VOCAB,
    );
    expect(spec.input).toEqual({
      kind: 'chat',
      messages: [{ role: 'user', content: 'hi' }],
      addGenerationPrompt: true,
    });
  });

  it('names the field, the limit and the value given', () => {
    expect(invalid({ jobId: 'j', prompt: 'x', sampling: { temperature: -1 } })).toBe(
      'sampling.temperature must be >= 0, got -1',
    );
    expect(invalid({ jobId: 'j', prompt: 'x', sampling: { topP: 0 } })).toMatch(/sampling\.top_p/);
    expect(invalid({ jobId: 'j', prompt: 'x', sampling: { minP: 2 } })).toMatch(/sampling\.min_p/);
    expect(invalid({ jobId: 'j', prompt: 'x', sampling: { temperature: NaN } })).toMatch(/NaN/);
    expect(
      invalid({ jobId: 'j', prompt: 'x', sampling: { logitBias: [{ token: 512, bias: 1 }] } }),
    ).toBe('sampling.logit_bias[0].token must be below the vocabulary size 512, got 512');
    expect(invalid({ jobId: 'j', prompt: 'x', stop: { stop: [''] } })).toMatch(/stop\.stop\[0\]/);
    expect(invalid({ jobId: 'j', prompt: 'x', topLogprobs: 21 })).toMatch(/top_logprobs/);
    expect(invalid({ jobId: 'j', tokens: { ids: [1, 999] } })).toMatch(/tokens\.ids\[1\]/);
    expect(invalid({ jobId: 'j', prompt: 'x', resumeTokens: [600] })).toMatch(/resume_tokens\[0\]/);
    expect(invalid({ jobId: 'j', chat: { messages: [{ role: 'robot' }] } })).toMatch(/role/);
    expect(invalid({ jobId: 'j' })).toMatch(/one of prompt, chat or tokens/);
  });

  it('rejects a missing or oversize job id', () => {
    expect(invalid({ prompt: 'x' })).toMatch(/job_id/);
    expect(invalid({ jobId: 'x'.repeat(129), prompt: 'x' })).toMatch(/job_id/);
  });
});
