"""Report dates written where a letter, a newsletter or a 公文 writes them: a dateline under the
title, a sign-off at the end, a file name that holds a span of days, a date in Chinese numerals,
a weekday that says which figure of `04/09` is the month. Each is read only when nothing above it
in `date_places.detect_report_date`'s order dated the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import parsed_date

from index.date_labels import labelled_date
from index.date_places import GUESSED
from index.errors import ReportDateError
from index.report_date import (
    date_from_text,
    opening_date,
    six_digit_stem_date,
    weekday_date,
    yearless_stem_date,
)
from index.text.numerals import zh_numeral_dates
from index.text.timeexpr import find_dates, reading_day_first

FILLER = "".join(f"- item {n}\n" for n in range(12))  # past the header lines a sign-off may not be in


parse = parsed_date


def test_a_dateline_under_the_title_with_its_year(tmp_path: Path) -> None:
    text = "# This Week in Infra — Issue 12\n\n_Thursday, July 10, 2025 · editor: Ana_\n\nHi all.\n"
    assert parse(tmp_path, "issue-12.md", text) == (date(2025, 7, 10), "header line")


def test_a_yearless_dateline_is_read_near_its_series(tmp_path: Path) -> None:
    text = "# TWiI #15\n\n_Thu 31/07 — Tobi editing_\n\nMorning all.\n"
    found, origin = parse(tmp_path, "twii-15.md", text, near=date(2025, 7, 24))
    assert (found, origin) == (date(2025, 7, 31), "dateline, year from its series")


def test_a_sentence_under_the_title_is_no_dateline(tmp_path: Path) -> None:
    # a target in the opening paragraph must not date the report
    text = "# Infra news\n\nWe now aim for July 14 on the cutover.\n\n- more\n"
    with pytest.raises(ReportDateError):
        parse(tmp_path, "news.md", text, near=date(2025, 7, 4))


def test_a_sign_off_in_chinese_numerals_dates_a_gongwen(tmp_path: Path) -> None:
    text = "智能制造项目推进周报\n\n一、总体情况\n" + FILLER + "\n数字化部\n二〇二五年八月二十九日\n"
    assert parse(tmp_path, "周报（第23期）.txt", text) == (date(2025, 8, 29), "sign-off line")


def test_a_header_created_line_is_no_sign_off(tmp_path: Path) -> None:
    text = "# 周报\n\nCreated: 2023年11月29日 20:54\n\n## 工作\n- a\n"
    with pytest.raises(ReportDateError):
        parse(tmp_path, "notes.md", text)


def test_a_yearless_sign_off_needs_an_agreeing_weekday(tmp_path: Path) -> None:
    text = "# Infra news\n\nHanne here.\n\n" + FILLER + "\n/Hanne, Fri 29 Aug — a day late\n"
    assert parse(tmp_path, "issue-18.md", text, near=date(2025, 8, 21))[0] == date(2025, 8, 29)
    wrong = text.replace("Fri 29 Aug", "Sat 29 Aug")  # 2025-08-29 is a Friday: no agreement, no date
    with pytest.raises(ReportDateError):
        parse(tmp_path, "issue-18b.md", wrong, near=date(2025, 8, 21))


def test_a_file_name_span_of_days_gives_its_last_day() -> None:
    found = yearless_stem_date("信息科周报（9.15-9.19）", date(2025, 9, 12))
    assert found is not None and found.value == date(2025, 9, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu 04/09", date(2025, 9, 4)),  # 9 April 2025 is a Wednesday: day first
        ("Wed 10/09", date(2025, 9, 10)),
        ("Fri 17/10", date(2025, 10, 17)),  # only day first is a date
        ("Thu 10/09", date(2025, 10, 9)),  # month first agrees: kept
        ("10/26", date(2025, 10, 26)),  # no weekday: month first as before
    ],
)
def test_a_weekday_says_which_figure_is_the_month(text: str, expected: date) -> None:
    hits = find_dates(text, date(2025, 9, 1), "nearest")
    assert [hit.value for hit in hits] == [expected]


def test_italic_markup_closes_a_day() -> None:
    hits = find_dates("_Thursday July 10_", date(2025, 7, 1), "nearest")
    assert date(2025, 7, 10) in [hit.value for hit in hits]


def test_chinese_numeral_dates_become_figures_and_nothing_else_does() -> None:
    assert zh_numeral_dates("二〇二五年八月二十九日") == "2025年8月29日"
    assert zh_numeral_dates("完成约七成，二期上线") == "完成约七成，二期上线"


def test_opening_and_weekday_dates_refuse_what_is_no_date() -> None:
    assert opening_date("Hanne here. It is freeze week", date(2025, 8, 20)) is None
    assert weekday_date("Next sync Aug 29", date(2025, 8, 20)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forecast 14-Mar-2025", date(2025, 3, 14)),
        ("on Tue 08-Apr (about 6 hours)", date(2025, 4, 8)),
        ("Actual 12-Apr-25", date(2025, 4, 12)),
        ("TUE 11-MAR", date(2025, 3, 11)),
    ],
)
def test_the_dashed_day_month_of_exports_is_a_day(text: str, expected: date) -> None:
    assert [hit.value for hit in find_dates(text, date(2025, 4, 1), "nearest")] == [expected]


def test_a_header_table_row_names_the_week_ending_day_first(tmp_path: Path) -> None:
    text = (
        "# Site progress report\n\n| | |\n|---|---|\n| **Report No.** | 38 |\n"
        "| **Week ending** | 05/12/2025 |\n\n## Programme\n\n- Façade – forecast 30/01\n"
    )
    assert parse(tmp_path, "wpr-38.md", text) == (date(2025, 12, 5), "header line")


def test_a_labelled_day_with_a_two_digit_year(tmp_path: Path) -> None:
    text = (
        "# Weekly progress report No. 33\n\nReport No.: 33\nWeek ending: 28/11/25\n\n## Summary\n\nQuiet.\n"
    )
    assert parse(tmp_path, "wpr-33.md", text) == (date(2025, 11, 28), "header line")


def test_a_byline_that_is_edited_by_someone_dates_the_issue(tmp_path: Path) -> None:
    text = "# This Week in Quarrel — Issue #33\n\nEdited by Marta Kessel · 3 February 2025\n\nWelcome.\n"
    assert parse(tmp_path, "issue-33.md", text) == (date(2025, 2, 3), "header line")


def test_an_html_page_is_dated_by_its_header_time_not_its_footer(tmp_path: Path) -> None:
    page = (
        "<html><head><title>This Week — Issue #35</title></head><body><article>\n"
        '<p class="meta">Editor: Sunniva. <time datetime="2025-02-17">17.02.2025</time></p>\n'
        "<h2>Release train</h2><p>v0.19 is planned for the week of 10 March.</p>\n"
        '<footer>Next issue: <time datetime="2025-02-24">24 Feb</time></footer></article></body></html>\n'
    )
    assert parse(tmp_path, "issue-35.html", page) == (date(2025, 2, 17), "front matter")
    footer_only = page.replace('<time datetime="2025-02-17">17.02.2025</time>', "")
    with pytest.raises(ReportDateError):
        parse(tmp_path, "issue-35.html", footer_only)


def test_an_opening_sentence_that_says_when_the_issue_came_out(tmp_path: Path) -> None:
    text = "# This Week — Issue #37\n\nThis issue was published on Monday 10 March, after a break.\n"
    found, origin = parse(tmp_path, "issue-37.md", text, near=date(2025, 2, 24))
    assert (found, origin) == (date(2025, 3, 10), "opening sentence, year from its series")


def test_a_bilingual_label_a_label_cell_inside_a_header_row_and_a_reporting_period(tmp_path: Path) -> None:
    text = "Program weekly / 项目周报   KW15\nDate 日期: 11.04.2025          Author 编写: Li\n\n1. Summary\n- ok\n"
    assert parse(tmp_path, "weekly.txt", text) == (date(2025, 4, 11), "header line")
    row = "# 工作周报\n\n| 部门 | 网络中心 | 周次 | 第2周 |\n| 填报人 | 周敏 | 填报日期 | 2025年2月28日 |\n\n## 一、工作\n- a\n"
    assert parse(tmp_path, "row.md", row) == (date(2025, 2, 28), "header line")
    span = "# 体验运营周报（第14期）\n\n汇报周期：2025年10月9日—10月11日（节后首周）\n\n## 一、小结\n- a\n"
    assert parse(tmp_path, "span.md", span) == (date(2025, 10, 11), "header line")


def test_a_yearless_byline_is_read_near_its_series_when_its_weekday_agrees(tmp_path: Path) -> None:
    """ "Posted Friday, April 25" under the title: Friday in 2025, the series' year; in a series
    of 2026, when 25 April is a Saturday, the weekday disagrees and the report is not dated."""
    text = "# Portfolio digest\nPosted Friday, April 25\n\nBack after the long weekend.\n"
    assert parse(tmp_path, "digest-05.md", text, near=date(2025, 5, 9)) == (
        date(2025, 4, 25),
        "byline, year from its series",
    )
    with pytest.raises(ReportDateError):
        parse(tmp_path, "digest-05.md", text, near=date(2026, 5, 8))


def test_a_labelled_part_of_a_header_line_dates_the_report(tmp_path: Path) -> None:
    """`Programme Week 27 | Week ending Fri 11 Apr 2025`: the date is the line's labelled part, not
    a go-live day further down (which had dated this report to the Monday after)."""
    text = (
        "Subject: Site Systems Weekly Update - Programme Wk 27\n\nSITE SYSTEMS PROGRAMME - WEEKLY UPDATE\n"
        "Programme Week 27 | Week ending Fri 11 Apr 2025\n\n1. HEADLINES\n * Go-live forecast: Mon 14 Apr 2025\n"
    )
    assert parse(tmp_path, "weekly-wk27.txt", text) == (date(2025, 4, 11), "header line")


def test_a_labelled_period_set_apart_by_spaces_on_a_header_line(tmp_path: Path) -> None:
    """`FY25 W50    报告期 Period: 2025.03.10 - 2025.03.14`: the report's own fiscal week, then its
    period, lined up with spaces; nine of a series' ten reports had been skipped for no date."""
    text = (
        "岚桥 | 专线事业部 周报 Weekly Ops Report\n"
        "FY25 W50    报告期 Period: 2025.03.10 - 2025.03.14\n"
        "编制 Prepared by: Ivy\n\n【一、本周要点】\n1. 美线出货 4.12万票\n"
    )
    assert parse(tmp_path, "专线周报_FY25W50.txt", text) == (date(2025, 3, 14), "header line")


