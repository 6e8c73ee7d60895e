"""Where issue 13 (web pages) meets issue 17 (robustness): a page gets every guarantee
a text gets.  Each test reproduces a gap found in review on a small input made here."""
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from extractor import batch, pages
from extractor.batch import process_document, run_batch
from extractor.engines.pool import run_pool
from extractor.pages import is_page
from extractor.reading import InputError, SourceDoc, read_inputs, read_text_file

PAGE = (Path(__file__).parent / "data" / "pages" / "p02_akorda_like.html").read_text(encoding="utf-8")
REPORT = "Касым-Жомарт Токаев принял министра энергетики Ерлана Аккенженова.\n"


def output(out: Path):
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    records = {p.stem: json.loads(p.read_text(encoding="utf-8"))
               for p in out.glob("*.json") if p.name != "run.json"}
    return records, errors


def slow_extraction(monkeypatch, seconds: float) -> None:
    """A page on which trafilatura takes ``seconds`` (what a huge or hostile page does)."""
    real = pages.extract_article

    def slow(html, url=None):
        time.sleep(seconds)
        return real(html, url)

    monkeypatch.setattr(pages, "extract_article", slow)


# -- a slow page is a document like any other: --timeout covers its extraction ---------------

def test_reading_a_batch_does_not_extract_pages(tmp_path, monkeypatch):
    """The reader (the batch's driver) never runs trafilatura: a page waits for a worker."""
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "f", "html": PAGE}, ensure_ascii=False) + "\n",
                                         encoding="utf-8")

    def never(*_args, **_kw):
        raise AssertionError("a page was extracted while reading")

    monkeypatch.setattr(pages, "extract_article", never)
    items = list(read_inputs([tmp_path], defer_pages=True))
    assert [type(i).__name__ for i in items] == ["PendingPage", "PendingPage"]
    assert all(i.text == "" and len(i.sha256) == 64 for i in items)


def test_a_slow_page_is_a_timeout_line_and_the_batch_goes_on(tmp_path, monkeypatch, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_slow.html").write_text(PAGE, encoding="utf-8")
    (folder / "b_report.txt").write_text(REPORT, encoding="utf-8")
    slow_extraction(monkeypatch, 20)
    out = tmp_path / "out"
    summary = run_batch([folder], out, jobs=1, timeout=1)
    records, errors = output(out)
    assert [(Path(e["path"]).name, e["error"], e["doc_id"]) for e in errors] == [
        ("a_slow.html", "timeout", "a_slow")]
    assert list(records) == ["b_report"] and summary["counts"]["documents"] == 1


def test_a_slow_page_times_out_outside_the_main_thread(shared_pipeline, monkeypatch):
    """Dask runs documents in threads: the budget is checked once the page is extracted."""
    slow_extraction(monkeypatch, 1.0)
    src = pages.pending_page(PAGE, "feed.jsonl:1", "slow")
    result = []
    worker = threading.Thread(target=lambda: result.append(process_document(src, timeout=0.3)))
    worker.start()
    worker.join(120)
    [outcome] = result
    assert outcome.error and outcome.error["error"] == "timeout" and outcome.error["doc_id"] == "slow"


def test_a_page_without_article_found_by_a_worker_is_its_error_line(tmp_path, shared_pipeline):
    (tmp_path / "menu.html").write_text(
        "<!DOCTYPE html><html><body><ul><li><a href='/1'>Главная</a></li><li><a href='/2'>Политика</a>"
        "</li></ul></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([tmp_path / "menu.html"], out, jobs=1)
    records, errors = output(out)
    assert records == {}
    assert [(Path(e["path"]).name, e["error"], e["doc_id"]) for e in errors] == [("menu.html", "no_article", "menu")]


def test_resume_does_not_extract_a_page_again(tmp_path, monkeypatch, shared_pipeline):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    first = run_batch([tmp_path / "page.html"], out, jobs=1)
    record = (out / "page.json").read_bytes()
    monkeypatch.setattr(pages, "extract_article", lambda *a, **k: pytest.fail("extracted again"))
    again = run_batch([tmp_path / "page.html"], out, jobs=1, resume=True)
    assert again["counts"]["resumed"] == 1 and again["counts"]["meetings"] == first["counts"]["meetings"]
    assert (out / "page.json").read_bytes() == record


# -- reading pages: the same limits and names as any input -------------------------------------

def test_page_start_check_is_linear_on_crafted_comments():
    crafted = "<!---->" * 26 + "<div>" * 200  # was exponential: about 10 s, and 4x per two more
    started = time.process_time()
    assert not is_page(crafted)
    assert time.process_time() - started < 1.5


def test_a_saved_cp1251_page_in_a_txt_is_read_as_a_page(tmp_path):
    """Markup (scripts, styles) outweighs the Cyrillic: as text it was 'undecodable'."""
    script = "<script>var counter = function () { return window.location.href; };</script>\n" * 100
    page = (PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
            .replace("</head>", script + "</head>"))
    path = tmp_path / "saved.txt"
    path.write_bytes(b"<!-- saved from url=(0030)https://example.kz/ru/news -->\n" + page.encode("cp1251"))
    src = read_text_file(path, "saved")
    assert src.encoding == "windows-1251"
    assert src.text.startswith("Глава государства принял министра сельского хозяйства")


def test_pages_get_the_limits_of_every_input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.html")
    (folder / "big.html").write_text(PAGE * 3, encoding="utf-8")
    (folder / "empty.htm").write_bytes(b"")
    (folder / "nul.html").write_bytes(b"<html>\x00\x00</html>")
    with open(os.path.join(os.fsencode(folder), "Прием".encode("cp1251") + b".html"), "wb") as fh:
        fh.write(PAGE.encode("utf-8"))
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "big", "html": PAGE * 3}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "漢" * 90, "html": PAGE}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "nul", "html": "<html>\x00</html>"}) + "\n", encoding="utf-8")
    items = list(read_inputs([folder], max_bytes=len(PAGE.encode("utf-8")) + 2000, defer_pages=True))
    found = [(Path(i.path).name, i.error) if isinstance(i, InputError) else i.doc_id for i in items]
    assert found == [("big.html", "too_large"), ("empty.htm", "empty"), ("lines.jsonl:1", "too_large"),
                     "漢" * 40, ("lines.jsonl:3", "binary"), ("nul.html", "binary"),
                     ("pipe.html", "not_a_file"), "Прием"]
    [named] = [i for i in items if isinstance(i, SourceDoc) and i.doc_id == "Прием"]
    assert named.path.endswith("\\xcf\\xf0\\xe8\\xe5\\xec.html")


