"""Pipeline: loads the models once, then runs read -> clean -> segment -> tag ->
extract -> assemble on each document and returns its validated record."""
from __future__ import annotations

import bisect
import datetime as dt
import time
from collections import Counter
from typing import Iterable, Iterator, Optional, Union

from . import deadline, gc_tuning
from ._version import __version__
from .events.parse import SyntaxStage
from .events.roles import events_of
from .events.triggers import GATHERS, RECEIVES, may_hold_meeting, may_hold_trigger, only_reports
from .meetings.host import names_a_host, title_kind
from .entities.facilities import extract_facilities, facility_names
from .entities.eponyms import eponym_people
from .entities.institutions import extract_institutions
from .entities.ner_mentions import ner_mentions
from .entities.people import link_people, renormalise_names
from .entities.regions import merge_places, place_mentions
from .entities.positions import extract_positions
from .figures.extract import extract_figures
from .meetings.assemble import assemble, report_bounds
from .pages import extracted, page_fields
from .reading import SourceDoc, source_from_text as to_source
from .records import BoilerplateSpan, DocumentRecord, Mention, Source, TextSpan
from .spans import Span
from .tag.morph import analyzer
from .tag.ner import NerTagger
from .text.residue import find_residue, hidden, report_start, spans_of, stamp_date
from .text.language import detect_language
from .text.normalize import analysis_text
from .text.metadata import dateline
from .text.metadata import outlet as text_outlet
from .text.segment import Sentence, blocks, sentences

TextInput = Union[str, SourceDoc, dict]


class Pipeline:
    """``pipe = Pipeline()`` loads models once; ``pipe(text)`` returns a
    :class:`~extractor.records.DocumentRecord`; ``pipe.map(texts)`` streams them.

    Safe to build once per worker process; calls share no mutable state.
    """

    def __init__(self, syntax: bool = True, tune_gc: bool = True) -> None:
        analyzer()  # load the pymorphy3 dictionary now, not on the first document
        self._ner = NerTagger()
        # morphology + syntax on trigger sentences; ``syntax=False`` (benchmarks only) finds no events
        self._syntax = SyntaxStage(self._ner.embedding) if syntax else None
        self.stage_seconds: Counter = Counter()  # cumulative time per stage, for benchmarks
        # build every grammar and index now, so no document pays for it (and a
        # per-document time budget measures extraction only)
        self.process(to_source(WARM_UP))
        if tune_gc:  # fewer collector passes over the models just loaded (gc_tuning.py)
            gc_tuning.tune_gc()
        self.stage_seconds.clear()

    # -- public API ---------------------------------------------------------
    def __call__(self, text: str, published: Optional[Union[dt.date, str]] = None,
                 doc_id: Optional[str] = None, *, outlet: Optional[str] = None,
                 url: Optional[str] = None, path: Optional[str] = None) -> DocumentRecord:
        return self.process(to_source(text, published=published, doc_id=doc_id,
                                      outlet=outlet, url=url, path=path))

    def map(self, items: Iterable[TextInput]) -> Iterator[DocumentRecord]:
        """Records for texts, :class:`SourceDoc` objects or article dicts
        (``{"id", "text", "published"?, "url"?, "outlet"?}``, or ``"html"`` instead of
        ``"text"``: raises :class:`~extractor.pages.NoArticle` for a page without one), lazily, in order."""
        for item in items:
            if isinstance(item, SourceDoc):
                yield self.process(item)
            elif isinstance(item, dict) and "text" not in item and "html" in item:
                from .pages import source_from_html  # a page: its article is extracted first
                yield self.process(source_from_html(item["html"], doc_id=item.get("id"),
                                                    published=item.get("published"),
                                                    outlet=item.get("outlet"), url=item.get("url")))
            elif isinstance(item, dict):
                yield self(item["text"], published=item.get("published"), doc_id=item.get("id"),
                           outlet=item.get("outlet"), url=item.get("url"))
            else:
                yield self(item)

    # -- stages ---------------------------------------------------------------
    def process(self, src: SourceDoc) -> DocumentRecord:
        """The record of one document.  A page not yet extracted (``read_inputs(...,
        defer_pages=True)``) is extracted first: :class:`~extractor.reading.InputError`
        (``no_article``) when it has no article."""
        src = extracted(src)
        text, begin = src.text, src.header_end
        record = DocumentRecord(
            pipeline_version=__version__,
            doc_id=src.doc_id,
            source=Source(path=src.path, sha256=src.sha256, encoding=src.encoding,
                          published=src.published, outlet=src.outlet, url=src.url,
                          warnings=list(src.warnings), **page_fields(src)),
            text_length=len(text),
            language=detect_language(text[begin:]),
            header=TextSpan(start=0, end=begin) if begin else None,
        )
        if record.language != "ru":
            record.status = "skipped"
            record.status_reason = f"text is not in Russian (detected: {record.language}); nothing extracted"
            return record
        view = analysis_text(text)  # same length: every offset is an offset into text
        clock = _StageClock(self.stage_seconds)
        residue = clock("clean", find_residue, view, begin)
        published = src.published or dateline(text, begin) or stamp_date(view, residue)
        record.source.published = published
        boilerplate = spans_of(residue)
        sents = clock("segment", sentences, view, begin)
        segments = clock("segment", blocks, view, sents)
        ner = clock("tag", self._ner, view, segments)
        spans = clock("extract", ner_mentions, view, ner)
        spans = merge_places(spans, clock("places", place_mentions, view, segments), view)
        spans = clock("people", link_people, view, spans)
        spans += clock("institutions", extract_institutions, view, segments, spans)
        facilities = clock("facilities", extract_facilities, view, segments, spans)
        spans = facility_names(spans, facilities, view) + facilities
        spans += eponym_people(view, spans)
        spans += clock("positions", extract_positions, view, segments,
                       [s for s in spans if s.type == "person" and not s.data.get("eponym")],
                       [s for s in spans if s.source == "gazetteer"],
                       [s for s in spans if s.type in {"organization", "region", "location", "facility"}])
        spans += clock("figures", extract_figures, view, segments, published)
        bounds = report_bounds(len(text), begin, boilerplate)
        bounds = (report_start(view, residue, bounds[0]), bounds[1])
        # the meeting layer never sees residue: no meeting starts there, no fact comes from there
        shown = hidden(view, boilerplate)
        events = clock("syntax", self._events, shown, outside(view, sents, boilerplate), bounds, spans)
        mentions = to_mentions(spans, boilerplate)
        meetings = clock("assemble", assemble, src.doc_id, shown, mentions, spans,
                         outside(view, segments, boilerplate), bounds, published, events,
                         # recalled meetings ("Напомним, ... встретился"), not background facts
                         [r.start for r in residue if r.reason == "earlier_event"
                          and may_hold_meeting(view, r.start, r.end)])
        record.source.outlet = src.outlet or text_outlet(view, *bounds)
        record.boilerplate = [BoilerplateSpan(start=r.start, end=r.end, reason=r.reason) for r in residue]
        record.mentions = mentions
        record.meetings = meetings
        if page_fields(src):
            record.text = text  # extracted from a page: the text the offsets point into
        _texts_from_source(record, text)
        return record

    def _events(self, text, sents, bounds, spans):
        """Events of the trigger sentences (``sents``: residue already cut out).  Sentences
        that only report ("Аким доложил, что ...") are parsed when a reporter can add
        someone: a name in them, or a text whose receptions do not name whom (a совещание,
        a call, a trip, "заслушал")."""
        if self._syntax is None:
            return []
        inside = [s for s in sents if bounds[0] <= s.start and s.end <= bounds[1]]
        self._syntax.sentences_seen += len(inside)
        if not may_hold_meeting(text, *bounds) or not names_a_host(
                text, [s.normal for s in spans if s.type == "position"], *bounds):
            return []  # no meeting can come of it: nothing is parsed
        people = [s.start for s in spans if s.type == "person"]
        # "Президенту было доложено ...": a report made to the host may be the meeting itself
        hosts = [s.start for s in spans if s.type == "position" and title_kind(s.normal)]
        named = [s for s in inside if RECEIVES.search(s.text) and any(s.start <= x < s.end for x in people)]
        everyone = not named or any(GATHERS.search(s.text) for s in inside)
        chosen = [s for s in inside if may_hold_trigger(s.text) and (
            everyone or not only_reports(s.text) or any(s.start <= x < s.end for x in people + hosts))]
        parsed = self._syntax(text, chosen)
        renormalise_names(parsed, spans)
        events = [e for p in parsed for e in events_of(p, text)]
        return events


