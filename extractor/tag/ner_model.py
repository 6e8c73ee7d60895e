"""natasha's news NER model (slovnet CNN + CRF) computed the cheap way.

Same weights, same tokens, same tags as ``NewsNERTagger.map``; only the
arithmetic is arranged differently (``tests/tag/test_ner_model.py`` and
``benchmarks/ner_equality.py`` check the spans are identical):

* tokens are razdel's, from :mod:`.tokens` (slovnet wraps each razdel token
  in two records and finds it again in the text); word and shape ids are
  cached per token text;
* the first convolution (330 inputs = 300 navec + 30 shape, kernel 3) is
  linear in its input, so its output is a sum of per-token projections:
  ``W_k . [word; shape] = W_k[:, :300] . word + W_k[:, 300:] . shape``.  The
  shape part is a table (66 shapes); the sum of both is computed once per
  (word, shape) and kept in a bounded table (:class:`_FirstTaps`), so a known
  word costs a row lookup instead of a 330 x 768 product;
* all blocks of a call are laid end to end with one zero row between them
  (a kernel of 3 sees one neighbour each side: a zero row is exactly the
  zero padding slovnet applies), so no batch is padded to its longest item
  and each layer is one matrix product;
* the CRF's Viterbi runs once over all blocks (longest first, the shorter
  ones simply stop taking part), and so does the backtrace.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from slovnet.shape import word_shape

from ..text.tokens import tokenize

PAD_TAG, O_TAG = 0, 1  # slovnet's tag vocabulary starts <pad>, O, then B-/I- per type
BATCH_TOKENS = 4096  # blocks are run in groups of about this many tokens (bounded memory)
WORD_CACHE_ROWS = 8_000  # first-layer projections kept (8k x 768 float32 = 25 MB at most)
TOKEN_CACHE_SIZE = 50_000  # token texts whose (word, shape) key is kept


@dataclass(frozen=True)
class TagSpan:
    start: int  # offsets into the tagged block
    stop: int
    type: str


class _Layer:
    """Conv1d (kernel 3, padding 1) + ReLU + BatchNorm1d, on rows = positions."""

    def __init__(self, layer):
        conv = layer.conv
        weight = conv.weight.array  # filters x in x kernel
        filters, in_dim, kernel = weight.shape
        if kernel != 3 or conv.padding != 1:
            raise ValueError("expected convolutions of kernel 3, padding 1")
        self.filters = filters
        # window row = [x[t-1], x[t], x[t+1]] -> weight row k*in_dim + c
        self.weight = np.ascontiguousarray(weight.transpose(2, 1, 0).reshape(kernel * in_dim, filters))
        self.bias = conv.bias.array
        norm = layer.norm
        self.mean, self.std = norm.mean.array, norm.std.array
        self.scale, self.shift = norm.weight.array, norm.bias.array

    def conv(self, x: np.ndarray) -> np.ndarray:
        """``x``: (rows, in) with zero first and last rows; returns (rows - 2, filters)."""
        x = np.ascontiguousarray(x)
        rows, in_dim = x.shape
        windows = np.lib.stride_tricks.as_strided(x, (rows - 2, 3 * in_dim), (x.strides[0], x.strides[1]))
        out = np.matmul(np.ascontiguousarray(windows), self.weight)
        out += self.bias
        return out

    def finish(self, x: np.ndarray) -> np.ndarray:
        """ReLU then batch norm, in place, in slovnet's order of operations."""
        np.maximum(x, 0, out=x)
        x -= self.mean
        x /= self.std
        x *= self.scale
        x += self.shift
        return x


