"""Gazetteers of places as data (data/regions.tsv, data/locations.tsv) and their matcher.

A row is ``canonical<TAB>kind<TAB>oblast<TAB>variants``; a variant is a sequence
of lemmas ("карагандинский область") matched against any pymorphy3 lemma of each
word or the lower-cased word itself (so Kazakh spellings like "жетісу" and
indeclinable names work), longest variant first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from ..data import word_list
from ..tag.morph import parse
from ..text.segment import Sentence


@dataclass(frozen=True)
class Place:
    canonical: str
    kind: str               # oblast, city, district, settlement, country, lake, river...
    oblast: Optional[str]   # the oblast it lies in (for inference), canonical name
    type: str               # contract mention type: region or location


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place


REGION_KINDS = {"oblast", "city", "district", "settlement", "country"}


@lru_cache(maxsize=None)
def gazetteer() -> dict[str, list[tuple[tuple[str, ...], Place]]]:
    """First word of a variant -> [(variant words, place)], longest variants first."""
    index: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    for name in ("regions.tsv", "locations.tsv"):
        for line in word_list(name):
            canonical, kind, oblast, variants = line.split("\t")
            place = Place(canonical, kind, oblast or None,
                          "region" if kind in REGION_KINDS else "location")
            for variant in variants.split(";"):
                words = tuple(norm(w) for w in variant.split())
                index.setdefault(words[0], []).append((words, place))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def keys(word: str) -> frozenset[str]:
    """The lower-cased word and its likely lemmas."""
    lowered = norm(word)
    out = {lowered}
    parses = parse(word.lower())
    if parses:
        top = parses[0].score
        out |= {norm(p.normal_form) for p in parses if p.score >= 0.2 * top}
    return frozenset(out)


_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S")


def find_places(text: str, blocks: Sequence[Sentence]) -> Iterator[PlaceMatch]:
    for block in blocks:
        found = list(_TOKEN.finditer(text, block.start, block.end))
        toks = [m.group() for m in found]
        i = 0
        while i < len(toks):
            match = _match_at(toks, i) if toks[i][:1].isalpha() and _candidates(toks[i]) else None
            if match is None:
                i += 1
                continue
            length, place = match
            yield PlaceMatch(found[i].start(), found[i + length - 1].end(), place)
            i += length


@lru_cache(maxsize=50_000)
def _candidates(word: str) -> tuple[tuple[tuple[str, ...], Place], ...]:
    """The gazetteer variants that may start at this word (by its form or lemmas)."""
    index = gazetteer()
    return tuple(entry for key in sorted(keys(word)) for entry in index.get(key, ()))


def _match_at(toks: list[str], i: int) -> Optional[tuple[int, Place]]:
    best: Optional[tuple[int, Place]] = None
    for words, place in _candidates(toks[i]):
        if i + len(words) > len(toks) or (best and len(words) <= best[0]):
            continue
        if all(words[k] in keys(toks[i + k]) for k in range(1, len(words))):
            if len(words) == 1 and not _proper(toks[i], place):
                continue
            best = (len(words), place)
    return best


def place_of(words: Sequence[str]) -> Optional[Place]:
    """The place these words name as a whole ("Акмолинской", "областей" -> Акмолинская
    область), or None."""
    match = _match_at(list(words), 0) if words and _candidates(words[0]) else None
    return match[1] if match is not None and match[0] == len(words) else None


def _proper(word: str, place: Place) -> bool:
    """A one-word place name must be capitalised ("Астана", not "астана"), or an abbreviation."""
    return word[:1].isupper()
