"""``extractor who``: people and posts of a registry, filtered by region, post, date, name.

Regions are read with the project's gazetteer (data/regions.tsv): canonical
names, inflected forms and short forms ("Карагандинская область",
"Карагандинской", "Жетысу", "Нур-Султан", "ВКО") all resolve to the canonical
name; a city also stands for the oblast it lies in ("Караганда").
A post is *held on a date* from the first time it is seen until a successor in
the same post (same role and region or scope) is seen, or its holder is seen
in another post; the latest holder's term is open.  Undated posts never match ``--date``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .names import name_words
from .posts import post_info

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GENERIC = {"область", "город", "г", "обл", "район"}


class QueryError(ValueError):
    """A filter that cannot be understood (an unknown region, a bad date)."""


def load_people(out_dir: Path) -> list[dict]:
    """OUT/people.jsonl, or the registry built from OUT/meetings.jsonl when it is missing."""
    from . import PEOPLE, build_from_sightings, from_meetings_jsonl

    out_dir = Path(out_dir)
    path = out_dir / PEOPLE
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    meetings = out_dir / "meetings.jsonl"
    if not meetings.is_file():
        raise QueryError(f"{out_dir}: no people.jsonl or meetings.jsonl (not a run's output folder?)")
    return [p.to_dict() for p in build_from_sightings(from_meetings_jsonl(meetings))]


def resolve_region(query: str) -> list[str]:
    """Canonical region names the query can mean (empty when none)."""
    from ..entities.gazetteer import REGION_KINDS, gazetteer, keys, norm

    folded = norm(" ".join(query.split()))
    rows = {place.canonical: place for entries in gazetteer().values() for _, place in entries
            if place.kind in REGION_KINDS}
    exact = [c for c in rows if norm(c) == folded]
    found = exact or []
    if not found:
        words = [keys(w) for w in _TOKEN.findall(query)]
        if not words:
            return []
        for entries in gazetteer().values():
            for variant, place in entries:
                if place.kind in REGION_KINDS and place.canonical not in found and _inside(words, variant):
                    found.append(place.canonical)
    if not found and len(folded) >= 4 and folded not in _GENERIC:
        found = [c for c in rows if norm(c).startswith(folded) or
                 any(w.startswith(folded) for w in norm(c).split() if w not in _GENERIC)]
    out = []
    for canonical in found:
        out.append(canonical)
        oblast = rows[canonical].oblast
        if oblast and oblast not in out:
            out.append(oblast)
    return sorted(dict.fromkeys(out))


def _inside(words: list[frozenset], variant: tuple[str, ...]) -> bool:
    """The query's words are a run of the variant's words, not only "область"/"город"."""
    n = len(words)
    for i in range(len(variant) - n + 1):
        part = variant[i:i + n]
        if all(part[k] in words[k] for k in range(n)) and any(w not in _GENERIC for w in part):
            return True
    return False


def _date_range(text: str) -> tuple[str, str]:
    """'2022' -> whole year, '2022-03' -> the month, '2022-03-15' -> the day (ISO strings)."""
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-01-01", f"{text}-12-31"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = dt.date.fromisoformat(f"{text}-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        day = dt.date.fromisoformat(text).isoformat()
        return day, day
    except ValueError:
        pass
    raise QueryError(f"not a date: {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)")


@dataclass(frozen=True)
class Row:
    person: dict
    post: dict
    held_until: Optional[str]      # day before a successor was first seen; None: open or unknown

    def to_dict(self) -> dict:
        return {"id": self.person["id"], "name": self.person["name"], "variants": self.person["variants"],
                **{k: self.post.get(k) for k in ("position", "role", "region", "organisation",
                                                    "first_seen", "last_seen")},
                "held_until": self.held_until, "meetings": len(self.post.get("meeting_ids") or []),
                "meeting_ids": self.post.get("meeting_ids") or []}


def _successions(people: list[dict]) -> dict[tuple[str, int], Optional[str]]:
    """(person id, timeline index) -> the day before the next holder of the same post was first seen."""
    holders: dict[tuple, list[tuple[str, str, int]]] = {}
    for p in people:
        for i, post in enumerate(p.get("timeline") or []):
            info = post_info(post.get("position"), post.get("region"))
            if post.get("first_seen") and info.role and info.scope:
                holders.setdefault((info.role, info.scope), []).append((post["first_seen"], p["id"], i))
    out: dict[tuple[str, int], Optional[str]] = {}
    for seq in holders.values():
        seq.sort()
        for k, (first, pid, i) in enumerate(seq):
            later = [f for f, other, _ in seq[k + 1:] if other != pid and f > first]
            if later:
                out[(pid, i)] = (dt.date.fromisoformat(later[0]) - dt.timedelta(days=1)).isoformat()
            else:
                out[(pid, i)] = None
    for p in people:   # a post also ends when its holder is next seen in another post
        timeline = p.get("timeline") or []
        for i, post in enumerate(timeline):
            if (p["id"], i) not in out:
                continue
            later = sorted(t["first_seen"] for t in timeline if t.get("role") and t is not post
                           and t.get("first_seen") and t["first_seen"] > post["first_seen"])
            if later:
                moved = (dt.date.fromisoformat(later[0]) - dt.timedelta(days=1)).isoformat()
                if out[(p["id"], i)] is None or moved < out[(p["id"], i)]:
                    out[(p["id"], i)] = moved
    return out


def select(people: list[dict], region: Optional[str] = None, position: Optional[str] = None,
           date: Optional[str] = None, name: Optional[str] = None) -> list[Row]:
    regions = None
    if region:
        regions = set(resolve_region(region))
        if not regions:
            raise QueryError(f"unknown region: {region!r}")
    wanted = post_info(position) if position else None
    wanted_stems = [w[:5] for w in _TOKEN.findall(wanted.scope)] if wanted and wanted.scope else []
    span = _date_range(date) if date else None
    name_query = name_words(name) if name else ()
    ends = _successions(people) if span else {}
    rows = []
    for p in people:
        if name_query and not any(_name_fits(name_query, v) for v in [p["name"], *p.get("variants", [])]):
            continue
        for i, post in enumerate(p.get("timeline") or []):
            if regions is not None and post.get("region") not in regions:
                continue
            if wanted is not None:
                info = post_info(post.get("position"), post.get("region"))
                text = (post.get("position") or "").lower()
                if info.role != wanted.role or not all(s in text for s in wanted_stems):
                    continue
            until = ends.get((p["id"], i))
            if span:
                first = post.get("first_seen")
                # with a known post: until a successor (open for the latest); else: last seen
                end = until if (p["id"], i) in ends else post.get("last_seen")
                if not first or first > span[1] or (end is not None and end < span[0]):
                    continue
            rows.append(Row(p, post, until))
    rows.sort(key=lambda r: (r.post.get("region") or "", r.post.get("role") or "",
                             r.post.get("first_seen") or "9999", r.person["name"], r.person["id"]))
    return rows


def _name_fits(query: tuple[str, ...], name: str) -> bool:
    words = name_words(name)
    return all(any(w.startswith(q) for w in words) for q in query)


def format_table(rows: Iterable[Row]) -> str:
    header = ("name", "position", "region", "first seen", "last seen", "meetings", "id")
    lines = [header]
    for r in rows:
        lines.append((r.person["name"], r.post.get("position") or "-", r.post.get("region") or "-",
                      r.post.get("first_seen") or "-", r.post.get("last_seen") or "-",
                      str(len(r.post.get("meeting_ids") or [])), r.person["id"]))
    if len(lines) == 1:
        return "no matching people"
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def iter_json(rows: Iterable[Row]) -> Iterator[dict]:
    for r in rows:
        yield r.to_dict()
