"""Run the figure grammars over a document's sentences and return figure spans.

Only sentences that can hold a figure are parsed (a digit, a %, a currency
sign, or a date word), and only around anchors, with the grammars compiled to
token automata (parsing/automaton.py).  Overlaps
are resolved in favour of the longer span, then money > percent > quantity >
date.  Each span's ``data`` holds the contract's Figure fields.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional, Sequence


from ..spans import Span
from ..text.segment import Sentence
from .dates import DATE, DURATION_UNITS, MODIFIERS, MONTHS, RELATIVE, RELATIVE_DAYS, SEASONS, WEEKDAYS, read_date
from .money import MONEY, money
from .counted import counted_quantities
from .inferred import inferred_money
from .noise import inside_link, is_frequency, link_spans
from .number_words import mentions_number_word, surface_forms, trie_pattern
from .numbers import APPROX_WORDS, NUMBER_WORDS, WORD_VALUE, read_value
from .percent import PERCENT, percent
from .quantity import QUANTITY, quantity
from .subjects import subject_of
from yargy import or_

from ..parsing.anchored import scan_anchors
from ..parsing.automaton import TokenAutomaton
from ..parsing.tokenizer import DOTDATE, NUM, block_tokens, tokenizer
from .facts import Measure
from .units import kind_of_unit, unit_stems

KIND_PRIORITY = {"money": 0, "percent": 1, "quantity": 2, "date": 3}
_NUMERIC = re.compile(r"[\d%$€£₸₽]|полтора|полторы")
# date words, matched on lowercase text: stems found anywhere in a word ("январ" in "января",
# "полгод"), then words bounded at their start or end ("года", "лет", "дней", "веков", "среду")
_DATE_STEMS = (
    "январ", "феврал", "март", "апрел", "май", "мая", "мае", "июн", "июл", "август", "сентябр",
    "октябр", "ноябр", "декабр", "полугод", "квартал", "месяц", "недел", "сут", "настоящ", "сегодняшн",
    "выходн", "течени", "протяжени", "полвек", "полгод", "понедельник", "вторник", "четверг", "пятниц",
    "суббот", "воскресень", "сегодня", "вчера", "завтра", "весн", "осен", "зима", "зиме", "зиму",
    "зимо", "зимй", "летом", "десятилет", "сезон",
)
_DATE_ANCHOR = re.compile(trie_pattern(_DATE_STEMS) + r"|\bгод|\bлет\b|\bдн[еяи]|\bден|\bвек|сред[уае]\b")
_DATE_WORD = re.compile(r"\d|" + _DATE_ANCHOR.pattern)


class _DateWords(dict):
    """Token text -> is it a date word: ``_DATE_ANCHOR`` on its lowercase, remembered."""

    LIMIT = 50_000

    def __missing__(self, value: str) -> bool:
        if len(self) > self.LIMIT:
            self.clear()
        found = self[value] = bool(_DATE_ANCHOR.match(value.lower()))
        return found


_DATE_WORDS = _DateWords()


def grammars() -> dict:
    """One grammar for the number-led kinds (money, percent, quantity), one for the same
    led by number words, one for dates.  The number grammars name their unit by a
    constant interpretation, which the automaton reports as the match's label."""
    words = or_(money(WORD_VALUE), percent(WORD_VALUE), quantity(WORD_VALUE))
    return {"number": or_(MONEY, PERCENT, QUANTITY).interpretation(Measure),
            "words": words.interpretation(Measure),
            "date": DATE}


@lru_cache(maxsize=1)
def parsers() -> dict[str, TokenAutomaton]:
    """The grammars compiled to token automata (same matches as yargy's chart)."""
    tok = tokenizer()
    return {group: TokenAutomaton(grammar, tok) for group, grammar in grammars().items()}


