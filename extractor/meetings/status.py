"""Facility status from the verbs around it: planned, under construction, completed.

The cue nearest before the facility in its clause wins ("завершена
реконструкция автодороги ..., реализуется проект по строительству инженерной
инфраструктуры": the road is completed, the infrastructure under construction);
with no cue before it, the nearest one after it.
"""
from __future__ import annotations

import re
from typing import Optional

CUES = [
    ("planned", r"планиру\w*|запланирован\w*|будет\s+построен\w*|будут\s+построен\w*|предусмотрен\w*|"
                r"намечен\w*|предстоит|в\s+планах|планах|проектируется|разработ\w+\s+(?:проект|генплан|ПСД)\w*"),
    ("under_construction", r"продолжа\w+|вед[её]тся|ведутся|строится|строятся|реализу\w+|"
                           r"будет\s+заверш\w+|будут\s+заверш\w+|в\s+стадии\s+строительства|"
                           r"модернизир\w+|идет|идёт"),
    ("completed", r"(?<!будет\s)(?<!будут\s)заверш[её]н\w*|построен\w*|введ[её]н\w*\s+в\s+эксплуатацию|"
                  r"введен\w*|открыт[аоы]?\b|сдан\w*|реконструирован\w*|отремонтирован\w*|"
                  r"запущен\w*|завершили|построили|открыли"),
]
# nouns of work in progress: only when no verb in the clause says more
WEAK = ("under_construction", r"строительств\w+|обновлени\w+|реконструкци\w+|ремонт\w*")
_CUE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CUES), re.IGNORECASE)
_WEAK = re.compile(WEAK[1], re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;!?\n]")


def facility_status(text: str, start: int, end: int) -> Optional[str]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _CLAUSE_BREAK.search(text, end)
    right = stop.start() if stop else len(text)
    before = [m for m in _CUE.finditer(text, left, start)]
    if before:
        return before[-1].lastgroup
    after = _CUE.search(text, end, right)
    if after:
        return after.lastgroup
    return WEAK[0] if _WEAK.search(text, left, right) else None
