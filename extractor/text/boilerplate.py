"""Clean stage: find site boilerplate and mark it; the text itself is never changed.

Two shapes are recognised:
* marker lines ("Читайте также", share/subscribe calls, photo credits, tags,
  cookie notices), with the headline that follows a "Читайте также";
* the rubric/headline list news sites append after the article: a trailing
  block of lines with no full stop, several of them one- to three-word rubrics.
"""
from __future__ import annotations

import re

from .segment import lines

_MARKER = re.compile(
    r"^(?:читайте\s+(?:также|тоже|еще|ещё)|смотрите\s+также|см\.\s+также|"
    r"подписывайтесь|подпишитесь|поделиться|поделитесь|share\b|"
    r"фото(?:графии)?\s*[:—–-]|видео\s*[:—–-]|источник\s+фото|"
    r"теги\s*:|тэги\s*:|метки\s*:|"
    r"мы\s+используем\s+(?:файлы\s+)?cookie|этот\s+сайт\s+использует|"
    r"если\s+вы\s+нашли\s+ошибку|нашли\s+ошибку|"
    r"новости\s+по\s+теме|материалы\s+по\s+теме|самое\s+читаемое|"
    r"следите\s+за\s+новостями|наш\s+telegram|наш\s+телеграм)",
    re.IGNORECASE,
)
_FOLLOWED_BY_HEADLINE = re.compile(r"^(?:читайте|смотрите|см\.)", re.IGNORECASE)
_SENTENCE_END = (".", "…", ";")
MIN_TAIL_LINES = 4
MIN_RUBRICS = 2


def headline_like(line: str) -> bool:
    return len(line) <= 250 and not line.rstrip("»\"”' ").endswith(_SENTENCE_END)


def _is_rubric(line: str) -> bool:
    return len(line.split()) <= 3 and headline_like(line)


def find_boilerplate(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Boilerplate spans of ``text[start:]`` as sorted, non-overlapping (start, end)."""
    return _merge([(s, e) for s, e, _ in boilerplate_reasons(text, start)])


def boilerplate_reasons(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The spans of :func:`find_boilerplate`, unmerged, each with its reason
    (``marker``, or ``headline_list`` for the list after the article)."""
    spans: list[tuple[int, int, str]] = []
    all_lines = list(lines(text, start))
    tail = _trailing_list(text, all_lines)
    pending_headline = False
    for s, e in all_lines:
        if tail is not None and s >= tail:
            break
        line = text[s:e]
        if _MARKER.match(line):
            spans.append((s, e, "marker"))
            pending_headline = bool(_FOLLOWED_BY_HEADLINE.match(line)) and len(line.split()) <= 3
        elif pending_headline and headline_like(line):
            spans.append((s, e, "marker"))
            pending_headline = False
        else:
            pending_headline = False
    if tail is not None:
        spans.append((tail, len(text), "headline_list"))
    return spans


def _trailing_list(text: str, all_lines: list[tuple[int, int]]) -> int | None:
    block: list[tuple[int, int]] = []
    for s, e in reversed(all_lines):
        line = text[s:e]
        if not (headline_like(line) or _MARKER.match(line)):
            break
        block.append((s, e))
    if len(block) < MIN_TAIL_LINES:
        return None
    rubrics = sum(1 for s, e in block if _is_rubric(text[s:e]))
    if rubrics < MIN_RUBRICS:
        return None
    return block[-1][0]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
