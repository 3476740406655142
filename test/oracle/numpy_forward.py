"""An independent float64 forward pass over the GGUF weights as llama.cpp lays them out.

It exists to check the HF model built by hf_model.py (the row un-permutation, bias and tying
choices): it applies rope the way llama.cpp does on the GGUF's own row order ('normal' mode
rotates adjacent pairs for llama, 'neox' mode rotates halves for qwen2), so an error in the
HF mapping shows up as a mismatch instead of being repeated here.
"""

import numpy as np

from gguf_model import GgufModel


def _rms_norm(x: np.ndarray, w: np.ndarray, eps: float) -> np.ndarray:
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * w


def _rope(x: np.ndarray, theta: float, neox: bool, divisors: np.ndarray | None) -> np.ndarray:
    """x: (n_tokens, n_heads, head_dim), rotated in place of position p = row index; pair i
    turns at theta^(-2i/d) / divisors[i] (llama.cpp's rope_freqs)."""
    n, _, d = x.shape
    freqs = theta ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    if divisors is not None:
        freqs = freqs / divisors.astype(np.float64)
    ang = np.arange(n, dtype=np.float64)[:, None] * freqs[None, :]
    cos, sin = np.cos(ang)[:, None, :], np.sin(ang)[:, None, :]
    if neox:
        a, b = x[..., : d // 2], x[..., d // 2 :]
    else:
        a, b = x[..., 0::2], x[..., 1::2]
    ra, rb = a * cos - b * sin, a * sin + b * cos
    out = np.empty_like(x)
    if neox:
        out[..., : d // 2], out[..., d // 2 :] = ra, rb
    else:
        out[..., 0::2], out[..., 1::2] = ra, rb
    return out


def _linear(w: dict[str, np.ndarray], name: str, h: np.ndarray) -> np.ndarray:
    y = h @ w[name + '.weight'].T
    return y + w[name + '.bias'] if name + '.bias' in w else y


def numpy_logits(m: GgufModel, tokens: list[int]) -> np.ndarray:
    """Logits (n_tokens, n_vocab) in float64 for one prompt, full causal attention."""
    w = {k: v.astype(np.float64) for k, v in m.weights.items()}
    n, hd = len(tokens), m.head_dim
    neox = m.arch == 'qwen2'
    x = w['token_embd.weight'][tokens]
    mask = np.triu(np.full((n, n), -np.inf), 1)
    group = m.n_head // m.n_head_kv
    for i in range(m.n_layer):
        g = f'blk.{i}.'
        h = _rms_norm(x, w[g + 'attn_norm.weight'], m.rms_eps)
        q = _linear(w, g + 'attn_q', h).reshape(n, m.n_head, hd)
        k = _linear(w, g + 'attn_k', h).reshape(n, m.n_head_kv, hd)
        q = _rope(q, m.rope_theta, neox, m.rope_freqs)
        k = _rope(k, m.rope_theta, neox, m.rope_freqs)
        v = _linear(w, g + 'attn_v', h).reshape(n, m.n_head_kv, hd)
        k, v = np.repeat(k, group, axis=1), np.repeat(v, group, axis=1)
        scores = np.einsum('qhd,khd->hqk', q, k) / np.sqrt(hd) + mask
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        probs = scores / scores.sum(axis=-1, keepdims=True)
        attn = np.einsum('hqk,khd->qhd', probs, v).reshape(n, m.n_head * hd)
        x = x + _linear(w, g + 'attn_output', attn)
        h = _rms_norm(x, w[g + 'ffn_norm.weight'], m.rms_eps)
        gate = _linear(w, g + 'ffn_gate', h)
        x = x + _linear(w, g + 'ffn_down', gate / (1 + np.exp(-gate)) * _linear(w, g + 'ffn_up', h))
    out = w.get('output.weight', w['token_embd.weight'])
    return _rms_norm(x, w['output_norm.weight'], m.rms_eps) @ out.T
