"""Meeting records from the document's events and mentions.

Events (extractor/events) decide which meetings a report holds, their kind,
host and participants (meetings/events.py); each meeting then gets the regions,
facilities with status, figures and topics inside its span, and the
instructions the parse found there.  Nothing inside boilerplate reaches a record.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from .. import deadline
from ..events.roles import Event
from ..events.triggers import INSTRUCTION
from ..records import Facility, Figure, Instruction, MeetingRecord, Mention, Person
from ..spans import Span
from ..text.segment import Sentence
from .addressees import addressed, plural_posts
from .compound import chain_normal, post_chain, quoted_after
from .events import Draft, Hosts, Role, drafts, recalled_starts, roles_in
from .host import foreign_kind, listed_president, title_kind
from .participants import REGIONAL_POSTS, Item, entity_name, inferred_region, region_in, regional, sentence_of, stated_regions
from .status import facility_status
from .topics import topics_of

PRONOUNS = {"вам", "ему", "ей", "им", "тебе"}  # "Поручаю Вам ...": the one received
FIGURE_KINDS = {"money", "percent", "quantity", "date"}


def report_bounds(text_length: int, header_end: int,
                  boilerplate: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The report: after the header, before a boilerplate block that runs to the end."""
    end = text_length
    for s, e in boilerplate:
        if e >= text_length:
            end = min(end, s)
    return header_end, end


def assemble(doc_id: str, text: str, mentions: Sequence[Mention], spans: Sequence[Span],
             sentences: Sequence[Sentence], bounds: tuple[int, int],
             published: Optional[dt.date], events: Sequence[Event] = (),
             recalled: Sequence[int] = ()) -> list[MeetingRecord]:
    """``recalled``: where the residue holds a recalled event ("Напомним, ..."), hidden from ``text``."""
    by_key = {s.key: s for s in spans}
    # a post nested in a post ("акима" of "акима Туркестанской области") and a person a
    # name is named after ("Нобелевской премии", "улица Лобачевского") are mentions for
    # NEREL-style scoring, not other officials
    items = [Item(m, by_key[(m.start, m.end, m.type)]) for m in mentions
             if not (m.type == "position" and by_key[(m.start, m.end, m.type)].data.get("nested_in"))
             and not (m.type == "person" and by_key[(m.start, m.end, m.type)].data.get("eponym"))]
    if not events:
        return []
    hosts = Hosts(text, items, events, published, bounds)
    found = drafts(text, events, items, bounds, hosts, recalled)
    if not found:
        return []
    # a recalled event ("Напомним, на прошлой неделе Президент встретился с ...") ends the
    # meeting before it: its reports and instructions are that earlier meeting's
    placed = _place(text, found, events, items, bounds, recalled_starts(events, recalled))
    _addressees_join(text, placed, events, items, hosts)
    shared: set[tuple[int, int]] = set()
    instructions = _instructions(text, events, items, placed, hosts, shared)
    # regions paired in order with officials named in a list (listed.py) are each one's own
    paired = {r.listed_region.mention.normal for d in found for r in d.participants if r.listed_region}
    records = []
    for n, (draft, (start, end, content)) in enumerate(placed, 1):
        deadline.check()  # the time budget, per meeting (see deadline.py)
        listed = draft.shared_with is not None or any(d.shared_with is draft for d in found) or (
            draft.grouped and draft.anchor.kind != "report")
        records.append(_meeting(doc_id, n, text, items, draft, start, end, content, published,
                                instructions.get(id(draft), []), listed, paired, shared))
    return records


