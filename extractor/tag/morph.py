"""The process-wide morphological analyser: pymorphy3, loaded once.

natasha and yargy default to pymorphy2; we hand them this one instead
(:func:`yargy_morph`), so the whole process uses a single dictionary.
"""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

_ANALYZER: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


@lru_cache(maxsize=50_000)
def parse(word: str) -> tuple:
    """Cached pymorphy3 parses of one word (most likely first)."""
    return tuple(analyzer().parse(word))


def lemma(word: str) -> str:
    parses = parse(word)
    return parses[0].normal_form if parses else word.lower()


@lru_cache(maxsize=1)
def yargy_morph():
    """A yargy morph analyser backed by our pymorphy3 instance (cached forms)."""
    from yargy.morph import MorphAnalyzer, prepare_form

    @lru_cache(maxsize=50_000)
    def forms(word):
        return [prepare_form(p) for p in parse(word)]

    class Pymorphy3ForYargy(MorphAnalyzer):
        def __init__(self):
            super().__init__(raw=analyzer())

        def __call__(self, word):
            return forms(word)

    return Pymorphy3ForYargy()