def test_spaced_fields_without_a_date_label_date_nothing(tmp_path: Path) -> None:
    """`Sprint 12    Due 2025-05-01` names a due day, not the report's: no label says it is the
    report's date, so the report stays undated."""
    with pytest.raises(ReportDateError):
        parse(tmp_path, "notes.txt", "Team notes\nSprint 12    Due 2025-05-01\n\n- item\n")


def test_a_yearless_labelled_period_on_a_header_line_takes_its_series_year(tmp_path: Path) -> None:
    """`FY26 W01（清明短周）   报告期 Period: 3/31 - 4/3`: no year on the line, its siblings give it."""
    text = (
        "岚桥 | 专线事业部 周报 Weekly Ops Report\n"
        "FY26 W01（清明短周）   报告期 Period: 3/31 - 4/3\n"
        "编制 Prepared by: Ivy\n\n【一、本周要点】\n1. 美线出货 4.12万票\n"
    )
    found = parse(tmp_path, "专线周报_FY26W01.txt", text, near=date(2025, 4, 18))
    assert found == (date(2025, 4, 3), "header line, year from its series")


def test_a_header_line_of_fields_between_full_width_bars(tmp_path: Path) -> None:
    text = "# 机电项目周报\n\n> **第16期（合并期）** ｜ 报告周期：2024.09.30—2024.10.11 ｜ 项目第27周\n\n## 一、总体\n"
    assert parse(tmp_path, "周报第16期.md", text) == (date(2024, 10, 11), "header line")


