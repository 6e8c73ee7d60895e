"""Multi-document corpora written by hand, as document records (JSON dicts).

The names are invented; the shapes are those of real reports: the same akim
in several reports under two spellings of his first name and later as a
minister, two namesakes holding different posts in the same months, a
minister who becomes an akim, the President hosting under two styles.
"""
from __future__ import annotations

PRESIDENT = {"name": "Касым-Жомарт Токаев", "position": "Президент Республики Казахстан", "region": None}


def person(name, position=None, region=None):
    return {"name": name, "position": position, "region": region, "region_inferred": False,
            "mention_ids": []}


def document(doc_id, date, *meetings, host=PRESIDENT):
    """A document record; each meeting is a list of participants."""
    return {
        "schema_version": "1.0", "pipeline_version": "test", "doc_id": doc_id,
        "source": {"path": f"{doc_id}.txt", "sha256": "0" * 64, "encoding": "utf-8",
                   "published": date, "outlet": None, "url": None},
        "text_length": 1000, "language": "ru", "status": "ok", "boilerplate": [], "mentions": [],
        "meetings": [
            {"id": f"{doc_id}#{n}", "doc_id": doc_id, "start": 0, "end": 10, "date": date,
             "host": dict(host, region_inferred=False, mention_ids=[]), "participants": parts,
             "regions": sorted({p["region"] for p in parts if p.get("region")}), "inferred_regions": [],
             "facilities": [], "figures": [], "instructions": [], "topics": []}
            for n, parts in enumerate(meetings, start=1)],
    }


PAVLODAR = "Павлодарская область"
KARAGANDA = "Карагандинская область"
TURKESTAN = "Туркестанская область"

# 1. One akim in five reports: two spellings (Бауыржан / Бауржан), then minister.
AKIM_FIVE_REPORTS = [
    document("a1", "2021-03-10", [person("Бауыржан Нуркенов", "аким Павлодарской области", PAVLODAR)]),
    document("a2", "2021-09-01", [person("Бауыржан Нуркенов", "аким Павлодарской области", PAVLODAR)]),
    document("a3", "2022-02-15", [person("Бауржан Нуркенов", "аким Павлодарской области", PAVLODAR)]),
    document("a4", "2022-11-20", [person("Бауржан Нуркенов", "министр энергетики")]),
    document("a5", "2023-05-05", [person("Бауыржан Нуркенов", "Министр энергетики Республики Казахстан")]),
]

# 2. Namesakes: one Серик Ахметов is akim of Karaganda region, the other minister of
#    transport, both seen in the first half of 2022 (once on the same day).
NAMESAKES = [
    document("n1", "2022-01-10", [person("Серик Ахметов", "аким Карагандинской области", KARAGANDA)]),
    document("n2", "2022-03-15", [person("Серик Ахметов", "министр транспорта")]),
    document("n3", "2022-06-01", [person("Серик Ахметов", "аким Карагандинской области", KARAGANDA)],
             [person("Серик Ахметов", "министр транспорта")]),
]

# 3. A minister who becomes akim.
MINISTER_TO_AKIM = [
    document("m1", "2020-05-01", [person("Марат Жумабаев", "министр сельского хозяйства")]),
    document("m2", "2021-01-10", [person("Марат Жумабаев", "министр сельского хозяйства")]),
    document("m3", "2021-08-01", [person("Марат Жумабаев", "аким Туркестанской области", TURKESTAN)]),
    document("m4", "2022-02-02", [person("Марат Жумабаев", "аким Туркестанской области", TURKESTAN)],
             host={"name": "Касым-Жомарт Токаев", "position": "Глава государства", "region": None}),
]
