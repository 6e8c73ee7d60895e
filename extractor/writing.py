"""Write stage: atomic JSON files and the run's output folder.

Every file appears complete or not at all: we write a temp file in
``OUT/.partial/``, fsync it and rename it over the target.  ``meetings.jsonl``
and ``errors.jsonl`` are streamed into temp files during the run and renamed
into place when the run finishes; then ``people.jsonl`` (the registry of people,
``extractor.registry``) is built from meetings.jsonl.  A run killed midway leaves only complete
files in OUT (plus, at most, temp files under ``.partial/``, cleared by the next run).

``OUT/.partial`` is never followed when it is a symlink (the run refuses to
start), and a run deletes only the temp files its own kind writes there.
"""
from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, Optional

MEETINGS = "meetings.jsonl"
ERRORS = "errors.jsonl"
RUN = "run.json"
RESERVED = {Path(MEETINGS).stem, Path(ERRORS).stem, Path(RUN).stem}


PARTIAL = ".partial"
TMP_PREFIX = ".kz-"  # temp names do not repeat the target's name: a long doc_id stays legal
_STALE = re.compile(r"\A\..*\.tmp\Z", re.DOTALL)  # our temp files (this and older versions)


COLLAPSE_AFTER = 100  # identical error lines in a row from one JSONL file, then one line with a count


def _split_line_number(path: str) -> tuple[str, str]:
    """'archive.jsonl:12' -> ('archive.jsonl', '12'); any other path -> (path, '')."""
    head, sep, tail = path.rpartition(":")
    return (head, tail) if sep and tail.isdigit() else (path, "")


class OutputError(Exception):
    """The output folder cannot be used (a usage problem, not a crash)."""