def _place(text: str, found: list[Draft], events: Sequence[Event], items: Sequence[Item],
           bounds: tuple[int, int], closes: Sequence[int] = ()) -> list[tuple[Draft, tuple[int, int, bool]]]:
    """Each draft's span; officials received by one verb share the text after it,
    cut where a later sentence's agent or addressee is one of them."""
    leaders = [d for d in found if d.shared_with is None]
    spans: dict[int, tuple[int, int, bool]] = {}
    for k, lead in enumerate(leaders):
        end = leaders[k + 1].start if k + 1 < len(leaders) else bounds[1]
        end = min([end] + [c for c in closes if c > lead.anchor.sentence[1]])
        group = [d for d in found if d is lead or d.shared_with is lead]
        cuts: list[tuple[int, Draft]] = []
        for d in group[1:]:
            cut = _first_mention(d, events, items, lead.anchor.sentence[1], end)
            if cut is not None:
                cuts.append((cut, d))
        cuts.sort(key=lambda c: c[0])
        # officials named in one sentence share it: no cut there ("X, Y и Z представили отчеты")
        places = [c for c, _ in cuts]
        cuts = [(c, d) for c, d in cuts if places.count(c) == 1 and c > lead.start]
        spans[id(lead)] = (lead.start, cuts[0][0] if cuts else end, True)
        for i, (cut, d) in enumerate(cuts):
            spans[id(d)] = (cut, cuts[i + 1][0] if i + 1 < len(cuts) else end, True)
        for d in group[1:]:
            if id(d) not in spans:
                spans[id(d)] = (d.anchor.sentence[0], d.anchor.sentence[1], False)
    out = []
    for d in found:
        s, e, content = spans[id(d)]
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((d, (s, e, content)))
    return out


def _addressees_join(text: str, placed, events: Sequence[Event], items: Sequence[Item], hosts: Hosts) -> None:
    """A meeting whose report names no one ("Президенту было доложено ..."): the named
    official the host then instructs is the one who reported.  A meeting with one post and
    no name ("встретился с акимом города"): a name the host then instructs with no post of
    its own ("потребовал от Ерлана Жасыбаева") is the one who holds it."""
    for d, (s, e, content) in placed:
        unnamed = len(d.participants) == 1 and d.participants[0].person is None and d.participants[0].named is None \
            and d.participants[0].position is not None and d.shared_with is None and not d.grouped
        if (d.participants and not unnamed) or not content:
            continue
        for ev in events:
            if ev.kind == INSTRUCTION and s <= ev.sentence[0] < e:
                for rng in ev.recipient:
                    role = roles_in(rng, items)
                    if role.person is None or hosts.is_host(role):
                        continue
                    if not unnamed:
                        d.participants.append(role)
                        return
                    if role.position is None:
                        d.participants[0].person = role.person
                        return
        if unnamed and d.participants[0].person is None:
            _named_next(text, d, items, hosts, s, e)


def _named_next(text: str, d: Draft, items: Sequence[Item], hosts: Hosts, start: int, end: int) -> None:
    """'Президент принял акима области. Асета Ахметова назначили на этот пост в начале
    месяца.': the sentence right after the reception opens
    with a name that holds no post of its own, and no one else but the host is named in the
    meeting; that name is the official received."""
    people = [it for it in items if it.mention.type == "person" and start <= it.start < end
              and not it.mention.boilerplate and not hosts.is_host(Role(it))]
    if len({entity_name(it, items) for it in people}) != 1:
        return
    after = d.anchor.sentence[1]
    while after < end and text[after] in " \t\r\n":
        after += 1
    first = people[0]
    if first.start != after or any(it.mention.type == "position" and it.end <= first.start
                                   and not text[it.end:first.start].strip(" ") for it in items):
        return
    d.participants[0].person = first


def _first_mention(d: Draft, events: Sequence[Event], items: Sequence[Item], start: int, end: int):
    who = d.participants[0]
    for ev in events:
        if not (start <= ev.sentence[0] < end):
            continue
        for rng in ev.agent + ev.recipient:
            role = roles_in(rng, items)
            if role.person is not None and who.person is not None and Hosts._key(role.person) == Hosts._key(who.person):
                return ev.sentence[0]
    return None


