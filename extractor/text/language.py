"""Which language a text is in: Russian (we extract), Kazakh or English (we skip).

Letters and function words decide: Kazakh has its own letters (ә ғ қ ң ө ұ ү һ і)
and words (және, бойынша, үшін); a text with few Cyrillic letters is not Russian.
"""
from __future__ import annotations

import re

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_KAZAKH_WORDS = re.compile(r"\b(?:және|бойынша|үшін|мен|бен|пен|деп|бұл|осы|болып|жылы|туралы|қазақстан)\b",
                           re.IGNORECASE)
_RUSSIAN_WORDS = re.compile(r"\b(?:и|в|на|с|по|что|не|для|о|от|это|года|который|также)\b", re.IGNORECASE)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")


_WORDS = re.compile(r"\S+")


def _sample(text: str, size: int) -> str:
    """The first ``size`` characters of text that are not whitespace (words joined by
    single spaces): kilobytes of blank lines before a report do not hide it."""
    parts, total = [], 0
    for match in _WORDS.finditer(text):
        parts.append(match.group())
        total += len(parts[-1]) + 1
        if total >= size:
            break
    return " ".join(parts)[:size]


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru', 'kk', 'en' or 'other' (from the first ``sample`` characters that are not whitespace)."""
    head = _sample(text, sample)
    letters = len(_LETTER.findall(head))
    if letters == 0:
        return "other"
    cyrillic = len(_CYRILLIC.findall(head)) + len(_KAZAKH_LETTERS.findall(head))
    if cyrillic / letters < 0.5:
        latin = len(re.findall(r"[A-Za-z]", head))
        return "en" if latin / letters >= 0.5 else "other"
    kazakh_words = len(_KAZAKH_WORDS.findall(head))
    russian_words = len(_RUSSIAN_WORDS.findall(head))
    kazakh_letters = len(_KAZAKH_LETTERS.findall(head))
    if kazakh_words > russian_words or kazakh_letters / letters > 0.03 and kazakh_words >= russian_words / 3:
        return "kk"
    return "ru"
