"""Model-facing schemas: what an LLM is asked to fill in, kept apart from the public contract.

The public `Answer` (summarizer/schemas.py) carries citations as report, week, section and line
span; a model cannot be trusted with those. It fills `LLMAnswer` instead, citing the short ids of
the facts and passages it was shown plus a quote, and code maps ids to citations. Every field is
required and nothing has a default, so the strict JSON schema OpenAI accepts is the pydantic one
(`summarizer.llm.schema.strict_json_schema`).

Prompt files name their output schema in front matter; `MODEL_SCHEMAS` is the registry those
names resolve against when a prompt is loaded (an unknown name is a configuration error).
"""

from __future__ import annotations

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


MODEL_SCHEMAS: dict[str, type[BaseModel]] = {"LLMAnswer": LLMAnswer}
"""Output schemas a prompt file may name in its front matter (`output_schema: LLMAnswer`)."""
