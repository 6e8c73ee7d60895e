"""Gazetteers and word lists as plain data files (one entry per line, '#' comments)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``extractor/data/<name>``, comments and blank lines dropped."""
    raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))
