"""A report's day where its file says something else first: a version-control stamp over the
period line (committed days later, or unexpanded), a file name's year and issue number that read
like a year and month, a scanned form's OCR zero, a dated heading further down a yearless note.
Written from wave 39; the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.errors import ReportDateError
from tests.helpers import parsed_date

_HEAD = "\n=====\n  北辰站网 周报          2025年 第{n}期\n=====\n  周期  : {period}\n  填报  : 许然\n\n一、进展\n- P1 支付对账 [G] 60%\n"


def test_a_commit_stamp_gives_the_year_of_the_period_line_not_the_day(tmp_path: Path) -> None:
    text = (
        "$Id: WR2025-10.txt 1871 2025-03-18 02:05:33Z xu $\n"
        "$Date: 2025-03-18 10:05:33 +0800 (星期二, 18 三月 2025) $\n$Rev: 1871 $\n"
        + _HEAD.format(n="10", period="03/10(一) ~ 03/14(五)")
    )
    assert parsed_date(tmp_path, "WR2025-10.txt", text) == (
        date(2025, 3, 14),
        "header line, year from its commit stamp",
    )


def test_a_commit_stamp_alone_is_the_day_at_last(tmp_path: Path) -> None:
    text = "$Date: 2025-03-18 10:05:33 +0800 $\n\n# 周报\n\n- 支付对账 60%\n"
    assert parsed_date(tmp_path, "notes.txt", text) == (date(2025, 3, 18), "commit stamp")


def test_a_file_names_year_and_issue_number_is_no_month(tmp_path: Path) -> None:
    text = "$Id$\n$Date$\n" + _HEAD.format(n="09", period="03/03(一) ~ 03/07(五)")
    with pytest.raises(ReportDateError):
        parsed_date(tmp_path, "WR2025-09.txt", text)  # not September: undated until its siblings say
    assert parsed_date(tmp_path, "WR2025-09.txt", text, near=date(2025, 3, 14)) == (
        date(2025, 3, 7),
        "header line, year from its series",
    )
    # a name whose month no issue number matches still names its month
    text = _HEAD.format(n="31", period="本月")
    assert parsed_date(tmp_path, "WR2025-09.txt", text)[0] == date(2025, 9, 30)


def test_an_ocr_zero_in_a_labelled_date(tmp_path: Path) -> None:
    text = (
        "诺北叶片 质量系统组周报\n期号 Issue No.: 第 14 期 报告日期 Report Date: 2025.O4.11\n"
        "编制 Prepared: 孙 审核 Reviewed: H.D\n2025.4.14\n\n一、本周概要\n1. e-NCR 上线\n"
    )
    assert parsed_date(tmp_path, "scan 2025-04-14 08.40.37.txt", text)[0] == date(2025, 4, 11)


def test_a_yearless_title_day_beats_a_dated_heading_below(tmp_path: Path) -> None:
    text = (
        "# 配色周报 0530\n\n- 统计周期：5.26-5.30｜填写：沈\n\n## 一、数据\n\n- 打样单：415 单\n\n"
        "## 二、5/21 宕机复盘（上期故障跟进）\n\n- 根因：磁盘满\n"
    )
    assert parsed_date(tmp_path, "配色周报 0530.md", text, near=date(2025, 5, 23))[0] == date(2025, 5, 30)
    text = text.replace("# 配色周报 0530", "# 配色周报")
    assert parsed_date(tmp_path, "配色周报.md", text, near=date(2025, 5, 23))[0] == date(2025, 5, 30)
