import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, jest } from '@jest/globals';
import { ChatTemplate, CHATML_TEMPLATE, Tokenizer, type ChatMessage } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

interface OracleCase {
  readonly name: string;
  readonly messages: ChatMessage[];
  readonly tools?: unknown[];
  readonly add_generation_prompt: boolean;
  readonly text: string;
  readonly ids: number[];
}

// Written by test/oracle/chat_templates.py with transformers' apply_chat_template.
const fixture = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/qwen2.5-chat-templates.json'),
    'utf8',
  ),
) as { cases: OracleCase[] };

describe('Qwen2.5 chat template against transformers', () => {
  const dir = sharedFile('models/qwen2.5-0.5b-instruct/tokenizer_config.json');
  let loaded: Promise<Tokenizer | null> | undefined;
  const load = (): Promise<Tokenizer | null> =>
    (loaded ??= dir === undefined ? Promise.resolve(null) : Tokenizer.fromHfDir(path.dirname(dir)));

  for (const c of fixture.cases) {
    it(`${c.name}: renders the same text and ids`, async () => {
      const tokenizer = await load();
      if (tokenizer === null) return;
      const text = tokenizer.applyChatTemplate(c.messages, {
        addGenerationPrompt: c.add_generation_prompt,
        tools: c.tools,
      });
      expect(text).toBe(c.text);
      expect(tokenizer.encode(text, { special: true })).toEqual(c.ids);
    });
  }

  it('does not parse control tokens out of plain user text', async () => {
    const tokenizer = await load();
    if (tokenizer === null) return;
    const ids = tokenizer.encode('<|im_start|>');
    expect(ids).not.toContain(tokenizer.tokenId('<|im_start|>'));
    expect(tokenizer.decode(ids)).toBe('<|im_start|>');
  });
});

describe('ChatTemplate', () => {
  it('falls back to ChatML when the model has no template', () => {
    const t = new ChatTemplate(null);
    expect(t.source).toBe(CHATML_TEMPLATE);
    const text = t.render(
      [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'U' },
      ],
      { addGenerationPrompt: true },
    );
    expect(text).toBe(
      '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('passes bos_token, eos_token and extra variables', () => {
    const t = new ChatTemplate(
      '{{ bos_token }}{{ flag }}{{ messages[0].content }}{{ eos_token }}',
      {
        bos_token: '<s>',
        eos_token: '</s>',
      },
    );
    expect(t.render([{ role: 'user', content: 'x' }], { variables: { flag: 'F' } })).toBe(
      '<s>Fx</s>',
    );
  });

  it.each([
    ['not an array', 'hi'],
    ['a non-object message', ['hi']],
    ['a missing role', [{ content: 'x' }]],
    ['a numeric content', [{ role: 'user', content: 3 }]],
  ])('rejects messages with %s', (_what, messages) => {
    const t = new ChatTemplate(null);
    expect(() => t.render(messages as unknown as ChatMessage[])).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_BAD_MESSAGES' }),
    );
  });

  it('reports a template that does not parse or raises', () => {
    expect(() => new ChatTemplate('{% if %}')).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_TEMPLATE' }),
    );
    const raising = new ChatTemplate("{{ raise_exception('only user turns') }}");
    expect(() => raising.render([{ role: 'user', content: 'x' }])).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_TEMPLATE' }),
    );
  });
});
