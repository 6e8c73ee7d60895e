"""Region and location mentions: the gazetteer first, natasha's LOC spans for the rest.

Every gazetteer match becomes a mention whose ``normal`` is the canonical name
("Карагандинской области" -> "Карагандинская область", "Нур-Султан" ->
"город Астана"); an NER LOC span overlapping it is dropped.  "столица" with no
country after it means Astana (``data["implicit"]``: the text does not name it).
"""
from __future__ import annotations

import re
from typing import Sequence

from functools import lru_cache

from ..data import word_list
from ..parsing.prefixes import PrefixIndex
from ..spans import Span
from ..tag.morph import parse
from ..text.segment import Sentence
from .gazetteer import find_places

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_CAPITAL = re.compile(r"\b[Сс]толиц(?:а|ы|е|у|ей|ею)\b(?!\s+[А-ЯЁ])")


KAZAKHSTAN_ONLY = {"город Астана"}  # "столица", "столичный": Astana only in Kazakhstan's news


def place_mentions(text: str, blocks: Sequence[Sentence]) -> list[Span]:
    out = [Span(m.start, m.end, m.place.type, text[m.start:m.end], normal=m.place.canonical,
                source="gazetteer", data={"kind": m.place.kind, "oblast": m.place.oblast})
           for m in find_places(text, blocks)]
    kazakh = any(s.data["kind"] != "country" or s.normal == "Казахстан" for s in out if s.type == "region")
    out += _adjectives(text, blocks, out, kazakh)
    if kazakh:
        for block in blocks:
            for match in _CAPITAL.finditer(text, block.start, block.end):
                out.append(Span(match.start(), match.end(), "region", match.group(), normal="город Астана",
                                source="rule", data={"kind": "city", "oblast": None, "implicit": True}))
    return out


@lru_cache(maxsize=1)
def adjective_places() -> dict[str, str]:
    """adjective lemma -> the place it names (data/place_adjectives.tsv)"""
    return dict(line.split("\t") for line in word_list("place_adjectives.tsv"))


@lru_cache(maxsize=1)
def _adjective_index() -> PrefixIndex:
    return PrefixIndex(adjective_places())


def _adjectives(text: str, blocks: Sequence[Sentence], places: list[Span], kazakh: bool) -> list[Span]:
    """'японского монарха', 'московского метро': the adjective names a place."""
    table = adjective_places()
    index = _adjective_index()
    out = []
    for block in blocks:
        for match in _WORD.finditer(text, block.start, block.end):
            word = match.group()
            if not index.may_match(word) or any(p.start <= match.start() < p.end for p in places):
                continue
            parses = parse(word.lower())
            if not parses or parses[0].tag.POS != "ADJF" or parses[0].normal_form not in table:
                continue
            place = table[parses[0].normal_form]
            if place in KAZAKHSTAN_ONLY and not kazakh:
                continue
            out.append(Span(match.start(), match.end(), "region", word, normal=place, source="gazetteer",
                            data={"kind": "adjective", "oblast": None, "implicit": True}))
    return out


def merge_places(spans: list[Span], places: list[Span]) -> list[Span]:
    """NER region/location spans give way to overlapping gazetteer places, and so does
    an NER name that is exactly a known place ("Актогай" tagged as a person)."""
    exact = {(p.start, p.end) for p in places}
    kept = []
    for s in spans:
        if (s.type in {"region", "location"} and any(s.overlaps(p) for p in places)) or (
                s.source == "ner" and (s.start, s.end) in exact):
            continue
        if s.type == "person" and s.source == "ner":
            s = _after_place(s, places)
            if s is None:
                continue
        kept.append(s)
    return kept + places


def _after_place(span: Span, places: list[Span]) -> Span | None:
    """'области Жетісу Бейбут Исабаев' tagged as one name: the name starts after the place."""
    from .inflect import person_name

    for p in places:
        if p.start <= span.start < p.end < span.end:
            rest = span.text[p.end - span.start:]
            offset = len(rest) - len(rest.lstrip())
            start = p.end + offset
            text = span.text[start - span.start:]
            if not text:
                return None
            return Span(start, span.end, "person", text, normal=person_name(text), source=span.source,
                        data=dict(span.data))
    return span
