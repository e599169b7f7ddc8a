"""The tense of the clause places a bare weekday or day of the month before or after the report."""

from datetime import date

import pytest

from index.text.timeexpr import find_dates

FRIDAY = date(2024, 3, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周三晚上支付回调挂了半小时", date(2024, 3, 6)),
        ("周三灰度", date(2024, 3, 13)),
        ("周三就要上线了", date(2024, 3, 13)),
        ("On Wednesday the nightly job failed twice", date(2024, 3, 6)),
        ("We plan to cut the release on Wednesday", date(2024, 3, 13)),
        ("Wednesday's migration will run overnight", date(2024, 3, 13)),
        ("周一例会过了一遍排期", date(2024, 3, 4)),
    ],
)
def test_bare_weekday_follows_the_tense(text: str, expected: date) -> None:
    assert [hit.value for hit in find_dates(text, FRIDAY)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("先按20号排", date(2024, 3, 20)),
        ("5号就切完了", date(2024, 3, 5)),
        ("先定2号", date(2024, 4, 2)),
        ("the rollout is due on the 22nd", date(2024, 3, 22)),
        ("the 4th was the worst day", date(2024, 3, 4)),
    ],
)
def test_day_of_month_alone(text: str, expected: date) -> None:
    assert [hit.value for hit in find_dates(text, FRIDAY)] == [expected]


@pytest.mark.parametrize(
    "text", ["3号楼空调坏了", "地铁2号线", "第3号方案", "the 3rd floor", "the 2nd of the three"]
)
def test_numbered_things_are_no_days(text: str) -> None:
    assert find_dates(text, FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # the weekday says which month's day, whatever the tense: 14 March 2025 is a Friday
        (
            "the team has agreed to bring go-live forward to Monday the 14th",
            date(2025, 4, 4),
            date(2025, 4, 14),
        ),
        ("Summit went live on Monday 31st, right on the revised date.", date(2025, 4, 4), date(2025, 3, 31)),
        ("Still tracking to Wednesday 19th for the release.", date(2025, 3, 14), date(2025, 3, 19)),
        ("Cutover is planned for Sunday, the 27th", date(2025, 4, 11), date(2025, 4, 27)),
    ],
)
def test_a_weekday_with_its_day_of_the_month_picks_the_month(text: str, ref: date, expected: date) -> None:
    assert [hit.value for hit in find_dates(text, ref)] == [expected]


def test_a_weekday_and_day_that_never_agree_nearby_are_read_apart() -> None:
    # no 31st from December 2024 to June 2025 is a Thursday: each is read on its own
    hits = find_dates("Thursday the 31st", date(2025, 3, 3))
    assert [hit.text for hit in hits] == ["Thursday", "the 31st"]
