"""A metric two teams name alike is two trends: one team's points never run into the other's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ledger.store import Ledger
from summarizer.facts import answers
from summarizer.question import QuestionPlan

from .conftest import open_ledger

REPORTS = {
    "shop/2024-01-26.md": "# Shop weekly 2024-01-26\n\n## Numbers\n\n- Conversion: 2.31%\n",
    "shop/2024-02-02.md": "# Shop weekly 2024-02-02\n\n## Numbers\n\n- Conversion: 2.55%\n",
    "agency/2025-03-28.md": "# Campaign status 2025-03-28\n\n## Numbers\n\n- Conversion: 3.1%\n",
    "agency/2025-04-04.md": "# Campaign status 2025-04-04\n\n## Numbers\n\n- Conversion: 4.2%\n",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    yield from open_ledger(tmp_path, REPORTS)


def test_each_team_has_its_own_trend(ledger: Ledger, tmp_path: Path) -> None:
    plan = QuestionPlan(question="How has conversion trended?", intent="metrics", metrics=["Conversion"])
    found = answers.metrics(plan, ledger)
    assert found is not None
    # Not 2.31% -> 4.2% across a shop's 2024 and an agency's 2025: each team first to last.
    assert "2.31% (2024-W04) → 2.55% (2024-W05)" in found.headline
    assert "3.1% (2025-W13) → 4.2% (2025-W14)" in found.headline
    assert "2.31% (2024-W04) → 4.2%" not in found.headline


def test_the_likely_team_leads(ledger: Ledger, tmp_path: Path) -> None:
    plan = QuestionPlan(
        question="How has conversion on the campaign trended?",
        intent="metrics",
        metrics=["Conversion"],
        prefer_series=str(tmp_path / "agency"),
    )
    found = answers.metrics(plan, ledger)
    assert found is not None
    assert found.headline.startswith("Conversion [agency]: 3.1%")
    assert found.points[0].text.startswith("[agency] 2025-W13")


class _Postings:
    """The two things `metric_team` reads of a lexical index: which series hold a token, its IDF."""

    def __init__(self, held: dict[str, set[str]]) -> None:
        self.held = held

    def series_holding(self, token: str) -> set[str]:
        return self.held.get(token, set())

    def idf(self, token: str) -> float:
        return 1.0


def test_the_team_the_other_words_are_written_by_is_the_likely_one() -> None:
    from typing import Any, cast

    from summarizer.planning.scope import metric_team

    teams = ["/r/agency", "/r/shop"]
    lexical = cast(
        Any,
        _Postings(
            {
                "conversion": {"/r/agency", "/r/shop"},
                "campaign": {"/r/agency"},
                "landing": {"/r/agency"},
                "trended": set(),
                "january": {"/r/agency", "/r/shop"},
            }
        ),
    )
    asked = "How has conversion on the campaign landing pages trended?"
    assert metric_team(asked, "Conversion", teams, lexical) == "/r/agency"
    # Words both teams write (or none does) name neither: each team's trend, no preference.
    assert metric_team("How has conversion trended since January?", "Conversion", teams, lexical) is None
    assert metric_team(asked, "Conversion", teams[:1], lexical) is None
