"""The public contract: every model that crosses a boundary (JSON output, LLM output, eval files).

Field names here are relied on by scripts and evals; change them only with a migration note.
This module imports nothing but pydantic so the data side (`index`) may use it too.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EngineName = Literal["local", "openai", "replay"]
SlipKind = Literal["date_moved", "overdue", "status_downgrade", "stalled"]
Intent = Literal["slips", "incidents", "risks", "status", "changes", "metrics", "summary", "free"]


class Citation(BaseModel):
    """Evidence for a claim: a quote that occurs within a line span of a report as ingested."""

    model_config = ConfigDict(extra="forbid")

    report: str = Field(description="The source file path as ingested.")
    week: str = Field(description="ISO week of the report date, e.g. 2023-W42.")
    section: str = Field(description="Heading path joined with ' > '.")
    lines: tuple[int, int] = Field(description="1-based inclusive line span in the original file.")
    quote: str = Field(description="Text that occurs within those lines (whitespace-normalised).")


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