def outside(text: str, segments: list[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
    """The segments with the spans cut out (a dateline before a sentence, a teaser after it).
    Both lists are sorted: one pass over each."""
    if not spans:
        return segments
    out, k = [], 0
    for seg in segments:
        while k < len(spans) and spans[k][1] <= seg.start:
            k += 1
        pos, j = seg.start, k
        while pos < seg.end:
            s, e = spans[j] if j < len(spans) else (seg.end, seg.end)
            _piece(text, pos, min(s, seg.end), out)
            if s >= seg.end:
                break
            pos, j = max(pos, e), j + 1
    return out


def _piece(text: str, a: int, b: int, out: list[Sentence]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append(Sentence(a, b, text[a:b]))


def _texts_from_source(record: DocumentRecord, text: str) -> None:
    """Every emitted text is cut from the source, not from the analysis view."""
    for m in record.mentions:
        m.text = text[m.start:m.end]
    for meeting in record.meetings:
        for f in meeting.figures:
            f.text = text[f.start:f.end]
        for i in meeting.instructions:
            i.text = text[i.start:i.end]


# one small report that runs through every grammar, gazetteer and index
WARM_UP = ("Президент принял акима Карагандинской области Ермаганбета Булекпаева. "
           "В 2025 году построено 12 школ на 2 млрд тенге, казахстанских.")


class _StageClock:
    def __init__(self, totals: Counter):
        self.totals = totals

    def __call__(self, stage: str, fn, *args):
        deadline.check()  # the document's time budget, in any thread (see deadline.py)
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.totals[stage] += time.perf_counter() - started


def to_mentions(spans: Iterable[Span], boilerplate: list[tuple[int, int]]) -> list[Mention]:
    """Spans in text order, deduplicated, numbered m1, m2...; boilerplate flagged."""
    unique = {span.key: span for span in spans}
    ordered = sorted(unique.values(), key=lambda s: (s.start, -s.end, s.type))
    starts = [s for s, _ in boilerplate]  # sorted and disjoint: the one span that may hold a mention

    def inside(span: Span) -> bool:
        k = bisect.bisect_right(starts, span.start) - 1
        return k >= 0 and span.end <= boilerplate[k][1]

    return [
        Mention(id=f"m{i}", type=span.type, text=span.text, start=span.start, end=span.end,
                normal=span.normal, source=span.source, entity=span.data.get("entity"),
                boilerplate=inside(span))
        for i, span in enumerate(ordered, 1)
    ]
