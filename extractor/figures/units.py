"""Units of measure as yargy rules, built from the data table data/units.tsv.

Each row is ``kind<TAB>unit<TAB>phrase``; a phrase word matches by lemma or as
written, a trailing ``.`` makes an abbreviation's dot optional, symbols match
exactly.  The matched row's unit code is the rule's interpretation.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from yargy import or_, rule
from yargy.interpretation import const
from yargy.predicates import caseless, dictionary, eq, in_caseless, normalized

from ..data import word_list
from ..parsing.prefixes import FormIndex


@lru_cache(maxsize=1)
def unit_table() -> dict[str, list[tuple[str, list[str]]]]:
    """kind -> [(unit code, phrase words)] in file order."""
    table: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for line in word_list("units.tsv"):
        kind, unit, phrase = line.split("\t")
        table[kind].append((unit, phrase.split()))
    return dict(table)


def _word(word: str):
    if word.endswith(".") and len(word) > 1:
        return rule(caseless(word[:-1]), eq(".").optional())
    if not any(ch.isalpha() for ch in word):
        return rule(eq(word))
    if "-" in word or not word.isalpha() or len(word) <= 3:
        return rule(caseless(word))
    return rule(or_(normalized(word.lower()), caseless(word)))


def _phrase(words: list[str]):
    parts = []
    for word in words:
        if "-" in word and word.replace("-", "").isalpha():
            # yargy splits hyphenated words: "койко-место" is три tokens
            left, right = word.split("-", 1)
            parts += [rule(caseless(left)), rule(eq("-")), rule(or_(normalized(right), caseless(right)))]
        else:
            parts.append(_word(word))
    return rule(*parts)


def unit_rule(kind: str, attribute):
    """``or_`` of every unit phrase of ``kind``, interpreted as ``attribute`` = unit code.

    The plain one-word names of a unit share one predicate (a lemma set and a surface
    set), so the chart tries one alternative per unit, not one per spelling."""
    plain: dict[str, tuple[set, set]] = {}
    options = []
    for unit, words in unit_table()[kind]:
        word = words[0]
        if len(words) == 1 and word.isalpha():
            lemmas, surfaces = plain.setdefault(unit, (set(), set()))
            (lemmas if len(word) > 3 else surfaces).add(word.lower())
            if len(word) > 3:
                surfaces.add(word.lower())
        else:
            options.append(_phrase(words).interpretation(const(unit)))
    for unit, (lemmas, surfaces) in plain.items():
        predicates = [in_caseless(surfaces)] + ([dictionary(lemmas)] if lemmas else [])
        options.append(rule(or_(*predicates)).interpretation(const(unit)))
    return or_(*options).interpretation(attribute)


def kind_of_unit(unit: str) -> str:
    """The figure kind a unit code belongs to ("KZT" -> money, "%" -> percent)."""
    if unit == "times":
        return "quantity"
    for kind, rows in unit_table().items():
        if any(code == unit for code, _ in rows):
            return kind
    return "money" if unit in {"USD", "EUR", "GBP", "KZT", "RUB"} else "quantity"


@lru_cache(maxsize=1)
def unit_stems() -> FormIndex:
    """Every inflected form of every unit word (and the symbols and abbreviations as
    written): a cheap pre-check that a number may be followed by a unit at all (scale
    words alone make no figure).  Forms, not prefixes: "российских" is a unit word,
    "России" is not; "центнера" is, "центра" is not."""
    words = {w.lower().rstrip(".") for rows in unit_table().values() for _, ws in rows for w in ws}
    words |= {"раз", "раза"}
    lemmas = [w for w in words if w.isalpha() and len(w) > 3]
    literal = [w for w in words if not (w.isalpha() and len(w) > 3)]
    literal += [part for w in words if "-" in w for part in w.split("-")]   # "койко-место": split tokens
    return FormIndex(lemmas + [w.split("-")[-1] for w in words if "-" in w], literal=literal)
