"""Model-facing schemas: what an LLM is asked to fill in, kept apart from the public contract.

The public `Answer` (summarizer/schemas.py) carries citations as report, week, section and line
span; a model cannot be trusted with those. It fills `LLMAnswer` instead, citing the short ids of
the facts and passages it was shown plus a quote, and code maps ids to citations. Summaries and
roll-ups fill `LLMSummaryDraft` (highlights cite fact ids), the risk register `LLMRiskDraft`
(groups of entry ids with a one-line summary): neither can name a citation or add an item.
Limits (40 words, 7 highlights) are checked by the writer's validate hook, not by the schema:
strict mode on some servers rejects `maxItems`/`maxLength`, and a re-ask can name the problem. Every field is
required and nothing has a default, so the strict JSON schema OpenAI accepts is the pydantic one
(`summarizer.llm.schema.strict_json_schema`).

Prompt files name their output schema in front matter; `MODEL_SCHEMAS` is the registry those
names resolve against when a prompt is loaded (an unknown name is a configuration error).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LLMCite(_Strict):
    """One piece of evidence: an item the model was shown and words copied from it."""

    passage_id: str = Field(
        description="Id of a fact (F1, F2, …) or a passage (P1, P2, …) shown in the data."
    )
    quote: str = Field(
        description="Words copied character for character from that fact or passage: one line or part of one."
    )


class LLMPoint(_Strict):
    """One supporting statement and the evidence for it."""

    text: str = Field(description="One statement that supports the answer, in the answer's language.")
    cites: list[LLMCite] = Field(description="The evidence for this statement: at least one cite.")


class LLMAnswer(_Strict):
    """The model's answer to a question about the reports."""

    answer: str = Field(description="The answer in a few sentences, or why the reports do not answer it.")
    answerable: bool = Field(description="False when the facts and passages do not answer the question.")
    points: list[LLMPoint] = Field(description="Supporting statements, most important first, each cited.")


class LLMHighlight(_Strict):
    """One line an executive reads first, resting on facts the model was shown."""

    text: str = Field(description="One line, in the summary's language, saying what the cited facts say.")
    fact_ids: list[str] = Field(
        description="Ids of the facts it rests on (F1, F2, …), at least one, only ids shown in the data."
    )


class LLMSummaryDraft(_Strict):
    """The written part of a weekly summary or a roll-up: code adds the sections and the citations."""

    headline: str = Field(
        description="What changed and what needs attention: at most 40 English words or 80 Chinese characters."
    )
    highlights: list[LLMHighlight] = Field(
        description="At most 7, most important first; each cites the facts it rests on."
    )


class LLMRiskGroup(_Strict):
    """One risk of the register: one entry, or several entries that are the same risk."""

    entry_ids: list[str] = Field(
        description="Ids of the register entries (R1, R2, …) that are this one risk; one id when it stands alone."
    )
    summary: str = Field(
        description="One line saying what the risk is and where it stands, in the register's language."
    )


class LLMRiskDraft(_Strict):
    """The written part of a risk register: a headline and every entry once, alone or merged."""

    headline: str = Field(
        description="Where the risks stand: at most 40 English words or 80 Chinese characters."
    )
    risks: list[LLMRiskGroup] = Field(description="Every entry shown, each in exactly one group.")


# Extraction (`prompts/extract.md`): the ledger's fact schema as a model fills it. Every fact carries
# a quote copied from the report; code finds the lines that hold it, and a fact whose quote is not
# in the report is rejected. Dates are ISO days the model resolves against the report date.
_ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
LLMStatus = Literal[
    "on_track", "in_progress", "at_risk", "off_track", "blocked", "done", "launched", "paused", "cancelled"
]


class LLMProjectFact(_Strict):
    """What one line (or a few) of the report says about one project."""

    project: str = Field(description="The project's name as the report writes it, without status words.")
    progress: int | None = Field(description="Percent complete of the whole project (0-100), or null.")
    target: str | None = Field(
        pattern=_ISO_DAY,
        description="The project's own due/launch date as YYYY-MM-DD (relative dates resolved against the"
        " report date; a month end or 'end of March' is its last day), or null. Not a meeting, review or sub-task date.",
    )
    target_text: str | None = Field(description="The target as written ('end of March', '11/15'), or null.")
    status: LLMStatus | None = Field(
        description="The project's status as stated, or null when none is stated."
    )
    status_text: str | None = Field(description="The status words as written ('on hold', '延期'), or null.")
    quote: str = Field(
        description="Words copied character for character from the report that state this fact."
    )


class LLMIncidentFact(_Strict):
    """One production incident, outage or service problem the report tells."""

    title: str = Field(description="What happened, in a few words as the report says it.")
    when: str | None = Field(pattern=_ISO_DAY, description="The day it happened as YYYY-MM-DD, or null.")
    severity: str | None = Field(description="The severity label as written ('Sev2', 'P1', 'B级'), or null.")
    duration_minutes: float | None = Field(description="How long it lasted, in minutes, or null.")
    impact: str | None = Field(description="The impact as written, or null.")
    quote: str = Field(
        description="Words copied character for character from the report about this incident."
    )


class LLMMetricFact(_Strict):
    """One metric value the report states."""

    name: str = Field(description="The metric's name as written ('Conversion', '日活').")
    value: float = Field(description="The value as a number (12.3万 -> 123000; 2.27% -> 2.27).")
    unit: str = Field(description="'%', 'ms', 's' or another unit as written, or an empty string.")
    quote: str = Field(description="Words copied character for character from the report that state it.")


class LLMExtraction(_Strict):
    """The facts of one weekly report, each with its quote."""

    projects: list[LLMProjectFact] = Field(
        description="One entry per project statement; several per project are fine."
    )
    incidents: list[LLMIncidentFact] = Field(description="Production incidents told in the report.")
    metrics: list[LLMMetricFact] = Field(description="Metric values stated in the report.")


MODEL_SCHEMAS: dict[str, type[BaseModel]] = {
    "LLMAnswer": LLMAnswer,
    "LLMSummaryDraft": LLMSummaryDraft,
    "LLMRiskDraft": LLMRiskDraft,
    "LLMExtraction": LLMExtraction,
}
"""Output schemas a prompt file may name in its front matter (`output_schema: LLMAnswer`)."""