def test_a_lone_surrogate_does_not_lose_a_jsonl_page(tmp_path, shared_pipeline, validators):
    """lxml drops a page holding one: the article was a 'no_article' line."""
    line = json.dumps({"id": "s", "html": PAGE}, ensure_ascii=False).replace("Сапарова", "Сапа\\ud800рова", 1)
    (tmp_path / "s.jsonl").write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([tmp_path / "s.jsonl"], out, jobs=1)
    records, errors = output(out)
    assert errors == []
    record = records["s"]
    validators["document"].validate(record)
    assert record["source"]["warnings"] == ["1 lone surrogate(s) in the page replaced by U+FFFD"]
    assert len(record["meetings"]) == 1


# -- a worker that does not stop at its time limit is killed, not waited for -----------------

def _nothing():
    pass


def _hangs_on_3(item):
    if item == 3:  # C code that no signal interrupts, or a library that swallowed the alarm
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        time.sleep(600)
    return item


def test_the_pool_kills_a_worker_stuck_on_one_document():
    delivered = []
    finished = threading.Event()

    def go():
        run_pool(range(6), 2, delivered.append, init=_nothing, work=_hangs_on_3, max_lost=0,
                 died=lambda item, why: ("died", item, why), stuck_after=1,
                 stuck=lambda item, why: ("stuck", item, why))
        finished.set()

    threading.Thread(target=go, daemon=True).start()
    assert finished.wait(120), "the pool waited for a stuck worker"
    assert delivered[:3] + delivered[4:] == [0, 1, 2, 4, 5]
    assert delivered[3][:2] == ("stuck", 3) and "killed" in delivered[3][2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_swallows_the_alarm_cannot_stall_a_run(jobs, tmp_path, monkeypatch, shared_pipeline):
    """trafilatura catches Exception in its retries: the timeout's exception can be lost there.
    With a time limit, one job too runs in a worker process that can be killed."""
    def swallows(html, url=None):
        while True:
            try:
                time.sleep(600)
            except Exception:  # noqa: BLE001 - what a library's broad except does to DocumentTimeout
                pass

    monkeypatch.setattr(pages, "extract_article", swallows)
    monkeypatch.setattr(batch, "STUCK_GRACE", 1.0)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_hostile.html").write_text(PAGE, encoding="utf-8")
    (folder / "b_report.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = []
    runner = threading.Thread(target=lambda: result.append(run_batch([folder], out, jobs=jobs, timeout=0.5)),
                              daemon=True)
    runner.start()
    runner.join(180)
    assert not runner.is_alive(), "the run waited for a page that never ended"
    records, errors = output(out)
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("a_hostile.html", "timeout")]
    assert "killed" in errors[0]["message"] and list(records) == ["b_report"]
    assert result[0]["counts"]["documents"] == 1


def test_a_doc_id_made_unique_stays_within_the_byte_bound():
    from extractor.reading import DocIds

    ids = DocIds()
    claimed = [ids.claim("Ж" * 200) for _ in range(12)]
    assert len(set(claimed)) == 12
    assert all(len(doc_id.encode("utf-8")) <= 120 for doc_id in claimed)  # 'ЖЖ...Ж-2' was 122 bytes
    assert claimed[1].endswith("-2") and claimed[11].endswith("-12")


def test_extract_reads_a_page_from_stdin():
    """It said 'an HTML page, not plain text: save the article's text instead'."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", "-", "--compact"], capture_output=True,
                          input=PAGE.encode("utf-8"), timeout=600)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["source"]["format"] == "html" and record["source"]["path"] == "stdin"
    assert record["text"].startswith("Глава государства принял министра") and len(record["meetings"]) == 1


@pytest.mark.parametrize("text", ["inf", "1e999k", "nan"])
def test_max_bytes_infinity_is_a_usage_error_not_a_traceback(text):
    from extractor.cli import build_parser

    with pytest.raises(SystemExit) as info:  # was OverflowError: cannot convert float infinity to integer
        build_parser().parse_args(["run", "x", "--out", "o", "--max-bytes", text])
    assert info.value.code == 2


def test_the_library_pipeline_extracts_a_deferred_page(tmp_path, pipeline):
    """A PendingPage handed to Pipeline.process is not an empty record."""
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [src] = read_inputs([tmp_path], defer_pages=True)
    record = pipeline.process(src)
    assert record.source.format == "html" and len(record.meetings) == 1
