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

import re
from functools import lru_cache
from typing import Optional, Sequence

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
from ..tag.morph import parse
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
    """A noun, adjective or participle that can be genitive, and is not a personal name
    (unless it is a post head of the lexicon)."""

    POS = {"NOUN", "ADJF", "PRTF", "NUMR"}
    NAMES = {"Name", "Surn", "Patr"}

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        if forms and forms[0].grams.values & {"PREP", "CONJ", "PRCL", "NPRO", "INFN", "VERB"}:
            return False
        single = lexicon()[0]
        # "заместитель акима": pymorphy also reads "акима" as the name Аким; a post head is no name
        return any("gent" in f.grams.values and f.grams.values & self.POS
                   and (not f.grams.values & self.NAMES or f.normalized in single) for f in forms)


GENITIVE = genitive_word()
ABBREVIATION = and_(token_type("RU"), is_upper())  # РК, АО, МВД: indeclinable
LATIN_NAME = token_type("LATIN")
QUOTED = rule(in_(set("«\"„“")), not_(in_(set("»\"“”"))).repeatable(max=8), in_(set("»\"“”")))


def _hyphenated_genitive():
    """"премьер-министра", "вице-министра": a hyphenated post in the genitive, inside a
    scope ("заместитель Премьер-Министра", "советник вице-министра")."""
    options = []
    for parts_list in lexicon()[1].values():
        for parts in parts_list:
            terms = []
            for part in parts[:-1]:
                terms += [caseless(part), DASH]
            terms.append(and_(normalized(parts[-1]), GENITIVE))
            options.append(rule(*terms))
    return or_(*options)


class compound_stem(Predicate):
    """The first half of a compound adjective the tokenizer splits at its hyphen:
    "жилищно-коммунального", "научно-исследовательского", "финансово-экономического"."""

    def __call__(self, token):
        value = getattr(token, "value", "")
        return token.type == "RU" and len(value) > 3 and value[-1] in "оеи" and value.islower()


class case_word(Predicate):
    """A noun (or, with ``adjective``, an adjective / participle) that can be in ``case``
    and is no personal name; a noun may not be a frame of the sentence ("по итогам")."""

    def __init__(self, case, adjective=False):
        self.case, self.adjective = case, adjective

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        if forms and forms[0].grams.values & {"PREP", "CONJ", "PRCL", "NPRO", "INFN", "VERB"}:
            return False
        pos = {"ADJF", "PRTF", "NUMR"} if self.adjective else {"NOUN"}
        ok = [f for f in forms if self.case in f.grams.values and f.grams.values & pos
              and not f.grams.values & genitive_word.NAMES]
        if self.adjective:
            return bool(ok)
        return bool(ok) and not any(f.normalized in _frames() for f in ok)


@lru_cache(maxsize=1)
def _frames() -> frozenset:
    return frozenset(word_list("prepositional_frames.txt"))


def _case_group(case):
    return rule(case_word(case, adjective=True).repeatable(max=3).optional(), case_word(case))


# "по делам спорта", "по контролю за исполнением бюджета", "по делам государственной службы
# и противодействию коррупции": the domain of a post or of the body it heads
_GENITIVE_TAIL = or_(rule(GENITIVE), rule(ABBREVIATION), rule(eq("и"), GENITIVE),
                    rule(compound_stem(), eq("-"), GENITIVE)).repeatable(max=4).optional()
DOMAIN = rule(
    eq("по"), _case_group("datv"), _GENITIVE_TAIL,
    rule(eq("и"), _case_group("datv"), _GENITIVE_TAIL).optional(),
    rule(eq("за"), _case_group("ablt"), _GENITIVE_TAIL).optional(),
)

# "жилищно-коммунального хозяйства": the two halves and the genitive they agree with
COMPOUND = rule(compound_stem(), eq("-"), GENITIVE)

SCOPE_WORD = or_(_hyphenated_genitive(), rule(GENITIVE), rule(ABBREVIATION), rule(LATIN_NAME), QUOTED,
                 rule(eq("и"), GENITIVE), DOMAIN, COMPOUND, rule(eq("и"), COMPOUND))
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
                      places: Sequence[Span] = (), names: Optional[Sequence[Span]] = None) -> list[Span]:
    """Position spans; a scope that stops inside a known place ("акима области Жетісу")
    runs to the place's end.  With ``names`` (organisation, region, location mentions),
    the posts nested in a post are mentions too (see :func:`nested_posts`)."""
    out = []
    for span in _positions(text, blocks, people):
        for place in places:
            if span.start < place.start < span.end < place.end or _scope_after(text, span, place):
                end = place.end
                normal = (span.normal or span.text) + text[span.end:end]
                span = Span(span.start, end, "position", text[span.start:end], normal=normal, source=span.source)
        out.append(span)
    out = [shared for span in out for shared in shared_head(text, span)]
    if names is not None:
        out += nested_posts(text, out, names)
    return out


