"""What went wrong with the data directory or the store, as one `StoreError` subclass and one line.

Chroma, SQLite, httpx and the OS each say "read-only", "disk full" and "server gone" their own
way; a user needs one sentence and an exit code (README: exit codes), not a traceback.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from index.errors import DiskFullError, ReadOnlyError, StoreError

_READ_ONLY = (
    "readonly database",
    "read-only file system",
    "permission denied",
    "attempt to write a readonly",
)
_DISK_FULL = ("database or disk is full", "no space left on device")
# chromadb's embedded store reports a full disk as a failed log application.
_MAYBE_FULL = ("failed to apply logs",)
_UNREACHABLE = (
    "could not connect to a chroma server",
    "connection refused",
    "server disconnected",
    "remoteprotocolerror",
    "connecterror",
    "readtimeout",
    "connection reset",
)
# Free space below which a write failure that does not name its cause is taken for a full disk.
LOW_SPACE_BYTES = 64 * 1024 * 1024


def store_failure(exc: BaseException, doing: str, where: str | Path, path: Path | None = None) -> StoreError:
    """`exc` as the error a user can act on. `doing` is a verb phrase ("write the ledger"),
    `where` what it was done to, `path` the local directory whose disk to check (None: remote)."""
    if isinstance(exc, StoreError):
        return exc
    text = f"{type(exc).__name__}: {exc}".lower()
    code = getattr(exc, "errno", None)
    if (
        code == errno.ENOSPC
        or any(s in text for s in _DISK_FULL)
        or (any(s in text for s in _MAYBE_FULL) and path is not None and _low_space(path))
    ):
        return DiskFullError(f"cannot {doing} at {where}: the disk is full (free some space and re-run)")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or any(s in text for s in _READ_ONLY):
        return ReadOnlyError(
            f"cannot {doing} at {where}: the data directory is read-only or not writable by this user"
            " (reading commands still work)"
        )
    if path is None and any(s in text for s in _UNREACHABLE):
        return StoreError(
            f"cannot {doing}: the Chroma server at {where} is not reachable ({_first_line(exc)})"
        )
    return StoreError(f"cannot {doing} at {where}: {_first_line(exc)}")


def _low_space(path: Path) -> bool:
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free < LOW_SPACE_BYTES
        except OSError:
            continue
    return False


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return line if len(line) <= 200 else line[:199] + "…"
