"""Meetings from events: which events open a meeting, who hosts, who takes part.

* An *anchor* is a reception, visit, meeting or call whose agent is a host (a
  head-of-state or head-of-government title, or a person the report names with
  one; in a report where no President or Prime Minister acts or is reported to, an akim or
  a state secretary: heads_of_state.tsv "local" lines).  A reception needs a patient that is a person or a post ("принял
  участие" is no reception); a visit needs a working trip in the text or a
  facility as its object (a match the President attended is no visit).
* An anchor opens a new meeting unless it names no one new (a headline
  restating the reception, "заслушал доклад акима" after "принял акима") or a
  working trip is under way (people met on site belong to the visit).
* Officials received in turn by one verb ("принял акима А-ской области X и
  акима Б-ской области Y") are one meeting each; the text after the reception
  goes to the official it names (as reporter or addressee), else to the first.
* "провел (отдельные) встречи с акимами ... областей": the announcement is no
  meeting of its own; each official who then reports in a paragraph of their own
  is a meeting.  Reports one after another in one paragraph stay one meeting.
* With no anchor, a report made to the host ("Главе государства доложено")
  makes the one meeting of the text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..events.roles import Event, Range
from ..events.triggers import MEETING_KINDS, RECEPTION, REPORT, TRIP, VISIT
from ..records import Person
from ..tag.morph import lemma, parse
from .host import (first_president, foreign_country, foreign_kind, listed_president, local_title_kind,
                   places_in, president_on, terms, title_kind)
from .compound import joined_post, named_after
from .listed import pair_in_order
from .participants import Item, entity_name, region_in

REPORT_NOUNS = {"отчет", "отчёт", "доклад", "информация"}
SEPARATE = re.compile(r"\bотдельн\w+\b|\bвстречи\b", re.IGNORECASE)


@dataclass
class Role:
    person: Optional[Item] = None
    position: Optional[Item] = None
    span: Optional[Range] = None
    named: Optional[str] = None  # a name NER missed that the terms table lists ("Касым-Жомарт Токаев")
    title: Optional[str] = None  # a host's title no grammar marked ("Елбасы" opening a sentence)
    listed_post: Optional[str] = None     # a post paired in order from an announcement (listed.py)
    listed_region: Optional[Item] = None  # and its region

    @property
    def empty(self) -> bool:
        return self.person is None and self.position is None and self.named is None and self.title is None


@dataclass
class Draft:
    kind: str
    start: int
    anchor: Event
    host: Person
    participants: list[Role] = field(default_factory=list)
    end: Optional[int] = None
    shared_with: Optional["Draft"] = None     # one of several officials received by one verb
    announcement: bool = False                # "провел встречи с акимами областей": no names yet
    pending: list[Role] = field(default_factory=list)  # the posts it announces, if no one reports
    reporters_open: bool = False              # each official reporting in a new paragraph opens a meeting
    grouped: bool = False                     # leads officials received by the same verb


def roles_in(rng: Range, items: Sequence[Item]) -> Role:
    inside = [it for it in items if rng[0] <= it.start and it.end <= rng[1] and not it.mention.boilerplate]
    if not any(it.mention.type in {"person", "position"} for it in inside):
        # the parse cut a phrase the post grammar kept whole ("акиму | области")
        inside = [it for it in items if it.start < rng[1] and rng[0] < it.end and not it.mention.boilerplate]
    persons = [it for it in inside if it.mention.type == "person"]
    positions = [it for it in inside if it.mention.type == "position"]
    positions.sort(key=lambda it: (it.start, -(it.end - it.start)))
    return Role(persons[0] if persons else None, positions[0] if positions else None, rng)


class Hosts:
    """The document's people who hold a host's title, and the resolution of an agent."""

    def __init__(self, text: str, items: Sequence[Item], events: Sequence[Event],
                 published: Optional[dt.date], bounds: Optional[tuple[int, int]] = None):
        self.items, self.published = items, published
        self.titled: dict[str, list[Item]] = {}
        people = [it for it in items if it.mention.type == "person" and not it.mention.boilerplate]
        titles = [it for it in items if it.mention.type == "position" and title_kind(it.mention.normal)]
        # foreign heads the text names with their title ("Президент России Владимир Путин")
        self.abroad: dict[str, list[Item]] = {}
        self.abroad_titles: dict[str, str] = {}
        for t in items:
            if t.mention.type == "position" and foreign_kind(t.mention.normal):
                for person in people:
                    if _titled_by(text, t, person, people):
                        self.abroad.setdefault(_title_key(t), []).append(person)
                        self.abroad_titles.setdefault(_title_key(t), t.mention.normal or t.mention.text)
        for person in people:
            # a title right before the name wins over one right after it
            before = [t for t in titles if t.end <= person.start and _titled_by(text, t, person, people)]
            after = [t for t in titles if t.end > person.start and _titled_by(text, t, person, people)]
            kind = title_kind((before[-1:] or after[:1] or [None])[0].mention.normal) if before or after else None
            term = listed_president(person.mention.normal)
            if kind is None and term is not None:
                kind = "president"
            if kind:
                self.titled.setdefault(kind, []).append(person)
        # a President's name in the report that NER missed ("Касым-Жомарт Токаев поручил" opening a line)
        report = text[bounds[0]:bounds[1]].lower() if bounds else ""
        self.named_in_text = [t for t in terms() if t.name.split()[-1].lower()[:6] in report]
        self.agents = set()
        acting: list[Item] = []
        for ev in events:
            for rng in ev.agent:
                role = roles_in(rng, items)
                if role.person is not None:
                    self.agents.add(self._key(role.person))
                    acting.append(role.person)
        # an akim or a state secretary hosts only a report no President or Prime Minister hosts
        local_titles = [it for it in items if it.mention.type == "position" and not it.mention.boilerplate
                        and local_title_kind(it.mention.normal)]
        self.local: list[Item] = [p for p in people if any(_titled_by(text, t, p, people) for t in local_titles)]
        if not self.local and local_titles:  # "Аким области провел прием ... По итогам приема X дал поручения"
            named = list({self._key(p): p for p in acting if not self._national(Role(p))}.values())
            self.local = named if len(named) == 1 else []
        # a President or Prime Minister who acts or is reported to ("Главе государства доложено")
        self.national = any(self._national(_agent_role(ev, items, text, self)) or any(
            self._national(roles_in(rng, items)) for rng in ev.recipient) for ev in events if not ev.recalled)

    def is_foreign_head(self, role: Role) -> bool:
        """A head of another country ("Президент России Владимир Путин", or a name the
        text gives that title elsewhere)."""
        if role.position is not None and foreign_kind(role.position.mention.normal):
            return True
        return role.person is not None and any(self._key(role.person) == self._key(p)
                                               for ps in self.abroad.values() for p in ps)

    def is_ours(self, role: Role) -> bool:
        """One of Kazakhstan's heads, or an official whose post names Kazakhstan."""
        if self.is_host(role):
            return True
        post = role.position.mention.normal if role.position is not None else ""
        return bool(OURS.search(post or ""))

    def foreign_person(self, role: Role) -> Person:
        """A foreign head who receives: the name the text gives, never an assumed one."""
        ids = [it.mention.id for it in (role.person, role.position) if it is not None]
        position = role.position.mention.normal if role.position is not None else None
        if role.person is not None:
            if position is None:
                titled = [k for k, ps in self.abroad.items() if any(self._key(role.person) == self._key(p) for p in ps)]
                position = self.abroad_titles[titled[0]] if titled else None
            return Person(name=entity_name(role.person, self.items), position=position, mention_ids=ids)
        named = {self._key(p): p for p in self.abroad.get(_title_key(role.position), [])}
        if len(named) == 1:
            [person] = named.values()
            return Person(name=entity_name(person, self.items), position=position,
                          mention_ids=ids + [person.mention.id])
        return Person(name=None, position=position, mention_ids=ids)

    @staticmethod
    def _key(it: Item) -> str:
        return it.span.data.get("entity") or it.mention.normal or it.mention.text

    def is_host(self, role: Role) -> bool:
        if self._national(role):
            return True
        if self.national:
            return False
        if role.position is not None and local_title_kind(role.position.mention.normal):
            return True
        return role.person is not None and any(self._key(role.person) == self._key(p) for p in self.local)

    def _national(self, role: Role) -> bool:
        if role.named is not None or role.title is not None:
            return True
        if role.person is not None and any(self._key(role.person) == self._key(p)
                                           for ps in self.titled.values() for p in ps):
            return True
        return role.position is not None and title_kind(role.position.mention.normal) is not None

    def is_head_of_state(self, role: Role) -> bool:
        """A President (the one who receives), not a Prime Minister who reports."""
        if role.named is not None:
            return True
        title = role.title or (role.position.mention.normal if role.position is not None else None)
        if role.person is not None:
            key = self._key(role.person)
            return any(key == self._key(p) for kind in ("president", "first_president")
                       for p in self.titled.get(kind, []))
        return title_kind(title) in {"president", "first_president"}

    def person(self, role: Role) -> Person:
        ids = [it.mention.id for it in (role.person, role.position) if it is not None]
        position = role.position.mention.normal if role.position is not None else role.title
        if role.person is not None:
            name = entity_name(role.person, self.items)
            term = listed_president(name)
            if position is None and term is not None:
                position = term.position
            return Person(name=name, position=position, mention_ids=ids)
        if role.named is not None:
            return Person(name=role.named, position=position, mention_ids=ids)
        kind = title_kind(position)
        candidates = self.titled.get(kind, []) if kind else []
        if kind == "first_president":
            candidates = candidates or [p for p in self.titled.get("president", [])
                                        if listed_president(p.mention.normal) == first_president()]
        elif kind == "president":
            # a President named in the text: the one who acts, else the one in office that day
            acting = [p for p in candidates if self._key(p) in self.agents]
            term = president_on(self.published)
            dated = [p for p in candidates if term and listed_president(p.mention.normal) == term]
            candidates = acting or dated or candidates
        if not kind and local_title_kind(position):
            candidates = self.local[:1]
        if candidates:
            name = entity_name(candidates[0], self.items)
            return Person(name=name, position=position, mention_ids=ids + [candidates[0].mention.id])
        if kind == "president" and self.named_in_text:
            today = president_on(self.published)
            named = [t for t in self.named_in_text if t == today] or self.named_in_text
            if len(named) == 1:
                return Person(name=named[0].name, position=position, mention_ids=ids)
        term = None
        if kind == "president":
            term = president_on(self.published)
        elif kind == "first_president":
            term = first_president()
        if term is not None:
            return Person(name=term.name, position=position, name_inferred=True, mention_ids=ids)
        return Person(name=None, position=position, mention_ids=ids)


