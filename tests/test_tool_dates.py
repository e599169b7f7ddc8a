"""Where some tools put a report's day, and the other days beside it that are not the report's: a
mailed `git format-patch` (its envelope's fixed 2001 date, its `Date:` header), a text browser's dump
of a web form (box-drawn cells, the page's "today is" line), a survey PDF's text (`Week ending
(Friday)` beside the download stamp in the file name), and Confluence's storage format (a period
written as two empty `<time datetime>` lozenges in a table cell). Written from wave 43; the texts are
this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.load import load_document

_PATCH = """\
From 0f3c2a9d4e5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d Mon Sep 17 00:00:00 2001
From: =?UTF-8?q?Ren=C3=A9=20Maurer?= <rene@example.org>
Date: Fri, 7 Jun 2024 16:02:11 +0200
Subject: [PATCH] status: KW23/2024
To: status@lists.example.org

Short week, Thursday was a holiday.

Signed-off-by: René Maurer <rene@example.org>
---
 STATUS.md | 6 ++++++
 1 file changed, 6 insertions(+)

diff --git a/STATUS.md b/STATUS.md
index 1111111..2222222 100644
--- a/STATUS.md
+++ b/STATUS.md
@@ -1,3 +1,9 @@ # Status
+## KW23
+
+1. **Map tiles v3** — RED — 40 %
+   Target moved to 28.06.
+
 ## KW22
\x20
 1. **Map tiles v3** — GREEN — 35 %
--\x20
2.39.5
"""


def test_a_mailed_patch_is_dated_by_its_header_and_read_as_its_added_lines(tmp_path: Path) -> None:
    assert parsed_date(tmp_path, "0001-status-KW23.txt", _PATCH) == (date(2024, 6, 7), "mail header")
    lines = {line.number: line.text for line in load_document(tmp_path / "0001-status-KW23.txt").lines}
    assert lines[19] == "## KW23" and lines[21] == "1. **Map tiles v3** — RED — 40 %"
    assert lines[1].startswith("From: René Maurer")  # the encoded name decoded, the envelope gone
    assert lines[25] == "" and lines[27] == ""  # last week's unchanged text is no part of this week's
    assert lines[12] == "" and lines[29] == ""  # the diffstat and git's signature


def test_a_text_dump_of_a_web_form_is_dated_by_its_boxed_period_not_today(tmp_path: Path) -> None:
    dump = (
        "[1]首页 | [2]我的周报                    您好，archive\n今天是：2025年6月30日 星期一\n\n"
        "                       结算组周报（第22期）\n\n"
        "┌──────────┬──────────────┬──────────┬──────────────────────────┐\n"
        "│ 填报单位 │ 信息科技部/结算组 │ 报告周期 │ 2025-06-02 至 2025-06-06 │\n"
        "├──────────┼──────────────┼──────────┼──────────────────────────┤\n"
        "│ 填 报 人 │ 周宁 │ 提交时间 │ 2025-06-06 17:10 │\n"
        "└──────────┴──────────────┴──────────┴──────────────────────────┘\n\n一、本周工作\n\n对账提速完成。\n"
    )
    assert parsed_date(tmp_path, "view_2231.txt", dump) == (date(2025, 6, 6), "header line")


def test_a_form_s_week_ending_field_outranks_the_download_stamp_in_the_file_name(tmp_path: Path) -> None:
    form = (
        "Clinical Systems - Weekly Status                                   Confidential\n\n"
        "Record ID                                     17\n"
        "Week ending (Friday)                          03-07-2025\n"
        "Submitted by                                  A. Osei\n\nNarrative\nAll cabinets upgraded.\n"
    )
    assert parsed_date(tmp_path, "ClinicalSystemsWeek_2025-03-10_0812.txt", form) == (
        date(2025, 3, 7),
        "header line",
    )


def test_an_empty_time_lozenge_shows_its_day_and_is_no_publish_stamp(tmp_path: Path) -> None:
    page = (
        '<table><tbody><tr><th><p>统计周期</p></th><td><p><time datetime="2025-03-01" />&nbsp;~&nbsp;'
        '<time datetime="2025-03-07" /></p></td></tr></tbody></table>\n'
        '<h1>一、进展</h1>\n<p>评审 <time datetime="2025-03-12" /></p>\n'
    )
    assert parsed_date(tmp_path, "blogpost_1001.html", page) == (date(2025, 3, 7), "header line")
    text = " ".join(line.text for line in load_document(tmp_path / "blogpost_1001.html").lines)
    assert "2025-03-01" in text and "评审 2025-03-12" in text
