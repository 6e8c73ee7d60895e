"""Positions: an official's post with its scope (yargy grammar over data/positions.txt).

``аким Карагандинской области``, ``министр энергетики``, ``премьер-министр``,
``председатель правления АО «Самрук-Казына»``, ``Глава государства``,
``первый вице-министр``, ``исполняющий обязанности акима``.

A position is [modifiers] HEAD [genitive scope]; the scope never swallows a
person's name (it stops where a person mention starts).  ``normal`` is the
head group in the nominative followed by the scope as written:
``акима Карагандинской области`` -> "аким Карагандинской области".
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, dictionary, eq, in_, is_upper, normalized
from yargy.predicates.constructors import Predicate
from yargy.predicates import type as token_type

from ..data import word_list
from ..parsing.anchored import scan_anchors
from ..parsing.automaton import TokenAutomaton
from ..parsing.prefixes import FormIndex
from ..parsing.tokenizer import block_tokens, tokenizer
from ..spans import Span
from ..text.segment import Sentence
from .inflect import phrase

Position = fact("Position", ["head"])
DASH = in_(set("-–‐‑"))


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset, dict[str, list[list[str]]]]:
    """Single-word head lemmas, and hyphenated heads by their first part."""
    single, hyphenated = set(), {}
    for lemma in word_list("positions.txt"):
        if "-" in lemma:
            parts = lemma.split("-")
            hyphenated.setdefault(parts[0], []).append(parts)
        else:
            single.add(lemma)
    return frozenset(single), hyphenated


class head_noun(Predicate):
    """A likely reading of the token is a position noun of the lexicon (not "политику"
    read as "политик", not the adjective "военной")."""

    def __call__(self, token):
        return _is_head_noun(token)


def _is_head_noun(token) -> bool:
    forms = getattr(token, "forms", None) or []
    if not forms:
        return False
    single, _ = lexicon()
    top = forms[0].raw.score if forms[0].raw is not None else 1.0
    return any(f.normalized in single and "NOUN" in f.grams.values
               and (f.raw is None or f.raw.score >= 0.5 * top) for f in forms)


def _head():
    single, hyphenated = lexicon()
    options = [rule(head_noun())]
    for parts_list in hyphenated.values():
        for parts in parts_list:
            terms = []
            for part in parts[:-1]:
                terms += [caseless(part), DASH]
            terms.append(normalized(parts[-1]))
            options.append(rule(*terms))
    return or_(*options)


MODIFIER = dictionary({
    "главный", "генеральный", "первый", "исполнительный", "старший", "бывший", "новый",
    "действующий", "временный", "верховный", "государственный", "ответственный", "постоянный",
    "чрезвычайный", "полномочный", "специальный", "официальный", "независимый", "федеральный",
    "региональный", "областной", "городской", "районный", "министерский",
})
ACTING = rule(normalized("исполняющий"), normalized("обязанность"))
class genitive_word(Predicate):
    """A noun, adjective or participle that can be genitive, and is not a personal name."""

    POS = {"NOUN", "ADJF", "PRTF", "NUMR"}
    NAMES = {"Name", "Surn", "Patr"}

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        if forms and forms[0].grams.values & {"PREP", "CONJ", "PRCL", "NPRO", "INFN", "VERB"}:
            return False
        return any("gent" in f.grams.values and f.grams.values & self.POS
                   and not f.grams.values & self.NAMES for f in forms)


GENITIVE = genitive_word()
ABBREVIATION = and_(token_type("RU"), is_upper())  # РК, АО, МВД: indeclinable
LATIN_NAME = token_type("LATIN")
QUOTED = rule(in_(set("«\"„“")), not_(in_(set("»\"“”"))).repeatable(max=8), in_(set("»\"“”")))
SCOPE_WORD = or_(rule(GENITIVE), rule(ABBREVIATION), rule(LATIN_NAME), QUOTED,
                 rule(eq("и"), GENITIVE))
SCOPE = SCOPE_WORD.repeatable(max=7)


def grammar():
    """[исполняющий обязанности | modifiers] [экс-] HEAD [scope]"""
    return rule(
        or_(rule(ACTING), rule(MODIFIER.repeatable(max=2))).optional(),
        rule(caseless("экс"), DASH).optional(),
        _head().interpretation(Position.head),
        SCOPE.optional(),
    ).interpretation(Position)


@lru_cache(maxsize=1)
def parser() -> TokenAutomaton:
    return TokenAutomaton(grammar(), tokenizer())


@lru_cache(maxsize=1)
def _anchor_stems() -> FormIndex:
    single, hyphenated = lexicon()
    joined = ["-".join(parts) for parts_list in hyphenated.values() for parts in parts_list]
    return FormIndex([*single, *joined], literal=[*hyphenated, "экс"])


LOOKBACK = 2
LOOKAHEAD = 10


def extract_positions(text: str, blocks: Sequence[Sentence], people: Sequence[Span],
                      places: Sequence[Span] = ()) -> list[Span]:
    """Position spans; a scope that stops inside a known place ("акима области Жетісу")
    runs to the place's end."""
    out = []
    for span in _positions(text, blocks, people):
        for place in places:
            if span.start < place.start < span.end < place.end or _scope_after(text, span, place):
                end = place.end
                normal = (span.normal or span.text) + text[span.end:end]
                span = Span(span.start, end, "position", text[span.start:end], normal=normal, source=span.source)
        out.append(span)
    return out


