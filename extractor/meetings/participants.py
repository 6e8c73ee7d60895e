"""Who met whom: the host, the participants with their posts and regions.

* A post and a name side by side are one official: "акима Карагандинской
  области Ермаганбета Булекпаева", "Женис Касымбек, аким города Астаны".
* Participants are officials named with a post, people the host received or
  instructed ("поручил Женису Касымбеку"), and, when nobody is named, the post
  that reports ("аким проинформировал") as a participant without a name.
* A participant's region is the region named in the post; when none is named
  it is inferred from the places the meeting talks about (settlements, lakes,
  "столица"), each of which the gazetteer ties to an oblast.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from ..records import Mention, Person
from ..spans import Span
from .host import HOST_NAME, HOST_POSITION, is_host_name

REPUBLICAN_CITIES = {"город Астана", "город Алматы", "город Шымкент"}
HOST_POSITIONS = re.compile(r"^(?:Президент|Глава государства|Мемлекет басшысы)$", re.IGNORECASE)
ACTION = re.compile(
    r"\b(?:принял[аи]?|встретил(?:ся|ась)|заслушал|поручил[аи]?|поручено|доложил[аи]?|доложено|"
    r"проинформировал[аи]?|рассказал[аи]?|отчитал(?:ся|ась)|сообщил[аи]?|представил[аи]?)\b",
    re.IGNORECASE)
REPORTING = re.compile(
    r"\b(?:доложил[аи]?|проинформировал[аи]?|рассказал[аи]?|отчитал(?:ся|ась)|сообщил[аи]?|"
    r"представил[аи]?|по\s+данным|по\s+словам)\b", re.IGNORECASE)


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


def is_host_position(item: Item) -> bool:
    return item.mention.type == "position" and bool(HOST_POSITIONS.match(item.mention.normal or ""))


def host_of(items: Sequence[Item]) -> Person:
    host = Person(name=HOST_NAME, position=HOST_POSITION)
    for it in items:
        if (it.mention.type == "person" and is_host_name(it.mention.normal)) or is_host_position(it):
            host.mention_ids.append(it.mention.id)
    return host


def region_in(position: Item, items: Sequence[Item]) -> Optional[str]:
    """The region named inside a post: 'аким Карагандинской области' -> 'Карагандинская область'."""
    for it in items:
        if (it.mention.type == "region" and position.start <= it.start and it.end <= position.end
                and not it.span.data.get("implicit")
                and it.span.data.get("kind") not in {None, "country", "adjective"}):
            return _oblast_level(it)
    return None


def _oblast_level(it: Item) -> Optional[str]:
    kind, name = it.span.data.get("kind"), it.mention.normal
    if kind == "oblast" or name in REPUBLICAN_CITIES:
        return name
    return it.span.data.get("oblast") or name


def appositions(text: str, items: Sequence[Item]) -> dict[str, Item]:
    """person mention id -> the position item describing it."""
    people = [it for it in items if it.mention.type == "person"]
    positions = [it for it in items if it.mention.type == "position" and not is_host_position(it)]
    out: dict[str, Item] = {}
    for person in people:
        for pos in positions:
            before = text[pos.end:person.start]
            after = text[person.end:pos.start]
            if (0 <= person.start - pos.end <= 2 and not before.strip()) or (
                    0 <= pos.start - person.end <= 3 and after.strip() in {",", "—", "–", "-"}):
                out[person.mention.id] = pos
                break
    return out


def sentence_of(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(".", start, pos), text.rfind("\n", start, pos)) + 1
    right_candidates = [i for i in (text.find(".", pos, end), text.find("\n", pos, end)) if i != -1]
    return max(left, start), (min(right_candidates) if right_candidates else end)


def participants_of(text: str, items: Sequence[Item], start: int, end: int) -> list[Person]:
    inside = [it for it in items if start <= it.start and it.end <= end and not it.mention.boilerplate]
    posts = appositions(text, inside)
    people: dict[str, Person] = {}
    for it in inside:
        if it.mention.type != "person" or is_host_name(it.mention.normal):
            continue
        pos = posts.get(it.mention.id)
        s, e = sentence_of(text, it.start, start, end)
        if pos is None and not ACTION.search(text, s, e):
            continue  # a name in passing, not someone at the meeting
        key = it.span.data.get("entity") or it.mention.normal
        person = people.get(key)
        if person is None:
            name = entity_name(it, inside)
            person = people[key] = Person(name=name)
        person.mention_ids.append(it.mention.id)
        if pos is not None and person.position is None:
            person.position = pos.mention.normal
            person.region = region_in(pos, inside)
            person.mention_ids.append(pos.mention.id)
    out = list(people.values())
    if not out:
        out = _unnamed(text, inside, start, end)
    return out


def entity_name(it: Item, inside: Sequence[Item]) -> str:
    """The fullest name among the mentions of the same entity."""
    entity = it.span.data.get("entity")
    names = [x.mention.normal for x in inside
             if x.mention.type == "person" and entity and x.span.data.get("entity") == entity and x.mention.normal]
    return max(names or [it.mention.normal or it.mention.text], key=lambda n: len(n.split()))


def _unnamed(text: str, inside: Sequence[Item], start: int, end: int) -> list[Person]:
    """'аким проинформировал': the reporting post is the participant, without a name.
    Of the posts named in reporting or reception sentences, the fullest one
    ("отчет акима Туркестанской области" over "по данным акима")."""
    candidates = []
    for it in inside:
        if it.mention.type != "position" or is_host_position(it):
            continue
        s, e = sentence_of(text, it.start, start, end)
        if REPORTING.search(text, s, e) or ACTION.search(text, s, e) or _REPORT_NOUN.search(text, s, e):
            candidates.append(it)
    if not candidates:
        return []
    head = (candidates[0].mention.normal or "").split()[:1]
    same = [c for c in candidates if (c.mention.normal or "").split()[:1] == head] or candidates[:1]
    best = max(same, key=lambda c: len((c.mention.normal or "").split()))
    return [Person(name=None, position=best.mention.normal, region=region_in(best, inside),
                   mention_ids=[c.mention.id for c in same])]


_REPORT_NOUN = re.compile(r"\bотч[её]т\w*|\bдоклад\w*", re.IGNORECASE)


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
