"""The response cache and the call log on their own."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from summarizer.llm.cache import CACHE_FILE, CachedResponse, ResponseCache
from summarizer.llm.calllog import CallLog, CallRecord
from summarizer.llm.results import Usage

from .data import MESSAGES, PROMPT, completion


def test_cache_round_trip_and_disabled_cache(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    entry = CachedResponse("k" * 64, "gpt-4o-mini", PROMPT, completion("{}"), Usage(10, 2))
    cache.put(entry)
    assert cache.get("k" * 64) == entry and cache.get("x" * 64) is None and len(cache) == 1
    cache.close()
    assert ResponseCache(tmp_path).get("k" * 64) == entry  # on disk
    off = ResponseCache(tmp_path / "off", enabled=False)
    off.put(entry)
    assert off.get("k" * 64) is None and not (tmp_path / "off" / CACHE_FILE).exists()


def test_call_log_recent_totals_since_and_stored_prompts(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.sqlite", store_prompts=True)
    old = datetime.now(UTC) - timedelta(days=3)
    base: dict[str, Any] = {
        "command": "ask",
        "prompt_ident": PROMPT,
        "model": "m",
        "engine": "replay",
        "messages_hash": "h",
    }
    log.record(CallRecord(at=old, request_key="a", outcome="ok", prompt_tokens=5, **base), MESSAGES)
    log.record(
        CallRecord(request_key="b", outcome="truncated", prompt_tokens=7, cost_usd=0.5, **base), MESSAGES
    )
    assert [r.request_key for r in log.recent(5)] == ["b", "a"]
    assert log.recent(1)[0].messages == json.dumps(MESSAGES, ensure_ascii=False)
    assert log.totals().calls == 2
    recent = log.totals(since=datetime.now(UTC) - timedelta(days=1))
    assert (recent.calls, recent.prompt_tokens, recent.cost_usd, recent.by_outcome) == (
        1,
        7,
        0.5,
        {"truncated": 1},
    )
    assert json.loads(log.recent(1)[0].model_dump_json())["outcome"] == "truncated"  # `logs --json`
