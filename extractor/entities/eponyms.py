"""People named inside other names: ``театр имени А. П. Чехова``, ``Конкурс имени Петра
Чайковского``, ``Институт им. Пушкина``; and a name's original spelling in brackets
after it: ``Стив Ирвин (Steve Irwin)``, ``Кэссиди Вулф (Кэсси Вулф; Cassidy Wolf)``.

NEREL marks these as persons; slovnet mostly leaves them.  A mention is added only
where no person mention already covers the words.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..spans import Span
from . import inflect

_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_EPONYM = re.compile(
    r"(?<![\w.])(?:имени|им\.)\s+"
    r"((?:[А-ЯЁ]\.\s*){1,2}" + _CAP + r"|" + _CAP + r"(?:\s+(?:ван|фон|де|да|ди)\s+" + _CAP + r")?"
    r"(?:\s+" + _CAP + r")?)")
_LATIN = r"[A-Z][a-zà-öø-ÿ'’-]+"
_BRACKET_NAME = re.compile(
    r"\s*\((?:[^()\n]{0,60}?;\s*)?(" + _LATIN + r"(?:\s+(?:[A-Z]\.|de|da|di|van|von|der|" + _LATIN + r")){1,4})"
    r"\s*[;,)]")


def eponym_people(text: str, spans: Sequence[Span]) -> list[Span]:
    people = [s for s in spans if s.type == "person"]
    out: list[Span] = []

    def add(start: int, end: int) -> None:
        if any(p.start < end and start < p.end for p in people + out):
            return
        surface = text[start:end]
        out.append(Span(start, end, "person", surface, normal=_normal(surface), source="grammar",
                        data={"eponym": True}))

    if "имени" in text or "им." in text:
        for match in _EPONYM.finditer(text):
            add(*match.span(1))
    for person in people:
        if person.end < len(text) and "(" in text[person.end:person.end + 3]:
            match = _BRACKET_NAME.match(text, person.end)
            if match:
                add(*match.span(1))
    return out


def _normal(surface: str) -> str:
    if re.search(r"[A-Za-z]", surface):
        return surface
    try:
        return inflect.person_name(surface)
    except Exception:  # noqa: BLE001 - a normal form is a courtesy, the span stands
        return surface
