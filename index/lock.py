"""One writer at a time per data directory.

Chroma's embedded client is not safe for concurrent writers on one path (a second opener can hang
for minutes, chroma#7040), and the ledger is rebuilt per report; a file lock serialises both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from index.errors import IndexBusyError


@contextmanager
def writer_lock(home: Path, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the data directory's writer lock; wait (telling the user) or fail fast with `wait=False`."""
    home.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(home / "writer.lock"))
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
    try:
        yield
    finally:
        lock.release()
