"""Every model call in SQLite, for `summarizer logs [--json]`: tokens, latency, cache, outcome, cost.

Never the key. Prompt text only when the log is opened with `store_prompts=True`; otherwise a
hash of the messages and the prompt ident, which name the template, its version and its hash.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

CALL_LOG_FILE = "llm-calls.sqlite"

_COLUMNS = (
    "at",
    "command",
    "prompt_ident",
    "model",
    "engine",
    "request_key",
    "prompt_tokens",
    "completion_tokens",
    "latency_ms",
    "cache_hit",
    "outcome",
    "cost_usd",
    "messages_hash",
    "messages",
)


class CallRecord(BaseModel):
    """One HTTP call or cache hit of the chat client."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: datetime = Field(default_factory=lambda: datetime.now(UTC), description="When the call ended (UTC).")
    command: str = Field(description="The command that made the call ('ask', 'eval', ...).")
    prompt_ident: str = Field(description="Prompt name, version and template hash: 'ask@v1#…'.")
    model: str
    engine: str = Field(description="'openai' or 'replay'.")
    request_key: str = Field(description="sha256 of the request; names it in the cache and cassettes.")
    prompt_tokens: int = Field(
        default=0,
        description="As the server reported them (for a cache hit, the reused reply's); 0 on errors.",
    )
    completion_tokens: int = 0
    latency_ms: float = 0.0
    cache_hit: bool = False
    outcome: str = Field(
        description="ok, reask (invalid, asked again), invalid (gave up), kept (the last reply, with"
        " problems the caller repairs), refusal, truncated, content_filter, or the error class name."
    )
    cost_usd: float | None = Field(
        default=None, description="Estimate from the price table; 0 for a cache hit; None if unknown."
    )
    messages_hash: str = Field(description="sha256 of the messages sent.")
    messages: str | None = Field(default=None, description="The messages as JSON, only with store_prompts.")


class CallTotals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    calls: int
    cache_hits: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    by_outcome: dict[str, int]


class CallLog:
    def __init__(self, path: Path, *, store_prompts: bool = False) -> None:
        self.path = path
        self.store_prompts = store_prompts
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS calls (at TEXT, command TEXT, prompt_ident TEXT, model TEXT,"
            " engine TEXT, request_key TEXT, prompt_tokens INTEGER, completion_tokens INTEGER,"
            " latency_ms REAL, cache_hit INTEGER, outcome TEXT, cost_usd REAL, messages_hash TEXT,"
            " messages TEXT)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS calls_at ON calls (at)")

    def record(self, record: CallRecord, messages: list[dict[str, Any]] | None = None) -> None:
        """Store one call; `messages` are kept only when the log stores prompts."""
        if self.store_prompts and messages is not None:
            record = record.model_copy(update={"messages": json.dumps(messages, ensure_ascii=False)})
        elif not self.store_prompts:
            record = record.model_copy(update={"messages": None})
        row = record.model_dump()
        row["at"] = record.at.astimezone(UTC).isoformat(timespec="milliseconds")
        row["cache_hit"] = int(record.cache_hit)
        with self._lock, self._db:
            self._db.execute(
                f"INSERT INTO calls ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [row[name] for name in _COLUMNS],
            )

    def recent(self, limit: int = 20) -> list[CallRecord]:
        """The latest calls, newest first."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM calls ORDER BY at DESC, rowid DESC LIMIT ?", (limit,)
            ).fetchall()
        return [CallRecord(**dict(zip(_COLUMNS, row, strict=True))) for row in rows]

    def totals(self, since: datetime | None = None) -> CallTotals:
        """Sums over the calls at or after `since` (all without it); tokens and cost of billed calls only.

        A cache hit is logged with the usage of the reply it reused but costs nothing, so it is
        counted in `calls` and `cache_hits` and left out of the token and cost sums.
        """
        where, params = (
            ("WHERE at >= ?", [since.astimezone(UTC).isoformat(timespec="milliseconds")])
            if since
            else ("", [])
        )
        with self._lock:
            calls, hits, tokens_in, tokens_out, spent = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(cache_hit), 0),"
                " COALESCE(SUM(CASE WHEN cache_hit = 0 THEN prompt_tokens END), 0),"
                " COALESCE(SUM(CASE WHEN cache_hit = 0 THEN completion_tokens END), 0),"
                f" COALESCE(SUM(CASE WHEN cache_hit = 0 THEN cost_usd END), 0) FROM calls {where}",
                params,
            ).fetchone()
            outcomes = self._db.execute(
                f"SELECT outcome, COUNT(*) FROM calls {where} GROUP BY outcome ORDER BY outcome", params
            ).fetchall()
        return CallTotals(
            calls=calls,
            cache_hits=hits,
            prompt_tokens=tokens_in,
            completion_tokens=tokens_out,
            cost_usd=float(spent),
            by_outcome=dict(outcomes),
        )

    def close(self) -> None:
        self._db.close()