OURS = re.compile(r"\b(?:Казахстан\w*|РК)\b")


def _title_key(post: Item) -> str:
    """A foreign head's title as its kind and country: "Президент РФ" and "Президент России"
    are one title."""
    title = post.mention.normal or post.mention.text
    return f"{foreign_kind(title)}|{foreign_country(title)}"


def _titled_by(text: str, title: Item, person: Item, people: Sequence[Item]) -> bool:
    """"Президент России Владимир Путин", "Владимир Путин, Президент России": the
    title right before the name, or right after it past a comma or a dash (not
    "принимая X, президент Y поставил": the title is Y's)."""
    if title.end <= person.start:
        return len(text[title.end:person.start]) <= 3 and text[title.end:person.start].strip(" ,–—-") == ""
    gap = text[person.end:title.start] if person.end <= title.start else None
    return gap is not None and len(gap) <= 3 and gap.strip() in {",", "–", "—", "-"} and not any(
        0 <= q.start - title.end <= 3 and text[title.end:q.start].strip() == "" for q in people)


def _agent_role(ev: Event, items: Sequence[Item], text: str, hosts: Hosts) -> Role:
    for rng in ev.agent:
        role = roles_in(rng, items)
        if not role.empty:
            return role
        term = listed_president(" ".join(w for w in text[rng[0]:rng[1]].split() if w[:1].isupper())[-40:])
        if term is not None and term.name.split()[-1][:5].lower() in text[rng[0]:rng[1]].lower():
            return Role(span=rng, named=term.name)
        if title_kind(text[rng[0]:rng[1]]):
            return Role(span=rng, title=text[rng[0]:rng[1]])
    # no subject in the parse ("Глава государства принял ..." headline): a title before the verb
    for it in items:
        if (it.mention.type == "position" and ev.sentence[0] <= it.start and it.end <= ev.predicate[0]
                and title_kind(it.mention.normal)):
            return Role(None, it, (it.start, it.end))
    return Role()


