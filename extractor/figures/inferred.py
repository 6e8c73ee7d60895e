"""Amounts whose currency the sentence gave before: ``объем вложений в тенге составил
4,3 млрд``, ``из кредитов на 17 млрд рублей 12 млрд приходится на ...``.

A scaled number (``4,3 млрд``, ``930 тысяч``) that no grammar matched, that is not
followed by what it counts (a genitive noun: ``3 млн туристов``), becomes money in
the currency of the nearest money figure before it, or of a
currency word before it (``в тенге``, ``в долларах``).  Its data says
``unit_inferred: True``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from ..spans import Span
from ..tag.morph import parse
from ..text.segment import Sentence
from .numbers import SCALES, parse_number
from .units import unit_table

_SCALE = r"(?:тыс\.?|млн\.?|млрд\.?|трлн\.?|тысяч[аиу]?|миллион(?:а|ов)?|миллиард(?:а|ов)?|триллион(?:а|ов)?)"
_BARE = re.compile(
    r"(?<![\w.,])(?:(около|более|свыше|почти|порядка|примерно|до)\s+)?"
    r"(\d{1,3}(?:[ \u00a0]\d{3})*(?:[.,]\d+)?)\s*" + _SCALE + r"(?!\w)(?:\s+" + _SCALE + r"(?!\w))?",
    re.IGNORECASE)
_WORD = re.compile(r"[А-Яа-яЁё]+")
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[А-ЯЁA-Z«\"])")
_NEXT = re.compile(r"\s*([А-Яа-яЁёA-Za-z]+)")


@lru_cache(maxsize=1)
def _currency_lemmas() -> dict[str, str]:
    """Single-word currency names by lemma: 'тенге' -> KZT, 'доллар' -> USD."""
    out = {}
    for unit, words in unit_table()["money"]:
        if len(words) == 1 and words[0].isalpha() and len(words[0]) > 3 and not words[0].endswith("вый"):
            out.setdefault(words[0].lower(), unit)
    return out


def _currency_word_before(text: str) -> Optional[str]:
    table = _currency_lemmas()
    for match in reversed(list(_WORD.finditer(text))):
        word = match.group().lower()
        if word in table:
            return table[word]
        parses = parse(word)
        if parses and parses[0].normal_form in table:
            return table[parses[0].normal_form]
    return None


def _counts_something(text: str, end: int) -> bool:
    """A genitive noun or adjective right after: '3 млн туристов', '5 тыс. новых мест'."""
    match = _NEXT.match(text, end)
    if not match:
        return False
    parses = parse(match.group(1).lower())
    if not parses or parses[0].tag.POS in {"PREP", "CONJ", "PRCL", "VERB", "INFN", "ADVB", "PRTS"}:
        return False
    return any(p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF", "PRTF"} for p in parses[:2])


def inferred_money(text: str, sent: Sentence, found: Sequence[Span]) -> list[Span]:
    """Money spans with an inferred currency in ``sent`` (``found``: its figures so far)."""
    out = []
    lower = sent.text.lower()
    if not any(scale in lower for scale in ("тыс", "млн", "млрд", "трлн", "миллион", "миллиард", "триллион")):
        return out
    local = [f for f in found if sent.start <= f.start < sent.end]
    for match in _BARE.finditer(sent.text):
        start, end = sent.start + match.start(), sent.start + match.end()
        if match.group().endswith(".") and re.match(r"\s*(?:$|[А-ЯЁA-Z])", sent.text[match.end():]):
            end -= 1                    # the sentence's full stop, not the abbreviation's
        if any(f.start < end and start < f.end for f in local):
            continue
        if _counts_something(sent.text, match.end()):
            continue
        # the same sentence only: a block may hold several
        begin = max((m.end() for m in _SENTENCE_END.finditer(sent.text, 0, match.start())), default=0)
        before = [f for f in local if f.type == "money" and sent.start + begin <= f.start and f.end <= start]
        unit = before[-1].data.get("unit") if before else _currency_word_before(sent.text[begin:match.start()])
        if unit is None:
            continue
        value = parse_number(match.group(2))
        for scale in re.findall(_SCALE, match.group()[match.start(2) - match.start():], re.IGNORECASE):
            key = scale.lower().rstrip(".")
            key = next((k for k in SCALES if key.startswith(k)), key)
            value *= SCALES.get(key, 1.0)
        data = {"kind": "money", "value": value, "value_to": None, "unit": unit, "period": None,
                "unit_inferred": True, "subject": None}
        if match.group(1):
            data["approx"] = match.group(1).lower()
        num = str(int(value)) if float(value).is_integer() else str(value)
        out.append(Span(start, end, "money", text[start:end], normal=f"{num} {unit}", source="grammar",
                        data=data))
    return out
