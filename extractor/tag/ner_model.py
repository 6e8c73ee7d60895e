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
  shape part is a table (66 shapes); the word part is computed once per word
  and kept in a bounded table, so a known word costs a row lookup instead of
  a 330 x 768 product;
* all blocks of a call are laid end to end with one zero row between them
  (a kernel of 3 sees one neighbour each side: a zero row is exactly the
  zero padding slovnet applies), so no batch is padded to its longest item
  and each layer is one matrix product;
* the CRF's Viterbi runs once over all blocks (longest first, the shorter
  ones simply stop taking part), and the backtrace is vectorised likewise.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from slovnet.shape import word_shape

from .tokens import tokenize

PAD_TAG, O_TAG = 0, 1  # slovnet's tag vocabulary starts <pad>, O, then B-/I- per type
BATCH_TOKENS = 4096  # blocks are run in groups of about this many tokens (bounded memory)
WORD_CACHE_ROWS = 12_000  # first-layer projections kept (12k x 768 float32 = 37 MB)
TOKEN_CACHE_SIZE = 100_000  # token text -> (word id, shape id)


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
        rows, in_dim = x.shape
        windows = np.lib.stride_tricks.as_strided(x, (rows - 2, 3 * in_dim), (x.strides[0], x.strides[1]))
        return np.matmul(np.ascontiguousarray(windows), self.weight) + self.bias

    def finish(self, x: np.ndarray) -> np.ndarray:
        """ReLU then batch norm, as slovnet orders them."""
        x = x.clip(0)
        return (x - self.mean) / self.std * self.scale + self.shift


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
        navec = model.emb.word
        self.indexes, self.codes, self.qdims = navec.indexes.array, navec.codes.array, navec.qdims
        self.layers = [_Layer(layer) for layer in model.encoder.layers]
        first = model.encoder.layers[0].conv.weight.array  # filters x (300 + 30) x 3
        filters, in_dim, kernel = first.shape
        word_dim = self.codes.shape[0] * self.codes.shape[2]
        # per input: the three kernel taps side by side, (in, 3 * filters)
        taps = np.ascontiguousarray(first.transpose(1, 2, 0).reshape(in_dim, kernel * filters))
        self.word_taps = taps[:word_dim]
        self.shape_taps = model.emb.shape.weight.array @ taps[word_dim:]  # shapes x 3 * filters
        self.shape_taps[self.shapes_vocab.pad_id] = 0
        self.first_bias = self.layers[0].bias
        self.filters0 = filters
        proj = model.head.proj
        self.proj_weight, self.proj_bias = proj.weight.array, proj.bias.array
        self.transitions = model.head.crf.transitions.array
        # row 0: the zero row of separators; rows 1..: cached words
        self.cache_rows = max(cache_rows, 1)
        self.table = np.zeros((self.cache_rows + 1, kernel * filters), dtype=np.float32)
        self.rows: dict[int, int] = {}
        self.tokens: dict[str, tuple[int, int]] = {}

    # -- input ---------------------------------------------------------------
    def _ids(self, word: str) -> tuple[int, int]:
        ids = self.tokens.get(word)
        if ids is None:
            if len(self.tokens) >= TOKEN_CACHE_SIZE:
                self.tokens.clear()
            ids = (self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(word_shape(word)))
            self.tokens[word] = ids
        return ids

    def _word_rows(self, word_ids: np.ndarray) -> np.ndarray:
        """Table rows of the first-layer projections of ``word_ids`` (computed if new)."""
        rows = self.rows
        new = [w for w in dict.fromkeys(word_ids.tolist()) if w not in rows]
        if new:
            if len(rows) + len(new) > self.cache_rows:  # full: start over (bounded memory)
                rows.clear()
                new = list(dict.fromkeys(word_ids.tolist()))
                if len(new) > self.cache_rows:  # more distinct words than the table holds
                    return None
            ids = np.array(new)
            vectors = self.codes[self.qdims, self.indexes[ids]].reshape(len(new), -1)
            start = len(rows) + 1
            self.table[start:start + len(new)] = vectors @ self.word_taps
            rows.update(zip(new, range(start, start + len(new))))
        return np.fromiter((rows[w] for w in word_ids.tolist()), dtype=np.intp, count=len(word_ids))

    # -- model ---------------------------------------------------------------
    def _first_layer(self, word_ids: np.ndarray, shape_ids: np.ndarray, pad: np.ndarray) -> np.ndarray:
        rows = self._word_rows(word_ids[~pad])
        if rows is None:  # a huge batch of distinct words: project them directly
            vectors = self.codes[self.qdims, self.indexes[word_ids]].reshape(len(word_ids), -1)
            taps = vectors @ self.word_taps
        else:
            index = np.zeros(len(word_ids), dtype=np.intp)
            index[~pad] = rows
            taps = self.table[index]
        taps += self.shape_taps[shape_ids]
        taps[pad] = 0
        f = self.filters0
        return taps[:-2, :f] + taps[1:-1, f:2 * f] + taps[2:, 2 * f:] + self.first_bias

    def emissions(self, word_ids: np.ndarray, shape_ids: np.ndarray, pad: np.ndarray) -> np.ndarray:
        """Emission scores of every row of a flat input whose sequences are
        separated (and framed) by pad rows; pad rows get zeros."""
        inner = pad[1:-1]
        x = self.layers[0].finish(self._first_layer(word_ids, shape_ids, pad))
        for layer in self.layers[1:]:
            x[inner] = 0
            x = np.pad(x, ((1, 1), (0, 0)))
            x = layer.finish(layer.conv(x))
        x[inner] = 0
        return np.matmul(x, self.proj_weight) + self.proj_bias

    def viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag paths of sequences sorted longest first: (sequences, longest)."""
        count, longest, tags_num = emissions.shape
        active = np.searchsorted(-lengths, -np.arange(longest), side="left")  # sequences longer than t
        trans = self.transitions
        score = emissions[:, 0].copy()
        history = np.zeros((longest, count, tags_num), dtype=np.intp)
        for t in range(1, longest):
            n = active[t]
            step = score[:n].reshape(n, tags_num, 1) + trans + emissions[:n, t].reshape(n, 1, tags_num)
            best = step.argmax(1)
            history[t, :n] = best
            score[:n] = step.max(1)
        paths = np.zeros((count, longest), dtype=np.intp)
        best = score.argmax(-1)
        for t in range(longest - 1, 0, -1):
            n = active[t]
            paths[:n, t] = best[:n]
            best[:n] = history[t, np.arange(n), best[:n]]
        paths[:, 0] = best
        return paths

    # -- texts ---------------------------------------------------------------
    def __call__(self, texts: Sequence[str]) -> list[list[TagSpan]]:
        tokens = [tokenize(text) for text in texts]
        out: list[list[TagSpan]] = [[] for _ in texts]
        order = sorted((i for i in range(len(texts)) if tokens[i]), key=lambda i: -len(tokens[i]))
        group: list[int] = []
        size = 0
        for i in order:
            if group and size + len(tokens[i]) + 1 > BATCH_TOKENS:
                self._tag(group, tokens, out)
                group, size = [], 0
            group.append(i)
            size += len(tokens[i]) + 1
        if group:
            self._tag(group, tokens, out)
        return out

    def _tag(self, group: list[int], tokens: list, out: list) -> None:
        lengths = np.array([len(tokens[i]) for i in group])
        rows = int(lengths.sum()) + len(group) + 1
        word_ids = np.full(rows, self.words_vocab.pad_id, dtype=np.intp)
        shape_ids = np.full(rows, self.shapes_vocab.pad_id, dtype=np.intp)
        starts = np.empty(len(group), dtype=np.intp)
        pad = np.ones(rows, dtype=bool)
        r = 1
        for k, i in enumerate(group):
            starts[k] = r
            ids = [self._ids(token[2]) for token in tokens[i]]
            word_ids[r:r + len(ids)], shape_ids[r:r + len(ids)] = zip(*ids)
            pad[r:r + len(ids)] = False
            r += len(ids) + 1
        scores = self.emissions(word_ids, shape_ids, pad)  # rows of positions 1 .. rows-2
        longest = int(lengths[0])
        at = starts[:, None] - 1 + np.minimum(np.arange(longest), lengths[:, None] - 1)
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
