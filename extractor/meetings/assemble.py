"""Meeting records from the document's mentions.

The report (after the header, before trailing boilerplate) is cut into
meetings (split.py); each meeting gets its host, participants, regions,
facilities with status, figures (with the period their sentence states) and
instructions.  Nothing inside boilerplate reaches a record.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from .. import deadline
from ..records import Facility, Figure, MeetingRecord, Mention
from ..spans import Span
from ..text.segment import Sentence
from .host import host_references
from .instructions import find_instructions
from .participants import (Item, host_of, inferred_region, participants_of, regional, sentence_of,
                           stated_regions)
from .split import meeting_spans
from .status import facility_status
from .topics import topics_of

MEETING_CUE = re.compile(
    r"\b(?:принял[аи]?|принимает|встретил(?:ся|ась)?|встреч[аеиу]|провел[аи]?\s+(?:встречу|совещание|заседание)"
    r"|заслушал[аи]?|доложил[аи]?|доложено|проинформировал[аи]?|отчитал(?:ся|ась)|поручил[аи]?|поручение)\b",
    re.IGNORECASE,
)
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
             published: Optional[dt.date]) -> list[MeetingRecord]:
    start, end = bounds
    if not host_references(text, start, end) or not MEETING_CUE.search(text, start, end):
        return []
    by_key = {s.key: s for s in spans}
    items = [Item(m, by_key[(m.start, m.end, m.type)]) for m in mentions]
    records = []
    for n, (m_start, m_end) in enumerate(meeting_spans(text, sentences, start, end), 1):
        deadline.check()  # the time budget, per meeting (see deadline.py)
        records.append(_meeting(doc_id, n, text, items, m_start, m_end, published))
    return records


def _meeting(doc_id: str, n: int, text: str, items: Sequence[Item], start: int, end: int,
             published: Optional[dt.date]) -> MeetingRecord:
    inside = [it for it in items if start <= it.start and it.end <= end and not it.mention.boilerplate]
    participants = participants_of(text, items, start, end)
    facilities = [it for it in inside if it.mention.type == "facility"]
    regions = stated_regions(items, start, end, facilities)
    for p in participants:
        if p.region and p.region not in regions:
            regions.append(p.region)
    inferred = inferred_region(items, start, end) if regional(participants) else None
    inferred_regions = [inferred] if inferred and not regions else []
    if inferred_regions:
        for p in participants:
            if p.region is None:
                p.region, p.region_inferred = inferred, True
    return MeetingRecord(
        id=f"{doc_id}#{n}", doc_id=doc_id, start=start, end=end, date=published,
        host=host_of(inside), participants=participants, regions=regions,
        inferred_regions=inferred_regions,
        facilities=_facilities(text, facilities),
        figures=_figures(text, inside),
        instructions=find_instructions(text, items, start, end, participants),
        topics=topics_of(text[start:end]),
    )


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
            **{k: data.get(k) for k in ("value", "value_to", "unit", "subject", "date", "duration", "approx")}))
    return out


def _sentence_period(text: str, figure: Item, figures: Sequence[Item]) -> tuple[Optional[str], Optional[float]]:
    """'в І полугодии 2025 года привлечено 178 млрд тенге': the money is for H1 2025."""
    left, _ = sentence_of(text, figure.start, 0, len(text))
    for it in figures:
        if it.mention.type == "date" and left <= it.start < figure.start and it.span.data.get("period"):
            return it.span.data["period"], it.span.data.get("value")
    return None, None
