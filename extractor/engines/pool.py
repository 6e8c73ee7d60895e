"""The local engine: worker processes that may die, and a batch that does not.

``multiprocessing.Pool`` loses the task of a worker killed by the OOM killer
(``kill -9``) and waits for it forever, and respawns a worker whose initializer
fails without end.  This pool watches every worker's process sentinel:

* a worker that dies while extracting turns the document it was working on
  into an error outcome (``worker_died``); a document queued to it but not yet
  started goes to another worker;
* a dead worker (or one whose models could not load) is replaced, at most
  ``max_lost`` times in a run; after that :class:`WorkersLost` stops the run
  with a clear message;
* workers die with the parent (``PR_SET_PDEATHSIG``), so SIGTERM or a crash of
  the main process never leaves a worker running;
* a worker still busy with one document ``stuck_after`` seconds after it began
  (a signal cannot stop C code such as a regex or lxml, and a library may
  swallow the timeout's exception) is killed and replaced; that document
  becomes ``stuck(item, why)`` and does not count as a lost worker.

Outcomes are handed back in input order; at most ``jobs * window`` documents
are in flight or waiting to be written.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from typing import Callable, Iterable, Optional

# A worker gets a second document while it works on one (no idle gap between
# documents), but only a small one: a queued message must fit in the pipe's buffer,
# or the parent could block sending while the worker blocks sending its result.
# A larger document waits until its worker is idle (reading).
PER_WORKER = 4
SEND_AHEAD_BYTES = 64 * 1024  # Linux gives a Unix socket about 200 KB
DEFAULT_MAX_LOST = 8    # workers that may die (or fail to start) in one run
STOP_GRACE = 5.0        # seconds a worker gets to exit before it is killed
FORKS = sys.platform.startswith("linux")  # workers are forked (they inherit what is loaded), else spawned


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
        self.inflight: deque = deque()  # (seq, pickled size), in the order sent
        self.busy_since: Optional[float] = None  # when the document it works on began (about)

    @property
    def queued_bytes(self) -> int:
        """Bytes sent that it may not have read yet (all but the one it works on)."""
        return sum(size for _, size in list(self.inflight)[1:])

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
             done_already: Callable[[object], bool] = lambda item: False,
             stuck_after: Optional[float] = None,
             stuck: Optional[Callable[[object, str], object]] = None) -> None:
    """``deliver(work(item))`` for every item, in order, on ``jobs`` worker processes.

    ``init()`` runs once in each worker; ``died(item, why)`` makes the outcome of
    an item whose worker died while working on it; an item for which
    ``done_already(item)`` is true is its own outcome (delivered in its turn).
    A worker busy with one item for more than ``stuck_after`` seconds is killed;
    ``stuck(item, why)`` (default ``died``) is that item's outcome."""
    pool = _Pool(items, jobs, init, work, died, window, max_lost, done_already)
    pool.stuck_after, pool.stuck = stuck_after, stuck or died
    try:
        while True:
            pool.fill()
            pool.dispatch()
            if pool.finished():
                break
            outcome = pool.next_outcome()
            if outcome is None:
                pool.poll(timeout=5.0 if not stuck_after else min(5.0, stuck_after))
                pool.reap_stuck()
            else:  # writing it may take a while: first make sure every worker has work
                pool.poll(timeout=0)
                pool.reap_stuck()
                pool.dispatch()
                deliver(outcome)
    except BaseException:
        pool.kill()
        raise
    pool.stop()


