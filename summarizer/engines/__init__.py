"""Answer engines behind one seam (`base.Engine`), chosen by name from an explicit registry.

local   deterministic and extractive: the ledger's facts and the best-matching report lines
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.config import Settings
from summarizer.engines.base import AskContext, Engine, Passage
from summarizer.errors import ConfigError


def _local(settings: Settings) -> Engine:
    from summarizer.engines.local import LocalEngine

    return LocalEngine()


REGISTRY: dict[str, Callable[[Settings], Engine]] = {"local": _local}


def get_engine(name: str, settings: Settings) -> Engine:
    """The engine called `name`, built from settings; an unknown name is a configuration error."""
    try:
        factory = REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown engine '{name}' (available: {', '.join(sorted(REGISTRY))})") from None
    return factory(settings)


__all__ = ["REGISTRY", "AskContext", "Engine", "Passage", "get_engine"]