_LIST_ITEM = re.compile(r"(\s*,\s*|\s+и\s+)([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)")
_NOUN_AFTER = re.compile(r"\s+([а-яё]+)")
_INNER_LIST = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)(?=(?:\s*,\s*|\s+и\s+)[А-ЯЁ])")
_FIRST_ITEM = re.compile(r"\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)")


def shared_head(text: str, span: Span) -> list[Span]:
    """A post noun shared by a list: "акимами Костанайской, Атырауской и Жамбылской областей"
    is three posts.  Each mention runs from the shared head to its own scope words, the
    last one to the shared noun ("акимами Костанайской, Атырауской"), so that
    ``text[start:end] == mention.text`` holds; its ``normal`` is the whole post of one
    list member, in the singular: "аким Атырауской области"."""
    inner = _INNER_LIST.search(span.text)
    last = inner or re.search(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)$", span.text)
    items, pos = [], span.end
    if last and _is_adjective(last.group(1)):
        items.append((span.start + last.start(1), span.start + last.end(1)))   # "руководители Сарыагашского и ..."
        pos = items[0][1]
    elif (first := _FIRST_ITEM.match(text, pos)) and _is_adjective(first.group(1)):
        items.append(first.span(1))           # "акимов Северо-Казахстанской и ...": the list after the head
        pos = first.end()
    if not items:
        return [span]
    while (match := _LIST_ITEM.match(text, pos)) and _is_adjective(match.group(2)):
        items.append((match.start(2), match.end(2)))
        pos = match.end()
        if match.group(1).strip() == "и":
            break
    noun_match = _NOUN_AFTER.match(text, pos)
    if len(items) < 2 or not noun_match:
        return [span]
    noun = _plural_noun(noun_match.group(1))
    if noun is None:
        return [span]
    head = _singular_head(span.normal or span.text, len(text[span.start:items[0][0]].split()))
    out = []
    for k, (start, end) in enumerate(items):
        stop = noun_match.end() if k == len(items) - 1 else end
        adjective = text[start:end]
        normal = f"{head} {adjective} {noun}".strip()
        out.append(Span(span.start, stop, "position", text[span.start:stop], normal=normal,
                        source=span.source, data={"shared_head": True}))
    return out


def _is_adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in parse(word.lower())[:2])


def _plural_noun(word: str):
    """'областей' -> 'области': the shared noun, in the singular of its case (genitive)."""
    for p in parse(word):
        if p.tag.POS == "NOUN" and p.tag.number == "plur":
            form = p.inflect({"sing", p.tag.case})
            return form.word if form else None
    return None


def _singular_head(normal: str, count: int) -> str:
    """'акимы Костанайской', 1 -> 'аким': the first ``count`` words of the post, in the singular."""
    words = normal.split()[:count]
    out = []
    for word in words:
        p = parse(word.lower())
        form = p[0].inflect({"sing"}) if p and p[0].tag.number == "plur" else None
        word_out = form.word if form else word
        out.append(word_out[:1].upper() + word_out[1:] if word[:1].isupper() else word_out)
    return " ".join(out)


def nested_posts(text: str, posts: Sequence[Span], names: Sequence[Span]) -> list[Span]:
    """The post inside a post, as a mention of its own (NEREL's nesting):

    * the post without the organisation or country it is held in: "министр энергетики
      РФ" -> "министр энергетики", "гендиректор ОАО «X»" -> "гендиректор";
    * the post a compound post is built on: "первый заместитель руководителя
      Администрации Президента" -> "руководителя Администрации Президента" (and that one's
      own posts: "Президента").
    Each nested mention quotes the source (``text[start:end] == mention.text``).
    """
    out: list[Span] = []
    seen = {(p.start, p.end) for p in posts}

    def add(start: int, end: int, source: Span) -> None:
        while end > start and text[end - 1] in " \t,«\"(":
            end -= 1
        if end <= start or (start, end) in seen:
            return
        seen.add((start, end))
        surface = text[start:end]
        out.append(Span(start, end, "position", surface, normal=_nested_normal(surface), source="grammar",
                        data={"nested_in": [source.start, source.end]}))

    for post in posts:
        for head_start in _inner_heads(text, post):
            add(head_start, post.end, post)
            _cut_at_name(text, Span(head_start, post.end, "position", text[head_start:post.end]), names,
                         add, post)
        _cut_at_name(text, post, names, add, post)
    return out


