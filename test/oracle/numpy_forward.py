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


def _yarn(d: int, theta: float, factor: float, original: int) -> tuple[np.ndarray, float]:
    """YaRN from its paper's recipe (beta_fast 32, beta_slow 1, whole dims): each pair's
    frequency multiplier and the attention factor that scales cos and sin."""
    def dim_of(rotations: float) -> float:
        return d * np.log(original / (rotations * 2 * np.pi)) / (2 * np.log(theta))

    low, high = max(np.floor(dim_of(32)), 0), min(np.ceil(dim_of(1)), d - 1)
    if low == high:
        high += 0.001
    ramp = np.clip((np.arange(d // 2, dtype=np.float64) - low) / (high - low), 0, 1)
    return ramp / factor + (1 - ramp), 0.1 * np.log(factor) + 1 if factor > 1 else 1.0


def _rope(x: np.ndarray, m: GgufModel, neox: bool) -> np.ndarray:
    """x: (n_tokens, n_heads, head_dim), rotated in place of position p = row index; pair i
    turns at theta^(-2i/d) / rope_freqs[i] (llama.cpp's Llama 3.1 divisors) or at YaRN's."""
    n, _, d = x.shape
    freqs = m.rope_theta ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    scale = 1.0
    if m.rope_freqs is not None:
        freqs = freqs / m.rope_freqs.astype(np.float64)
    if m.rope_yarn is not None:
        yarn = m.rope_yarn
        original = yarn['original_max_position_embeddings']
        mult, scale = _yarn(d, m.rope_theta, yarn['factor'], original)
        freqs = freqs * mult
    ang = np.arange(n, dtype=np.float64)[:, None] * freqs[None, :]
    cos, sin = scale * np.cos(ang)[:, None, :], scale * np.sin(ang)[:, None, :]
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
        q = _rope(q, m, neox)
        k = _rope(k, m, neox)
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
