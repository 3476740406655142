import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OrchError } from '../src/errors.js';
import { parseChatRequest, parseCompletionRequest, parseJobRequest } from '../src/request.js';

describe('request validation', () => {
  it('turns a chat body into a typed request with OpenAI defaults', () => {
    const r = parseChatRequest({
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hi ' },
            { type: 'text', text: 'there' },
          ],
        },
      ],
      max_completion_tokens: 12,
      max_tokens: 99,
      stop: 'END',
      logit_bias: { '42': -100 },
      logprobs: true,
      top_logprobs: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(r.input).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi there' },
      ],
    });
    expect(r.maxTokens).toBe(12);
    expect(r.stop).toEqual(['END']);
    expect(r.sampling).toMatchObject({
      temperature: 1,
      topP: 1,
      topK: 0,
      seed: undefined,
      logprobs: 4,
      logitBias: [[42, -100]],
    });
    expect(r.stream).toBe(true);
    expect(r.includeUsage).toBe(true);
  });

  it('accepts completions prompts as a string, a one-string array or token ids', () => {
    expect(parseCompletionRequest({ model: 'm', prompt: 'x' }).input).toEqual({
      kind: 'text',
      text: 'x',
    });
    expect(parseCompletionRequest({ model: 'm', prompt: ['y'] }).input).toEqual({
      kind: 'text',
      text: 'y',
    });
    expect(parseCompletionRequest({ model: 'm', prompt: [1, 2] }).input).toEqual({
      kind: 'tokens',
      tokens: [1, 2],
    });
    expect(parseCompletionRequest({ model: 'm', prompt: 'x', logprobs: 0 }).sampling.logprobs).toBe(
      1,
    );
  });

  it.each([
    [{ model: 'm', messages: [], temperature: 1 }, 'messages'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], n: 2 }, 'n'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], top_p: 0 }, 'top_p'],
    [
      { model: 'm', messages: [{ role: 'user', content: 'x' }], logit_bias: { abc: 1 } },
      'logit_bias.abc',
    ],
    [{ model: 'm', messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
    [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
    [
      { model: 'm', messages: [{ role: 'user', content: 'x' }], stop: ['a', 'b', 'c', 'd', 'e'] },
      'stop',
    ],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], stop: 'é'.repeat(129) }, 'stop'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 2 ** 32 }, 'max_tokens'],
    [
      { model: 'm', messages: [{ role: 'user', content: 'x' }], logit_bias: { '99999999999': 1 } },
      'logit_bias.99999999999',
    ],
  ])('refuses %j naming %s', (body, param) => {
    let err: unknown;
    try {
      parseChatRequest(body);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OrchError);
    expect(err).toMatchObject({ code: 'ORCH_ERR_INVALID_REQUEST', param, status: 400 });
    expect((err as Error).message).toContain('(got ');
  });

  it('refuses a field nested deeper than JSON.stringify can show, naming it', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) as unknown;
    expect(() => parseCompletionRequest({ model: 'm', prompt: 'x', user: deep })).toThrow(
      expect.objectContaining({
        code: 'ORCH_ERR_INVALID_REQUEST',
        param: 'user',
        message: expect.stringContaining('(got an array nested too deeply to show)'),
      }),
    );
  });

  it("takes OpenAI's developer role as the system prompt", () => {
    const messages = [
      { role: 'developer', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ];
    const want = {
      kind: 'chat',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
    };
    expect(parseChatRequest({ model: 'm', messages }).input).toEqual(want);
    expect(parseJobRequest({ model: 'm', messages }).input).toEqual(want);
  });

  it('needs exactly one of prompt and messages for a native job', () => {
    expect(() => parseJobRequest({ model: 'm' })).toThrow(/exactly one of prompt and messages/);
    expect(parseJobRequest({ model: 'm', prompt: 'p', timeout_ms: 50 }).timeoutMs).toBe(50);
  });

  it('answers any JSON value with a request or an ORCH_ERR_INVALID_REQUEST, never anything else', () => {
    const parsers = [parseChatRequest, parseCompletionRequest, parseJobRequest];
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...parsers), (body, parse) => {
        try {
          parse(body);
        } catch (e) {
          expect(e).toBeInstanceOf(OrchError);
          expect((e as OrchError).code).toBe('ORCH_ERR_INVALID_REQUEST');
        }
      }),
      { numRuns: 500 },
    );
  });
});
