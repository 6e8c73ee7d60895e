"""Facilities: built objects and projects (yargy grammar over data/facilities.tsv).

``насосно-фильтровальной станции (НФС-3)``, ``газовых тепловых станций``,
``завод по производству ветряных электростанций``, ``взлетно-посадочной полосы
аэропорта Ушарал``, ``индустриального парка "Казахстанско-китайский
международный промышленный город"``, ``автодороги Алматы – Усть-Каменогорск –
Лепсы – Актогай``.

A facility is [adjectives] HEAD [purpose | genitive scope | name | route].
``normal`` puts the adjectives and head in the nominative and keeps the rest as
written; ``data["kind"]`` comes from the head table.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, dictionary, eq, in_, is_capitalized, is_upper
from yargy.predicates import type as token_type
from yargy.predicates.constructors import Predicate

from ..data import word_list
from ..parsing.anchored import AnchoredParser, scan_anchors
from ..parsing.prefixes import FormIndex
from ..parsing.tokenizer import block_tokens, tokenizer
from ..spans import Span
from ..text.segment import Sentence
from .inflect import phrase
from .positions import GENITIVE

Facility = fact("Facility", ["head"])
DASH = in_(set("-–—‐‑"))


@lru_cache(maxsize=1)
def head_table() -> dict[str, tuple[str, bool]]:
    """head lemma -> (kind, strong)"""
    out = {}
    for line in word_list("facilities.tsv"):
        lemma, kind, strength = line.split("\t")
        out[lemma] = (kind, strength == "strong")
    return out


class adjective(Predicate):
    """An adjective or participle (full form), a likely reading of the word."""

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        return bool(forms) and bool(forms[0].grams.values & {"ADJF", "PRTF"})


class head(Predicate):
    def __call__(self, token):
        return bool(_head_lemma(token))


def _head_lemma(token):
    forms = getattr(token, "forms", None) or []
    table = head_table()
    if token.value.lower() in table:  # ТЭЦ, ГРЭС: abbreviations as written
        return token.value.lower()
    top = forms[0].raw.score if forms and forms[0].raw is not None else 1.0
    for f in forms:
        if f.normalized in table and "NOUN" in f.grams.values and (f.raw is None or f.raw.score >= 0.4 * top):
            return f.normalized
    return None


RU_WORD = token_type("RU")
ADJ = or_(rule(adjective()), rule(RU_WORD, DASH, adjective()))          # "насосно-фильтровальной"
ADJS = rule(ADJ, rule(in_({",", "и"}), ADJ).optional()).repeatable(max=3)
QUOTED = rule(in_(set("«\"„“")), not_(in_(set("»\"“”"))).repeatable(max=10), in_(set("»\"“”")))
PAREN_NAME = rule(eq("("), not_(eq(")")).repeatable(max=4), eq(")"))
CAP_WORD = or_(rule(and_(RU_WORD, is_capitalized()), rule(DASH, and_(RU_WORD, is_capitalized())).optional()),
               rule(and_(token_type("LATIN"), is_capitalized())))
NAME = or_(QUOTED, PAREN_NAME, rule(and_(RU_WORD, is_upper()), rule(DASH, token_type("NUM")).optional()))
ROUTE_ITEM = or_(CAP_WORD, rule(RU_WORD, RU_WORD.optional(), CAP_WORD))
ROUTE = rule(ROUTE_ITEM, rule(DASH, ROUTE_ITEM).repeatable(max=5))
PURPOSE = rule(caseless("по"), dictionary({"производство", "выпуск", "переработка", "хранение",
                                           "утилизация", "сборка", "обработка", "обогащение"}),
               GENITIVE.repeatable(max=4))
SCOPE = rule(GENITIVE.repeatable(max=2), CAP_WORD.optional())
TAIL = or_(rule(PURPOSE), rule(ROUTE), rule(NAME), rule(SCOPE, NAME.optional()))
NUMBERED = rule(DASH, token_type("NUM"))     # "ГРЭС-3", "ТЭЦ-2"
GRAMMAR = rule(ADJS.optional(), head().interpretation(Facility.head), NUMBERED.optional(),
               TAIL.optional()).interpretation(Facility)


@lru_cache(maxsize=1)
def parser() -> AnchoredParser:
    return AnchoredParser(GRAMMAR, tokenizer=tokenizer())


@lru_cache(maxsize=1)
def _stems() -> FormIndex:
    return FormIndex(head_table())


LOOKBACK = 6
LOOKAHEAD = 14


def extract_facilities(text: str, blocks: Sequence[Sentence], taken: Sequence[Span] = ()) -> list[Span]:
    """Facility spans; ``taken`` (people) never end up inside one."""
    stems = _stems()
    telling = _telling()
    out: list[Span] = []

    def anchor(tokens, i) -> bool:
        raw = tokens.raw(i)
        return raw.type == "RU" and stems.may_match(raw.value) and bool(_head_lemma(tokens[i]))

    for block in blocks:
        if not stems.any_in(block.text):
            continue
        tokens = block_tokens(block.text)

        def accept(match, start, block=block) -> bool:
            head = next((lemma for t in match.tokens if (lemma := _head_lemma(t))), None)
            span = _span(text, block, match.tokens, head, telling) if head else None
            if span is None or any(span.overlaps(t) for t in taken) or _quoted(text, span):
                return False
            out.append(span)
            return True

        scan_anchors(parser(), tokens, anchor, _can_start, LOOKBACK, LOOKAHEAD, accept)
    return out


def _quoted(text: str, span: Span) -> bool:
    """«Комфортная школа»: a project's name in quotes, not a facility."""
    before = text[max(0, span.start - 1):span.start]
    after = text[span.end:span.end + 1]
    return before in {"«", '"', "„"} and after in {"»", '"', "“"}


