"""A run's document records, one at a time (OUT/<doc_id>.json, sorted by file name)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator


class ExportError(Exception):
    """The export cannot run (no records, not a run folder, a database of another schema)."""


def document_paths(out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ExportError(f"no such folder: {out_dir}")
    return sorted(p for p in out_dir.glob("*.json") if p.name != "run.json")


def iter_documents(out_dir: Path, skipped: list | None = None) -> Iterator[dict]:
    """Document records of a run's folder; files that are not one are listed in ``skipped``."""
    for path in document_paths(out_dir):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            if skipped is not None:
                skipped.append((str(path), f"unreadable: {exc}"))
            continue
        if not (isinstance(data, dict) and isinstance(data.get("doc_id"), str) and "source" in data):
            if skipped is not None:
                skipped.append((str(path), "not a document record"))
            continue
        yield data
