import { describe, expect, it } from '@jest/globals';
import { readGguf } from '@llorch/gguf';
import { Tokenizer, vocabFromGguf } from '@llorch/tokenizer';
import { createJobTokenizer } from '../src/createJobTokenizer.js';
import { sharedFile } from '../../../test/support/sharedFile.js';

const qwenDir = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
const stories = sharedFile('models/stories260K.gguf');

describe('createJobTokenizer', () => {
  (qwenDir ? it : it.skip)('renders the chat template and parses its special tokens', async () => {
    const tokenizer = await Tokenizer.fromHfDir(qwenDir!.replace(/\/vocab\.json$/, ''));
    const jobTokenizer = createJobTokenizer(tokenizer);
    const ids = jobTokenizer.encodeChat([{ role: 'user', content: 'Hello!' }], true);
    const imStart = tokenizer.tokenId('<|im_start|>')!;
    const imEnd = tokenizer.tokenId('<|im_end|>')!;
    expect(ids[0]).toBe(imStart);
    expect(ids.filter((id) => id === imEnd)).toHaveLength(2); // system turn and user turn
    expect(tokenizer.decode(ids, { special: true })).toMatch(
      /<\|im_start\|>user\nHello!<\|im_end\|>\n<\|im_start\|>assistant\n$/,
    );
    expect(jobTokenizer.endOfGenerationIds).toContain(imEnd);
  });

  (qwenDir ? it : it.skip)('renders ChatML for a vocabulary without a template', async () => {
    const hf = await Tokenizer.fromHfDir(qwenDir!.replace(/\/vocab\.json$/, ''));
    const tokenizer = new Tokenizer({ ...hf.vocab, chatTemplate: null });
    const ids = createJobTokenizer(tokenizer).encodeChat([{ role: 'user', content: 'Hi' }], true);
    const imStart = tokenizer.tokenId('<|im_start|>')!;
    // <|im_start|> is one token each time, not its spelling: the rendered text's specials parsed.
    expect(ids.filter((id) => id === imStart)).toHaveLength(2);
    expect(tokenizer.decode(ids, { special: true })).toBe(
      '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  (stories ? it : it.skip)('keeps one BOS when the template writes its own', async () => {
    const vocab = vocabFromGguf(await readGguf(stories!));
    const tokenizer = new Tokenizer({
      ...vocab,
      chatTemplate: '{{ bos_token }}{% for m in messages %}{{ m.content }}{% endfor %}',
    });
    const ids = createJobTokenizer(tokenizer).encodeChat([{ role: 'user', content: 'Once' }], true);
    expect(ids.filter((id) => id === vocab.special.bos)).toHaveLength(1);
    expect(ids[0]).toBe(vocab.special.bos);
  });

  (stories ? it : it.skip)('encodes a raw prompt with the BOS the model wants', async () => {
    const tokenizer = Tokenizer.fromGguf(await readGguf(stories!));
    const jobTokenizer = createJobTokenizer(tokenizer);
    expect(jobTokenizer.encodePrompt('Once upon a time')).toEqual([1, 403, 407, 261, 378]);
    expect(jobTokenizer.vocabSize).toBe(512);
  });
});
