"""Person spans NER gets wrong, repaired before people are linked (people.link_people).

* pieces of one name NER cut apart join: 'Суркова | Зоя Антоновна' (:func:`joined_names`);
* a word NER glued before a known surname comes off: 'Карьера Гандольфини',
  'Шпидла Руснок' (:func:`glued_names`);
* a name right after a kinship noun is a person: 'мать Ксении' (:func:`kin_names`);
* initials after a surname belong to it: 'Сапаров Е. Б.' (:func:`initials_after`);
* two people side by side NER read as one: 'с послом Мохаммедом Алашаби Гульшара Абдыкаликова
  отметила' (:func:`two_people`);
* a word with a digit glued before a name is no part of it: a site's rubric 'Топ-100 Токаеву
  доложили' (:func:`no_digits`).
"""
from __future__ import annotations

import re
from collections import Counter

from ..spans import Span
from .names import common_noun, common_word_only, given_name, known_parses
from .people import _looks_like_surname, _words, stem


_INITIALS_AFTER = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \u00a0]((?:[А-ЯЁ]\.[ \u00a0]?){1,2})"
                             r"(?![ \u00a0]*[А-ЯЁ][а-яё])")


def initials_after(text: str, spans: list[Span]) -> list[Span]:
    """'Жириновский В. В.', 'аким области Бозумбаев К. А.': initials after the surname, as
    official lists write them, belong to the name (not when a name follows them: 'Иванов
    А. Петров' is two people)."""
    if not _INITIALS_AFTER.search(text):
        return spans
    out = list(spans)
    for match in _INITIALS_AFTER.finditer(text):
        start, end = match.start(), match.end()
        while text[end - 1] in " \u00a0":
            end -= 1
        overlapping = [s for s in out if s.start < end and start < s.end]
        if any(s.type != "person" for s in overlapping) or any(s.start < start or s.end > end for s in overlapping):
            continue
        if not overlapping and not (_looks_like_surname(match.group(1)) or _SURNAME_SHAPE.match(match.group(1).lower())):
            continue
        out = [s for s in out if s not in overlapping]
        surface = text[start:end]
        out.append(Span(start, end, "person", surface, normal=f"{_nominative(match.group(1))} {match.group(2).strip()}",
                        source="rule", data=dict(overlapping[0].data) if overlapping else {}))
    return out


_SURNAME_SHAPE = re.compile(r".{3,}(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой)?$")


def _nominative(surname: str) -> str:
    from .inflect import person_name

    return person_name(surname)


def joined_names(text: str, spans: list[Span]) -> list[Span]:
    """'Суркова | Зоя Антоновна', 'Андрияна Григорьевича | Николаева': NER cut one name in
    two where the surname stands first or the patronymic confused it.  Person spans with
    only spaces between them (no line break, no punctuation) are one name."""
    from .inflect import person_name

    people = sorted((s for s in spans if s.type == "person"), key=lambda s: s.start)
    merged: list[Span] = []
    gone: set[int] = set()
    current = None
    for span in people:
        if current is not None and 0 < span.start - current.end <= 2 and text[current.end:span.start].strip(" ") == "" \
                and len(_words(current.text)) + len(_words(span.text)) <= 4 and _one_name(current.text, span.text):
            gone.update({id(current), id(span)})
            surface = text[current.start:span.end]
            current = Span(current.start, span.end, "person", surface, normal=person_name(surface),
                           source=current.source, data={**span.data, **current.data})
            continue
        if current is not None and id(current) not in gone and current not in people:
            merged.append(current)
        current = span
    if current is not None and current not in people:
        merged.append(current)
    if not merged:
        return spans
    return [s for s in spans if id(s) not in gone] + merged


# kinship nouns, in any case: whoever stands next to them is a person
_KIN = re.compile(r"(?<![\w-])(?:[Мм]ат(?:ь|ери|ерью)|[Оо]т(?:ец|ца|цу|цом)|[Сс]ын(?:а|у|ом)?|[Дд]оч(?:ь|ери|ерью)|"
                  r"[Бб]рат(?:а|у|ом)?|[Сс]ест(?:ра|ры|ре|ру|рой)|[Жж]ен(?:а|ы|е|у|ой)|[Мм]уж(?:а|у|ем)?|"
                  r"[Вв]дов(?:а|ы|е|у|ой)|[Вв]нук(?:а|у|ом)?|[Вв]нучк(?:а|и|е|у|ой))\s+"
                  r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")


def kin_names(text: str, spans: list[Span]) -> list[Span]:
    """'Мать Тереза', 'мать Ксении', 'вдова Арафата Суха': a name right after a kinship noun
    is a person (the relative, or the one the noun is of), when the dictionary knows it as a
    given name or a surname and never as a place; NER often leaves such names."""
    from .inflect import person_name

    if not _KIN.search(text):
        return spans
    taken = [(s.start, s.end) for s in spans]
    added = []
    for match in _KIN.finditer(text):
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken) or not _personal(match.group(1)):
            continue
        added.append(Span(start, end, "person", match.group(1), normal=person_name(match.group(1)), source="rule"))
        taken.append((start, end))
    return spans + added


