"""A cheap pre-check before morphology: could this word be a form of one of these lemmas?

Russian inflection changes word endings, so a lemma and its forms share a
prefix: "зона"/"зоны", "мэр"/"мэра".  We keep the first three letters of every
lemma and look a word up by its own first three letters.
"""
from __future__ import annotations

from typing import Iterable


class PrefixIndex:
    LENGTH = 3

    def __init__(self, lemmas: Iterable[str]):
        self._prefixes = frozenset(w.lower()[: self.LENGTH] for w in lemmas if w)

    def may_match(self, word: str) -> bool:
        return word[: self.LENGTH].lower() in self._prefixes

    def any_in(self, text: str) -> bool:
        return any(self.may_match(w) for w in text.split())
