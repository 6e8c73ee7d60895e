"""Meeting records from spans.

At this stage a document that reports a meeting (the host is named and a
meeting verb is present outside boilerplate) yields one meeting spanning its
report text; participants and regions are the person and region mentions in
that span.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from ..records import Figure, MeetingRecord, Mention, Person
from ..spans import Span
from .host import HOST_NAME, HOST_POSITION, host_references, is_host_name

MEETING_CUE = re.compile(
    r"\b(?:принял[аи]?|принимает|встретил(?:ся|ась)?|встреч[аеиу]|провел[аи]?\s+(?:встречу|совещание|заседание)"
    r"|заслушал[аи]?|доложил[аи]?|доложено|проинформировал[аи]?|отчитал(?:ся|ась)|поручил[аи]?|поручение)\b",
    re.IGNORECASE,
)


def report_bounds(text_length: int, header_end: int,
                  boilerplate: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The report: after the header, before a boilerplate block that runs to the end."""
    end = text_length
    for s, e in boilerplate:
        if e >= text_length:
            end = min(end, s)
    return header_end, end


def assemble(doc_id: str, text: str, mentions: Sequence[Mention], spans: Sequence[Span],
             bounds: tuple[int, int], published: Optional[dt.date]) -> list[MeetingRecord]:
    start, end = bounds
    while end > start and text[end - 1].isspace():
        end -= 1
    hosts = host_references(text, start, end)
    if not hosts or not MEETING_CUE.search(text, start, end):
        return []
    inside = [m for m in mentions if start <= m.start and m.end <= end and not m.boilerplate]
    # every host reference ("Глава государства", "Президент", "Токаев") names the President
    host = Person(name=HOST_NAME, position=HOST_POSITION)
    participants: dict[str, Person] = {}
    regions: list[str] = []
    for m in inside:
        if m.type == "person" and is_host_name(m.normal):
            host.mention_ids.append(m.id)
        elif m.type == "person" and m.normal:
            person = participants.setdefault(m.normal, Person(name=m.normal))
            person.mention_ids.append(m.id)
        elif m.type == "region" and m.normal and m.normal not in regions:
            regions.append(m.normal)
    return [MeetingRecord(
        id=f"{doc_id}#1", doc_id=doc_id, start=start, end=end, date=published,
        host=host, participants=list(participants.values()), regions=regions,
        figures=figures_in(mentions, spans, start, end),
    )]


FIGURE_KINDS = {"money", "percent", "quantity", "date"}


def figures_in(mentions: Sequence[Mention], spans: Sequence[Span], start: int, end: int) -> list[Figure]:
    """The figures of ``[start, end)`` outside boilerplate, with their mention ids."""
    by_key = {(s.start, s.end, s.type): s for s in spans if s.type in FIGURE_KINDS}
    out = []
    for m in mentions:
        if m.type not in FIGURE_KINDS or m.boilerplate or not (start <= m.start and m.end <= end):
            continue
        data = by_key[(m.start, m.end, m.type)].data
        out.append(Figure(
            kind=m.type, text=m.text, start=m.start, end=m.end, mention_id=m.id,
            **{k: data.get(k) for k in ("value", "value_to", "unit", "period", "subject",
                                         "date", "duration", "approx")}))
    return out
