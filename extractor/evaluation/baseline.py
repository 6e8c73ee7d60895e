"""The quality baseline (benchmarks/quality_baseline.json) and regression checks.

``collect`` measures today's F1 figures on a NEREL folder and on a gold file;
``regressions`` lists every F1 that fell more than ``tolerance`` below the
baseline.  Raising the baseline is part of every change that improves quality.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from .gold import score_gold
from .nerel import run_nerel

TOLERANCE = 0.01


def records_of(pipeline, seeds_dir: Path) -> dict[str, dict]:
    from ..reading import read_inputs, SourceDoc

    out = {}
    for src in read_inputs([seeds_dir]):
        if isinstance(src, SourceDoc):
            out[src.doc_id] = json.loads(pipeline.process(src).model_dump_json())
    return out


def collect(pipeline, nerel_dir: Optional[Path], gold_sets: dict[str, tuple[Path, Path]]) -> dict:
    """Flat ``{"nerel_dev/<type>/<exact|overlap>_f1": x, "<set>/<field>_f1": x, ...}``;
    ``gold_sets`` maps a name to (gold file, folder of its documents)."""
    flat: dict[str, float] = {}
    if nerel_dir is not None:
        result = run_nerel(nerel_dir, pipeline=pipeline)
        for type, s in result["ours"]["scores"].items():
            flat[f"nerel_dev/{type}/exact_f1"] = s["exact"]["f1"]
            flat[f"nerel_dev/{type}/overlap_f1"] = s["overlap"]["f1"]
    for name, (gold_path, docs_dir) in gold_sets.items():
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        result = score_gold(gold, records_of(pipeline, docs_dir))
        flat[f"{name}/host_f1"] = result["host"]["f1"]
        for field, s in result["fields"].items():
            flat[f"{name}/{field}_f1"] = s["f1"]
        flat[f"{name}/meeting_count_accuracy"] = result["meeting_count_accuracy"]
        flat[f"{name}/boilerplate_leak_free"] = 0.0 if result["boilerplate_leaks"] else 1.0
    return flat


def regressions(current: dict, baseline: dict, tolerance: float = TOLERANCE) -> list[str]:
    out = []
    for key, base in sorted(baseline.items()):
        now = current.get(key)
        if now is None:
            out.append(f"{key}: no longer measured (baseline {base:.4f})")
        elif now < base - tolerance:
            out.append(f"{key}: {now:.4f} < baseline {base:.4f} - {tolerance}")
    return out


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))["figures"]


def save(path: Path, figures: dict, note: str) -> None:
    from ..writing import atomic_write_json

    atomic_write_json(path, {"note": note, "figures": dict(sorted(figures.items()))})
