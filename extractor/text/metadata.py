"""Source facts stated in the text: the outlet ("передает BAQ.KZ") and a dateline."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

# "передает Акорда", "сообщает Zakon.kz со ссылкой на Акорду", "передает корреспондент Kazinform"
_OUTLET = re.compile(
    r"\b(?:переда[её]т|сообщает|сообщают|пишет|информирует)\s+(?:корреспондент\s+|пресс-служба\s+)?"
    r"(?P<outlet>[A-ZА-ЯЁ][\w-]*(?:\.[a-zA-Z]{2,4})?(?:\s+[A-ZА-ЯЁ][\w-]+)?)",
)
_OUTLET_NAMES = {"Акорда": "Акорда", "Акорды": "Акорда", "Акорду": "Акорда", "Акорде": "Акорда"}
_DATELINE = re.compile(r"\A\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_WORD_DATE = re.compile(
    r"\A\s*(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"\s+(\d{4})", re.IGNORECASE)
# month prefixes, Russian then English: "мар" (3) is tried before "ма" (5)
_MONTH_PREFIXES = (["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
                   ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])


def month_number(word: str) -> Optional[int]:
    """'апреля' -> 4, 'мая' -> 5, 'марта' -> 3, 'September' -> 9."""
    word = word.lower()
    for prefixes in reversed(_MONTH_PREFIXES):
        for n, prefix in enumerate(prefixes, 1):
            if word.startswith(prefix):
                return n
    return None


def outlet(text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    match = _OUTLET.search(text, start, len(text) if end is None else end)
    if not match:
        return None
    name = match.group("outlet").split()[0]
    return _OUTLET_NAMES.get(name, name.rstrip(".,"))


def dateline(text: str, start: int = 0) -> Optional[dt.date]:
    """A publication date at the very top of the text ("14.08.2025 ...", "14 августа 2025")."""
    head = text[start:start + 80]
    try:
        if m := _DATELINE.match(head):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _WORD_DATE.match(head):
            return dt.date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None
