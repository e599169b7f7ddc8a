"""Report days and labels as wave 47's tools write them: an issue line that carries its year beside
a yearless span, and an issue line standing alone under a generator's title. Written from wave 47;
the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.load import load_document
from index.parse import parse_report


def test_an_issue_line_s_year_dates_its_yearless_span(tmp_path: Path) -> None:
    page = "# 殡仪服务信息化周报\n\n**2025年第4期**（3月3日—3月7日）\n\n一、本周总体情况\n"
    # no sibling, no year anywhere else: the issue's own year, not one near today
    assert parsed_date(tmp_path, "chat-周报整理.txt", page) == (
        date(2025, 3, 7),
        "header line, year from its issue label",
    )
    english = "# Ops bulletin\n\n2024 Issue 12 (Mar 18 - Mar 22)\n\nAll green.\n"
    assert parsed_date(tmp_path, "bulletin.md", english)[0] == date(2024, 3, 22)
    # a year that is part of a full day is that day's, read as before
    dated = "# 周报\n\n2025年第4期 2025年3月7日\n"
    assert parsed_date(tmp_path, "zb.md", dated)[0] == date(2025, 3, 7)


def test_an_issue_line_alone_under_the_title_is_the_report_s_own_number(tmp_path: Path) -> None:
    path = tmp_path / "RPT_20250425.md"
    path.write_text("# 安全监控周报\n\n2025年第15期\n\n填报日期：2025年4月25日\n", encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    assert report.week_label == "第15期"
    path.write_text("# 安全监控周报\n\n共15期中的第3期说明\n\n填报日期：2025年4月25日\n", encoding="utf-8")
    assert parse_report(load_document(path), str(path)).week_label != "第15期"
