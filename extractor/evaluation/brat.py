"""Read a brat folder (NEREL layout: X.txt + X.ann) into gold spans of contract types."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# NEREL entity type -> contract mention type (../shared/README.md)
NEREL_TO_CONTRACT = {
    "PERSON": "person",
    "PROFESSION": "position",
    "CITY": "region",
    "STATE_OR_PROVINCE": "region",
    "COUNTRY": "region",
    "DISTRICT": "region",
    "LOCATION": "location",
    "FACILITY": "facility",
    "ORGANIZATION": "organization",
    "MONEY": "money",
    "PERCENT": "percent",
    "DATE": "date",
}


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str      # contract type
    label: str     # NEREL label
    text: str


@dataclass
class BratDoc:
    name: str
    text: str
    spans: list[GoldSpan]


def read_ann(ann: str, text: str) -> list[GoldSpan]:
    """Entity lines (``T1<TAB>LABEL start end[;start end]<TAB>text``) of mapped types.

    A discontinuous entity is taken from its first start to its last end."""
    out = []
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        try:
            _, middle, _surface = line.split("\t", 2)
        except ValueError:
            continue
        label, _, offsets = middle.partition(" ")
        type = NEREL_TO_CONTRACT.get(label)
        if type is None:
            continue
        pairs = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
        start, end = min(p[0] for p in pairs), max(p[1] for p in pairs)
        out.append(GoldSpan(start, end, type, label, text[start:end]))
    return out


def read_folder(folder: Path) -> Iterator[BratDoc]:
    for txt in sorted(Path(folder).glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        yield BratDoc(txt.stem, text, read_ann(ann.read_text(encoding="utf-8"), text))