def _instructions(text: str, events: Sequence[Event], items: Sequence[Item],
                  placed: Sequence[tuple[Draft, tuple[int, int, bool]]], hosts: Hosts,
                  shared: Optional[set] = None) -> dict[int, list[Instruction]]:
    """``shared`` collects the sentences of instructions given to several meetings at once
    ("поручил акимам А-ской и Б-ской областей"): the regions they name are each one's own,
    not every meeting's."""
    out: dict[int, list[Instruction]] = {}
    for ev in events:
        if ev.kind != INSTRUCTION or ev.clause is None:
            continue
        home = [d for d, (s, e, content) in placed if content and s <= ev.sentence[0] < e]
        if not home:
            continue
        draft = home[-1]
        group = [d for d, _ in placed if d is draft or d.shared_with is draft or draft.shared_with is d
                 or (draft.shared_with is not None and d.shared_with is draft.shared_with)]
        addressee, target, several = None, draft, []
        for rng in ev.recipient:
            role = roles_in(rng, items)
            if role.empty:
                continue
            several = _addressed_together(text, rng, items, placed, draft, group)
            if several:
                break
            for d in group:
                for p in d.participants:
                    if _matches(role, p):
                        addressee, target = _name(p, items), d
            if addressee is None and role.person is not None:
                addressee = entity_name(role.person, items)
            break
        if not ev.recipient and ev.predicate[1] < ev.clause[0]:
            # "поручил акимам областей не допустить ...", the dative the parse did not attach
            several = _addressed_together(text, (ev.predicate[1], ev.clause[0]), items, placed, draft, group)
        if addressee is None and all(text[a:b].strip().lower() in PRONOUNS for a, b in ev.recipient):
            named = [_name(p, items) for p in target.participants if p.person is not None]
            addressee = named[0] if len(named) == 1 else None
        s, e = _trim(text, ev.clause[0], _clause_end(text, ev))
        if e - s < 3:
            continue
        if len(several) > 1 and shared is not None:
            shared.add(ev.sentence)
        for d, name in several or [(target, addressee)]:
            out.setdefault(id(d), []).append(Instruction(text=text[s:e], addressee=name, start=s, end=e))
    return out


def _addressed_together(text: str, rng: tuple[int, int], items: Sequence[Item],
                        placed: Sequence[tuple[Draft, tuple[int, int, bool]]], draft: Draft,
                        group: Sequence[Draft]) -> list[tuple[Draft, Optional[str]]]:
    """"Глава государства поручил акимам ...", closing separate meetings: one copy of
    the instruction for each meeting whose official the plural post takes in, addressed
    to that official.  The meetings are the run of grouped ones (separate meetings of an
    announcement, officials received by one verb) that ends with the instruction's own."""
    posts = plural_posts(sorted((it for it in items if it.mention.type == "position"
                                 and rng[0] <= it.start < rng[1]), key=lambda it: it.start))
    if not posts:
        return []
    order = [d for d, _ in placed]
    run = []
    for d in reversed(order[:order.index(draft) + 1]):
        if d is not draft and not (d.grouped and d.host.name == draft.host.name):
            break
        run.insert(0, d)
        if d.shared_with is None and not d.grouped:
            break
    run += [d for d in group if d not in run]
    out = []
    for d in sorted(run, key=order.index):
        for role in d.participants:
            person = _person(role, items, text)
            if addressed(posts, items, person.position, person.region):
                out.append((d, person.name))
    return out


# where an instruction stops: the sentence end, a new coordinated instruction, a quote's end,
# "– говорится в сообщении"
STOP = re.compile(r"[.;!?\n»]|,?\s*[–—]\s+(?=говорится|сообщает|сказал|отметил|подчеркнул|передает|отмечается|заявил)"
                  r"|,\s+(?:говорится|сообщает|передает|отмечается)\b"
                  r"|\s+и\s+(?=(?:также\s+)?(?:дал|поручил|поставил|указал|отметил|подчеркнул)\w*\s)"
                  r"|,\s+а\s+также\s+(?=дал|поручил)")


def _clause_end(text: str, ev: Event) -> int:
    stop = STOP.search(text, ev.clause[0], ev.sentence[1] + 1)
    return min(stop.start() if stop else ev.sentence[1], ev.sentence[1])


def _matches(role: Role, p: Role) -> bool:
    if role.person is not None and p.person is not None:
        return Hosts._key(role.person) == Hosts._key(p.person)
    if role.person is None and role.position is not None and p.position is not None:
        a = (role.position.mention.normal or "").lower()
        b = (p.position.mention.normal or "").lower()
        return a == b or (a.split()[:1] == b.split()[:1] and set(a.split()) <= set(b.split()) | {"области", "города"})
    return False


def _name(role: Role, items: Sequence[Item]) -> Optional[str]:
    return entity_name(role.person, items) if role.person is not None else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:—–-«"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:»"):
        end -= 1
    return start, end


