"""Run one job over many items, in this process or in N worker processes, reporting each result as it arrives.

Each worker process opens its own database connection (the parent's is closed before the workers are forked, so
none is shared). A job that raises is reported with its reason and never stops the others; a worker process that
dies (killed, out of memory) fails the jobs it had not finished, which a rerun then completes.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from django.db import InterfaceError, OperationalError, connections

Failure = Callable[[Any, str], None]


def run_jobs(
    job: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    workers: int,
    on_result: Callable[[Any, Any], None],
    on_failure: Failure,
) -> None:
    """Call `job(item)` for every item; `on_result(item, result)` or `on_failure(item, reason)` for each, in the
    parent process, in the order they finish. An unreachable database is raised, not reported per item."""
    items = list(items)
    if workers <= 1:
        for item in items:
            try:
                result = job(item)
            except (OperationalError, InterfaceError):
                raise
            except Exception as error:  # noqa: BLE001 — one item's failure must not stop the rest
                on_failure(item, f"failed ({type(error).__name__}: {error})")
            else:
                on_result(item, result)
        return
    connections.close_all()  # forked workers must not share this process's connection
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start) as pool:
        futures = {pool.submit(job, item): item for item in items}
        for future in as_completed(futures):
            item = futures[future]
            try:
                result = future.result()
            except (OperationalError, InterfaceError):
                for other in futures:
                    other.cancel()
                raise
            except BrokenProcessPool:
                on_failure(item, "failed (a worker process died before finishing it; run the command again)")
            except Exception as error:  # noqa: BLE001
                on_failure(item, f"failed ({type(error).__name__}: {error})")
            else:
                on_result(item, result)


def _worker_start() -> None:
    """In each worker: forget any connection inherited from the parent, so the first query opens its own."""
    for connection in connections.all(initialized_only=True):
        connection.connection = None
