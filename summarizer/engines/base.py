"""The one interface every answer engine implements (local now; openai and replay later).

An engine receives the question, its plan, the retrieved passages and the ledger, and returns
an `Answer`. It never verifies its own citations: the pipeline passes every answer through the
shared `Verifier`, so an engine that invents a quote loses that citation whatever it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from index.retrieve import Hit
    from summarizer.plan import QuestionPlan
    from summarizer.schemas import Answer, EngineName


class Engine(Protocol):
    """Turns (question, plan, passages, ledger) into an `Answer` with citations."""

    name: EngineName

    def answer(self, question: str, plan: QuestionPlan, hits: list[Hit], ledger: Any | None) -> Answer: ...


def get_engine(name: str) -> Engine:
    """The engine called `name`; unknown names are a configuration error (exit 2)."""
    from index.errors import ConfigError

    if name == "local":
        from summarizer.engines.local import LocalEngine

        return LocalEngine()
    try:
        module = __import__(f"summarizer.engines.{name}", fromlist=["make_engine"])
    except ModuleNotFoundError:
        raise ConfigError(f"unknown or unavailable engine '{name}' (available: local)") from None
    engine: Engine = module.make_engine()
    return engine
