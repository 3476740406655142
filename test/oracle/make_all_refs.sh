#!/usr/bin/env bash
# Regenerates every reference in test/oracle/refs (see README.md): the shared stories260K model,
# then each synthetic model written by @llorch/gguf's writeSynthModel into .cache/oracle with the
# same options cuda/test/reference-parity.test.ts uses. Needs node/pnpm and the Python packages
# of requirements.txt; runs the same on the GPU machine (torch on CUDA when it is there).
set -euo pipefail
cd "$(dirname "$0")/../.."

# synth_ref ARCH,PRESET,TYPE,SEED [make_refs.py options]
synth_ref() {
  local spec=$1 arch preset type seed
  shift
  IFS=, read -r arch preset type seed <<<"$spec"
  local name="$arch-$preset-$type-seed$seed"
  node --input-type=module -e "
    import { writeSynthModel } from './packages/gguf/dist/index.js';
    await writeSynthModel('.cache/oracle/$name.gguf', {
      preset: '$preset', architecture: '$arch', type: '$type', seed: $seed,
      tokenizerDir: '../shared/models/qwen2.5-0.5b-instruct',
    });"
  python3 test/oracle/make_refs.py --gguf ".cache/oracle/$name.gguf" --synth "$spec" \
    --out "test/oracle/refs/$name.json" "$@"
}

python3 test/oracle/make_refs.py --gguf ../shared/models/stories260K.gguf \
  --source 'shared/models/stories260K.gguf (llama.cpp CI model: karpathy tinyllamas stories260K)' \
  --out test/oracle/refs/stories260K.json

pnpm exec tsc -b packages/gguf
mkdir -p .cache/oracle
synth_ref qwen2,tiny-qwen2,f32,1
synth_ref qwen2,tiny-qwen2,f16,1
synth_ref qwen2,tiny-qwen2,q8_0,1
synth_ref qwen2,tiny-qwen2,q4_0,1
synth_ref qwen2,tiny-qwen2,q4_k_m,1
synth_ref llama,tiny-llama,f32,2
synth_ref llama,tiny-llama,q8_0,2
# Llama 3.1 rope: base 500000, llama3 scaling carried as rope_freqs.weight.
synth_ref llama,tiny-llama3,f32,4
# Qwen2 with YaRN (rope.scaling.type = yarn, factor 4 over a 1024-token original context).
synth_ref qwen2,tiny-qwen2-yarn,f32,5
# The real Qwen2.5-0.5B shapes (24 layers, GQA 14/2, head dim 64, 896-wide Q8_0 rows); short
# prompts only, so the CPU engine checks it in seconds.
synth_ref qwen2,qwen2.5-0.5b,q8_0,3 --max-prompt-tokens 64
