/** Shapes of the synthetic models `llorch gguf synth` can generate. */
export interface SynthPreset {
  readonly name: string;
  readonly architecture: 'qwen2' | 'llama';
  readonly blockCount: number;
  readonly embeddingLength: number;
  readonly headCount: number;
  readonly headCountKv: number;
  readonly headDim: number;
  readonly feedForwardLength: number;
  /** Rows of token_embd; the Qwen2.5 tokenizer fills them (real tokens, then [PAD] fillers). */
  readonly vocabSize: number;
  readonly contextLength: number;
  readonly ropeFreqBase: number;
  readonly rmsNormEps: number;
  readonly tiedEmbeddings: boolean;
}

const QWEN_VOCAB = 151936;

export const SYNTH_PRESETS: readonly SynthPreset[] = [
  {
    // Qwen2.5-0.5B-Instruct's config.json.
    name: 'qwen2.5-0.5b',
    architecture: 'qwen2',
    blockCount: 24,
    embeddingLength: 896,
    headCount: 14,
    headCountKv: 2,
    headDim: 64,
    feedForwardLength: 4864,
    vocabSize: QWEN_VOCAB,
    contextLength: 32768,
    ropeFreqBase: 1e6,
    rmsNormEps: 1e-6,
    tiedEmbeddings: true,
  },
  {
    // Small enough for unit tests; the real vocabulary keeps the tokenizer usable, so the
    // embedding (151936 x 64) is most of the file.
    name: 'tiny-qwen2',
    architecture: 'qwen2',
    blockCount: 2,
    embeddingLength: 64,
    headCount: 4,
    headCountKv: 2,
    headDim: 16,
    feedForwardLength: 128,
    vocabSize: QWEN_VOCAB,
    contextLength: 4096,
    ropeFreqBase: 1e6,
    rmsNormEps: 1e-6,
    tiedEmbeddings: true,
  },
  {
    name: 'tiny-llama',
    architecture: 'llama',
    blockCount: 2,
    embeddingLength: 64,
    headCount: 4,
    headCountKv: 2,
    headDim: 16,
    feedForwardLength: 128,
    vocabSize: QWEN_VOCAB,
    contextLength: 2048,
    ropeFreqBase: 10000,
    rmsNormEps: 1e-5,
    tiedEmbeddings: false,
  },
];

export function synthPreset(name: string): SynthPreset | undefined {
  return SYNTH_PRESETS.find((p) => p.name === name);
}
