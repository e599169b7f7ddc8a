"""One writer at a time per data directory.

Chroma's embedded client is not safe for concurrent writers on one path (a second opener can hang
for minutes, chroma#7040), and the ledger is rebuilt per report; a file lock serialises both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from index.errors import IndexBusyError, SummarizerError
from index.failures import store_failure


@contextmanager
def writer_lock(home: Path, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the data directory's writer lock; wait (telling the user) or fail fast with `wait=False`.

    A data directory this user cannot write is a `ReadOnlyError` here, before any work: one line,
    and reading commands keep working on it.
    """
    lock = _lock(home)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise IndexBusyError(
                f"another ingest is writing to {home}; try again later or drop --no-wait to wait"
            ) from None
        if on_wait:
            on_wait()
        lock.acquire()
    except OSError as exc:
        raise store_failure(exc, "lock the data directory for writing", home, home) from exc
    try:
        yield
    finally:
        lock.release()


@contextmanager
def writer_lock_if_free(home: Path) -> Iterator[bool]:
    """The writer lock when nobody holds it and the directory is writable (yields True), else
    yields False at once: for readers that would like to save what they rebuilt, never wait."""
    try:
        lock = _lock(home)
        lock.acquire(timeout=0)
    except (Timeout, OSError, SummarizerError):
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def writer_busy(home: Path) -> bool:
    """True while another process holds the writer lock (an ingest is under way)."""
    with writer_lock_if_free(home) as free:
        return not free and (home / "writer.lock").exists() and os.access(home, os.W_OK)


def _lock(home: Path) -> FileLock:
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_failure(exc, "create the data directory", home, home) from exc
    return FileLock(str(home / "writer.lock"))
