"""The one seam every answer engine implements, and the one typed input it receives.

The pipeline plans the question once, computes the ledger's facts once, retrieves once and
reads the cited reports' lines once; it hands all of that to the engine as an `AskContext`.
An engine writes an `Answer` from it and never opens the ledger, the store or a file (an
import-linter contract keeps engines away from them). It never verifies its own citations:
the pipeline passes every answer through the shared verifier, so an engine that invents a
quote loses that citation whatever it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from index.retrieve import Hit
from index.text.lang import Lang
from summarizer.facts.model import Facts
from summarizer.llm.results import Spend
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName

ReportLines = Mapping[int, str]
"""One report's lines as the verifier reads them: original line number -> text."""


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk with a short id an engine (or a model) can cite it by."""

    id: str
    hit: Hit


@dataclass
class AskContext:
    """Everything an engine may use to answer one question."""

    question: str
    plan: QuestionPlan
    passages: list[Passage]
    facts: Facts
    sources: dict[str, ReportLines] = field(default_factory=dict)
    """The lines of every report a passage or a fact cites, keyed by report path."""

    @property
    def lang(self) -> Lang:
        return self.plan.lang

    @property
    def hits(self) -> list[Hit]:
        return [p.hit for p in self.passages]

    def lines_of(self, report: str) -> ReportLines:
        return self.sources.get(report, {})


@dataclass(frozen=True)
class EngineOptions:
    """How a caller wants an engine built, beyond the settings."""

    command: str = "ask"
    """Names the caller in the call log ('ask', 'eval')."""
    record: bool = False
    """openai only: write a cassette for every request the cassettes folder does not hold yet."""


class Engine(Protocol):
    """Turns an `AskContext` into an `Answer` with citations."""

    name: EngineName

    def answer(self, context: AskContext) -> Answer: ...

    def usage(self) -> Spend | None:
        """What the engine's model calls cost so far (None: it makes none)."""
        ...

    def close(self) -> None:
        """Release what the engine holds (an HTTP client, a replay server)."""
        ...
