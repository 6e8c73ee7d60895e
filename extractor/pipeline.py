"""Pipeline: loads the models once, then runs read -> clean -> segment -> tag ->
extract -> assemble on each document and returns its validated record."""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import Iterable, Iterator, Optional, Union

from ._version import __version__
from .entities.facilities import extract_facilities, facility_names
from .entities.eponyms import eponym_people
from .entities.institutions import extract_institutions
from .entities.ner_mentions import ner_mentions
from .entities.people import link_people
from .entities.regions import merge_places, place_mentions
from .entities.positions import extract_positions
from .figures.extract import extract_figures
from .meetings.assemble import assemble, report_bounds
from .reading import SourceDoc, source_from_text as to_source
from .records import DocumentRecord, Mention, Source, TextSpan
from .spans import Span
from .tag.morph import analyzer
from .tag.ner import NerTagger
from .text.boilerplate import find_boilerplate
from .text.language import detect_language
from .text.normalize import analysis_text
from .text.metadata import dateline
from .text.metadata import outlet as text_outlet
from .text.segment import blocks, sentences

TextInput = Union[str, SourceDoc, dict]


class Pipeline:
    """``pipe = Pipeline()`` loads models once; ``pipe(text)`` returns a
    :class:`~extractor.records.DocumentRecord`; ``pipe.map(texts)`` streams them.

    Safe to build once per worker process; calls share no mutable state.
    """

    def __init__(self) -> None:
        analyzer()  # load the pymorphy3 dictionary now, not on the first document
        self._ner = NerTagger()
        self.stage_seconds: Counter = Counter()  # cumulative time per stage, for benchmarks
        # build every grammar and index now, so no document pays for it (and a
        # per-document time budget measures extraction only)
        self.process(to_source(WARM_UP))
        self.stage_seconds.clear()

    # -- public API ---------------------------------------------------------
    def __call__(self, text: str, published: Optional[Union[dt.date, str]] = None,
                 doc_id: Optional[str] = None, *, outlet: Optional[str] = None,
                 url: Optional[str] = None, path: Optional[str] = None) -> DocumentRecord:
        return self.process(to_source(text, published=published, doc_id=doc_id,
                                      outlet=outlet, url=url, path=path))

    def map(self, items: Iterable[TextInput]) -> Iterator[DocumentRecord]:
        """Records for texts, :class:`SourceDoc` objects or article dicts
        (``{"id", "text", "published"?, "url"?, "outlet"?}``), lazily, in order."""
        for item in items:
            if isinstance(item, SourceDoc):
                yield self.process(item)
            elif isinstance(item, dict):
                yield self(item["text"], published=item.get("published"), doc_id=item.get("id"),
                           outlet=item.get("outlet"), url=item.get("url"))
            else:
                yield self(item)

    # -- stages ---------------------------------------------------------------
    def process(self, src: SourceDoc) -> DocumentRecord:
        text, begin = src.text, src.header_end
        record = DocumentRecord(
            pipeline_version=__version__,
            doc_id=src.doc_id,
            source=Source(path=src.path, sha256=src.sha256, encoding=src.encoding,
                          published=src.published, outlet=src.outlet, url=src.url),
            text_length=len(text),
            language=detect_language(text[begin:]),
            header=TextSpan(start=0, end=begin) if begin else None,
        )
        if record.language != "ru":
            record.status = "skipped"
            record.status_reason = f"text is not in Russian (detected: {record.language}); nothing extracted"
            return record
        published = src.published or dateline(text, begin)
        record.source.published = published
        view = analysis_text(text)  # same length: every offset is an offset into text
        clock = _StageClock(self.stage_seconds)
        boilerplate = clock("clean", find_boilerplate, view, begin)
        segments = clock("segment", lambda: blocks(view, sentences(view, begin)))
        ner = clock("tag", self._ner, view, segments)
        spans = clock("extract", ner_mentions, view, ner)
        spans = merge_places(spans, clock("places", place_mentions, view, segments))
        spans = clock("people", link_people, view, spans)
        spans += clock("institutions", extract_institutions, view, segments, spans)
        facilities = clock("facilities", extract_facilities, view, segments, spans)
        spans = facility_names(spans, facilities) + facilities
        spans += eponym_people(view, spans)
        spans += clock("positions", extract_positions, view, segments,
                       [s for s in spans if s.type == "person"],
                       [s for s in spans if s.source == "gazetteer"],
                       [s for s in spans if s.type in {"organization", "region", "location", "facility"}])
        spans += clock("figures", extract_figures, view, segments, published)
        mentions = to_mentions(spans, boilerplate)
        bounds = report_bounds(len(text), begin, boilerplate)
        meetings = clock("assemble", assemble, src.doc_id, view, mentions, spans, segments,
                         bounds, published)
        record.source.outlet = src.outlet or text_outlet(view, *bounds)
        record.boilerplate = [TextSpan(start=s, end=e) for s, e in boilerplate]
        record.mentions = mentions
        record.meetings = meetings
        if view is not text:
            _texts_from_source(record, text)
        return record


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
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.totals[stage] += time.perf_counter() - started


def to_mentions(spans: Iterable[Span], boilerplate: list[tuple[int, int]]) -> list[Mention]:
    """Spans in text order, deduplicated, numbered m1, m2...; boilerplate flagged."""
    unique = {span.key: span for span in spans}
    ordered = sorted(unique.values(), key=lambda s: (s.start, -s.end, s.type))
    return [
        Mention(id=f"m{i}", type=span.type, text=span.text, start=span.start, end=span.end,
                normal=span.normal, source=span.source, entity=span.data.get("entity"),
                boilerplate=any(s <= span.start and span.end <= e for s, e in boilerplate))
        for i, span in enumerate(ordered, 1)
    ]
