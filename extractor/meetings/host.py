"""Who hosts: the President, however the report names him."""
from __future__ import annotations

import re

HOST_NAME = "Касым-Жомарт Токаев"
HOST_POSITION = "Президент Республики Казахстан"

# "Президент", "Глава государства", "Мемлекет басшысы", "Касым-Жомарт Токаев" in any case.
HOST_REFERENCE = re.compile(
    r"\b(?:Президент(?:а|у|ом|е)?(?!\s+(?:Турци|Росси|Франци|США|Кита|Иран|Узбекистан|Кыргыз))"
    r"|[Гг]лав(?:а|ы|е|у|ой)\s+государства"
    r"|Мемлекет\s+басшысы"
    r"|Касым-Жомарт(?:а|у|ом|е)?\s+Токаев(?:а|у|ым|е)?"
    r"|Токаев(?:а|у|ым|е)?)\b"
)
HOST_BY_NAME = re.compile(r"\bТокаев")


def host_references(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in HOST_REFERENCE.finditer(text, start, end)]


def is_host_name(name: str | None) -> bool:
    return bool(name) and bool(HOST_BY_NAME.search(name))