def _same(a: Role, b: Role) -> bool:
    if a.person is not None and b.person is not None:
        return Hosts._key(a.person) == Hosts._key(b.person)
    if a.position is not None and b.position is not None:
        return _pos_text(a) == _pos_text(b)
    return False


def _pos_text(r: Role) -> str:
    return (r.position.mention.normal or "").lower() if r.position is not None else ""


def _head(it: Item) -> str:
    return ((it.mention.normal or "").lower().split() or [""])[0]


def roles_all(rng: Range, items: Sequence[Item]) -> list[Role]:
    """Every person of a phrase with the post just before it: a list the parse did not
    coordinate ("акима А X, акима Б Y") still gives one role each."""
    inside = [it for it in items if rng[0] <= it.start and it.end <= rng[1] and not it.mention.boilerplate]
    persons = [it for it in inside if it.mention.type == "person"]
    # in text order: members of a list sharing its post noun start together, the first ends first
    positions = sorted((it for it in inside if it.mention.type == "position"), key=lambda it: (it.start, it.end))
    if not persons and len(positions) > 1:
        return [Role(None, it, (it.start, it.end)) for it in positions]
    if len(persons) < 2:
        return [roles_in(rng, items)]
    out, left = [], rng[0]
    for person in persons:
        posts = [it for it in inside if it.mention.type == "position" and left <= it.start and it.end <= person.start]
        out.append(Role(person, posts[0] if posts else None, (left, person.end)))
        left = person.end
    return out


