"""A move told in one clause and its new day in the next clause of the same sentence."""

from datetime import date

import pytest

from index.ledger.targets import classify_dates

REF = date(2024, 4, 12)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("报表迁移又往后推了，到 5 月底。", date(2024, 5, 31)),
        ("The billing export slipped again, to the end of May.", date(2024, 5, 31)),
    ],
)
def test_move_verb_in_the_clause_before(text: str, day: date) -> None:
    roles = classify_dates(text, REF)
    assert [(r.hit.value, r.role, r.moved) for r in roles] == [(day, "target", True)]


@pytest.mark.parametrize(
    "text",
    [
        "周会推迟了。下周二到 5 月底之间大家轮流值班",  # another sentence: the move is not this day's
        "We talked to the end of May vendors.",
    ],
)
def test_no_move_without_a_move_verb_in_the_sentence(text: str) -> None:
    assert not any(r.moved for r in classify_dates(text, REF))
