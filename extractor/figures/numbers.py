"""Numbers as written in Russian news: ``2,6``, ``12 400 000``, ``1.5``,
scale words (``тыс.``, ``млн``, ``млрд``, ``трлн``), number words (``два``,
``полтора``) and ranges (``2-3``, ``от 2 до 3``).  Shared by every grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from yargy import or_, rule
from yargy.predicates import caseless, eq, in_, in_caseless, normalized, type as token_type

from ..parsing.tokenizer import NUM

_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")

SCALES = {
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3,
    "млн": 1e6, "миллион": 1e6,
    "млрд": 1e9, "миллиард": 1e9,
    "трлн": 1e12, "триллион": 1e12,
}

NUMBER_WORDS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "пятнадцать": 15, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "сто": 100, "полтора": 1.5, "полторы": 1.5, "несколько": None,
}

RANGE_WORDS = {"до", "по", "-", "–", "—", "‒", "‐", "‑"}


def parse_number(value: str) -> float:
    """``'12 400 000'`` -> 12400000.0, ``'2,6'`` -> 2.6, ``'1.5'`` -> 1.5."""
    return float(_SPACES.sub("", value).replace(",", "."))


# -- yargy building blocks ----------------------------------------------------

DOT = eq(".")
DASH = in_(set("-–—‒‐‑"))
NUMBER = token_type(NUM)

SCALE = or_(
    rule(caseless("тыс"), DOT.optional()),
    rule(caseless("млн"), DOT.optional()),
    rule(caseless("млрд"), DOT.optional()),
    rule(caseless("трлн"), DOT.optional()),
    rule(normalized("тысяча")),
    rule(normalized("миллион")),
    rule(normalized("миллиард")),
    rule(normalized("триллион")),
)

# words that qualify a figure as approximate or bounded: read_value reports them as ``approx``
APPROX_WORDS = {"около", "порядка", "почти", "более", "менее", "свыше", "больше", "меньше",
                "примерно", "приблизительно"}

APPROX = or_(
    rule(in_caseless(APPROX_WORDS)), rule(caseless("до")),
    rule(caseless("более"), caseless("чем")),
    rule(caseless("не"), or_(caseless("менее"), caseless("более"))),
)

# a number with its scale words: "178 млрд", "12 млрд 400 млн", "2,6 трлн", "350 тысяч"
AMOUNT = rule(NUMBER, SCALE.optional(), rule(NUMBER, SCALE).optional())

# a range of amounts: "от 2 до 3 млрд", "2-3 млрд", "2–3"
RANGE = or_(
    rule(caseless("от"), AMOUNT, or_(caseless("до"), DASH), AMOUNT),
    rule(AMOUNT, DASH, AMOUNT),
    rule(caseless("с"), AMOUNT, caseless("до"), AMOUNT),
)

VALUE = or_(rule(APPROX.optional(), AMOUNT), rule(APPROX.optional(), RANGE),
            rule(APPROX, caseless("на"), or_(AMOUNT, RANGE)))


# -- reading values from matched tokens ----------------------------------------

@dataclass
class Value:
    value: Optional[float]
    value_to: Optional[float] = None
    approx: Optional[str] = None


def scale_of(token) -> Optional[float]:
    word = token.value.lower().rstrip(".")
    if word in SCALES:
        return SCALES[word]
    for form in getattr(token, "forms", None) or []:
        if form.normalized in SCALES:
            return SCALES[form.normalized]
    return None


def read_value(tokens: Sequence) -> Value:
    """Sum of number x scale parts; a range marker between parts starts the upper bound.

    In ``от 2 до 3 млрд`` the lower bound takes the upper bound's scale.
    """
    bounds: list[list[tuple[float, Optional[float]]]] = [[]]
    approx = None
    for token in tokens:
        word = token.value.lower()
        if token.type == NUM:
            bounds[-1].append((parse_number(token.value), None))
        elif word in NUMBER_WORDS and NUMBER_WORDS[word] is not None:
            bounds[-1].append((NUMBER_WORDS[word], None))
        elif (scale := scale_of(token)) is not None and bounds[-1]:
            number, _ = bounds[-1][-1]
            bounds[-1][-1] = (number, scale)
        elif word in RANGE_WORDS and bounds[-1]:
            bounds.append([])
        elif word in APPROX_WORDS and approx is None:
            approx = word
    bounds = [b for b in bounds if b]
    if not bounds:
        return Value(None, approx=approx)
    if len(bounds) >= 2:
        low, high = bounds[0], bounds[1]
        high_scale = high[0][1]
        if len(low) == 1 and low[0][1] is None and high_scale is not None:
            low = [(low[0][0], high_scale)]
        return Value(_total(low), _total(high), approx)
    return Value(_total(bounds[0]), approx=approx)


def _total(parts: list[tuple[float, Optional[float]]]) -> float:
    return float(sum(n * (s or 1.0) for n, s in parts))
