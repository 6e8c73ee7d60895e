"""Crash safety: kill -9 a real batch, then --resume; the result equals an uninterrupted run."""
import json
import shutil
import signal
import subprocess
import sys
import time


from conftest import SEEDS

EXTRACTOR = [sys.executable, "-m", "extractor"]


def corpus(tmp_path, nerel_dev, n=60):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder)
    for p in sorted(nerel_dev.glob("*.txt"))[:n]:
        shutil.copy(p, folder / p.name)
    return folder


def visible_files(out):
    return sorted(p for p in out.rglob("*") if p.is_file() and ".partial" not in p.parts)


def snapshot(out):
    """Everything a run writes, except run.json (it holds timings)."""
    return {p.name: p.read_text(encoding="utf-8") for p in visible_files(out) if p.name != "run.json"}


def test_kill_then_resume_equals_an_uninterrupted_run(tmp_path, nerel_dev, validators):
    folder = corpus(tmp_path, nerel_dev)
    total = len(list(folder.glob("*.txt")))
    reference = tmp_path / "reference"
    assert subprocess.run([*EXTRACTOR, "run", folder, "--out", reference, "-j", "1", "-q"]).returncode == 0

    out = tmp_path / "out"
    proc = subprocess.Popen([*EXTRACTOR, "run", folder, "--out", out, "-j", "1", "-q"])
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.json"))) < total // 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = [p for p in out.glob("*.json")]
    assert 0 < len(written) < total, "the kill came too late to test anything"
    for path in visible_files(out):  # complete and valid, or absent
        data = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else None
        if data is not None and path.name != "run.json":
            validators["document"].validate(data)
    assert not (out / "meetings.jsonl").exists()  # only ever written whole, at the end

    resumed = subprocess.run([*EXTRACTOR, "run", folder, "--out", out, "-j", "2", "-q", "--resume"])
    assert resumed.returncode == 0
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert summary["counts"]["resumed"] >= len(written) and summary["counts"]["documents"] == total
    assert snapshot(out) == snapshot(reference)
    lines = (out / "meetings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))


def test_resume_redoes_a_changed_source(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    out = tmp_path / "out"
    assert subprocess.run([*EXTRACTOR, "run", folder, "--out", out, "-j", "1", "-q"]).returncode == 0
    seed = folder / "000_d411b140eaf4713b.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("2023", "2024"), encoding="utf-8")
    assert subprocess.run([*EXTRACTOR, "run", folder, "--out", out, "-j", "1", "-q", "--resume"]).returncode == 0
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert (summary["counts"]["resumed"], summary["counts"]["processed"]) == (1, 1)
    assert "2024" in (out / "000_d411b140eaf4713b.json").read_text(encoding="utf-8")
