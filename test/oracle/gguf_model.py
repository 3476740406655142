"""Reads a llama/qwen2 GGUF into a plain description: hyperparameters, vocab and float32 weights.

Quantized tensors are dequantized with gguf.quants.dequantize, so the weights here are exactly
the values a correct engine computes with (Q8_0: f16 scale * int8 is exact in float32).
"""

from dataclasses import dataclass, field

import numpy as np
from gguf import GGMLQuantizationType, GGUFReader
from gguf.quants import dequantize

SUPPORTED_ARCHS = ('llama', 'qwen2')


class GgufModelError(Exception):
    pass


@dataclass
class GgufModel:
    arch: str
    n_vocab: int
    n_embd: int
    n_layer: int
    n_ff: int
    n_head: int
    n_head_kv: int
    head_dim: int
    rms_eps: float
    rope_theta: float
    context_length: int
    tensor_types: dict[str, str]
    # numpy layout: the reverse of ggml's dims, so a [n_in, n_out] ggml matrix is (n_out, n_in).
    weights: dict[str, np.ndarray]
    # Llama 3.1 rope scaling as llama.cpp stores it: per-pair frequency divisors, or None.
    rope_freqs: np.ndarray | None = None
    # YaRN: {'factor', 'original_max_position_embeddings'} from rope.scaling.*, or None.
    rope_yarn: dict | None = None
    tokenizer_model: str | None = None
    tokens: list[str] = field(default_factory=list)
    token_types: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def _field(reader: GGUFReader, key: str, default=None):
    f = reader.fields.get(key)
    if f is None:
        return default
    return f.contents()


def _tensor_f32(t) -> np.ndarray:
    shape = tuple(int(d) for d in reversed(t.shape.tolist()))
    if t.tensor_type == GGMLQuantizationType.F32:
        data = np.asarray(t.data, dtype=np.float32)
    elif t.tensor_type == GGMLQuantizationType.F16:
        data = np.asarray(t.data, dtype=np.float16).astype(np.float32)
    else:
        data = dequantize(np.asarray(t.data), t.tensor_type).astype(np.float32)
    return data.reshape(shape)


def read_gguf_model(path: str) -> GgufModel:
    reader = GGUFReader(path)
    arch = _field(reader, 'general.architecture')
    if arch not in SUPPORTED_ARCHS:
        raise GgufModelError(f'general.architecture {arch!r} is not one of {SUPPORTED_ARCHS}')
    scaling = _field(reader, f'{arch}.rope.scaling.type', 'none')
    if scaling not in ('none', None, 'yarn'):
        raise GgufModelError(f'rope scaling {scaling!r} is not supported by the oracle')
    rope_yarn = None
    if scaling == 'yarn':
        rope_yarn = {
            'factor': float(_field(reader, f'{arch}.rope.scaling.factor')),
            'original_max_position_embeddings': int(
                _field(reader, f'{arch}.rope.scaling.original_context_length')
            ),
        }

    weights = {t.name: _tensor_f32(t) for t in reader.tensors}
    tensor_types = {t.name: t.tensor_type.name for t in reader.tensors}
    rope_freqs = weights.pop('rope_freqs.weight', None)

    n_embd = int(_field(reader, f'{arch}.embedding_length'))
    n_head = int(_field(reader, f'{arch}.attention.head_count'))
    n_head_kv = int(_field(reader, f'{arch}.attention.head_count_kv', n_head))
    head_dim = int(_field(reader, f'{arch}.attention.key_length', n_embd // n_head))
    rope_dim = int(_field(reader, f'{arch}.rope.dimension_count', head_dim))
    if rope_dim != head_dim:
        raise GgufModelError(
            f'partial rope (rope dim {rope_dim} != head dim {head_dim}) unsupported'
        )
    if head_dim * n_head != n_embd:
        raise GgufModelError(f'head_dim {head_dim} * n_head {n_head} != n_embd {n_embd}')

    tokens = _field(reader, 'tokenizer.ggml.tokens', [])
    return GgufModel(
        arch=arch,
        n_vocab=weights['token_embd.weight'].shape[0],
        n_embd=n_embd,
        n_layer=int(_field(reader, f'{arch}.block_count')),
        n_ff=int(_field(reader, f'{arch}.feed_forward_length')),
        n_head=n_head,
        n_head_kv=n_head_kv,
        head_dim=head_dim,
        rms_eps=float(_field(reader, f'{arch}.attention.layer_norm_rms_epsilon')),
        rope_theta=float(_field(reader, f'{arch}.rope.freq_base', 10000.0)),
        context_length=int(_field(reader, f'{arch}.context_length')),
        tensor_types=tensor_types,
        weights=weights,
        rope_freqs=rope_freqs,
        rope_yarn=rope_yarn,
        tokenizer_model=_field(reader, 'tokenizer.ggml.model'),
        tokens=list(tokens),
        token_types=list(_field(reader, 'tokenizer.ggml.token_type', [])),
        scores=list(_field(reader, 'tokenizer.ggml.scores', [])),
    )
