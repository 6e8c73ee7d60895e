"""Run the pipeline on a Dask cluster: ``extractor run --engine dask [--scheduler ADDRESS]``.

The driver reads and decodes the inputs, sends them in batches of documents
(one task per batch) to the cluster, and writes the results in input order with
the same atomic writer as a local run, so the output folder is the same.
Each worker process builds the models once (a process-wide Pipeline) and keeps
them for every task it runs.  Without ``--scheduler`` a LocalCluster is started;
its scratch space lives in the run's own temp folder (``OUT/.partial/dask-*``,
removed at the end), never in ``/tmp/dask-scratch-space``.
``--timeout`` holds in Dask tasks too: tasks run outside the main thread, where
the pipeline checks the document's deadline between its stages (deadline.py).
Needs ``pip install '.[dask]'``.
"""
from __future__ import annotations

import shutil
import tempfile
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import dask
from distributed import Client, LocalCluster

from ..batch import Outcome, process_many, run_batch
from ..reading import SourceDoc
from ..writing import partial_dir

BATCH = 16       # documents per task
IN_FLIGHT = 4    # tasks per worker submitted ahead


def _chunks(items: Iterable[SourceDoc], size: int) -> Iterator[list[SourceDoc]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def dask_executor(client: Client, batch: int = BATCH) -> Callable:
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def execute(sources: Iterable[SourceDoc], record: Callable[[Outcome], None], timeout: float) -> None:
        pending: deque = deque()
        for chunk in _chunks(sources, batch):
            pending.append(client.submit(process_many, chunk, timeout, pure=False))
            if len(pending) >= workers * IN_FLIGHT:
                for outcome in pending.popleft().result():
                    record(outcome)
        while pending:
            for outcome in pending.popleft().result():
                record(outcome)
    return execute


def run_dask(inputs, out_dir, scheduler: Optional[str] = None, workers: Optional[int] = None,
             timeout: float = 30.0, resume: bool = False, progress=None, batch: int = BATCH,
             **limits) -> dict:
    cluster = None
    scratch = Path(tempfile.mkdtemp(prefix="dask-", dir=partial_dir(Path(out_dir))))
    try:
        with dask.config.set({"temporary-directory": str(scratch)}):
            if scheduler:
                client = Client(scheduler)
            else:
                cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, local_directory=str(scratch))
                client = Client(cluster)
            try:
                n = max(1, len(client.scheduler_info().get("workers", {})))
                return run_batch(inputs, out_dir, jobs=n, progress=progress, timeout=timeout,
                                 resume=resume, executor=dask_executor(client, batch), engine="dask",
                                 **limits)
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # ours: made by mkdtemp above
        try:
            scratch.parent.rmdir()  # .partial, when nothing else is left in it
        except OSError:
            pass