LIST_GAP = re.compile(r"\s*(?:,\s*(?:а\s+также\s+)?|\s(?:и|а\s+также)\s+)")


def listed_run(text: str, rng: Range, items: Sequence[Item]) -> Range:
    """The whole run of "post + person" pairs joined by commas / "и" that ``rng`` lies in.
    A long list of officials breaks the parse into fragments ("акима А X, акима",
    "Б-ской области", ...); the mentions still tell where the list starts and ends."""
    pieces = sorted((it for it in items if it.mention.type in {"position", "person", "region"}
                     and not it.mention.boilerplate), key=lambda it: (it.start, -it.end))
    units: list[list[int]] = []  # [start, end, ends with a person]
    for it in pieces:
        if units and it.start < units[-1][1]:
            continue  # a region inside a post
        units.append([it.start, it.end, it.mention.type == "person"])
    pairs, cur = [], None  # "post + person" pairs: a post then a person, only spaces between
    for u in units:
        if cur is not None and not cur[2] and u[2] and text[cur[1]:u[0]].isspace():
            pairs.append((cur[0], u[1]))
            cur = None
        else:
            cur = u if not u[2] else None
    runs: list[list[tuple[int, int]]] = []
    for pair in pairs:
        if runs and LIST_GAP.fullmatch(text, runs[-1][-1][1], pair[0]):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    for run in runs:
        if len(run) > 1 and run[0][0] < rng[1] and rng[0] < run[-1][1]:
            return min(rng[0], run[0][0]), max(rng[1], run[-1][1])
    return rng