# how many tokens before its anchor a figure may start ("более чем на 40 %", "в І полугодии")
LOOKBACK = 3
# how many tokens after its anchor a figure may end ("12 млрд 400 млн долларов США")
LOOKAHEAD = 9
_NUMBER_SYMBOLS = set("$€£₸₽")
# words a figure can start with, before its anchor
_NUMBER_STARTS = APPROX_WORDS | {"от", "с", "в", "на", "до", "не"}
_DATE_STARTS = {
    "в", "во", "с", "со", "до", "на", "к", "за", "по", "через", "спустя", "от", "около", "после",
    "накануне", "i", "ii", "iii", "iv", "і", "іі", "ііі", "іv", "тот", "том", "того", "той", "тем", "то",
    "почти", "более", "менее", "свыше", "примерно", "несколько", "нескольких", "пару", "пара", "(",
}
_DATE_START_LEMMAS = set(RELATIVE) | set(MODIFIERS) | set(SEASONS) | set(WEEKDAYS) | set(MONTHS) | set(
    DURATION_UNITS) | {"настоящий", "сегодняшний", "следующий"} | {
    "первый", "второй", "третий", "четвертый", "четвёртый"} | {w for w, v in NUMBER_WORDS.items() if v}


def _is_number_anchor(token) -> bool:
    return token.type == NUM or token.value in _NUMBER_SYMBOLS


def _is_word_anchor(token) -> bool:
    return token.type == "RU" and token.value.lower().replace("ё", "е") in surface_forms()


def _can_start_words(token) -> bool:
    return _is_word_anchor(token) or token.value.lower() in _NUMBER_STARTS


def _is_date_anchor(token) -> bool:
    return token.type in (NUM, DOTDATE) or _DATE_WORDS[token.value]


def _can_start_number(token) -> bool:
    return _is_number_anchor(token) or token.value.lower() in _NUMBER_STARTS


def _can_start_date(token) -> bool:
    if token.type in (NUM, DOTDATE) or token.value.lower() in _DATE_STARTS:
        return True
    forms = getattr(token, "forms", None) or []
    return any(f.normalized in _DATE_START_LEMMAS for f in forms) or token.value.lower() in RELATIVE_DAYS


def _worth_parsing(group: str, tokens, i: int) -> bool:
    """Cheap look at the raw tokens after a number anchor: is there a unit or a date word?"""
    raw = tokens.raw_tokens()
    token = raw[i]
    if token.type != NUM and group != "words":
        return True
    if group == "date":
        value = token.value
        if len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100:
            return True
        return any(_DATE_WORDS[t.value] for t in raw[i + 1:i + 4])
    # a unit within five tokens; within the whole window when a range goes on ("от 30 тыс. до 50 тыс. руб.")
    ahead = [t.value.lower() for t in raw[i + 1:i + 6]]
    if group == "number" and _RANGE_ON.intersection(ahead[:4]):
        ahead = [t.value.lower() for t in raw[i + 1:i + 1 + LOOKAHEAD]]
    if group == "words":
        ahead = ahead[:3]               # "пять миллионов долларов", "двух процентов"
    stems = unit_stems()
    return any(stems.may_match(w) for w in ahead) or (i > 0 and raw[i - 1].value in _NUMBER_SYMBOLS)


_RANGE_ON = {"до", "-", "–", "—"}

RULES = {"number": (_is_number_anchor, _can_start_number), "words": (_is_word_anchor, _can_start_words),
         "date": (_is_date_anchor, _can_start_date)}


def extract_figures(text: str, sentences: Sequence[Sentence],
                    published: Optional[dt.date] = None) -> list[Span]:
    """Figures of ``sentences`` (best: text.segment.blocks, which never split "долл. США")."""
    found: list[Span] = []
    table = parsers()
    for sent in sentences:
        numeric = bool(_NUMERIC.search(sent.text))
        spelled = mentions_number_word(sent.text, unit_stems())
        if not (numeric or spelled or _DATE_WORD.search(sent.text.lower())):
            continue
        tokens = block_tokens(sent.text)
        first = len(found)
        for group, parser in table.items():
            if (group == "number" and not numeric) or (group == "words" and not spelled):
                continue
            is_anchor, can_start = RULES[group]
            candidates = [i for i, token in enumerate(tokens.raw_tokens()) if is_anchor(token)]
            if not candidates:
                continue

            def anchor(toks, i, group=group):
                if group == "words" and i and toks.raw(i - 1).type == NUM:
                    return False        # "5 тысяч": the digits' anchor reads it
                return _worth_parsing(group, toks, i)

            def accept(match, start, group=group):
                kind = "date" if group == "date" else kind_of_unit(match.label)
                span = _figure(text, sent, kind, match, published)
                if span is not None:
                    found.append(span)
                return True

            scan_anchors(parser, tokens, anchor, can_start, LOOKBACK, LOOKAHEAD, accept, candidates)
        if numeric:
            found += inferred_money(text, sent, found[first:])
            found += counted_quantities(text, sent, found[first:])
        links = link_spans(sent.text)
        if links:
            found[first:] = [f for f in found[first:]
                             if not inside_link(links, f.start - sent.start, f.end - sent.start)]
    return _resolve(found)