def _person(role: Role, items: Sequence[Item], text: str = "") -> Person:
    ids = [it.mention.id for it in (role.person, role.position) if it is not None]
    name = entity_name(role.person, items) if role.person is not None else None
    position = role.position.mention.normal if role.position is not None else None
    if position is None and (term := listed_president(name)) is not None:
        position = term.position  # our President received abroad, named with no title
    region = region_in(role.position, items) if role.position is not None else None
    confident = True if role.person is None else role.person.span.data.get("name_confident", True)
    if role.person is not None and role.position is not None and name:
        name, position, confident = _given_name_in_post(role, items, name, position, confident)
        region = region if position == role.position.mention.normal else None
    if text and role.position is not None and position == role.position.mention.normal:
        # "заместителя Премьер-Министра – Министра сельского хозяйства": both posts are the position
        chain = post_chain(text, role.position, items, role.person)
        if len(chain) > 1:
            position = chain_normal(chain, text)
            ids += [it.mention.id for it in chain[1:]]
            region = region or next(filter(None, (region_in(it, items) for it in chain[1:])), None)
        quoted = quoted_after(text, chain[-1], role.person)
        if quoted and position:
            position = f"{position} {quoted}"  # "директор службы «Сырбар» Габит Байжанов"
    if position and len(position.split()) == 1 and region is None:
        # "акима Восточно-Казахстанской области" where the post grammar kept only "аким"
        for it in items:
            if it.mention.type == "region" and 0 <= it.start - role.position.end <= 1 and \
                    it.span.data.get("kind") not in {None, "country", "adjective"}:
                position, region = f"{position} {it.mention.text}", it.mention.normal
                ids.append(it.mention.id)
                break
    if position and len(position.split()) == 1 and region is None:
        # "столичного акима": a place adjective before the post
        for it in items:
            if it.mention.type == "region" and 0 <= role.position.start - it.end <= 1 and it.mention.normal:
                region = it.mention.normal
                break
    if role.listed_post is not None and position is None:
        # announced by region, named in a list: paired in order (meetings/listed.py)
        position, region = role.listed_post, role.listed_region.mention.normal
        ids.append(role.listed_region.mention.id)
        return Person(name=name, position=position, region=region, region_inferred=True, mention_ids=ids,
                      name_confident=confident)
    return Person(name=name, position=_common_case(position), region=region, mention_ids=ids,
                  name_confident=confident)


def _common_case(position: Optional[str]) -> Optional[str]:
    """'Аким Атырауской области' at a sentence start is 'аким Атырауской области'; titles
    ('Премьер-министр', 'Глава государства', 'Президент Франции') and abbreviations keep their capital."""
    if not position or not position[:1].isupper() or title_kind(position) or foreign_kind(position):
        return position
    head = position.split()[0]
    if head.isupper() or any(c.isupper() for c in head[1:]):
        return position
    return position[:1].lower() + position[1:]


def _given_name_in_post(role: Role, items: Sequence[Item], name: str, position: Optional[str], confident: bool):
    """'столичного акима Алтая Кульгинова': the post grammar took the given name as the
    post's scope and NER kept only the surname.  A capitalised last word of the post,
    right before a one-word name, and no place of our gazetteer, is the name's."""
    from ..entities.inflect import checked_person_name
    from ..tag.morph import parse

    post, person = role.position, role.person
    words = post.mention.text.split()
    if len(name.split()) != 1 or len(words) < 2 or not 0 <= person.start - post.end <= 1:
        return name, position, confident
    given = words[-1]
    # a place before a surname-shaped word is a given name ("Алтая Кульгинова"), never a region
    surname = re.search(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ом|е)?$", person.mention.text) is not None
    kinds = {"region", "organization"} | (set() if surname else {"location"})
    if not given[:1].isupper() or any(it.mention.type in kinds
                                      and it.start < post.end and post.end - len(given) < it.end for it in items):
        return name, position, confident
    if not any({"Name", "Geox"} & p.tag.grammemes or p.methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer"
               for p in parse(given.lower())):
        return name, position, confident
    full, sure = checked_person_name(f"{given} {person.mention.text}")
    return full, " ".join((position or "").split()[:-1]) or None, sure


