"""Topics of a meeting from a small controlled vocabulary (data/topics.tsv)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import word_list

MIN_HITS = 2  # one passing word is not a topic


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for line in word_list("topics.tsv"):
        topic, stems = line.split("\t")
        out.append((topic, re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems.split("|")) + ")",
                                      re.IGNORECASE)))
    return out


def topics_of(text: str) -> list[str]:
    return [topic for topic, pattern in _patterns() if len(pattern.findall(text)) >= MIN_HITS]
