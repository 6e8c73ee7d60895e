"""Digits that are no figures: URLs and e-mail addresses (``%D0%BE``, ``/2025/08/14/``,
article IDs in links), and ``раз в две недели`` (a frequency, not a duration)."""
from __future__ import annotations

import re

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.\w[\w.]*"
                  r"|\b[\w-]+\.(?:kz|ru|com|org|net|gov|info|su)\b(?:/\S*)?", re.IGNORECASE)
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}")
_HINTS = ("://", "www.", "@", ".kz", ".ru", ".com", ".org", ".net", ".gov", ".info", ".su",
          ".KZ", ".RU", ".COM")
_IN = re.compile(r"во?\s", re.IGNORECASE)
_FREQUENCY = re.compile(r"\bраз\s*$", re.IGNORECASE)


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mails and percent-encoded strings (``%D0%BE...``) in ``text``."""
    spans = []
    if any(hint in text for hint in _HINTS):   # plain substring tests: no regex on most sentences
        spans += [m.span() for m in _URL.finditer(text)]
    if "%" in text:
        for m in _ENCODED.finditer(text):        # the whole whitespace-delimited word
            left = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            right = min((i for i in (text.find(" ", m.end()), text.find("\n", m.end())) if i != -1),
                        default=len(text))
            spans.append((left, right))
    return spans


def inside_link(links: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in links)


def is_frequency(sentence: str, start: int) -> bool:
    """``раз в две недели``: the period of a repetition (not ``в третий раз за десять лет``)."""
    return bool(_IN.match(sentence, start)) and bool(_FREQUENCY.search(sentence[max(0, start - 12):start]))
