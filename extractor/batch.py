"""Batch runs: inputs -> worker processes -> output folder.

Reading happens in the parent (cheap, and errors stay attributable to their
input; a web page's article is taken out in the workers, under ``--timeout``); extraction runs in ``jobs`` worker processes, forked from the parent
once it has loaded the models (they share its pages); records come back as JSON strings and are written by the parent in input
order.  At most ``jobs * WINDOW`` documents are in flight, so memory stays flat
however large the batch is; errors are streamed to errors.jsonl (only the first
few are kept for run.json).  A worker that dies loses only the document it was
working on (``worker_died``, see engines/pool.py).
"""
from __future__ import annotations

import functools
import os
import platform
import signal
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from . import deadline
from ._version import __version__
from .deadline import DocumentTimeout
from .engines.pool import DEFAULT_MAX_LOST, FORKS, WorkersLost, run_pool
from .reading import DEFAULT_MAX_BYTES, InputError, SourceDoc, display_path, read_inputs
from .records import SCHEMA_VERSION
from .writing import OutputFolder

WINDOW = 8
KEPT_ERRORS = 50  # error lines repeated in run.json (all of them are in errors.jsonl)

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
    resumed: bool = False  # the record was already there (--resume): only its meetings are carried


def _init_worker(single_threaded: bool = False) -> None:
    global _PIPELINE
    if single_threaded:
        # one BLAS thread per worker: N workers on N cores must not fight over them
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = "1"
    if _PIPELINE is not None:  # forked from a process that had them loaded: its pages are shared
        return
    from .pipeline import Pipeline

    _PIPELINE = Pipeline()


def _alarm(_signum, _frame):
    raise DocumentTimeout()


def process_document(src: SourceDoc, timeout: float = 0) -> Outcome:
    """Run the pipeline on one document; any failure becomes an error outcome.

    ``timeout`` seconds (0: none) bound the document's time: a stuck document
    becomes an error line, not a stuck batch.  In the main thread SIGALRM stops
    it wherever it is; in other threads (Dask workers) the pipeline checks the
    deadline between its stages."""
    if _PIPELINE is None:
        _init_worker()
    started = time.perf_counter()
    armed = timeout > 0 and threading.current_thread() is threading.main_thread()
    if armed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with deadline.budget(timeout):
            # a web page's article is taken out in process(), under the same time budget (pages.py)
            record = _PIPELINE.process(src)
        outcome = Outcome(
            doc_id=src.doc_id, path=src.path,
            record_json=record.model_dump_json(indent=2) + "\n",
            meeting_lines=[m.model_dump_json() for m in record.meetings],
            mention_types=dict(Counter(m.type for m in record.mentions if not m.boilerplate)),
        )
    except DocumentTimeout:
        outcome = Outcome(doc_id=src.doc_id, path=src.path, error={
            "path": src.path or src.doc_id, "error": "timeout",
            "message": f"extraction took longer than {timeout:g} s", "doc_id": src.doc_id})
    except InputError as exc:  # a page without an article
        outcome = Outcome(doc_id=src.doc_id, path=src.path, error={
            "path": exc.path, "error": exc.error, "message": exc.message, "doc_id": exc.doc_id or src.doc_id})
    except Exception as exc:  # one bad document must not stop the batch
        outcome = Outcome(doc_id=src.doc_id, path=src.path, error={
            "path": src.path or src.doc_id, "error": "extraction_failed",
            "message": f"{type(exc).__name__}: {exc}", "doc_id": src.doc_id,
            "traceback": traceback.format_exc(limit=-5),
        })
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    outcome.seconds = time.perf_counter() - started
    return outcome


def worker_died(src: SourceDoc, why: str) -> Outcome:
    """The outcome of a document whose worker process died while extracting it."""
    return Outcome(doc_id=src.doc_id, path=src.path, error={
        "path": src.path or src.doc_id, "error": "worker_died",
        "message": f"the worker process died while extracting this document: {why}",
        "doc_id": src.doc_id})


