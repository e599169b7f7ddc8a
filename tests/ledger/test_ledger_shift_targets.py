"""A target moved by an amount with no new date: the last stated target plus the amount."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.store import Ledger
from index.text.shift import find_shifts

from .conftest import WriteReport, build


def _week(day: str, line: str) -> str:
    return f"# 团队周报 {day}\n\n## 本周进展\n\n- {line}\n"


def _slips(ledger: Ledger) -> list[tuple[str, str, str, str]]:
    return [(s.kind, s.week, s.from_, s.to) for s in views.slips(ledger)]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("上线时间又推迟了一周", 7),
        ("整体往后挪两周", 14),
        ("交付提前三天", -3),
        ("整体上线要晚几天", None),
        ("The launch slipped another week", 7),
        ("we pushed the release back two weeks", 14),
        ("go-live is delayed by 3 days", 3),
        ("the date slipped a bit", None),
    ],
)
def test_amounts(text: str, days: int | None) -> None:
    assert [s.days for s in find_shifts(text)] == [days]


@pytest.mark.parametrize(
    "text",
    [
        "比原计划晚了两天才上线",  # lateness of a thing done, not a move
        "供应商的样品晚了两周",  # someone else's lateness, no schedule word
        "周会推迟一天",  # a meeting
        "这个 bug 拖了两周才修好",  # a duration
        "we pushed the fix to staging",
    ],
)
def test_no_move(text: str) -> None:
    assert find_shifts(text) == []


def test_move_by_an_amount_dates_from_the_last_target(ledger: Ledger, write_report: WriteReport) -> None:
    build(
        ledger,
        [
            write_report("w1.md", _week("2024-05-10", "结算中心：进度40%，预计5/31上线")),
            write_report("w2.md", _week("2024-05-17", "结算中心：进度50%，联调发现问题，上线又推迟了两周")),
        ],
    )
    assert _slips(ledger) == [("date_moved", "2024-W20", "2024-05-31", "2024-06-14")]


def test_vague_amount_or_written_date(ledger: Ledger, write_report: WriteReport) -> None:
    """`晚几天` states no date: no move. A date written beside the amount is the target."""
    build(
        ledger,
        [
            write_report("w1.md", _week("2024-05-10", "结算中心：进度40%，预计5/31上线")),
            write_report("w2.md", _week("2024-05-17", "结算中心：进度50%，上线可能要晚几天")),
            write_report("w3.md", _week("2024-05-24", "结算中心：进度60%，上线推迟一周，改到6/10")),
        ],
    )
    assert _slips(ledger) == [("date_moved", "2024-W21", "2024-05-31", "2024-06-10")]


def test_no_earlier_target_no_guess(ledger: Ledger, write_report: WriteReport) -> None:
    build(ledger, [write_report("w1.md", _week("2024-05-17", "结算中心：进度50%，上线又推迟了两周"))])
    assert _slips(ledger) == []