def patients(ev: Event, items: Sequence[Item], hosts: Hosts, agent: Optional[Role] = None,
             text: str = "", abroad: bool = False) -> list[Role]:
    """Who was received: people and posts, not the host himself, not a plural post
    with no name ("встретился с работниками предприятия").  ``abroad``: the host is a
    foreign head, and our own President received is a participant."""
    out = []
    ranges = ev.patient
    if text and ev.kind == RECEPTION:
        ranges = list(dict.fromkeys(listed_run(text, rng, items) for rng in ev.patient))
        ranges = [r for r in ranges if not any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in ranges)]
    for rng in ranges:
        for role in roles_all(rng, items):
            if role.empty or (agent is not None and _same(role, agent)):
                continue
            if hosts.is_head_of_state(role) and not abroad and not _foreign_head(role, items, ev):
                continue
            if role.person is None and role.position is not None and _plural(role.position):
                continue
            if any(_same(role, r) for r in out):
                continue  # two objects of the parse covering one phrase
            out.append(role)
    return _named_posts(text, out, items) if text else out


def _named_posts(text: str, roles: list[Role], items: Sequence[Item]) -> list[Role]:
    """A post whose holder the parse left out of the phrase: the name right after it
    ("с акимом области Ералы Тугжановым", "директором службы «Сырбар» Габитом
    Байжановым"), or after the second of two posts "и" joins ("председателем совета
    директоров и главным директором компании Джоном Смитом": one official)."""
    for role in roles:
        if role.person is not None or role.position is None or role.named is not None:
            continue
        person = named_after(text, role.position, items)
        if person is None and (joined := joined_post(text, role.position, items)) is not None:
            person = joined[1]
        if person is not None:
            role.person = person
    out: list[Role] = []
    for role in roles:
        if not any(_same(role, r) for r in out):
            out.append(role)
    return out


def _foreign_head(role: Role, items: Sequence[Item], ev: Event) -> bool:
    """A President named in a call or talks who is none of ours ("Токаев обсудил по телефону
    с Президентом Шавкатом Мирзиёевым ..."): the one spoken to."""
    if role.person is None or ev.kind not in {"call", "reception"}:
        return False
    return listed_president(entity_name(role.person, items)) is None


def _plural(it: Item) -> bool:
    words = (it.mention.normal or "").split()
    parses = parse(words[0].lower()) if words else ()
    return bool(parses) and parses[0].tag.number == "plur"


