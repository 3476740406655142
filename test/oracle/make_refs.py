"""Writes a reference JSON of Hugging Face transformers logits for the weights a GGUF holds.

    python3 test/oracle/make_refs.py --gguf FILE --out test/oracle/refs/NAME.json \
        [--synth ARCH,PRESET,TYPE,SEED] [--source TEXT] [--device cpu|cuda]

The GGUF is read here (gguf's GGUFReader, quantized tensors dequantized), a float32
LlamaForCausalLM / Qwen2ForCausalLM is built from its metadata and weights, and for a fixed
set of prompts the script records per position the top-k token ids and logits, the full
last-position logits when the vocab is small, and a 48-token greedy continuation. Before
writing, every prompt's HF logits are checked against an independent float64 numpy forward
pass over the GGUF's own layout; a mismatch aborts. See README.md.
"""

import argparse
import hashlib
import json
import os
import sys
from importlib.metadata import version

import numpy as np
import torch
from transformers import AutoTokenizer, GenerationConfig

from gguf_model import GgufModel, read_gguf_model
from hf_model import build_hf_model
from numpy_forward import numpy_logits
from vocab import Vocab

TOP_K = 16
GREEDY_TOKENS = 48
FULL_LOGITS_MAX_VOCAB = 4096
# HF float32 vs numpy float64: accumulation order only. Far below any engine bound.
SELF_CHECK_REL = 1e-4
REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
QWEN_VOCAB = 151936
QWEN_TOKENIZER_DIR = os.path.join(REPO_ROOT, '..', 'shared', 'models', 'qwen2.5-0.5b-instruct')

LONG_TEXT = (
    'Once upon a time, in a small town near the sea, there lived a girl named Lily. She loved '
    'to walk along the beach every morning and pick up shells. One day she found a big, shiny '
    'shell that was blue and pink. She showed it to her mom, who smiled and said it was the most '
    'beautiful shell she had ever seen. Lily wanted to keep it forever, so she put it in a box '
    'under her bed. The next day, her friend Tom came to play. Tom saw the box and asked what '
    'was inside. Lily was afraid he would take the shell, but she opened the box anyway. Tom '
    'looked at the shell and said, "Wow, it is so pretty! Can we find more like it?" Lily '
    'nodded, and they ran to the beach together. They looked under rocks and in the warm sand. '
    'They found a red shell, a white shell and a tiny crab that ran away from them. The sun was '
    'hot and the waves were loud, but they did not want to stop. When the sky turned orange, '
    "Lily's mom called them home for dinner. They washed their hands, ate soup and bread, and "
    'told her about the crab. That night Lily put all the shells in a row on her window, and '
    'the moon made them glow. She fell asleep and dreamed of the sea.'
)


def spm_prompts(vocab: Vocab) -> list[dict]:
    """stories260K-style llama models: text tokenized like llama.cpp with BOS=1."""
    texts = {
        'once-upon-a-time': 'Once upon a time',
        'lily-ball': 'Lily wanted to play with her ball, but it was stuck in a tree.',
        'long-story': LONG_TEXT,
    }
    return [
        {'name': name, 'text': text, 'tokens': vocab.encode_spm(text, bos=1)}
        for name, text in texts.items()
    ]


def qwen2_prompts(m: GgufModel) -> list[dict]:
    """Models with the Qwen2.5 vocab: text through the real Qwen2.5 tokenizer (no BOS)."""
    tok = AutoTokenizer.from_pretrained(QWEN_TOKENIZER_DIR)
    texts = {
        'once-upon-a-time': 'Once upon a time',
        'chat': (
            '<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n'
        ),
        'long-story': LONG_TEXT,
    }
    prompts = [
        {'name': name, 'text': text, 'tokens': tok(text).input_ids} for name, text in texts.items()
    ]
    # Both ends of the embedding table and the special ids, to catch off-by-one row reads.
    edge = [0, m.n_vocab - 1, 151643, 151644, 151645, 1, 2, 75000, 151642, m.n_vocab - 2]
    prompts.append({'name': 'edge-ids', 'text': None, 'tokens': edge})
    return prompts


def rounded(values) -> list[float]:
    return [float(f'{v:.7g}') for v in np.asarray(values, dtype=np.float64).tolist()]


def _round_f16(x: torch.Tensor) -> torch.Tensor:
    return x.half().float()


def _round_q8_0(x: torch.Tensor) -> torch.Tensor:
    """Q8_0 quantize-dequantize along the last axis: blocks of 32, f16 scale max|x|/127."""
    blocks = x.reshape(-1, 32)
    d = (blocks.abs().amax(dim=1, keepdim=True) / 127).half().float()
    q = torch.round(blocks / torch.where(d > 0, d, 1.0))
    return (q * d).reshape(x.shape)