def partial_dir(out_dir: Path) -> Path:
    """``OUT/.partial``, created if missing; refused if it is a symlink or not a folder."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from None
    partial = out_dir / PARTIAL
    try:
        info = os.lstat(partial)
    except FileNotFoundError:
        try:
            os.mkdir(partial)
        except FileExistsError:  # pragma: no cover - created at the same moment
            pass
        info = os.lstat(partial)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        kind = "a symlink" if stat.S_ISLNK(info.st_mode) else "not a folder"
        raise OutputError(f"{partial} is {kind}; the run keeps its temp files there and will not "
                          "follow or delete it: remove it and run again")
    return partial
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give: temp files start private (0600)


def atomic_write_text(path: Path, content: str, tmp_dir: Optional[Path] = None) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = tmp_dir or path.parent
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=tmp_dir)
    os.fchmod(fd, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_json(path: Path, obj: Any, tmp_dir: Optional[Path] = None) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n", tmp_dir)


class StreamedFile:
    """A JSONL file written line by line to a temp file, renamed on :meth:`commit`."""

    def __init__(self, path: Path, tmp_dir: Optional[Path] = None):
        self.path = Path(path)
        fd, self._tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp",
                                         dir=tmp_dir or self.path.parent)
        os.fchmod(fd, FILE_MODE)
        self._fh: Optional[IO[str]] = os.fdopen(fd, "w", encoding="utf-8")
        self.lines = 0

    def write_line(self, line: str) -> None:
        assert self._fh is not None
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (an odd file name...) must not stop the run
            line = re.sub("[\ud800-\udfff]", "\ufffd", line)
        self._fh.write(line.rstrip("\n") + "\n")
        self.lines += 1

    def commit(self) -> None:
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            try:
                os.unlink(self._tmp)
            except OSError:
                pass


class OutputFolder:
    """``OUT/<doc_id>.json`` per document, plus meetings.jsonl and errors.jsonl."""

    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir)
        self.partial = partial_dir(self.dir)
        for stale in os.scandir(self.partial):  # temp files left by a run that was killed
            try:
                if _STALE.match(stale.name) and stale.is_file(follow_symlinks=False):
                    os.unlink(stale.path)
            except OSError:
                pass
        self.meetings = StreamedFile(self.dir / MEETINGS, self.partial)
        self.errors = StreamedFile(self.dir / ERRORS, self.partial)
        self._run_key: Optional[tuple] = None  # the last error line's (file, error, message)
        self._run_length = 0
        self._hidden_first: Optional[str] = None  # the collapsed lines of that run
        self._hidden_last: Optional[str] = None
        self._hidden_count = 0
        self._writers: Optional[ThreadPoolExecutor] = None  # record writers (write_document)
        self._pending: deque = deque()                       # their writes not yet reaped

    def document_path(self, doc_id: str) -> Path:
        name = f"{doc_id}_doc" if doc_id.lower() in RESERVED else doc_id
        return self.dir / f"{name}.json"

    # A record file is written by one of WRITER_THREADS threads: its fsync (milliseconds on
    # a busy disk) then overlaps the next document's extraction instead of holding up the
    # run; at most PENDING_WRITES records wait in memory.  A write that failed is raised by
    # the next write_document or by flush(), and the run stops like any other failure.
    WRITER_THREADS = 2
    PENDING_WRITES = 64

    def write_document(self, doc_id: str, record_json: str, meeting_lines: list[str]) -> None:
        if self._writers is None:  # started by the first record: a run that writes none starts none
            self._writers = ThreadPoolExecutor(self.WRITER_THREADS, thread_name_prefix="kz-writer")
        self._reap(block=len(self._pending) >= self.PENDING_WRITES)
        self._pending.append(self._writers.submit(atomic_write_text, self.document_path(doc_id), record_json,
                                                  self.partial))
        self.add_meetings(meeting_lines)

    def _reap(self, block: bool = False) -> None:
        """Forget the writes that are done (waiting for the oldest when ``block``); raise the
        first that failed."""
        pending = self._pending
        while pending and (block or pending[0].done()):
            block = False
            pending.popleft().result()

    def flush(self) -> None:
        """Wait for every record file queued so far; raise the first write that failed."""
        while self._pending:
            self._pending.popleft().result()

    def _stop_writers(self) -> None:
        """Let queued writes finish (a failed one is not raised again), then end the threads."""
        if self._writers is not None:
            self._writers.shutdown(wait=True)
            self._writers = None
            self._pending.clear()

    def add_meetings(self, meeting_lines: list[str]) -> None:
        for line in meeting_lines:
            self.meetings.write_line(line)

    def existing(self, doc_id: str) -> Optional[dict]:
        """The record already written for ``doc_id`` (None if absent or unreadable)."""
        try:
            data = json.loads(self.document_path(doc_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def write_error(self, error: dict) -> None:
        """One line per failed input; after COLLAPSE_AFTER lines of one JSONL file with the
        same error in a row, the rest of the run becomes one line with a ``count``."""
        file, _ = _split_line_number(error["path"])
        key = (file, error["error"], error["message"])
        if key == self._run_key:
            self._run_length += 1
            if self._run_length > COLLAPSE_AFTER:
                self._hidden_first = self._hidden_first or error["path"]
                self._hidden_last, self._hidden_count = error["path"], self._hidden_count + 1
                return
        else:
            self._flush_run()
            self._run_key, self._run_length = key, 1
        self.errors.write_line(json.dumps(error, ensure_ascii=False))

    def _flush_run(self) -> None:
        if self._hidden_count:
            file, error, message = self._run_key
            first = _split_line_number(self._hidden_first)[1]
            last = _split_line_number(self._hidden_last)[1]
            self.errors.write_line(json.dumps({
                "path": f"{file}:{first}-{last}", "error": error,
                "message": f"{message} (the same for {self._hidden_count} more lines of {file}, "
                           f"lines {first} to {last})",
                "count": self._hidden_count}, ensure_ascii=False))
        self._hidden_first = self._hidden_last = None
        self._hidden_count = 0

    def finish(self, summary: dict) -> None:
        self._stop_writers()
        self._flush_run()
        self.meetings.commit()
        self.errors.commit()
        from .registry import write_people  # the registry of people across the run's documents
        try:
            summary.setdefault("counts", {})["people"] = write_people(self.dir, self.partial)
        except Exception as exc:  # the run's records stay; only people.jsonl is missing
            summary.setdefault("counts", {})["people"] = None
            summary.setdefault("warnings", []).append(f"people.jsonl not written: {type(exc).__name__}: {exc}")
        atomic_write_json(self.dir / RUN, summary, self.partial)
        try:
            self.partial.rmdir()
        except OSError:
            pass

    def abort(self) -> None:
        self._stop_writers()
        self.meetings.discard()
        self.errors.discard()
