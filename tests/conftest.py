"""Shared fixtures: one Pipeline per test session, paths to seeds and ../shared."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KZ_SHARED", ROOT.parent / "shared"))
NEREL_DEV = SHARED / "eval" / "nerel" / "dev"
GOLD = SHARED / "gold" / "seeds.gold.json"
SCHEMAS = ROOT / "schemas"


@pytest.fixture(scope="session")
def pipeline():
    from extractor import Pipeline

    return Pipeline()


@pytest.fixture
def shared_pipeline(pipeline, monkeypatch):
    """In-process batch runs (jobs=1) reuse the session's pipeline instead of loading another."""
    from extractor import batch

    monkeypatch.setattr(batch, "_PIPELINE", pipeline)
    return pipeline


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def nerel_dev() -> Path:
    if not NEREL_DEV.is_dir():
        pytest.skip(f"NEREL dev split not found at {NEREL_DEV} (set KZ_SHARED)")
    return NEREL_DEV


@pytest.fixture(scope="session")
def validators():
    """jsonschema validators for the committed schemas/ files."""
    import json

    from jsonschema import Draft202012Validator, FormatChecker

    out = {}
    for name in ("document", "meeting", "error"):
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        out[name] = Draft202012Validator(schema, format_checker=FormatChecker())
    return out
