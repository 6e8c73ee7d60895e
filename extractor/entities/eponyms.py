"""People named inside other names: ``театр имени А. П. Чехова``, ``Конкурс имени Петра
Чайковского``, ``Институт им. Пушкина``; a facility or organisation whose name ends
in a person's name in the genitive (``улица Лобачевского``, ``аэропорт Джона
Кеннеди``, ``Лаборатория Касперского``); an adjective made from a person's name
(``Нобелевская премия``, ``Исаакиевский собор``, ``горбачевская перестройка``);
and a name's original spelling in brackets after it: ``Стив Ирвин (Steve Irwin)``,
``Кэссиди Вулф (Кэсси Вулф; Cassidy Wolf)``.

NEREL marks these as persons; slovnet mostly leaves them.  A mention is added only
where no person mention already covers the words.  All but the bracketed spelling
carry ``data["eponym"]``: they name a person, not someone present, so the meeting
layer does not take them for participants.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..spans import Span
from . import inflect
from .names import given_name, known_parses
from .ner_mentions import common_words

_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_EPONYM = re.compile(
    r"(?<![\w.])(?:имени\s+|им\.\s*)"
    r"((?:[А-ЯЁ]\.\s*){1,2}" + _CAP + r"|" + _CAP + r"(?:\s+(?:ван|фон|де|да|ди)\s+" + _CAP + r")?"
    r"(?:\s+" + _CAP + r")?)")
_LATIN = r"[A-Z][a-zà-öø-ÿ'’-]+"
_BRACKET_NAME = re.compile(
    r"\s*(\([А-ЯЁ][а-яё-]+\)\s*)?\((?:[^()\n]{0,60}?;\s*)?(?:[а-яё]{2,6}\.\s*)?(" + _LATIN + r"(?:\s+(?:[A-Z]\.|de|da|di|van|von|der|" + _LATIN + r")){1,4})"
    r"\s*[;,)]")


def eponym_people(text: str, spans: Sequence[Span]) -> list[Span]:
    people = [s for s in spans if s.type == "person"]
    out: list[Span] = []

    def add(start: int, end: int) -> None:
        if any(p.start < end and start < p.end for p in people + out):
            return
        surface = text[start:end]
        out.append(Span(start, end, "person", surface, normal=_normal(surface), source="grammar",
                        data={"eponym": True}))

    if "имени" in text or "им." in text:
        for match in _EPONYM.finditer(text):
            if not common_words(match.group(1)):  # 'нового имени. Это ...': a pronoun, no name
                add(*match.span(1))
    if "вят" in text:
        for match in _SAINT.finditer(text):
            if given_name(match.group(1)):
                add(*match.span(1))
    for container in spans:
        if container.type in {"facility", "organization"}:
            tail = _name_tail(text, container)
            if tail is not None:
                add(*tail)
    places = [s for s in spans if s.type in {"region", "location"}]
    for match in _ADJECTIVE.finditer(text):
        start, end = match.span()
        if any(p.start < end and start < p.end for p in places + people + out):
            continue
        name = _from_a_name(match.group())
        if name is not None:
            out.append(Span(start, end, "person", match.group(), normal=name, source="grammar",
                            data={"eponym": True}))
    for person in people:
        if person.end < len(text) and "(" in text[person.end:person.end + 3]:
            # 'Антониу Гутерриш (порт. António Guterres)', 'Лоуренс Зайгер (Цайгер) (Lawrence Zeiger)'
            match = _BRACKET_NAME.match(text, person.end)
            if match and (match.group(1) is None or _spells(match.group(2), person.text)):
                _add_spelling(text, *match.span(2), people, out)
    return out


def _spells(latin: str, name: str) -> bool:
    """After a bracket of another kind ('(Казахстан)'), the Latin must spell the name."""
    from .people import _sounds_like

    return bool(latin.split() and name.split()) and _sounds_like(latin.split()[-1], name.split()[-1])


def _add_spelling(text: str, start: int, end: int, people, out) -> None:
    """A bracketed spelling is the person present under another script: not an eponym."""
    if not any(p.start < end and start < p.end for p in people + out):
        out.append(Span(start, end, "person", text[start:end], normal=text[start:end], source="grammar"))


# 'собор Святого Петра', 'больница святой Марии', 'День святого Давида': a saint is a person
_SAINT = re.compile(r"(?<![\w-])[Сс]вят(?:ой|ого|ому|ым|ом|ая|ую)\s+(" + _CAP + r")(?![\w-])")
_WORD = re.compile(r"(?:[А-ЯЁ]\.\s*)+|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|\S+")


def _name_tail(text: str, container: Span):
    """'улице Лобачевского', 'аэропорту Джона Кеннеди': the capitalised words at the end of a
    name of several words that are a person's name in the genitive (by the dictionary)."""
    words = list(_WORD.finditer(container.text))
    k = len(words)
    while k > 1 and _genitive_name(words[k - 1].group()):
        k -= 1
    if k == len(words) or k == 0:
        return None
    before = _dictionary(words[k - 1].group())
    if not before or before[0].tag.POS != "NOUN" or {"Name", "Surn", "Patr"} & before[0].tag.grammemes:
        return None  # 'Ляпис Трубецкой', 'Уэйк Форест': no common noun the name depends on
    # initials belong to the name: "театр им. А. П. Чехова" is taken by the pattern above
    first = words[k].start()
    names = [w.group() for w in words[k:] if not w.group().endswith(".")]
    if not names or not any(_is_surname(w) for w in names) and len(names) < 2 and not given_name(names[0]):
        return None
    return container.start + first, container.start + words[-1].end()


