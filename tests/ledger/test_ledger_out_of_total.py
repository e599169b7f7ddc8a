"""A figure told out of its total (`Scientists trained: 34 of 52`, `Boxes migrated: 212/640`) is the
count so far, not a metric named with its count whose value is the total (w33-d)."""

from __future__ import annotations

import pytest

from index.ledger.metric_read import read_pairs


@pytest.mark.parametrize(
    ("line", "name", "value"),
    [
        ("Scientists trained: 34 of 52", "Scientists trained", 34.0),
        ("Helpdesk tickets closed: 1,204 of 1,310", "Helpdesk tickets closed", 1204.0),
        ("Scientists trained: 34", "Scientists trained", 34.0),
    ],
)
def test_a_count_out_of_its_total(line: str, name: str, value: float) -> None:
    (pair,) = read_pairs(line)
    assert (pair.name, pair.value) == (name, value)
    assert pair.quote == line
