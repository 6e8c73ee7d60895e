"""Meeting boundaries inside a report.

A report is one meeting unless a sentence opens another one:

* a transition word and a reception verb: "Далее Президент принял акима ...",
  "Затем Глава государства встретился с ...", "Также Глава государства принял ...";
* the host named again with a reception verb once a meeting already has its
  participant: "Касым-Жомарт Токаев провел встречу с ...";
* after "провел отдельные встречи с акимами ..." every paragraph that opens with
  an official reporting ("Аким Жамбылской области ... доложил") is a meeting of
  its own.  Without that announcement, officials reporting one after another in
  one paragraph stay one meeting with several participants: the text presents
  them as one event, and splitting them would invent separate meetings.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..text.segment import Sentence
from .host import HOST_REFERENCE

TRANSITION = re.compile(
    r"^(?:Далее|Затем|Позже|После\s+этого|Кроме\s+того|Также|Помимо\s+этого|В\s+тот\s+же\s+день|"
    r"Вслед\s+за\s+этим|В\s+этот\s+же\s+день|Следом)\b",
    re.IGNORECASE)
RECEPTION = re.compile(
    r"\b(?:принял[аи]?|принимает|встретил(?:ся|ась)|провел[аи]?\s+(?:отдельн\w+\s+)?встреч\w*|"
    r"заслушал[аи]?|провел[аи]?\s+(?:рабоч\w+\s+)?совещание)\b",
    re.IGNORECASE)
SEPARATE_MEETINGS = re.compile(r"отдельн\w+\s+встреч", re.IGNORECASE)
REPORTING_START = re.compile(
    r"^(?:Аким|Министр|Председатель|Глава|Руководитель|Вице-министр|Заместитель)\w*\b.{0,150}?"
    r"\b(?:доложил|проинформировал|рассказал|отчитался|сообщил|представил)",
    re.IGNORECASE)


def meeting_starts(text: str, sentences: Sequence[Sentence], start: int, end: int) -> list[int]:
    """Offsets where meetings start within ``[start, end)`` (the first is ``start``)."""
    inside = [s for s in sentences if start <= s.start and s.end <= end]
    starts = [start]
    separate = bool(SEPARATE_MEETINGS.search(text, start, end))
    seen_reception = False
    for k, sent in enumerate(inside):
        line_start = k == 0 or "\n" in text[inside[k - 1].end:sent.start]
        reception = bool(RECEPTION.search(sent.text))
        opens = False
        if TRANSITION.match(sent.text) and reception:
            opens = True
        elif reception and seen_reception and HOST_REFERENCE.search(sent.text) and line_start:
            opens = True
        elif separate and line_start and REPORTING_START.match(sent.text) and seen_reception:
            opens = True
        if opens and sent.start > starts[-1]:
            starts.append(sent.start)
        seen_reception = seen_reception or reception or bool(REPORTING_START.match(sent.text))
    return starts


def meeting_spans(text: str, sentences: Sequence[Sentence], start: int, end: int) -> list[tuple[int, int]]:
    starts = meeting_starts(text, sentences, start, end)
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else end
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    # a headline ("Глава государства принял министра ...", no full stop) belongs to the report under it
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _headline_only(text, *merged[-1]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    # "провел отдельные встречи с акимами ...": the announcement is no meeting of its own
    if len(merged) > 1 and SEPARATE_MEETINGS.search(text, *merged[0]) and not REPORTING_START.search(
            text[merged[0][0]:merged[0][1]].split(".", 1)[-1]):
        merged = merged[1:]
    return merged


def _headline_only(text: str, start: int, end: int) -> bool:
    return not re.search(r"[.!?…]", text[start:end])
