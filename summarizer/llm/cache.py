"""A disk cache of chat responses keyed by the request hash (`keys.request_key`).

Only replies that were used are stored: the client writes a whole re-ask chain once its last
reply validated, so errors, refusals, truncations and failed chains are never cached and the
next run asks again. `enabled=False` (the `--no-cache` switch) opens nothing and stores nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.llm.results import Usage

CACHE_FILE = "llm-cache.sqlite"


@dataclass(frozen=True)
class CachedResponse:
    key: str
    model: str
    prompt_ident: str
    response: dict[str, Any]  # the full chat.completion JSON
    usage: Usage


class ResponseCache:
    """SQLite under `directory`; safe to share between threads of one process."""

    def __init__(self, directory: Path, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.path = directory / CACHE_FILE
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if enabled:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, prompt TEXT,"
                " response TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, created TEXT)"
            )

    def get(self, key: str) -> CachedResponse | None:
        if self._db is None:
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT model, prompt, response, prompt_tokens, completion_tokens FROM responses WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        model, prompt, response, prompt_tokens, completion_tokens = row
        return CachedResponse(
            key, model, prompt, json.loads(response), Usage(prompt_tokens, completion_tokens)
        )

    def put(self, entry: CachedResponse) -> None:
        if self._db is None:
            return
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.key,
                    entry.model,
                    entry.prompt_ident,
                    json.dumps(entry.response, ensure_ascii=False),
                    entry.usage.prompt_tokens,
                    entry.usage.completion_tokens,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )

    def __len__(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM responses").fetchone()
        return int(count)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