def _scope_after(text: str, span: Span, place: Span) -> bool:
    """A genitive place right after a bare head the grammar could not read on
    ("акима | Восточно-Казахстанской области": the tokenizer splits the hyphenated adjective)."""
    if not (0 < place.start - span.end <= 2 and text[span.end:place.start].isspace()):
        return False
    if " " in (span.text or "").strip() or place.type != "region":
        return False
    from ..tag.morph import parse

    last = place.text.split()[-1].split("-")[-1].lower()
    return any("gent" in p.tag for p in parse(last))


def _positions(text: str, blocks: Sequence[Sentence], people: Sequence[Span]) -> list[Span]:
    stems = _anchor_stems()
    single, hyphenated = lexicon()
    out: list[Span] = []

    def anchor(tokens, i) -> bool:
        raw = tokens.raw(i)
        word = raw.value.lower()
        if raw.type != "RU" or not stems.may_match(word) or not _is_head(tokens[i], single, hyphenated):
            return False
        return not (word == "главе" and i and tokens.raw(i - 1).value.lower() == "во")  # "во главе с"

    for block in blocks:
        if not stems.any_in(block.text):
            continue

        def accept(match, start, block=block) -> bool:
            span = _span(text, block, match.tokens, people)
            if span is not None:
                out.append(span)
            return True

        scan_anchors(parser(), block_tokens(block.text), anchor, _can_start, LOOKBACK, LOOKAHEAD, accept)
    return out


def _is_head(token, single, hyphenated) -> bool:
    return token.value.lower() in hyphenated or token.value.lower() == "экс" or _is_head_noun(token)


def _can_start(token) -> bool:
    single, hyphenated = lexicon()
    return token.type == "RU" and (_may_start(token) or token.value.lower() in hyphenated
                                   or _is_head_noun(token))


_STARTS = {"исполняющий", "экс", "и", "о"}


def _may_start(token) -> bool:
    """Only a modifier ("первый", "главный"), "исполняющий" or "экс" comes before the head."""
    if token.value.lower() in _STARTS:
        return True
    forms = getattr(token, "forms", None) or []
    return any(f.grams.values & {"ADJF", "PRTF"} for f in forms[:2])


def _span(text: str, block: Sentence, tokens, people: Sequence[Span]):
    tokens = list(tokens)
    # the scope stops where a person's name starts
    for k, token in enumerate(tokens[1:], 1):
        start = block.start + token.span.start
        if any(p.start <= start < p.end for p in people):
            tokens = tokens[:k]
            break
    while len(tokens) > 1 and tokens[-1].value in {"и", "«", "\"", "„"} and not (
            tokens[-1].value == "\"" and sum(t.value == "\"" for t in tokens) % 2 == 0):
        tokens.pop()  # a dangling opening quote, not the one closing "Самрук-Қазына"
    start, end = block.start + tokens[0].span.start, block.start + tokens[-1].span.stop
    if any(p.start <= start < p.end for p in people):
        return None
    surface = text[start:end]
    return Span(start, end, "position", surface, normal=normal_position(tokens, surface), source="grammar")


def normal_position(tokens, surface: str) -> str:
    """Head group in the nominative, scope as written: 'акима области' -> 'аким области'."""
    single, hyphenated = lexicon()
    head_end = 0
    for k, token in enumerate(tokens):
        if any(f.normalized in single for f in getattr(token, "forms", None) or []):
            head_end = k
            break
    head_text = surface[: tokens[head_end].span.stop - tokens[0].span.start]
    rest = surface[len(head_text):]
    head_normal = phrase(head_text)
    if head_text[:1].isupper() and not head_normal[:1].isupper():
        head_normal = head_normal[:1].upper() + head_normal[1:]
    return head_normal + rest
