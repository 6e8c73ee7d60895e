"""Nominative forms of short phrases with pymorphy3 (names, places, bodies).

The words of a name or of an adjective+noun group agree in case, gender and
number, so we pick the one (case, gender) reading that fits *all* words best
instead of the most likely parse of each word alone: "Женису Касымбеку" is
dative twice -> "Женис Касымбек", "Карагандинской области" is genitive
feminine -> "Карагандинская область".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from ..tag.morph import parse

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = {"Name", "Surn", "Patr"}
_WORD = re.compile(r"\S+")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ]")


def restore_case(pattern: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``pattern`` (Title, UPPER, lower), per hyphen part."""
    if pattern.isupper() and len(pattern) > 1:
        return word.upper()
    parts, shape = word.split("-"), pattern.split("-")
    out = []
    for i, part in enumerate(parts):
        src = shape[i] if i < len(shape) else shape[-1]
        out.append(part[:1].upper() + part[1:] if src[:1].isupper() else part)
    return "-".join(out)


@dataclass(frozen=True)
class _Reading:
    case: Optional[str]
    gender: Optional[str]
    number: Optional[str]
    score: float
    grammemes: frozenset
    parse: object


@lru_cache(maxsize=50_000)
def _readings(word: str) -> tuple[_Reading, ...]:
    """pymorphy3 parses as plain values (pymorphy's tag attributes are slow to read)."""
    out = []
    for p in parse(word):
        tag = p.tag
        out.append(_Reading(
            str(tag.case) if tag.case else None, str(tag.gender) if tag.gender else None,
            str(tag.number) if tag.number else None, p.score, frozenset(tag.grammemes), p))
    return tuple(out)


def _fits(r: _Reading, case: str, gender: Optional[str]) -> bool:
    if r.case != case:
        return False
    if gender and r.gender and r.gender != gender and "Ms-f" not in r.grammemes:
        return False
    return True


def choose_parses(words: Sequence[str], names: bool = False, number: Optional[str] = "sing",
                  cases: Sequence[str] = CASES):
    """For each word, the parse of the (case, gender) reading shared best by all words.

    ``None`` marks a word with no fitting parse (indeclinable, foreign, initials).
    """
    readings = [_readings(word) for word in words]
    best_total, best = float("-inf"), [None] * len(words)
    for gender in ("masc", "femn", None) if names else ("masc", "femn", "neut", None):
        for prior, case in enumerate(cases):
            total, chosen = -0.01 * prior, []
            for i, options in enumerate(readings):
                pick, pick_score = None, 0.0
                expected = _expected_name_tag(i, len(words)) if names else None
                for r in options:
                    # a man's accusative is his genitive: "принял Роберта Юкселя" though the
                    # dictionary reads an unknown "Юкселя" as a thing's genitive only
                    animate = names and case == "accs" and r.gender == "masc" and _fits(r, "gent", gender)
                    if not (_fits(r, case, gender) or animate) or names and r.gender == "neut":
                        continue  # a person is no neuter noun: "Жаксылыка" is of Жаксылык, not "Жаксылыко"
                    if number and r.number and r.number != number:
                        continue
                    score = r.score
                    if names and NAME_TAGS & r.grammemes:
                        score += 0.5 + (0.3 if expected in r.grammemes else 0.0)
                    if pick is None or score > pick_score:
                        pick, pick_score = r.parse, score
                total += pick_score if pick is not None else -1.0
                chosen.append(pick)
            if total > best_total:
                best_total, best = total, chosen
    return best


def _expected_name_tag(i: int, n: int) -> Optional[str]:
    """Russian order: given name first, surname last ('Женис Касымбек')."""
    if n == 1:
        return "Surn"
    return "Name" if i == 0 else "Surn" if i == n - 1 else "Patr"


def nominative(p, word: str, extra: Sequence[str] = ()) -> str:
    """``word`` put into the nominative along parse ``p`` (unchanged if it cannot be)."""
    if p is None or "nomn" == p.tag.case and not extra:
        return word
    grams = {"nomn", *extra}
    form = p.inflect(grams) or p.inflect({"nomn"})
    if not form:
        return word
    out = restore_case(word, form.word)
    # pymorphy writes ё; keep е where the text does ("взлетно-посадочная")
    return out if "ё" in word.lower() else out.replace("ё", "е").replace("Ё", "Е")


