"""Batch runs: inputs -> worker processes -> output folder.

Reading happens in the parent (cheap, and errors stay attributable to their
input); extraction runs in ``jobs`` worker processes, each loading the models
once; records come back as JSON strings and are written by the parent in input
order.  At most ``jobs * WINDOW`` documents are in flight, so memory stays flat
however large the batch is.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import platform
import sys
import time
import traceback
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from ._version import __version__
from .reading import InputError, SourceDoc, read_inputs
from .records import SCHEMA_VERSION
from .writing import OutputFolder

WINDOW = 8

_PIPELINE = None


@dataclass
class Outcome:
    """What one document produced: a record (as JSON) or an error."""

    doc_id: str
    path: Optional[str]
    record_json: Optional[str] = None
    meeting_lines: list[str] = field(default_factory=list)
    mention_types: dict[str, int] = field(default_factory=dict)
    error: Optional[dict] = None
    seconds: float = 0.0


def _init_worker(single_threaded: bool = False) -> None:
    global _PIPELINE
    if single_threaded:
        # one BLAS thread per worker: N workers on N cores must not fight over them
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = "1"
    from .pipeline import Pipeline

    _PIPELINE = Pipeline()


def process_document(src: SourceDoc) -> Outcome:
    """Run the pipeline on one document; any failure becomes an error outcome."""
    if _PIPELINE is None:
        _init_worker()
    started = time.perf_counter()
    try:
        record = _PIPELINE.process(src)
        outcome = Outcome(
            doc_id=src.doc_id, path=src.path,
            record_json=record.model_dump_json(indent=2) + "\n",
            meeting_lines=[m.model_dump_json() for m in record.meetings],
            mention_types=dict(Counter(m.type for m in record.mentions if not m.boilerplate)),
        )
    except Exception as exc:  # one bad document must not stop the batch
        outcome = Outcome(doc_id=src.doc_id, path=src.path, error={
            "path": src.path or src.doc_id, "error": "extraction_failed",
            "message": f"{type(exc).__name__}: {exc}", "doc_id": src.doc_id,
            "traceback": traceback.format_exc(limit=5),
        })
    outcome.seconds = time.perf_counter() - started
    return outcome


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass
class RunStats:
    documents: int = 0
    failed: int = 0
    meetings: int = 0
    mentions: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)
    extract_seconds: float = 0.0


def run_batch(inputs: Iterable[Union[str, Path]], out_dir: Union[str, Path], jobs: int = 0,
              progress: Optional[Callable[[RunStats], None]] = None) -> dict:
    """Process every input into ``out_dir``; returns the run summary (also run.json)."""
    inputs = [str(p) for p in inputs]
    jobs = jobs or default_jobs()
    out = OutputFolder(Path(out_dir))
    stats = RunStats()
    started_at, started = time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.perf_counter()

    def record(outcome: Outcome) -> None:
        stats.extract_seconds += outcome.seconds
        if outcome.error:
            fail(outcome.error)
            return
        out.write_document(outcome.doc_id, outcome.record_json, outcome.meeting_lines)
        stats.documents += 1
        stats.meetings += len(outcome.meeting_lines)
        stats.mentions.update(outcome.mention_types)
        if progress:
            progress(stats)

    def fail(error: dict) -> None:
        line = {k: v for k, v in error.items() if k != "traceback"}
        out.write_error(error)
        stats.failed += 1
        stats.errors.append(line)
        if progress:
            progress(stats)

    def items():
        for item in read_inputs(inputs):
            if isinstance(item, InputError):
                fail({"path": item.path, "error": item.error, "message": item.message,
                      **({"doc_id": item.doc_id} if item.doc_id else {})})
            else:
                yield item

    try:
        if jobs == 1:
            for src in items():
                record(process_document(src))
        else:
            _run_parallel(items(), jobs, record)
    except BaseException:
        out.abort()
        raise
    elapsed = time.perf_counter() - started
    summary = {
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "started": started_at,
        "seconds": round(elapsed, 3),
        "jobs": jobs,
        "inputs": inputs,
        "counts": {
            "documents": stats.documents,
            "failed": stats.failed,
            "meetings": stats.meetings,
            "mentions": dict(sorted(stats.mentions.items())),
        },
        "timings": {
            "wall_seconds": round(elapsed, 3),
            "extract_seconds": round(stats.extract_seconds, 3),
            "documents_per_second": round(stats.documents / elapsed, 3) if elapsed else None,
        },
        "versions": {"python": platform.python_version(), **_library_versions()},
        "errors": stats.errors[:50],
    }
    out.finish(summary)
    return summary


def _run_parallel(sources: Iterable[SourceDoc], jobs: int, record: Callable[[Outcome], None]) -> None:
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(True,)) as pool:
        pending: deque = deque()
        for src in sources:
            pending.append(pool.apply_async(process_document, (src,)))
            if len(pending) >= jobs * WINDOW:
                record(pending.popleft().get())
        while pending:
            record(pending.popleft().get())


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("natasha", "slovnet", "yargy", "razdel", "pymorphy3", "pydantic"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover
            out[name] = "missing"
    return out
