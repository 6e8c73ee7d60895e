"""End to end: five reports (tests/data/registry, written for this test) about one
official under two spellings of his first name, first akim, then minister; the
run's people.jsonl holds one entry for him with both posts, and one for the host."""
from __future__ import annotations

import json
from pathlib import Path

from extractor.batch import run_batch

REPORTS = Path(__file__).resolve().parent.parent / "data" / "registry"


def test_run_writes_the_registry_across_reports(tmp_path):
    out = tmp_path / "out"
    run_batch([REPORTS], out, jobs=1)
    people = {p["name"]: p for p in map(json.loads, (out / "people.jsonl").read_text(encoding="utf-8").splitlines())}
    assert set(people) == {"Бауыржан Нуркенов", "Касым-Жомарт Токаев"}
    official = people["Бауыржан Нуркенов"]
    assert official["variants"] == ["Бауржан Нуркенов", "Бауыржан Нуркенов"]
    assert [(t["position"], t["region"], t["first_seen"], t["last_seen"], t["meeting_ids"])
            for t in official["timeline"]] == [
        ("аким Павлодарской области", "Павлодарская область", "2021-03-10", "2022-02-15", ["r1#1", "r2#1", "r3#1"]),
        ("министр энергетики", None, "2022-11-20", "2023-05-05", ["r4#1", "r5#1"]),
    ]
    assert people["Касым-Жомарт Токаев"]["hosted"] == 5
