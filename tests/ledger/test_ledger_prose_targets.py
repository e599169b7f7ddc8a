"""Targets stated in running text: a part of a period after the cue, a new target "set to" a day,
a freeze as a milestone, a version as a target field's value; and the dates beside them that are
no target."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.store import Ledger
from index.ledger.targets import classify_dates, pick_target
from index.text.timeexpr import find_dates, find_field_dates

from .conftest import WriteReport, build

AUGUST = date(2024, 8, 2)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Owner: Wen · Target: end of Q3", "2024-09-30"),
        ("Still targeting the end of 2024H2 for the default flip.", "2024-12-31"),
        ("Target is the end of 2024H2 for the new planner.", "2024-12-31"),
        ("we plan to release 3.0 by the end of October with the new defaults.", "2024-10-31"),
        ("主控固件目标 8/16 冻结。", "2024-08-16"),
        ("状态：正常，8/16 冻结量产版本。", "2024-08-16"),
        ("复测通过。量产版本冻结的新目标定为 9/27，工厂已排产。", "2024-09-27"),
        ("异步接口已经跑通 demo，1.0 的目标是10月底。", "2024-10-31"),  # the goal's day
        ("回归用例这周又没动，9月底有风险", "2024-09-30"),  # a day in doubt is the planned one
        ("数据集发布月底肯定来不及了", "2024-08-31"),
        ("rc 已经发到 PyPI，9月中旬发正式版没有问题。", "2024-09-20"),
        ("所以 1.0 的目标从9月底提前到9月中旬。", "2024-09-20"),  # moved earlier: the new day
        ("数据集发布进度正常，还是按月底。", "2024-08-31"),  # the plan of record restated
        ("9月底的预览版目前还没有改期，但状态调成了有风险。", "2024-09-30"),
    ],
)
def test_targets_in_running_text(text: str, target: str) -> None:
    chosen = pick_target(classify_dates(text, AUGUST))
    assert chosen is not None, text
    assert chosen.hit.value.isoformat() == target


@pytest.mark.parametrize(
    "text",
    [
        "对方联调窗口定在9月23日",  # a window someone else set, not the project's target
        "We will not release at the end of October: one decision is still open",
        "证书预计 9 月底下来",  # an expectation, not a delivery
        "原目标是8月底，已经作废",  # an old goal
        "旧的 sync-tool 命令会作为别名保留到年底",  # a retention, though the clause names a migration
    ],
)
def test_dates_in_running_text_that_are_no_target(text: str) -> None:
    assert pick_target(classify_dates(text, AUGUST)) is None


def test_a_code_freeze_yields_to_the_launch() -> None:
    chosen = pick_target(classify_dates("10/20 代码冻结，10/31 上线", AUGUST))
    assert chosen is not None and chosen.hit.text == "10/31"


def test_a_target_fields_version_needs_no_cue() -> None:
    (moved,) = find_ordinal_targets("1.42 → now 1.44. The fallback merged on May 14", field=True)
    assert (moved.unit, moved.order, moved.before) == ("version", (1, 44), (1, 42))
    assert find_ordinal_targets("1.42 → now 1.44", field=False) == []


def test_a_target_fields_dotted_day_is_no_version() -> None:
    # `预计上线：10.15 → 10.24` are days; a version that reads as a day (3.4) is lost with them.
    assert find_ordinal_targets("10.15 → 10.24", field=True) == []


def test_on_course_for_a_version() -> None:
    (found,) = find_ordinal_targets("it is in the beta, so this is on course for 2.7.")
    assert (found.order, found.before) == ((2, 7), None)


def test_a_version_restated_in_a_target_field_moves_the_goal(
    ledger: Ledger, write_report: WriteReport
) -> None:
    def month(day: str, body: str) -> str:
        return f"# Goals update {day}\n\n## Ongoing goals\n\n### Goal: Faster linker\n\n**Status:** On track\n\n{body}\n"

    reports = [
        write_report("a.md", month("2024-11-29", "The flag is in the beta, so this is on course for 1.42.")),
        write_report(
            "b.md", month("2025-01-31", "**Target:** 1.42 → now 1.44. The fallback merged on January 14.")
        ),
    ]
    build(ledger, reports)
    assert [(s.kind, s.week, s.from_, s.to) for s in views.slips(ledger)] == [
        ("date_moved", "2025-W05", "1.42", "1.44")
    ]


MAY = date(2025, 5, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("W29", [("W29", "2025-07-18")]),  # a planning table's week: that week's Friday
        ("W17", [("W17", "2025-04-25")]),  # weeks just past stay in this year (an overdue ETA)
        ("W16-W18", []),
        ("cannot start before June. 23 of 41 services migrated.", [("June", "2025-06-30")]),
        ("Jun. 23", [("Jun. 23", "2025-06-23")]),  # an abbreviation's full stop is no sentence end
    ],
)
def test_week_columns_and_sentence_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.text, h.value.isoformat()) for h in find_dates(text, MAY)] == expected


def test_moved_from_the_end_of_a_period_is_the_old_target() -> None:
    roles = classify_dates("Moved from end of Q2: the owners cannot start before July.", MAY)
    assert [(r.hit.text, r.role) for r in roles][:1] == [("Q2", "old")]


def test_a_bare_eta_cell_cites_the_note_that_says_it_moved(ledger: Ledger, write_report: WriteReport) -> None:
    def page(day: str, eta: str, note: str) -> str:
        return (
            f"# Security weekly {day}\n\n## Initiatives\n\n| Initiative | RAG | ETA | Notes |\n|---|---|---|---|\n"
            f"| Key rotation | AT RISK | {eta} | {note} |\n"
        )

    build(
        ledger,
        [
            write_report("a.md", page("2025-05-02", "end of Q2", "12 of 41 services done.")),
            write_report(
                "b.md", page("2025-05-09", "W29", "Moved from end of Q2: the owners start in June.")
            ),
        ],
    )
    (slip,) = views.slips(ledger)
    assert (slip.kind, slip.week, slip.from_) == ("date_moved", "2025-W19", "2025-06-30")
    before, after = (c.quote for c in slip.evidence)
    # a cell says whose date it is only with its row: the old ETA's, and the note that tells the move
    assert "Key rotation" in before and "end of Q2" in before
    assert "Key rotation" in after and "Moved from end of Q2: the owners start in June." in after


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4.18", ["2025-04-18"]), (" 12.5 ", ["2025-12-05"]), ("1.85", []), ("4.18 / 4.25", []), ("v4.18", [])],
)
def test_a_date_fields_bare_dotted_day(text: str, expected: list[str]) -> None:
    assert [h.value.isoformat() for h in find_field_dates(text, MAY)] == expected
    assert find_dates(text, MAY) == []  # in running text the same number needs a schedule word


def test_a_dotted_day_in_a_target_column_moves(ledger: Ledger, write_report: WriteReport) -> None:
    def week(day: str, eta: str, status: str) -> str:
        return (
            f"# 数据组周报 {day}\n\n## 项目进展\n\n| 项目 | 进度 | 计划上线 | 状态 |\n|---|---|---|---|\n"
            f"| 采集SDK | 75% | {eta} | {status} |\n"
        )

    build(
        ledger,
        [
            write_report("a.md", week("2025-04-11", "4.18", "正常")),
            write_report("b.md", week("2025-04-18", "延期至4月底", "延期")),
        ],
    )
    got = [(s.kind, s.from_, s.to) for s in views.slips(ledger)]
    assert ("date_moved", "2025-04-18", "2025-04-30") in got


SEPTEMBER = date(2024, 9, 27)


@pytest.mark.parametrize(
    ("text", "value"),
    [("明年Q1", "2025-03-31"), ("今年Q4", "2024-12-31"), ("2025 Q1", "2025-03-31"), ("Q1", "2025-03-31")],
)
def test_a_quarter_with_its_year_word(text: str, value: str) -> None:
    (hit,) = find_dates(text, SEPTEMBER)
    assert (hit.text, hit.value.isoformat()) == (text, value)


def test_pushed_to_next_years_quarter_is_a_moved_target() -> None:
    roles = classify_dates("推到明年Q1：云端方案还没定，做完也没人接。", SEPTEMBER)
    assert [(r.hit.text, r.role, r.moved) for r in roles] == [("明年Q1", "target", True)]


def test_a_highlight_bullet_naming_a_project_then_its_move(ledger: Ledger, write_report: WriteReport) -> None:
    def issue(day: str, highlights: str, body: str) -> str:
        return f"# 固件组双周报 {day}\n\n## 本期重点\n\n{highlights}\n\n## Relay\n\n{body}\n"

    build(
        ledger,
        [
            write_report("a.md", issue("2024-09-13", "- 本期无重点。", "进度 30%，H2 上线。")),
            write_report(
                "b.md",
                issue(
                    "2024-09-27",
                    "- Relay 推到明年Q1：云端方案还没定。\n- Beacon 正式取消，剩余工作并入 Relay。",
                    "进度 35%。SDK 部分继续做完。",
                ),
            ),
        ],
    )
    got = [(s.project, s.kind, s.week, s.from_, s.to) for s in views.slips(ledger)]
    assert got == [("Relay", "date_moved", "2024-W39", "2024-12-31", "2025-03-31")]
