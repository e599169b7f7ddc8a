"""Readers share, writers exclude: the order between processes that read an embedded Chroma store
and the one ingest that writes it.

An embedded Chroma reader keeps its own copy of the HNSW index in memory, loaded when it first
reads; another process's writes reach the shared SQLite metadata at once but never that copy. A
read during or after a write then names chunks its copy does not hold ("Error finding id", 7 of
10 asks during an ingest in FACTS.md) or returns chunks already deleted (metadata None). So:

- the writer holds the gate exclusively around each group of writes (one report's replace or
  removal: milliseconds; embedding happens outside) and bumps the gate's generation after it;
- a reader holds it shared around each read and, when the generation moved since its copy was
  loaded, reopens the store first, exclusively (the reopen replays Chroma's log, which writes).

`fcntl.flock` on `<data dir>/store.lock` (the file holds the generation). Each acquisition opens
its own descriptor, so threads of one process order among themselves the same way. A read-only
data directory without the file has no writer to order with: the gate then does nothing.
Without `fcntl` (Windows) the gate does nothing either: use a Chroma server there.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_WIDTH = 20


class StoreGate:
    """The cross-process reader/writer lock of one data directory, with a write generation."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Writers queue here first, so a steady stream of readers cannot starve them: a reader
        # passes through it (shared, released at once) and waits while a writer is queued.
        self.turnstile = path.with_name(path.name + ".writer")
        # What this thread holds: a second acquisition on another descriptor would wait for a
        # writer queued behind the first one, which waits for the first one: a deadlock.
        self._held = threading.local()

    def held(self) -> str | None:
        """'shared' or 'exclusive' when this thread holds the gate, else None."""
        return getattr(self._held, "mode", None)

    def _open(self, path: Path | None = None) -> tuple[int, bool] | None:
        """(descriptor, writable); None without fcntl, or in a read-only directory without the file."""
        if fcntl is None:
            return None
        path = path or self.path
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o644), True
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
                raise
        try:
            return os.open(path, os.O_RDONLY), False  # a read-only data directory: share only
        except FileNotFoundError:
            return None

    def _pass_turnstile(self) -> None:
        opened = self._open(self.turnstile)
        if opened is not None:
            fcntl.flock(opened[0], fcntl.LOCK_SH)
            os.close(opened[0])

    @contextmanager
    def shared(self) -> Iterator[int]:
        """Hold the gate shared; yields the current generation (0 when there is no gate).
        Reentrant: inside a hold of this thread (shared or exclusive) it holds nothing more."""
        if self.held():
            yield self._held.generation
            return
        opened = self._open()
        if opened is None:
            yield 0
            return
        fd, _ = opened
        try:
            self._pass_turnstile()
            fcntl.flock(fd, fcntl.LOCK_SH)
            self._held.mode, self._held.generation = "shared", _read(fd)
            yield self._held.generation
        finally:
            self._held.mode = None
            os.close(fd)  # releases the lock

    @contextmanager
    def exclusive(self, bump: bool = False) -> Iterator[int]:
        """Hold the gate exclusively; yields the generation. With `bump`, the generation moves on
        when the block ends, even by an exception (a half-done write group is a change too).
        Not from inside a shared hold of this thread (that would wait for itself)."""
        if self.held() == "shared":
            raise RuntimeError("the store gate is held shared by this thread; it cannot be taken exclusively")
        if self.held() == "exclusive":
            yield self._held.generation
            return
        opened = self._open()
        if opened is None:
            yield 0
            return
        fd, writable = opened
        queued = self._open(self.turnstile)
        try:
            if queued is not None:
                fcntl.flock(queued[0], fcntl.LOCK_EX)  # new readers now wait behind us
            fcntl.flock(fd, fcntl.LOCK_EX)
            generation = _read(fd)
            self._held.mode, self._held.generation = "exclusive", generation
            try:
                yield generation
            finally:
                if bump and writable:
                    _write(fd, generation + 1)
        finally:
            self._held.mode = None
            os.close(fd)
            if queued is not None:
                os.close(queued[0])

    def generation(self) -> int:
        with self.shared() as generation:
            return generation


def _read(fd: int) -> int:
    raw = os.pread(fd, _WIDTH, 0).strip()
    return int(raw) if raw.isdigit() else 0


def _write(fd: int, value: int) -> None:
    os.pwrite(fd, str(value).rjust(_WIDTH).encode(), 0)
