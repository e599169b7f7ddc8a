"""Fixtures for the LLM client tests: a fault server, a config pointing at it, a client factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from summarizer.llm.cache import ResponseCache
from summarizer.llm.calllog import CallLog
from summarizer.llm.client import ChatClient
from summarizer.llm.config import LLMConfig

from .data import FAKE_KEY
from .fakes import FaultServer


def config(base_url: str, **overrides: Any) -> LLMConfig:
    values: dict[str, Any] = {"base_url": base_url, "api_key": SecretStr(FAKE_KEY), "timeout": 5.0}
    return LLMConfig(**{**values, **overrides})


BuildClient = Callable[..., ChatClient]
"""The `client_for` fixture: a `ChatClient` for a base URL, with config overrides."""


@pytest.fixture
def server() -> Iterator[Callable[..., FaultServer]]:
    """Start a `FaultServer` with a script; every server started is stopped after the test."""
    started: list[FaultServer] = []

    def start(*script: Any) -> FaultServer:
        fault = FaultServer(*script).start()
        started.append(fault)
        return fault

    yield start
    for fault in started:
        fault.stop()


@pytest.fixture
def client_for(tmp_path: Path) -> Iterator[Callable[..., ChatClient]]:
    """Build a `ChatClient` for a server; `cache=True` / `log=True` put them under tmp_path."""
    clients: list[ChatClient] = []

    def build(base_url: str, *, cache: bool = False, log: bool = False, **overrides: Any) -> ChatClient:
        client = ChatClient(
            config(base_url, **overrides),
            cache=ResponseCache(tmp_path / "cache") if cache else None,
            call_log=CallLog(tmp_path / "calls.sqlite") if log else None,
            command="ask",
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()
