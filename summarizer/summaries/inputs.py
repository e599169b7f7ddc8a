"""What a summary writer receives: the facts of a week, a period or a register, computed once.

The pipeline builds these from the ledger and the parsed reports (engine-independent, like
`summarizer.facts` for `ask`), verifies every citation, and hands them to a writer. A writer only
chooses and words the headline and the highlights, citing items by id; the sections themselves
are these facts, so every engine's summary has the same cited content and the same shape.
An LLM writer sends `Fact.item.id`, `kind`, `text` and `short` to the model inside data markers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.schemas import ReportRef
from index.text.lang import Lang
from summarizer.schemas import Highlight, RiskEntry, SeverityCount, SummaryItem, WeekLine

SECTIONS = ("changes", "projects", "risks", "metrics", "decisions", "next_week", "plan_vs_actual")
ROLLUP_SECTIONS = ("outcomes", "incidents", "metrics")


@dataclass
class Fact:
    """One section item and what a writer needs to rank and phrase it."""

    item: SummaryItem
    section: str
    short: str
    """A headline-length phrase ("分账系统升级推迟至12/24", "SEV1 on Apr 22: …")."""
    weight: int = 0
    """How much it needs an executive's attention; 0 never makes a highlight."""
    subject: str = ""
    """One highlight per subject (a project, a metric, a risk)."""


@dataclass
class WeekFacts:
    """One report's facts, section by section, against the previous report of its series."""

    series: str
    name: str
    lang: Lang
    ref: ReportRef
    previous: ReportRef | None
    label: str
    """How the report names its week: its own label (第49周) or the ISO week."""
    facts: list[Fact] = field(default_factory=list)
    projects_reported: int = 0

    def section(self, name: str) -> list[SummaryItem]:
        return [f.item for f in self.facts if f.section == name]

    def by_id(self) -> dict[str, Fact]:
        return {f.item.id: f for f in self.facts}


@dataclass
class RollupFacts:
    """A period of one series: outcomes, incidents and metric trends from the ledger, and the
    weekly summaries (the map step) that a writer reduces into a headline and highlights."""

    series: str
    name: str
    lang: Lang
    since: str
    until: str
    reports: list[ReportRef]
    facts: list[Fact] = field(default_factory=list)
    severities: list[SeverityCount] = field(default_factory=list)
    weeks: list[WeekLine] = field(default_factory=list)
    week_highlights: dict[str, list[Highlight]] = field(default_factory=dict)
    """Week -> the highlights of that week's summary."""

    def section(self, name: str) -> list[SummaryItem]:
        return [f.item for f in self.facts if f.section == name]

    def by_id(self) -> dict[str, Fact]:
        return {f.item.id: f for f in self.facts}


@dataclass
class RiskFacts:
    """The register's entries (already filtered) and what it holds overall."""

    lang: Lang
    series: str | None
    since: str | None
    status: str
    entries: list[RiskEntry]
    counts: dict[str, int]


def number(facts: list[Fact], prefix: str = "F") -> None:
    """Give every item its id (F1, F2, ...) in section order."""
    for i, fact in enumerate(facts, start=1):
        fact.item.id = f"{prefix}{i}"
