"""natasha's slovnet NER (PER / LOC / ORG) run over our line-aware segments.

natasha feeds a whole text to slovnet, whose tokenizer ignores line breaks, so
entities glue across headlines ("Пономарев\\nВойна\\nПесков").  We feed it one
segment at a time and shift the spans back to source offsets.  The model runs
through :mod:`.ner_model`, which gives natasha's spans at a quarter of the cost.
"""
from __future__ import annotations

import re
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
        tagged = self._model([fold_caps_surnames(text[b.start:b.end]) for b in blocks], between=deadline.check)
        out = [NerSpan(b.start + s.start, b.start + s.stop, s.type)
               for b, spans in zip(blocks, tagged) for s in spans]
        out.sort(key=lambda s: (s.start, s.end))
        return out



# "Алтай КУЛЬГИНОВ", "Мурату МУКАЕВУ": a paper's capitals for the surname after a given name.
# slovnet was trained on news that writes "Кульгинов"; the capitals hide the name from it.
_CAPS_AFTER_NAME = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+)([А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?)(?![\w-])")
_SURNAME_END = re.compile(r"(?:[ОЕЁ]В|[ИЫ]Н|ОВ[АУЕ]|ЕВ[АУЕ]|[ИЫ]Н[АУЕ]|ОВЫМ|ЕВЫМ|ИНЫМ|ОВОЙ|ЕВОЙ|ИНОЙ|СК(?:ИЙ|АЯ|ОГО|ОМУ)|"
                          r"ЕНКО|[УЮ]К|ЯН|УЛЫ|КЫЗЫ)$")


def fold_caps_surnames(text: str, alone: bool = False) -> str:
    """The same text, as long, with a capitalised surname after a given name in title case
    ("Алтай КУЛЬГИНОВ" -> "Алтай Кульгинов"); abbreviations ("акимата ЗКО") stay.
    ``alone``: ``text`` is a name already, its surname may stand alone ("КУЛЬГИНОВ")."""
    if alone and _SURNAME_END.search(text) and re.fullmatch(r"[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?", text):
        return "-".join(w[:1] + w[1:].lower() for w in text.split("-"))
    def title(m: re.Match) -> str:
        word = m.group(2)
        if not _SURNAME_END.search(word):
            return m.group(0)
        return m.group(1) + "-".join(w[:1] + w[1:].lower() for w in word.split("-"))
    return _CAPS_AFTER_NAME.sub(title, text)