def test_the_opening_paragraph_names_its_day_with_an_agreeing_weekday(tmp_path: Path) -> None:
    text = (
        "# Infra news — Issue 20\n\nPriya here, on a slow Thursday, September 11. Big week.\n\n## Shipped\n"
    )
    found = parse(tmp_path, "issue-20.md", text, near=date(2025, 9, 4))
    assert found == (date(2025, 9, 11), "opening paragraph, year from its series")
    wrong = text.replace("Thursday", "Friday")  # 2025-09-11 is a Thursday: no agreement, no date
    with pytest.raises(ReportDateError):
        parse(tmp_path, "issue-20b.md", wrong, near=date(2025, 9, 4))


def test_the_first_full_date_of_the_opening_lines_is_the_last_resort(tmp_path: Path) -> None:
    text = "# Steering notes\n\nPrepared 2025-03-07 for the board; next one 2025-03-21.\n\n## Items\n"
    with pytest.raises(ReportDateError):  # the siblings' pass comes first
        parse(tmp_path, "notes.md", text)
    assert parse(tmp_path, "notes.md", text, near=date(2025, 3, 1)) == (date(2025, 3, 7), GUESSED)
    due = "# Steering notes\n\nCutover due 2025-04-30.\n\n## Items\n"  # a due day is not the report's
    with pytest.raises(ReportDateError):
        parse(tmp_path, "due.md", due, near=date(2025, 3, 1))


@pytest.mark.parametrize(
    ("stem", "day_first", "expected"),
    [
        ("status_020725", False, date(2025, 2, 7)),  # month first, as the report writes its days
        ("status_020725", True, date(2025, 7, 2)),
        ("周报250307", False, date(2025, 3, 7)),  # 25 is no month, 2007 is far from the series: YYMMDD
        ("report_202503", False, None),  # a year and a month: no reading is a day
    ],
)
def test_six_digits_in_a_file_name_read_near_the_series(
    stem: str, day_first: bool, expected: date | None
) -> None:
    with reading_day_first(day_first):
        found = six_digit_stem_date(stem, date(2025, 6, 1))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("stem", ["W10-2025", "KW10_2025", "wk10 2025", "Week 10, 2025", "2025 week 10"])
