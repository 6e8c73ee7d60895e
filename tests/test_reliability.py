"""Issue 17: twenty ways a hostile user or an unlucky operator could stop, hang or
corrupt a batch.  Each test reproduces one of them on a small input made here."""
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import pytest

from extractor.batch import process_document, run_batch
from extractor.engines.pool import WorkersLost, run_pool
from extractor.reading import (
    DocIds, InputError, SourceDoc, decode, decode_document, looks_like_html, read_inputs, safe_doc_id,
)
from extractor.writing import OutputError, OutputFolder

EXTRACTOR = [sys.executable, "-m", "extractor"]
REPORT = ("Касым-Жомарт Токаев принял акима Карагандинской области Ермаганбета Булекпаева. "
          "Аким доложил о росте промышленного производства на 5 процентов.\n")


def run_here(inputs, out, **kw):
    kw.setdefault("jobs", 1)
    return run_batch(iter(inputs), out, **kw)  # any iterable of paths


def output(out: Path):
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    records = {p.stem: json.loads(p.read_text(encoding="utf-8"))
               for p in out.glob("*.json") if p.name != "run.json"}
    meetings = (out / "meetings.jsonl").read_text(encoding="utf-8").splitlines()
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return records, errors, meetings, summary


def children(pid: int) -> list[int]:
    """The worker processes of a run (forked: same command line as the parent)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    parent_cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    workers = []
    for child in found:
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == parent_cmd:
                workers.append(child)
        except OSError:
            pass
    return workers


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float, step: float = 0.1) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@contextmanager
def busy_run(tmp_path):
    """A real run with two workers: two small reports, then one that takes minutes.

    Yields once the small ones are written (so one worker is busy with the big
    one): the process, its output folder and its worker pids.  Whatever happens,
    nothing it started outlives the test."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a1.txt").write_text(REPORT, encoding="utf-8")
    (folder / "a2.txt").write_text(REPORT, encoding="utf-8")
    (folder / "z_big.txt").write_text(REPORT * 3000, encoding="utf-8")
    proc = subprocess.Popen([*EXTRACTOR, "run", folder, "--out", out, "-j", "2", "-q", "--timeout", "0"],
                            stderr=subprocess.PIPE, text=True)
    workers = []
    try:
        assert wait_for(lambda: (out / "a2.json").exists(), 120), "the small reports never finished"
        workers = children(proc.pid)
        assert len(workers) == 2
        yield proc, out, workers
    finally:
        for pid in [proc.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()


# -- 1. dead workers ----------------------------------------------------------------

def test_1_a_killed_worker_turns_its_document_into_an_error_and_the_run_ends(tmp_path, validators):
    with busy_run(tmp_path) as (proc, out, workers):
        for pid in workers:  # what the OOM killer does; one of them holds z_big
            os.kill(pid, signal.SIGKILL)
        returncode = proc.wait(timeout=60)
    records, errors, _, summary = output(out)
    assert returncode == 1, proc.stderr.read()
    assert sorted(records) == ["a1", "a2"]
    assert [(e["error"], e["doc_id"]) for e in errors] == [("worker_died", "z_big")]
    assert "SIGKILL" in errors[0]["message"]
    validators["error"].validate(errors[0])
    assert summary["status"] == "complete" and summary["counts"]["failed"] == 1


def _cannot_load():
    raise MemoryError("Unable to allocate 95.4 MiB for an array")


def _never_called(item):  # pragma: no cover - no worker ever starts
    return item


def test_1_workers_that_cannot_load_their_models_are_not_respawned_forever():
    started = time.time()
    with pytest.raises(WorkersLost) as info:
        run_pool(range(5), 2, deliver=lambda outcome: None, init=_cannot_load, work=_never_called,
                 died=lambda item, why: None, max_lost=3)
    assert "4 worker processes lost (limit 3" in str(info.value)
    assert "could not load the models: MemoryError" in str(info.value)
    assert time.time() - started < 30


def _nothing():
    pass


def _double_or_die(item):
    if item == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 2


def test_1_the_pool_loses_only_the_document_a_worker_died_on():
    delivered = []
    run_pool(range(30), 2, delivered.append, init=_nothing, work=_double_or_die,
             died=lambda item, why: ("died", item, why))
    assert delivered[:7] == [0, 2, 4, 6, 8, 10, 12] and delivered[8:] == [2 * i for i in range(8, 30)]
    assert delivered[7][:2] == ("died", 7) and "SIGKILL" in delivered[7][2]


def _echo(item):
    return item


def test_1_large_documents_and_results_cannot_deadlock_the_pipes():
    big = ["Ж" * 300_000 + str(i) for i in range(12)]  # far more than a pipe buffer each way
    delivered = []
    finished = threading.Event()

    def go():
        run_pool(big, 2, delivered.append, init=_nothing, work=_echo, died=lambda item, why: None)
        finished.set()

    threading.Thread(target=go, daemon=True).start()
    assert finished.wait(60), "the pool hung"
    assert delivered == big


def test_1_under_a_memory_limit_the_run_stops_with_exit_3_and_writes_what_was_done(tmp_path, validators):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"

    def limit_memory():  # the parent only reads; a worker needs more to load its models
        resource.setrlimit(resource.RLIMIT_AS, (300 * 2**20, 300 * 2**20))

    proc = subprocess.run([*EXTRACTOR, "run", folder, "--out", out, "-j", "2", "-q"],
                          capture_output=True, text=True, preexec_fn=limit_memory, timeout=120)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "worker processes lost" in proc.stderr and "could not load the models" in proc.stderr
    _, errors, meetings, summary = output(out)
    assert [e["error"] for e in errors] == ["empty"]
    assert summary["status"].startswith("stopped: WorkersLost")
    assert not (out / ".partial").exists()


def test_an_internal_crash_still_writes_errors_and_run_json(tmp_path, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")

    def crashes_on_the_second(sources, record, timeout):
        for n, src in enumerate(sources):
            if n == 1:
                raise RuntimeError("disk on fire")
            record(process_document(src, timeout))

    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        run_here([folder], out, executor=crashes_on_the_second)
    records, errors, meetings, summary = output(out)
    assert list(records) == ["a"] and len(meetings) == 1
    assert summary["status"] == "stopped: RuntimeError: disk on fire"
    assert summary["counts"]["documents"] == 1


def test_a_record_that_cannot_be_written_stops_the_run_and_keeps_the_others(tmp_path, shared_pipeline,
                                                                            monkeypatch):
    # record files are written by background threads: a full disk still stops the run, with
    # run.json saying why, and the records written before it stay whole
    import errno
    import extractor.writing as writing

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    real = writing.atomic_write_text

    def full_disk_at_b(path, content, tmp_dir=None):
        if Path(path).name == "b.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, content, tmp_dir)

    monkeypatch.setattr(writing, "atomic_write_text", full_disk_at_b)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        run_here([folder], out)
    records, errors, meetings, summary = output(out)
    assert "a" in records and "b" not in records
    assert summary["status"].startswith("stopped: OSError") and "No space left" in summary["status"]
    assert not [p for p in out.rglob("*") if p.suffix == ".tmp"]  # no temp file left behind


# -- 2, 3. file names -------------------------------------------------------------------

def test_2_long_names_and_ids_make_records_not_a_crash(tmp_path, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = "Ж" * 119 + ".txt"  # 242 bytes: a legal file name
    (folder / long_name).write_text(REPORT, encoding="utf-8")
    (folder / "cjk.jsonl").write_text(json.dumps({"id": "漢" * 90, "text": REPORT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    summary = run_here([folder], out)
    records, errors, meetings, _ = output(out)
    assert errors == [] and summary["counts"]["documents"] == 2 and len(records) == 2
    for doc_id, record in records.items():
        assert record["doc_id"] == doc_id and len(doc_id.encode("utf-8")) <= 120
    assert len(meetings) == 2


@pytest.mark.parametrize("raw", ["Ж" * 200, "漢" * 90, "a" * 300, "Ж" * 59 + "ab"])
def test_2_doc_ids_are_bounded_in_bytes(raw):
    doc_id = safe_doc_id(raw)
    assert 0 < len(doc_id.encode("utf-8")) <= 120 and raw.startswith(doc_id)


def test_3_a_file_name_that_is_not_utf8_is_read_and_reported(tmp_path, shared_pipeline, validators):
    folder = tmp_path / "in"
    folder.mkdir()
    base = os.fsencode(folder)
    with open(os.path.join(base, "Отчет".encode("cp1251") + b".txt"), "wb") as fh:
        fh.write(REPORT.encode("utf-8"))
    with open(os.path.join(base, "Пусто".encode("cp1251") + b".txt"), "wb") as fh:
        pass
    out = tmp_path / "out"
    run_here([folder], out)
    records, errors, meetings, _ = output(out)
    assert list(records) == ["Отчет"] and len(meetings) == 1
    assert records["Отчет"]["source"]["path"].endswith("\\xce\\xf2\\xf7\\xe5\\xf2.txt")
    assert [(e["error"], e["doc_id"]) for e in errors] == [("empty", "Пусто")]
    validators["error"].validate(errors[0])


# -- 4, 10, 12. JSONL ---------------------------------------------------------------------

def test_4_a_deeply_nested_jsonl_line_is_a_bad_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n"
                    + json.dumps({"id": "ok", "text": REPORT}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert isinstance(items[0], InputError) and items[0].error == "bad_jsonl"
    assert "nested too deeply" in items[0].message
    assert isinstance(items[1], SourceDoc) and items[1].doc_id == "ok"


def test_10_jsonl_is_decoded_line_by_line(tmp_path):
    kazakh = "Мемлекет басшысы Қарағанды облысының әкімін қабылдады."
    lines = [json.dumps({"id": "kk", "text": kazakh}, ensure_ascii=False).encode("utf-8"),
             json.dumps({"id": "cp", "text": REPORT}, ensure_ascii=False).encode("cp1251"),
             json.dumps({"id": "ru", "text": REPORT}, ensure_ascii=False).encode("utf-8")]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    docs = {d.doc_id: d for d in read_inputs([path])}
    assert docs["kk"].text == kazakh and docs["kk"].encoding == "utf-8"
    assert docs["cp"].text == REPORT and docs["cp"].encoding == "cp1251"
    assert docs["ru"].text == REPORT and docs["ru"].encoding == "utf-8"


def test_12_a_lone_surrogate_does_not_make_extraction_fail(tmp_path, shared_pipeline, validators):
    path = tmp_path / "s.jsonl"
    text = REPORT.replace("Булекпаева", "Булек\\ud800паева")
    path.write_text('{"id": "s", "text": "' + text.replace("\n", "\\n") + '"}\n', encoding="utf-8")
    out = tmp_path / "out"
    run_here([path], out)
    records, errors, meetings, _ = output(out)
    assert errors == [] and len(meetings) == 1
    record = records["s"]
    validators["document"].validate(record)
    assert any("\ufffd" in m["text"] for m in record["mentions"])
    assert record["source"]["warnings"] == ["1 lone surrogate(s) replaced by U+FFFD"]
    validators["error"].validate({"path": "x", "error": "extraction_failed", "message": "m",
                                  "doc_id": "x", "traceback": "Traceback ..."})


# -- 5, 6. limits and special files ------------------------------------------------------

def test_5_huge_inputs_are_refused_before_they_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink("/dev/zero", folder / "zero.txt")
    (folder / "big.txt").write_text(REPORT * 20, encoding="utf-8")
    (folder / "small.txt").write_text(REPORT, encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "long", "text": REPORT * 20}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "short", "text": REPORT}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([folder], max_bytes=1000))
    found = [(Path(i.path).name, i.error) if isinstance(i, InputError) else i.doc_id for i in items]
    assert found == [("big.txt", "too_large"), ("lines.jsonl:1", "too_large"), "short", "small",
                     ("zero.txt", "not_a_file")]


def test_6_a_named_pipe_is_refused_not_waited_for(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    result = []
    reader = threading.Thread(target=lambda: result.extend(read_inputs([folder])), daemon=True)
    reader.start()
    reader.join(20)
    if reader.is_alive():  # unblock the reader so the test process can end
        os.close(os.open(folder / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading blocked on a named pipe")
    assert [(i.error, "named pipe" in i.message) if isinstance(i, InputError) else i.doc_id
            for i in result] == [("not_a_file", True), "report"]


# -- 7, 19. the output folder -------------------------------------------------------------

def test_7_a_partial_symlink_is_not_followed_and_nothing_is_deleted(tmp_path):
    victim = tmp_path / "precious"
    victim.mkdir()
    (victim / "thesis.txt").write_text("годы работы", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(victim, out / ".partial")
    with pytest.raises(OutputError, match="symlink"):
        OutputFolder(out)
    assert (victim / "thesis.txt").read_text(encoding="utf-8") == "годы работы"
    proc = subprocess.run([*EXTRACTOR, "run", victim / "thesis.txt", "--out", out, "-q"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "symlink" in proc.stderr
    assert sorted(os.listdir(victim)) == ["thesis.txt"]


def test_7_only_our_own_temp_files_are_cleared(tmp_path):
    partial = tmp_path / "out" / ".partial"
    partial.mkdir(parents=True)
    (partial / ".kz-abc.tmp").write_text("left by a killed run", encoding="utf-8")
    (partial / "notes.md").write_text("not ours", encoding="utf-8")
    OutputFolder(tmp_path / "out").abort()
    assert sorted(os.listdir(partial)) == ["notes.md"]


def test_19_the_output_folder_inside_the_input_is_not_read(tmp_path, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    out = folder / "out"
    first = run_here([folder], out)
    (out / "notes.txt").write_text(REPORT, encoding="utf-8")  # anything in OUT is not input
    second = run_here([folder], out)
    assert first["counts"] == second["counts"]
    assert second["counts"]["documents"] == 1 and second["counts"]["failed"] == 0


# -- 8. unique doc ids ------------------------------------------------------------------------

def test_8_names_that_map_to_one_file_get_distinct_records(tmp_path, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("run.txt", "run_doc.txt", "Errors.txt", "meetings.txt"):
        (folder / name).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_here([folder], out)
    records, errors, meetings, _ = output(out)
    assert summary["counts"]["documents"] == 4 == len(records) == len(meetings)
    assert sorted(records) == ["Errors_doc", "meetings_doc", "run_doc", "run_doc-2"]
    assert len({json.loads(m)["id"] for m in meetings}) == 4
    ids = DocIds()
    assert [ids.claim(x) for x in ["run", "run_doc", "RUN"]] == ["run_doc", "run_doc-2", "RUN_doc-3"]


# -- 9. the time budget outside the main thread (Dask workers) -------------------------------

def test_9_the_timeout_holds_outside_the_main_thread(shared_pipeline):
    from extractor.reading import source_from_text

    src = source_from_text(REPORT * 200, doc_id="slow")
    result = []
    worker = threading.Thread(target=lambda: result.append(process_document(src, timeout=0.2)))
    worker.start()
    worker.join(120)
    [outcome] = result
    assert outcome.error and outcome.error["error"] == "timeout"


# -- 11. memory with many failed inputs --------------------------------------------------------

def test_11_memory_stays_flat_however_many_inputs_fail(tmp_path, validators):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"x\n" * 40_000)
    tracemalloc.start()
    try:
        summary = run_here([path], tmp_path / "out")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20, f"peak {peak / 2**20:.1f} MB for 40,000 error lines"  # was 15 MB
    assert summary["counts"]["failed"] == 40_000 and summary["counts"]["errors"] == {"bad_jsonl": 40_000}
    assert len(summary["errors"]) == 50
    lines = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 101  # 100 lines, then one for the rest of the run of identical errors
    assert lines[99]["path"].endswith("bad.jsonl:100") and "count" not in lines[99]
    assert lines[100]["path"].endswith("bad.jsonl:101-40000") and lines[100]["count"] == 39_900
    assert sum(line.get("count", 1) for line in lines) == summary["counts"]["failed"]
    for line in lines[99:]:
        validators["error"].validate(line)


def test_11_different_errors_are_not_collapsed(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"x\n[1]\n" * 150)
    summary = run_here([path], tmp_path / "out")
    lines = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary["counts"]["failed"] == 300


# -- 13. resume ------------------------------------------------------------------------------------

def test_13_resume_gives_the_same_bytes_and_totals(tmp_path, shared_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Глава государства принял министра финансов Мадияра Такиева. Министр доложил, "
        "что доля просроченных кредитов составила 0,00004 процента.", encoding="utf-8")
    (folder / "c.txt").write_text(REPORT.replace("5 процентов", "7 процентов"), encoding="utf-8")
    (folder / "d.txt").write_text("", encoding="utf-8")
    full, resumed = tmp_path / "full", tmp_path / "resumed"
    reference = run_here([folder], full)
    run_here([folder], resumed)
    (resumed / "c.json").unlink()  # as if the run had been killed before c
    again = run_here([folder], resumed, resume=True)
    assert again["counts"]["resumed"] == 2 and again["counts"]["processed"] == 1
    assert b'"value":0.00004' in (resumed / "meetings.jsonl").read_bytes()
    for name in ("meetings.jsonl", "errors.jsonl", "a.json", "b.json", "c.json"):
        assert (resumed / name).read_bytes() == (full / name).read_bytes(), name
    for key in ("documents", "failed", "meetings", "mentions", "errors"):
        assert again["counts"][key] == reference["counts"][key], key


# -- 14, 18. HTML ------------------------------------------------------------------------------------

def test_14_a_page_saved_from_a_browser_is_html():
    page = ("<!-- saved from url=(0062)https://www.example.kz/ru/news/prezident-prinyal-akima -->\n"
            "<!DOCTYPE html>\n<html lang=\"ru\"><head><title>Новости</title></head><body>\n"
            + REPORT * 3 + "</body></html>\n")
    assert looks_like_html(page)
    with pytest.raises(Exception) as info:
        decode(page.encode("utf-8"))
    assert info.value.error == "html"
    assert not looks_like_html("<!-- заметка редактора -->\n" + REPORT)


@pytest.mark.parametrize("crafted", ["<a\u2039" * 70_000, "<a" + "\u2039a" * 100_000,
                                     "<div " * 40_000, "<!--" * 50_000 + "<html"])
def test_18_the_html_check_is_linear_on_crafted_text(crafted):
    started = time.process_time()
    looks_like_html(crafted)
    assert time.process_time() - started < 1.5  # it was 5 s and more (quadratic)


# -- 15, 16. decoding and language ---------------------------------------------------------------

def test_15_utf8_with_a_stray_byte_stays_utf8_with_a_warning(shared_pipeline):
    text = ("Глава государства принял акима Карагандинской области Ермаганбета Булекпаева. "
            "Аким доложил о росте производства на 5 процентов.")
    assert "И" not in text
    data = text.encode("utf-8")
    head = data[:40].decode("utf-8")
    decoded = decode_document(data[:40] + b"\xff" + data[40:])
    assert decoded.encoding == "utf-8" and decoded.text == head + "\ufffd" + text[len(head):]
    assert decoded.warnings and "U+FFFD" in decoded.warnings[0]
    assert decode(REPORT.encode("cp1251")) == (REPORT, "cp1251")  # real CP1251 is still CP1251


def test_15_the_warning_reaches_the_record(tmp_path, shared_pipeline):
    (tmp_path / "r.txt").write_bytes(REPORT.encode("utf-8").replace(b". ", b".\xa0 ", 1))
    out = tmp_path / "out"
    run_here([tmp_path / "r.txt"], out)
    records, errors, meetings, _ = output(out)
    assert records["r"]["source"]["encoding"] == "utf-8" and records["r"]["source"]["warnings"]
    assert meetings


def test_16_blank_lines_before_a_report_do_not_hide_its_language(shared_pipeline):
    record = shared_pipeline("\n" * 24_000 + "   \n" * 100 + REPORT)
    assert record.language == "ru" and record.meetings


# -- 17. SIGTERM ----------------------------------------------------------------------------------------

def test_17_sigterm_stops_the_run_and_its_workers(tmp_path):
    with busy_run(tmp_path) as (proc, out, workers):
        proc.send_signal(signal.SIGTERM)
        returncode = proc.wait(timeout=30)
        workers_gone = wait_for(lambda: not any(alive(pid) for pid in workers), 15)
    assert returncode == 143
    assert workers_gone, "a worker outlived the run"
    records, errors, _, summary = output(out)  # what was done is written
    assert sorted(records) == ["a1", "a2"] and summary["status"] == "interrupted"


@pytest.mark.parametrize("text, size", [("1000", 1000), ("500k", 512_000), ("64M", 64 * 2**20),
                                        ("1GiB", 2**30), ("2mb", 2 * 2**20)])
def test_5_max_bytes_takes_sizes(text, size):
    from extractor.cli import build_parser

    args = build_parser().parse_args(["run", "x", "--out", "o", "--max-bytes", text])
    assert args.max_bytes == size


@pytest.mark.parametrize("text", ["", "k", "lots", "0", "-5M"])
def test_5_max_bytes_refuses_what_is_not_a_size(text, capsys):
    from extractor.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["run", "x", "--out", "o", "--max-bytes", text])


def test_workers_share_the_models_loaded_once_before_they_fork(tmp_path, monkeypatch):
    """Two workers, one load: in the parent, before the fork (not one per worker)."""
    import extractor.batch as batch
    import extractor.pipeline as pipeline_module

    loads = tmp_path / "loads"

    class Counted(pipeline_module.Pipeline):
        def __init__(self, *args, **kwargs):
            with open(loads, "a", encoding="utf-8") as fh:
                fh.write(f"{os.getpid()}\n")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "Pipeline", Counted)
    monkeypatch.setattr(batch, "_PIPELINE", None)
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(4):
        (folder / f"r{k}.txt").write_text(REPORT, encoding="utf-8")
    summary = run_batch([folder], tmp_path / "out", jobs=2)
    assert summary["counts"]["documents"] == 4 and summary["counts"]["failed"] == 0
    assert loads.read_text(encoding="utf-8").split() == [str(os.getpid())]
