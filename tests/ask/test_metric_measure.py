"""A metric answers a question about money only when it is measured in money."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report
from summarizer.facts import answers
from summarizer.question import QuestionPlan

REPORTS = {
    "w1.md": "# ML team log 2025-03-07\n\n## Numbers\n\n- GPU: 24 卡\n- Training cost: $3,100\n",
    "w2.md": "# ML team log 2025-03-14\n\n## Numbers\n\n- GPU: 32 卡\n- Training cost: $4,200\n",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    with Ledger.open(tmp_path / "ledger.sqlite") as opened:
        for name, text in REPORTS.items():
            path = tmp_path / "ml" / name
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            opened.upsert_report(parse_report(load_document(path), str(path)))
        opened.derive()
        yield opened


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
