"""Facilities: built objects and projects (yargy grammar over data/facilities.tsv).

``насосно-фильтровальной станции (НФС-3)``, ``газовых тепловых станций``,
``завод по производству ветряных электростанций``, ``взлетно-посадочной полосы
аэропорта Ушарал``, ``индустриального парка "Казахстанско-китайский
международный промышленный город"``, ``автодороги Алматы – Усть-Каменогорск –
Лепсы – Актогай``.

A facility is [ordinal] [adjectives] HEAD [eponym | dedication | purpose | genitive scope |
name | route].  ``normal`` puts the adjectives and head in the nominative and keeps the rest
as written; ``data["kind"]`` comes from the head table.

Measured on NEREL train (overlap F1 0.575 -> 0.686), checked on dev (0.689 -> 0.743):
a place after the head says where, not which ("больнице Киото", "тюрьме города Цинциннати"),
except for an airport; a plural head needs a real name or a building sentence; an
institution's head (plant, school, СИЗО, theatre) gives way to the organisation NER found;
an NER organisation or place headed by a structure noun ("Исаакиевский собор") is a
facility, and one that is the complement of a post ("советника Белого дома") is the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, dictionary, eq, in_, in_caseless, is_capitalized, is_upper, length_eq
from yargy.predicates import type as token_type
from yargy.predicates.constructors import Predicate

from ..data import word_list
from ..parsing.anchored import scan_anchors
from ..parsing.automaton import TokenAutomaton
from ..parsing.prefixes import FormIndex
from ..parsing.tokenizer import block_tokens, tokenizer
from ..spans import Span
from ..tag.morph import parse
from ..text.segment import Sentence
from .inflect import phrase
from .positions import GENITIVE
from .regions import adjective_places

Facility = fact("Facility", ["head"])
ABBREVIATIONS = {"ул", "просп", "пер", "пл", "наб", "мкр"}
DASH = in_(set("-–—‐‑"))


@dataclass(frozen=True)
class Head:
    kind: str          # station, plant, school, church...
    strength: str      # strong | weak | adjective (see data/facilities.tsv)
    institution: bool  # also names an organisation ("театр", "церковь")


@lru_cache(maxsize=1)
def head_table() -> dict[str, Head]:
    """head lemma -> Head"""
    out = {}
    for line in word_list("facilities.tsv"):
        lemma, kind, flags = line.split("\t")
        words = flags.split()
        out[lemma] = Head(kind, words[0], "institution" in words[1:])
    return out


class adjective(Predicate):
    """An adjective or participle (full form), a likely reading of the word."""

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        return bool(forms) and bool(forms[0].grams.values & {"ADJF", "PRTF"})


class capital(Predicate):
    """Starts with a capital letter: "Кеннеди", "MGM", "L" of "L’Avenue"."""

    def __call__(self, token):
        return token.value[:1].isupper()


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


class dative(Predicate):
    """A noun, adjective or participle in the dative: "памятник героям", "вождю"."""

    def __call__(self, token):
        forms = getattr(token, "forms", None) or []
        return any("datv" in f.grams.values and f.grams.values & {"NOUN", "ADJF", "PRTF"} for f in forms[:2])


RU_WORD = token_type("RU")
ADJ = or_(rule(adjective()), rule(RU_WORD, DASH, adjective()))          # "насосно-фильтровальной"
ADJS = rule(ADJ, rule(in_({",", "и"}), ADJ).optional()).repeatable(max=3)
OPEN, CLOSE = in_(set("«\"„“'")), in_(set("»\"“”'"))
QUOTED = rule(OPEN, OPEN.optional(), not_(CLOSE).repeatable(max=10), CLOSE, CLOSE.optional())  # ''Sofitel''
ABBREVIATED = rule(in_caseless(ABBREVIATIONS), eq("."))         # "ул. Аккуратова"
PAREN_NAME = rule(eq("("), not_(eq(")")).repeatable(max=4), eq(")"))
CAP_WORD = or_(rule(and_(RU_WORD, is_capitalized()), rule(DASH, and_(RU_WORD, is_capitalized())).optional()),
               rule(and_(token_type("LATIN"), capital())))
LATIN_NAME = rule(and_(token_type("LATIN"), capital()),
                  or_(token_type("LATIN"), token_type("NUM"), in_(set("’'&"))).repeatable(max=4).optional())
NAME = or_(QUOTED, PAREN_NAME, LATIN_NAME,     # «Звезда», (НФС-3), MGM National Harbor
           rule(and_(RU_WORD, is_upper()), rule(DASH, token_type("NUM")).optional()),
           rule(token_type("LAWNUM")),       # больница № 2
           rule(token_type("NUM"), rule(eq("/"), token_type("NUM")).optional()))  # "дом 37", "дома 19/38"
ROUTE_ITEM = or_(CAP_WORD, rule(RU_WORD, RU_WORD.optional(), CAP_WORD))
ROUTE = rule(ROUTE_ITEM, rule(DASH, ROUTE_ITEM).repeatable(max=5))
PURPOSE = rule(caseless("по"), dictionary({"производство", "выпуск", "переработка", "хранение",
                                           "утилизация", "сборка", "обработка", "обогащение"}),
               GENITIVE.repeatable(max=4))
SCOPE = rule(GENITIVE.repeatable(max=2), CAP_WORD.optional())
INITIAL = rule(and_(RU_WORD, is_upper(), length_eq(1)), eq("."))  # "М." of "им. М. Н. Ермоловой"
EPONYM = rule(or_(rule(caseless("имени")), rule(caseless("им"), eq("."))),
              or_(INITIAL, CAP_WORD).repeatable(max=5))             # "стадиона имени Эдуарда Стрельцова"
DEDICATION = or_(rule(dative().repeatable(max=6)),                 # "памятник вождю Владимиру Ленину"
                 rule(caseless("в"), caseless("честь"), or_(rule(GENITIVE), CAP_WORD).repeatable(max=7)))
TAIL = or_(rule(EPONYM), rule(DEDICATION), rule(PURPOSE), rule(ROUTE), rule(NAME), rule(SCOPE, NAME.optional()),
           rule(CAP_WORD, QUOTED),          # "стадионе Рио «Маракана»"
           CAP_WORD.repeatable(max=3))      # "улице Михаила Грушевского", "аэропорту Мехрабад"
NUMBERED = rule(DASH, token_type("NUM"))     # "ГРЭС-3", "ТЭЦ-2"
HEAD = or_(ABBREVIATED, rule(head()), rule(RU_WORD, DASH, head()))   # "штаб-квартире"
ORDINAL = rule(token_type("NUM"), DASH, in_caseless({"й", "я", "ой", "ая", "ый", "ий", "го", "ого", "му", "ому",
                                                     "ей", "ю", "ую", "м", "ом"}))   # "25-ой школы"
GRAMMAR = rule(ORDINAL.optional(), ADJS.optional(), HEAD.interpretation(Facility.head), NUMBERED.optional(),
               TAIL.optional()).interpretation(Facility)


@lru_cache(maxsize=1)
def parser() -> TokenAutomaton:
    return TokenAutomaton(GRAMMAR, tokenizer())


@lru_cache(maxsize=1)
def _stems() -> FormIndex:
    return FormIndex(head_table())


LOOKBACK = 6
LOOKAHEAD = 14


def extract_facilities(text: str, blocks: Sequence[Sentence], known: Sequence[Span] = ()) -> list[Span]:
    """Facility spans.  ``known`` are the mentions found so far: a person never ends up
    inside a facility, a place after the head does not name it ("больнице Киото"), and
    an institution's head ("театр", "церковь") gives way to an overlapping organisation
    unless the sentence is about building it."""
    stems = _stems()
    telling = _telling()
    people = [s for s in known if s.type == "person"]
    places = [s for s in known if s.type in {"region", "location"} and (
        s.source == "gazetteer" or _where(s.text))]
    all_places = [s for s in known if s.type in {"region", "location"}]
    organizations = [s for s in known if s.type == "organization"]
    named = [s for s in known if s.type == "facility" or _structure(s, text).type == "facility"]
    out: list[Span] = []

    def anchor(tokens, i) -> bool:
        raw = tokens.raw(i)
        return raw.type == "RU" and stems.may_match(raw.value) and bool(_head_lemma(tokens[i]))

    for block in blocks:
        if not stems.any_in(block.text):
            continue
        tokens = block_tokens(block.text)

        def accept(match, start, block=block) -> bool:
            lemma = next((lemma for t in match.tokens if (lemma := _head_lemma(t))), None)
            span = _span(text, block, match.tokens, lemma, telling, places, all_places) if lemma else None
            if span is None or (_quoted(text, span) and not _proper(span.text)) or any(
                    span.overlaps(p) and not _named_after(span, p) for p in people):
                return False
            if _after_post(text, span.start):
                return False  # "директора музея", "сотрудники СИЗО": the body that runs it
            if any(span.start <= f.start and f.end <= span.end for f in named):
                return False  # "стадионе «Лужники»": NER found the facility by its name
            if head_table()[lemma].institution and any(span.overlaps(o) for o in organizations) \
                    and not _BUILDING.search(block.text):
                return False  # "Мариинского театра", "Русской православной церкви"
            out.append(span)
            out.extend(_listed(text, span, block.end, lemma))
            return True

        scan_anchors(parser(), tokens, anchor, _can_start, LOOKBACK, LOOKAHEAD, accept)
    out += [c for c in compound_facilities(text, blocks) if not any(c.overlaps(f) for f in out)]
    return _transcribed(text, out, named)


_LATIN_AFTER = re.compile(r"\s*\((?:англ\.\s*|фр\.\s*|нем\.\s*)?([A-Za-z][A-Za-z0-9’'&.\- ]{1,60}?)\)")


def _transcribed(text: str, facilities: list[Span], named: Sequence[Span]) -> list[Span]:
    """'Кларенс авеню (Clarence Avenue)', 'галереи «Кюнстхал» (Kunsthal)': the name in Latin
    letters in brackets after a facility is the same facility in its own script, a mention
    of its own (cut off the grammar span when the brackets ended up inside it)."""
    out = []
    for f in facilities:
        inner = re.search(r"\s*\(([A-Z][A-Za-z0-9’'&.\- ]{1,60})\)$", f.text)
        if inner and f.source == "grammar" and inner.start() > 0:
            cut = f.start + inner.start()
            f = replace(f, end=cut, text=text[f.start:cut],
                        normal=(f.normal or "")[: len(f.normal or "") - (f.end - cut)] or None)
        out.append(f)
    for f in out + [n for n in named if n.type == "facility"]:
        match = _LATIN_AFTER.match(text, f.end)
        if match and not any(o.start <= match.start(1) < o.end for o in out):
            name = match.group(1)
            out.append(Span(match.start(1), match.end(1), "facility", name, normal=name, source="grammar",
                            data={"kind": f.data.get("kind", "building")}))
    return out


@lru_cache(maxsize=1)
def _compounds() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """data/facility_compounds.tsv as one pattern over the stems ("холл", "арен") and
    stem -> (lemma, kind)."""
    table = {}
    for line in word_list("facility_compounds.tsv"):
        lemma, kind = line.split("\t")
        table[lemma[:-1] if lemma[-1] in "ая" else lemma] = (lemma, kind)
    stems = "|".join(sorted(table, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][\w’']*(?:-[\w’']+)*?-(?i:(" + stems + r"))[а-яё]{0,3}(?![\w-])")
    return pattern, table


def compound_facilities(text: str, blocks: Sequence[Sentence]) -> list[Span]:
    """'в нью-йоркском Карнеги-холле', 'на Таймс-сквер', 'в «Минск-арене»': the last part of
    a hyphenated name says what it is; ``normal`` puts that part in the nominative."""
    pattern, table = _compounds()
    out = []
    for block in blocks:
        if "-" not in block.text:
            continue
        for match in pattern.finditer(text, block.start, block.end):
            stem = match.group(1)
            lemma, kind = table[stem.lower()]
            normal = text[match.start():match.end(1)] + lemma[len(stem):]
            out.append(Span(match.start(), match.end(), "facility", match.group(), normal=normal,
                            source="grammar", data={"kind": kind}))
    return out


def facility_names(spans: list[Span], facilities: Sequence[Span], text: str = "") -> list[Span]:
    """An NER place in the nominative inside a facility is its name ("аэропорту Мехрабад",
    not "улице Москвы"), and an NER span with a facility's exact extent ("Карнеги-холл"
    tagged ORG) is that facility."""
    def named(s: Span) -> bool:
        if s.source != "ner":
            return False
        if any((f.start, f.end) == (s.start, s.end) for f in facilities):
            return True
        inside = [f for f in facilities if f.start < s.start and s.end <= f.end]
        if s.type == "organization" and text[s.start - 1:s.start] in _OPENING and any(
                f.source == "grammar" and not head_table()[_kind_lemma(f)].institution for f in inside
                if _kind_lemma(f)):
            return True  # "стадионе «Маракана»": the quoted name of a structure is no body
        return s.type in {"region", "location"} and _nominative(s.text) and bool(inside)
    return [_structure(s, text) for s in spans if not named(s)]


_OPENING = frozenset("«\"„“'")


def _kind_lemma(facility: Span) -> str | None:
    """The head lemma of a grammar facility (a compound or a listed name has none)."""
    return facility.data.get("head")


# kinds of heads that name a structure, never the body that runs it: an NER organisation or
# place with such a head is a facility ("Исаакиевский собор", "Никольском кладбище")
STRUCTURES = frozenset({"church", "mosque", "synagogue", "monument", "cemetery", "bridge", "stadium",
                        "airport", "street", "square", "tower", "palace", "spaceport", "tunnel"})


def _structure(span: Span, text: str) -> Span:
    """An NER organisation or place headed by a structure noun is a facility; an NER
    facility that is the complement of a post ("советника Белого дома") is the body."""
    if span.source != "ner":
        return span
    if span.type == "facility" and _after_post(text, span.start):
        return replace(span, type="organization")
    words = span.text.split()
    if span.type not in {"organization", "region"} or len(words) < 2:
        return span  # "Собор", "Мемориал": a bare capitalised head is a body's name
    latin = [w.lower() for w in words if not w.isdigit()]
    if latin and latin[-1] in word_list("facility_latin_heads.txt") and latin[-1].isascii():
        return replace(span, type="facility", data={**span.data, "kind": "building"})  # "Esentai Mall"
    table = head_table()
    for word in {words[0], words[-1]}:
        lemma = next((p.normal_form for p in parse(word.lower())[:2] if p.normal_form in table), None)
        if lemma and table[lemma].kind in STRUCTURES and not table[lemma].institution:
            return replace(span, type="facility", data={**span.data, "kind": table[lemma].kind})
    return span


def _nominative(name: str) -> bool:
    parses = parse(name.split()[0].lower())
    return bool(parses) and parses[0].tag.case == "nomn"


def _where(name: str) -> bool:
    """An NER place after a head that only says where the facility is: a geographic name
    in an oblique case ("больнице Киото", "школе Махачкалы").  In the nominative it is the
    facility's name ("площади Тяньаньмэнь"), and a person's name or a common noun is what
    the facility is named after ("улицы Лобачевского", "площади Восстания")."""
    if _nominative(name):
        return False
    return any("Geox" in p.tag for word in name.lower().split() for p in parse(word)[:3])


_RUNS = frozenset({"администрация", "руководство", "персонал", "коллектив", "дирекция"})


def _after_post(text: str, start: int) -> bool:
    """The facility is the genitive complement of a post or staff noun: "директора музея",
    "представитель тюрьмы", "советника Белого дома" name the body that runs it."""
    words = re.findall(r"[А-Яа-яЁё-]+", text[max(0, start - 40):start])
    if not words or not text[:start].endswith((" ", "\xa0")) or not text[:start].rstrip()[-1:].isalpha():
        return False
    from .positions import lexicon

    posts = lexicon()[0]
    lemmas = {p.normal_form for p in parse(words[-1].lower())[:2]}
    lemmas |= {lemma.rsplit("-", 1)[-1] for lemma in lemmas}  # "пресс-секретарь" -> "секретарь"
    return bool(lemmas & posts or lemmas & _RUNS)


def _named_after(facility: Span, person: Span) -> bool:
    """'аэропорту Джона Кеннеди', 'памятника Габдулле Тукаю': a person in an oblique case
    after the head names the facility; 'в школе Асет Исекешев рассказал' does not."""
    if not (facility.start < person.start and person.end <= facility.end):
        return False
    if person.normal is not None and person.normal != person.text:
        return True
    cases = [p.tag.case for p in parse(person.text.split()[-1].lower())[:4] if p.tag.case]
    return bool(cases) and cases[0] != "nomn"  # "дом Скрипаля": no normal form, yet genitive


_LIST_ITEM = re.compile(r"\s*(?:[,:]|\s(?=и\s))\s*(?:и\s+)?[«\"„“]([^«»\"„“”\n]{1,60})[»\"“”]")


def _listed(text: str, span: Span, stop: int, lemma: str) -> list[Span]:
    """'в кинотеатрах «Звезда», «Космос» и «Юность»': every further name of the list
    is a facility of the same kind, normal "кинотеатр «Космос»"."""
    if not span.text.endswith(("»", '"', "“", "”")):
        return []
    out, position = [], span.end
    while (match := _LIST_ITEM.match(text, position, stop)) is not None:
        name = match.group(1)
        start = match.start(1)
        out.append(Span(start, start + len(name), "facility", name, normal=f"{lemma} «{name}»",
                        source="grammar", data={"kind": span.data["kind"]}))
        position = match.end()
    return out


def _quoted(text: str, span: Span) -> bool:
    """«Комфортная школа»: a project's name in quotes, not a facility."""
    before = text[max(0, span.start - 1):span.start]
    after = text[span.end:span.end + 1]
    return before in {"«", '"', "„"} and after in {"»", '"', "“"}