def _figure(text: str, sent: Sentence, kind: str, match, published) -> Optional[Span]:
    tokens = list(match.tokens)
    while len(tokens) > 1 and tokens[0].value in "()":   # "(1994)" -> "1994"
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].value in "()":
        tokens.pop()
    local_start, local_end = tokens[0].span.start, tokens[-1].span.stop
    start, end = sent.start + local_start, sent.start + local_end
    data: dict = {"kind": kind}
    if kind == "date":
        if _bare_year_before_noun(sent.text, tokens, local_end):
            return None
        value = read_date(tokens, published)
        if value.unit == "duration" and (_is_age(sent.text, local_start, tokens)
                                         or is_frequency(sent.text, local_start)):
            return None
        data.update(vars(value))       # a flat dataclass: its fields in order
    else:
        value = read_value(tokens)
        if value.value is None and value.approx is None:
            return None
        data.update(value=value.value, value_to=value.value_to, unit=match.label,
                    period=None)
        if value.approx:
            data["approx"] = value.approx
    data["subject"] = subject_of(sent.text, local_start, local_end, kind)
    return Span(start, end, kind, text[start:end], normal=_normal(data), source="grammar", data=data)


_AGE_CONTEXT = re.compile(
    r"(?:возраст\w*|старше|младше|моложе|ему|ей|им|исполнил\w*|исполнит\w*|исполняется|"
    r"было|будет|лет\s+от\s+роду)\s+(?:уже\s+|всего\s+|почти\s+|около\s+)?$",
    re.IGNORECASE)


def _is_age(sentence: str, start: int, tokens) -> bool:
    """``в возрасте 52 лет``, ``ему было 64 года``, ``в 13 лет``: an age, not a period."""
    if _AGE_CONTEXT.search(sentence[max(0, start - 30):start]):
        return True
    words = [t.value.lower() for t in tokens]
    if len(words) == 2 and re.search(r"(?:^|\s)(?:в|до|с)\s*$", sentence[:start], re.IGNORECASE):
        words = ["в"] + words
    return len(words) == 3 and words[0] in {"в", "до", "с"} and words[1].isdigit() and words[2] in {
        "лет", "года", "год"}


def _bare_year_before_noun(sentence: str, tokens, end: int) -> bool:
    """``в 2000 школах``: a bare 4-digit number followed by a word is a count, not a year."""
    if tokens[-1].type != NUM or len(tokens) > 2:
        return False
    rest = sentence[end:].lstrip()
    return bool(rest) and rest[0].isalpha()


def _normal(data: dict) -> str:
    """A compact canonical form: '178000000000 KZT', '2025-2027 year', '2025 year H1'."""
    def num(x):
        return str(int(x)) if x is not None and float(x).is_integer() else str(x)
    if data["kind"] == "date" and data.get("date"):
        return data["date"]
    if data["kind"] == "date" and data.get("duration"):
        return data["duration"]
    parts = []
    if data.get("value") is not None:
        value = num(data["value"])
        if data.get("value_to") is not None:
            value += "-" + num(data["value_to"])
        parts.append(value)
    parts += [p for p in (data.get("unit"), data.get("period")) if p]
    return " ".join(parts)


def _resolve(spans: list[Span]) -> list[Span]:
    """Drop spans overlapping a longer (or higher-priority) one."""
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), KIND_PRIORITY[s.type], s.start))
    kept: list[Span] = []
    for span in ranked:
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
