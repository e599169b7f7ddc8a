"""The public contract of answers: what `ask` returns, identical for every engine.

Field names here are relied on by scripts and evals; change them only with a migration note.
Citations and ledger facts are the data side's models (`index.schemas`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from index.schemas import Citation

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
