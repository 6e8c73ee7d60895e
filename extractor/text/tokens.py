"""razdel's word tokenizer without its per-atom objects: same tokens, a quarter of the time.

razdel cuts a text into atoms (a run of Cyrillic letters, of Latin letters, of
digits, one punctuation mark, any other non-space character) and then, between
two atoms with nothing in between, asks its rules whether to join them.  Here
the atoms are plain tuples and the rules (razdel's own, in razdel's order,
with razdel's constants and regular expressions) are one function.
``tests/tag/test_tokens.py`` compares the two on tricky strings, and
``benchmarks/ner_equality.py`` on every text of NEREL, the seeds and our reports.
"""
from __future__ import annotations

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE

_WORDS = (OTHER, RU, LAT)
_PLAIN = (RU, LAT, INT)  # two of these side by side never join: every rule needs a mark


def _pair(a: tuple | None, b: tuple | None) -> bool | None:
    """razdel's 2-1-1-2 rules once the two sides are chosen: None = no say."""
    if a is None or b is None:
        return None
    return a[2] != PUNCT and b[2] != PUNCT


def _joins(atoms: list[tuple], i: int, buffer: str) -> bool:
    """Do atoms i-1 and i (adjacent in the text) belong to one token?"""
    l1, r1 = atoms[i - 1], atoms[i]
    left, right = l1[3], r1[3]
    l2 = atoms[i - 2] if i > 1 else None
    r2 = atoms[i + 1] if i + 1 < len(atoms) else None
    # dash, underscore: a word on each side joins (cho-to, snake_case)
    for delimiters in (DASHES, "_"):
        if left in delimiters:
            verdict = _pair(l2, r1)
        elif right in delimiters:
            verdict = _pair(l1, r2)
        else:
            continue
        if verdict:
            return True
    # float, fraction: digits on each side join (1,5; 3/4)
    for delimiter in (".,", "/\\"):
        if left in delimiter:
            a, b = l2, r1
        elif right in delimiter:
            a, b = l1, r2
        else:
            continue
        if a is not None and b is not None and a[2] == INT and b[2] == INT:
            return True
    if l1[2] == PUNCT and r1[2] == PUNCT:
        if SMILE.match(buffer + right):
            return True
        if left in ENDINGS and right in ENDINGS:
            return True
        if left + right in ("--", "**"):
            return True
    if (l1[2] == OTHER and r1[2] in _WORDS) or (l1[2] in _WORDS and r1[2] == OTHER):
        return True
    return left.lower() == "yahoo" and right == "!"


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, stop, text)`` of each token, as ``razdel.tokenize`` gives them."""
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    out: list[tuple[int, int, str]] = []
    if not atoms:
        return out
    start, stop = atoms[0][0], atoms[0][1]
    for i in range(1, len(atoms)):
        atom = atoms[i]
        if atom[0] == stop and (atom[2] not in _PLAIN or atoms[i - 1][2] not in _PLAIN) \
                and _joins(atoms, i, text[start:stop]):
            stop = atom[1]
            continue
        out.append((start, stop, text[start:stop]))
        start, stop = atom[0], atom[1]
    out.append((start, stop, text[start:stop]))
    return out
