"""A metric answers a question about money only when it is measured in money."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ledger.store import Ledger
from summarizer.facts import answers
from summarizer.question import QuestionPlan

from .conftest import open_ledger

REPORTS = {
    "w1.md": "# ML team log 2025-03-07\n\n## Numbers\n\n- GPU: 24 卡\n- Training cost: $3,100\n",
    "w2.md": "# ML team log 2025-03-14\n\n## Numbers\n\n- GPU: 32 卡\n- Training cost: $4,200\n",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    yield from open_ledger(tmp_path, {f"ml/{name}": text for name, text in REPORTS.items()})


@pytest.mark.parametrize(
    ("question", "names", "expected"),
    [
        ("How much did the GPU training cost in dollars?", ["GPU"], None),
        ("How much did the GPU training cost in dollars?", ["GPU", "Training cost"], "Training cost"),
        ("How many GPUs do we have?", ["GPU"], "GPU"),
    ],
)
def test_a_count_does_not_answer_a_money_question(
    ledger: Ledger, question: str, names: list[str], expected: str | None
) -> None:
    found = answers.metrics(QuestionPlan(question=question, intent="metric", metrics=names), ledger)
    assert (found.headline.split(":")[0] if found else None) == expected
