"""Check many promises: in this process, or on several cores (issue 7).

Results come back in the order the promises were given, whatever order the workers
finish in, so the report of a parallel run is byte-identical to a sequential one.
A promise whose input is broken gives its problems instead of a result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from loften.activities.model import MAX_BYTES
from loften.engine.check import check_promise
from loften.errors import LoftenError, Problem
from loften.results import PromiseResult

Outcome = PromiseResult | tuple[Problem, ...]
"""A promise's result, or the problems of its input."""

#: Below this many promises a second process costs more than it saves.
PARALLEL_FROM = 4

#: Below this many bytes of logs in all, likewise: a worker takes a tenth of a second
#: to start and to send its results back, and small logs are read in less.
PARALLEL_BYTES = 16 * 1024 * 1024


def default_jobs(count: int, log_bytes: int) -> int:
    """Processes worth starting for ``count`` promises whose logs hold ``log_bytes``:
    every core when there are enough promises and enough to read, else one."""
    if count < PARALLEL_FROM or log_bytes < PARALLEL_BYTES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, count))


def check_each(
    paths: Sequence[Path],
    *,
    as_of: date,
    cwd: Path,
    jobs: int = 1,
    max_bytes: int = MAX_BYTES,
    with_notes: bool = False,
    done: Callable[[Path], None] | None = None,
    started: Callable[[], None] | None = None,
) -> list[Outcome]:
    """Every promise's outcome, in the order of ``paths``; ``done`` hears of each one.

    ``started`` is called once the work is under way (after the worker processes are
    forked, so a caller may start threads of its own then).
    """
    results: list[Outcome | None] = [None] * len(paths)
    begun = False
    if jobs > 1 and len(paths) > 1:
        try:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures: dict[Future[Outcome], int] = {
                    pool.submit(_one, path, as_of, cwd, max_bytes, with_notes): i
                    for i, path in enumerate(paths)
                }
                if started is not None:
                    started()
                begun = True
                for future in as_completed(futures):
                    i = futures[future]
                    results[i] = future.result()
                    if done is not None:
                        done(paths[i])
        except (OSError, BrokenProcessPool):
            # No worker processes here (no shared memory for their locks), or one was
            # killed (out of memory): this process checks what is left, below.
            pass
    if not begun and started is not None:
        started()
    for i, path in enumerate(paths):  # all of them in one process, or what is left
        if results[i] is None:
            results[i] = _one(path, as_of, cwd, max_bytes, with_notes)
            if done is not None:
                done(path)
    return [r for r in results if r is not None]


def _one(path: Path, as_of: date, cwd: Path, max_bytes: int, with_notes: bool) -> Outcome:
    try:
        return check_promise(path, as_of=as_of, cwd=cwd, max_bytes=max_bytes, with_notes=with_notes)
    except LoftenError as err:
        return tuple(err.problems)
