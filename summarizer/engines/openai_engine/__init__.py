"""The LLM engine for `ask` and the LLM summary writer, over any OpenAI-compatible endpoint, and
replay as a mode of both.

openai   `llm_config(settings)`: the configured endpoint and key; replies cached by request hash
         (unless `cache` is off), every attempt in the call log; with `record`, cassettes are
         written for requests the cassettes folder does not hold yet (and nothing is cached, so
         every request reaches the endpoint)
replay   the same engine with its endpoint on a `ReplayServer` started here on 127.0.0.1 over the
         cassettes folder and stopped by `close()`: the real client and code path, offline; no
         response cache (it would hide a cassette change), a miss is a `ReplayMissError`

Modules: `material` (ids, blocks, packing), `grounding` (the validate hook, ids -> citations),
`engine` (`OpenAIEngine`); for summaries `drafting` (fact and register blocks, packing), `checks`
(validate hooks, reply -> draft), `writer` (`OpenAISummaryWriter`).
"""

from __future__ import annotations

from collections.abc import Callable

import httpx2

from summarizer.config import Settings
from summarizer.engines.base import EngineOptions
from summarizer.engines.openai_engine.engine import Estimate, OpenAIEngine, PreparedAsk
from summarizer.engines.openai_engine.writer import OpenAISummaryWriter
from summarizer.errors import ConfigError
from summarizer.llm.cache import ResponseCache
from summarizer.llm.calllog import CALL_LOG_FILE, CallLog
from summarizer.llm.client import ChatClient
from summarizer.llm.config import LLMConfig, llm_config
from summarizer.llm.replay import Recorder, ReplayServer

RECORD_HINT = (
    "regenerate the hand-written cassettes with `make cassettes` (python -m evals.cassettes) after a"
    " change to a prompt, retrieval, the summaries or the ledger, or record a real model:"
    " OPENAI_API_KEY=… summarizer eval --engine openai --record"
)


def _connector(settings: Settings, options: EngineOptions, config: LLMConfig) -> Callable[[], ChatClient]:
    """Builds the client for the real endpoint: cached unless off or recording, every call logged."""

    def connect() -> ChatClient:
        recorder = httpx2.Client(transport=Recorder(settings.cassettes)) if options.record else None
        return ChatClient(
            config,
            cache=ResponseCache(settings.cache_dir, enabled=settings.cache and not options.record),
            call_log=CallLog(settings.home / CALL_LOG_FILE),
            command=options.command,
            engine="openai",
            http_client=recorder,
        )

    return connect


def _replay(
    settings: Settings, options: EngineOptions
) -> tuple[ReplayServer, LLMConfig, Callable[[], ChatClient]]:
    """A replay server over the cassettes folder, and a client for it (no cache: it would hide a miss)."""
    folder = settings.cassettes
    if not folder.is_dir():
        raise ConfigError(
            f"no cassettes folder at {folder}: run from the repository root or set cassettes"
            " (SUMMARIZER_CASSETTES)"
        )
    server = ReplayServer(folder, record_hint=RECORD_HINT).start()
    config = llm_config(settings, replay_url=server.base_url)

    def connect() -> ChatClient:
        return ChatClient(
            config,
            call_log=CallLog(settings.home / CALL_LOG_FILE),
            command=options.command,
            engine="replay",
        )

    return server, config, connect


def build_openai(settings: Settings, options: EngineOptions) -> OpenAIEngine:
    config = llm_config(settings)
    return OpenAIEngine("openai", config, _connector(settings, options, config))


def build_replay(settings: Settings, options: EngineOptions) -> OpenAIEngine:
    server, config, connect = _replay(settings, options)
    return OpenAIEngine("replay", config, connect, replay=server)


def build_openai_writer(settings: Settings, options: EngineOptions) -> OpenAISummaryWriter:
    config = llm_config(settings)
    config.require_key()  # before any summary work, not after the facts are computed
    return OpenAISummaryWriter("openai", config, _connector(settings, options, config))


def build_replay_writer(settings: Settings, options: EngineOptions) -> OpenAISummaryWriter:
    server, config, connect = _replay(settings, options)
    return OpenAISummaryWriter("replay", config, connect, replay=server)


__all__ = [
    "Estimate",
    "OpenAIEngine",
    "OpenAISummaryWriter",
    "PreparedAsk",
    "build_openai",
    "build_openai_writer",
    "build_replay",
    "build_replay_writer",
]
