"""The API key travels in the Authorization header and nowhere else we write."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx2
import pytest

from summarizer.llm.cache import ResponseCache
from summarizer.llm.calllog import CallLog
from summarizer.llm.client import ChatClient
from summarizer.llm.errors import AuthError, InvalidOutputError
from summarizer.llm.replay import Recorder

from .conftest import config
from .data import FAKE_KEY, MESSAGES, PROMPT, VALID, Progress
from .fakes import StartServer, error, ok


def assert_no_key(path: Path) -> None:
    data = path.read_bytes()
    assert data, f"{path} is empty: the check would prove nothing"
    assert FAKE_KEY.encode() not in data and b"SECRET-1234567890" not in data, path


def test_the_key_is_in_no_log_cache_cassette_or_error(
    server, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the SDK's and httpx2's included
    endpoint = server(
        error(429, "slow", headers={"retry-after-ms": "1"}),
        ok("not json"),
        ok(VALID),
        error(401, f"Incorrect API key provided: {FAKE_KEY}"),
    )
    cassettes = tmp_path / "cassettes"
    client = ChatClient(
        config(endpoint.base_url),
        cache=ResponseCache(tmp_path / "cache"),
        call_log=CallLog(tmp_path / "calls.sqlite", store_prompts=True),  # even with prompts stored
        http_client=httpx2.Client(transport=Recorder(cassettes)),
        command="ask",
    )
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    client.structured(MESSAGES, Progress, prompt_ident=PROMPT)  # from the cache
    with pytest.raises(AuthError) as denied:
        client.structured([MESSAGES[1]], Progress, prompt_ident=PROMPT)
    client.close()

    assert endpoint.received[0].headers["authorization"] == f"Bearer {FAKE_KEY}"  # it was sent
    for path in [
        tmp_path / "calls.sqlite",
        tmp_path / "cache" / "llm-cache.sqlite",
        *cassettes.glob("*.jsonl"),
    ]:
        assert_no_key(path)
    assert len(list(cassettes.glob("*.jsonl"))) == 1
    assert caplog.records and FAKE_KEY not in caplog.text
    assert FAKE_KEY not in str(denied.value) and FAKE_KEY not in repr(client.config)


def test_the_recorder_scrubs_a_key_that_a_server_echoes(server: StartServer, tmp_path: Path) -> None:
    """Cassettes get committed, so they get a last guard the other stores do not need."""
    endpoint = server(ok(f"your key is {FAKE_KEY}"))
    client = ChatClient(
        config(endpoint.base_url, max_reasks=0),
        http_client=httpx2.Client(transport=Recorder(tmp_path)),
    )
    with pytest.raises(InvalidOutputError):
        client.structured(MESSAGES, Progress, prompt_ident=PROMPT)
    client.close()
    assert_no_key(tmp_path / "ask.jsonl")
    assert "your key is [redacted]" in (tmp_path / "ask.jsonl").read_text(encoding="utf-8")
