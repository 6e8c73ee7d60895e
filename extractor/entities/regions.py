"""Region and location mentions: the gazetteer first, natasha's LOC spans for the rest.

Every gazetteer match becomes a mention whose ``normal`` is the canonical name
("Карагандинской области" -> "Карагандинская область", "Нур-Султан" ->
"город Астана"); an NER LOC span overlapping it is dropped.  "столица" with no
country after it means Astana (``data["implicit"]``: the text does not name it).
"""
from __future__ import annotations

import re
from typing import Sequence

from ..spans import Span
from ..text.segment import Sentence
from .gazetteer import find_places

_CAPITAL = re.compile(r"\b[Сс]толиц(?:а|ы|е|у|ей|ею)\b(?!\s+[А-ЯЁ])")


def place_mentions(text: str, blocks: Sequence[Sentence]) -> list[Span]:
    out = [Span(m.start, m.end, m.place.type, text[m.start:m.end], normal=m.place.canonical,
                source="gazetteer", data={"kind": m.place.kind, "oblast": m.place.oblast})
           for m in find_places(text, blocks)]
    for block in blocks:
        for match in _CAPITAL.finditer(text, block.start, block.end):
            out.append(Span(match.start(), match.end(), "region", match.group(), normal="город Астана",
                            source="rule", data={"kind": "city", "oblast": None, "implicit": True}))
    return out


def merge_places(spans: list[Span], places: list[Span]) -> list[Span]:
    """NER region/location spans give way to overlapping gazetteer places, and so does
    an NER name that is exactly a known place ("Актогай" tagged as a person)."""
    exact = {(p.start, p.end) for p in places}
    kept = [s for s in spans
            if not ((s.type in {"region", "location"} and any(s.overlaps(p) for p in places))
                    or (s.source == "ner" and (s.start, s.end) in exact))]
    return kept + places