def activation_rounding(model, ids: torch.Tensor, top: np.ndarray, want: np.ndarray, scale: float):
    """What rounding every matmul input costs, as max |diff| over the top-k / max|logit|.

    Fast GPU kernels may feed activations as f16 (tensor cores) or as Q8_0 blocks (int8 dot
    products, as llama.cpp does for quantized weights); this measures what either does to this
    model and prompt, so parity bounds for those paths can be argued from numbers.
    """
    linears = [mod for mod in model.modules() if isinstance(mod, torch.nn.Linear)]
    kinds = {'f16': _round_f16}
    if all(mod.in_features % 32 == 0 for mod in linears):
        kinds['q8_0'] = _round_q8_0
    out = {}
    for kind, fn in kinds.items():
        hooks = [
            mod.register_forward_pre_hook(lambda _m, args, fn=fn: (fn(args[0]),)) for mod in linears
        ]
        try:
            with torch.no_grad():
                rounded_logits = model(ids).logits[0].float().cpu().numpy()
        finally:
            for h in hooks:
                h.remove()
        diff = np.abs(np.take_along_axis(rounded_logits, top, axis=1) - want).max()
        out[kind] = float(f'{diff / scale:.3g}')
    return out


def reference_for_prompt(model, m: GgufModel, vocab: Vocab | None, prompt: dict, device: str):
    ids = torch.tensor([prompt['tokens']], device=device)
    with torch.no_grad():
        logits = model(ids).logits[0].float().cpu().numpy()
    check = numpy_logits(m, prompt['tokens'])
    scale = float(np.abs(check).max())
    err = float(np.abs(check - logits).max())
    if err > SELF_CHECK_REL * scale:
        sys.exit(
            f'self-check failed on {prompt["name"]}: HF vs numpy max |diff| {err} (scale {scale})'
        )

    top = np.argsort(-logits, axis=1, kind='stable')[:, :TOP_K]
    top_logits = np.take_along_axis(logits, top, axis=1)
    max_abs = float(np.abs(logits).max())
    gen = model.generate(
        ids,
        generation_config=GenerationConfig(
            do_sample=False,
            max_new_tokens=GREEDY_TOKENS,
            min_new_tokens=GREEDY_TOKENS,
            eos_token_id=None,
            pad_token_id=None,
            bos_token_id=None,
            output_logits=True,
            return_dict_in_generate=True,
        ),
    )
    greedy = gen.sequences[0, len(prompt['tokens']) :].tolist()
    step_logits = torch.stack(gen.logits, dim=1)[0].float().cpu().numpy()
    best2 = -np.sort(-step_logits, axis=1)[:, :2]
    step_log_probs = torch.log_softmax(torch.from_numpy(step_logits).double(), dim=1).numpy()
    greedy_log_probs = step_log_probs[np.arange(len(greedy)), greedy]
    entry = {
        **prompt,
        'maxAbsLogit': float(f'{max_abs:.7g}'),
        'selfCheckMaxAbsDiff': float(f'{err:.3g}'),
        'activationRounding': activation_rounding(model, ids, top, top_logits, max_abs),
        'topIds': top.tolist(),
        'topLogits': [rounded(row) for row in top_logits],
        'lastLogits': rounded(logits[-1]) if m.n_vocab <= FULL_LOGITS_MAX_VOCAB else None,
        'greedy': {
            'tokens': greedy,
            # top-1 minus top-2 logit at each step: a step closer than an engine's logit error
            # is a numerical tie that no engine can be asked to reproduce.
            'margins': rounded(best2[:, 0] - best2[:, 1]),
            # log-softmax of each chosen token: checks the decode path's numbers, not only its
            # choices.
            'logprobs': rounded(greedy_log_probs),
            'text': vocab.decode(greedy) if vocab else None,
        },
    }
    if prompt['text'] is None and vocab:
        entry['text'] = vocab.decode(prompt['tokens'])
    return entry


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def parse_synth(spec: str) -> dict:
    arch, preset, dtype, seed = spec.split(',')
    return {'arch': arch, 'preset': preset, 'type': dtype, 'seed': int(seed)}