def drafts(text: str, events: Sequence[Event], items: Sequence[Item], bounds: tuple[int, int],
           hosts: "Hosts", recalled_at: Sequence[int] = ()) -> list[Draft]:
    """``recalled_at``: starts of recalled events the residue hid ("Напомним, ... встретился")."""
    start, end = bounds
    events = [e for e in events if start <= e.sentence[0] and e.sentence[1] <= end]
    boiler = [(it.start, it.end) for it in items if it.mention.boilerplate]
    trip = bool(TRIP.search(text, start, end))
    facilities = [it for it in items if it.mention.type == "facility"]
    out: list[Draft] = []
    recalled = min([r for r in recalled_starts(events, recalled_at) if start <= r < end], default=end)
    for ev in events:
        if ev.kind not in MEETING_KINDS or ev.recalled:
            continue
        agent = _agent_role(ev, items, text, hosts)
        if agent.empty:
            continue
        abroad = not hosts.is_host(agent)
        if abroad and not hosts.is_foreign_head(agent):
            continue
        found = patients(ev, items, hosts, agent, text, abroad)
        if abroad and not any(hosts.is_ours(r) for r in found):
            continue  # a foreign head receiving his own officials is no meeting of ours
        if ev.kind == VISIT:
            if not trip and not any(r[0] <= f.start and f.end <= r[1] for r in ev.patient for f in facilities):
                continue
        elif ev.kind == RECEPTION and not found and not set(ev.objects) & REPORT_NOUNS and not ev.plural_patient:
            continue  # "заслушал отчет о ...": the one who reports is the participant
        host = hosts.foreign_person(agent) if abroad else hosts.person(agent)
        current = out[-1] if out else None
        if current is not None and _headline_restated(current, ev, found, items):
            # "Токаев принял нового акима ВКО" (headline) / "Глава государства принял акима
            # Восточно-Казахстанской области Ермека Кошербаева": the lead names who the headline
            # only titled; one reception
            current.participants = list(found)
            current.anchor = ev
            continue
        if current is not None and not ev.transition and ev.kind in (current.kind, RECEPTION) and (
                current.kind == VISIT or not _new_people(found, current, out) or ev.adjunct):
            # "Во время встречи с послом X госсекретарь отметила": a talk named in passing is
            # part of the meeting under way, the people it names join it ("с министром" is the
            # one received); a reception on a trip, a headline restated, "заслушал доклад" of the one received
            if ev.adjunct and current.kind != VISIT and _new_people(found, current, out):
                found = [r for r in found if r.person is not None]
            _add(current, found)
            continue
        plural = ev.plural_patient and not any(r.person for r in found)
        # "провел встречи с акимами ...", "провел встречи с гостями из Китая": officials, or
        # meetings in the plural, announced, each a meeting; not "встретился с жителями": one
        # meeting with people who hold no post
        announcement = plural and ev.kind == RECEPTION and (
            any(_names_post(text[a:b]) for a, b in ev.patient)
            or bool(SEPARATE.search(text, ev.predicate[0], max([ev.predicate[1]] + [a for a, _ in ev.patient[:1]]))))
        if (current is not None and current.announcement and not current.participants and not plural
                and ev.kind == RECEPTION and any(r.person for r in found)
                and not SEPARATOR_LINE.search(text, current.anchor.sentence[1], ev.predicate[0])):
            # (not across a separator, "* * *": a digest's next story)
            # "провел встречи с акимами областей. ... Президент принял акима А X, акима Б Y":
            # the announcement names no one; the reception that follows is the list
            out.pop()
        if ev.kind == RECEPTION and len(found) > 1 and not plural:
            first = None
            for role in found:
                d = Draft(ev.kind, ev.sentence[0], ev, host, [role], shared_with=first, grouped=True)
                first = first or d
                out.append(d)
            continue
        out.append(Draft(ev.kind, ev.sentence[0], ev, host, [] if announcement else found,
                         announcement=announcement, pending=list(found) if announcement else [], reporters_open=bool(SEPARATE.search(text, *ev.predicate))
                         or announcement))
    # a report made to the host before any reception ("Президенту было доложено ...")
    # (not what follows a recalled reception: "Напомним, ... встретился с акимом. Аким рассказал Президенту")
    first = min(out[0].anchor.sentence[0] if out else end, recalled)
    # (nor a headline above a reception: "Главе государства доложили о ..." restates what follows)
    passive = [e for e in events if e.kind == REPORT and e.recipient and e.sentence[0] < first and not e.recalled
               and not e.greeting
               and not (e.headline and out) and hosts.is_host(roles_in(e.recipient[0], items))]
    if passive:
        ev = passive[0]
        out.insert(0, Draft(RECEPTION, ev.sentence[0], ev, hosts.person(roles_in(ev.recipient[0], items))))
    out = _reporters(text, out, events, items, hosts, recalled)
    out = _announced(out)
    _pair_listed(out, events, items)
    # the first meeting takes the report from its start (a headline above the lead)
    if out:
        out[0].start = start
    return [d for d in out if not any(s <= d.anchor.sentence[0] < e for s, e in boiler)]


def recalled_starts(events: Sequence[Event], recalled_at: Sequence[int] = ()) -> list[int]:
    """Where recalled meetings start: events of a sentence that recalls one ("Ранее Президент
    принял ..."), and the recalled paragraphs the residue hid (``recalled_at``)."""
    return sorted({*recalled_at, *(e.sentence[0] for e in events if e.recalled and e.kind in MEETING_KINDS)})


def _pair_listed(out: list[Draft], events: Sequence[Event], items: Sequence[Item]) -> None:
    """Officials announced by region and named together in one report get their posts in
    order (see :mod:`listed`): the announcement is the last plural reception before them
    ("провел отдельные встречи с акимами ..."), a headline above it included."""
    for lead in out:
        group = [lead] + [d for d in out if d.shared_with is lead]
        if lead.shared_with is not None or len(group) < 2:
            continue
        roles = [r for d in group for r in d.participants]
        if len(roles) != len(group) or any(r.person is None or r.position is not None for r in roles):
            continue
        named_at = min(r.person.start for r in roles)
        announcements = [e for e in events if e.kind == RECEPTION and e.plural_patient
                         and min(lead.start, lead.anchor.sentence[0]) <= e.sentence[0] and e.sentence[1] <= named_at]
        for anchor in reversed(announcements):
            paired = _paired(anchor, items, roles)
            if paired:
                for role, (text, region) in zip(roles, paired):
                    role.listed_post, role.listed_region = text, region
                break


