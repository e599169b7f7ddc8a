"""All-number days in the order their report writes them: `30/01` and `14/11/2025` can only be day
first, and a report that writes them so means 5 December by its `05/12`."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates, pick_target
from index.text.timeexpr import find_dates, reading_day_first, writes_day_first

REF = date(2025, 11, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("forecast completion 30/01", date(2026, 1, 30)),  # only day first fits
        ("Week ending: 14/11/2025", date(2025, 11, 14)),  # with its year
        ("due 11/14/2025", date(2025, 11, 14)),  # month first, with its year
        ("ships 12/05/25", date(2025, 12, 5)),  # a two-digit year, month first by default
        ("review 1/23", date(2026, 1, 23)),
    ],
)
def test_a_slashed_day_that_fits_one_order_is_read_in_it(text: str, expected: date) -> None:
    assert [h.value for h in find_dates(text, REF)] == [expected]


def test_an_ambiguous_slashed_day_follows_the_reports_order() -> None:
    assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2026, 5, 12)]
    with reading_day_first(True):
        assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2025, 12, 5)]
        assert [h.value for h in find_dates("review 1/23", REF)] == [date(2026, 1, 23)]  # still fits one
    assert [h.value for h in find_dates("forecast 05/12", REF)] == [date(2026, 5, 12)]  # and back


@pytest.mark.parametrize(
    ("lines", "day_first"),
    [
        (["Week ending: 14/11/2025", "forecast 05/12"], True),
        (["due 1/30", "forecast 05/12"], False),
        (["progress 2/5, 13/20 tests", "forecast 05/12"], False),  # fractions say nothing
        (["30/01 and 28/11", "but 1/30"], True),  # the majority
    ],
)
def test_a_report_writes_day_first_when_its_unambiguous_days_do(lines: list[str], day_first: bool) -> None:
    assert writes_day_first(lines) is day_first


def test_a_forecast_completion_is_the_target_and_its_baseline_is_not() -> None:
    line = "Block A superstructure – 94% complete – forecast completion 12/12 (baseline 05/12) – Amber"
    with reading_day_first(True):
        target = pick_target(classify_dates(line, REF))
    assert target is not None and target.hit.value == date(2025, 12, 12)
    with reading_day_first(True):
        roles = classify_dates("Façade – forecast Practical Completion 12/12", REF)
    assert [r.hit.value for r in roles if r.role == "target"] == [date(2025, 12, 12)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Façade package – 38% complete – forecast completion 30/01 – Amber", ["at_risk"]),
        ("Site utilities diversion – 65% complete – Red", ["off_track"]),
        ("the nightly build - red", []),  # a build's colour
    ],
)
def test_a_rag_colour_as_a_dashed_field_is_the_status(line: str, expected: list[str]) -> None:
    assert [s.value for s in find_statuses(line)] == expected


def test_pipe_rows_without_a_delimiter_row_are_a_table() -> None:
    from index.tables import read_tables

    lines = list(
        enumerate(
            [
                "编号 | 需求名称 | 状态 | 完成度 | 预计完成",
                "#1532 | 商家结算单重构 | 进行中 | 85% | 2024-09-27",
                "#1547 | 支付对账自动化 | 进行中 | 40% | 2024-10-15",
                "",
                "BUG#8870 | 一般 | 2024-09-18 09:05 | 订单导出任务队列积压",  # a lone piped line
            ],
            start=1,
        )
    )
    tables = read_tables(lines)
    assert len(tables) == 1
    assert tables[0].header == ["编号", "需求名称", "状态", "完成度", "预计完成"]
    assert [row.line for row in tables[0].rows] == [2, 3]
    assert tables[0].rows[0].cells[1] == "商家结算单重构"


def test_a_status_emoji_after_a_heading_name_is_its_status_not_its_name() -> None:
    from index.ledger.mentions import clean_name, valid_name

    assert clean_name("Query planner 🟡") == "Query planner"
    assert clean_name("Windows support ⏸️") == "Windows support"
    assert not valid_name("5 of 9")  # a count, not a project


def test_a_heading_with_plan_in_a_word_is_no_plans_section() -> None:
    from index.classify import classify_heading
    from index.models import SectionKind

    assert classify_heading("6. Labour and plant") != SectionKind.PLANS
    assert classify_heading("Next week plan") == SectionKind.PLANS
    assert classify_heading("7. Health & Safety") == SectionKind.OTHER  # its "health" is no metric


def test_a_slashed_day_before_a_colon_is_a_day_not_a_figure() -> None:
    assert [h.text for h in find_dates("Toolbox talk 26/11: exclusion zones", REF)] == ["26/11"]
    assert find_dates("ratio 10/11:30", REF) == []  # a clock after it: not a day


def test_a_bare_count_is_named_by_the_subject_its_section_counts() -> None:
    from index.ledger.metric_naming import counted_name

    assert counted_name("新增", "二、缺陷统计") == "新增缺陷"
    assert counted_name("Opened", "3. Bugs") == "Opened Bugs"
    assert counted_name("日活", "二、缺陷统计") == "日活"  # a name of its own
    assert counted_name("新增", "本周") == "新增"  # a section that names no subject


def test_a_dotted_day_with_its_year_last_is_day_first_and_a_version_is_no_day() -> None:
    def read(text: str) -> list[str]:
        return [str(h.value) for h in find_dates(text, REF)]

    assert read("due 30.06.2025") == ["2025-06-30"]
    assert read("go-live 1.7.2025") == ["2025-07-01"]
    assert read("target 30.06.25") == ["2025-06-30"]
    assert read("06.30.2025") == ["2025-06-30"]  # only month first makes a day
    assert read("upgrade to 3.10.12") == [] and read("v1.2.25") == []  # versions


def test_a_day_and_month_closed_by_points_needs_a_day_it_can_only_be_or_a_day_first_report() -> None:
    assert [str(h.value) for h in find_dates("ready by 30.6.", REF)] == [
        "2026-06-30"
    ]  # the next 30 June after the report
    assert find_dates("rated 4.5.", REF) == []
    with reading_day_first(True):
        assert [str(h.value) for h in find_dates("due 5.7.", REF)] == ["2026-07-05"]
        assert find_dates("rated 4.5.", REF) == []  # no day word before it: a figure
    assert writes_day_first(["ready by 30.6.", "moved to 14.07.2025"])


def test_a_weekday_before_a_full_slashed_day_picks_its_order() -> None:
    assert [h.value for h in find_dates("Sent: Thu 06/03/2025", REF)] == [date(2025, 3, 6)]
    assert [h.value for h in find_dates("Sent: Tue 06/03/2025", REF)] == [date(2025, 6, 3)]
    # and says how the rest of the report writes its days, over an issue number read month first
    assert writes_day_first(["Sent: Thu 06/03/2025 17:31", "Subject: BRIEF 09/25"])
    assert not writes_day_first(["Sent: Tue 06/03/2025 17:31", "Subject: BRIEF 09/25"])


def test_days_written_with_month_names_say_the_order_of_slashed_ones() -> None:
    """ "Sat 5 Oct" is a British writer's order: their `11/10/2024` is 11 October. "Oct 5" is an
    American's; "2 may slip" is a verb, not a day."""
    assert writes_day_first(["Date: 11/10/2024", "cutover Sat 5 Oct", "review 16 Oct"])
    assert not writes_day_first(["Date: 11/10/2024", "cutover Sat Oct 5", "review Oct 16"])
    assert not writes_day_first(["Date: 11/10/2024", "the vendor 2 may slip", "Sep 2024 budget"])
