"""The export's tables as data: columns with their SQL types, keys and indexes.

``schema_sql()`` is the DDL (README's schema.sql); the Parquet and CSV writers
map the same types (DATE -> date32, REAL -> float64, INTEGER -> int64,
BOOLEAN -> bool, TEXT -> string; JSON lists are TEXT holding a JSON array).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

EXPORT_VERSION = "1"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str, str], ...]   # (name, SQL type, constraint / description)
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    references: tuple[tuple[str, str, str], ...] = ()   # (column, table, column)

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(c[0] for c in self.columns)

    def types(self) -> dict[str, str]:
        return {c[0]: c[1] for c in self.columns}


def _t(name, key, columns, indexes=(), references=()):
    return Table(name, tuple(columns), tuple(key), tuple(indexes), tuple(references))


TABLES: tuple[Table, ...] = (
    _t("documents", ["doc_id"], [
        ("doc_id", "TEXT", "the document record's id (`OUT/<doc_id>.json`)"),
        ("published", "DATE", "publication date of the report"),
        ("outlet", "TEXT", "outlet named in the text or input (BAQ.KZ, Kazinform...)"),
        ("url", "TEXT", "source URL when the input gave one"),
        ("title", "TEXT", "page title (records from web pages; NULL otherwise)"),
        ("site", "TEXT", "site of a web page (NULL otherwise)"),
        ("path", "TEXT", "input file (file.jsonl:LINE for JSONL inputs)"),
        ("sha256", "TEXT", "SHA-256 of the input bytes"),
        ("encoding", "TEXT", "detected encoding"),
        ("language", "TEXT", "ru, kk, en or other"),
        ("status", "TEXT", "ok, or skipped (no extraction: see status_reason)"),
        ("status_reason", "TEXT", ""),
        ("text_length", "INTEGER", "characters of the decoded text"),
        ("meetings", "INTEGER", "number of meetings"),
        ("mentions", "INTEGER", "number of mentions"),
        ("pipeline_version", "TEXT", ""),
        ("schema_version", "TEXT", "record schema version"),
    ], indexes=[("published",)]),
    _t("meetings", ["meeting_id"], [
        ("meeting_id", "TEXT", "`<doc_id>#<n>`"),
        ("doc_id", "TEXT", ""),
        ("seq", "INTEGER", "n: position of the meeting in its document, from 1"),
        ("kind", "TEXT", "reception, visit, meeting or call (NULL when the record has no kind)"),
        ("date", "DATE", "date of the meeting (the report's date when the text gives no other)"),
        ("year", "INTEGER", "year of date"),
        ("region", "TEXT", "first subject region (canonical name), else the first inferred one"),
        ("host_name", "TEXT", "who receives (usually the President)"),
        ("host_position", "TEXT", ""),
        ("host_person_id", "TEXT", "people.person_id of the host"),
        ("topics", "TEXT", "JSON array of topics"),
        ("span_start", "INTEGER", "character offsets of the meeting in the source text"),
        ("span_end", "INTEGER", ""),
    ], indexes=[("doc_id",), ("date",), ("region",), ("kind",), ("host_person_id",)],
       references=[("doc_id", "documents", "doc_id"), ("host_person_id", "people", "person_id")]),
    _t("meeting_regions", ["meeting_id", "region"], [
        ("meeting_id", "TEXT", ""),
        ("doc_id", "TEXT", ""),
        ("region", "TEXT", "canonical region name"),
        ("inferred", "BOOLEAN", "1: not named, implied by places (Алаколь -> область Жетісу)"),
    ], indexes=[("region",), ("doc_id",)],
       references=[("meeting_id", "meetings", "meeting_id")]),
    _t("participants", ["meeting_id", "seat"], [
        ("meeting_id", "TEXT", ""),
        ("seat", "INTEGER", "0: the host; 1, 2...: participants in record order"),
        ("doc_id", "TEXT", ""),
        ("is_host", "BOOLEAN", ""),
        ("person_id", "TEXT", "people.person_id (NULL when the text names no one)"),
        ("name", "TEXT", "name in the nominative as the record gives it"),
        ("position", "TEXT", "post as the text names it, in the nominative"),
        ("role", "TEXT", "the post's head: аким, министр, президент..."),
        ("region", "TEXT", "canonical region name"),
        ("region_inferred", "BOOLEAN", ""),
        ("name_confident", "BOOLEAN", "0: the nominative could not be established (NULL: not recorded)"),
        ("mention_ids", "TEXT", "JSON array of mention ids"),
    ], indexes=[("person_id",), ("name",), ("region",), ("role",), ("doc_id",)],
       references=[("meeting_id", "meetings", "meeting_id"), ("person_id", "people", "person_id")]),
    _t("people", ["person_id"], [
        ("person_id", "TEXT", "stable id: p_ + 10 hex digits"),
        ("name", "TEXT", "the spelling seen most often"),
        ("variants", "TEXT", "JSON array of the spellings seen"),
        ("first_seen", "DATE", ""),
        ("last_seen", "DATE", ""),
        ("meetings", "INTEGER", "meetings the person appears in"),
        ("documents", "INTEGER", ""),
        ("hosted", "INTEGER", "meetings the person hosted"),
    ], indexes=[("name",)]),
    _t("positions", ["person_id", "seq"], [
        ("person_id", "TEXT", ""),
        ("seq", "INTEGER", "order in the person's timeline (by first date seen)"),
        ("position", "TEXT", "the post as written most often (NULL: only a region was seen)"),
        ("role", "TEXT", "the post's head: аким, министр..."),
        ("region", "TEXT", "canonical region name"),
        ("organisation", "TEXT", "what the post heads: акимат ..., Министерство ..., АО «...»"),
        ("first_seen", "DATE", ""),
        ("last_seen", "DATE", ""),
        ("meetings", "INTEGER", ""),
        ("meeting_ids", "TEXT", "JSON array"),
    ], indexes=[("region",), ("role",), ("first_seen",)],
       references=[("person_id", "people", "person_id")]),
    _t("figures", ["meeting_id", "seq"], [
        ("meeting_id", "TEXT", ""),
        ("seq", "INTEGER", "order within the meeting, from 1"),
        ("doc_id", "TEXT", ""),
        ("kind", "TEXT", "money, percent, quantity or date"),
        ("value", "REAL", "normalised value (178 млрд тенге -> 178000000000)"),
        ("value_to", "REAL", "upper bound of a range"),
        ("unit", "TEXT", "KZT, USD, %, t, ha, jobs, year..."),
        ("period", "TEXT", "H1, Q3, 11M..."),
        ("period_year", "INTEGER", "year the figure refers to, when the text says"),
        ("date", "TEXT", "ISO date or year-month the text gives"),
        ("duration", "TEXT", "ISO 8601 duration"),
        ("approx", "TEXT", "около, более, до..."),
        ("unit_inferred", "BOOLEAN", "the unit comes from earlier in the sentence, not from the amount"),
        ("subject", "TEXT", "what the figure measures (инвестиции...)"),
        ("text", "TEXT", "the figure as written"),
        ("span_start", "INTEGER", ""),
        ("span_end", "INTEGER", ""),
        ("mention_id", "TEXT", ""),
    ], indexes=[("kind", "unit"), ("doc_id",)],
       references=[("meeting_id", "meetings", "meeting_id")]),
    _t("facilities", ["meeting_id", "seq"], [
        ("meeting_id", "TEXT", ""),
        ("seq", "INTEGER", ""),
        ("doc_id", "TEXT", ""),
        ("name", "TEXT", ""),
        ("name_key", "TEXT", "lower-cased name, to follow one facility across reports"),
        ("kind", "TEXT", "station, power_plant, school..."),
        ("status", "TEXT", "planned, under_construction, completed (NULL: not said)"),
        ("mention_ids", "TEXT", "JSON array"),
    ], indexes=[("name_key",), ("status",), ("doc_id",)],
       references=[("meeting_id", "meetings", "meeting_id")]),
    _t("instructions", ["meeting_id", "seq"], [
        ("meeting_id", "TEXT", ""),
        ("seq", "INTEGER", ""),
        ("doc_id", "TEXT", ""),
        ("text", "TEXT", ""),
        ("addressee", "TEXT", "name of the addressee"),
        ("addressee_person_id", "TEXT", "people.person_id of the participant it names"),
        ("span_start", "INTEGER", ""),
        ("span_end", "INTEGER", ""),
    ], indexes=[("addressee_person_id",), ("doc_id",)],
       references=[("meeting_id", "meetings", "meeting_id"),
                   ("addressee_person_id", "people", "person_id")]),
    _t("mentions", ["doc_id", "mention_id"], [
        ("doc_id", "TEXT", ""),
        ("mention_id", "TEXT", ""),
        ("type", "TEXT", "person, position, region, location, facility, organization, money..."),
        ("text", "TEXT", "exactly the source text at [span_start, span_end)"),
        ("normal", "TEXT", "nominative / canonical form"),
        ("span_start", "INTEGER", ""),
        ("span_end", "INTEGER", ""),
        ("boilerplate", "BOOLEAN", ""),
        ("source", "TEXT", "which extractor found it"),
        ("entity", "TEXT", "document-level entity id"),
    ], indexes=[("type", "normal")],
       references=[("doc_id", "documents", "doc_id")]),
)

BY_NAME = {t.name: t for t in TABLES}
DOCUMENT_TABLES = tuple(t.name for t in TABLES if "doc_id" in t.names)
REGISTRY_TABLES = ("people", "positions")


def table_sql(table: Table) -> list[str]:
    lines = [f"  {name} {sqltype}" + (" NOT NULL" if name in table.key else "")
             for name, sqltype, _ in table.columns]
    lines.append(f"  PRIMARY KEY ({', '.join(table.key)})")
    lines += [f"  FOREIGN KEY ({col}) REFERENCES {other} ({other_col})"
              for col, other, other_col in table.references]
    out = [f"CREATE TABLE IF NOT EXISTS {table.name} (\n" + ",\n".join(lines) + "\n);"]
    for cols in table.indexes:
        out.append(f"CREATE INDEX IF NOT EXISTS {table.name}_{'_'.join(cols)} "
                   f"ON {table.name} ({', '.join(cols)});")
    return out


def schema_sql() -> str:
    head = ["-- kz-extractor export schema (generated from extractor/export/schema.py)",
            "CREATE TABLE IF NOT EXISTS export_meta (\n  key TEXT NOT NULL PRIMARY KEY,\n  value TEXT\n);"]
    return "\n".join(head + [s for t in TABLES for s in table_sql(t)]) + "\n"


def data_dictionary() -> str:
    """Markdown: one section per table (for the README)."""
    parts = []
    for t in TABLES:
        parts.append(f"**{t.name}** (key: {', '.join(t.key)})\n\n| column | type | meaning |\n|---|---|---|")
        parts += [f"| {n} | {ty} | {d} |" for n, ty, d in t.columns]
        parts.append("")
    return "\n".join(parts)