def test_a_week_then_its_year_is_that_weeks_friday(stem: str) -> None:
    found = date_from_text(stem.replace("_", "-"))
    assert found is not None and (found.value, found.origin) == (date(2025, 3, 7), "week")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Weekly note -- w/e 27.02.25 (Thurs -- Fri is the training day)", date(2025, 2, 27)),
        ("> 报告期间：2025.03.03（周一）— 2025.03.07（周五），共5个交易日", date(2025, 3, 7)),
        ("**编辑:** 周屹 ｜ **发布:** 2025-10-10 ｜ **本周 oncall:** Arjun", date(2025, 10, 10)),
        ("Date: 3/7/25", date(2025, 3, 7)),
        # minutes are of the day the meeting met (w20-d)
        ("会议日期：2025/03/13（四）14:00-15:00    地点：三楼会议室", date(2025, 3, 13)),
        ("Meeting date: 13 March 2025 | Chair: R. Okafor", date(2025, 3, 13)),
        ("Posted: Thu 29 May 2025 by D. Moreno, Branch Chief (acting)", date(2025, 5, 29)),  # w21-e
        # a sheet's "sent you rows" mail states its day inside its header sentence (w23-b)
        (
            "| Dana sent you rows from a sheet DCH Tracker FY25 Report as of 03/07/25 4:12 PM CT · 1 sheet",
            date(2025, 3, 7),
        ),
        # a wiki page's stamp under its title, after its author (ONES, w23-f)
        ("林晓舟 创建于 2025-03-14 17:05 · 最后编辑 2025-03-14 18:31 · 版本 v5", date(2025, 3, 14)),
        ("Created on 14 March 2025 by Ana · last edited 17 March", date(2025, 3, 14)),
        # a batch job's title line: its short name and a dash before the day, a SAS date9 day
        ("Plant Maintenance Status Report (PMSR) - As of 07MAR2025", date(2025, 3, 7)),
    ],
)
def test_labelled_dates_a_template_writes_in_its_own_words(line: str, expected: date) -> None:
    found = labelled_date(line)
    assert found is not None and found.value == expected


def test_another_things_as_of_in_a_sentence_is_no_report_date() -> None:
    assert labelled_date("The budget as of 03/01/25 covers phase 1 only") is None


def test_a_guessed_span_of_days_is_dated_by_its_end(tmp_path: Path) -> None:
    text = "# 周报（第01期）\n\n> 本期：2025.03.03（周一）— 2025.03.07（周五）\n\n## 一、概要\n"
    assert parse(tmp_path, "第01期.md", text, near=date(2025, 3, 1)) == (date(2025, 3, 7), GUESSED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-100 (Thu 10 Apr)", date(2025, 4, 10)),  # ISO 8601 ordinal: the 100th day of 2025
        ("GSSW-WSR-2025-093", date(2025, 4, 3)),
        ("2024-2025", None),  # a span of years
        ("FY2025-001 budget", None),  # a code
        ("2025-366", None),  # 2025 has 365 days
    ],
)
def test_a_year_and_its_day_of_the_year(text: str, expected: date | None) -> None:
    found = date_from_text(text)
    assert (found.value if found else None) == expected


def test_a_slide_decks_footer_dates_it_when_no_date_field_does(tmp_path: Path) -> None:
    # a Marp deck: the day only in the footer every slide repeats
    text = "---\nmarp: true\npaginate: true\nfooter: 配送中台 · 2024年6月14日（周五）· 内部\n---\n\n# 周同步\n\n- ETA 服务：进行中\n"
    assert parse(tmp_path, "sync-20.md", text) == (date(2024, 6, 14), "front matter")


def test_a_date_field_beats_a_footers_day(tmp_path: Path) -> None:
    text = "---\ndate: 2024-06-21\nfooter: 配送中台 · 2024年6月14日 · 内部\n---\n\n# 周同步\n\n- ETA 服务：进行中\n"
    assert parse(tmp_path, "sync-21.md", text) == (date(2024, 6, 21), "front matter")


def test_a_notebooks_report_date_parameter_dates_it(tmp_path: Path) -> None:
    # a notebook exported as source: the title has no day, the parameter cell has
    text = (
        "-- Databricks notebook source\n-- MAGIC %md\n-- MAGIC # Monitoring weekly, issue 15\n\n"
        '-- COMMAND ----------\n\n-- DBTITLE 1,Params\nCREATE WIDGET TEXT report_date DEFAULT "2024-05-24";\n\n'
        "-- COMMAND ----------\n\n-- MAGIC %md\n-- MAGIC ## Board\n-- MAGIC - nothing new\n"
    )
    assert parse(tmp_path, "tm_weekly_15.sql.txt", text) == (date(2024, 5, 24), "header line")