def _paired(anchor: Event, items: Sequence[Item], roles: Sequence[Role]):
    posts = [it for it in items if it.mention.type == "position" and anchor.predicate[1] <= it.start
             and it.end <= anchor.sentence[1]]
    if not posts:
        return None
    post = min(posts, key=lambda it: it.start)
    head = lemma((post.mention.normal or post.mention.text).split()[0])
    regions = [it for it in items if it.mention.type == "region" and post.start <= it.start
               and it.end <= anchor.sentence[1] and it.span.data.get("kind") != "country"]
    return pair_in_order(regions, head, roles)


def _announced(out: list[Draft]) -> list[Draft]:
    """Separate meetings announced and no one reporting in turn: one meeting per post announced."""
    result = []
    for d in out:
        if d.announcement and not d.participants and len(d.pending) > 1:
            first = None
            for role in d.pending:
                x = Draft(d.kind, d.start, d.anchor, d.host, [role], shared_with=first, grouped=True)
                first = first or x
                result.append(x)
        else:
            if d.announcement and not d.participants:
                d.participants = list(d.pending)
            result.append(d)
    return result


# a line of asterisks or dashes alone ("* * *"): a digest's stories apart
SEPARATOR_LINE = re.compile(r"^[ \t]*(?:[*•—–-][ \t]*){3,}$", re.MULTILINE)


def _names_post(phrase: str) -> bool:
    """A word of the phrase is a post head of the lexicon ("с руководителями регионов",
    "с акимами"), not "с жителями", "с общественностью"."""
    from ..entities.positions import lexicon

    heads = lexicon()[0]
    return any(q.normal_form in heads for w in re.findall(r"\w+", phrase.lower()) for q in parse(w)[:2])


def _headline_restated(current: Draft, ev: Event, found: Sequence[Role], items: Sequence[Item]) -> bool:
    """The only meeting so far comes from a headline that titles its officials without
    names, and the first reception below names as many, each with a post of the same
    noun and region: the lead restating the headline."""
    if not current.anchor.headline or ev.headline or ev.kind != current.kind or current.shared_with is not None:
        return False
    known = current.participants
    if not known or len(known) != len(found) or any(k.person is not None or k.position is None for k in known):
        return False
    return all(r.person is not None and r.position is not None and _post_noun(r.position) == _post_noun(k.position)
               and region_in(r.position, items) == region_in(k.position, items) for r, k in zip(found, known))


def _post_noun(it: Item) -> str:
    """The post's noun: 'новый аким ВКО' -> 'аким' (leading adjectives skipped)."""
    for word in (it.mention.normal or "").lower().split():
        parses = parse(word)
        if parses and parses[0].tag.POS == "NOUN":
            return word
    return _head(it)


def _new_people(found: Sequence[Role], current: Draft, out: Sequence[Draft]) -> bool:
    if not found:
        return False
    group = [d for d in out if d is current or d.shared_with is (current.shared_with or current)
             or d is current.shared_with]
    known = [r for d in group for r in d.participants]
    return any(not any(_same(r, k) for k in known) for r in found)


def _add(draft: Draft, found: Sequence[Role]) -> None:
    for role in found:
        if not any(_same(role, k) for k in draft.participants):
            draft.participants.append(role)


