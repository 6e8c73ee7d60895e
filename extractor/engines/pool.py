"""The local engine: worker processes that may die, and a batch that does not.

``multiprocessing.Pool`` loses the task of a worker killed by the OOM killer
(``kill -9``) and waits for it forever, and respawns a worker whose initializer
fails without end.  This pool watches every worker's process sentinel:

* a worker that dies while extracting turns the document it was working on
  into an error outcome (``worker_died``); a document sent to it that it had not
  started (it died loading its models) goes to another worker;
* a dead worker (or one whose models could not load) is replaced, at most
  ``max_lost`` times in a run; after that :class:`WorkersLost` stops the run
  with a clear message;
* workers die with the parent (``PR_SET_PDEATHSIG``), so SIGTERM or a crash of
  the main process never leaves a worker running.

Outcomes are handed back in input order; at most ``jobs * window`` documents
are in flight or waiting to be written.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from multiprocessing.connection import wait
from typing import Callable, Iterable, Optional

# one document per worker at a time: a worker is sent a document only while it waits
# for one, so neither side can block on a full pipe while the other is sending
PER_WORKER = 1
DEFAULT_MAX_LOST = 8    # workers that may die (or fail to start) in one run
STOP_GRACE = 5.0        # seconds a worker gets to exit before it is killed


class WorkersLost(RuntimeError):
    """Too many worker processes died: the run stops."""


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies."""
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover
        pass
    if os.getppid() == 1:  # the parent died before prctl
        os._exit(1)


def _worker_main(conn, init: Callable[[], None], work: Callable) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides what Ctrl-C means
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        init()
    except BaseException as exc:  # noqa: BLE001 - report any failure to load, then exit
        try:
            conn.send(("init_failed", f"{type(exc).__name__}: {exc}"[:500]))
        finally:
            os._exit(1)
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, item = task
        conn.send(("done", seq, work(item)))


class _Worker:
    def __init__(self, ctx, init, work):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, init, work), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.closed = False             # its pipe reached EOF: the process is gone
        self.init_error: Optional[str] = None
        self.inflight: deque = deque()  # sequence numbers, in the order sent

    def stop(self, grace: float = STOP_GRACE) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(grace)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(1)
        self.conn.close()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(1)
        self.conn.close()


def _how_it_died(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (what the out-of-memory killer sends)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exited with code {code}"


def run_pool(items: Iterable, jobs: int, deliver: Callable, init: Callable[[], None], work: Callable,
             died: Callable[[object, str], object], window: int = 8,
             max_lost: int = DEFAULT_MAX_LOST,
             done_already: Callable[[object], bool] = lambda item: False) -> None:
    """``deliver(work(item))`` for every item, in order, on ``jobs`` worker processes.

    ``init()`` runs once in each worker; ``died(item, why)`` makes the outcome of
    an item whose worker died while working on it; an item for which
    ``done_already(item)`` is true is its own outcome (delivered in its turn)."""
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    workers: list[_Worker] = [_Worker(ctx, init, work) for _ in range(jobs)]
    source = iter(items)
    exhausted = False
    waiting: deque = deque()            # (seq, item) not yet sent to a worker
    sent: dict[int, object] = {}        # seq -> item, while a worker has it
    done: dict[int, object] = {}        # seq -> outcome, until its turn to be delivered
    next_seq = next_out = 0
    lost = 0
    last_loss = ""

    def lose(worker: _Worker, why: str) -> None:
        nonlocal lost, last_loss
        lost += 1
        last_loss = why
        queued = list(worker.inflight)
        if worker.ready and queued:  # the first one was running: its worker died on it
            seq = queued.pop(0)
            done[seq] = died(sent.pop(seq), why)
        for seq in reversed(queued):  # never started: another worker takes them
            waiting.appendleft((seq, sent.pop(seq)))
        worker.kill()
        workers.remove(worker)
        if lost > max_lost:
            raise WorkersLost(f"{lost} worker processes lost (limit {max_lost}, --max-lost-workers); "
                              f"last: {why}")
        workers.append(_Worker(ctx, init, work))

    try:
        while True:
            while next_out in done:
                deliver(done.pop(next_out))
                next_out += 1
            while not exhausted and next_seq - next_out < jobs * window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if done_already(item):
                    done[next_seq] = item
                else:
                    waiting.append((next_seq, item))
                next_seq += 1
            if exhausted and next_out == next_seq:
                break
            for worker in workers:
                while worker.ready and waiting and len(worker.inflight) < PER_WORKER:
                    seq, item = waiting.popleft()
                    try:
                        worker.conn.send((seq, item))
                    except (OSError, ValueError):  # it has just died: its sentinel will tell
                        waiting.appendleft((seq, item))
                        worker.ready = False
                        break
                    sent[seq] = item
                    worker.inflight.append(seq)
            by_handle = {}
            for worker in workers:
                by_handle[worker.conn] = worker
                by_handle[worker.proc.sentinel] = worker
            for handle in wait(list(by_handle), timeout=5.0):
                worker = by_handle[handle]
                if worker not in workers:
                    continue  # already replaced in this round
                _drain(worker, done, sent)
                if worker.init_error is not None:
                    lose(worker, f"a worker could not load the models: {worker.init_error}")
                elif not worker.proc.is_alive() or worker.closed:
                    worker.proc.join(1)
                    lose(worker, f"worker process {worker.proc.pid} {_how_it_died(worker.proc)}")
    except BaseException:
        for worker in workers:
            worker.kill()
        raise
    for worker in workers:
        worker.stop()


def _drain(worker: _Worker, done: dict, sent: dict) -> None:
    """Read every message the worker has sent (results may precede its death)."""
    while True:
        try:
            if not worker.conn.poll():
                return
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.closed = True
            return
        kind = message[0]
        if kind == "ready":
            worker.ready = True
        elif kind == "init_failed":
            worker.init_error = message[1]
            return
        elif kind == "done":
            _, seq, outcome = message
            if worker.inflight and worker.inflight[0] == seq:
                worker.inflight.popleft()
            elif seq in worker.inflight:  # pragma: no cover - results come back in order
                worker.inflight.remove(seq)
            sent.pop(seq, None)
            done[seq] = outcome
