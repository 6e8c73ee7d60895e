"""Kazakh and Russian-style personal names pymorphy3 does not know.

Surnames in -ов/-ев/-ин/-ын and Kazakh given names (Асаин, Нурлан, Акмарал)
decline by rule, and the given name tells the gender: a male name takes the
case ending (Асаин-а, Асаин-у), a female name ending in a consonant does not
(Акмарал Альназарову).  ``given name + surname`` in any case -> nominative:

    Асаина Байханова   -> Асаин Байханов      (male, genitive)
    Асаину Байханову   -> Асаин Байханов      (male, dative)
    Акмарал Альназарову -> Акмарал Альназарова (female, accusative)
    Берику Уали        -> Берик Уали          (indeclinable surname)
"""
from __future__ import annotations

import re
from typing import Optional

from ..tag.morph import parse

_SURNAME = re.compile(r"^(?P<stem>.+?(?:ов|ев|ёв|ин|ын))(?P<end>а|у|ым|ом|е|ой|ою|ой)?$")
_MALE_GIVEN_ENDINGS = ("ом", "ем", "а", "я", "у", "ю", "е")


# surname ending -> the (gender, case) readings it allows
_READINGS = {
    None: {("masc", "nomn")},
    "а": {("masc", "gent"), ("masc", "accs"), ("femn", "nomn")},
    "у": {("masc", "datv"), ("femn", "accs")},
    "ым": {("masc", "ablt")}, "ом": {("masc", "ablt")},
    "е": {("masc", "loct")},
    "ой": {("femn", "gent"), ("femn", "datv"), ("femn", "ablt"), ("femn", "loct")},
    "ою": {("femn", "ablt")},
}


# Kazakh surnames that do not decline: "Сатыбалды", "Уали", "Жумабек улы", "-улы / -кызы"
INDECLINABLE = re.compile(r"(?:улы|ұлы|кызы|қызы|[ыіи])$", re.IGNORECASE)


