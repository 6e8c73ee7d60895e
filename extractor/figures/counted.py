"""Counted objects as quantities, the counted noun as the unit: ``7 новых поликлиник``,
``120 многоквартирных домов``, ``45 тыс. легковых автомобилей``, ``школа на 600 мест``.

A number no grammar matched, then up to three adjectives, then a noun that agrees
with the number the way Russian counting does (pymorphy3 analysis):

* after 1 (not 11): the singular, ``21 район``;
* after 2-4 (not 12-14): the genitive singular, adjectives genitive or nominative plural,
  ``3 новые школы``, ``2 крупных предприятия``;
* after any other number, or a scale word: the genitive plural, ``7 новых поликлиник``;
* in an oblique case both go plural in that case: ``в 7 новых поликлиниках``.

Time words, months and names are left to the date grammar and NER.  The unit is
the noun's lemma (``поликлиника``), or its code when data/units.tsv has one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from ..spans import Span
from ..tag.morph import parse
from ..text.segment import Sentence
from .dates import DURATION_UNITS, MONTHS, WEEKDAYS
from .numbers import SCALES, parse_number
from .subjects import subject_of
from .units import unit_table

_SCALE = r"(?:тыс\.?|млн\.?|млрд\.?|тысяч[аиу]?|миллион(?:а|ов)?|миллиард(?:а|ов)?)"
_NUMBER = re.compile(r"(?<![\w.,/№:-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?:\s*(" + _SCALE + r")(?!\w))?"
                     r"(?![.,:/-]?\d)")
_WORD = re.compile(r"\s+([а-яё]+(?:-[а-яё]+)?)")
NOT_COUNTED = set(DURATION_UNITS) | set(MONTHS) | WEEKDAYS | {
    "год", "лет", "минута", "секунда", "сутки", "неделя", "час", "раз", "процент",
    "номер", "статья", "часть", "балл", "градус", "этаж", "класс", "курс", "сорт", "вариант", "тур",
    "доля", "миллион", "тысяча", "миллиард", "сотня", "десяток", "штука", "страница", "строка",
}
OBLIQUE = {"datv", "ablt", "loct"}


@lru_cache(maxsize=1)
def _unit_codes() -> dict[str, str]:
    return {words[0]: unit for unit, words in unit_table()["quantity"] if len(words) == 1}


def _ends_in_one(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return "," not in number and digits[-1:] == "1" and digits[-2:] != "11"


def _agrees(number: str, scaled: bool, noun) -> bool:
    tag = noun.tag
    if tag.case in OBLIQUE:
        return tag.number == "plur"
    if scaled or "," in number:
        return tag.case == "gent"
    n = int(re.sub(r"\D", "", number))
    if n % 10 == 1 and n % 100 != 11:
        return tag.number == "sing" and tag.case in {"nomn", "accs"}
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return tag.number == "sing" and tag.case == "gent"
    return tag.number == "plur" and tag.case == "gent"


def _adjective(word: str, singular: bool):
    """An adjective between number and noun: plural or genitive ("новых", "новые"), the
    nominative singular after 1 ("21 фельдшерский")."""
    for p in parse(word)[:2]:
        if p.tag.POS in {"ADJF", "PRTF"} and (p.tag.number == "plur" or p.tag.case == "gent" or (
                singular and p.tag.case in {"nomn", "accs"})):
            return p
    return None


def _noun(word: str, number: str, scaled: bool):
    parses = parse(word)
    if not parses or parses[0].tag.POS != "NOUN":
        return None
    for p in parses[:3]:
        if p.tag.POS != "NOUN" or {"Name", "Surn", "Patr", "Geox", "Abbr"} & set(p.tag.grammemes):
            continue
        if p.normal_form in NOT_COUNTED:
            return None
        if _agrees(number, scaled, p):
            return p
    return None


def counted_quantities(text: str, sent: Sentence, taken: Sequence[Span]) -> list[Span]:
    out = []
    local = [f for f in taken if sent.start <= f.start < sent.end]
    for match in _NUMBER.finditer(sent.text):
        start = sent.start + match.start()
        if any(f.start <= start < f.end for f in local):
            continue
        number, scale = match.group(1), match.group(2)
        pos, noun, end = match.end(), None, None
        for _ in range(4):
            word = _WORD.match(sent.text, pos)
            if not word or word.group(1)[0].isupper():
                break
            lower = word.group(1).lower()
            noun = _noun(lower, number, bool(scale))
            if noun is not None:
                end = word.end()
                break
            if _adjective(lower, _ends_in_one(number) and not scale) is None:
                break
            pos = word.end()
        if end is None:
            continue
        value = parse_number(number)
        if scale:
            key = scale.lower().rstrip(".")
            value *= next((v for k, v in SCALES.items() if key.startswith(k)), 1.0)
        unit = _unit_codes().get(noun.normal_form, noun.normal_form)
        stop = sent.start + end
        if any(f.start < stop and start < f.end for f in local):
            continue
        num = str(int(value)) if float(value).is_integer() else str(value)
        out.append(Span(start, stop, "quantity", text[start:stop], normal=f"{num} {unit}", source="grammar",
                        data={"kind": "quantity", "value": value, "value_to": None, "unit": unit,
                              "period": None, "counted": True,
                              "subject": subject_of(sent.text, match.start(), end, "quantity")}))
    return out
