"""Write stage: atomic JSON files and the run's output folder.

Every file appears complete or not at all: we write a temp file in
``OUT/.partial/``, fsync it and rename it over the target.  ``meetings.jsonl``
and ``errors.jsonl`` are streamed into temp files during the run and renamed
into place when the run finishes; then ``people.jsonl`` (the registry of people,
``extractor.registry``) is built from meetings.jsonl.  A run killed midway leaves only complete
files in OUT (plus, at most, temp files under ``.partial/``, cleared by the next run).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Optional

MEETINGS = "meetings.jsonl"
ERRORS = "errors.jsonl"
RUN = "run.json"
RESERVED = {Path(MEETINGS).stem, Path(ERRORS).stem, Path(RUN).stem}


PARTIAL = ".partial"
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give: temp files start private (0600)


def atomic_write_text(path: Path, content: str, tmp_dir: Optional[Path] = None) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = tmp_dir or path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir)
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
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                         dir=tmp_dir or self.path.parent)
        os.fchmod(fd, FILE_MODE)
        self._fh: Optional[IO[str]] = os.fdopen(fd, "w", encoding="utf-8")
        self.lines = 0

    def write_line(self, line: str) -> None:
        assert self._fh is not None
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
        self.partial = self.dir / PARTIAL
        self.partial.mkdir(parents=True, exist_ok=True)
        for stale in self.partial.iterdir():  # left by a run that was killed
            try:
                stale.unlink()
            except OSError:
                pass
        self.meetings = StreamedFile(self.dir / MEETINGS, self.partial)
        self.errors = StreamedFile(self.dir / ERRORS, self.partial)

    def document_path(self, doc_id: str) -> Path:
        name = f"{doc_id}_doc" if doc_id in RESERVED else doc_id
        return self.dir / f"{name}.json"

    def write_document(self, doc_id: str, record_json: str, meeting_lines: list[str]) -> None:
        atomic_write_text(self.document_path(doc_id), record_json, self.partial)
        self.add_meetings(meeting_lines)

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
        self.errors.write_line(json.dumps(error, ensure_ascii=False))

    def finish(self, summary: dict) -> None:
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
        self.meetings.discard()
        self.errors.discard()
