"""A function run over items in spawned worker processes, results in the items' order.

Spawned, not forked: the parent holds threads (Chroma's, the embedder's) and open databases that
a forked child would inherit half-locked. A spawned child imports the parent's main module again
before it works, which would run a script with no `if __name__ == "__main__":` guard a second
time in every worker (an ingest waiting forever on the writer lock its parent holds) and cannot
work at all for a program read from stdin; so the workers start with that module hidden: they
run only functions importable by name, which is all they need.
"""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def in_workers(
    work: Callable[[T], R], items: Iterable[T], workers: int, chunksize: int = 1
) -> Generator[R, None, None]:
    """`work(item)` of every item, computed by `workers` processes, yielded in the items' order.
    `work` must be a module-level function; an exception of one item is raised where it is
    yielded, and a worker that dies raises `BrokenProcessPool` there. Closing the generator early
    cancels what no worker has started."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        with _main_hidden():
            results = pool.map(work, items, chunksize=chunksize)  # submits every item: the workers start here
        yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _main_hidden() -> Iterator[None]:
    """The main module replaced by an empty one while workers start, so none imports it again."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
