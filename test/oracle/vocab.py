"""Text <-> token ids from a GGUF's own vocab, for the prompts and the recorded continuations.

SentencePiece ('llama' model) encoding follows llama.cpp's SPM tokenizer: a space prefix,
spaces as U+2581, then repeatedly merge the adjacent pair whose concatenation is the
highest-scoring vocab entry (leftmost on ties); leftover characters fall back to <0xXX>
byte tokens. Byte-level BPE ('gpt2' model) is only decoded here; its prompts are encoded
with the real Qwen2.5 tokenizer (transformers) from ../shared.
"""

SPACE = '\u2581'
CONTROL = 3


class Vocab:
    def __init__(self, model: str, tokens: list[str], token_types: list[int], scores: list[float]):
        self.model = model
        self.tokens = tokens
        self.token_types = token_types
        self.ids = {t: i for i, t in enumerate(tokens)}
        self.scores = scores

    def encode_spm(self, text: str, bos: int | None) -> list[int]:
        if self.model != 'llama':
            raise ValueError(f'SPM encoding needs tokenizer.ggml.model llama, not {self.model}')
        if not text:
            return [] if bos is None else [bos]
        symbols = list((' ' + text).replace(' ', SPACE))
        while True:
            best = None
            for i in range(len(symbols) - 1):
                merged = self.ids.get(symbols[i] + symbols[i + 1])
                if merged is not None and (best is None or self.scores[merged] > best[0]):
                    best = (self.scores[merged], i)
            if best is None:
                break
            i = best[1]
            symbols[i : i + 2] = [symbols[i] + symbols[i + 1]]
        out = [] if bos is None else [bos]
        for s in symbols:
            if s in self.ids:
                out.append(self.ids[s])
            else:
                out.extend(self.ids[f'<0x{b:02X}>'] for b in s.encode('utf-8'))
        return out

    def decode(self, ids: list[int]) -> str:
        """Text of a token run; control tokens (BOS/EOS) show as their names."""
        raw = bytearray()
        for i in ids:
            piece = self.tokens[i]
            if self.token_types and self.token_types[i] == CONTROL:
                raw += piece.encode('utf-8')
            elif self.model == 'llama':
                if len(piece) == 6 and piece.startswith('<0x') and piece.endswith('>'):
                    raw.append(int(piece[3:5], 16))
                else:
                    raw += piece.replace(SPACE, ' ').encode('utf-8')
            else:
                raw += bytes(_BYTE_OF_CHAR.get(c, ord('?')) for c in piece)
        return raw.decode('utf-8', errors='replace')


def _byte_of_char() -> dict[str, int]:
    """GPT-2's byte-level alphabet: printable bytes map to themselves, the rest to U+0100.."""
    printable = [*range(ord('!'), ord('~') + 1), *range(0xA1, 0xAD), *range(0xAE, 0x100)]
    chars = {b: b for b in printable}
    extra = 0
    for b in range(256):
        if b not in chars:
            chars[b] = 256 + extra
            extra += 1
    return {chr(c): b for b, c in chars.items()}


_BYTE_OF_CHAR = _byte_of_char()