# Llama 3.1 rope scaling of the synthetic presets that have it (packages/gguf's presets.ts):
# the GGUF holds only llama.cpp's derived divisors, HF wants the parameters.
LLAMA3_ROPE = {
    'tiny-llama3': dict(
        factor=8.0, low_freq_factor=1.0, high_freq_factor=4.0, original_max_position_embeddings=8192
    ),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument('--gguf', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--synth', type=parse_synth, help='ARCH,PRESET,TYPE,SEED the GGUF came from')
    ap.add_argument('--source', help='where the GGUF came from (for files not made by synth)')
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    ap.add_argument(
        '--max-prompt-tokens',
        type=int,
        help='drop longer prompts (keeps the test of a large model short on a CPU)',
    )
    args = ap.parse_args()

    torch.manual_seed(0)
    # On a GPU, keep float32 matmuls in float32 (TF32 would cost ~1e-3 relative).
    torch.backends.cuda.matmul.allow_tf32 = False
    m = read_gguf_model(args.gguf)
    vocab = Vocab(m.tokenizer_model, m.tokens, m.token_types, m.scores) if m.tokens else None
    llama3_rope = LLAMA3_ROPE.get(args.synth['preset']) if args.synth else None
    model = build_hf_model(m, args.device, llama3_rope)
    # Prompts follow the vocab, not the architecture: synthetic llama models use Qwen2.5's.
    if vocab is not None and vocab.model == 'llama':
        prompts = spm_prompts(vocab)
    elif m.n_vocab == QWEN_VOCAB:
        prompts = qwen2_prompts(m)
    else:
        sys.exit(f'no prompts for a {m.n_vocab}-token vocab (tokenizer {m.tokenizer_model})')
    if args.max_prompt_tokens:
        prompts = [p for p in prompts if len(p['tokens']) <= args.max_prompt_tokens]

    ref = {
        'format': 1,
        'gguf': {
            'file': os.path.basename(args.gguf),
            'sha256': sha256_of(args.gguf),
            'bytes': os.path.getsize(args.gguf),
            'synth': args.synth,
            'source': args.source,
            'tensorTypes': sorted(set(m.tensor_types.values())),
        },
        'generator': {
            'script': 'test/oracle/make_refs.py',
            'how': (
                f'{m.arch} GGUF read with gguf.GGUFReader, dequantized to float32, loaded into '
                f'transformers {"LlamaForCausalLM" if m.arch == "llama" else "Qwen2ForCausalLM"} '
                '(float32, eager attention'
                + (
                    ', attn_q/attn_k rows un-permuted from llama.cpp rope order'
                    if m.arch == 'llama'
                    else ''
                )
                + f'); logits from one full forward per prompt; greedy = generate(do_sample=False, '
                f'{GREEDY_TOKENS} new tokens, no stop tokens); checked against a float64 numpy '
                'forward over the GGUF layout'
            ),
            'device': args.device,
            'versions': {p: version(p) for p in ('torch', 'transformers', 'gguf', 'numpy')},
        },
        'model': {
            'arch': m.arch,
            'nVocab': m.n_vocab,
            'nEmbd': m.n_embd,
            'nLayer': m.n_layer,
            'nHead': m.n_head,
            'nHeadKv': m.n_head_kv,
            'nFf': m.n_ff,
            'ropeTheta': m.rope_theta,
            'rmsEps': m.rms_eps,
        },
        'topK': TOP_K,
        'greedyTokens': GREEDY_TOKENS,
        'prompts': [reference_for_prompt(model, m, vocab, p, args.device) for p in prompts],
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(to_json(ref) + '\n')
    for p in ref['prompts']:
        margins = [a - b for a, b in ((r[0], r[1]) for r in p['topLogits'])]
        print(
            f'{p["name"]}: {len(p["tokens"])} tokens, max|logit| {p["maxAbsLogit"]}, '
            f'self-check {p["selfCheckMaxAbsDiff"]}, min top-1 margin {min(margins):.3g}, '
            f'min greedy margin {min(p["greedy"]["margins"]):.3g}, '
            f'activation rounding {p["activationRounding"]}'
        )
    print(f'wrote {args.out} ({os.path.getsize(args.out)} bytes)')


def to_json(value, indent: int = 0) -> str:
    """JSON with one line per list of scalars (a position's top-k, a token list)."""
    pad, inner = ' ' * indent, ' ' * (indent + 2)
    if isinstance(value, dict):
        items = [f'{inner}{json.dumps(k)}: {to_json(v, indent + 2)}' for k, v in value.items()]
        return '{\n' + ',\n'.join(items) + f'\n{pad}}}' if items else '{}'
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        return '[\n' + ',\n'.join(inner + to_json(v, indent + 2) for v in value) + f'\n{pad}]'
    return json.dumps(value, ensure_ascii=False, separators=(',', ':'))


if __name__ == '__main__':
    main()
