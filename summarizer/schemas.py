"""The public contract of outputs: `ask`'s Answer, the executive summary, the roll-up and the risk
register, identical in shape for every engine.

Field names here are relied on by scripts, evals and the HTML report; change them only with a
migration note. Citations and ledger facts are the data side's models (`index.schemas`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from index.schemas import Citation, ProjectStatus, ReportRef, Slip, SlipKind

EngineName = Literal["local", "openai", "replay"]
Intent = Literal["slips", "incidents", "risks", "status", "changes", "metrics", "summary", "free"]


class Plan(BaseModel):
    """How a question was understood: intent, time range (ISO weeks) and linked projects."""

    model_config = ConfigDict(extra="forbid")

    intent: Intent = "free"
    since: str | None = Field(default=None, description="First ISO week included, e.g. 2024-W40.")
    until: str | None = Field(default=None, description="Last ISO week included.")
    projects: list[str] = Field(default_factory=list, description="Canonical project names named.")
    series: str | None = Field(
        default=None, description="Report folder the question was scoped to; None searches every series."
    )


class Point(BaseModel):
    """One supporting statement of an answer with its own evidence."""

    model_config = ConfigDict(extra="forbid")

    text: str
    citations: list[Citation] = Field(default_factory=list)


class Answer(BaseModel):
    """The result of `ask`, identical in shape for every engine."""

    model_config = ConfigDict(extra="forbid")

    answer: str
    points: list[Point] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    answerable: bool = True
    engine: EngineName = "local"
    plan: Plan = Field(default_factory=Plan)
    dropped_citations: int = Field(default=0, description="Citations removed because they did not verify.")
    notes: list[str] = Field(
        default_factory=list,
        description="What the reader should know about how this answer was made: material left out of"
        " a model's prompt by the token budget, a fallback to another engine, points dropped unverified.",
    )


# ---------------------------------------------------------------------------------------------------
# Executive summaries, roll-ups and the risk register (`summarizer summarize`, `risks`, `report`).

Lang = Literal["zh", "en"]
SeverityLevel = Literal["critical", "high", "medium", "low"]
RiskStatus = Literal["open", "mitigated", "resolved"]
RiskCategory = Literal["stated", "blocker", "ask", "schedule", "incident"]
ItemKind = Literal[
    "launched",
    "slipped",
    "paused",
    "new_project",
    "incident",
    "metric",
    "project",
    "risk",
    "decision",
    "ask",
    "plan",
    "plan_check",
    "update",
]
PlanOutcome = Literal["done", "progressed", "slipped", "not_reported"]
Outcome = Literal[
    "launched_early", "launched_on_time", "launched_late", "launched_no_target", "open", "paused", "cancelled"
]
HEADLINE_WORDS = 40
"""An English headline has at most this many words."""
HEADLINE_HAN = 80
"""A Chinese headline has at most this many characters (Han characters and others alike)."""
MAX_HIGHLIGHTS = 7


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SummaryItem(_Out):
    """One cited statement in a section of a summary."""

    id: str = Field(description="Id within its summary (F1, F2, ...); highlights refer to items by it.")
    kind: ItemKind = Field(description="What the statement is about.")
    text: str = Field(description="The statement as the reader sees it, the reports' own words kept.")
    project: str | None = Field(default=None, description="Canonical project name, when about one project.")
    citations: list[Citation] = Field(default_factory=list, description="Evidence; every one verified.")


class ProjectProgress(SummaryItem):
    """A project (or key work stream) as this report states it, against its target."""

    name: str = Field(description="The name as written in this report (may be an alias of `project`).")
    status: ProjectStatus | None = Field(default=None, description="Normalised status, if stated.")
    status_text: str | None = Field(default=None, description="The status as written ('有风险', 'At risk').")
    progress: str | None = Field(default=None, description="Percent complete as written, e.g. '60%'.")
    target: dt.date | None = Field(default=None, description="Current target date, resolved.")
    target_text: str | None = Field(default=None, description="The target as written ('12/20', 'Jun 27').")
    owner: str | None = Field(default=None, description="Owner where stated.")
    change: str | None = Field(
        default=None, description="What moved since the previous report (target, status, progress)."
    )
    attention: int = Field(default=0, description="How much it needs an executive's attention (0 = none).")


class MetricChange(SummaryItem):
    """A metric's value in this report and its change against the previous report."""

    name: str
    unit: str = ""
    value: float
    previous: float | None = Field(default=None, description="Value in the previous report of the series.")
    delta: float | None = Field(default=None, description="value - previous (percentage points for %).")
    previous_week: str | None = None


