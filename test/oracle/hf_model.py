"""Builds a float32 Hugging Face causal LM that holds exactly the weights of a GgufModel."""

import numpy as np
import torch
from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

from gguf_model import GgufModel, GgufModelError


def unpermute_rope_rows(w: np.ndarray, n_head: int) -> np.ndarray:
    """Undo llama.cpp's converter permutation of llama attn_q/attn_k rows.

    llama.cpp's 'normal' rope rotates adjacent pairs (x[2i], x[2i+1]) of each head, so its
    converter reorders HF's rows (HF rotates x[i] with x[i + head_dim/2]). Within each head,
    GGUF row 2i+j holds HF row j*head_dim/2 + i; this puts them back. Works for weights
    (rows, cols) and biases (rows,).
    """
    rows = w.shape[0]
    half = rows // n_head // 2
    rest = w.shape[1:]
    return w.reshape(n_head, half, 2, *rest).swapaxes(1, 2).reshape(rows, *rest)


def _hf_config(m: GgufModel, tied: bool, llama3_rope: dict | None):
    common = dict(
        vocab_size=m.n_vocab,
        hidden_size=m.n_embd,
        intermediate_size=m.n_ff,
        num_hidden_layers=m.n_layer,
        num_attention_heads=m.n_head,
        num_key_value_heads=m.n_head_kv,
        hidden_act='silu',
        max_position_embeddings=m.context_length,
        rms_norm_eps=m.rms_eps,
        # transformers 5 folds rope_theta into rope_parameters; 4.x reads it as is.
        rope_theta=m.rope_theta,
        tie_word_embeddings=tied,
        bos_token_id=None,
        eos_token_id=None,
        pad_token_id=None,
    )
    if m.rope_yarn is not None:
        del common['rope_theta']
        common['rope_parameters'] = {'rope_type': 'yarn', 'rope_theta': m.rope_theta, **m.rope_yarn}
    if m.arch == 'llama':
        if llama3_rope is not None:
            # HF computes the llama3 frequencies itself from these (transformers 5 config).
            del common['rope_theta']
            common['rope_parameters'] = {
                'rope_type': 'llama3',
                'rope_theta': m.rope_theta,
                **llama3_rope,
            }
        return LlamaConfig(**common, head_dim=m.head_dim, attention_bias=False, mlp_bias=False)
    return Qwen2Config(**common, use_sliding_window=False)


def _state_dict(m: GgufModel) -> dict[str, np.ndarray]:
    """HF parameter name -> array; fails unless every GGUF tensor is used exactly once."""
    w = m.weights
    sources: dict[str, str] = {
        'model.embed_tokens.weight': 'token_embd.weight',
        'model.norm.weight': 'output_norm.weight',
        'lm_head.weight': 'output.weight' if 'output.weight' in w else 'token_embd.weight',
    }
    for i in range(m.n_layer):
        g, h = f'blk.{i}.', f'model.layers.{i}.'
        sources[h + 'input_layernorm.weight'] = g + 'attn_norm.weight'
        sources[h + 'post_attention_layernorm.weight'] = g + 'ffn_norm.weight'
        sources[h + 'self_attn.o_proj.weight'] = g + 'attn_output.weight'
        sources[h + 'mlp.gate_proj.weight'] = g + 'ffn_gate.weight'
        sources[h + 'mlp.up_proj.weight'] = g + 'ffn_up.weight'
        sources[h + 'mlp.down_proj.weight'] = g + 'ffn_down.weight'
        for proj in ('q', 'k', 'v'):
            for kind in ('weight', 'bias'):
                if f'{g}attn_{proj}.{kind}' in w:
                    sources[f'{h}self_attn.{proj}_proj.{kind}'] = f'{g}attn_{proj}.{kind}'
    unused = set(w) - set(sources.values())
    if unused:
        raise GgufModelError(f'GGUF tensors the oracle does not know: {sorted(unused)}')

    # llama GGUFs store q/k rows permuted for llama.cpp's normal rope; qwen2 (NeoX rope) is not.
    heads = {'q_proj': m.n_head, 'k_proj': m.n_head_kv} if m.arch == 'llama' else {}
    sd = {}
    for hf_name, gguf_name in sources.items():
        t = w[gguf_name]
        proj = hf_name.split('.')[-2]
        if proj in heads:
            t = unpermute_rope_rows(t, heads[proj])
        sd[hf_name] = t
    return sd


def build_hf_model(
    m: GgufModel, device: str = 'cpu', llama3_rope: dict | None = None
) -> torch.nn.Module:
    """llama3_rope: Llama 3.1 rope scaling parameters (factor, low_freq_factor, high_freq_factor,
    original_max_position_embeddings), required when the GGUF has rope_freqs: HF derives its
    frequencies from them, and they must agree with the file's divisors."""
    if (m.rope_freqs is None) != (llama3_rope is None):
        raise GgufModelError('rope_freqs.weight and llama3 rope parameters go together')
    tied = 'output.weight' not in m.weights
    config = _hf_config(m, tied, llama3_rope)
    cls = LlamaForCausalLM if m.arch == 'llama' else Qwen2ForCausalLM
    config._attn_implementation = 'eager'
    model = cls(config).float()
    tensors = {k: torch.from_numpy(np.array(v)) for k, v in _state_dict(m).items()}
    model.load_state_dict(tensors, strict=True)
    if m.rope_freqs is not None:
        hf = model.model.rotary_emb.inv_freq.double().numpy()
        d = m.head_dim
        gguf = m.rope_theta ** (-np.arange(0, d, 2, dtype=np.float64) / d) / m.rope_freqs
        if np.max(np.abs(hf / gguf - 1)) > 1e-6:
            raise GgufModelError(
                f'rope_freqs.weight disagrees with HF llama3 frequencies: {hf} vs {gguf}'
            )
    return model.to(device).eval()
