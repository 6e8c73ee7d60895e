"""Russian number words: cardinals (``пять``, ``двухсот``, ``полутора``), counting
nouns (``сотня``, ``десяток``), fractions (``треть``, ``четверть``, ``половина``)
and the indefinite ``несколько``, read by lemma so every case form counts.

``пять миллионов`` = 5 x 10^6, ``двадцать пять тысяч`` = 25 x 10^3,
``треть миллиарда`` = 10^9 / 3, ``несколько сотен миллионов`` = an unknown
count of 10^8 (value None, the word kept as the figure's qualifier).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..tag.morph import analyzer

CARDINALS = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5,
}
# nouns that count in tens and hundreds: "сотни тысяч", "несколько десятков"
COUNTING = {"десяток": 10, "сотня": 100}
# fractions of a scale word: "треть миллиарда", "четверть миллиона", "половина бюджета" is no figure
FRACTIONS = {"треть": 1 / 3, "четверть": 0.25, "половина": 0.5}
SCALE_LEMMAS = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12}
INDEFINITE = {"несколько"}
ALL_LEMMAS = set(CARDINALS) | set(COUNTING) | set(FRACTIONS) | set(SCALE_LEMMAS) | INDEFINITE


@lru_cache(maxsize=1)
def surface_forms() -> frozenset[str]:
    """Every inflected form of every number-word lemma (lowercase), for cheap anchoring."""
    morph = analyzer()
    forms = set()
    for lemma in ALL_LEMMAS:
        for parse in morph.parse(lemma):
            if parse.normal_form != lemma:
                continue
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    forms.update({"полтора", "полторы", "полутора", "одна", "одно", "одни"})
    return frozenset(forms)


_WORD = re.compile(r"[а-яё]+")


def trie_pattern(words) -> str:
    """One regex alternation shaped as a trie (shared prefixes factored out), so the C
    matcher rejects a position after a letter or two instead of trying every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body
    return build(trie)


@lru_cache(maxsize=1)
def _gate() -> re.Pattern:
    return re.compile(r"(?<![а-яё])" + trie_pattern(surface_forms()) + r"(?![а-яё])")


def mentions_number_word(text: str, followers=None) -> bool:
    """Does the text hold a number word, followed within three words by one of
    ``followers`` (unit forms) or another number word?  The cheap pre-check of a sentence."""
    forms = surface_forms()
    lowered = text.lower()
    if followers is None:
        return any(w in forms for w in _WORD.findall(lowered))
    lowered = lowered.replace("ё", "е")
    if not _gate().search(lowered):
        return False
    words = _WORD.findall(lowered)
    for i, word in enumerate(words):
        if word in forms:
            for nxt in words[i + 1:i + 4]:
                if nxt in forms or followers.may_match(nxt):
                    return True
    return False


def lemma_of(token) -> str | None:
    """The number-word lemma a yargy token reads as, or None."""
    word = token.value.lower().replace("ё", "е")
    if word not in surface_forms():
        return None
    for form in getattr(token, "forms", None) or []:
        if form.normalized in ALL_LEMMAS:
            return form.normalized
    if word.startswith("полтор") or word.startswith("полутор"):
        return "полтора"
    return None
