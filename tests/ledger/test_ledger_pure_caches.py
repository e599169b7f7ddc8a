"""The ledger's per-line readers are cached: a second call answers the same and hands back a list
of its own, so a caller that edits its result cannot change what the next caller reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from index.ledger.prose_links import Vocabulary
from index.ledger.signals import find_progress, find_statuses, split_label
from index.text.timeexpr import find_dates

REF = date(2025, 3, 7)
LINE = "Ledger Sync 进度 60%，延期到 4/18 上线，at risk"

READERS: list[tuple[str, Callable[[str], list[object]]]] = [
    ("find_dates", lambda text: list(find_dates(text, REF))),
    ("find_statuses", lambda text: list(find_statuses(text))),
    ("find_progress", lambda text: list(find_progress(text, True))),
    ("named", lambda text: list(Vocabulary([("Ledger Sync", "Ledger Sync")]).named(text))),
]


@pytest.mark.parametrize(("name", "read"), READERS, ids=[name for name, _ in READERS])
def test_a_cached_reader_answers_the_same_each_time(name: str, read: Callable[[str], list[object]]) -> None:
    first = read(LINE)
    assert first, name
    assert read(LINE) == first


def test_editing_a_result_does_not_change_the_next() -> None:
    vocabulary = Vocabulary([("Ledger Sync", "Ledger Sync")])
    for read in (
        lambda: find_dates(LINE, REF),
        lambda: find_statuses(LINE),
        lambda: find_progress(LINE, True),
        lambda: vocabulary.named(LINE),
    ):
        result = read()
        expected = list(result)
        result.clear()
        assert read() == expected


def test_the_reference_day_is_part_of_the_answer() -> None:
    """A date without a year resolves against the report's day: a cached answer for one report
    is never another's."""
    (march,) = find_dates("4/18 上线", date(2025, 3, 7))
    (next_year,) = find_dates("4/18 上线", date(2025, 12, 20))
    assert march.value == date(2025, 4, 18)
    assert next_year.value == date(2026, 4, 18)


def test_a_label_is_read_the_same_twice() -> None:
    assert split_label("Status: at risk") == split_label("Status: at risk")
    assert split_label("Status: at risk") is not None
