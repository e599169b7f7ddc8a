"""The writer seam: a writer only drafts the headline and highlights; the pipeline keeps it honest."""

from __future__ import annotations

import pytest

from summarizer.engines.summary import WRITERS
from summarizer.errors import EngineError
from summarizer.pipelines import summarize
from summarizer.summaries.draft import DraftHighlight, RiskDraft, SummaryDraft
from summarizer.summaries.inputs import RiskFacts, RollupFacts, WeekFacts
from summarizer.workspace import Workspace


class Scripted:
    """A writer that says what the test tells it to."""

    name = "replay"
    version = "scripted-1"

    def __init__(self, draft: SummaryDraft) -> None:
        self.draft = draft
        self.seen: WeekFacts | None = None

    def summary(self, facts: WeekFacts) -> SummaryDraft:
        self.seen = facts
        return self.draft

    def rollup(self, facts: RollupFacts) -> SummaryDraft:
        return self.draft

    def risks(self, facts: RiskFacts) -> RiskDraft:
        return RiskDraft(headline="scripted")

    def usage(self) -> None:
        return None

    def close(self) -> None:
        pass


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> list[Scripted]:
    made: list[Scripted] = []

    def install(draft: SummaryDraft) -> None:
        writer = Scripted(draft)
        made.append(writer)
        monkeypatch.setitem(WRITERS, "replay", lambda settings, options: writer)

    made.append(install)  # type: ignore[arg-type]
    return made


def test_highlights_cite_through_fact_ids_and_unknown_ids_are_dropped(
    examples: Workspace, scripted: list
) -> None:  # type: ignore[type-arg]
    scripted[0](
        SummaryDraft(
            headline="Two slips and an incident.",
            highlights=[
                DraftHighlight(text="split payments slipped", refs=["F1"]),
                DraftHighlight(text="made up", refs=["F999"]),
            ],
        )
    )
    s = summarize.weekly(examples, "2024-W49", "payments-zh", engine="replay")
    writer = scripted[1]
    assert s.engine == "replay" and s.headline == "Two slips and an incident."
    assert [h.text for h in s.highlights] == ["split payments slipped"]
    assert s.highlights[0].citations == writer.seen.by_id()["F1"].item.citations
    assert s.dropped == 1
    # The sections are the facts, whatever the writer: every engine's summary has the same content.
    assert s.changes == summarize.weekly(examples, "2024-W49", "payments-zh").changes


def test_a_headline_over_the_limit_is_an_engine_error(examples: Workspace, scripted: list) -> None:  # type: ignore[type-arg]
    scripted[0](SummaryDraft(headline=" ".join(["word"] * 41)))
    with pytest.raises(EngineError, match="headline over the limit"):
        summarize.weekly(examples, "2025-W17", "platform-en", engine="replay")
