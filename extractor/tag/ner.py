"""natasha's slovnet NER (PER / LOC / ORG) run over our line-aware segments.

natasha feeds a whole text to slovnet, whose tokenizer ignores line breaks, so
entities glue across headlines ("Пономарев\\nВойна\\nПесков").  We feed it one
segment at a time and shift the spans back to source offsets.  The model runs
through :mod:`.ner_model`, which gives natasha's spans at a quarter of the cost.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import deadline
from ..text.segment import Sentence
from .ner_model import FastNER
from .vocab import navec_words, share_words


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
        with navec_words(self.embedding):  # no copy of the 250k words of its own (28 MB)
            self._tagger = NewsNERTagger(self.embedding)
        share_words(self._tagger, self.embedding)
        self._model = FastNER(self._tagger)  # same spans as self._tagger.map, computed cheaper

    def __call__(self, text: str, blocks: Sequence[Sentence]) -> list[NerSpan]:
        # deadline.check between groups of blocks: the time budget holds inside this stage too
        tagged = self._model([text[b.start:b.end] for b in blocks], between=deadline.check)
        out = [NerSpan(b.start + s.start, b.start + s.stop, s.type)
               for b, spans in zip(blocks, tagged) for s in spans]
        out.sort(key=lambda s: (s.start, s.end))
        return out

