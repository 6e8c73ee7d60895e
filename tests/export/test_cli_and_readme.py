"""`extractor export` / `extractor who` from the command line, people.jsonl of a run,
and the README's example queries with their answers on seeds/ + tests/data/reports."""
from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys

from extractor.export import export_sqlite
from extractor.export.examples import EXAMPLES, markdown

from export_fixtures import ROOT, real_out, write_run  # noqa: F401 (fixture)
from corpora import AKIM_FIVE_REPORTS, MINISTER_TO_AKIM, NAMESAKES


def cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)], capture_output=True, text=True)


def test_run_writes_people_jsonl(real_out):
    lines = [json.loads(l) for l in (real_out / "people.jsonl").read_text(encoding="utf-8").splitlines()]
    names = {p["name"]: p for p in lines}
    # he hosts every meeting he is in but one: received by a foreign President (n66)
    assert names["Касым-Жомарт Токаев"]["hosted"] == names["Касым-Жомарт Токаев"]["meetings"] - 1 >= 15
    assert [t["position"] for t in names["Ермаганбет Булекпаев"]["timeline"]] == ["аким Карагандинской области"]
    assert len({p["id"] for p in lines}) == len(lines)
    assert json.loads((real_out / "run.json").read_text(encoding="utf-8"))["counts"]["people"] == len(lines)


def test_readme_queries_and_their_answers(real_out, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for sql in EXAMPLES.values():
        assert sql in readme
    db = tmp_path / "run.sqlite"
    assert cli("export", real_out, "--to", db).returncode == 0
    con = sqlite3.connect(db)
    akims, money, meetings = (con.execute(sql).fetchall() for sql in EXAMPLES.values())
    assert ("Карагандинская область", "Ермаганбет Булекпаев", "аким Карагандинской области", None, None, 1) in akims
    assert ("область Абай", "Берик Уали", "аким Абайской области", "2025-05-07", "2025-05-28", 2) in akims
    assert ("Атырауская область", "Серик Шапкенов", "аким Атырауской области", "2024-04-02", "2024-08-22", 2) in akims
    # "аким Астаны" (undated) and "аким города Астаны" (2024) are one post of one person
    assert ("город Астана", "Женис Касымбек", "аким города Астаны", "2024-11-05", "2024-11-05", 3) in akims
    assert ("Павлодарская область", None, "KZT", 620e9, 1) in money
    assert ("Туркестанская область", 2025, "KZT", 380e9, 1) in money
    assert [m[1] for m in meetings] == ["n08_three_akims_one_verb#1", "n35_teaser_then_list#1",
                                        "n59_separate_meetings_names_in_order#2", "000_d411b140eaf4713b#1",
                                        "r07_capital#1"]
    # the README shows each query's answer on this very run
    for sql in EXAMPLES.values():
        assert markdown(con, sql) in readme, "regenerate README's example answers: python -m extractor.export.examples"


def test_export_command_formats_and_errors(tmp_path):
    out = write_run(tmp_path / "out", copy.deepcopy(AKIM_FIVE_REPORTS))
    proc = cli("export", out, "--to", tmp_path / "x.sqlite")
    assert proc.returncode == 0 and "exported 5 documents" in proc.stderr
    proc = cli("export", out, "--to", tmp_path / "csv", "--format", "csv")
    assert proc.returncode == 0 and (tmp_path / "csv" / "people.csv").is_file()
    assert cli("export", tmp_path / "missing", "--to", tmp_path / "y.sqlite").returncode == 2
    assert cli("export", out, "--to", tmp_path / "csv").returncode == 2          # a folder, not a file


def test_who(tmp_path):
    docs = copy.deepcopy(AKIM_FIVE_REPORTS + NAMESAKES + MINISTER_TO_AKIM)
    out = write_run(tmp_path / "out", docs)
    with open(out / "meetings.jsonl", "w", encoding="utf-8") as fh:   # no people.jsonl: built from meetings
        for d in docs:
            for m in d["meetings"]:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    proc = cli("who", out, "--region", "Карагандинской", "--json")
    rows = [json.loads(l) for l in proc.stdout.splitlines()]
    assert [(r["name"], r["role"], r["first_seen"]) for r in rows] == [("Серик Ахметов", "аким", "2022-01-10")]
    proc = cli("who", out, "--position", "аким", "--date", "2021-12")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["name", "position"]
    assert [l.split("  ")[0] for l in lines[2:]] == ["Бауыржан Нуркенов", "Марат Жумабаев"]
    proc = cli("who", out, "--position", "аким", "--date", "2023")   # Нуркенов is a minister by then
    assert [l.split("  ")[0] for l in proc.stdout.splitlines()[2:]] == ["Серик Ахметов", "Марат Жумабаев"]
    proc = cli("who", out, "--name", "Жумаб", "--json")
    assert [json.loads(l)["position"] for l in proc.stdout.splitlines()] == [
        "министр сельского хозяйства", "аким Туркестанской области"]
    proc = cli("who", out, "--position", "министр энергетики")
    assert "Бауыржан Нуркенов" in proc.stdout and "Марат" not in proc.stdout
    assert cli("who", out, "--region", "Атлантида").returncode == 2
    assert cli("who", out, "--date", "вчера").returncode == 2
    assert cli("who", tmp_path / "nothing").returncode == 2


def test_readme_schema_and_dictionary_are_current():
    from extractor.export.schema import data_dictionary, schema_sql

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```sql\n{schema_sql().rstrip()}\n```" in readme, "regenerate README's schema.sql block"
    assert data_dictionary().strip() in readme, "regenerate README's data dictionary"


def test_schema_sql_builds_an_empty_database_that_export_accepts(tmp_path):
    from extractor.export.schema import schema_sql

    db = tmp_path / "empty.sqlite"
    con = sqlite3.connect(db)
    con.executescript(schema_sql())
    con.close()
    out = write_run(tmp_path / "out", copy.deepcopy(NAMESAKES))
    assert export_sqlite(out, db)["tables"]["meetings"] == 4