class RiskNote(SummaryItem):
    """A risk, blocker or incident as a summary lists it."""

    category: RiskCategory
    status: RiskStatus = "open"
    severity: SeverityLevel | None = Field(default=None, description="Normalised severity, if known.")
    severity_label: str | None = Field(default=None, description="Severity as written ('B级', 'SEV2', 'P1').")


class PlanCheck(SummaryItem):
    """One item of last week's plan and how this report shows it turned out."""

    plan: str = Field(description="The plan item as written in the previous report.")
    outcome: PlanOutcome = Field(
        description="done (launched/finished), progressed (reported on), slipped, or not_reported."
    )


class Highlight(_Out):
    """One of at most seven lines an executive reads first; its evidence is that of the items it names."""

    text: str
    refs: list[str] = Field(default_factory=list, description="Ids of the section items it rests on.")
    citations: list[Citation] = Field(default_factory=list)


class ExecutiveSummary(_Out):
    """One report summarised for an executive: what changed, what needs attention, all cited."""

    engine: EngineName = Field(description="The engine that wrote the headline and highlights.")
    series: str = Field(description="The report series (folder) summarised.")
    lang: Lang = Field(description="Language of the headline and the phrases around the reports' words.")
    week: str = Field(description="ISO week of the report.")
    date: dt.date = Field(description="The report's date.")
    week_label: str | None = Field(default=None, description="The report's own week label, e.g. 第43周.")
    report: str = Field(description="Source file of the report.")
    previous_week: str | None = Field(default=None, description="ISO week of the report compared against.")
    previous_report: str | None = None
    headline: str = Field(
        description=f"At most {HEADLINE_WORDS} English words or {HEADLINE_HAN} Chinese characters."
    )
    highlights: list[Highlight] = Field(default_factory=list, max_length=MAX_HIGHLIGHTS)
    changes: list[SummaryItem] = Field(
        default_factory=list,
        description="Since the previous report: launched, slipped, paused, new projects, new incidents.",
    )
    projects: list[ProjectProgress] = Field(default_factory=list, description="Most attention first.")
    risks: list[RiskNote] = Field(default_factory=list, description="Risks, blockers and incidents.")
    metrics: list[MetricChange] = Field(default_factory=list, description="With week-over-week change.")
    decisions: list[SummaryItem] = Field(default_factory=list, description="Decisions taken and asks made.")
    next_week: list[SummaryItem] = Field(default_factory=list, description="The plan for next week.")
    plan_vs_actual: list[PlanCheck] = Field(
        default_factory=list, description="Last week's plan, item by item, against this report."
    )
    dropped: int = Field(
        default=0, description="Items and highlights dropped because evidence did not verify."
    )
    notes: list[str] = Field(
        default_factory=list,
        description="How the written part was made, when the reader should know: facts left out of a"
        " model's prompt by the token budget, highlights dropped because they cited ids the model was not shown.",
    )

    def sections(self) -> Iterator[tuple[str, list[SummaryItem]]]:
        """(name, items) of every section, in display order."""
        yield "changes", self.changes
        yield "projects", list(self.projects)
        yield "risks", list(self.risks)
        yield "metrics", list(self.metrics)
        yield "decisions", self.decisions
        yield "next_week", self.next_week
        yield "plan_vs_actual", list(self.plan_vs_actual)

    def texts(self) -> list[str]:
        """Everything a reader sees: headline, highlights and every item's text."""
        out = [self.headline, *(h.text for h in self.highlights)]
        out += [item.text for _, items in self.sections() for item in items]
        return out

    def citations(self) -> list[Citation]:
        out = [c for h in self.highlights for c in h.citations]
        return out + [c for _, items in self.sections() for item in items for c in item.citations]


