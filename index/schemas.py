"""The models the data side produces: citations, and the fact ledger's facts and views.

They cross boundaries (SQLite JSON payloads, `--json` output, the eval harness, the Q&A), so they
are pydantic and documented. The data side owns them; `summarizer` imports them from here.
Dates are ISO dates; weeks are ISO week strings like `2024-W42`; every fact keeps a `Citation`.
Field names are relied on by scripts and evals; change them only with a migration note.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SlipKind = Literal["date_moved", "overdue", "status_downgrade", "stalled"]


@lru_cache(maxsize=4096)
def series_of(report: str) -> str:
    """A report series is the folder its files live in (one team's weeklies). Cached: derive asks
    it of every fact's report."""
    return os.path.dirname(report)


class Citation(BaseModel):
    """Evidence for a claim: a quote that occurs within a line span of a report as ingested."""

    model_config = ConfigDict(extra="forbid")

    report: str = Field(description="The source file path as ingested.")
    week: str = Field(description="ISO week of the report date, e.g. 2023-W42.")
    section: str = Field(description="Heading path joined with ' > '.")
    lines: tuple[int, int] = Field(description="1-based inclusive line span in the original file.")
    quote: str = Field(description="Text that occurs within those lines (whitespace-normalised).")


ProjectStatus = Literal[
    "on_track", "in_progress", "at_risk", "off_track", "blocked", "done", "launched", "paused", "cancelled"
]
TargetKind = Literal["final", "interim"]
NoteKind = Literal["risk", "ask", "plan"]
LaunchVerdict = Literal["early", "on_time", "late", "no_target"]
FactSource = Literal["rules", "llm"]
"""Who extracted a fact: the deterministic rules, or a model whose quote was verified (`ingest --extract`)."""

_SOURCE_HELP = (
    "'rules' (deterministic extractors) or 'llm' (a model's fact, its quote verified in the report)."
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportRef(_Model):
    """One stored report as the ledger knows it."""

    source: str = Field(description="The source file path as ingested.")
    date: dt.date = Field(description="The report's own date (never the ingestion date).")
    week: str = Field(description="ISO week of the report date, e.g. 2024-W42.")
    week_label: str | None = Field(default=None, description="The report's own week label, e.g. 第43周.")
    content_hash: str = Field(description="SHA-256 of the file bytes; an unchanged file is not re-extracted.")


class Observation(_Model):
    """What one report says about one project: progress, target date, status, owner."""

    project: str = Field(description="The project name as written in this report.")
    canonical: str | None = Field(default=None, description="Canonical name across weeks (set by the views).")
    report: str = Field(description="Source file of the report.")
    week: str = Field(description="ISO week of the report.")
    date: dt.date = Field(description="Report date.")
    progress: int | None = Field(default=None, description="Percent complete of the project, 0-100.")
    progress_parts: list[int] = Field(
        default_factory=list,
        description="Percentages of the project's sub-steps when no single figure is given.",
    )
    target: dt.date | None = Field(
        default=None, description="Current target date, resolved against the report date."
    )
    target_text: str | None = Field(
        default=None, description="The target as written ('下周三', 'ETA: Jun 14')."
    )
    target_shift_days: int | None = Field(
        default=None,
        description="The target moved by this many days with no new date written ('往后拖两周' is 14): "
        "the new target is the project's last stated one plus this, set when its timeline is derived.",
    )
    target_was: dt.date | None = Field(
        default=None,
        description="The day the same line says the target was before ('5.31上线（原4.30）', 'moves from "
        "9 April to 22 April'): the comparison when no earlier report's target was read.",
    )
    target_kind: TargetKind | None = Field(
        default=None, description="'final' (launch/done/ETA) or 'interim' (提测, beta, review...)."
    )
    target_unit: str | None = Field(
        default=None,
        description="When the target is not a day: 'sprint' or 'version' (compared within its unit).",
    )
    target_order: list[int] | None = Field(
        default=None, description="The sprint number or version parts ([1, 86]) of such a target."
    )
    target_moved_from: list[int] | None = Field(
        default=None,
        description="The sprint or version the same line says it moved from ('1.84 → now 1.86').",
    )
    ordinals_passed: dict[str, list[list[int]]] = Field(
        default_factory=dict,
        description="How far the report says its sprints and releases have gone: the last closed sprint "
        "and each shipped version ({'sprint': [[15]], 'version': [[1, 85], [2, 0]]}); a sprint target at "
        "or below the sprint, a version target at or below a shipped version of its own major, has passed.",
    )
    status: ProjectStatus | None = Field(default=None, description="Normalised status word, if stated.")
    status_was: ProjectStatus | None = Field(
        default=None,
        description="The status the same line says it had before ('RED (was AMBER)', 'AMBER → RED', "
        "'A (G)'): the comparison when no earlier report's status was read.",
    )
    status_text: str | None = Field(default=None, description="The status word as written.")
    owner: str | None = Field(default=None, description="Owner where stated.")
    completed_on: dt.date | None = Field(
        default=None,
        description="Explicit launch/completion date when the report states one ('10/12已上线').",
    )
    evidence: Citation = Field(description="The mention of the project.")
    source: FactSource = Field(default="rules", description=_SOURCE_HELP)
    item_key: str | None = Field(
        default=None,
        description="The tracker id a table files it under ('#1578', 'PLAT-12'): a row renamed in a "
        "later export keeps its id, which ties the two names into one project.",
    )
    origin: Literal["structure", "lead", "prose"] = Field(
        default="structure",
        description="'structure': the layout says it is a project; 'lead': only a line's lead names it "
        "(kept when the name recurs in another report); 'prose': a sentence names a project the "
        "series' other mentions made known.",
    )
    filed_as: ProjectStatus | None = Field(
        default=None,
        description="The status of the board column or status heading it is filed under ('## Shipped').",
    )
    progress_evidence: Citation | None = Field(
        default=None, description="Where the progress figure is written."
    )
    target_evidence: Citation | None = Field(default=None, description="Where the target date is written.")
    target_was_evidence: Citation | None = Field(
        default=None,
        description="The whole line stating the old day with the new, when the target's quote leaves the "
        "old day out: the evidence of a move told only in that line.",
    )
    status_evidence: Citation | None = Field(default=None, description="Where the status word is written.")

    @property
    def progress_key(self) -> tuple[int, ...] | None:
        """What 'same progress' compares: the figure, or the sub-step figures in order."""
        if self.progress is not None:
            return (self.progress,)
        return tuple(self.progress_parts) or None

    @property
    def progress_label(self) -> str | None:
        key = self.progress_key
        return None if key is None else ", ".join(f"{value}%" for value in key)


class Incident(_Model):
    """A production incident as a report tells it."""

    title: str = Field(description="The first clause of the incident text.")
    report: str
    week: str
    date: dt.date = Field(description="Report date.")
    when: dt.date | None = Field(
        default=None, description="When it happened, resolved against the report date."
    )
    when_text: str | None = Field(default=None, description="The time as written ('10/18 17:01').")
    duration_minutes: float | None = Field(default=None, description="Duration in minutes, if stated.")
    duration_text: str | None = Field(default=None, description="The duration as written ('持续13mins').")
    impact: str | None = Field(
        default=None, description="Impact as written ('影响149笔', 'no customer impact')."
    )
    severity: str | None = Field(
        default=None, description="Severity label as written ('SEV2', 'AB级', 'P1')."
    )
    cause: str | None = Field(default=None, description="Cause as written.")
    resolution: str | None = Field(default=None, description="Fix/mitigation as written.")
    evidence: Citation
    source: FactSource = Field(default="rules", description=_SOURCE_HELP)


class MetricPoint(_Model):
    """One metric value in one report."""

    name: str = Field(description="Metric name as written.")
    key: str = Field(description="Normalised name that links the metric across weeks.")
    value: float
    unit: str = Field(default="", description="'%', 'ms', 's', '次'... or empty.")
    qualifier: str | None = Field(default=None, description="A word after the value ('left', 'remaining').")
    report: str
    week: str
    date: dt.date
    evidence: Citation
    source: FactSource = Field(default="rules", description=_SOURCE_HELP)
    tentative: bool = Field(
        default=False,
        description="Read from a sentence that states one figure and nothing else of metrics: a metric "
        "only when another report of the series states it too.",
    )


class MetricSeries(_Model):
    """A metric across reports, oldest first."""

    name: str = Field(description="The most common spelling of the metric name.")
    key: str
    unit: str
    points: list[MetricPoint]


class Note(_Model):
    """A risk, an ask or a next-week plan, as written."""

    kind: NoteKind
    text: str
    report: str
    week: str
    date: dt.date
    evidence: Citation


class Rename(_Model):
    """A report saying one project goes by another name from now on (or for short)."""

    old: str = Field(description="The name as it was written before ('用户画像中台迁移').")
    new: str = Field(description="The new name or abbreviation ('UFP').")
    report: str
    week: str
    date: dt.date
    evidence: Citation


class ProjectInfo(_Model):
    """A project as linked across weeks, with its latest state."""

    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(default_factory=list, description="Other names it appears under.")
    first_week: str
    last_week: str
    mentions: int = Field(description="Number of reports that mention it.")
    status: ProjectStatus | None = Field(default=None, description="Latest stated status.")
    target: dt.date | None = Field(default=None, description="Latest stated target date.")
    progress: str | None = Field(default=None, description="Latest stated progress, e.g. '60%'.")


class ProjectTimeline(_Model):
    """One project's weekly observations and the slips derived from them."""

    engine: Literal["local"] = "local"
    project: str
    aliases: list[str] = Field(default_factory=list)
    observations: list[Observation] = Field(description="One merged observation per report, oldest first.")
    slips: list[Slip] = Field(default_factory=list)


class Launch(_Model):
    """A project reaching launched/done, judged against the target it had before."""

    project: str
    aliases: list[str] = Field(default_factory=list)
    week: str = Field(description="Week of the report that first says it launched or is done.")
    status: Literal["launched", "done"]
    launched_on: dt.date = Field(description="Stated launch date, else the report date.")
    target: dt.date | None = Field(default=None, description="Last target before the launch.")
    first_target: dt.date | None = Field(default=None, description="First target ever stated.")
    verdict: LaunchVerdict
    evidence: list[Citation] = Field(default_factory=list)


class StatusEvent(_Model):
    """A project entering a lifecycle state (paused, cancelled, launched, done) in a report."""

    project: str
    aliases: list[str] = Field(default_factory=list)
    status: ProjectStatus
    week: str
    report: str
    evidence: list[Citation] = Field(default_factory=list)


class MetricDelta(_Model):
    """A metric's change between two reports."""

    name: str
    key: str
    unit: str
    before: float
    after: float
    delta: float
    evidence: list[Citation] = Field(default_factory=list)


class ReportChanges(_Model):
    """What changed from one report to another (intermediate reports count for finished/slipped)."""

    engine: Literal["local"] = "local"
    from_report: str
    to_report: str
    from_week: str
    to_week: str
    new_projects: list[ProjectInfo] = Field(
        default_factory=list,
        description="Mentioned in the later report and in no report up to the earlier one.",
    )
    finished: list[StatusEvent] = Field(default_factory=list, description="Launched or done in between.")
    paused_or_cancelled: list[StatusEvent] = Field(default_factory=list)
    slipped: list[Slip] = Field(default_factory=list)
    new_incidents: list[Incident] = Field(default_factory=list)
    metric_deltas: list[MetricDelta] = Field(default_factory=list)


class Slip(BaseModel):
    """A schedule slip derived from the ledger, with before and after evidence."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    project: str
    aliases: list[str] = Field(default_factory=list)
    kind: SlipKind
    from_: str = Field(alias="from", description="Old target date, status or progress.")
    to: str = Field(description="New target date, report date, status or progress.")
    week: str = Field(description="ISO week of the report where the slip shows.")
    evidence: list[Citation] = Field(default_factory=list)
