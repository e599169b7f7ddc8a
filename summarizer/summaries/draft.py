"""The writer's part of a summary (model-facing schemas) and how it becomes the public model.

A writer returns a draft: the headline and at most seven highlights, each naming the fact ids
it rests on. These schemas are what an LLM writer would fill (strict JSON schema, one prompt
file each); the local writer fills them too. `assemble_*` maps ids to citations and attaches the
sections, which come from the facts and never from the writer, so a model cannot add an
uncited section item, and a highlight naming an unknown id is dropped and counted.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from summarizer.errors import EngineError
from summarizer.facts.common import unique_citations
from summarizer.schemas import (
    MAX_HIGHLIGHTS,
    EngineName,
    ExecutiveSummary,
    Highlight,
    MetricChange,
    MetricTrend,
    PlanCheck,
    ProjectOutcome,
    ProjectProgress,
    RiskNote,
    RiskRegister,
    Rollup,
)
from summarizer.summaries import wording
from summarizer.summaries.inputs import Fact, RiskFacts, RollupFacts, WeekFacts


class DraftHighlight(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1, description="One line an executive reads first, in the summary's language."
    )
    refs: list[str] = Field(min_length=1, description="Ids of the facts it rests on, e.g. ['F3', 'F7'].")


class SummaryDraft(BaseModel):
    """A weekly summary's or a roll-up's written part."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(
        min_length=1,
        description="What changed and what needs attention: at most 40 English words or 80 Chinese characters.",
    )
    highlights: list[DraftHighlight] = Field(default_factory=list, max_length=MAX_HIGHLIGHTS)


class RiskDraft(BaseModel):
    """A register's written part: one line on where the risks stand."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(min_length=1)


def _headline(text: str, lang: str) -> str:
    text = text.strip()
    if not wording.fits(text, lang):  # type: ignore[arg-type]
        raise EngineError(f"headline over the limit ({wording.length(text, lang)} units): {text[:60]}…")  # type: ignore[arg-type]
    return text


def _highlights(draft: SummaryDraft, facts: dict[str, Fact]) -> tuple[list[Highlight], int]:
    out: list[Highlight] = []
    dropped = 0
    for highlight in draft.highlights:
        known = [ref for ref in highlight.refs if ref in facts]
        if not known:
            dropped += 1
            continue
        cites = unique_citations(c for ref in known for c in facts[ref].item.citations)
        out.append(Highlight(text=highlight.text, refs=known, citations=cites))
    return out, dropped


def assemble_summary(
    facts: WeekFacts, draft: SummaryDraft, engine: EngineName, dropped: int = 0
) -> ExecutiveSummary:
    highlights, lost = _highlights(draft, facts.by_id())
    ref = facts.ref
    return ExecutiveSummary(
        engine=engine,
        series=facts.series,
        lang=facts.lang,
        week=ref.week,
        date=ref.date,
        week_label=ref.week_label,
        report=ref.source,
        previous_week=facts.previous.week if facts.previous else None,
        previous_report=facts.previous.source if facts.previous else None,
        headline=_headline(draft.headline, facts.lang),
        highlights=highlights,
        changes=facts.section("changes"),
        projects=[i for i in facts.section("projects") if isinstance(i, ProjectProgress)],
        risks=[i for i in facts.section("risks") if isinstance(i, RiskNote)],
        metrics=[i for i in facts.section("metrics") if isinstance(i, MetricChange)],
        decisions=facts.section("decisions"),
        next_week=facts.section("next_week"),
        plan_vs_actual=[i for i in facts.section("plan_vs_actual") if isinstance(i, PlanCheck)],
        dropped=dropped + lost,
    )


def assemble_rollup(facts: RollupFacts, draft: SummaryDraft, engine: EngineName, dropped: int = 0) -> Rollup:
    highlights, lost = _highlights(draft, facts.by_id())
    return Rollup(
        engine=engine,
        series=facts.series,
        lang=facts.lang,
        since=facts.since,
        until=facts.until,
        reports=len(facts.reports),
        headline=_headline(draft.headline, facts.lang),
        highlights=highlights,
        outcomes=[i for i in facts.section("outcomes") if isinstance(i, ProjectOutcome)],
        incidents=facts.severities,
        incident_items=[i for i in facts.section("incidents") if isinstance(i, RiskNote)],
        metrics=[i for i in facts.section("metrics") if isinstance(i, MetricTrend)],
        weeks=facts.weeks,
        dropped=dropped + lost,
    )


def assemble_register(
    facts: RiskFacts, draft: RiskDraft, engine: EngineName, dropped: int = 0
) -> RiskRegister:
    return RiskRegister(
        engine=engine,
        lang=facts.lang,
        series=facts.series,
        since=facts.since,
        status=facts.status,  # type: ignore[arg-type]
        headline=draft.headline.strip(),
        entries=facts.entries,
        counts=facts.counts,
        dropped=dropped,
    )