def _reporters(text: str, out: list[Draft], events: Sequence[Event], items: Sequence[Item],
               hosts: Hosts, recalled: int) -> list[Draft]:
    """Who reported joins the meeting; after an announcement of separate meetings each
    official reporting in a paragraph of their own opens one (several named in one
    sentence, "X, Y и Z представили Президенту отчеты", open one each).  Past a recalled
    event ("Напомним, на прошлой неделе Президент встретился с акимом ...") the reports
    belong to that earlier meeting, not to one this text reports."""
    if not out:
        return out
    result = list(out)
    opened: dict[int, Draft] = {}  # sentence start -> the meeting its first reporter opened
    for ev in events:
        if ev.kind != REPORT or ev.passive or ev.recalled:
            continue
        owner = _owner(result, ev.sentence[0])
        if owner is None or owner.start < recalled <= ev.sentence[0]:
            continue
        if ev.sentence[0] in opened:
            owner = opened[ev.sentence[0]]
        for rng in ev.agent:
            role = roles_in(rng, items)
            if role.empty or hosts.is_head_of_state(role):
                continue
            if owner.host.name and role.person is not None and entity_name(role.person, items) == owner.host.name:
                continue
            group = [d for d in result if d is owner or d.shared_with is owner or owner.shared_with is d]
            if any(_same(role, k) or _corefers(role, k) for d in group for k in d.participants):
                continue
            line_start = ev.sentence[0] == 0 or text[:ev.sentence[0]].rstrip(" ").endswith("\n")
            if owner.reporters_open and line_start and role.person is not None:
                if any(_same(role, k) for d in result for k in d.participants):
                    continue
                lead = opened.get(ev.sentence[0])
                if lead is not None:
                    d = Draft(owner.kind, ev.sentence[0], ev, owner.host, [role], shared_with=lead, grouped=True)
                    result.insert(result.index(lead) + 1 + sum(1 for x in result if x.shared_with is lead), d)
                elif owner.announcement and not owner.participants:
                    owner.participants.append(role)
                    owner.start = ev.sentence[0]
                    owner.announcement, owner.grouped = False, True
                    opened[ev.sentence[0]] = owner
                else:
                    d = Draft(owner.kind, ev.sentence[0], ev, owner.host, [role], reporters_open=True, grouped=True)
                    result.insert(result.index(owner) + 1 + sum(1 for x in result if x.shared_with is owner), d)
                    opened[ev.sentence[0]] = d
                continue
            if role.person is None and any(d.participants for d in group):
                continue  # "Аким доложил", "Глава региона отчитался": the one received
            if role.person is None and _host_office(role, owner.host):
                continue  # "аким Шымкента встретился с жителями. Мэр города отчитался": the host himself
            unnamed = [k for d in group for k in d.participants if k.person is None and k.position is not None]
            everyone = [k for d in group for k in d.participants]
            if role.position is None and len(unnamed) == 1 and len(everyone) == 1 and owner.kind == RECEPTION:
                # "принял акима Атырау. ... Серик Шапкенов рассказал Президенту": the one
                # official received, named when reporting
                unnamed[0].person = role.person
                continue
            owner.participants.append(role)
    return result


def _host_office(role: Role, host: Optional[Person]) -> bool:
    """An unnamed post that names the local host's own office by its kind alone: 'мэр
    города' or 'глава города' for the akim of a city, 'глава региона' for an oblast's."""
    if role.position is None or host is None or not host.position or title_kind(host.position):
        return False
    words = (role.position.mention.normal or "").lower().split()
    if len(words) != 2 or words[1] not in {"города", "области", "региона", "края"}:
        return False
    kinds = [span.data.get("kind") for span in places_in(host.position)
             if span.type == "region" and span.data.get("kind") not in {None, "country", "adjective"}]
    if not kinds:
        return False
    level = {"oblast": "область", "city": "город"}.get(kinds[0])
    return level is not None and {"города": "город"}.get(words[1], "область") == level


def _corefers(role: Role, known: Role) -> bool:
    """'Аким доложил' after 'принял акима X': the post's head names the one received."""
    if role.person is None and role.position is not None and known.position is not None:
        return _head(role.position) == _head(known.position) or _head(role.position) in {"глава", "руководитель"}
    return False


def _owner(out: Sequence[Draft], pos: int) -> Optional[Draft]:
    owner = None
    for d in out:
        if d.shared_with is None and d.start <= pos:
            owner = d
    return owner
