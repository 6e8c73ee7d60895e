"""`extractor export` into SQLite: tables, types, keys, determinism, replacing a run's rows, crash safety."""
from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from extractor.export import ExportError, export_sqlite
from extractor.export.schema import TABLES

from export_fixtures import real_out, write_run  # noqa: F401 (fixture)
from corpora import AKIM_FIVE_REPORTS, MINISTER_TO_AKIM, NAMESAKES


def dump(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture
def hand_out(tmp_path):
    docs = copy.deepcopy(AKIM_FIVE_REPORTS + NAMESAKES + MINISTER_TO_AKIM)
    docs[0]["meetings"][0]["kind"] = "reception"        # a v1.1 record; the others have no kind
    docs[0]["meetings"][0]["figures"] = [{
        "kind": "money", "value": 1.5e11, "value_to": None, "unit": "KZT", "period": None, "text": "150 млрд тенге",
        "start": 1, "end": 5, "subject": "инвестиции", "mention_id": None, "period_year": 2020}]
    docs[0]["meetings"][0]["instructions"] = [{"text": "продолжить работу", "addressee": "Бауыржан Нуркенов",
                                               "start": 6, "end": 9}]
    return write_run(tmp_path / "out", docs)


def test_tables_columns_types_and_indexes(hand_out, tmp_path):
    db = tmp_path / "x.sqlite"
    result = export_sqlite(hand_out, db)
    assert result["exported"] == 12 and result["skipped"] == []
    con = sqlite3.connect(db)
    for table in TABLES:
        info = con.execute(f"PRAGMA table_info({table.name})").fetchall()
        assert [(r[1], r[2]) for r in info] == [(c[0], c[1]) for c in table.columns]
    indexes = {r[0]: r[1] for r in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    for needed in ("meetings_date", "meetings_region", "meetings_kind", "participants_person_id",
                   "positions_region", "positions_role", "meeting_regions_region"):
        assert needed in indexes
    assert con.execute("SELECT typeof(date), typeof(year) FROM meetings WHERE meeting_id = 'a1#1'").fetchone() == ("text", "integer")
    assert con.execute("SELECT kind FROM meetings ORDER BY meeting_id").fetchall()[:2] == [("reception",), (None,)]
    assert con.execute("SELECT typeof(value), value, period_year FROM figures").fetchall() == [("real", 1.5e11, 2020)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    # person ids everywhere: participants, hosts, instruction addressees
    assert con.execute("SELECT count(*) FROM participants WHERE name IS NOT NULL AND person_id IS NULL").fetchone() == (0,)
    assert con.execute("SELECT count(DISTINCT host_person_id) FROM meetings").fetchone() == (1,)
    [(addressee,)] = con.execute("SELECT addressee_person_id FROM instructions").fetchall()
    assert con.execute("SELECT name FROM people WHERE person_id = ?", (addressee,)).fetchone() == ("Бауыржан Нуркенов",)


def test_akims_of_a_region_over_time_and_meetings_of_a_person(hand_out, tmp_path):
    db = tmp_path / "x.sqlite"
    export_sqlite(hand_out, db)
    rows = query(db, "SELECT p.name, pos.role, pos.first_seen, pos.last_seen FROM positions pos "
                     "JOIN people p USING (person_id) WHERE pos.region = ? ORDER BY pos.first_seen",
                 "Карагандинская область")
    assert rows == [("Серик Ахметов", "аким", "2022-01-10", "2022-06-01")]
    rows = query(db, "SELECT m.meeting_id, pa.position FROM participants pa JOIN meetings m USING (meeting_id) "
                     "JOIN people p USING (person_id) WHERE p.name = 'Бауыржан Нуркенов' ORDER BY m.date")
    assert [r[0] for r in rows] == ["a1#1", "a2#1", "a3#1", "a4#1", "a5#1"]
    assert query(db, "SELECT count(*) FROM people WHERE name = 'Серик Ахметов'") == [(2,)]


def test_reexport_gives_the_same_tables(hand_out, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    export_sqlite(hand_out, a)
    export_sqlite(hand_out, b)
    first = dump(a)
    assert first == dump(b)
    export_sqlite(hand_out, a)          # again, into the same file
    assert dump(a) == first


def test_export_into_an_existing_database_replaces_only_that_runs_documents(tmp_path):
    run_a = write_run(tmp_path / "a", copy.deepcopy(AKIM_FIVE_REPORTS))
    run_b = write_run(tmp_path / "b", copy.deepcopy(NAMESAKES))
    db = tmp_path / "x.sqlite"
    export_sqlite(run_a, db)
    export_sqlite(run_b, db)
    assert query(db, "SELECT count(*) FROM documents") == [(8,)]
    # run a again, with report a5 now holding no meeting: its rows are replaced, b's are kept
    changed = copy.deepcopy(AKIM_FIVE_REPORTS)
    changed[4]["meetings"] = []
    write_run(run_a, changed)
    export_sqlite(run_a, db)
    assert query(db, "SELECT count(*) FROM documents") == [(8,)]
    assert query(db, "SELECT count(*) FROM meetings WHERE doc_id = 'a5'") == [(0,)]
    assert query(db, "SELECT count(*) FROM meetings WHERE doc_id LIKE 'n%'") == [(4,)]
    assert query(db, "SELECT pos.last_seen FROM positions pos JOIN people p USING (person_id) "
                     "WHERE p.variants LIKE '%Бауыржан Нуркенов%' AND pos.role = 'министр'") == [("2022-11-20",)]
    assert query(db, "SELECT count(*) FROM people WHERE name = 'Серик Ахметов'") == [(2,)]


def test_a_failure_midway_leaves_the_database_as_it_was(hand_out, tmp_path):
    db = tmp_path / "x.sqlite"
    export_sqlite(write_run(tmp_path / "old", copy.deepcopy(NAMESAKES)), db)
    before = dump(db)

    def documents():
        for n, path in enumerate(sorted(hand_out.glob("*.json"))):
            if n == 4:
                raise RuntimeError("disk on fire")
            yield json.loads(path.read_text(encoding="utf-8"))

    with pytest.raises(RuntimeError):
        export_sqlite(hand_out, db, documents=documents())
    assert dump(db) == before


KILLED_EXPORT = """
import json, sys, time
from pathlib import Path
from extractor.export import export_sqlite
out, db, marker = map(Path, sys.argv[1:4])
def documents():
    for n, path in enumerate(sorted(out.glob("*.json"))):
        if n == 3:
            marker.write_text("writing")
            time.sleep(120)
        yield json.loads(path.read_text(encoding="utf-8"))
export_sqlite(out, db, documents=documents())
"""


def test_a_kill_midway_leaves_the_database_as_it_was(hand_out, tmp_path):
    db = tmp_path / "x.sqlite"
    export_sqlite(write_run(tmp_path / "old", copy.deepcopy(NAMESAKES)), db)
    before = dump(db)
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(hand_out), str(db), str(marker)])
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, "the export ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert (tmp_path / "x.sqlite-journal").exists()   # rows of the new run were written
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert dump(db) == before
    assert query(db, "PRAGMA integrity_check") == [("ok",)]


def test_refuses_a_database_that_is_not_an_export(tmp_path, hand_out):
    db = tmp_path / "other.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(ExportError, match="other tables"):
        export_sqlite(hand_out, db)
    assert query(db, "SELECT name FROM sqlite_master") == [("accounts",)]


def test_files_that_are_not_records_are_reported_and_skipped(hand_out, tmp_path):
    (hand_out / "broken.json").write_text("{not json", encoding="utf-8")
    (hand_out / "run.json").write_text("{}", encoding="utf-8")
    result = export_sqlite(hand_out, tmp_path / "x.sqlite")
    assert result["exported"] == 12
    assert [p.rsplit("/", 1)[-1] for p, _ in result["skipped"]] == ["broken.json"]


def test_a_malformed_record_is_skipped_with_a_reason_and_keeps_its_old_rows(hand_out, tmp_path):
    db = tmp_path / "x.sqlite"
    export_sqlite(hand_out, db)
    path = hand_out / "a2.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["meetings"][0]["participants"] = "Бауыржан Нуркенов"       # not a list of people
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = export_sqlite(hand_out, db)
    assert [(doc, why.split(":")[0]) for doc, why in result["skipped"]] == [("a2", "malformed record")]
    assert result["exported"] == 11
    assert query(db, "SELECT count(*) FROM participants WHERE doc_id = 'a2'") == [(2,)]
    assert query(db, "SELECT count(*) FROM documents") == [(12,)]


def test_dates_that_are_not_dates_become_null(tmp_path):
    docs = copy.deepcopy(NAMESAKES)
    docs[0]["source"]["published"] = "2022-13-45"
    docs[0]["meetings"][0]["date"] = "вчера"
    db = tmp_path / "x.sqlite"
    export_sqlite(write_run(tmp_path / "out", docs), db)
    assert query(db, "SELECT published FROM documents WHERE doc_id = 'n1'") == [(None,)]
    assert query(db, "SELECT date, year FROM meetings WHERE doc_id = 'n1'") == [(None, None)]


def test_an_inferred_unit_is_kept_as_a_flag(tmp_path):
    docs = copy.deepcopy(AKIM_FIVE_REPORTS)
    written = {"kind": "money", "value": 2e9, "value_to": None, "unit": "KZT", "period": None,
               "text": "2 млрд тенге", "start": 1, "end": 5, "subject": None, "mention_id": None}
    inferred = dict(written, value=7e8, text="700 млн", start=6, end=9, unit_inferred=True)
    docs[0]["meetings"][0]["figures"] = [written, inferred]   # ``written``: a record from before the field
    db = tmp_path / "x.sqlite"
    export_sqlite(write_run(tmp_path / "out", docs), db)
    assert query(db, "SELECT text, unit, unit_inferred FROM figures ORDER BY seq") == [
        ("2 млрд тенге", "KZT", 0), ("700 млн", "KZT", 1)]
