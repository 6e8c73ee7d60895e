"""The registry of people: one entry per person across the documents of a run.

Sightings are grouped by normalised full name (names.name_key).  Within a name,
sightings of one post (posts.post_info: same role and scope) form a *post
group* with the dates it was seen.  Post groups go to one person unless two
different posts were held at overlapping dates (namesakes: two men called
Ерлан Иванов, one аким of Атырау and one министр, seen in the same months,
stay two people); a minister seen later as an akim is one person with two
posts.  Sightings without a post (name only, or name and region) follow the
one person they can belong to, or stay apart when several could.  Then people
whose names are two spellings of one name (names.near_names) are merged when
they held the same post (role and scope) without conflicting dates.

Ids are ``p_`` + 10 hex digits of the SHA-1 of the normalised name (of the
spelling seen first); a namesake's id adds the role and scope of its first
post.  The same person keeps the id in a run over more documents unless those
documents bring an earlier namesake or an earlier sighting under another
spelling.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .names import name_key, name_words, near_names
from .posts import PostInfo, post_info, same_post
from .sightings import Sighting, from_records

_FAR = "9999-12-31"


@dataclass
class _Group:
    """Sightings of one post of one (would-be) person."""

    info: PostInfo
    sightings: list[Sighting] = field(default_factory=list)

    @property
    def strong(self) -> bool:
        return self.info.role is not None

    @property
    def first(self) -> Optional[str]:
        return min((s.date for s in self.sightings if s.date), default=None)

    @property
    def last(self) -> Optional[str]:
        return max((s.date for s in self.sightings if s.date), default=None)

    def sort_key(self) -> tuple:
        return (self.first or _FAR, self.info.role or "", self.info.scope,
                min(s.meeting_id for s in self.sightings))


def _conflict(a: _Group, b: _Group) -> bool:
    """Two different posts held at overlapping dates."""
    if not (a.strong and b.strong) or same_post(a.info, b.info):
        return False
    if not (a.first and b.first):
        return False
    return a.first <= b.last and b.first <= a.last


@dataclass
class _Cluster:
    groups: list[_Group] = field(default_factory=list)

    def fits(self, group: _Group) -> bool:
        return not any(_conflict(group, g) for g in self.groups)

    @property
    def sightings(self) -> list[Sighting]:
        return [s for g in self.groups for s in g.sightings]

    def first(self) -> str:
        return min((g.first for g in self.groups if g.first), default=_FAR)


@dataclass(frozen=True)
class Post:
    position: Optional[str]
    role: Optional[str]
    region: Optional[str]
    organisation: Optional[str]
    first_seen: Optional[str]
    last_seen: Optional[str]
    meeting_ids: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"position": self.position, "role": self.role, "region": self.region,
                "organisation": self.organisation, "first_seen": self.first_seen,
                "last_seen": self.last_seen, "meeting_ids": list(self.meeting_ids)}


@dataclass(frozen=True)
class PersonEntry:
    id: str
    name: str
    variants: tuple[str, ...]
    timeline: tuple[Post, ...]
    first_seen: Optional[str]
    last_seen: Optional[str]
    meeting_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    hosted: int                  # meetings where the person is the host

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "variants": list(self.variants),
                "first_seen": self.first_seen, "last_seen": self.last_seen,
                "meetings": len(self.meeting_ids), "documents": len(self.doc_ids), "hosted": self.hosted,
                "timeline": [p.to_dict() for p in self.timeline]}


@dataclass
class Registry:
    people: list[PersonEntry]
    seats: dict[tuple[str, int], str]   # (meeting id, seat) -> person id; seat 0 is the host

    def __iter__(self):
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def person(self, person_id: str) -> Optional[PersonEntry]:
        return next((p for p in self.people if p.id == person_id), None)

    def person_at(self, meeting_id: str, seat: int) -> Optional[str]:
        return self.seats.get((meeting_id, seat))

    def to_jsonl(self) -> str:
        import json

        return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in self.people)


def build(records: Iterable[Any]) -> Registry:
    """The registry of the people in these records (document or meeting records,
    as pydantic models or JSON dicts)."""
    return build_from_sightings(from_records(records))


def build_from_sightings(sightings: Iterable[Sighting]) -> Registry:
    by_name: dict[str, list[Sighting]] = defaultdict(list)
    for s in sightings:
        key = name_key(s.name)
        if key:
            by_name[key].append(s)
    clusters: list[_Cluster] = []
    for key in sorted(by_name):
        clusters.extend(_split_namesakes(by_name[key]))
    clusters = _merge_spellings(clusters)
    people, seats = [], {}
    for person_id, cluster in _ids(clusters):
        entry = _entry(person_id, cluster)
        people.append(entry)
        for s in cluster.sightings:
            seats[(s.meeting_id, s.seq)] = person_id
    people.sort(key=lambda p: (p.name, p.first_seen or _FAR, p.id))
    return Registry(people, seats)


def _post_groups(sightings: list[Sighting]) -> list[_Group]:
    groups: dict[tuple, _Group] = {}
    for s in sorted(sightings, key=lambda s: (s.date or _FAR, s.meeting_id, s.seq)):
        info = post_info(s.position, s.region)
        groups.setdefault((info.role, info.scope), _Group(info)).sightings.append(s)
    out = list(groups.values())
    # "аким" with no region: one post of that role with a scope, if there is just one
    for g in [g for g in out if g.strong and not g.info.scope]:
        same = [h for h in out if h is not g and h.info.role == g.info.role and h.info.scope]
        if len(same) == 1:
            same[0].sightings.extend(g.sightings)
            out.remove(g)
    return out


def _split_namesakes(sightings: list[Sighting]) -> list[_Cluster]:
    groups = _post_groups(sightings)
    clusters: list[_Cluster] = []
    for g in sorted((g for g in groups if g.strong), key=_Group.sort_key):
        home = next((c for c in clusters if c.fits(g)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.groups.append(g)
    weak = sorted((g for g in groups if not g.strong), key=_Group.sort_key)
    if not clusters:
        return [_Cluster(weak)] if weak else []
    for g in weak:   # a name with a region (or nothing): the one person it can be
        candidates = clusters if len(clusters) == 1 else [
            c for c in clusters if g.info.scope and any(h.info.scope == g.info.scope for h in c.groups)]
        if len(candidates) == 1:
            strong = [h for h in candidates[0].groups if h.strong]
            same = [h for h in strong if h.info.scope == g.info.scope] if g.info.scope else strong
            if len(same) == 1:   # "Женис Касымбек" of Astana joins his post "аким Астаны"
                same[0].sightings.extend(g.sightings)
            else:
                candidates[0].groups.append(g)
        else:
            clusters.append(_Cluster([g]))
    return clusters


def _merge_spellings(clusters: list[_Cluster]) -> list[_Cluster]:
    """Two spellings of one name that held the same post (role and scope).

    Only clusters that share a post and a name word are compared (two spellings
    of one name differ in one word), so this stays near-linear in practice."""
    names = [sorted({s.name for s in c.sightings}) for c in clusters]
    keys = [{name_key(n) for n in ns} for ns in names]
    by_post: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for key in {(g.info.role, g.info.scope) for g in c.groups if g.strong and g.info.scope}:
            by_post[key].append(i)
    parent = list(range(len(clusters)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for key in sorted(by_post, key=lambda k: (k[0] or "", k[1])):
        by_word: dict[str, list[int]] = defaultdict(list)
        for i in by_post[key]:
            for word in {w for n in names[i] for w in name_words(n)}:
                by_word[word].append(i)
        pairs = sorted({(a, b) for group in by_word.values() for a in group for b in group if a < b})
        for a, b in pairs:
            if keys[a] & keys[b] or not any(near_names(x, y) for x in names[a] for y in names[b]):
                continue   # the same key: namesakes already kept apart
            ra, rb = root(a), root(b)
            if ra != rb and all(clusters[ra].fits(g) for g in clusters[rb].groups):
                lo, hi = sorted((ra, rb))
                clusters[lo].groups.extend(clusters[hi].groups)
                clusters[hi].groups = []
                parent[hi] = lo
    merged = [c for i, c in enumerate(clusters) if root(i) == i and c.groups]
    for c in merged:
        c.groups = _coalesce(c.groups)
    return merged


def _coalesce(groups: list[_Group]) -> list[_Group]:
    out: dict[tuple, _Group] = {}
    for g in groups:
        key = (g.info.role, g.info.scope)
        if key in out:
            out[key].sightings.extend(g.sightings)
        else:
            out[key] = _Group(g.info, list(g.sightings))
    return list(out.values())


def _hash(text: str) -> str:
    return "p_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _ids(clusters: list[_Cluster]) -> list[tuple[str, _Cluster]]:
    by_base: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        first = min(c.sightings, key=lambda s: (s.date or _FAR, name_key(s.name)))
        by_base[name_key(first.name)].append(c)
    out, used = [], set()
    for base in sorted(by_base):
        ordered = sorted(by_base[base], key=lambda c: (c.first(), min(g.sort_key() for g in c.groups)))
        for n, cluster in enumerate(ordered):
            if n == 0:
                person_id = _hash(base)
            else:
                first = min(cluster.groups, key=_Group.sort_key)
                person_id = _hash(f"{base}|{first.info.role or ''}|{first.info.scope}")
            while person_id in used:
                person_id = _hash(person_id)
            used.add(person_id)
            out.append((person_id, cluster))
    return out


def _most_common(values: Iterable[Optional[str]]) -> Optional[str]:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _entry(person_id: str, cluster: _Cluster) -> PersonEntry:
    sightings = cluster.sightings
    names = Counter(s.name for s in sightings)
    latest = {n: max((s.date or "") for s in sightings if s.name == n) for n in names}
    name = min(names, key=lambda n: (-names[n], _neg(latest[n] or "0"), n))
    timeline = []
    for g in sorted(cluster.groups, key=_Group.sort_key):
        position = _most_common(s.position for s in g.sightings)
        region = _most_common(s.region for s in g.sightings)
        info = post_info(position, region)
        timeline.append(Post(position=position, role=g.info.role, region=region,
                             organisation=info.organisation if position else None,
                             first_seen=g.first, last_seen=g.last,
                             meeting_ids=tuple(sorted({s.meeting_id for s in g.sightings}))))
    dates = sorted(s.date for s in sightings if s.date)
    hosted = {s.meeting_id for s in sightings if s.is_host}
    return PersonEntry(id=person_id, name=name, variants=tuple(sorted(names)), timeline=tuple(timeline),
                       first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                       meeting_ids=tuple(sorted({s.meeting_id for s in sightings})),
                       doc_ids=tuple(sorted({s.doc_id for s in sightings})), hosted=len(hosted))


def _neg(date: str) -> tuple:
    """Sort key putting later ISO dates first."""
    return tuple(-ord(ch) for ch in date)
