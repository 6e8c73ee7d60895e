"""Export a run into an SQLite database (stdlib ``sqlite3``).

One transaction: the rows of every document of the run are replaced (by
doc_id), other documents' rows are kept, and the registry tables (people,
positions, and the person ids in participants, meetings and instructions) are
rebuilt from all participants in the database.  A kill or an error midway
leaves the database as it was (SQLite's rollback journal).
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..registry import build_from_sightings
from ..registry.sightings import Sighting
from .schema import BY_NAME, DOCUMENT_TABLES, EXPORT_VERSION, REGISTRY_TABLES, schema_sql
from .source import ExportError, iter_documents
from .tables import as_tuple, record_rows, registry_rows

BATCH = 500


def _insert_sql(table: str) -> str:
    cols = BY_NAME[table].names
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def export_sqlite(out_dir: Path, db_path: Path, documents: Optional[Iterable[dict]] = None,
                  progress: Optional[Callable[[int], None]] = None) -> dict:
    """Export the records of ``out_dir`` (or ``documents``) into ``db_path``; returns counts."""
    skipped: list = []
    docs = iter_documents(out_dir, skipped) if documents is None else documents
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("BEGIN IMMEDIATE")
        try:
            counts = _export(con, docs, progress, skipped)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{db_path}: {exc}") from exc
    finally:
        con.close()
    counts["skipped"] = skipped
    return counts


def _export(con: sqlite3.Connection, docs: Iterable[dict], progress, skipped: list) -> dict:
    _check_schema(con)
    for statement in schema_sql().split(";\n"):  # not executescript: it would COMMIT
        if statement.strip():
            con.execute(statement)
    con.execute("INSERT OR REPLACE INTO export_meta (key, value) VALUES ('export_version', ?)",
                (EXPORT_VERSION,))
    pending: dict[str, list[tuple]] = defaultdict(list)
    documents = 0
    seen: set[str] = set()
    for record in docs:
        doc_id = record["doc_id"]
        if doc_id in seen:
            raise ExportError(f"doc_id {doc_id!r} appears twice in the records")
        seen.add(doc_id)
        rows = record_rows(record, skipped)
        if rows is None:
            continue   # a malformed record: its old rows, if any, stay
        for table in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        for table, row in rows:
            pending[table].append(row)
        documents += 1
        if sum(map(len, pending.values())) >= BATCH:
            _flush(con, pending)
        if progress:
            progress(documents)
    _flush(con, pending)
    people = _rebuild_registry(con)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "meetings", "participants", "people", "positions", "figures",
                        "facilities", "instructions", "mentions")}
    return {"exported": documents, "people": people, "tables": counts}


def _flush(con: sqlite3.Connection, pending: dict[str, list[tuple]]) -> None:
    for table in list(pending):
        if pending[table]:
            con.executemany(_insert_sql(table), pending[table])
        pending[table] = []


def _check_schema(con: sqlite3.Connection) -> None:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return
    if "export_meta" not in tables:
        raise ExportError("the database holds other tables than an extractor export; "
                          "export into a new file")
    row = con.execute("SELECT value FROM export_meta WHERE key = 'export_version'").fetchone()
    if row and row[0] != EXPORT_VERSION:
        raise ExportError(f"the database is an export of version {row[0]}, this is version "
                          f"{EXPORT_VERSION}: export into a new file")
    for table in BY_NAME.values():
        if table.name in tables:
            have = [r[1] for r in con.execute(f"PRAGMA table_info({table.name})")]
            if have != list(table.names):
                raise ExportError(f"table {table.name} has other columns than this export: "
                                  "export into a new file")


def sightings_from_db(con: sqlite3.Connection) -> Iterable[Sighting]:
    rows = con.execute(
        "SELECT p.name, p.position, p.region, m.date, p.meeting_id, p.doc_id, p.seat "
        "FROM participants p JOIN meetings m ON m.meeting_id = p.meeting_id "
        "WHERE p.name IS NOT NULL AND trim(p.name) != '' ORDER BY p.meeting_id, p.seat")
    for name, position, region, date, meeting_id, doc_id, seat in rows:
        yield Sighting(" ".join(name.split()), position, region, date, meeting_id, doc_id, seat)


def _rebuild_registry(con: sqlite3.Connection) -> int:
    registry = build_from_sightings(list(sightings_from_db(con)))
    for table in REGISTRY_TABLES:
        con.execute(f"DELETE FROM {table}")
    pending: dict[str, list[tuple]] = defaultdict(list)
    for table, row in registry_rows(registry):
        pending[table].append(as_tuple(table, row))
    _flush(con, pending)
    con.execute("UPDATE participants SET person_id = NULL WHERE person_id IS NOT NULL")
    con.executemany("UPDATE participants SET person_id = ? WHERE meeting_id = ? AND seat = ?",
                    [(pid, mid, seat) for (mid, seat), pid in sorted(registry.seats.items())])
    con.execute("UPDATE meetings SET host_person_id = (SELECT person_id FROM participants p "
                "WHERE p.meeting_id = meetings.meeting_id AND p.seat = 0)")
    con.execute("UPDATE instructions SET addressee_person_id = (SELECT p.person_id FROM participants p "
                "WHERE p.meeting_id = instructions.meeting_id AND p.name = instructions.addressee "
                "AND p.person_id IS NOT NULL ORDER BY p.seat LIMIT 1)")
    return len(registry)