def _can_start(token) -> bool:
    """Any Russian word: an adjective, a head, or the first half of "насосно-фильтровальной"."""
    return token.type == "RU"


# words of building and running facilities: an unnamed facility counts in their sentence
_BUILDING = re.compile(
    r"строител|строит|построй|построен|возвед|реконструк|ремонт|модерниз|ввод|введен|введён|"
    r"запуск|запущ|открыт|проект|завершен|заверш|планир|капремонт|расширен|оснащ|газифик|"
    r"инфраструктур|реализ|сдан|сдач|эксплуатац|доложено|жизнеобеспеч",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _telling() -> frozenset:
    """Adjectives that make a weak head a facility (data/facility_adjectives.txt)."""
    return frozenset(word_list("facility_adjectives.txt"))


def _span(text: str, block: Sentence, tokens, lemma: str, telling: frozenset) -> Span | None:
    tokens = list(tokens)
    kind, strong = head_table()[lemma]
    head_index = next(k for k, t in enumerate(tokens) if _head_lemma(t) == lemma)
    head_part, tail = tokens[: head_index + 1], tokens[head_index + 1:]
    if not strong:
        adjectives = {f.normalized for t in head_part[:-1] for f in (getattr(t, "forms", None) or [])[:1]}
        named = any(t.value[:1].isupper() or t.value in "«\"(" for t in tail)
        plural = any("plur" in f.grams.values for f in (getattr(head_part[-1], "forms", None) or [])[:1])
        if not (adjectives & telling or named) or (plural and not named):
            return None  # "развитии жилых массивов": a kind of thing, not a facility
    named = any(t.value[:1].isupper() or t.value in "«\"(" for t in tail) or (
        len(tail) > 1 and tail[0].value.lower() == "по")
    if not named and not _BUILDING.search(block.text):
        return None  # "в больнице", "окончил среднюю школу": a place in a story, not a project
    start, end = block.start + tokens[0].span.start, block.start + tokens[-1].span.stop
    head_end = block.start + head_part[-1].span.stop
    if len(tail) >= 2 and tail[0].value in "-–" and tail[1].type == "NUM":
        tail = tail[2:]
    surface = text[start:end]
    normal = phrase(text[start:head_end]) + text[head_end:end]
    return Span(start, end, "facility", surface, normal=normal, source="grammar", data={"kind": kind})
