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
from yargy.predicates.constructors import Predicate

from ..parsing.tokenizer import NUM
from .number_words import CARDINALS, COUNTING, FRACTIONS, INDEFINITE, SCALE_LEMMAS, lemma_of

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
    rule(or_(caseless("более"), caseless("менее"), caseless("больше"), caseless("меньше")), caseless("чем")),
    rule(caseless("не"), or_(caseless("менее"), caseless("более"))),
)



class number_word(Predicate):
    """A token whose lemma is in one of the number-word groups of number_words.py."""

    def __init__(self, *groups):
        self.lemmas = set().union(*groups)

    def __call__(self, token):
        return lemma_of(token) in self.lemmas


CARDINAL_WORD = number_word(CARDINALS)
COUNT_NOUN = number_word(COUNTING)
FRACTION_WORD = number_word(FRACTIONS)
INDEFINITE_WORD = number_word(INDEFINITE)

# digits or number words: "5", "пять", "двадцать пять", "полтора"
NUMERAL = or_(rule(NUMBER), rule(CARDINAL_WORD.repeatable(max=3)))

# a number with its scale words: "178 млрд", "12 млрд 400 млн", "2,6 трлн", "350 тысяч"
AMOUNT = rule(NUMBER, SCALE.optional(), rule(NUMBER, SCALE).optional())

# the same in words: "пять миллионов", "двух триллионов", "пять сотен тысяч"; a counting
# noun or scale word alone or after "несколько"/a fraction: "сотни тысяч", "несколько
# миллионов", "треть миллиарда", "миллион".  A grammar of its own, run only where a number
# word is, so that digits pay nothing for it.
WORD_AMOUNT = or_(
    rule(NUMERAL, COUNT_NOUN.optional(), SCALE.optional(), rule(NUMBER, SCALE).optional()),
    rule(or_(rule(INDEFINITE_WORD), rule(FRACTION_WORD), NUMERAL).optional(), COUNT_NOUN, SCALE.optional()),
    rule(or_(rule(INDEFINITE_WORD), rule(FRACTION_WORD)).optional(), SCALE),
)


def value_rule(amount):
    """An amount or a range of amounts, with its qualifier: "от 2 до 3 млрд", "2-3 млрд",
    "около 5", "более чем на 40"."""
    range_ = or_(
        rule(caseless("от"), amount, or_(caseless("до"), DASH), amount),
        rule(amount, DASH, amount),
        rule(caseless("с"), amount, caseless("до"), amount),
    )
    return or_(rule(APPROX.optional(), amount), rule(APPROX.optional(), range_),
               rule(APPROX, caseless("на"), or_(amount, range_)))


VALUE = value_rule(AMOUNT)
WORD_VALUE = value_rule(WORD_AMOUNT)

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
    lemma = lemma_of(token)
    if lemma in SCALE_LEMMAS:
        return SCALE_LEMMAS[lemma]
    if lemma in COUNTING:
        return float(COUNTING[lemma])
    return None


def _plural(token) -> bool:
    forms = getattr(token, "forms", None) or []
    return bool(forms) and "plur" in forms[0].grams.values


# a part is [count, multiplier, spelled]: count None is unknown ("несколько", "сотни")
def read_value(tokens: Sequence) -> Value:
    """Sum of count x multiplier parts; a range marker between parts starts the upper bound.

    Number words add up (``двадцать пять``), scale words multiply (``пять сотен
    тысяч``).  In ``от 2 до 3 млрд`` the lower bound takes the upper bound's scale.
    An unknown count (``несколько миллионов``, ``сотни тысяч``) gives value None and
    the word as ``approx``.
    """
    bounds: list[list[list]] = [[]]
    approx = None
    for token in tokens:
        word = token.value.lower()
        lemma = lemma_of(token) if token.type != NUM else None
        parts = bounds[-1]
        if token.type == NUM:
            parts.append([parse_number(token.value), 1.0, False])
        elif lemma in CARDINALS:
            value = CARDINALS[lemma]
            last = parts[-1] if parts else None
            if last and last[2] and last[1] == 1.0 and last[0] is not None and last[0] > value:
                last[0] += value        # "двадцать пять"
            else:
                parts.append([float(value), 1.0, True])
        elif lemma in FRACTIONS:
            parts.append([FRACTIONS[lemma], 1.0, True])
        elif lemma in INDEFINITE:
            parts.append([None, 1.0, True])
            approx = approx or word
        elif (scale := scale_of(token)) is not None:
            if parts:
                parts[-1][1] *= scale
            else:                       # "миллион долларов", "сотни тысяч"
                plural = _plural(token)
                parts.append([None if plural else 1.0, scale, True])
                if plural:
                    approx = approx or word
        elif word in RANGE_WORDS and parts:
            bounds.append([])
        elif word in APPROX_WORDS and approx is None:
            approx = word
    bounds = [b for b in bounds if b]
    if not bounds:
        return Value(None, approx=approx)
    if len(bounds) >= 2:
        low, high = bounds[0], bounds[1]
        if len(low) == 1 and low[0][1] == 1.0 and high[0][1] != 1.0:
            low = [[low[0][0], high[0][1], low[0][2]]]
        return Value(_total(low), _total(high), approx)
    return Value(_total(bounds[0]), approx=approx)


def _total(parts: list[list]) -> Optional[float]:
    if any(count is None for count, _, _ in parts):
        return None
    return float(sum(count * multiplier for count, multiplier, _ in parts))
