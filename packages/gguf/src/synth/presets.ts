/**
 * Llama 3.1's rope scaling ("rope_type": "llama3" in Hugging Face configs). llama.cpp's converter
 * turns it into a rope_freqs tensor of per-pair frequency divisors; synth writes the same.
 */
export interface Llama3RopeScaling {
  readonly factor: number;
  readonly lowFreqFactor: number;
  readonly highFreqFactor: number;
  readonly originalContextLength: number;
}

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
  readonly ropeScaling?: Llama3RopeScaling;
  /** YaRN context extension, written as rope.scaling.{type, factor, original_context_length}. */
  readonly yarn?: { readonly factor: number; readonly originalContextLength: number };
}

const QWEN_VOCAB = 151936;

const TINY_QWEN2: SynthPreset = {
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
};

const TINY_LLAMA: SynthPreset = {
  ...TINY_QWEN2,
  name: 'tiny-llama',
  architecture: 'llama',
  contextLength: 2048,
  ropeFreqBase: 10000,
  rmsNormEps: 1e-5,
  tiedEmbeddings: false,
};

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
  TINY_QWEN2,
  TINY_LLAMA,
  // tiny-qwen2 with YaRN as Qwen2.5's long-context configs enable it (factor 4 over the context
  // it was trained at).
  { ...TINY_QWEN2, name: 'tiny-qwen2-yarn', yarn: { factor: 4, originalContextLength: 1024 } },
  // tiny-llama with Llama 3.1's rope: base 500000 and llama3 scaling. With 16-dim heads the 8
  // pairs cover all three regimes: 4 turn faster than the high-frequency wavelength (kept), 1 in
  // between (interpolated), 3 slower than the low-frequency one (divided by 8).
  {
    ...TINY_LLAMA,
    name: 'tiny-llama3',
    contextLength: 16384,
    ropeFreqBase: 500000,
    ropeScaling: { factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalContextLength: 8192 },
  },
];

/**
 * The rope_freqs divisors of llama3 scaling for `dim`-wide heads: pair i turns at
 * base^(-2i / dim) / divisor[i]. Wavelengths shorter than originalContextLength / highFreqFactor
 * keep their frequency, longer than originalContextLength / lowFreqFactor are slowed by
 * `factor`, and those between are interpolated.
 */
export function llama3RopeFreqs(s: Llama3RopeScaling, base: number, dim: number): Float32Array {
  const divisors = new Float32Array(dim / 2);
  const highWavelength = s.originalContextLength / s.highFreqFactor;
  const lowWavelength = s.originalContextLength / s.lowFreqFactor;
  for (let i = 0; i < dim / 2; i++) {
    const wavelength = 2 * Math.PI * Math.pow(base, (2 * i) / dim);
    if (wavelength < highWavelength) {
      divisors[i] = 1;
    } else if (wavelength > lowWavelength) {
      divisors[i] = s.factor;
    } else {
      const smooth =
        (s.originalContextLength / wavelength - s.lowFreqFactor) /
        (s.highFreqFactor - s.lowFreqFactor);
      divisors[i] = 1 / ((1 - smooth) / s.factor + smooth);
    }
  }
  return divisors;
}

export function synthPreset(name: string): SynthPreset | undefined {
  return SYNTH_PRESETS.find((p) => p.name === name);
}
