"""Cheap pre-checks before morphology: could this word be a form of one of these lemmas?

``PrefixIndex`` keeps the first three letters of every lemma (a lemma and its
forms share a prefix: "зона"/"зоны", "мэр"/"мэра"); ``FormIndex`` knows every
inflected form outright, from pymorphy3's paradigms.
"""
from __future__ import annotations

import re
from typing import Iterable


class PrefixIndex:
    LENGTH = 3

    def __init__(self, lemmas: Iterable[str]):
        self._prefixes = frozenset(w.lower()[: self.LENGTH] for w in lemmas if w)

    def may_match(self, word: str) -> bool:
        return word[: self.LENGTH].lower() in self._prefixes

    def any_in(self, text: str) -> bool:
        return any(self.may_match(w) for w in text.split())


class FormIndex:
    """Every inflected form of a set of lemmas (from pymorphy3's paradigms), so a
    word is checked by one set lookup instead of a morphological analysis."""

    def __init__(self, lemmas: Iterable[str], literal: Iterable[str] = ()):
        from ..tag.morph import parse

        forms: set[str] = {w.lower() for w in literal}
        for lemma in lemmas:
            lemma = lemma.lower()
            forms.add(lemma)
            for p in parse(lemma)[:3]:
                if p.normal_form == lemma or p.normal_form.replace("ё", "е") == lemma.replace("ё", "е"):
                    forms.update(f.word for f in p.lexeme)
        self._forms = frozenset(w.replace("ё", "е") for w in forms) | frozenset(forms)

    def may_match(self, word: str) -> bool:
        return word.lower() in self._forms

    def any_in(self, text: str) -> bool:
        for word in _WORDS.findall(text):
            if self.may_match(word) or ("-" in word and any(self.may_match(p) for p in word.split("-"))):
                return True
        return False


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
