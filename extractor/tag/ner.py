"""natasha's slovnet NER (PER / LOC / ORG) run over our line-aware segments.

natasha feeds a whole text to slovnet, whose tokenizer ignores line breaks, so
entities glue across headlines ("Пономарев\\nВойна\\nПесков").  We feed it one
segment at a time, in batches, and shift the spans back to source offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import deadline
from ..text.segment import Sentence


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    type: str  # PER, LOC, ORG


class NerTagger:
    """Loads natasha's news embedding and NER model once."""

    def __init__(self):
        from natasha import NewsEmbedding, NewsNERTagger

        self.embedding = NewsEmbedding()  # shared with the syntax stage (events/parse.py)
        self._tagger = NewsNERTagger(self.embedding)

    def __call__(self, text: str, blocks: Sequence[Sentence]) -> list[NerSpan]:
        chunks = [(b.start, b.end) for b in blocks]
        # similar lengths side by side: slovnet pads every batch to its longest item
        order = sorted(range(len(chunks)), key=lambda i: chunks[i][1] - chunks[i][0])
        markups = self._tagger.map([text[chunks[i][0]:chunks[i][1]] for i in order])
        out: list[NerSpan] = []
        for i, markup in zip(order, markups):
            deadline.check()  # the longest stage: the time budget holds inside it too
            offset = chunks[i][0]
            out.extend(NerSpan(offset + s.start, offset + s.stop, s.type) for s in markup.spans)
        out.sort(key=lambda s: (s.start, s.end))
        return out