def _personal(word: str) -> bool:
    parses = known_parses(word)
    return bool(parses) and not any({"Geox", "Orgn"} & p.tag.grammemes for p in parses) and any(
        {"Name", "Surn"} & p.tag.grammemes for p in parses)


def no_digits(text: str, spans: list[Span]) -> list[Span]:
    """'Топ-100 Токаеву доложили ...': the words up to the last one holding a digit come off
    a person span; a span left with no letters is dropped."""
    from .inflect import person_name

    out = []
    for span in spans:
        if span.type != "person" or not any(ch.isdigit() for ch in span.text):
            out.append(span)
            continue
        cut = max(m.end() for m in re.finditer(r"\S*\d\S*", span.text))
        while cut < len(span.text) and not span.text[cut].isalpha():
            cut += 1
        rest = span.text[cut:]
        if rest and rest[:1].isupper():
            out.append(Span(span.start + cut, span.end, "person", rest, normal=person_name(rest), source=span.source,
                            data=dict(span.data)))
    return out


def glued_names(text: str, spans: list[Span]) -> list[Span]:
    """'премьером Шпидла Руснок заявил', 'После свержения Маркоса Акино стала', 'Карьера
    Гандольфини': NER glued a word to the surname of a person the text names in full.
    The surname is cut off as a mention of its own when the word before it is no given name
    of that person and is either the surname of another person named in full or a word of
    the language; 'Мишель Обама' beside 'Барак Обама' stays whole (a given name)."""
    from .inflect import person_name

    full = [_words(s.text) for s in spans if s.type == "person"]
    full = [w for w in full if len(w) >= 2]
    if not full:
        return spans
    given_of: dict[str, Counter] = {}
    for words in full:
        given_of.setdefault(stem(words[-1]), Counter())[stem(words[0])] += 1
    out = []
    for span in spans:
        words = span.text.split()
        if span.type != "person" or len(words) != 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
            out.append(span)
            continue
        first, last = words
        givens = given_of.get(stem(last), Counter()) - Counter({stem(first): 1})  # the others' given names
        if not givens or stem(first) in givens or not (
                stem(first) in given_of and stem(first) != stem(last) and not given_name(first)
                or common_noun(first)):  # 'Александра Жукова' beside 'Дарья Жукова': a relative
            out.append(span)
            continue
        at = span.start + span.text.rindex(last)
        out.append(Span(at, span.end, "person", last, normal=person_name(last), source=span.source,
                        data=dict(span.data)))
        if not common_word_only(first):
            out.append(Span(span.start, span.start + len(first), "person", first, normal=person_name(first),
                            source=span.source, data=dict(span.data)))
    return out


def two_people(text: str, spans: list[Span]) -> list[Span]:
    """'Во время встречи с X Y Гульшара Абдыкаликова отметила': the object of an adjunct and
    the subject after it, both named, came out of NER as one person of four words.  The span
    splits when its last two words are a person the text names in full elsewhere and what is
    left is a name of its own (no patronymic joins them: 'Ким Ирина Петровна' stays)."""
    from .inflect import person_name

    full = {tuple(stem(w) for w in _words(s.text)): s.normal for s in spans
            if s.type == "person" and len(_words(s.text)) == 2}
    if not full:
        return spans
    out = []
    for span in spans:
        words = span.text.split()
        if span.type != "person" or len(words) < 3 or tuple(stem(w) for w in words[-2:]) not in full or \
                not all(w[:1].isupper() and w.isalpha() for w in words) or _one_name(" ".join(words[:-2]),
                                                                                     " ".join(words[-2:])):
            out.append(span)
            continue
        at = span.start + span.text.rindex(words[-2] + " " + words[-1])
        head = span.text[:at - span.start].rstrip()
        out.append(Span(span.start, span.start + len(head), "person", head, normal=person_name(head),
                        source=span.source, data=dict(span.data)))
        tail = span.text[at - span.start:]
        out.append(Span(at, span.end, "person", tail, normal=full[tuple(stem(w) for w in words[-2:])] or person_name(tail),
                        source=span.source,
                        data=dict(span.data)))
    return out


def _one_name(first: str, second: str) -> bool:
    """Two person pieces side by side are one name when it holds a patronymic and the
    pieces agree in case and gender: 'Суркова Зоя Антоновна', 'Тихоновой Татьяне Васильевне'; not
    'адвокат Гибсона Стивен Колодни', 'мать Кристины Ольга Алексеевна' (an owner in the
    genitive, then the person in the nominative)."""
    from ..tag.morph import parse

    words = first.split() + second.split()
    if not any("Patr" in p.tag for w in words for p in parse(w.lower())):
        return False

    def readings(word: str) -> set:
        out = set()
        for p in parse(word.lower()):
            if p.tag.number != "plur" and {"Name", "Surn", "Patr"} & p.tag.grammemes:
                genders = {"masc", "femn"} if p.tag.gender is None or "ms-f" in p.tag else {str(p.tag.gender)}
                out |= {(p.tag.case, g) for g in genders}
        return out
    # case and gender: 'Кима Ерлан' is no one name ('Кима' as a nominative is a woman's name)
    return bool(readings(first.split()[-1]) & readings(second.split()[0]))
