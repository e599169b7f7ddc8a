"""The seam summary writers implement: facts of a week, a period or a register in, a draft out.

The pipeline computes the facts once (engine-independent, `summarizer.summaries`) and verifies
them; a writer only chooses and words the headline and the highlights, citing facts by id. The
local writer is deterministic; an LLM writer plugs in with one prompt file (`prompts/summary.md`,
`rollup.md`, `risks.md`) and the draft schemas in `summarizer.summaries.draft` as its strict
output schema, and is registered in `WRITERS` like the answer engines in `REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.schemas import EngineName
from summarizer.summaries.draft import RiskDraft, SummaryDraft
from summarizer.summaries.inputs import RiskFacts, RollupFacts, WeekFacts


class SummaryWriter(Protocol):
    """Writes the headline and highlights of summaries, roll-ups and registers."""

    name: EngineName
    version: str
    """Part of every cache key: a new version re-writes cached weekly summaries."""

    def summary(self, facts: WeekFacts) -> SummaryDraft: ...

    def rollup(self, facts: RollupFacts) -> SummaryDraft: ...

    def risks(self, facts: RiskFacts) -> RiskDraft: ...


def _local(settings: Settings) -> SummaryWriter:
    from summarizer.engines.local.summary import LocalSummaryWriter

    return LocalSummaryWriter()


WRITERS: dict[str, Callable[[Settings], SummaryWriter]] = {"local": _local}


def get_writer(name: str, settings: Settings) -> SummaryWriter:
    """The writer called `name`; one not in this build is a configuration error (exit 2)."""
    try:
        factory = WRITERS[name]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise ConfigError(
            f"no summary writer '{name}' in this build (available: {known}); use --engine local"
        ) from None
    return factory(settings)
