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
(validate hooks, reply -> draft), `writer` (`OpenAISummaryWriter`); clients come from
`summarizer.llm.connect`.
"""

from __future__ import annotations

from summarizer.config import Settings
from summarizer.engines.base import EngineOptions
from summarizer.engines.openai_engine.engine import Estimate, OpenAIEngine, PreparedAsk
from summarizer.engines.openai_engine.writer import OpenAISummaryWriter
from summarizer.llm.connect import open_connection

RECORD_HINT = (
    "regenerate the hand-written cassettes with `make cassettes` (python -m evals.cassettes) after a"
    " change to a prompt, retrieval, the summaries or the ledger, or record a real model:"
    " OPENAI_API_KEY=… summarizer eval --engine openai --record"
)


def build_openai(settings: Settings, options: EngineOptions) -> OpenAIEngine:
    connection = open_connection(settings, "openai", command=options.command, record=options.record)
    return OpenAIEngine("openai", connection.config, connection.connect)


def build_replay(settings: Settings, options: EngineOptions) -> OpenAIEngine:
    connection = open_connection(settings, "replay", command=options.command, record_hint=RECORD_HINT)
    return OpenAIEngine("replay", connection.config, connection.connect, replay=connection.replay)


def build_openai_writer(settings: Settings, options: EngineOptions) -> OpenAISummaryWriter:
    connection = open_connection(settings, "openai", command=options.command, record=options.record)
    connection.config.require_key()  # before any summary work, not after the facts are computed
    return OpenAISummaryWriter("openai", connection.config, connection.connect)


def build_replay_writer(settings: Settings, options: EngineOptions) -> OpenAISummaryWriter:
    connection = open_connection(settings, "replay", command=options.command, record_hint=RECORD_HINT)
    return OpenAISummaryWriter("replay", connection.config, connection.connect, replay=connection.replay)


__all__ = [
    "RECORD_HINT",
    "Estimate",
    "OpenAIEngine",
    "OpenAISummaryWriter",
    "PreparedAsk",
    "build_openai",
    "build_openai_writer",
    "build_replay",
    "build_replay_writer",
]
