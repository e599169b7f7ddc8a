"""Launches told in running prose and loose bullets, and the lines that only look like launches.

Each case is a small two-report series: the project is named (with a target) in the first report
and launched, or not, in the second; what the ledger derives is checked through `views.launches`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.ledger import views
from index.ledger.store import Ledger

from .conftest import WriteReport, build

Series = Callable[[list[tuple[str, str]]], Ledger]


@pytest.fixture
def series(ledger: Ledger, write_report: WriteReport) -> Series:
    def make(reports: list[tuple[str, str]]) -> Ledger:
        return build(ledger, [write_report(name, text) for name, text in reports])

    return make


def launched(ledger: Ledger) -> list[tuple[str, str]]:
    return [(x.project, x.week) for x in views.launches(ledger)]


EN_BEFORE = """\
# Retail engineering weekly, 6 March 2025

Hi all,

Loyalty revamp: 9 of 12 screens done. On track for the 20th of March.
"""


def test_a_sentence_before_a_colon_names_its_subject(series: Series) -> None:
    # Written from email-prose-retail: "X is done: <why>" is a sentence, not a label "X is done".
    after = """\
    # Retail engineering weekly, 20 March 2025

    Hi all,

    Loyalty revamp is done: the last screen went out yesterday, a day ahead of plan.
    """
    ledger = series([("w1.txt", EN_BEFORE), ("w2.txt", after)])
    assert launched(ledger) == [("Loyalty revamp", "2025-W12")]