def stuck_document(src: SourceDoc, why: str) -> Outcome:
    """The outcome of a document that ran on long past its time budget (its worker was killed)."""
    return Outcome(doc_id=src.doc_id, path=src.path, error={
        "path": src.path or src.doc_id, "error": "timeout",
        "message": f"extraction did not stop at the time limit: {why}", "doc_id": src.doc_id})


def stuck_after(timeout: float) -> Optional[float]:
    """When a worker that did not stop at ``timeout`` is killed: the alarm had its chance."""
    return timeout * 2 + STUCK_GRACE if timeout > 0 else None


STUCK_GRACE = 10.0


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


DEFAULT_TIMEOUT = 30.0


@dataclass
class RunStats:
    documents: int = 0
    resumed: int = 0
    failed: int = 0
    meetings: int = 0
    mentions: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)  # the first KEPT_ERRORS only
    error_classes: Counter = field(default_factory=Counter)
    extract_seconds: float = 0.0


def run_batch(inputs: Iterable[Union[str, Path]], out_dir: Union[str, Path], jobs: int = 0,
              progress: Optional[Callable[[RunStats], None]] = None,
              timeout: float = DEFAULT_TIMEOUT, resume: bool = False,
              executor: Optional[Callable] = None, engine: str = "local",
              max_bytes: int = DEFAULT_MAX_BYTES, max_lost_workers: int = DEFAULT_MAX_LOST) -> dict:
    """Process every input into ``out_dir``; returns the run summary (also run.json).

    With ``resume``, an input whose record already exists for the same source
    (sha256) and pipeline version is not processed again; its meetings are
    carried into the new meetings.jsonl.  ``executor(sources, record, timeout)``
    runs the documents (default: a pool of ``jobs`` worker processes; in-process when
    one job runs without a time limit, since only a worker process can be killed).
    ``max_bytes`` bounds one document; ``max_lost_workers`` the worker processes
    that may die before the run stops (:class:`WorkersLost`).

    If the run stops on an exception, meetings.jsonl, errors.jsonl and run.json
    (``"status"`` says why) are still written for what was done, then it is raised."""
    input_paths = [os.fsdecode(p) for p in inputs]
    inputs = [display_path(p) for p in input_paths]
    jobs = jobs or default_jobs()
    out = OutputFolder(Path(out_dir))
    stats = RunStats()
    started_at, started = time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.perf_counter()

    def record(outcome: Outcome) -> None:
        stats.extract_seconds += outcome.seconds
        if outcome.error:
            fail(outcome.error)
            return
        if outcome.resumed:
            out.add_meetings(outcome.meeting_lines)
            stats.resumed += 1
        else:
            out.write_document(outcome.doc_id, outcome.record_json, outcome.meeting_lines)
            stats.documents += 1
        stats.meetings += len(outcome.meeting_lines)
        stats.mentions.update(outcome.mention_types)
        if progress:
            progress(stats)

    def fail(error: dict) -> None:
        out.write_error(error)
        stats.failed += 1
        stats.error_classes[error["error"]] += 1
        if len(stats.errors) < KEPT_ERRORS:  # memory stays flat however many inputs fail
            stats.errors.append({k: v for k, v in error.items() if k != "traceback"})
        if progress:
            progress(stats)

    def items():
        for item in read_inputs(input_paths, max_bytes=max_bytes, skip=[out.dir], defer_pages=True):
            if isinstance(item, InputError):
                fail({"path": item.path, "error": item.error, "message": item.message,
                      **({"doc_id": item.doc_id} if item.doc_id else {})})
            else:
                # a resumed document goes through the executor too, so that its
                # meetings keep their place in meetings.jsonl
                yield (resume and _done_before(out, item)) or item

    status = "complete"
    try:
        if executor is None:
            # with a time limit, even one job runs in a worker process: a document stuck in C
            # code (a regex, lxml) ignores the alarm, and only killing its process frees the run
            executor = _run_serial if jobs == 1 and not timeout else (
                lambda sources, rec, t: _run_parallel(sources, jobs, rec, t, max_lost_workers))
        executor(items(), record, timeout)
        out.flush()  # every record on disk: a write that failed stops the run here
    except BaseException as exc:
        status = ("interrupted" if not isinstance(exc, Exception)
                  else f"stopped: {type(exc).__name__}: {exc}")
        try:
            out.finish(_summary(stats, status, started_at, started, jobs, engine, inputs))
        except Exception:  # the output folder itself is failing: keep the first error
            out.abort()
        raise
    summary = _summary(stats, status, started_at, started, jobs, engine, inputs)
    out.finish(summary)
    return summary


