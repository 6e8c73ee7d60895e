"""A progress line on stderr (only on a terminal) and the end-of-run summary."""
from __future__ import annotations

import time
from pathlib import Path
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, enabled: bool = True, every: float = 0.2):
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.every = every
        self.started = time.perf_counter()
        self._last = 0.0
        self._shown = False

    def update(self, stats) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < self.every:
            return
        self._last = now
        elapsed = now - self.started
        rate = stats.documents / elapsed if elapsed else 0.0
        spinner = "|/-\\"[int(elapsed * 4) % 4]
        self.stream.write(
            f"\r{spinner} {stats.documents} documents, {stats.failed} failed, "
            f"{stats.meetings} meetings  {rate:.1f} doc/s  {elapsed:.0f}s ")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def summary_lines(summary: dict, out_dir: Path) -> list[str]:
    counts, timings = summary["counts"], summary["timings"]
    lines = [
        f"kz-extractor {summary['pipeline_version']}: {counts['documents']} documents, "
        f"{counts['failed']} failed, {counts['meetings']} meetings "
        f"in {timings['wall_seconds']:.1f}s ({summary['jobs']} workers, "
        f"{timings['documents_per_second'] or 0:.1f} doc/s)",
    ]
    if counts["mentions"]:
        lines.append("mentions: " + ", ".join(f"{k} {v}" for k, v in counts["mentions"].items()))
    for error in summary["errors"][:10]:
        lines.append(f"  failed: {error['path']}: {error['error']}: {error['message']}")
    if counts["failed"] > 10:
        lines.append(f"  ... and {counts['failed'] - 10} more in errors.jsonl")
    out = Path(out_dir)
    lines.append(f"records: {out}/<doc_id>.json, {out}/meetings.jsonl, "
                 f"{out}/errors.jsonl, {out}/people.jsonl, {out}/run.json")
    return lines
