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
from .gazetteer import PlaceMatch, find_places, place_of

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_CAPITAL = re.compile(r"\b[Сс]толиц(?:а|ы|е|у|ей|ею)\b(?!\s+[А-ЯЁ])")


KAZAKHSTAN_ONLY = {"город Астана"}  # "столица", "столичный": Astana only in Kazakhstan's news


def place_mentions(text: str, blocks: Sequence[Sentence]) -> list[Span]:
    found = list(find_places(text, blocks))
    found += shared_heads(text, found)
    out = [Span(m.start, m.end, m.place.type, text[m.start:m.end], normal=m.place.canonical,
                source="gazetteer", data={"kind": m.place.kind, "oblast": m.place.oblast})
           for m in found]
    kazakh = any(s.data["kind"] != "country" or s.normal == "Казахстан" for s in out if s.type == "region")
    out += _adjectives(text, blocks, out, kazakh)
    if kazakh:
        for block in blocks:
            for match in _CAPITAL.finditer(text, block.start, block.end):
                out.append(Span(match.start(), match.end(), "region", match.group(), normal="город Астана",
                                source="rule", data={"kind": "city", "oblast": None, "implicit": True}))
    return out


_BEFORE = re.compile(r"([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?)(\s*,\s*|\s+(?:и|или)\s+|\s*,\s*(?:и|а\s+также)\s+)$")


_LISTED = re.compile(r"(?:,|\sи|\sили|\sтакже)\s+$")


def shared_heads(text: str, found: Sequence[PlaceMatch]) -> list[PlaceMatch]:
    """'Акмолинской и Актюбинской областей', 'Костанайской, Атырауской и Жамбылской
    областей': adjectives listed before a place name of two words share its head noun, so
    each names the place the adjective and that noun name together in the gazetteer
    ('Акмолинская область'), not the city the adjective alone may name ('Актобе')."""
    out: list[PlaceMatch] = []
    for place in found:
        if not _LISTED.search(text, max(0, place.start - 8), place.start):
            continue  # nothing listed before it: the common case, one cheap look
        words = _WORD.findall(text[place.start:place.end])
        if len(words) != 2:
            continue
        head, end = words[1], place.start
        while True:
            match = _BEFORE.search(text, max(0, end - 60), end)
            if match is None or not match.group(1)[:1].isupper():
                break
            listed = place_of((match.group(1), head))
            if listed is None or listed.kind != place.place.kind or any(
                    f.start < match.end(1) and match.start(1) < f.end for f in found):
                break
            out.append(PlaceMatch(match.start(1), match.end(1), listed))
            end = match.start(1)
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


def merge_places(spans: list[Span], places: list[Span], text: str = "") -> list[Span]:
    """NER region/location spans give way to overlapping gazetteer places, and so does
    an NER name that is exactly a known place ("Актогай" tagged as a person).  A
    one-word place in a given name's position before a surname ("акимом области
    Алтаем Кульгиновым") is the person's given name (see :func:`given_name_places`)."""
    if text:
        spans, places = given_name_places(text, spans, places)
    exact = {(p.start, p.end) for p in places}
    kept = []
    for s in spans:
        if (s.type in {"region", "location"} and any(s.overlaps(p) for p in places)) or (
                s.source == "ner" and (s.start, s.end) in exact):
            continue
        if s.type == "person" and s.source == "ner":
            s = _after_place(s, places)
            if s is None or _place_and_no_name(s, places):
                continue
        kept.append(s)
    return kept + places


def _place_and_no_name(span: Span, places: list[Span]) -> bool:
    """'Маслихаты Шымкента' tagged as a person: a name that ends in a known place and whose
    other words the dictionary knows as no name (or does not know) is no person."""
    from .names import known_parses

    place = next((p for p in places if p.type == "region" and span.start < p.start and p.end == span.end), None)
    if place is None:
        return False
    rest = span.text[:place.start - span.start].split()
    return bool(rest) and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for w in rest for p in known_parses(w))


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


_PERSON_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}


def given_name_places(text: str, spans: list[Span], places: list[Span]) -> tuple[list[Span], list[Span]]:
    """A capitalised one-word place right before a surname NER found alone, agreeing with it
    in case, and not after a preposition ("в Алтае"), is a given name: it joins the person
    ("Алтаем Кульгиновым" -> "Алтай Кульгинов") and is no place."""
    from .inflect import person_name

    joined: set[tuple[int, int]] = set()
    out = []
    for s in spans:
        words = s.text.split()
        if s.type == "person" and s.source == "ner" and len(words) == 2:
            # NER read the whole name ("Алтаем Кульгиновым"): the place at its start is no place
            place = next((p for p in places if p.start == s.start and p.text == words[0]), None)
            if place is not None and place.text[:1].isupper() and "-" not in place.text and (
                    _cases(place.text) & _surname_cases(Span(s.end - len(words[1]), s.end, "person", words[1],
                                                            normal=(s.normal or "").split()[-1]))):
                joined.add((place.start, place.end))
        elif s.type == "person" and s.source == "ner" and len(words) == 1:
            place = next((p for p in places if p.end < s.start and text[p.end:s.start] == " "
                          and " " not in p.text and "-" not in p.text and p.text[:1].isupper()
                          and (p.start, p.end) not in joined), None)
            if place is not None and not _after_preposition(text, place.start) and (
                    _cases(place.text) & _surname_cases(s)):
                joined.add((place.start, place.end))
                name = text[place.start:s.end]
                s = Span(place.start, s.end, "person", name, normal=person_name(name), source=s.source,
                         data=dict(s.data))
        out.append(s)
    return out, [p for p in places if (p.start, p.end) not in joined]


def _after_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].split()
    if not before:
        return False
    parses = parse(before[-1].lower().strip(",.;:«»\"()"))
    return bool(parses) and parses[0].tag.POS in {"PREP", "CONJ"}


def _cases(word: str) -> set:
    return {p.tag.case for p in parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.number != "plur"} & _PERSON_CASES


def _surname_cases(span: Span) -> set:
    """The cases a lone surname may be in: its Surn readings, and the nominative when NER's
    normal form is the surface ("Кульгинов", a surname pymorphy does not know)."""
    word = span.text.strip()
    cases = {p.tag.case for p in parse(word.lower()) if "Surn" in p.tag and p.tag.number != "plur"}
    if span.normal and span.normal == word:
        cases.add("nomn")
    return cases & _PERSON_CASES
