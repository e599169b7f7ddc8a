"""What was published where: a small SQLite log in the data directory, so a scheduled run sends
each digest to each target once, and a failed send is kept and retried, never dropped.

Key = target + series + edition, where the edition is the report week ("2024-W47": one digest
per week, however often the summary is recomputed) or the digest's content hash (a corrected
digest goes out again). A failed publish stays `failed` with its message until a later run
delivers it. One writer per data directory, as for the rest of the index.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from summarizer.errors import StoreError
from summarizer.publish.base import PublishResult
from summarizer.publish.message import DigestMessage

FILE_NAME = "publish.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS published (
    target      TEXT NOT NULL,
    series      TEXT NOT NULL,
    edition     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    runs        INTEGER NOT NULL,
    attempts    INTEGER NOT NULL,
    http_status INTEGER,
    error       TEXT,
    message     TEXT,
    first_at    TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (target, series, edition)
)
"""


@dataclass(frozen=True)
class PublishKey:
    """One digest edition on one target."""

    target: str
    series: str
    edition: str

    @classmethod
    def for_message(
        cls, target: str, series: str, message: DigestMessage, week: str | None = None
    ) -> PublishKey:
        """Keyed by `week` when given (once per week), else by the message's content hash."""
        return cls(target, series, week or f"sha256:{message.content_hash()}")

    def __str__(self) -> str:
        return f"{self.target}/{self.series}/{self.edition}"


@dataclass(frozen=True)
class LogEntry:
    key: PublishKey
    ok: bool
    runs: int  # publish runs that tried this edition
    attempts: int  # HTTP requests of the latest run
    error: str | None
    message: DigestMessage | None  # kept so a failed edition can be re-sent later
    updated_at: str


class PublishLog:
    """`<data dir>/publish.sqlite`; use as a context manager or call `close()`."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / FILE_NAME
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the publish log {self.path}: {exc}") from exc

    def already_published(self, key: PublishKey) -> bool:
        """True only when this edition was delivered; failed editions are due again."""
        row = self._db.execute(
            "SELECT status FROM published WHERE target=? AND series=? AND edition=?",
            (key.target, key.series, key.edition),
        ).fetchone()
        return row is not None and row[0] == "ok"

    def record(self, key: PublishKey, result: PublishResult, message: DigestMessage | None = None) -> None:
        """Remember a publish outcome. A success is final; a failure keeps the message for a retry."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:  # one transaction
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                """
                INSERT INTO published (target, series, edition, status, runs, attempts, http_status,
                                       error, message, first_at, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (target, series, edition) DO UPDATE SET
                    status = excluded.status,
                    runs = runs + 1,
                    attempts = excluded.attempts,
                    http_status = excluded.http_status,
                    error = excluded.error,
                    message = COALESCE(excluded.message, message),
                    updated_at = excluded.updated_at
                """,
                (
                    key.target,
                    key.series,
                    key.edition,
                    "ok" if result.ok else "failed",
                    result.attempts,
                    result.status,
                    result.error,
                    message.model_dump_json() if message is not None else None,
                    now,
                    now,
                ),
            )

    def get(self, key: PublishKey) -> LogEntry | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM published WHERE target=? AND series=? AND edition=?",
            (key.target, key.series, key.edition),
        ).fetchone()
        return _entry(row) if row else None

    def failed(self, target: str | None = None) -> list[LogEntry]:
        """Editions still waiting to be delivered, oldest first."""
        query = f"SELECT {_COLUMNS} FROM published WHERE status='failed'"
        params: tuple[str, ...] = ()
        if target is not None:
            query += " AND target=?"
            params = (target,)
        rows = self._db.execute(query + " ORDER BY first_at, target, series, edition", params).fetchall()
        return [_entry(row) for row in rows]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PublishLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PublishLog({str(self.path)!r})"


_COLUMNS = "target, series, edition, status, runs, attempts, error, message, updated_at"


def _entry(row: tuple[str, str, str, str, int, int, str | None, str | None, str]) -> LogEntry:
    target, series, edition, status, runs, attempts, error, message, updated_at = row
    return LogEntry(
        key=PublishKey(target, series, edition),
        ok=status == "ok",
        runs=runs,
        attempts=attempts,
        error=error,
        message=DigestMessage.model_validate_json(message) if message else None,
        updated_at=updated_at,
    )
