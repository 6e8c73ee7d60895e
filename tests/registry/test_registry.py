"""The registry of people on corpora composed by hand (tests/registry/corpora.py)."""
from __future__ import annotations

import json

from extractor import registry
from extractor.records import DocumentRecord

from corpora import (AKIM_FIVE_REPORTS, KARAGANDA, MINISTER_TO_AKIM, NAMESAKES, PRESIDENT, TURKESTAN,
                     document, person)


def entries(reg, name):
    return [p for p in reg.people if name in p.variants]


def posts(entry):
    return [(p.position, p.region, p.first_seen, p.last_seen, list(p.meeting_ids)) for p in entry.timeline]


def test_one_akim_two_spellings_two_posts():
    reg = registry.build(AKIM_FIVE_REPORTS)
    [akim] = entries(reg, "Бауыржан Нуркенов")
    assert akim.name == "Бауыржан Нуркенов"                       # the spelling seen most often
    assert akim.variants == ("Бауржан Нуркенов", "Бауыржан Нуркенов")
    assert posts(akim) == [
        ("аким Павлодарской области", "Павлодарская область", "2021-03-10", "2022-02-15", ["a1#1", "a2#1", "a3#1"]),
        # one report each: the fuller style is shown
        ("Министр энергетики Республики Казахстан", None, "2022-11-20", "2023-05-05", ["a4#1", "a5#1"]),
    ]
    assert [p.organisation for p in akim.timeline] == [
        "акимат Павлодарской области", "Министерство энергетики Республики Казахстан"]
    assert (akim.first_seen, akim.last_seen, len(akim.doc_ids)) == ("2021-03-10", "2023-05-05", 5)
    assert len(reg) == 2   # and the President


def test_namesakes_with_posts_at_the_same_time_stay_apart():
    reg = registry.build(NAMESAKES)
    people = entries(reg, "Серик Ахметов")
    assert len(people) == 2 and people[0].id != people[1].id
    by_role = {p.timeline[0].role: p for p in people}
    assert posts(by_role["аким"]) == [
        ("аким Карагандинской области", KARAGANDA, "2022-01-10", "2022-06-01", ["n1#1", "n3#1"])]
    assert posts(by_role["министр"]) == [("министр транспорта", None, "2022-03-15", "2022-06-01", ["n2#1", "n3#2"])]
    assert [len(p.timeline) for p in people] == [1, 1]


def test_minister_who_becomes_akim_is_one_person():
    reg = registry.build(MINISTER_TO_AKIM)
    [marat] = entries(reg, "Марат Жумабаев")
    assert posts(marat) == [
        ("министр сельского хозяйства", None, "2020-05-01", "2021-01-10", ["m1#1", "m2#1"]),
        ("аким Туркестанской области", TURKESTAN, "2021-08-01", "2022-02-02", ["m3#1", "m4#1"]),
    ]


def test_hosts_are_people_with_both_styles_as_one_post():
    reg = registry.build(MINISTER_TO_AKIM)
    [president] = entries(reg, "Касым-Жомарт Токаев")
    assert president.hosted == 4
    assert len(president.timeline) == 1 and president.timeline[0].role == "президент"
    assert reg.person_at("m4#1", 0) == president.id


def test_ids_are_stable_when_more_documents_come():
    full = registry.build(AKIM_FIVE_REPORTS + NAMESAKES + MINISTER_TO_AKIM)
    part = registry.build(AKIM_FIVE_REPORTS[:2] + NAMESAKES[:1] + MINISTER_TO_AKIM[2:])
    ids = {(p.name, p.timeline[0].role): p.id for p in part.people}
    for (name, role), pid in ids.items():
        match = [p for p in full.people if p.id == pid]
        assert match and match[0].name == name, (name, role)
    # the namesake seen first keeps the bare id; the other gets one of its own
    akim = [p for p in full.people if p.name == "Серик Ахметов" and p.timeline[0].role == "аким"][0]
    assert akim.id == ids[("Серик Ахметов", "аким")]


def test_same_name_without_dates_or_conflict_is_one_person():
    docs = [document("u1", None, [person("Алия Сарсенова", "министр просвещения")]),
            document("u2", None, [person("Алия Сарсенова")]),
            document("u3", "2024-04-04", [person("АЛИЯ САРСЕНОВА", "Министр просвещения РК")])]
    [alia] = entries(registry.build(docs), "Алия Сарсенова")
    assert sorted(alia.variants) == sorted(("Алия Сарсенова", "АЛИЯ САРСЕНОВА"))
    assert alia.name == "Алия Сарсенова"
    assert len(alia.timeline) == 1 and alia.timeline[0].meeting_ids == ("u1#1", "u2#1", "u3#1")


def test_near_spelling_without_a_shared_post_is_not_merged():
    docs = [document("s1", "2023-01-01", [person("Ерлан Касымов", "аким Атырауской области", "Атырауская область")]),
            document("s2", "2023-02-01", [person("Ерлан Касимов", "министр финансов")])]
    assert len(entries(registry.build(docs), "Ерлан Касымов")) == 1
    assert len(registry.build(docs)) == 3


def test_build_takes_pydantic_records_and_meeting_records():
    models = [DocumentRecord.model_validate(d) for d in AKIM_FIVE_REPORTS]
    meetings = [m for d in AKIM_FIVE_REPORTS for m in d["meetings"]]
    assert registry.build(models).to_jsonl() == registry.build(AKIM_FIVE_REPORTS).to_jsonl()
    assert registry.build(meetings).to_jsonl() == registry.build(AKIM_FIVE_REPORTS).to_jsonl()


def test_jsonl_lines_carry_the_timeline():
    lines = [json.loads(l) for l in registry.build(AKIM_FIVE_REPORTS).to_jsonl().splitlines()]
    akim = next(l for l in lines if l["name"] == "Бауыржан Нуркенов")
    assert set(akim) >= {"id", "name", "variants", "timeline", "first_seen", "last_seen", "meetings"}
    assert akim["timeline"][1] == {"position": "Министр энергетики Республики Казахстан", "role": "министр",
                                   "region": None, "organisation": "Министерство энергетики Республики Казахстан",
                                   "first_seen": "2022-11-20",
                                   "last_seen": "2023-05-05", "meeting_ids": ["a4#1", "a5#1"]}


def test_people_without_a_name_are_left_out():
    docs = [document("x1", "2025-01-01", [person(None, "аким Туркестанской области", "Туркестанская область")])]
    assert [p.name for p in registry.build(docs)] == [PRESIDENT["name"]]
