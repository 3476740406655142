#!/usr/bin/env bash
# Regenerates every reference in test/oracle/refs (see README.md): the shared stories260K model,
# then each synthetic model written by @llorch/gguf's writeSynthModel into .cache/oracle with the
# same options cuda/test/reference-parity.test.ts uses. Needs node/pnpm and the Python packages
# of requirements.txt; runs the same on the GPU machine (torch on CUDA when it is there).
set -euo pipefail
cd "$(dirname "$0")/../.."

SYNTH=(
  qwen2,tiny-qwen2,f32,1
  qwen2,tiny-qwen2,f16,1
  qwen2,tiny-qwen2,q8_0,1
  qwen2,tiny-qwen2,q4_0,1
  qwen2,tiny-qwen2,q4_k_m,1
  llama,tiny-llama,f32,2
  llama,tiny-llama,q8_0,2
)

python3 test/oracle/make_refs.py --gguf ../shared/models/stories260K.gguf \
  --source 'shared/models/stories260K.gguf (llama.cpp CI model: karpathy tinyllamas stories260K)' \
  --out test/oracle/refs/stories260K.json

pnpm exec tsc -b packages/gguf
mkdir -p .cache/oracle
for spec in "${SYNTH[@]}"; do
  IFS=, read -r arch preset type seed <<<"$spec"
  gguf=".cache/oracle/$arch-$preset-$type-seed$seed.gguf"
  node --input-type=module -e "
    import { writeSynthModel } from './packages/gguf/dist/index.js';
    await writeSynthModel('$gguf', {
      preset: '$preset', architecture: '$arch', type: '$type', seed: $seed,
      tokenizerDir: '../shared/models/qwen2.5-0.5b-instruct',
    });"
  python3 test/oracle/make_refs.py --gguf "$gguf" --synth "$spec" \
    --out "test/oracle/refs/$arch-$preset-$type-seed$seed.json"
done
