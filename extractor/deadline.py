"""A per-document time budget that works in any thread.

The local engine's workers enforce ``--timeout`` with SIGALRM, which only the
main thread of a process can receive; a Dask worker runs tasks in other
threads.  There the budget is cooperative: :func:`check` (called by the
pipeline between its stages) raises :class:`DocumentTimeout` once the
deadline has passed, so a document overruns by at most one stage.
"""
from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager
from typing import Iterator

_DEADLINE: contextvars.ContextVar = contextvars.ContextVar("kz_extractor_deadline", default=None)


class DocumentTimeout(Exception):
    """The document took longer than its time budget."""


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Within the block, :func:`check` raises once ``seconds`` have passed (0: no budget)."""
    token = _DEADLINE.set(time.monotonic() + seconds if seconds > 0 else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise DocumentTimeout()