def _meeting(doc_id: str, n: int, text: str, items: Sequence[Item], draft: Draft, start: int, end: int,
             content: bool, published: Optional[dt.date], instructions: list[Instruction],
             listed: bool = False, paired: set = frozenset(), shared: set = frozenset()) -> MeetingRecord:
    inside = [it for it in items if start <= it.start and it.end <= end and not it.mention.boilerplate
              and not (it.mention.type == "region" and any(a <= it.start and it.end <= b for a, b in shared))]
    if not content:
        inside = []
    participants = [_person(r, items, text) for r in draft.participants]
    facilities = [it for it in inside if it.mention.type == "facility"]
    # regions named in the posts of officials received by the same verb are theirs
    regions = stated_regions(inside, start, end, facilities) if content else []
    own = [p.region for p in participants if p.region]
    anchor = draft.anchor.sentence
    foreign = set() if not listed else {it.mention.normal for it in inside if it.mention.type == "region"
               and anchor[0] <= it.start < anchor[1]} - set(own)
    regions = [r for r in regions if r not in foreign or _named_outside(r, inside, anchor)]
    regions = [r for r in regions if r not in paired or r in own]
    for r in own:
        if r not in regions:
            regions.append(r)
    inferred = inferred_region(inside, start, end) if regional(participants) else None
    inferred_regions = [inferred] if inferred and not regions else []
    if inferred_regions:
        for p in participants:
            if p.region is None:
                p.region, p.region_inferred = inferred, True
    elif len(regions) == 1:
        for p in participants:
            if p.region is None and _generic_post_of(p.position, regions[0]):
                p.region, p.region_inferred = regions[0], True
    return MeetingRecord(
        id=f"{doc_id}#{n}", doc_id=doc_id, start=start, end=end, date=published, kind=draft.kind,
        host=draft.host.model_copy(deep=True), participants=participants, regions=regions,
        inferred_regions=inferred_regions,
        facilities=_facilities(text, facilities),
        figures=_figures(text, inside),
        instructions=instructions,
        topics=topics_of(text[start:end]) if content else [],
    )


# "аким области", "аким региона", "глава региона": the post names no region of its own
_GENERIC_SCOPE = {"области": "область", "региона": "", "города": "город"}


def _generic_post_of(position: Optional[str], region: str) -> bool:
    """Is ``position`` the generic post of the one region the meeting names ("аким
    области" on a trip to "Мангистауская область")?"""
    words = (position or "").lower().split()
    if len(words) != 2 or words[0] not in REGIONAL_POSTS or words[1] not in _GENERIC_SCOPE:
        return False
    return _GENERIC_SCOPE[words[1]] in region.lower().split()


def _named_outside(region: str, inside: Sequence[Item], anchor: tuple[int, int]) -> bool:
    return any(it.mention.type == "region" and it.mention.normal == region and not (anchor[0] <= it.start < anchor[1])
               for it in inside)


def _facilities(text: str, items: Sequence[Item]) -> list[Facility]:
    """One record per facility name in a meeting, with all its mentions."""
    out: dict[str, Facility] = {}
    for it in items:
        facility = _facility(text, it)
        key = facility.name.lower()
        if key in out:
            out[key].mention_ids += facility.mention_ids
        else:
            out[key] = facility
    return list(out.values())


def _facility(text: str, it: Item) -> Facility:
    return Facility(name=it.mention.normal or it.mention.text, kind=it.span.data.get("kind"),
                    status=facility_status(text, it.start, it.end), mention_ids=[it.mention.id])


def _figures(text: str, inside: Sequence[Item]) -> list[Figure]:
    figures = [it for it in inside if it.mention.type in FIGURE_KINDS]
    out = []
    for it in figures:
        data = it.span.data
        period, period_year = data.get("period"), None
        if it.mention.type != "date" and period is None:
            period, period_year = _sentence_period(text, it, figures)
        out.append(Figure(
            kind=it.mention.type, text=it.mention.text, start=it.start, end=it.end,
            mention_id=it.mention.id, period=period,
            period_year=int(period_year) if period_year else None,
            unit_inferred=bool(data.get("unit_inferred")),
            **{k: data.get(k) for k in ("value", "value_to", "unit", "subject", "date", "duration", "approx")}))
    return out


def _sentence_period(text: str, figure: Item, figures: Sequence[Item]) -> tuple[Optional[str], Optional[float]]:
    """'в І полугодии 2025 года привлечено 178 млрд тенге': the money is for H1 2025."""
    left, _ = sentence_of(text, figure.start, 0, len(text))
    for it in figures:
        if it.mention.type == "date" and left <= it.start < figure.start and it.span.data.get("period"):
            return it.span.data["period"], it.span.data.get("value")
    return None, None