class _Pool:
    def __init__(self, items, jobs, init, work, died, window, max_lost, done_already):
        self.ctx = mp.get_context("fork" if FORKS else "spawn")
        self.init, self.work, self.died, self.done_already = init, work, died, done_already
        self.limit, self.max_lost, self.lost = jobs * window, max_lost, 0
        self.workers: list[_Worker] = [_Worker(self.ctx, init, work) for _ in range(jobs)]
        self.source, self.exhausted = iter(items), False
        self.waiting: deque = deque()         # (seq, item) not yet sent to a worker
        self.sent: dict[int, object] = {}     # seq -> item, while a worker has it
        self.payloads: dict[int, bytes] = {}  # seq -> the pickled task of a waiting item
        self.done: dict[int, object] = {}     # seq -> outcome, until its turn to be delivered
        self.next_seq = self.next_out = 0
        self.stuck_after: Optional[float] = None
        self.stuck = died

    def fill(self) -> None:
        while not self.exhausted and self.next_seq - self.next_out < self.limit:
            try:
                item = next(self.source)
            except StopIteration:
                self.exhausted = True
                return
            if self.done_already(item):
                self.done[self.next_seq] = item
            else:
                self.waiting.append((self.next_seq, item))
            self.next_seq += 1

    def finished(self) -> bool:
        return self.exhausted and self.next_out == self.next_seq

    def next_outcome(self):
        if self.next_out not in self.done:
            return None
        self.next_out += 1
        return self.done.pop(self.next_out - 1)

    def dispatch(self) -> None:
        for worker in self.workers:
            while worker.ready and self.waiting and len(worker.inflight) < PER_WORKER:
                seq, item = self.waiting[0]
                if seq not in self.payloads:
                    self.payloads[seq] = bytes(ForkingPickler.dumps((seq, item)))
                payload = self.payloads[seq]
                if worker.inflight and worker.queued_bytes + len(payload) > SEND_AHEAD_BYTES:
                    break  # it waits until the worker has room (see SEND_AHEAD_BYTES)
                try:
                    worker.conn.send_bytes(payload)
                except (OSError, ValueError):  # it has just died: its sentinel will tell
                    worker.ready = False
                    break
                self.waiting.popleft()
                del self.payloads[seq]
                self.sent[seq] = item
                if not worker.inflight:
                    worker.busy_since = time.monotonic()
                worker.inflight.append((seq, len(payload)))

    def poll(self, timeout: float) -> None:
        by_handle = {}
        for worker in self.workers:
            by_handle[worker.conn] = worker
            by_handle[worker.proc.sentinel] = worker
        for handle in wait(list(by_handle), timeout=timeout):
            worker = by_handle[handle]
            if worker not in self.workers:
                continue  # already replaced in this round
            _drain(worker, self.done, self.sent)
            if worker.init_error is not None:
                self.lose(worker, f"a worker could not load the models: {worker.init_error}")
            elif not worker.proc.is_alive() or worker.closed:
                worker.proc.join(1)
                self.lose(worker, f"worker process {worker.proc.pid} {_how_it_died(worker.proc)}")

    def reap_stuck(self) -> None:
        """Kill (and replace) every worker busy with one item for more than ``stuck_after`` s."""
        if not self.stuck_after:
            return
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.inflight and worker.busy_since is not None \
                    and now - worker.busy_since > self.stuck_after:
                _drain(worker, self.done, self.sent)  # it may have just finished
                if worker.inflight and worker.busy_since is not None \
                        and time.monotonic() - worker.busy_since > self.stuck_after:
                    self.lose(worker, f"still working on it {self.stuck_after:g} s after it began: "
                                      f"worker process {worker.proc.pid} killed", self.stuck, count=False)

    def lose(self, worker: _Worker, why: str, outcome: Optional[Callable] = None, count: bool = True) -> None:
        self.lost += count
        queued = [seq for seq, _ in worker.inflight]
        if worker.ready and queued:  # the first one was running: its worker died on it
            seq = queued.pop(0)
            self.done[seq] = (outcome or self.died)(self.sent.pop(seq), why)
        for seq in reversed(queued):  # never started: another worker takes them
            self.waiting.appendleft((seq, self.sent.pop(seq)))
        worker.kill()
        self.workers.remove(worker)
        if self.lost > self.max_lost:
            raise WorkersLost(f"{self.lost} worker processes lost (limit {self.max_lost}, "
                              f"--max-lost-workers); last: {why}")
        self.workers.append(_Worker(self.ctx, self.init, self.work))

    def kill(self) -> None:
        for worker in self.workers:
            worker.kill()

    def stop(self) -> None:
        for worker in self.workers:
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
            worker.inflight = deque(entry for entry in worker.inflight if entry[0] != seq)
            worker.busy_since = time.monotonic() if worker.inflight else None  # the next one begins
            sent.pop(seq, None)
            done[seq] = outcome