def _proper(name: str) -> bool:
    """«Башню Елизаветы», «Площадь 40-летия Победы»: a capital past the first word makes
    a quoted phrase a facility's own name; «Комфортная школа» stays a project's name."""
    words = name.split()
    if any("Apro" in p.tag for p in parse(words[0].lower())[:1]):
        return False  # «Наш дом Израиль», «Свой Дом»: a party's or a shop's name
    table = head_table()
    return any(word[:1].isupper() and not {p.normal_form for p in parse(word.lower())[:1]} & table.keys()
               for word in words[1:])


def _can_start(token) -> bool:
    """Any Russian word (an adjective, a head, the first half of "насосно-фильтровальной")
    or the number of an ordinal ("25-ой")."""
    return token.type in {"RU", "NUM"}


# words of building and running facilities: an unnamed facility counts in their sentence
_BUILDING = re.compile(
    r"строител|строит|построй|построен|возвед|реконструк|ремонт|модерниз|ввод|введен|введён|"
    r"запуск|запущ|открыт|проект|завершен|заверш|планир|капремонт|расширен|оснащ|газифик|"
    r"инфраструктур|реализ|сдан|сдач|эксплуатац|доложено|жизнеобеспеч|"
    r"реставрац|восстановл|строя|откры(?:л|ли|ла)\b(?!\s+(?:огонь|стрельбу|заседание|совещание))|"
    # a working visit: the plant the President toured is one object of the report
    r"посетил|осмотрел|побывал|ознакомился\s+с\s+(?:работой|ходом|деятельностью)",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _telling() -> frozenset:
    """Adjectives that make a weak head a facility (data/facility_adjectives.txt)."""
    return frozenset(word_list("facility_adjectives.txt"))


def _span(text: str, block: Sentence, tokens, lemma: str, telling: frozenset,
          places: Sequence[Span] = (), all_places: Sequence[Span] = ()) -> Span | None:
    tokens = list(tokens)
    head = head_table()[lemma]
    head_index = next(k for k, t in enumerate(tokens) if _head_lemma(t) == lemma)
    head_part, tail = tokens[: head_index + 1], tokens[head_index + 1:]
    if tail and head.kind not in DEDICATED and _dedication(tail):
        tail = []  # "передал больнице деньги": only a monument or a church is dedicated to someone
    if tail and tail[0].value in LOCATIVE and not (len(tail) > 1 and tail[1].value.lower() == "честь"):
        tail = []  # "дом в Сан-Диего", "тюрьме в Лас-Крусес": a place, not a route "в Сан – Диего"
    tokens = head_part + tail
    start, end = block.start + tokens[0].span.start, block.start + tokens[-1].span.stop
    # a city has one airport: "аэропорту Барселоны" names it, "больнице Нью-Йорка" does not
    number = bool(tail) and tail[0].type == "NUM"
    named = _named(text, block.start, head_part, tail, () if head.kind == "airport" else places,
                   number_named=head.kind == "building" and not (
                       number and _COUNTED.match(text, block.start + tail[0].span.stop)))
    if tail and tail[0].type == "NUM" and not named:
        tail = []  # "зоне 10 км": a number after any other head is a quantity
        end = block.start + head_part[-1].span.stop
    adjectives = _adjective_lemmas(head_part[:-1])
    if head.strength == "adjective" and not adjectives & telling:
        return None  # "сети „Интернет“", "центре Москвы", "Первом канале"
    plural = any("plur" in f.grams.values for f in (getattr(head_part[-1], "forms", None) or [])[:1])
    if plural and not _named(text, block.start, head_part, tail, all_places, strict=True) and (
            head.strength != "strong" or not _BUILDING.search(block.text)):
        return None  # "одной из больниц Претории", "развитии жилых массивов": kinds, not one object
    if head.strength == "weak" and not (adjectives & telling or named):
        return None  # "зона", "площадь" alone: a kind of thing, not a facility
    if not named and any("Apro" in f.grams.values for t in head_part[:-1]
                         for f in (getattr(t, "forms", None) or [])[:1]):
        return None  # "по этому трубопроводу", "в своём доме": a reference back, not a new object
    if head.kind == "school" and not _BUILDING.search(block.text):
        return None  # "окончил школу № 212", "учился в лицее № 21": where one studies
    if not named and not (len(tail) > 1 and tail[0].value.lower() == "по") and not _BUILDING.search(block.text):
        return None  # "в больнице", "окончил среднюю школу": a place in a story, not a project
    head_end = block.start + head_part[-1].span.stop
    surface = text[start:end]
    normal = _ordinal(head_part, lemma) + phrase(text[_words_start(block, head_part, start):head_end]) \
        + text[head_end:end]
    return Span(start, end, "facility", surface, normal=normal, source="grammar",
                data={"kind": head.kind, "head": lemma})


# a number followed by a month or a unit is a date or a quantity, not an address: "в офисе 27 апреля"
_COUNTED = re.compile(r"\s*(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                      r"год|лет|раз|этаж|км|метр|м\b|кв|тыс|млн|млрд|%)", re.IGNORECASE)
DEDICATED = frozenset({"monument", "church"})
LOCATIVE = frozenset({"в", "во", "на", "у", "из", "под", "около", "возле", "близ"})


def _dedication(tail) -> bool:
    first = tail[0].value.lower()
    if first in {"имени", "им", "по", "№"} or tail[0].type == "LAWNUM":
        return False
    return (first == "в" and len(tail) > 1 and tail[1].value.lower() == "честь") or dative()(tail[0]) and not any(
        "gent" in f.grams.values for f in (getattr(tail[0], "forms", None) or [])[:1])


def _words_start(block: Sentence, head_part, start: int) -> int:
    """Where the inflectable words begin: after an ordinal ("25-ой")."""
    return block.start + head_part[3].span.start if head_part[0].type == "NUM" and len(head_part) > 3 else start


def _ordinal(head_part, lemma: str) -> str:
    """"2-ю больницу" -> "2-я ": the ordinal agrees with the head in the nominative."""
    if head_part[0].type != "NUM" or len(head_part) <= 3:
        return ""
    parses = [p for p in parse(lemma) if "NOUN" in p.tag]
    ending = {"masc": "й", "femn": "я", "neut": "е"}.get(parses[0].tag.gender if parses else None, head_part[2].value)
    return f"{head_part[0].value}-{ending} "


def _adjective_lemmas(tokens) -> set[str]:
    """Lemmas of the modifiers, hyphenated ones whole: "взлетно-посадочной" -> "взлетно-посадочный"."""
    lemmas = {f.normalized for t in tokens for f in (getattr(t, "forms", None) or [])[:1]}
    for k in range(1, len(tokens) - 1):
        forms = getattr(tokens[k + 1], "forms", None) or []
        if tokens[k].value in "-–‐‑" and forms:
            lemmas.add(f"{tokens[k - 1].value.lower()}-{forms[0].normalized}")
    return lemmas


def _named(text: str, offset: int, head_part, tail, places: Sequence[Span] = (), strict: bool = False,
           number_named: bool = False) -> bool:
    """A name makes a facility one object: «Звезда», (НФС-3), № 2, a capitalised scope
    ("аэропорта Ушарал"), a capitalised modifier ("Исаакиевский собор", not at a
    sentence start) or a place adjective ("калифорнийской синагоге").  A place after
    the head only says where it is ("больнице Киото", "тюрьме города Березники").
    ``strict`` (a plural head): only quotes, numbers and capitals outside ``places`` name."""
    adjective_of_place = {} if strict else adjective_places()
    if head_part[-1].value.isupper() and len(head_part[-1].value) > 1:
        return True  # "рядом с АЭС": an abbreviation names one object
    for k, token in enumerate(tail):
        if token.value in ("«\"" if strict else "«\"(") or token.type == "LAWNUM":
            return True
        if k == 0 and token.type == "NUM" and number_named:
            return True  # "дом 37", "корпуса 9": an address number
        forms = getattr(token, "forms", None) or []
        if forms and forms[0].normalized in adjective_of_place:
            return True  # "станции московского метро"
        if k and _settlement(tail[k - 1]):
            continue  # "тюрьме города Цинциннати", "порту города Ушуая": where, not which
        if token.value[:1].isupper() and not any(
                p.start <= offset + token.span.start < p.end for p in places):
            return True
    if _adjective_lemmas(head_part[:-1]) & adjective_of_place.keys():
        return True  # "нью-йоркском метро", "лос-анджелесской больницы"
    if head_part[0].type == "NUM":
        return True  # "7-й подстанции", "25-ой школы": an ordinal names one of them
    named_head = head_part if tail and tail[0].value[:1].islower() else head_part[:-1]
    for k, token in enumerate(named_head):  # a capital head with words after it: "на Аллее славы"
        if token.value[:1].isupper() and not (k == 0 and _sentence_start(text, offset + token.span.start)):
            return True
    return False


SETTLEMENTS = frozenset({"город", "штат", "провинция", "область", "район", "село", "посёлок", "поселок",
                         "деревня", "округ", "столица", "остров", "графство", "курорт"})


def _settlement(token) -> bool:
    forms = getattr(token, "forms", None) or []
    return any(f.normalized in SETTLEMENTS for f in forms[:2])


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\xa0")
    return not before or before[-1] in ".!?\n"
