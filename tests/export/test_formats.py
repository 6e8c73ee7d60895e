"""The export opens unchanged in DuckDB; Parquet and CSV hold the same tables."""
from __future__ import annotations

import copy
import csv
import sqlite3
from pathlib import Path

import pytest

from extractor.export import export_files, export_sqlite
from extractor.export.examples import EXAMPLES
from extractor.export.schema import TABLES

from export_fixtures import real_out, write_run  # noqa: F401 (fixture)
from corpora import AKIM_FIVE_REPORTS, MINISTER_TO_AKIM, NAMESAKES


@pytest.fixture
def hand_out(tmp_path):
    return write_run(tmp_path / "out", copy.deepcopy(AKIM_FIVE_REPORTS + NAMESAKES + MINISTER_TO_AKIM))


def _duckdb_with_sqlite():
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    try:
        con.execute("LOAD sqlite")
        return con
    except Exception:
        pass
    import importlib.util

    spec = importlib.util.find_spec("duckdb_ext")   # the duckdb-ext-sqlite wheel (dev extra)
    paths = list(Path(next(iter(spec.submodule_search_locations))).rglob("sqlite_scanner.duckdb_extension")) \
        if spec and spec.submodule_search_locations else []
    if not paths:
        pytest.skip("DuckDB's sqlite extension is not installed (pip install duckdb-ext-sqlite)")
    con.execute(f"LOAD '{paths[0]}'")
    return con


def test_duckdb_reads_the_sqlite_file_with_its_types(hand_out, real_out, tmp_path):
    con = _duckdb_with_sqlite()
    for name, out in (("hand", hand_out), ("real", real_out)):
        db = tmp_path / f"{name}.sqlite"
        export_sqlite(out, db)
        con.execute(f"ATTACH '{db}' AS {name} (TYPE sqlite, READ_ONLY)")
        con.execute(f"USE {name}")
        types = {r[0]: r[1] for r in con.execute("DESCRIBE meetings").fetchall()}
        assert types["date"] == "DATE" and types["year"] == "BIGINT"
        assert {r[0]: r[1] for r in con.execute("DESCRIBE figures").fetchall()}["value"] == "DOUBLE"
        lite = sqlite3.connect(db)
        for sql in EXAMPLES.values():
            expected = [tuple(str(v) if v is not None else None for v in row) for row in lite.execute(sql)]
            got = [tuple(str(v) if v is not None else None for v in row) for row in con.execute(sql).fetchall()]
            assert got == expected, sql
        for table in TABLES:
            n = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
            assert n == lite.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        con.execute("USE memory")


def test_parquet_tables_match_sqlite(hand_out, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    db = tmp_path / "x.sqlite"
    export_sqlite(hand_out, db)
    result = export_files(hand_out, tmp_path / "pq", "parquet")
    lite = sqlite3.connect(db)
    for table in TABLES:
        data = pq.read_table(tmp_path / "pq" / f"{table.name}.parquet")
        assert data.column_names == list(table.names)
        rows = [tuple(r.values()) for r in data.to_pylist()]
        expected = lite.execute(f"SELECT * FROM {table.name}").fetchall()
        norm = lambda rows: sorted(tuple(str(v) if v is not None else "" for v in r) for r in rows)
        if table.name in ("meetings", "people", "positions", "documents"):
            # dates are date32 and booleans bool in Parquet
            assert len(rows) == len(expected)
        else:
            assert norm([tuple(int(v) if isinstance(v, bool) else v for v in r) for r in rows]) == norm(expected)
        assert result["tables"][table.name] == len(expected)
    assert str(pq.read_table(tmp_path / "pq" / "meetings.parquet").schema.field("date").type) == "date32[day]"
    assert not list((tmp_path / "pq").glob(".*tmp"))


def test_csv_tables(hand_out, tmp_path):
    export_sqlite(hand_out, tmp_path / "x.sqlite")
    export_files(hand_out, tmp_path / "csv", "csv")
    lite = sqlite3.connect(tmp_path / "x.sqlite")
    for table in TABLES:
        with open(tmp_path / "csv" / f"{table.name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == list(table.names)
        expected = lite.execute(f"SELECT * FROM {table.name}").fetchall()
        assert sorted(rows[1:]) == sorted([["" if v is None else str(v) for v in r] for r in expected])


def test_the_sqlite3_shell_opens_the_export(hand_out, tmp_path):
    import shutil
    import subprocess

    shell = shutil.which("sqlite3")
    if not shell:
        pytest.skip("no sqlite3 shell on this machine")
    db = tmp_path / "x.sqlite"
    export_sqlite(hand_out, db)
    proc = subprocess.run([shell, str(db), "PRAGMA integrity_check;",
                           "SELECT count(*) FROM people WHERE name = 'Серик Ахметов';"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ok", "2"]
