import subprocess
import sys


from extractor.records import DocumentRecord


def test_every_span_points_into_the_text_on_seeds(pipeline, seed_texts):
    for doc_id, text in seed_texts.items():
        record = pipeline(text, doc_id=doc_id)
        assert record.mentions, doc_id
        for m in record.mentions:
            assert text[m.start:m.end] == m.text
        for meeting in record.meetings:
            assert 0 <= meeting.start < meeting.end <= len(text)
            for f in meeting.figures:
                assert text[f.start:f.end] == f.text
            for i in meeting.instructions:
                assert text[i.start:i.end] == i.text


def test_every_span_points_into_the_text_on_nerel_dev(pipeline, nerel_dev):
    paths = sorted(nerel_dev.glob("*.txt"))
    assert len(paths) > 50
    for path in paths:
        text = path.read_text(encoding="utf-8")
        record = pipeline(text, doc_id=path.stem)
        for m in record.mentions:
            assert text[m.start:m.end] == m.text, (path.name, m)


def test_entities_do_not_glue_across_lines(pipeline, seed_texts):
    record = pipeline(seed_texts["000_d411b140eaf4713b"])
    assert all("\n" not in m.text for m in record.mentions)
    texts = {m.text for m in record.mentions}
    assert {"Пономарев", "Песков"} <= texts


def test_seed_000_people_regions_and_boilerplate(pipeline, seed_texts):
    text = seed_texts["000_d411b140eaf4713b"]
    record = pipeline(text, doc_id="000")
    normals = {(m.type, m.normal) for m in record.mentions if not m.boilerplate}
    assert ("person", "Женис Касымбек") in normals
    assert ("person", "Ермаганбет Булекпаев") in normals
    assert ("region", "Карагандинская область") in normals
    assert ("organization", "Акорда") in normals
    assert [(b.start, b.end) for b in record.boilerplate] == [(1318, len(text))]
    flagged = {m.text for m in record.mentions if m.boilerplate}
    assert {"Песков", "Путиным", "Зеленского"} <= flagged
    first, second = record.meetings
    assert first.end < second.start and second.end <= 1318
    assert text[second.start:].startswith("Далее Президент принял акима")
    assert {first.host.name, second.host.name} == {"Касым-Жомарт Токаев"}
    assert [p.name for p in first.participants] == ["Женис Касымбек"]
    assert [(p.name, p.position, p.region) for p in second.participants] == [
        ("Ермаганбет Булекпаев", "аким Карагандинской области", "Карагандинская область")]


def test_header_date_becomes_published_and_is_not_report(pipeline, seed_texts):
    text = seed_texts["004_874fe8aaadcc118b"]
    record = pipeline(text, doc_id="004")
    assert str(record.source.published) == "2025-08-14"
    assert record.header is not None and text[record.header.end:].startswith("Касым-Жомарт")
    assert all(m.start >= record.header.end for m in record.mentions)
    assert str(record.meetings[0].date) == "2025-08-14"


def test_library_api(pipeline):
    text = "Глава государства принял министра энергетики Алмасадама Саткалиева."
    record = pipeline(text, published="2025-01-15")
    assert isinstance(record, DocumentRecord)
    assert record.doc_id.startswith("doc_") and record.text_length == len(text)
    assert str(record.source.published) == "2025-01-15"
    again = list(pipeline.map([text, {"id": "a1", "text": text, "outlet": "Акорда"}]))
    assert [r.doc_id for r in again] == [record.doc_id, "a1"]
    assert again[1].source.outlet == "Акорда"
    assert again[0].mentions == record.mentions
    assert again[0].source.published is None


def test_a_text_with_no_meeting_yields_no_meeting(pipeline):
    record = pipeline("В Алматы прошел дождь. Синоптики обещают похолодание.")
    assert record.meetings == []


def test_importing_the_package_loads_no_model():
    code = ("import sys, extractor; "
            "heavy = [m for m in ('natasha', 'slovnet', 'pymorphy3', 'navec', 'pydantic') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
