"""natasha's slovnet NER (PER / LOC / ORG) run over our line-aware segments.

natasha feeds a whole text to slovnet, whose tokenizer ignores line breaks, so
entities glue across headlines ("Пономарев\\nВойна\\nПесков").  We feed it one
segment at a time, in batches, and shift the spans back to source offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

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

        self._tagger = NewsNERTagger(NewsEmbedding())

    def __call__(self, text: str, segments: Sequence[Sentence]) -> list[NerSpan]:
        out: list[NerSpan] = []
        pieces = [seg.text for seg in segments]
        for seg, markup in zip(segments, self._tagger.map(pieces)):
            for span in markup.spans:
                start, end = seg.start + span.start, seg.start + span.stop
                out.append(NerSpan(start, end, span.type))
        return out


def spans_in(spans: Iterable[NerSpan], start: int, end: int) -> list[NerSpan]:
    return [s for s in spans if s.start >= start and s.end <= end]
