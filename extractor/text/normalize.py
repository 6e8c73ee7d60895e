"""An analysis view of the text, of the same length: offsets stay valid.

Scraped news mixes Latin look-alikes into Cyrillic words ("Aкорда" with a Latin
A) and uses exotic spaces.  We replace such characters one for one, so every
offset in the view is an offset in the source; mention texts are always cut
from the source itself.
"""
from __future__ import annotations

import re

# Latin letters that look like Cyrillic ones
_HOMOGLYPHS = str.maketrans({
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х",
    "y": "у", "i": "і",
})
_SPACES = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "\u000b": " ", "\u000c": " "})
_MIXED_WORD = re.compile(r"[A-Za-zА-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ]")
_LATIN = re.compile(r"[A-Za-z]")


def analysis_text(text: str) -> str:
    """The text with homoglyphs inside Cyrillic words made Cyrillic; same length."""
    if not _LATIN.search(text):
        out = text.translate(_SPACES)
        return text if out == text else out

    def fix(match: re.Match) -> str:
        word = match.group()
        cyr = len(_CYRILLIC.findall(word))
        lat = len(word) - cyr
        if cyr and lat and cyr >= lat:
            return word.translate(_HOMOGLYPHS)
        return word

    out = _MIXED_WORD.sub(fix, text).translate(_SPACES)
    assert len(out) == len(text)
    return text if out == text else out  # the same object when nothing changed
