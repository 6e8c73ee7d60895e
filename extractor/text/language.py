"""Which language a text is in: Russian (we extract), Kazakh or English (we skip).

Letters and function words decide: Kazakh has its own letters (ә ғ қ ң ө ұ ү һ і)
and words (және, бойынша, үшін); a text with few Cyrillic letters is not Russian.
"""
from __future__ import annotations

import re

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# matched on the lowercased text
_KAZAKH_WORDS = re.compile(r"\b(?:және|бойынша|үшін|мен|бен|пен|деп|бұл|осы|болып|жылы|туралы|қазақстан)\b")
_RUSSIAN_WORDS = re.compile(r"\b(?:и|в|на|с|по|что|не|для|о|от|это|года|который|также)\b")
_NOT_LETTERS = re.compile(r"[\W\d_]+")       # removing these runs leaves the letters
_NOT_CYRILLIC = re.compile(r"[^А-Яа-яЁё]+")
_LATIN = re.compile(r"[A-Za-z]")


def _count(pattern: re.Pattern, text: str) -> int:
    """How many times ``pattern`` matches, without a list of the matches."""
    return pattern.subn("", text)[1]


def _sample(text: str, size: int) -> str:
    """The first ``size`` characters of text that are not whitespace (words joined by
    single spaces): kilobytes of blank lines before a report do not hide it."""
    window = 2 * size
    while True:
        joined = " ".join(text[:window].split())
        if len(joined) >= size or window >= len(text):
            return joined[:size]
        window *= 4


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru', 'kk', 'en' or 'other' (from the first ``sample`` characters that are not whitespace)."""
    head = _sample(text, sample)
    letters = len(_NOT_LETTERS.sub("", head))
    if letters == 0:
        return "other"
    kazakh_letters = _count(_KAZAKH_LETTERS, head)
    cyrillic = len(_NOT_CYRILLIC.sub("", head)) + kazakh_letters
    if cyrillic / letters < 0.5:
        latin = _count(_LATIN, head)
        return "en" if latin / letters >= 0.5 else "other"
    lower = head.lower()
    kazakh_words = _count(_KAZAKH_WORDS, lower)
    russian_words = _count(_RUSSIAN_WORDS, lower)
    if kazakh_words > russian_words or kazakh_letters / letters > 0.03 and kazakh_words >= russian_words / 3:
        return "kk"
    return "ru"
