"""Export a run into one file per table: ``DIR/<table>.parquet`` or ``DIR/<table>.csv``.

Two streamed passes over the records: the registry first (person ids), then
the rows.  Each file is written under a temporary name and renamed into place
when every table is complete.  Parquet needs pyarrow (``pip install '.[parquet]'``).
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..registry import build_from_sightings, from_records
from .schema import TABLES
from .source import ExportError, iter_documents
from .tables import as_tuple, document_rows, registry_rows

FORMATS = ("parquet", "csv")
BATCH = 2000


def export_files(out_dir: Path, target: Path, fmt: str,
                 documents: Optional[Callable[[], Iterable[dict]]] = None,
                 progress: Optional[Callable[[int], None]] = None) -> dict:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (parquet or csv)")
    writer_cls = _ParquetTable if fmt == "parquet" else _CsvTable
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ExportError("--format parquet needs pyarrow: pip install 'kz-extractor[parquet]'") from None
    skipped: list = []
    docs = documents or (lambda: iter_documents(out_dir, skipped))
    registry = build_from_sightings(list(from_records(docs())))
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    writers = {t.name: writer_cls(t, target) for t in TABLES}
    try:
        n = 0
        skipped.clear()
        for record in docs():
            try:
                rows = list(_with_people(document_rows(record), registry))
            except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
                skipped.append((str(record.get("doc_id")), f"malformed record: {type(exc).__name__}: {exc}"))
                continue
            for table, row in rows:
                writers[table].add(row)
            n += 1
            if progress:
                progress(n)
        for table, row in registry_rows(registry):
            writers[table].add(row)
        for w in writers.values():
            w.close()
    except BaseException:
        for w in writers.values():
            w.discard()
        raise
    for w in writers.values():
        w.commit()
    return {"exported": n, "people": len(registry), "skipped": skipped,
            "tables": {name: w.rows for name, w in writers.items()}}


def _with_people(rows: Iterable[tuple[str, dict]], registry) -> Iterable[tuple[str, dict]]:
    """Fill person ids (the rows of one document are few: they are held together)."""
    rows = list(rows)
    names: dict[tuple[str, str], str] = {}
    for table, row in rows:
        if table == "participants":
            row["person_id"] = registry.person_at(row["meeting_id"], row["seat"])
            if row["person_id"] and row["name"]:
                names.setdefault((row["meeting_id"], row["name"]), row["person_id"])
    for table, row in rows:
        if table == "meetings":
            row["host_person_id"] = registry.person_at(row["meeting_id"], 0)
        elif table == "instructions":
            row["addressee_person_id"] = names.get((row["meeting_id"], row["addressee"]))
        yield table, row


class _TableFile:
    suffix = ""

    def __init__(self, table, folder: Path):
        self.table, self.rows = table, 0
        self.path = folder / f"{table.name}.{self.suffix}"
        self.tmp = folder / f".{table.name}.{self.suffix}.{os.getpid()}.tmp"

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.close()
        except Exception:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class _CsvTable(_TableFile):
    suffix = "csv"

    def __init__(self, table, folder: Path):
        super().__init__(table, folder)
        self.fh = open(self.tmp, "w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.fh)
        self.csv.writerow(table.names)

    def add(self, row: dict) -> None:
        self.csv.writerow(["" if v is None else v for v in as_tuple(self.table.name, row)])
        self.rows += 1

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.close()


_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "DATE": "date32", "BOOLEAN": "bool_"}


class _ParquetTable(_TableFile):
    suffix = "parquet"

    def __init__(self, table, folder: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        super().__init__(table, folder)
        self.pa = pa
        self.schema = pa.schema([(n, getattr(pa, _ARROW[t])()) for n, t, _ in table.columns])
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        self.buffer: list[dict] = []
        self.dates = [n for n, t, _ in table.columns if t == "DATE"]
        self.bools = [n for n, t, _ in table.columns if t == "BOOLEAN"]

    def add(self, row: dict) -> None:
        row = dict(row)
        for name in self.dates:
            if row[name]:
                row[name] = dt.date.fromisoformat(row[name])
        for name in self.bools:
            if row[name] is not None:
                row[name] = bool(row[name])
        self.buffer.append(row)
        self.rows += 1
        if len(self.buffer) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            self.writer.write_table(self.pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        if self.writer is not None:
            self._flush()
            self.writer.close()
            self.writer = None
