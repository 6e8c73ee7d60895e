"""Organisations named by a common noun: ``правительство``, ``полиции Лондона``,
``Генеральная прокуратура``, ``кабинета министров``, ``акимат Карагандинской области``
(heads: data/institutions.txt).

slovnet NER finds named organisations ("ТОО «Казцинк»"); state bodies are mostly
written in lowercase and it leaves them.  A mention is [agreeing adjectives] HEAD
[genitive scope]; the scope is genitive words and abbreviations up to a person's name
or punctuation.  Where NER already has an organisation overlapping, NER's span stands.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..data import word_list
from ..parsing.prefixes import FormIndex
from ..spans import Span
from ..tag.morph import parse
from ..text.segment import Sentence
from .inflect import phrase

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
MAX_SCOPE = 3


@lru_cache(maxsize=1)
def heads() -> dict[str, list[tuple[str, ...]]]:
    """First lemma -> the lemma sequences of the entries starting with it."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in word_list("institutions.txt"):
        lemmas = tuple(line.split())
        out.setdefault(lemmas[0], []).append(lemmas)
    return out


@lru_cache(maxsize=1)
def _forms() -> FormIndex:
    return FormIndex(list(heads()))


def _noun(word: str, lemma: str):
    for p in parse(word.lower())[:3]:
        if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") == lemma:
            return p
    return None


def _lemma(word: str) -> str:
    parses = parse(word.lower())
    return parses[0].normal_form.replace("ё", "е") if parses else word.lower()


def _genitive(word: str) -> bool:
    if word.isupper() and len(word) >= 2:
        return True              # РК, МВД: indeclinable
    parses = parse(word.lower())
    if not parses or any(p.tag.POS in {"PREP", "CONJ", "PRCL", "NPRO", "VERB", "INFN", "ADVB"}
                         for p in parses[:2]):
        return False                # "прокуратура начала": a verb reading wins
    return any(p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF", "PRTF"}
               and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses[:2])


def _place_name(word: str) -> bool:
    """'Республики Казахстан', 'города Астана': a place name in apposition, any case."""
    return word[:1].isupper() and any("Geox" in p.tag for p in parse(word.lower())[:2])


def _agreeing_adjective(word: str, noun) -> bool:
    for p in parse(word.lower())[:2]:
        if p.tag.POS in {"ADJF", "PRTF"} and "Apro" not in p.tag and p.tag.case == noun.tag.case and (
                p.tag.number == noun.tag.number):
            return True
    return False


def extract_institutions(text: str, blocks: Sequence[Sentence], taken: Sequence[Span]) -> list[Span]:
    """Organisation spans of ``blocks`` that overlap none of ``taken`` (NER organisations, people)."""
    forms, table = _forms(), heads()
    out: list[Span] = []
    for block in blocks:
        words = list(_WORD.finditer(block.text))
        i = 0
        while i < len(words):
            word = words[i].group()
            if not forms.may_match(word):
                i += 1
                continue
            lemma = _lemma(word)
            noun = _noun(word, lemma) if lemma in table else None
            if noun is None:
                i += 1
                continue
            end_i = _entry_end(words, i, table[lemma], block.text)
            if end_i is None:
                i += 1
                continue
            start_i = i
            while start_i > 0 and i - start_i < 2 and _adjacent(block.text, words[start_i - 1], words[start_i]) \
                    and _agreeing_adjective(words[start_i - 1].group(), noun):
                start_i -= 1
            stop_i = end_i
            while stop_i + 1 < len(words) and stop_i - end_i < MAX_SCOPE \
                    and _adjacent(block.text, words[stop_i], words[stop_i + 1]) \
                    and (_genitive(words[stop_i + 1].group()) or (
                        stop_i > end_i and _place_name(words[stop_i + 1].group()))):
                stop_i += 1
            start = block.start + words[start_i].start()
            end = block.start + words[stop_i].end()
            # the scope stops where a taken span (a person, NER's organisation) starts
            for t in taken:
                if start < t.start < end and t.type == "person":
                    end = t.start
                    while end > start and text[end - 1] in " ,":
                        end -= 1
            if end > start and not any(t.start < end and start < t.end and t.type == "organization"
                                       for t in taken):
                surface = text[start:end]
                out.append(Span(start, end, "organization", surface, normal=_normal(surface),
                                source="grammar"))
            i = stop_i + 1
    return out


def _entry_end(words, i: int, entries, block_text: str):
    """Index of the last word of the longest entry starting at word ``i``, or None."""
    best = None
    for entry in entries:
        k = i
        ok = True
        for lemma in entry[1:]:
            k += 1
            if k >= len(words) or not _adjacent(block_text, words[k - 1], words[k]) or _lemma(
                    words[k].group()) != lemma:
                ok = False
                break
        if ok and (best is None or k > best):
            best = k
    return best


def _adjacent(text: str, left, right) -> bool:
    return not text[left.end():right.start()].strip()


def _normal(surface: str) -> str:
    try:
        return phrase(surface)
    except Exception:  # noqa: BLE001 - a normal form is a courtesy, the span stands
        return surface
