"""The Dask engine on a real LocalCluster gives the same output as a local run."""
import shutil
import subprocess
import sys

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