class SlipLine(_Out):
    """One slip of a project inside a roll-up's period, with its delay."""

    kind: SlipKind
    week: str = Field(description="ISO week of the report where the slip shows.")
    from_: str = Field(alias="from", description="Old target date, status or progress.")
    to: str = Field(description="New target date, report date, status or progress.")
    delay_days: int | None = Field(
        default=None, description="to - from in days when both are dates (date_moved, overdue)."
    )
    citations: list[Citation] = Field(default_factory=list)


class ProjectOutcome(SummaryItem):
    """How a project ended up over a roll-up's period."""

    outcome: Outcome
    aliases: list[str] = Field(default_factory=list)
    launched_on: dt.date | None = None
    target: dt.date | None = Field(default=None, description="Last target before the launch, or current.")
    first_target: dt.date | None = Field(default=None, description="First target in force in the period.")
    slip_days: int = Field(
        default=0,
        description="Total delay in the period: launch date (or current target, or the last report date "
        "when overdue) minus the first target, never negative.",
    )
    slips: list[SlipLine] = Field(default_factory=list)
    status: ProjectStatus | None = Field(default=None, description="Latest stated status in the period.")
    progress: str | None = None


class SeverityCount(_Out):
    """Incidents of one normalised severity in a period."""

    severity: SeverityLevel | None = Field(description="Normalised level; None for ungraded incidents.")
    labels: list[str] = Field(default_factory=list, description="The labels as written, e.g. ['B级'].")
    count: int


class TrendPoint(_Out):
    week: str
    date: dt.date
    value: float


class MetricTrend(SummaryItem):
    """A metric over a roll-up's period: first and last value, range, every point."""

    name: str
    unit: str = ""
    first: float
    last: float
    first_week: str
    last_week: str
    low: float
    high: float
    points: list[TrendPoint] = Field(default_factory=list)


class WeekLine(_Out):
    """One week of a roll-up: the headline of that week's summary (the map step's output)."""

    week: str
    report: str
    headline: str
    citations: list[Citation] = Field(default_factory=list)


class Rollup(_Out):
    """A period (a month, a quarter, `--last 4w`) of one series, reduced from its weekly summaries."""

    engine: EngineName
    series: str
    lang: Lang
    since: str = Field(description="First ISO week of the period.")
    until: str = Field(description="Last ISO week of the period.")
    reports: int = Field(description="Reports in the period.")
    headline: str
    highlights: list[Highlight] = Field(default_factory=list, max_length=MAX_HIGHLIGHTS)
    outcomes: list[ProjectOutcome] = Field(
        default_factory=list, description="Launched, slipped, open, paused."
    )
    incidents: list[SeverityCount] = Field(default_factory=list, description="Most severe first.")
    incident_items: list[RiskNote] = Field(default_factory=list, description="Every incident of the period.")
    metrics: list[MetricTrend] = Field(default_factory=list)
    weeks: list[WeekLine] = Field(default_factory=list)
    dropped: int = 0
    notes: list[str] = Field(
        default_factory=list,
        description="How the written part was made, when the reader should know: facts left out of a"
        " model's prompt by the token budget, highlights dropped because they cited ids the model was not shown.",
    )

    def sections(self) -> Iterator[tuple[str, list[SummaryItem]]]:
        yield "outcomes", list(self.outcomes)
        yield "incidents", list(self.incident_items)
        yield "metrics", list(self.metrics)

    def texts(self) -> list[str]:
        out = [self.headline, *(h.text for h in self.highlights)]
        return out + [item.text for _, items in self.sections() for item in items]