# natasha / Universal Dependencies case -> pymorphy3 grammeme
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NON_WORD = re.compile(r"[аеиоуыэюя]ы$|ыы|аа$", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def person_name(text: str, case: Optional[str] = None) -> str:
    """'Ермаганбета Булекпаева' -> 'Ермаганбет Булекпаев'; initials and Latin kept.
    ``case``: the grammeme the tagger gives the name in context ("gent", "datv"...)."""
    return checked_person_name(text, case)[0]


@lru_cache(maxsize=20_000)
def checked_person_name(text: str, case: Optional[str] = None) -> tuple[str, bool]:
    """(nominative, confident).  A form that is no word ("Даниалаы") is never
    returned: the surface stays and the name is flagged."""
    name = _person_name(text, case)
    words, surface = name.split(), text.split()
    if any(_NON_WORD.search(w) and not _NON_WORD.search(s) for w, s in zip(words, surface)):
        return text, False
    confident = True
    if len(words) == 2 and words[0] == surface[0] and words[1] != surface[1] and _unknown_declined(surface[0]) \
            and not _bare_before_masculine(surface[0], surface[1]):
        # "Гульшаре Абдыкаликовой": the surname declines, the given name may or may not
        # ("Сауле" does not, "Гульшара" does); the dictionary does not know it: the
        # surface stays, flagged
        return text, False
    if case not in (None, "nomn") and name == " ".join(surface):
        from .names import INDECLINABLE

        last = surface[-1]
        confident = bool(INDECLINABLE.search(last)) or not re.search(r"(?:ом|ым|ой|ою|у|ю|е|а|я)$", last)
        if not confident and len(surface) > 1 and not re.search(r"(?:ом|ем|у|ю|е|а|я)$", surface[0]):
            confident = True  # "Акмарал Альназарову": a woman's name, the surname declines
    return name, confident


def _bare_before_masculine(given: str, surname: str) -> bool:
    """"Бекболды Жумабаевым", "Ералы Тугжанову": a man's surname in the instrumental or
    dative; a given name in -а would end in -ой / -е there, so one in -ы / -и is its own
    nominative (a Kazakh name that does not decline)."""
    return bool(re.search(r"[ыи]$", given.lower()) and re.search(r"(?:ов|ев|ёв|ин|ын)(?:ым|у)$", surname.lower()))


def _unknown_declined(word: str) -> bool:
    """A given name the dictionary does not know, ending like a case form of a name in -а/-я."""
    if not re.search(r"(?:[^аеиоуыэюя][еиуы]|ой|ей|ою)$", word.lower()):
        return False
    return not any("Name" in p.tag and p.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
                   for p in parse(word.lower()))


# initials written onto the surname without a space: "Н.Назарбаева", "Н.А.Назарбаева"
_GLUED_INITIALS = re.compile(r"((?:[А-ЯЁA-Z]\.){1,2})(?=[А-ЯЁ][а-яё])")


def _person_name(text: str, case: Optional[str]) -> str:
    from ..tag.ner import fold_caps_surnames

    text = fold_caps_surnames(text, alone=True)  # "Мурату МУКАЕВУ" -> "Мурат Мукаев"
    glued = [_GLUED_INITIALS.match(w) for w in _WORD.findall(text)]
    if any(glued):  # the surname declines on its own; the initials go back in front of it
        parts = [m.group(1) + " " + w[m.end():] if m else w for m, w in zip(glued, _WORD.findall(text))]
        spaced = _person_name(" ".join(parts), case).split()
        out, k = [], 0
        for m in glued:
            if m:
                out.append(spaced[k] + spaced[k + 1])
                k += 2
            else:
                out.append(spaced[k])
                k += 1
        return " ".join(out)
    words = _WORD.findall(text)
    from .names import INDECLINABLE, chinese_name, two_part_name

    if len(words) == 2 and all(_CYRILLIC.search(w) and not w.endswith(".") for w in words):
        by_rule = chinese_name(*words, case=case) or two_part_name(*words, case=case)
        if by_rule is not None:
            return by_rule
    declinable = [w for w in words if _CYRILLIC.search(w) and not w.endswith(".")]
    keep_last = bool(declinable) and len(declinable) > 1 and INDECLINABLE.search(declinable[-1]) and not any(
        "Surn" in p.tag or "Name" in p.tag for p in parse(declinable[-1].lower())[:1] if
        p.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer" and p.tag.case == "nomn")
    chosen = iter(choose_parses([w.lower() for w in declinable], names=True,
                                cases=(case,) if case else CASES))
    out = []
    for k, word in enumerate(words):
        if word in declinable:
            p = next(chosen)
            out.append(word if keep_last and k == len(words) - 1 else nominative(p, word))
        else:
            out.append(word)
    return " ".join(out)


@lru_cache(maxsize=20_000)
def phrase(text: str) -> str:
    """An adjective+noun group in the nominative; what follows the head noun stays.

    'Карагандинской области' -> 'Карагандинская область',
    'газовых тепловых станций' -> 'газовые тепловые станции'.
    """
    words = _WORD.findall(text)
    if not words:
        return text
    head = _head_index(words)
    group = words[: head + 1]
    lowered = [w.lower() for w in group]
    number = _number(lowered[-1])
    chosen = choose_parses(lowered, number=number)
    head_parse = chosen[-1]
    agree = []
    if head_parse is not None and head_parse.tag.number == "plur":
        agree = ["plur"]
    elif head_parse is not None and head_parse.tag.gender:
        agree = [str(head_parse.tag.gender)]
    out = []
    for i, (word, p) in enumerate(zip(group, chosen)):
        if i < head and p is not None and p.tag.POS in {"ADJF", "PRTF", "NUMR"}:
            out.append(nominative(p, word, agree))
        else:
            out.append(nominative(p, word, ["plur"] if agree == ["plur"] else ()))
    return " ".join(out + words[head + 1:])


def _head_index(words: Sequence[str]) -> int:
    for i, word in enumerate(words):
        if not _CYRILLIC.search(word):
            return max(i - 1, 0) if i else 0
        parses = parse(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            return i
    return len(words) - 1


def _number(word: str) -> Optional[str]:
    parses = parse(word)
    return parses[0].tag.number if parses else None