def _summary(stats: RunStats, status: str, started_at: str, started: float, jobs: int,
             engine: str, inputs: list[str]) -> dict:
    elapsed = time.perf_counter() - started
    return {
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "started": started_at,
        "seconds": round(elapsed, 3),
        "jobs": jobs,
        "engine": engine,
        "inputs": inputs,
        "counts": {
            "documents": stats.documents + stats.resumed,
            "processed": stats.documents,
            "resumed": stats.resumed,
            "failed": stats.failed,
            "meetings": stats.meetings,
            "mentions": dict(sorted(stats.mentions.items())),
            "errors": dict(sorted(stats.error_classes.items())),
        },
        "status": status,
        "timings": {
            "wall_seconds": round(elapsed, 3),
            "extract_seconds": round(stats.extract_seconds, 3),
            "documents_per_second": round(stats.documents / elapsed, 3) if elapsed else None,
        },
        "versions": {"python": platform.python_version(), **_library_versions()},
        "errors": stats.errors,
    }


def _done_before(out: OutputFolder, src: SourceDoc) -> Optional[Outcome]:
    """Resume: the record exists, for this very source and pipeline version.

    Its meetings are serialised by the same model as a fresh run's (same bytes)
    and count in the run's totals."""
    from .records import DocumentRecord

    existing = out.existing(src.doc_id)
    if not existing or existing.get("pipeline_version") != __version__:
        return None
    if (existing.get("source") or {}).get("sha256") != src.sha256:
        return None
    try:
        record = DocumentRecord.model_validate(existing)
    except ValueError:  # written by another schema: extract again
        return None
    return Outcome(doc_id=src.doc_id, path=src.path, resumed=True,
                   meeting_lines=[m.model_dump_json() for m in record.meetings],
                   mention_types=dict(Counter(m.type for m in record.mentions if not m.boilerplate)))


def run_one(item: Union[SourceDoc, Outcome], timeout: float = 0) -> Outcome:
    """An executor's unit of work: extract a document (a resumed one is already done)."""
    return item if isinstance(item, Outcome) else process_document(item, timeout)


def _run_serial(sources: Iterable[SourceDoc], record: Callable[[Outcome], None], timeout: float) -> None:
    for src in sources:
        record(run_one(src, timeout))


def process_many(sources: list[SourceDoc], timeout: float = 0) -> list[Outcome]:
    """A batch of documents in one task (for distributed engines)."""
    return [run_one(src, timeout) for src in sources]


def _run_parallel(sources: Iterable[SourceDoc], jobs: int, record: Callable[[Outcome], None],
                  timeout: float, max_lost: int = DEFAULT_MAX_LOST) -> None:
    _preload()
    run_pool(sources, jobs, record, init=functools.partial(_init_worker, True),
             work=functools.partial(process_document, timeout=timeout), died=worker_died,
             window=WINDOW, max_lost=max_lost, done_already=lambda item: isinstance(item, Outcome),
             stuck_after=stuck_after(timeout), stuck=stuck_document)


def _preload() -> None:
    """Load the models here, once, before the workers are forked from this process: they
    share its pages (copy-on-write, collector-frozen) instead of each loading its own, and a
    worker that replaces a dead one starts at once.  Where workers are spawned, not forked,
    or the models fail to load here, each worker loads them (and reports a failure) itself."""
    if not FORKS:
        return
    try:
        _init_worker(True)
    except Exception:  # noqa: BLE001 - the workers will say what is wrong, as they always did
        pass


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("natasha", "slovnet", "yargy", "razdel", "pymorphy3", "pydantic"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover
            out[name] = "missing"
    return out