class _FirstTaps:
    """The first convolution's three kernel taps per token, before the bias:
    ``[W_0; W_1; W_2] . [navec word vector; shape vector]``, one row of 3 x 256.

    Rows are kept per (word, shape) in a preallocated table of ``capacity``
    rows; when it is full, the less used half is dropped (use counts halve at
    each drop, so the table follows the words of the day).  Memory is bounded
    by the table; a word not in it costs one row of a matrix product.
    """

    def __init__(self, model, capacity: int):
        navec = model.emb.word
        self.indexes, self.codes, self.qdims = navec.indexes.array, navec.codes.array, navec.qdims
        first = model.encoder.layers[0].conv.weight.array  # filters x (300 + 30) x 3
        filters, in_dim, kernel = first.shape
        word_dim = self.codes.shape[0] * self.codes.shape[2]
        # per input dimension: the three kernel taps side by side, (in, 3 * filters)
        taps = np.ascontiguousarray(first.transpose(1, 2, 0).reshape(in_dim, kernel * filters))
        self.word_taps = taps[:word_dim]
        self.shape_taps = model.emb.shape.weight.array @ taps[word_dim:]  # shapes x 3 * filters
        self.shapes = len(self.shape_taps)
        self.capacity = max(capacity, 1)
        # row 0 stays zero: the separators between blocks (slovnet's zero padding)
        self.table = np.zeros((self.capacity + 1, kernel * filters), dtype=np.float32)
        self.uses = np.zeros(self.capacity + 1, dtype=np.int64)
        self.rows: dict[int, int] = {}  # word id * shapes + shape id -> table row
        self.keys: list[int] = [-1]  # table row -> key
        self.lock = threading.Lock()

    def compute(self, keys: list[int]) -> np.ndarray:
        word_ids = np.array(keys, dtype=np.intp) // self.shapes
        vectors = self.codes[self.qdims, self.indexes[word_ids]].reshape(len(keys), self.word_taps.shape[0])
        out = vectors @ self.word_taps
        out += self.shape_taps[np.array(keys, dtype=np.intp) % self.shapes]
        return out

    def _drop(self) -> None:
        """Keep the more used half of the table, moved to its front.

        Every step leaves a usable table (a timeout's exception may stop it
        anywhere): no key is mapped while the rows move."""
        used = len(self.keys) - 1
        keep = np.sort(np.argsort(-self.uses[1:used + 1], kind="stable")[:self.capacity // 2]) + 1
        kept_keys = [self.keys[r] for r in keep.tolist()]
        self.rows = {}
        self.keys = [-1]
        kept = len(keep)
        self.table[1:kept + 1] = self.table[keep]
        self.uses[1:kept + 1] = self.uses[keep] // 2
        self.uses[kept + 1:] = 0
        self.keys = [-1] + kept_keys
        self.rows = dict(zip(kept_keys, range(1, kept + 1)))

    def __call__(self, keys: np.ndarray) -> np.ndarray:
        """Taps of every row of ``keys`` (-1: a separator, all zeros)."""
        with self.lock:  # threads of one process (a Dask worker) share the table
            return self._taps(keys)

    def _taps(self, keys: np.ndarray) -> np.ndarray:
        listed = keys.tolist()
        new = [k for k in dict.fromkeys(listed) if k not in self.rows and k >= 0]
        if new and len(self.keys) + len(new) > self.capacity + 1:
            self._drop()
            new = [k for k in dict.fromkeys(listed) if k not in self.rows and k >= 0]
        if new:
            if len(self.keys) + len(new) > self.capacity + 1:  # still no room: no caching
                out = np.zeros((len(listed), self.table.shape[1]), dtype=np.float32)
                real = keys >= 0
                out[real] = self.compute(keys[real].tolist())
                return out
            # rows first, then their keys, then the map: a key is only ever mapped to its own row
            start = len(self.keys)
            self.table[start:start + len(new)] = self.compute(new)
            self.keys.extend(new)
            self.rows.update(zip(new, range(start, start + len(new))))
        rows = self.rows
        index = np.fromiter((rows[k] if k >= 0 else 0 for k in listed), dtype=np.intp, count=len(listed))
        self.uses += np.bincount(index, minlength=len(self.uses))
        return self.table[index]


class FastNER:
    """Spans of natasha's NER model for many texts at once: ``ner(texts)``."""

    def __init__(self, tagger, cache_rows: int = WORD_CACHE_ROWS):
        infer = tagger.infer
        model = infer.model
        self.words_vocab = infer.encoder.words_vocab
        self.shapes_vocab = infer.encoder.shapes_vocab
        self.types = [None] * len(infer.decoder.tags_vocab.items)
        self.begins = np.zeros(len(self.types), dtype=bool)
        for i, tag in enumerate(infer.decoder.tags_vocab.items):
            part, _, kind = tag.partition("-")
            if part in ("B", "I") and kind:
                self.types[i] = kind
                self.begins[i] = part == "B"
        self.taps = _FirstTaps(model, cache_rows)
        self.layers = [_Layer(layer) for layer in model.encoder.layers]
        self.filters0 = self.layers[0].filters
        proj = model.head.proj
        self.proj_weight, self.proj_bias = proj.weight.array, proj.bias.array
        self.transitions = model.head.crf.transitions.array
        self.tokens: dict[str, int] = {}  # token text -> word id * shapes + shape id

    def _key(self, word: str) -> int:
        key = self.tokens.get(word)
        if key is None:
            if len(self.tokens) >= TOKEN_CACHE_SIZE:
                self.tokens.clear()
            key = (self.words_vocab.encode(word.lower()) * self.taps.shapes
                   + self.shapes_vocab.encode(word_shape(word)))
            self.tokens[word] = key
        return key

    def emissions(self, keys: np.ndarray) -> np.ndarray:
        """Emission scores of ``keys[1:-1]``: blocks laid end to end, separated and
        framed by separator rows (key -1), whose own scores mean nothing."""
        inner = keys[1:-1] < 0
        taps = self.taps(keys)
        f = self.filters0
        x = self.layers[0].finish(taps[:-2, :f] + taps[1:-1, f:2 * f] + taps[2:, 2 * f:] + self.layers[0].bias)
        for layer in self.layers[1:]:
            x[inner] = 0
            x = np.pad(x, ((1, 1), (0, 0)))
            x = layer.finish(layer.conv(x))
        x[inner] = 0
        return np.matmul(x, self.proj_weight) + self.proj_bias

    def viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag paths of sequences sorted longest first: (sequences, longest).

        slovnet's CRF decode, step for step (the same sums in the same order,
        the first best on ties); a sequence that has ended keeps its score."""
        count, longest, tags_num = emissions.shape
        active = np.searchsorted(-lengths, -np.arange(longest), side="left")  # sequences longer than t
        trans = self.transitions
        score = emissions[:, 0].copy()
        history = np.zeros((longest, count, tags_num), dtype=np.intp)
        step = np.empty((count, tags_num, tags_num), dtype=score.dtype)
        for t in range(1, longest):
            n = active[t]
            now = step[:n]
            np.add(score[:n, :, None], trans, out=now)
            np.add(now, emissions[:n, t, None, :], out=now)
            now.argmax(1, out=history[t, :n])
            now.max(1, out=score[:n])
        paths = np.empty((count, longest), dtype=np.intp)
        best = score.argmax(-1)
        everyone = np.arange(count)
        for t in range(longest - 1, 0, -1):
            n = active[t]
            paths[:n, t] = best[:n]
            best[:n] = history[t, everyone[:n], best[:n]]
        paths[:, 0] = best
        return paths

    # -- texts ---------------------------------------------------------------
    def __call__(self, texts: Sequence[str], between: Callable[[], None] = lambda: None) -> list[list[TagSpan]]:
        """Spans of each text; ``between`` runs before each group of blocks
        (the pipeline's time budget check)."""
        tokens = [tokenize(text) for text in texts]
        out: list[list[TagSpan]] = [[] for _ in texts]
        order = sorted((i for i in range(len(texts)) if tokens[i]), key=lambda i: -len(tokens[i]))
        start = 0
        while start < len(order):  # groups of about BATCH_TOKENS tokens, at least one text each
            end, size = start + 1, len(tokens[order[start]])
            while end < len(order) and size + len(tokens[order[end]]) <= BATCH_TOKENS:
                size += len(tokens[order[end]])
                end += 1
            between()
            self._tag(order[start:end], tokens, out)
            start = end
        return out

    def _tag(self, group: list[int], tokens: list, out: list) -> None:
        keys = [-1]
        starts = []
        for i in group:
            starts.append(len(keys))
            keys.extend([self._key(token[2]) for token in tokens[i]])
            keys.append(-1)
        lengths = np.array([len(tokens[i]) for i in group])
        scores = self.emissions(np.array(keys, dtype=np.intp))  # rows 1 .. len(keys) - 2
        at = np.array(starts)[:, None] - 1 + np.minimum(np.arange(lengths[0]), lengths[:, None] - 1)
        paths = self.viterbi(scores[at], lengths)
        for k, i in enumerate(group):
            out[i] = self._spans(tokens[i], paths[k, :lengths[k]].tolist())

    def _spans(self, tokens: list, tags: list[int]) -> list[TagSpan]:
        """slovnet's ``bio_spans``: O closes, B opens, I extends (even across types)."""
        spans: list[TagSpan] = []
        types, begins = self.types, self.begins
        kind = start = stop = None
        for token, tag in zip(tokens, tags):
            if tag == O_TAG:
                if kind:
                    spans.append(TagSpan(start, stop, kind))
                    kind = None
            elif tag == PAD_TAG:
                continue
            elif begins[tag]:
                if kind:
                    spans.append(TagSpan(start, stop, kind))
                kind, start, stop = types[tag], token[0], token[1]
            else:
                stop = token[1]
        if kind:
            spans.append(TagSpan(start, stop, kind))
        return spans
