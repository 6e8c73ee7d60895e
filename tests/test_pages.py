"""HTML pages in, clean meetings out: extractor/pages.py end to end through ``extractor run``."""
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.pages import extract_article, has_article, is_page, NoArticle

PAGES = Path(__file__).parent / "data" / "pages"
EXTRACTOR = [sys.executable, "-m", "extractor"]
NO_ARTICLE = ("<!DOCTYPE html><html><head><title>Новости</title></head><body><ul><li><a href='/1'>Главная</a></li>"
              "<li><a href='/2'>Политика</a></li></ul><div><a href='/x'>Токаев принял акима Алматы</a></div>"
              "</body></html>")


def run(*args):
    return subprocess.run([*EXTRACTOR, *map(str, args)], capture_output=True, text=True, timeout=600)


def outputs(out: Path):
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json") if p.name != "run.json"}
    errors_file = out / "errors.jsonl"
    errors = [json.loads(line) for line in errors_file.read_text(encoding="utf-8").splitlines()] \
        if errors_file.exists() else []
    return records, errors


def check_offsets(record: dict) -> None:
    text = record["text"]
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == record["source"]["text_sha256"]
    assert record["text_length"] == len(text)
    for m in record["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for b in record["boilerplate"]:
        assert 0 <= b["start"] < b["end"] <= len(text) and b["reason"]
    for meeting in record["meetings"]:
        for f in meeting["figures"]:
            assert text[f["start"]:f["end"]] == f["text"]
        for i in meeting["instructions"]:
            assert text[i["start"]:i["end"]] == i["text"]


def residue_at(record: dict, pos: int) -> str | None:
    return next((b["reason"] for b in record["boilerplate"] if b["start"] <= pos < b["end"]), None)


def test_run_reads_a_saved_html_page_end_to_end(tmp_path, validators):
    inputs = tmp_path / "pages"
    inputs.mkdir()
    shutil.copy(PAGES / "p01_kazinform_like.html", inputs)
    out = tmp_path / "out"
    proc = run("run", inputs, "--out", out, "--jobs", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr
    records, errors = outputs(out)
    assert errors == []
    record = records["p01_kazinform_like"]
    validators["document"].validate(record)
    source = record["source"]
    assert source["format"] == "html"
    assert source["title"] == "Токаев принял акима Абайской области"
    assert source["published"] == "2025-04-17"
    assert source["site_name"] == source["outlet"] == "Новости Степи"
    assert source["canonical_url"].endswith("a1234567")
    assert source["sha256"] == hashlib.sha256((PAGES / "p01_kazinform_like.html").read_bytes()).hexdigest()
    check_offsets(record)
    text = record["text"]
    assert text.startswith("Токаев принял акима Абайской области\n")
    for furniture in ("USD", "Политика", "cookie", "Все права", "Новости по теме", "Подпишись"):
        assert furniture not in text  # trafilatura keeps the article, not the site
    [meeting] = record["meetings"]
    assert meeting["start"] == 0  # the headline belongs to the meeting ...
    assert residue_at(record, 0) == "headline"  # ... as residue: no fact comes from it
    assert [p["name"] for p in meeting["participants"]] == ["Берик Уали"]
    assert meeting["regions"] == ["область Абай"]
    money = [f["text"] for f in meeting["figures"] if f["kind"] == "money"]
    assert money == ["96 млрд тенге"]  # not the 12 млрд of the earlier meeting in the teaser
    for f in meeting["figures"]:
        assert residue_at(record, f["start"]) is None
    reasons = {b["reason"] for b in record["boilerplate"]}
    assert {"headline", "dateline", "related", "earlier_event"} <= reasons
    line = json.loads((out / "meetings.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["id"] == "p01_kazinform_like#1"


def test_a_folder_of_pages_and_texts(tmp_path):
    out = tmp_path / "out"
    proc = run("run", PAGES, "--out", out, "--jobs", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr
    records, errors = outputs(out)
    assert errors == []
    assert len(records) == len(list(PAGES.glob("*.htm*"))) + len(list(PAGES.glob("*.txt")))
    assert records["p04_cp1251_regional"]["source"]["encoding"] == "windows-1251"
    assert records["t08_no_meeting"]["meetings"] == []
    assert len(records["p03_div_soup"]["meetings"]) == 2
    for record in records.values():
        if record["source"]["format"] == "html":
            check_offsets(record)
        else:
            assert record["text"] is None


def test_saved_page_in_a_txt_is_read_as_a_page_and_a_fragment_is_refused(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(PAGES / "p03_div_soup.html", inputs / "saved.txt")  # starts with <!-- saved from url=... -->
    fragment = "".join(f"<div><span>строка {i}</span><br></div>" for i in range(20))
    (inputs / "fragment.txt").write_text(fragment, encoding="utf-8")
    out = tmp_path / "out"
    proc = run("run", inputs, "--out", out, "--jobs", "1", "--quiet")
    assert proc.returncode == 1
    records, errors = outputs(out)
    assert records["saved"]["source"]["format"] == "html"
    assert len(records["saved"]["meetings"]) == 2
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("fragment.txt", "html")]


def test_html_field_of_jsonl_and_a_page_without_article(tmp_path):
    page = (PAGES / "p05_live_feed.html").read_text(encoding="utf-8")
    lines = [
        {"id": "feed-1", "html": page, "url": "https://lenta.example.kz/x", "published": "2025-10-03"},
        {"id": "menu-only", "html": NO_ARTICLE},
        {"id": "plain", "text": "Глава государства принял министра энергетики Ерлана Аккенженова."},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                         encoding="utf-8")
    out = tmp_path / "out"
    proc = run("run", tmp_path / "feed.jsonl", "--out", out, "--jobs", "1", "--quiet")
    assert proc.returncode == 1
    records, errors = outputs(out)
    assert [(e["path"].rsplit(":", 1)[1], e["error"]) for e in errors] == [("2", "no_article")]
    feed = records["feed-1"]
    assert feed["source"]["url"] == "https://lenta.example.kz/x"  # the scraper's URL and date win
    assert feed["source"]["published"] == "2025-10-03"
    assert feed["source"]["canonical_url"] == "https://lenta.example.kz/politics/tokaev-samruk"
    check_offsets(feed)
    assert len(feed["meetings"]) == 1
    assert records["plain"]["source"]["format"] == "text"


@pytest.mark.parametrize("start, whole", [
    ("<!DOCTYPE html><html>", True),
    ("<!-- saved from url=(0040)https://example.kz/a -->\r\n<!DOCTYPE html>", True),
    ("\ufeff  <html lang='ru'>", True),
    ('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">', True),
    ("<div>Президент принял акима</div>", False),
    ("Президент принял акима <b>области</b>", False),
])
def test_whole_page_or_fragment(start, whole):
    assert is_page(start) is whole


def test_no_article_in_menus_and_links():
    assert not has_article("Главная\nПолитика\nТокаев принял акима Алматы")
    assert has_article("Глава государства принял акима Алматы Дархана Сатыбалды.")
    with pytest.raises(NoArticle):
        extract_article(NO_ARTICLE)


def test_library_map_takes_a_page(pipeline):
    page = (PAGES / "p02_akorda_like.html").read_text(encoding="utf-8")
    [record] = pipeline.map([{"id": "p2", "html": page}])
    assert record.source.format == "html" and record.text.startswith("Глава государства принял министра")
    assert [p.name for p in record.meetings[0].participants] == ["Айдарбек Сапаров"]
    with pytest.raises(NoArticle):
        list(pipeline.map([{"id": "menu", "html": NO_ARTICLE}]))
