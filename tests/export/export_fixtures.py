"""Run folders for the export tests: hand-composed records, and a real run.

(Not a conftest.py: the suite imports the top conftest by that name.)"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "registry"))   # corpora.py

ROOT = HERE.parent.parent


def write_run(folder: Path, docs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / f"{doc['doc_id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def real_out(tmp_path_factory) -> Path:
    """`extractor run` over seeds/ and tests/data/reports (one worker)."""
    from extractor.batch import run_batch

    out = tmp_path_factory.mktemp("real") / "out"
    run_batch([ROOT / "seeds", ROOT / "tests" / "data" / "reports"], out, jobs=1)
    return out
