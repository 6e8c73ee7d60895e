import datetime as dt
import json
import os

import pytest

from extractor.reading import (
    DecodeError, DocIds, InputError, SourceDoc, decode, parse_header, read_inputs, safe_doc_id,
)

RUSSIAN = "Глава государства принял акима Карагандинской области."


@pytest.mark.parametrize("data, encoding", [
    (RUSSIAN.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), "utf-8-sig"),
    (RUSSIAN.encode("cp1251"), "cp1251"),
])
def test_decode_detects_encoding(data, encoding):
    text, found = decode(data)
    assert text == RUSSIAN
    assert found == encoding


@pytest.mark.parametrize("data, error", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("Текст\x00с нулями".encode("utf-8"), "binary"),
    (b"", "empty"),
    (b"  \n\t \r\n", "empty"),
    (bytes(range(128, 256)) * 4, "undecodable"),
])
def test_decode_refuses_non_text(data, error):
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.error == error


@pytest.mark.parametrize("text, published, body", [
    (" date 2025-08-14 Касым-Жомарт Токаев заслушал", dt.date(2025, 8, 14), "Касым-Жомарт"),
    ("date: 2024-01-31\nТекст", dt.date(2024, 1, 31), "Текст"),
    ("Дата 2023-12-01\nТекст", dt.date(2023, 12, 1), "Текст"),
    ("Касым-Жомарт Токаев 2025-08-14", None, "Касым-Жомарт"),
    ("date 2025-13-40 Текст", None, "date"),
])
def test_header(text, published, body):
    found, end = parse_header(text)
    assert found == published
    assert text[end:].startswith(body)


@pytest.mark.parametrize("raw, safe", [
    ("000_d411b140eaf4713b", "000_d411b140eaf4713b"),
    ("news 1 (copy)", "news_1_copy"),
    ("../../etc/passwd", "etc_passwd"),
    ('a"b\'c', "a_b_c"),
    ("Новость", "Новость"),
    ("...", "doc"),
])
def test_safe_doc_id(raw, safe):
    assert safe_doc_id(raw) == safe


def test_doc_ids_are_unique_case_insensitively():
    ids = DocIds()
    assert [ids.claim(x) for x in ["a", "A", "a", "b"]] == ["a", "A-2", "a-3", "b"]


def test_read_inputs_walks_folders_and_reports_bad_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")  # a folder loop must not recurse forever
    items = list(read_inputs([tmp_path]))
    docs = [i for i in items if isinstance(i, SourceDoc)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert docs[1].encoding == "cp1251" and docs[1].text == RUSSIAN
    assert [e.error for e in errors] == ["empty"]


def test_jsonl_bad_lines_do_not_stop_the_good_ones(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": RUSSIAN, "published": "2025-08-14", "outlet": "BAQ.KZ"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x1", "text": "Президент принял министра энергетики."}, ensure_ascii=False),
        json.dumps({"id": "x3", "text": "Текст", "published": "вчера"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([path]))
    docs = [i for i in items if isinstance(i, SourceDoc)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.doc_id for d in docs] == ["x1", "x1-2"]
    assert docs[0].published == dt.date(2025, 8, 14) and docs[0].outlet == "BAQ.KZ"
    assert [(e.path.rsplit(":", 1)[1], e.error) for e in errors] == [
        ("2", "bad_jsonl"), ("3", "bad_jsonl"), ("5", "bad_jsonl")]


def test_missing_input_is_an_error(tmp_path):
    [item] = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(item, InputError) and item.error == "not_found"
