"""The record contract (../shared/record-contract.md) as pydantic v2 models.

These models are the single source of truth for the JSON we write and for the
JSON Schema in ``schemas/`` (``extractor schema --out schemas``).  Fields may be
added; contract fields are never renamed, dropped or retyped.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

MentionType = Literal[
    "person", "position", "region", "location", "facility",
    "organization", "money", "percent", "quantity", "date",
]
FigureKind = Literal["money", "percent", "quantity", "date"]
FacilityStatus = Literal["planned", "under_construction", "completed"]
MeetingKind = Literal["reception", "visit", "meeting", "call"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Record):
    """A character range ``[start, end)`` of the decoded source text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class BoilerplateSpan(TextSpan):
    """Site residue: text of the page that is not the report (menus, stamps, captions, teasers...)."""

    reason: Optional[str] = Field(
        default=None, description="What the residue is: headline, dateline, stamp, caption, teaser, ticker, ...")


class Mention(_Record):
    id: str = Field(description="Unique within the document, e.g. 'm12'.")
    type: MentionType
    text: str = Field(description="Exactly text[start:end] of the source.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    normal: Optional[str] = Field(
        default=None, description="Nominative / canonical form.")
    boilerplate: bool = Field(
        default=False, description="The span lies in site boilerplate, not in the report.")
    source: Optional[str] = Field(
        default=None, description="Which extractor produced it (ner, gazetteer, grammar...).")
    entity: Optional[str] = Field(
        default=None, description="Document-level entity id: mentions of one person share it.")


class Source(_Record):
    path: Optional[str] = None
    sha256: str
    encoding: str
    published: Optional[dt.date] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    # -- pages: the document was an HTML page; its article text was extracted (extractor/pages.py)
    format: Literal["text", "html"] = Field(
        default="text", description="'html': the input was a web page and the record's text was extracted from it.")
    title: Optional[str] = Field(default=None, description="The page's headline (HTML metadata).")
    site_name: Optional[str] = Field(default=None, description="The site's name (HTML metadata).")
    canonical_url: Optional[str] = Field(default=None, description="The page's canonical URL (HTML metadata).")
    text_sha256: Optional[str] = Field(
        default=None, description="sha256 of the extracted text (UTF-8) that every offset points into.")
    warnings: list[str] = Field(
        default_factory=list,
        description="What reading had to repair, e.g. bytes that were not UTF-8 replaced by U+FFFD.")


class Person(_Record):
    name: Optional[str] = None
    position: Optional[str] = None
    region: Optional[str] = None
    region_inferred: bool = False
    mention_ids: list[str] = Field(default_factory=list)
    name_inferred: bool = Field(
        default=False, description="The text names no one: the name comes from the date (who held the post).")
    name_confident: bool = Field(
        default=True, description="False when the nominative could not be established: name is the surface form.")


class Facility(_Record):
    name: str
    kind: Optional[str] = None
    status: Optional[FacilityStatus] = None
    mention_ids: list[str] = Field(default_factory=list)


class Figure(_Record):
    kind: FigureKind
    value: Optional[float] = None
    value_to: Optional[float] = None
    unit: Optional[str] = None
    period: Optional[str] = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    subject: Optional[str] = None
    mention_id: Optional[str] = None
    date: Optional[str] = Field(
        default=None, description="ISO date or year-month when the text gives one (2025-08-14, 2025-05).")
    duration: Optional[str] = Field(
        default=None, description="ISO 8601 duration of a span of time (два года -> P2Y).")
    approx: Optional[str] = Field(
        default=None, description="Qualifier of an approximate or bounded figure: около, более, до...")
    period_year: Optional[int] = Field(
        default=None, description="Year of the period a money/quantity figure refers to (H1 *2025*).")
    unit_inferred: bool = Field(
        default=False, description="The unit is not written with the amount but taken from earlier in the "
                                   "sentence ('объем вложений в тенге составил 4,3 млрд' -> KZT).")


class Instruction(_Record):
    text: str
    addressee: Optional[str] = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class MeetingRecord(_Record):
    id: str = Field(description="'<doc_id>#<n>', n counted from 1 in text order.")
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date: Optional[dt.date] = None
    kind: MeetingKind = Field(
        default="reception",
        description="reception (officials received), visit (a working trip), meeting (совещание / заседание), call.")
    host: Person
    participants: list[Person] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    inferred_regions: list[str] = Field(
        default_factory=list,
        description="Regions the text does not name but its places imply (Алаколь -> область Жетісу).")
    facilities: list[Facility] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    instructions: list[Instruction] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)


class DocumentRecord(_Record):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    pipeline_version: str
    doc_id: str
    source: Source
    text_length: int = Field(ge=0)
    language: str = Field(default="ru", description="Detected language: ru, kk, en or other.")
    status: Literal["ok", "skipped"] = Field(
        default="ok", description="'skipped': no extraction was run (see status_reason).")
    status_reason: Optional[str] = None
    header: Optional[TextSpan] = Field(
        default=None, description="Metadata header at the top of the file (e.g. 'date 2025-08-14').")
    boilerplate: list[BoilerplateSpan] = Field(default_factory=list)
    text: Optional[str] = Field(
        default=None, description="The analysed text when it is not the input file itself "
                                  "(extracted from an HTML page): every offset points into it.")
    mentions: list[Mention] = Field(default_factory=list)
    meetings: list[MeetingRecord] = Field(default_factory=list)


class ErrorRecord(_Record):
    """One line of errors.jsonl: an input that could not be processed."""

    path: str
    error: str = Field(description="Short machine-readable error class, e.g. 'binary', 'empty'.")
    message: str
    doc_id: Optional[str] = None
    traceback: Optional[str] = Field(
        default=None, description="For 'extraction_failed': where the pipeline failed (a bug to report).")
    count: Optional[int] = Field(
        default=None, ge=1, description="This line stands for `count` lines of one JSONL file that failed "
                                        "alike, one after another (path 'file:first-last').")


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "document": DocumentRecord,
    "meeting": MeetingRecord,
    "error": ErrorRecord,
}


def json_schema(name: str) -> dict:
    """The JSON Schema of one published record kind."""
    schema = SCHEMA_MODELS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://kz-extractor/schemas/{name}.schema.json"
    return schema
