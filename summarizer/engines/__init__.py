"""Answer engines behind one seam (`base.Engine`), chosen by name from an explicit registry.

local    deterministic and extractive: the ledger's facts and the best-matching report lines
openai   any OpenAI-compatible endpoint: the model writes from the same facts and passages
replay   the openai engine against a local server that answers from recorded cassettes
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.config import Settings
from summarizer.engines.base import AskContext, Engine, EngineOptions, Passage
from summarizer.errors import ConfigError


def _local(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.local import LocalEngine

    return LocalEngine()


def _openai(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.openai_engine import build_openai

    return build_openai(settings, options)


def _replay(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.openai_engine import build_replay

    return build_replay(settings, options)


REGISTRY: dict[str, Callable[[Settings, EngineOptions], Engine]] = {
    "local": _local,
    "openai": _openai,
    "replay": _replay,
}


def get_engine(name: str, settings: Settings, options: EngineOptions | None = None) -> Engine:
    """The engine called `name`, built from settings; an unknown name is a configuration error."""
    try:
        factory = REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown engine '{name}' (available: {', '.join(sorted(REGISTRY))})") from None
    return factory(settings, options or EngineOptions())


__all__ = ["REGISTRY", "AskContext", "Engine", "EngineOptions", "Passage", "get_engine"]
