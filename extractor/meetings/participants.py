"""Helpers shared by the meeting assembly: a mention with its facts, the region
named in a post, the fullest name of an entity, the regions a meeting names or
implies.

* A participant's region is the region named in the post; when none is named
  it is inferred from the places the meeting talks about (settlements, lakes,
  "столица"), each of which the gazetteer ties to an oblast.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional, Sequence

from ..records import Mention, Person
from ..spans import Span
from ..text.segment import Sentence

REPUBLICAN_CITIES = {"город Астана", "город Алматы", "город Шымкент"}


@dataclass
class Item:
    """A mention with the extractor's facts about it."""

    mention: Mention
    span: Span

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


def region_in(position: Item, items: Sequence[Item]) -> Optional[str]:
    """The region named inside a post: 'аким Карагандинской области' -> 'Карагандинская область'.
    A member of a list sharing its post noun ("акимов Акмолинской, Актюбинской ... областей")
    names its region in its normal form ("аким Актюбинской области"), not in its span."""
    if position.span.data.get("shared_head"):
        return _region_of_post(position.mention.normal or "")
    for it in items:
        if (it.mention.type == "region" and position.start <= it.start and it.end <= position.end
                and not it.span.data.get("implicit")
                and it.span.data.get("kind") not in {None, "country", "adjective"}):
            return _oblast_level(it.span)
    return None


@lru_cache(maxsize=512)
def _region_of_post(post: str) -> Optional[str]:
    from ..entities.regions import place_mentions

    for span in place_mentions(post, [Sentence(0, len(post), post)]):
        if span.type == "region" and span.data.get("kind") not in {None, "country", "adjective"}:
            return _oblast_level(span)
    return None


def _oblast_level(span: Span) -> Optional[str]:
    kind, name = span.data.get("kind"), span.normal
    if kind == "oblast" or name in REPUBLICAN_CITIES:
        return name
    return span.data.get("oblast") or name


def sentence_of(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(".", start, pos), text.rfind("\n", start, pos)) + 1
    right_candidates = [i for i in (text.find(".", pos, end), text.find("\n", pos, end)) if i != -1]
    return max(left, start), (min(right_candidates) if right_candidates else end)


def entity_name(it: Item, inside: Sequence[Item]) -> str:
    """The fullest name among the mentions of the same entity."""
    entity = it.span.data.get("entity")
    names = [x.mention.normal for x in inside
             if x.mention.type == "person" and entity and x.span.data.get("entity") == entity and x.mention.normal]
    return max(names or [it.mention.normal or it.mention.text], key=lambda n: len(n.split()))


def stated_regions(items: Sequence[Item], start: int, end: int, facilities: Sequence[Item]) -> list[str]:
    """Oblasts and republican cities the meeting names (not inside a facility's name)."""
    out: list[str] = []
    for it in items:
        if not (start <= it.start and it.end <= end) or it.mention.boilerplate or it.mention.type != "region":
            continue
        if it.span.data.get("implicit") or any(f.start <= it.start and it.end <= f.end for f in facilities):
            continue
        name = it.mention.normal
        if (it.span.data.get("kind") == "oblast" or name in REPUBLICAN_CITIES) and name not in out:
            out.append(name)
    return out


def inferred_region(items: Sequence[Item], start: int, end: int) -> Optional[str]:
    """The oblast most of the meeting's places belong to ("Алаколь", "Ушарал" -> "область Жетісу")."""
    votes: Counter = Counter()
    order: dict[str, int] = {}
    for it in items:
        if not (start <= it.start and it.end <= end) or it.mention.boilerplate:
            continue
        if it.mention.type not in {"region", "location"} or it.span.data.get("kind") in {"country", "adjective"}:
            continue
        oblast = it.mention.normal if it.span.data.get("implicit") else it.span.data.get("oblast")
        if oblast:
            votes[oblast] += 1
            order.setdefault(oblast, it.start)
    if not votes:
        return None
    return max(votes, key=lambda o: (votes[o], -order[o]))


REGIONAL_POSTS = {"аким", "акима", "глава", "губернатор", "мэр", "замакима"}


def regional(participants: Sequence[Person]) -> bool:
    """Is the meeting about a region?  Not when every participant holds a national post
    (a minister's report names places across the country)."""
    if not participants:
        return False
    for p in participants:
        if p.position is None:
            return True
        words = p.position.lower().split()
        if words[0] in REGIONAL_POSTS or "акима" in words:
            return True
    return False
