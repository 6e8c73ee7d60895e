"""Find a record's source text again, for highlighting (file path, or 'file.jsonl:LINE')."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..reading import DecodeError, decode


def source_text(record: dict, base: Optional[Path] = None) -> Optional[str]:
    if isinstance(record.get("text"), str):
        return record["text"]  # a page's extracted text travels with its record
    path = (record.get("source") or {}).get("path")
    if not path:
        return None
    match = re.match(r"^(.*\.jsonl):(\d+)$", path)
    file = Path(match.group(1) if match else path)
    if not file.is_absolute() and base is not None and not file.exists():
        file = base / file
    try:
        content, _ = decode(file.read_bytes())
    except (OSError, DecodeError):
        return None
    if match:
        lines = content.splitlines()
        number = int(match.group(2))
        try:
            text = json.loads(lines[number - 1]).get("text")
        except (IndexError, ValueError, AttributeError):
            return None
    else:
        text = content
    if not isinstance(text, str) or len(text) != record.get("text_length"):
        return None  # the file changed since: offsets would lie
    return text


def load_run(out_dir: Path) -> list[dict]:
    records = []
    for path in sorted(Path(out_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "doc_id" in data and "mentions" in data:
            records.append(data)
    return records
