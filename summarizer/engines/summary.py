"""The seam summary writers implement: facts of a week, a period or a register in, a draft out.

The pipeline computes the facts once (engine-independent, `summarizer.summaries`) and verifies
them; a writer only chooses and words the headline and the highlights, citing facts by id (and,
for a register, may say which entries are one risk and summarise each). The local writer is
deterministic; the LLM writer (`openai_engine.writer`) fills the model-facing schemas of
`summarizer.llm_schemas` through `prompts/summary.md`, `rollup.md` and `risks.md`; `replay` is
that writer against a local server over the cassettes. Writers are registered in `WRITERS` like
the answer engines in `REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from summarizer.config import Settings
from summarizer.engines.base import EngineOptions
from summarizer.errors import ConfigError
from summarizer.llm.results import Spend
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

    def usage(self) -> Spend | None:
        """What the writer's model calls cost so far (None: it makes none)."""
        ...

    def close(self) -> None:
        """Release what the writer holds (an HTTP client, a replay server)."""
        ...


def _local(settings: Settings, options: EngineOptions) -> SummaryWriter:
    from summarizer.engines.local.summary import LocalSummaryWriter

    return LocalSummaryWriter()


def _openai(settings: Settings, options: EngineOptions) -> SummaryWriter:
    from summarizer.engines.openai_engine import build_openai_writer

    return build_openai_writer(settings, options)


def _replay(settings: Settings, options: EngineOptions) -> SummaryWriter:
    from summarizer.engines.openai_engine import build_replay_writer

    return build_replay_writer(settings, options)


WRITERS: dict[str, Callable[[Settings, EngineOptions], SummaryWriter]] = {
    "local": _local,
    "openai": _openai,
    "replay": _replay,
}


def get_writer(name: str, settings: Settings, options: EngineOptions | None = None) -> SummaryWriter:
    """The writer called `name`; one not in this build is a configuration error (exit 2)."""
    try:
        factory = WRITERS[name]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise ConfigError(
            f"no summary writer '{name}' in this build (available: {known}); use --engine local"
        ) from None
    return factory(settings, options or EngineOptions(command="summarize"))