class RiskSighting(_Out):
    """One report's word on a risk."""

    week: str
    report: str
    status: RiskStatus
    text: str
    citation: Citation


class RiskEntry(_Out):
    """One risk across weeks: raised once or in many reports, with its status over time."""

    id: str = Field(description="Stable within a register: series, category and subject.")
    series: str
    category: RiskCategory
    title: str
    project: str | None = None
    status: RiskStatus = Field(description="As of the last report of the series that mentions it.")
    severity: SeverityLevel | None = None
    severity_label: str | None = Field(default=None, description="As written; derived risks have none.")
    first_seen: str
    last_seen: str
    owner: str | None = None
    history: list[RiskSighting] = Field(default_factory=list, description="Oldest first.")
    citations: list[Citation] = Field(default_factory=list, description="First and latest sighting.")
    summary: str | None = Field(
        default=None,
        description="One line by an LLM writer on what the risk is and where it stands; None from the local writer."
        " Status, severity and first/last seen are never the writer's: they are computed.",
    )
    merged: list[str] = Field(
        default_factory=list,
        description="Ids of entries an LLM writer judged the same risk and merged into this one; their"
        " sightings are in `history`.",
    )


class RiskRegister(_Out):
    """Stated risks, blockers, asks, incidents and derived schedule risks, merged across weeks."""

    engine: EngineName
    lang: Lang
    series: str | None = Field(default=None, description="The series listed; None lists every series.")
    since: str | None = None
    status: Literal["open", "resolved", "all"] = "all"
    headline: str
    entries: list[RiskEntry] = Field(default_factory=list, description="Open first, then by severity.")
    counts: dict[str, int] = Field(default_factory=dict, description="Entries per status, before filtering.")
    dropped: int = 0
    notes: list[str] = Field(
        default_factory=list,
        description="How the written part was made, when the reader should know: facts left out of a"
        " model's prompt by the token budget, highlights dropped because they cited ids the model was not shown.",
    )


# ---------------------------------------------------------------------------------------------------
# What an index holds, as `summarizer serve` answers it: the reports, the slips, a cited span.


class SeriesInfo(_Out):
    """One report series (a folder of one team's weeklies) in the index."""

    name: str = Field(description="The folder's name, e.g. payments-zh; what --series takes.")
    folder: str = Field(description="The folder as ingested.")
    reports: int = Field(description="Reports of the series in the index.")
    first_week: str
    last_week: str
    latest_report: str = Field(description="Source file of the series' newest report.")


class ReportList(_Out):
    """Every report in the ledger, oldest first, and the series they form."""

    engine: Literal["local"] = "local"
    series: list[SeriesInfo] = Field(default_factory=list, description="Most recently reported last.")
    reports: list[ReportRef] = Field(default_factory=list)


class SlipList(_Out):
    """Schedule slips across the index, each with its before and after evidence, verified."""

    engine: Literal["local"] = "local"
    since: str | None = None
    until: str | None = None
    slips: list[Slip] = Field(default_factory=list)
    dropped: int = Field(default=0, description="Slips whose evidence no longer verifies.")


class QuotedLine(_Out):
    number: int = Field(description="1-based line number in the original file.")
    text: str = Field(description="The line as the verifier reads it (whitespace and markup normalised).")
    cited: bool = Field(description="Inside the cited span (the others are context).")


class QuotedLines(_Out):
    """A cited line span of a report, read from the file through the citation verifier's reader."""

    engine: Literal["local"] = "local"
    report: str
    week: str = Field(description="ISO week of the report.")
    lines: tuple[int, int] = Field(description="The cited span, 1-based and inclusive.")
    quoted: list[QuotedLine] = Field(default_factory=list, description="The span and its context, in order.")