def known_parses(word: str) -> list:
    """pymorphy's readings of a word from its dictionary (not guessed by analogy)."""
    return [p for p in parse(word.lower()) if p.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"]


def _dictionary_name(given: str, readings: set):
    """pymorphy's singular reading of a given name it knows, compatible with the surname's
    ending, whose nominative inflects back to the surface form (no "Даниалаы")."""
    for p in parse(given.lower()):
        if "Name" not in p.tag or p.methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer":
            continue
        if p.tag.number != "sing" or (str(p.tag.gender), str(p.tag.case)) not in readings:
            continue
        if "Fixd" in p.tag and p.tag.gender == "masc" and p.tag.case != "nomn":
            continue  # Kazakh men's names decline: "Даниалу" is the dative of "Даниал"
        nominative = p.inflect({"nomn"})
        if nominative is None or "sing" not in nominative.tag or not _reproduces(nominative, given.lower(), p.tag.case):
            continue
        return p
    return None


def _reproduces(nominative, surface: str, case) -> bool:
    """The lexeme of the nominative holds the surface form in that case."""
    form = nominative.inflect({str(case), "sing"})
    return form is not None and form.word.replace("ё", "е") == surface.replace("ё", "е")


def two_part_name(given: str, surname: str, case: Optional[str] = None) -> Optional[str]:
    """Nominative of 'given surname' by the rules above, or None when they do not apply.
    ``case`` (pymorphy's grammeme, from the tagger in context) narrows the readings."""
    from .inflect import restore_case

    match = _SURNAME.match(surname.lower())
    if not match:
        return None
    stem, end = match.group("stem"), match.group("end")
    readings = _READINGS[end]
    # an indeclinable woman's name the dictionary knows tells the gender ("Айжан Жамалову")
    known = [p for p in parse(given.lower())
             if "Name" in p.tag and p.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"]
    genders = {"femn"} if known and all(str(p.tag.gender) == "femn" and "Fixd" in p.tag for p in known) else set()
    if case is not None:
        narrowed = {r for r in readings if r[1] == case or (case == "accs" and r[1] == "gent" and r[0] == "masc")}
        if narrowed and (not genders or {g for g, _ in narrowed} & genders):
            readings = narrowed
    if genders and {g for g, _ in readings} & genders:
        readings = {r for r in readings if r[0] in genders}
    known = _dictionary_name(given, readings)
    if known is not None:
        female = str(known.tag.gender) == "femn"
        nominative = known.inflect({"nomn"})
        given_nom = nominative.word if nominative else given.lower()
    else:
        genders = {g for g, _ in readings}
        male_inflected = given.lower().endswith(_MALE_GIVEN_ENDINGS) and "masc" in genders and end is not None
        female = genders == {"femn"} or (not male_inflected and "femn" in genders)
        given_nom = _strip_case(given.lower()) if male_inflected and not female else given.lower()
    surname_nom = stem + "а" if female else stem
    return f"{restore_case(given, given_nom)} {restore_case(surname, surname_nom)}"


def _strip_case(word: str) -> str:
    for ending in ("ом", "ем", "а", "у", "е", "ю", "я"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            return base + ("й" if ending in ("ю", "я", "ем") and base[-1] in "аеиоу" else "")
    return word


def common_noun(word: str) -> bool:
    """A noun of the language and nothing else ('Карьера'), not 'Волшебный', not 'Ее'."""
    parses = known_parses(word)
    return bool(parses) and all(p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes
                                for p in parses)


def common_word_only(word: str) -> bool:
    """The dictionary knows the word, and in no reading as a name."""
    parses = known_parses(word)
    return bool(parses) and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)


def given_name(word: str) -> bool:
    return any("Name" in p.tag for p in known_parses(word))


# Chinese names in the Russian (Palladius) transcription: "Си Цзиньпин", "Ли Чжаньшу",
# "Лю Гочжун".  The surname comes first and is one syllable; every syllable ends in a
# vowel, "н" or "нь" (or "й" of a diphthong).  A given name ending in "н" declines like a
# masculine noun (Си Цзиньпина, Лю Гочжуном); one ending in a vowel does not (Ли Чжаньшу).
_SYLLABLE = r"(?:цз|чж|сь|[бпмфдтнлгкхцсчшжрв])?(?:[аоуэиыяею]{1,3})(?:нь|н|й)?"
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE}){{1,3}}", re.IGNORECASE)
_ONE_SYLLABLE = re.compile(_SYLLABLE, re.IGNORECASE)
_PALLADIUS_CLUSTER = re.compile(r"цз|чж|сю|сян|ця|цю|жэ|чэ|шэ|цзы|эй|оу|уэ|юэ|ао", re.IGNORECASE)
_CASE_ENDINGS = {"gent": ("а",), "accs": ("а",), "datv": ("у",), "ablt": ("ом",), "loct": ("е",)}


def chinese_name(surname: str, given: str, case: Optional[str] = None) -> Optional[str]:
    """Nominative of a Chinese 'surname given' pair, or None when the words are not
    Palladius syllables.  The given name loses a case ending only where what is left
    ends in "н" (a stem the ending was added to): "Гочжуна" (accusative) -> "Гочжун";
    "Чжаньшу" keeps its "у" ("Чжаньш" is no syllable); "Гочжуном" -> "Гочжун" in any case."""
    bare = given[:-2] if given.lower().endswith("ом") else given
    if not (_ONE_SYLLABLE.fullmatch(surname) and len(surname) <= 4 and _SYLLABLES.fullmatch(bare)):
        return None
    if not (_PALLADIUS_CLUSTER.search(given) or _PALLADIUS_CLUSTER.search(surname)):
        return None
    endings = ("ом",) + (_CASE_ENDINGS.get(case or "", ()) if case != "nomn" else ())
    for ending in endings:
        stem = given[: -len(ending)]
        if given.lower().endswith(ending) and stem.lower().endswith("н") and _SYLLABLES.fullmatch(stem):
            return f"{surname} {stem}"
    return f"{surname} {given}"
