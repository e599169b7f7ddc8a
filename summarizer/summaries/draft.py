"""The writer's part of a summary and how it becomes the public model.

A writer returns a draft: the headline and at most seven highlights, each naming the fact ids
it rests on; for a register, the headline and optionally groups of entries that are one risk,
each with a one-line summary. The local writer fills these directly; an LLM writer fills the
model-facing schemas of `summarizer.llm_schemas` and maps them here after its own checks,
carrying what it had to leave out or drop in `notes` and `dropped`. `assemble_*` maps ids to
citations and attaches the sections, which come from the facts and never from the writer, so a
model cannot add an uncited section item, and a highlight naming an unknown id is dropped and
counted; statuses, severities and first/last seen of a register stay computed (`regroup`).
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
from summarizer.summaries import regroup, wording
from summarizer.summaries.inputs import Fact, RiskFacts, RollupFacts, WeekFacts
from summarizer.summaries.regroup import RiskGroup


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
    notes: list[str] = Field(
        default_factory=list, description="What the reader should know about the writing."
    )
    dropped: int = Field(
        default=0, ge=0, description="Highlights the writer dropped (e.g. cited unknown ids)."
    )


class RiskDraft(BaseModel):
    """A register's written part: one line on where the risks stand, and optionally the entries
    regrouped and summarised (entries in no group stay as computed)."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(min_length=1)
    groups: list[RiskGroup] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    dropped: int = Field(
        default=0, ge=0, description="Groups the writer dropped (unknown ids, invalid merges)."
    )


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
        dropped=dropped + lost + draft.dropped,
        notes=draft.notes,
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
        dropped=dropped + lost + draft.dropped,
        notes=draft.notes,
    )


def assemble_register(
    facts: RiskFacts, draft: RiskDraft, engine: EngineName, dropped: int = 0
) -> RiskRegister:
    """The register with the draft's groups applied: merged entries keep computed statuses,
    severities and weeks (`regroup.apply`); a group naming an unknown entry is not applied."""
    entries, counts, lost = regroup.apply(facts.entries, facts.counts, draft.groups)
    return RiskRegister(
        engine=engine,
        lang=facts.lang,
        series=facts.series,
        since=facts.since,
        status=facts.status,  # type: ignore[arg-type]
        headline=draft.headline.strip(),
        entries=entries,
        counts=counts,
        dropped=dropped + lost + draft.dropped,
        notes=draft.notes,
    )
