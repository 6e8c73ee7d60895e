"""The Dask engine on a real LocalCluster gives the same output as a local run."""
import json
import os
import shutil
import subprocess
import sys
import time

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")

from conftest import SEEDS  # noqa: E402

EXTRACTOR = [sys.executable, "-m", "extractor"]


def records(out):
    return {p.name: p.read_text(encoding="utf-8") for p in out.glob("*") if p.is_file() and p.name != "run.json"}


def test_dask_local_cluster_equals_local_run(tmp_path, nerel_dev):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")) + sorted(nerel_dev.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert subprocess.run([*EXTRACTOR, "run", folder, "--out", local, "-j", "2", "-q"]).returncode == 0
    proc = subprocess.run([*EXTRACTOR, "run", folder, "--out", dask, "--engine", "dask", "-j", "2", "-q"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert records(dask) == records(local)
    import json
    assert json.loads((dask / "run.json").read_text(encoding="utf-8"))["engine"] == "dask"


def test_dask_keeps_the_timeout_and_its_scratch_space_in_the_run(tmp_path):
    """Issue 17, items 9 and 20: a slow report becomes a timeout line (tasks run outside the
    main thread, where SIGALRM cannot reach them), and nothing is written outside --out."""
    report = ("Касым-Жомарт Токаев принял акима Карагандинской области Ермаганбета Булекпаева. "
              "Аким доложил о росте промышленного производства на 5 процентов.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text(report, encoding="utf-8")
    (folder / "slow.txt").write_text(report * 3000, encoding="utf-8")  # about 100 s of work
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    out = tmp_path / "out"
    started = time.time()
    proc = subprocess.run([*EXTRACTOR, "run", folder, "--out", out, "--engine", "dask", "-j", "1", "-q",
                           "--timeout", "3"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["doc_id"], e["error"]) for e in errors] == [("slow", "timeout")]
    assert (out / "short.json").exists()
    assert time.time() - started < 90
    assert not (tmp / "dask-scratch-space").exists() and not list(tmp.iterdir())
    assert not (out / ".partial").exists()
