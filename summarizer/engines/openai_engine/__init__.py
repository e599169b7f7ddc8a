"""The LLM engine for `ask`, over any OpenAI-compatible endpoint, and replay as a mode of it.

openai   `llm_config(settings)`: the configured endpoint and key; replies cached by request hash
         (unless `cache` is off), every attempt in the call log; with `record`, cassettes are
         written for requests the cassettes folder does not hold yet (and nothing is cached, so
         every request reaches the endpoint)
replay   the same engine with its endpoint on a `ReplayServer` started here on 127.0.0.1 over the
         cassettes folder and stopped by `close()`: the real client and code path, offline; no
         response cache (it would hide a cassette change), a miss is a `ReplayMissError`

Modules: `material` (ids, blocks, packing), `grounding` (the validate hook, ids -> citations),
`engine` (`OpenAIEngine`).
"""

from __future__ import annotations

import httpx2

from summarizer.config import Settings
from summarizer.engines.base import EngineOptions
from summarizer.engines.openai_engine.engine import Estimate, OpenAIEngine, PreparedAsk
from summarizer.errors import ConfigError
from summarizer.llm.cache import ResponseCache
from summarizer.llm.calllog import CALL_LOG_FILE, CallLog
from summarizer.llm.client import ChatClient
from summarizer.llm.config import llm_config
from summarizer.llm.replay import Recorder, ReplayServer

RECORD_HINT = (
    "regenerate the hand-written cassettes with `python -m evals.cassettes` after a prompt, retrieval"
    " or ledger change, or record a real model: OPENAI_API_KEY=… summarizer eval --engine openai --record"
)


def build_openai(settings: Settings, options: EngineOptions) -> OpenAIEngine:
    config = llm_config(settings)

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

    return OpenAIEngine("openai", config, connect)


def build_replay(settings: Settings, options: EngineOptions) -> OpenAIEngine:
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

    return OpenAIEngine("replay", config, connect, replay=server)


__all__ = ["Estimate", "OpenAIEngine", "PreparedAsk", "build_openai", "build_replay"]
