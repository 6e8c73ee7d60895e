"""Person names for the registry: a normalised key, and "the same name spelt twice".

The key folds what differs between two spellings of one name in our sources
without changing the name: case, ё/е, Kazakh letters written with their Russian
look-alikes (Жеңіс Қасымбек / Женис Касымбек), dashes, word order
("Токаев Касым-Жомарт" / "Касым-Жомарт Токаев") and a patronymic, which
official decrees add and news reports leave out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")
_DASHES = re.compile(r"\s*[-‐‑–—]\s*")
_NOT_NAME = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=100_000)
def name_words(name: str) -> tuple[str, ...]:
    """The name's words, lower-cased and folded, in text order."""
    folded = _DASHES.sub("-", name.lower().translate(_FOLD))
    return tuple(w for w in _NOT_NAME.sub(" ", folded).split() if w.strip("-"))


_PATRONYMIC = ("вич", "вна", "ична", "улы", "кызы")


@lru_cache(maxsize=100_000)
def core_words(name: str) -> tuple[str, ...]:
    """The name's folded words without a patronymic, when there are three words or more
    ("Исабаев Бейбит Оксикбаевич", "Туймебаев Жансейт Кансейтулы"); a two-word name
    keeps an -улы surname ("Берик Абдыгалиулы")."""
    words = name_words(name)
    if len(words) >= 3:
        for i in range(len(words) - 1, -1, -1):
            if words[i].endswith(_PATRONYMIC):
                return words[:i] + words[i + 1:]
    return words


@lru_cache(maxsize=100_000)
def name_key(name: Optional[str]) -> Optional[str]:
    """Normalised full name: the folded words (patronymic dropped) in sorted order; None for no name."""
    if not name:
        return None
    words = core_words(name)
    return " ".join(sorted(words)) if words else None


def near_names(a: str, b: str) -> bool:
    """Two spellings of one full name: the same number of words (at least two),
    all words equal but one, which is one edit away (a letter dropped, added or
    changed: Бауыржан / Бауржан, Ермаганбет / Ермагамбет), keeps its first letter
    and has at least five letters."""
    wa, wb = core_words(a), core_words(b)
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    for order in (wb, tuple(reversed(wb))):
        edits = 0
        for x, y in zip(wa, order):
            if x == y:
                continue
            if min(len(x), len(y)) < 5 or not _one_edit(x, y):
                break
            edits += 1
        else:
            if edits <= 1:
                return True
    return False


def _one_edit(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1 or x[0] != y[0]:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y)) == 1
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False
