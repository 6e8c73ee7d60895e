"""Dates, years, year ranges, periods and durations.

``в 2023 году``, ``2025-2027 годы``, ``І полугодии 2025 года``, ``за 11 месяцев
текущего года``, ``в первом квартале``, ``до конца 2025 года``, ``14 августа 2025
года``, ``14.08.2025``, ``в этом году``, ``в мае``, ``в понедельник``,
``два года``.  The grammar finds them; :func:`read_date` turns the matched
tokens into a value (the year), a range, a period code and an ISO date,
resolving relative expressions against the document's publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from yargy import or_, rule
from yargy.predicates import caseless, custom, dictionary, eq, in_caseless, normalized
from yargy.predicates import type as token_type

from .numbers import APPROX, DASH, DOT, NUMBER_WORDS, parse_number
from ..parsing.tokenizer import DOTDATE, NUM

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
WEEKDAYS = {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"}
SEASONS = {"весна": "SPRING", "лето": "SUMMER", "осень": "AUTUMN", "зима": "WINTER"}
RELATIVE = {"текущий": 0, "этот": 0, "нынешний": 0, "прошлый": -1, "минувший": -1,
            "предыдущий": -1, "следующий": 1, "будущий": 1, "наступающий": 1, "предстоящий": 1}
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}
MODIFIERS = {"конец": "END", "начало": "START", "середина": "MID"}
ORDINALS = {"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "четвёртый": 4,
            "i": 1, "ii": 2, "iii": 3, "iv": 4, "і": 1, "іі": 2, "ііі": 3, "іv": 4}
DURATION_UNITS = {"год": "Y", "лет": "Y", "месяц": "M", "неделя": "W", "день": "D", "сутки": "D",
                  "десятилетие": "DECADE", "час": "H", "полвека": "HALFCENTURY", "полгода": "HALFYEAR",
                  "век": "CENTURY"}
PREPOSITIONS = {"в", "во", "с", "со", "до", "на", "к", "за", "по", "через", "спустя", "от", "около",
                "после", "накануне"}


def _int_between(low: int, high: int, length: Optional[int] = None):
    def check(value: str) -> bool:
        if not value.isdigit() or (length and len(value) != length):
            return False
        return low <= int(value) <= high
    return custom(check, types=NUM)


YEAR_NUM = _int_between(1800, 2100, 4)
DAY_NUM = _int_between(1, 31)
SMALL_NUM = _int_between(1, 999)

PREP = in_caseless(PREPOSITIONS)
YEAR_WORD = or_(
    rule(normalized("год")),
    rule(caseless("г"), DOT.optional()),
    rule(caseless("гг"), DOT.optional()),
)
MONTH = dictionary(set(MONTHS))
REL = dictionary(set(RELATIVE))
MOD = dictionary(set(MODIFIERS))
SEASON = dictionary(set(SEASONS))
WEEKDAY = dictionary(WEEKDAYS)
ORDINAL_WORD = or_(
    rule(dictionary({"первый", "второй", "третий", "четвертый", "четвёртый"})),
    rule(in_caseless({"i", "ii", "iii", "iv", "і", "іі", "ііі", "іv"})),
    rule(_int_between(1, 4), DASH.optional(), in_caseless({"м", "й", "го", "ом", "ый"}).optional()),
)
PERIOD_NOUN = dictionary({"полугодие", "квартал", "половина"})
SAME = rule(in_caseless({"тот", "том", "того", "той", "тем", "то"}), normalized("же"))

YEAR = rule(YEAR_NUM, YEAR_WORD)
REL_YEAR = rule(or_(rule(REL), SAME), normalized("год"))
ANY_YEAR = or_(YEAR, REL_YEAR, rule(YEAR_NUM))

FULL_DATE = or_(
    rule(DAY_NUM, MONTH, YEAR_NUM, YEAR_WORD.optional()),
    rule(token_type(DOTDATE), YEAR_WORD.optional()),
)
DAY_MONTH = rule(DAY_NUM, or_(rule(DASH, DAY_NUM), rule(caseless("и"), DAY_NUM)).optional(), MONTH,
                 or_(REL_YEAR, YEAR).optional())
MONTH_YEAR = rule(MONTH, or_(rule(DASH, MONTH)).optional(), ANY_YEAR)
YEAR_RANGE = or_(
    rule(YEAR_NUM, DASH, YEAR_NUM, YEAR_WORD.optional()),
    rule(caseless("с"), YEAR_NUM, YEAR_WORD.optional(), caseless("по"), YEAR_NUM, YEAR_WORD.optional()),
)
PERIOD = or_(
    rule(ORDINAL_WORD, PERIOD_NOUN, ANY_YEAR.optional()),
    rule(or_(rule(SMALL_NUM), rule(dictionary(set(k for k, v in NUMBER_WORDS.items() if v)))),
         normalized("месяц"), or_(REL_YEAR, YEAR).optional()),
    rule(MOD, or_(YEAR, REL_YEAR, rule(MONTH, ANY_YEAR.optional()),
                  rule(dictionary({"неделя", "месяц", "сезон", "квартал"})))),
    rule(SEASON, or_(YEAR, REL_YEAR)),
)
DECADE = rule(_int_between(10, 2090), DASH, in_caseless({"е", "х", "ые", "ых"}), YEAR_WORD.optional())
WEEKDAY_DATE = rule(WEEKDAY, rule(eq(","), or_(FULL_DATE, DAY_MONTH)).optional())
MONTH_ONLY = rule(MONTH)
AGO = in_caseless({"назад", "спустя", "ранее", "позже", "позднее"})
TIME_UNIT = dictionary(set(DURATION_UNITS) | {"лето"})
DURATION = or_(
    rule(
        PREP.optional(),
        APPROX.optional(),
        normalized("последний").optional(),
        or_(rule(SMALL_NUM), rule(dictionary({k for k, v in NUMBER_WORDS.items()} | {"несколько", "пара"}))),
        TIME_UNIT,
        AGO.optional(),
    ),
    # "за неделю", "на год", "через месяц", "год назад": a bare unit needs a preposition or "назад"
    rule(in_caseless({"за", "на", "через", "спустя"}), APPROX.optional(), TIME_UNIT, AGO.optional()),
    rule(APPROX.optional(), TIME_UNIT, AGO),
    rule(in_caseless({"в", "за", "на"}), normalized("последний"), TIME_UNIT),
    # "в течение десятилетий", "на протяжении многих лет", "почти полвека", "в разные годы"
    rule(or_(rule(caseless("в"), normalized("течение")), rule(caseless("на"), normalized("протяжение"))),
         dictionary({"многий", "несколько", "последний", "ряд"}).optional(), TIME_UNIT),
    rule(APPROX.optional(), dictionary({"полвека", "полгода", "век"})),
    rule(caseless("в"), normalized("разный"), normalized("год")),
)
NOW = or_(
    rule(caseless("в"), dictionary({"настоящий", "нынешний"}), dictionary({"время", "момент"})),
    rule(caseless("на"), dictionary({"сегодняшний", "текущий", "данный"}), dictionary({"день", "момент"})),
    rule(caseless("в"), normalized("выходные")),
    rule(normalized("следующий"), normalized("день")),
)
DAY_RANGE = rule(caseless("с"), DAY_NUM, MONTH.optional(), caseless("по"), DAY_NUM, MONTH,
                 or_(YEAR, rule(YEAR_NUM)).optional())
PAREN_YEAR = rule(eq("("), YEAR_NUM, eq(")"))
RELATIVE_DAY = rule(dictionary(set(RELATIVE_DAYS)))
THIS_PERIOD = or_(
    rule(or_(rule(REL), SAME), dictionary({"неделя", "месяц", "сезон", "квартал"})),
    rule(REL, caseless("же"), normalized("год")),
    rule(REL, MONTH),
)

BODY = or_(
    FULL_DATE, DAY_MONTH, MONTH_YEAR, YEAR_RANGE, PERIOD, YEAR, REL_YEAR, DECADE,
    WEEKDAY_DATE, RELATIVE_DAY, THIS_PERIOD,
)
DATE = or_(
    rule(PREP.optional(), BODY),
    DURATION, NOW, DAY_RANGE, PAREN_YEAR,
    rule(PREP, MONTH_ONLY),          # "в мае", "с апреля": a bare month needs its preposition
    rule(PREP, YEAR_NUM),            # "в 1976": filtered later when a noun follows
)


# -- values --------------------------------------------------------------------

@dataclass
class DateValue:
    value: Optional[float] = None      # the year
    value_to: Optional[float] = None
    unit: str = "year"                 # year | month | date | duration | day
    period: Optional[str] = None       # H1, Q3, 11M, M05, END, SPRING, decade...
    date: Optional[str] = None         # ISO date or month: 2025-08-14, 2025-08
    duration: Optional[str] = None     # ISO 8601 duration for spans of time: P2Y


def _lemmas(token) -> list[str]:
    forms = getattr(token, "forms", None) or []
    return [f.normalized for f in forms] or [token.value.lower()]


def _has(token, table) -> Optional[str]:
    return _first_in(_lemmas(token), table)


def _first_in(lemmas: list[str], table) -> Optional[str]:
    for lemma in lemmas:
        if lemma in table:
            return lemma
    return None


def read_date(tokens: Sequence, published: Optional[dt.date] = None) -> DateValue:
    """Value of a matched date expression (see module doc)."""
    out = DateValue()
    years: list[int] = []
    month = day = count = ordinal = None
    relative = relative_day = modifier = season = None
    period_noun = duration_unit = None
    decade = weekend = False
    words = [t.value.lower() for t in tokens]
    lemmas = [_lemmas(t) for t in tokens]
    for i, token in enumerate(tokens):
        word, lemma_list = words[i], lemmas[i]
        if token.type == DOTDATE:
            d, m, y = (int(x) for x in word.split("."))
            years.append(y + (2000 if y < 100 else 0))
            month, day = m, d
        elif token.type == NUM:
            number = parse_number(token.value)
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt in {"-", "–", "—"} and i + 2 < len(words) and words[i + 2] in {"е", "х", "ые", "ых"}:
                decade = True
                years.append(int(number) if number >= 100 else 1900 + int(number))
            elif number.is_integer() and 1800 <= number <= 2100 and len(token.value) == 4:
                years.append(int(number))
            elif i + 1 < len(tokens) and _first_in(lemmas[i + 1], MONTHS) or (
                    nxt in {"-", "–", "—", "и"} and i + 3 < len(tokens) and _first_in(lemmas[i + 3], MONTHS)):
                day = day or int(number)
            elif ordinal is None and i + 1 < len(tokens) and (
                    _first_in(lemmas[i + 1], {"полугодие", "квартал", "половина"}) or nxt in {"-", "–"}):
                ordinal = int(number)
            else:
                count = number
        elif (lemma := _first_in(lemma_list, MONTHS)) and month is None:
            month = MONTHS[lemma]
        elif lemma := _first_in(lemma_list, RELATIVE):
            relative = RELATIVE[lemma]
        elif word in RELATIVE_DAYS:
            relative_day = RELATIVE_DAYS[word]
        elif _first_in(lemma_list, {"настоящий", "сегодняшний", "нынешний"}) or (
                word in {"текущий", "данный"} and "момент" in words):
            relative_day = 0
        elif _first_in(lemma_list, {"выходные"}):
            weekend = True
        elif lemma := _first_in(lemma_list, MODIFIERS):
            modifier = MODIFIERS[lemma]
        elif lemma := _first_in(lemma_list, SEASONS):
            season = SEASONS[lemma]
        elif word in ORDINALS or (lemma := _first_in(lemma_list, ORDINALS)):
            ordinal = ORDINALS.get(word) or ORDINALS[lemma]
        elif lemma := _first_in(lemma_list, {"полугодие", "квартал", "половина"}):
            period_noun = lemma
        elif (lemma := _first_in(lemma_list, DURATION_UNITS)) and duration_unit is None:
            duration_unit = DURATION_UNITS[lemma]
        elif word in NUMBER_WORDS and NUMBER_WORDS[word]:
            count = NUMBER_WORDS[word]
        elif (lemma := _first_in(lemma_list, {"несколько", "пара"})):
            count = None if lemma == "несколько" else 2

    base_year = published.year if published else None
    if duration_unit == "D" and not count and relative is not None:  # "на следующий день"
        relative, duration_unit, weekend = None, None, True
    if years:
        out.value = float(years[0])
        if len(years) > 1:
            out.value_to = float(years[1])
    elif relative is not None and base_year:
        out.value = float(base_year + relative)
    elif (month or relative_day is not None or _has_weekday(tokens)) and base_year:
        out.value = float(base_year)

    if decade:
        out.period = "decade"
        out.value_to = out.value + 9 if out.value and out.value_to is None else out.value_to
    elif period_noun in {"полугодие", "половина"} and ordinal:
        out.period = f"H{ordinal}"
    elif period_noun == "квартал" and ordinal:
        out.period = f"Q{ordinal}"
    elif duration_unit == "M" and count and not day and (years or relative is not None or "за" in words
                                                          or "месяцев" in words or "месяца" in words):
        if years or relative is not None:
            out.unit, out.period = "month", f"{int(count)}M"
        else:
            out.unit, out.value, out.duration = "duration", None, f"P{_num(count)}M"
    elif duration_unit and not years and relative is None and not month and "же" not in words:
        out.unit, out.value = "duration", None
        out.duration = _duration(count, duration_unit)
    elif season:
        out.period = season
    elif relative is not None and duration_unit in {"W", "M"} and not count:
        out.unit = "week" if duration_unit == "W" else "month"
    if modifier and out.period is None:
        out.period = modifier

    if day and month and out.value:
        out.unit, out.date = "date", _iso(int(out.value), month, day)
    elif day and month:
        out.unit = "date"
    elif month and out.value_to is None and out.unit == "year":
        out.unit = "month"
        out.period = out.period or f"M{month:02d}"
        if out.value:
            out.date = f"{int(out.value):04d}-{month:02d}"
    elif relative_day is not None:
        out.unit = "day"
        if published:
            out.date = (published + dt.timedelta(days=relative_day)).isoformat()
    elif (weekend or _has_weekday(tokens)) and out.unit == "year":
        out.unit = "day"
    return out


def _duration(count: Optional[float], unit: str) -> Optional[str]:
    """ISO 8601 duration: (2, "Y") -> P2Y, (None, "HALFCENTURY") -> P50Y, (3, "DECADE") -> P30Y."""
    years = {"DECADE": 10, "CENTURY": 100, "HALFCENTURY": 50}
    if unit == "HALFYEAR":
        return f"P{_num(6 * (count or 1))}M"
    if unit in years:
        return f"P{_num(years[unit] * count)}Y" if count else ("P50Y" if unit == "HALFCENTURY" else None)
    if unit == "H":
        return f"PT{_num(count)}H" if count else None
    return f"P{_num(count)}{unit}" if count else None


def _has_weekday(tokens) -> bool:
    return any(_has(t, WEEKDAYS) for t in tokens)


def _iso(year: int, month: int, day: int) -> Optional[str]:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else re.sub(r"\.?0+$", "", f"{x:.2f}")