def _cut_at_name(text: str, post: Span, names: Sequence[Span], add, source: Span) -> None:
    first = min((n.start for n in names if n.type == "region" and post.start < n.start < post.end
                 and n.end <= post.end + 1),
                default=None)
    if first is not None:
        add(post.start, first, source)


_POST_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def _inner_heads(text: str, post: Span) -> list[int]:
    """Starts of post heads inside the scope of ``post`` (not its own head)."""
    single, hyphenated = lexicon()
    heads = []
    own_head_seen = False
    for match in _POST_WORD.finditer(post.text):
        word = match.group().lower()
        parses = parse(word)
        is_head = bool(parses) and parses[0].tag.POS == "NOUN" and (
            parses[0].normal_form in single or word.split("-")[0] in hyphenated)
        if is_head:
            if own_head_seen:
                heads.append(post.start + match.start())
            own_head_seen = True
    return heads


def _nested_normal(surface: str) -> str:
    try:
        return phrase(surface)
    except Exception:  # noqa: BLE001 - a normal form is a courtesy, the span stands
        return surface


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
    # "дал акиму поручения по ...": an instruction noun opens no scope (no post is "аким
    # поручения"); the post ends before it
    for k, token in enumerate(tokens[1:], 1):
        if any(f.normalized in _instruction_nouns() for f in (getattr(token, "forms", None) or [])[:1]):
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


def _second_post(tokens, head_end: int):
    """Index of a second post head joined by "и" in the same case as the first head
    ("председателя совета директоров и президента компании"), or None: "и" then a genitive
    that is no post ("министра энергетики и минеральных ресурсов") is the scope going on."""
    head_cases = {str(f.raw.tag.case) for f in getattr(tokens[head_end], "forms", None) or []
                  if f.raw is not None and f.raw.tag.case}
    for k in range(head_end + 2, len(tokens) - 1):
        if tokens[k].value != "и" or not _is_head_noun(tokens[k + 1]):
            continue
        cases = {str(f.raw.tag.case) for f in getattr(tokens[k + 1], "forms", None) or []
                 if f.raw is not None and f.raw.tag.case and f.normalized in lexicon()[0]}
        if head_cases & cases and "nomn" not in head_cases:
            return k + 1
    return None


@lru_cache(maxsize=1)
def _instruction_nouns() -> frozenset:
    from ..events.triggers import INSTRUCTION, NOUNS

    return frozenset(n for n, kind in NOUNS.items() if kind == INSTRUCTION)


def normal_position(tokens, surface: str) -> str:
    """Head group in the nominative, scope as written: 'акима области' -> 'аким области'."""
    single, hyphenated = lexicon()
    head_end = 0
    for k, token in enumerate(tokens):
        if any(f.normalized in single for f in getattr(token, "forms", None) or []):
            head_end = k
            break
    # a hyphenated head read by its first part: "Премьер-министром" is one word, declined whole
    while (head_end + 2 < len(tokens) and tokens[head_end + 1].value in "-‐‑"
           and tokens[head_end].span.stop == tokens[head_end + 1].span.start
           and tokens[head_end + 1].span.stop == tokens[head_end + 2].span.start):
        head_end += 2
    second = _second_post(tokens, head_end)
    if second is not None:  # "председателя совета директоров и президента компании": two posts
        cut = tokens[second].span.start - tokens[0].span.start
        first = normal_position(tokens[:second - 1], surface[:tokens[second - 2].span.stop - tokens[0].span.start])
        return first + " и " + normal_position(tokens[second:], surface[cut:])
    head_text = surface[: tokens[head_end].span.stop - tokens[0].span.start]
    rest = surface[len(head_text):]
    head_normal = phrase(head_text)
    if head_text[:1].isupper() and not head_normal[:1].isupper():
        head_normal = head_normal[:1].upper() + head_normal[1:]
    return head_normal + rest