_dictionary = known_parses


def _genitive_name(word: str) -> bool:
    if word.endswith(".") and word[:1].isupper() and len(word.rstrip(". ")) == 1:
        return True  # an initial
    if not word[:1].isupper() or not word[1:2].islower():
        return False
    parses = _dictionary(word)
    if not parses or any({"Geox", "Orgn", "Trad"} & p.tag.grammemes for p in parses):
        return False
    return bool({"Name", "Surn", "Patr"} & parses[0].tag.grammemes) and any(
        p.tag.case == "gent" and {"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)


def _is_surname(word: str) -> bool:
    return any("Surn" in p.tag for p in _dictionary(word))


# a capitalised adjective of the suffix that makes one of a name: Нобел-евск-ая, Ленин-ск-ий
_ADJECTIVE = re.compile(r"(?<![\w-])(?:[А-ЯЁ][а-яё]+-)?[А-ЯЁа-яё][а-яё]+(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|"
                        r"ую|ом|им|их|ими|ым|ых|ыми|ые|ый)(?![\w-])")


def _from_a_name(word: str) -> Optional[str]:
    """'Нобелевской' (Нобель), 'Исаакиевский' (Исаакий), 'Мариинского' (Мария),
    'горбачевской' (Горбачёв): an adjective in -ский whose base the dictionary knows
    as a surname, never as a place (a given name makes 'Олимпийские', 'Исламское') ('Кировская': Киров is a city too;
    'Ульяновская': Ульяновск).  The name, or None."""
    if "-" in word:
        return None
    if word[:1].islower():
        return None  # 'нобелевский лауреат': NEREL counts the capitalised ones, in names
    adjectives = [p for p in _dictionary(word) if p.tag.POS == "ADJF"]
    if not adjectives:
        return None
    lemma = adjectives[0].normal_form
    if not lemma.endswith("ский") or _place(lemma[:-2]):
        return None
    base = lemma[:-4]
    candidates = [base]
    if base.endswith(("ев", "ов")):
        candidates += [base[:-2] + "ь", base[:-2] + "й", base[:-2]]
    if base.endswith("ин"):
        if any(_place(base[:-2] + end) for end in ("а", "я", "ы", "и")):
            return None  # 'Карагандинская': Караганда
        candidates += [base[:-2] + "я"]
    for candidate in candidates:
        parses = _dictionary(candidate)
        if not parses or _place(candidate) or _place(candidate + "о") or _place(candidate + "а"):
            continue
        for p in parses:
            if "Surn" in p.tag and p.tag.case == "nomn" and (
                    p.normal_form.replace("ё", "е") == candidate.replace("ё", "е")):
                return p.normal_form.capitalize()
    return None


def _place(word: str) -> bool:
    return any({"Geox"} & p.tag.grammemes for p in _dictionary(word))


def _normal(surface: str) -> str:
    if re.search(r"[A-Za-z]", surface):
        return surface
    try:
        return inflect.person_name(surface)
    except Exception:  # noqa: BLE001 - a normal form is a courtesy, the span stands
        return surface
