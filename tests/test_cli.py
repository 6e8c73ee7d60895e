"""End-to-end: the installed ``extractor`` command over real folders."""
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

EXTRACTOR = [sys.executable, "-m", "extractor"]


def run(*args, **kw):
    return subprocess.run([*EXTRACTOR, *map(str, args)], capture_output=True, text=True, **kw)


def check_out_folder(out: Path, validators, documents: int):
    records = sorted(out.glob("*.json"))
    records = [p for p in records if p.name != "run.json"]
    assert len(records) == documents
    for path in records:
        record = json.loads(path.read_text(encoding="utf-8"))
        validators["document"].validate(record)
        assert path.stem == record["doc_id"]
    meetings = [json.loads(l) for l in (out / "meetings.jsonl").read_text(encoding="utf-8").splitlines()]
    for meeting in meetings:
        validators["meeting"].validate(meeting)
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    for error in errors:
        validators["error"].validate({k: v for k, v in error.items() if k != "traceback"})
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp files left behind"
    return meetings, errors, json.loads((out / "run.json").read_text(encoding="utf-8"))


def test_run_over_seeds(tmp_path, validators):
    out = tmp_path / "out"
    proc = run("run", SEEDS, "--out", out, "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    meetings, errors, summary = check_out_folder(out, validators, 2)
    assert errors == []
    assert len(meetings) >= 2
    assert summary["counts"]["documents"] == 2 and summary["counts"]["failed"] == 0
    assert summary["schema_version"] == "1.0"
    assert "2 documents, 0 failed" in proc.stderr


def test_bad_inputs_are_reported_and_good_ones_written(tmp_path, validators):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "latin1.txt").write_bytes(bytes(range(128, 256)))
    (inputs / "articles.jsonl").write_text(
        json.dumps({"id": "a 1", "text": "Глава государства принял акима Алматы.",
                    "published": "2025-03-01", "outlet": "Kazinform"}, ensure_ascii=False)
        + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run("run", inputs, "--out", out, "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    meetings, errors, summary = check_out_folder(out, validators, 3)
    assert sorted(e["error"] for e in errors) == ["bad_jsonl", "binary", "empty", "undecodable"]
    assert (out / "a_1.json").exists()
    assert summary["counts"] == {**summary["counts"], "documents": 3, "failed": 4}


def test_rerun_replaces_output_atomically(tmp_path, validators):
    out = tmp_path / "out"
    assert run("run", SEEDS, "--out", out, "--jobs", "1", "--quiet").returncode == 0
    before = (out / "meetings.jsonl").read_text(encoding="utf-8")
    assert run("run", SEEDS, "--out", out, "--jobs", "1", "--quiet").returncode == 0
    assert (out / "meetings.jsonl").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("args", [
    [],
    ["run", "--out", "x"],
    ["run", "does-not-exist", "--out", "x"],
    ["run", str(SEEDS), "--out", "x", "--jobs", "0"],
    ["frobnicate"],
])
def test_bad_usage_exits_2(args, tmp_path):
    assert run(*args, cwd=tmp_path).returncode == 2


def test_extract_prints_one_record(validators):
    proc = run("extract", SEEDS / "004_874fe8aaadcc118b.txt")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    validators["document"].validate(record)
    assert record["source"]["published"] == "2025-08-14"


def test_extract_reads_stdin():
    proc = subprocess.run([*EXTRACTOR, "extract", "-", "--compact"], capture_output=True,
                          input="Президент принял акима Карагандинской области.".encode("cp1251"))
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.decode("utf-8").strip().splitlines()) == 1


def test_extract_refuses_stdin_larger_than_the_limit():
    proc = subprocess.run([*EXTRACTOR, "extract", "-", "--max-bytes", "1k"], capture_output=True,
                          input=("Президент принял акима области. " * 100).encode("utf-8"))
    assert proc.returncode == 1 and proc.stdout == b""
    assert "stdin: too_large" in proc.stderr.decode("utf-8")


def test_stdin_is_read_no_further_than_one_byte_past_the_limit():
    from extractor.reading import InputError, read_stdin

    class Endless:  # a pipe that never ends ("yes | extractor extract -")
        asked = 0

        def read(self, size=-1):
            assert size >= 0, "an unbounded read would never return"
            self.asked += size
            return b"y" * size

    stream = Endless()
    with pytest.raises(InputError) as caught:
        read_stdin(stream, 4096)
    assert caught.value.error == "too_large" and stream.asked == 4097
    assert read_stdin(io.BytesIO(b"short"), 4096) == b"short"


def test_version_and_schema():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("kz-extractor ")
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "DocumentRecord"


def test_eval_gold_over_a_run(tmp_path):
    from conftest import GOLD
    if not GOLD.exists():
        pytest.skip(f"gold file not found at {GOLD}")
    out = tmp_path / "out"
    assert run("run", SEEDS, "--out", out, "--jobs", "1", "--quiet").returncode == 0
    proc = run("eval", "--gold", GOLD, "--records", out, "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["documents"] == 2 and not result["missing_documents"]
    assert set(result["fields"]) >= {"figures", "participants", "positions", "regions",
                                     "facilities", "instructions"}
    assert result["boilerplate_leaks"] == []
    table = run("eval", "--gold", GOLD, "--records", out).stdout
    assert "meeting count right" in table and "instructions" in table


def test_eval_nerel_with_natasha_baseline(tmp_path, nerel_dev):
    sample = tmp_path / "nerel"
    sample.mkdir()
    for txt in sorted(nerel_dev.glob("*.txt"))[:3]:
        shutil.copy(txt, sample)
        shutil.copy(txt.with_suffix(".ann"), sample)
    proc = run("eval", "nerel", sample, "--baseline", "natasha", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["documents"] == 3
    for side in ("ours", "natasha"):
        person = result[side]["scores"]["person"]
        assert person["overlap"]["f1"] >= person["exact"]["f1"] > 0.5


@pytest.mark.parametrize("args", [
    ["eval"],
    ["eval", "nerel"],
    ["eval", "nerel", "no-such-folder"],
    ["eval", "--gold", "g.json"],
])
def test_eval_bad_usage_exits_2(args, tmp_path):
    assert run(*args, cwd=tmp_path).returncode == 2
