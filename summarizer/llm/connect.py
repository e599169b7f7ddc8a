"""One place that turns settings and an engine name into a `ChatClient` factory.

openai   the configured endpoint and key (`llm_config`); replies cached by request hash unless
         `cache` is off or the run records; every attempt in the call log; with `record`, a
         cassette is written for each request the cassettes folder lacks
replay   a `ReplayServer` started here on 127.0.0.1 over the cassettes folder, no response cache
         (it would hide a cassette change), a miss is a `ReplayMissError`

`ask` (the openai engine) and `ingest --extract` (summarizer/extraction) both connect here, so
the two cannot drift in how they reach a model, cache or log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import httpx2

from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.llm.cache import ResponseCache
from summarizer.llm.calllog import CALL_LOG_FILE, CallLog
from summarizer.llm.client import ChatClient
from summarizer.llm.config import LLMConfig, llm_config
from summarizer.llm.replay import DEFAULT_RECORD_HINT, Recorder, ReplayServer
from summarizer.llm.results import Spend

LLMEngine = Literal["openai", "replay"]


@dataclass
class Connection:
    """How to reach one model endpoint: its config, a client factory, and the replay server behind it."""

    name: LLMEngine
    config: LLMConfig
    connect: Callable[[], ChatClient]
    replay: ReplayServer | None = None

    def close(self) -> None:
        if self.replay is not None:
            self.replay.stop()


def open_connection(
    settings: Settings,
    name: LLMEngine,
    *,
    command: str,
    record: bool = False,
    record_hint: str = DEFAULT_RECORD_HINT,
) -> Connection:
    """A connection for `name`; replay starts its server now (stopped by `close()`)."""
    if name == "replay":
        folder = settings.cassettes
        if not folder.is_dir():
            raise ConfigError(
                f"no cassettes folder at {folder}: run from the repository root or set cassettes"
                " (SUMMARIZER_CASSETTES)"
            )
        server = ReplayServer(folder, record_hint=record_hint).start()
        replay_config = llm_config(settings, replay_url=server.base_url)

        def replay_client() -> ChatClient:
            return ChatClient(
                replay_config,
                call_log=CallLog(settings.home / CALL_LOG_FILE),
                command=command,
                engine="replay",
            )

        return Connection(name, replay_config, replay_client, server)
    config = llm_config(settings)

    def client() -> ChatClient:
        recorder = httpx2.Client(transport=Recorder(settings.cassettes)) if record else None
        return ChatClient(
            config,
            cache=ResponseCache(settings.cache_dir, enabled=settings.cache and not record),
            call_log=CallLog(settings.home / CALL_LOG_FILE),
            command=command,
            engine="openai",
            http_client=recorder,
        )

    return Connection(name, config, client)


class LazyClient:
    """The `ChatClient` lifecycle every model user shares (the ask engine, the summary writer,
    extraction): built on first use, so a command that never reaches the model opens no
    connection; what it spent readable before and after; closed with the replay server behind it.
    """

    def __init__(self, connect: Callable[[], ChatClient], replay: ReplayServer | None = None) -> None:
        self._connect = connect
        self.replay = replay
        self._client: ChatClient | None = None
        self._spent = Spend()

    @property
    def client(self) -> ChatClient:
        if self._client is None:
            self._client = self._connect()
            self._spent = self._client.spend
        return self._client

    def usage(self) -> Spend:
        """Every attempt so far, cache hits included (nothing before the first call)."""
        return self._spent

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self.replay is not None:
            self.replay.stop()
