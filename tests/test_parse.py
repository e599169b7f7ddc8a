"""Parser behaviour on the Notion (zh) and block (en) formats and on awkward inputs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from index.errors import ReportDateError
from index.load import load_document
from index.models import Report, SectionKind
from index.parse import parse_report


def parse(path: Path, source: str | None = None) -> Report:
    return parse_report(load_document(path), source or path.name)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_notion_report_date_week_label_and_sections(fixtures: Path) -> None:
    report = parse(fixtures / "zh_notion.md")
    assert report.date == date(2025, 3, 14)
    assert report.week == "2025-W11"  # the company label says 第12周: ISO differs, the date wins
    assert report.week_label == "第12周"
    paths = [s.path_text for s in report.all_sections()]
    assert "【重点工作】 > 【清结算平台迁移】" in paths
    assert "【重点工作】 > 【风控规则中台】" in paths
    assert paths.count("第12周 2025/03/14") == 1, "the repeated title makes no second section"
    assert paths[0] == "第12周 2025/03/14", "text before the first heading sits under the title"
    kinds = {s.title: s.kind for s in report.all_sections()}
    assert kinds["【系统运行数据】"] == SectionKind.METRICS
    assert kinds["【清结算平台迁移】"] == SectionKind.PROJECTS
    assert kinds["收获与反思"] == SectionKind.REFLECTION
    assert kinds["下周工作及目标"] == SectionKind.PLANS


def test_notion_items_nest_and_keep_line_spans(fixtures: Path) -> None:
    report = parse(fixtures / "zh_notion.md")
    lines = dict(report.lines)
    section = next(s for s in report.all_sections() if s.title == "【O2 系统建设】")
    top = [item.text for item in section.items]
    assert top[0] == "对账中心重构"
    assert [c.text[:6] for c in section.items[0].children] == ["差错处理模块", "历史数据回迁"]
    incidents = next(s for s in report.all_sections() if s.title == "生产稳定性事件")
    assert incidents.path == ("【O2 系统建设】", "生产稳定性事件")
    assert incidents.kind == SectionKind.INCIDENTS
    assert len(incidents.items) == 2, "bullets after a numbered 'xxx：' line form its own block"
    second = incidents.items[1]
    assert "原因：新版映射表漏配" in second.text, "unindented continuation lines belong to the item"
    assert lines[second.start].startswith("- 3/13 21:05")
    assert lines[second.end] == "处置：回滚映射表，已重发"
    for item in section.items:
        for node in item.walk():
            assert node.text.split()[0][:4] in lines[node.start]


def test_english_block_report(fixtures: Path) -> None:
    report = parse(fixtures / "en_blocks.md")
    assert report.date == date(2025, 5, 9)
    by_title = {s.title: s for s in report.all_sections()}
    assert by_title["Offline Mode"].path == ("Projects", "Offline Mode")
    assert by_title["Offline Mode"].kind == SectionKind.PROJECTS
    assert by_title["Incidents"].kind == SectionKind.INCIDENTS
    assert by_title["Metrics"].kind == SectionKind.METRICS
    assert by_title["Risks"].kind == SectionKind.RISKS
    assert by_title["Next week"].kind == SectionKind.PLANS
    assert [i.text for i in by_title["Offline Mode"].items][:2] == ["Status: At risk", "ETA: Jun 14"]


@pytest.mark.parametrize(
    ("name", "text", "expected", "origin"),
    [
        ("a.md", "# 第43周 2023-10-20\n\nbody\n", date(2023, 10, 20), "title"),
        ("a.md", "# 第43周 2023/10/20\n\nbody\n", date(2023, 10, 20), "title"),
        ("a.md", "# 周报 2024年1月5日\n\nbody\n", date(2024, 1, 5), "title"),
        ("a.md", "# Week 14, 2025\n\nbody\n", date(2025, 4, 4), "title (week)"),
        ("a.md", "# Platform update 2025-W20\n\nbody\n", date(2025, 5, 16), "title (week)"),
        ("a.md", "# Weekly update May 2, 2025\n\nbody\n", date(2025, 5, 2), "title"),
        ("a.md", "# Report 2025-03-10 ~ 2025-03-14\n\nbody\n", date(2025, 3, 14), "title"),
        ("a.md", "# 2024年10月 月报\n\nbody\n", date(2024, 10, 31), "title (month)"),
        ("a.md", "---\ndate: 2025-05-02\n---\n# Weekly\n\nbody\n", date(2025, 5, 2), "front matter"),
        ("a.md", '+++\ndate = "2025-05-02"\n+++\n# Weekly\n\nbody\n', date(2025, 5, 2), "front matter"),
        ("2025-03-14.md", "# Weekly\n\nbody\n", date(2025, 3, 14), "file name"),
        ("2024-W10.md", "# Weekly\n\nbody\n", date(2024, 3, 8), "file name"),
        ("notes.txt", "Weekly 2025-02-07\n\nProjects:\n- a\n", date(2025, 2, 7), "title"),
        # A plain-text title block whose date line is a range with an em dash, under the title.
        (
            "周报.txt",
            "某公司信息中心\n工作周报\n（2025年3月10日—3月14日）\n\n一、总体情况\n",
            date(2025, 3, 14),
            "header line",
        ),
        ("ops.txt", "Ops weekly\n\nFriday, 14 March 2025\n\n- a\n", date(2025, 3, 14), "header line"),
        ("工作周报20250314.txt", "工作周报\n\n一、总体情况\n", date(2025, 3, 14), "file name"),
        # a title block's day set off by dashes, or lined up among fields
        (
            "b.txt",
            "THE LEDGER | PRODUCT\nPRODUCT BUDGET -- FRIDAY, FEB. 7, 2025\n\nx\n",
            date(2025, 2, 7),
            "header line",
        ),
        (
            "b.txt",
            "THE LEDGER\nBUDGET -- THURSDAY, APRIL 17, 2025 -- HOLIDAY EDITION\n\nx\n",
            date(2025, 4, 17),
            "header line",
        ),
        (
            "w.txt",
            "电池系统部 | BMS组 周报\nCW13   2025-03-28   编写：郑嘉禾\n\n- a\n",
            date(2025, 3, 28),
            "header line",
        ),
        ("status_20250310_20250314.md", "# Status\n\nbody\n", date(2025, 3, 14), "file name"),
    ],
)
def test_report_date_sources(tmp_path: Path, name: str, text: str, expected: date, origin: str) -> None:
    report = parse(write(tmp_path, name, text))
    assert report.date == expected
    assert report.date_origin == origin


def test_created_line_is_not_the_report_date(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# 周报\n\nCreated: 2023年11月29日 20:54\n\n## 工作\n- a\n")
    with pytest.raises(ReportDateError):
        parse(path)


def test_no_date_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# Team notes\n\n- did things\n")
    with pytest.raises(ReportDateError) as caught:
        parse(path)
    assert "notes.md" in str(caught.value)
    assert "--date" in str(caught.value)


def test_date_override(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# Team notes\n\n- did things\n")
    report = parse_report(load_document(path), "notes.md", date(2025, 1, 3))
    assert (report.date, report.date_origin, report.week) == (date(2025, 1, 3), "flag", "2025-W01")


def test_deeply_nested_bullets(fixtures: Path) -> None:
    report = parse(fixtures / "nested.md")
    assert report.date == date(2025, 2, 7)
    assert report.front_matter["team"] == "data"
    section = report.all_sections()[0]
    chain = section.items[0].walk()
    assert [item.depth for item in chain] == [0, 1, 2, 3, 4]
    assert chain[-1].text == "Level five detail with 30%"
    assert section.items[0].end == chain[-1].start
    assert section.items[1].text == "Back to top"


def test_heading_only_report_has_sections_without_items(fixtures: Path) -> None:
    report = parse(fixtures / "heading_only.md")
    titles = [s.title for s in report.all_sections()]
    assert titles == ["Projects", "Metrics", "Risks"]
    assert all(not s.items for s in report.all_sections())


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Weekly 2025-02-07\n\n一、重点工作\n1. 支付\n二、风险\n- 无\n", ["一、重点工作", "二、风险"]),
        ("# R 2025-02-07\n\n**Highlights**\n- shipped\n\n**Risks**\n- none\n", ["Highlights", "Risks"]),
        ("Report 2025-02-07\n\nProjects\n========\n- a\n\nRisks\n-----\n- b\n", ["Projects", "Risks"]),
    ],
)
def test_other_heading_styles(tmp_path: Path, text: str, titles: list[str]) -> None:
    report = parse(write(tmp_path, "r.md", text))
    assert [s.title for s in report.all_sections() if s.lines or s.items] == titles


def test_notion_label_with_inline_text_keeps_the_text(tmp_path: Path) -> None:
    text = "# 周报 2025-02-07\n\n## 【重点工作】\n- 【清算迁移】：灰度第三批完成，预计2/21上线\n- 【风控中台】\n    规则联调，进度50%\n"
    report = parse(write(tmp_path, "r.md", text))
    sections = {s.title: s for s in report.all_sections()}
    assert "【清算迁移】" in sections
    body = " ".join(t for _, t in sections["【清算迁移】"].lines)
    assert "预计2/21上线" in body
    assert sections["【清算迁移】"].start == 4


def test_chinese_year_week_title(tmp_path: Path) -> None:
    report = parse(write(tmp_path, "r.md", "# 2025年第24周工作周报\n\n- a\n"))
    assert (report.date, report.week) == (date(2025, 6, 13), "2025-W24")


def test_tables_are_parse_output_with_line_numbers(tmp_path: Path) -> None:
    """Pipe tables become Table objects on their section: escaped pipes, empty cells, and the
    paragraph right after a table is not a row."""
    path = write(
        tmp_path,
        "2025-03-14.md",
        "# Weekly 2025-03-14\n\n## Projects\n\nIntro line\n"
        "| Project | Status | ETA |\n|---|:--:|---|\n| Checkout \\| v2 | At risk | 3/28 |\n| Search | | |\n"
        "Notes after the table\n",
    )
    projects = next(s for s in parse(path).all_sections() if s.title == "Projects")
    [table] = projects.tables
    assert (table.header_line, table.header) == (6, ["Project", "Status", "ETA"])
    assert [(r.line, r.cells) for r in table.rows] == [
        (8, ["Checkout | v2", "At risk", "3/28"]),
        (9, ["Search", "", ""]),
    ]
    assert projects.in_table(7) and not projects.in_table(10)


def test_html_tables_reach_the_same_reader(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "w.html",
        "<html><head><title>Weekly 2025-05-30</title></head><body>\n<h2>Incidents</h2>\n<table>\n"
        "<tr><th>Date</th><th>Summary</th></tr>\n<tr><td>2025-05-27</td><td>SSO outage</td></tr>\n"
        "</table>\n</body></html>\n",
    )
    report = parse_report(load_document(path), "w.html", date(2025, 5, 30))
    incidents = next(s for s in report.all_sections() if s.title == "Incidents")
    [table] = incidents.tables
    assert table.header == ["Date", "Summary"] and table.header_line == 4
    assert [(r.line, r.cells) for r in table.rows] == [(5, ["2025-05-27", "SSO outage"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## W16\ndate: 2025-03-07\nby: 推荐算法组\n\n- rec-v3: eta 3/14\n", date(2025, 3, 7)),
        ("# 周例会纪要（第28次）\n\n会议时间：2024年9月5日 14:00-16:00\n\n## 议题\n- x\n", date(2024, 9, 5)),
        ("# Weekly Status #19\n\nLast updated: 16 May 2025\n\n## Risks\n- y\n", date(2025, 5, 16)),
        # a bulletin's own words for its day
        ("# Programme flash No. 31\n\nStatus date: 14/03/2025\n\n## Status\n- x\n", date(2025, 3, 14)),
        ("# Flash No. 32\n\nAs at: 21 March 2025\n\n- x\n", date(2025, 3, 21)),
        ("# 发布说明\n\n> 发出：2025-05-23（周五）晚 ｜ 汇总人：周屹\n\n- x\n", date(2025, 5, 23)),
        # a generated digest: the run that produced it is its date
        (
            "# Sprint digest\n\n_Generated by the nightly job `dig` on 2025-04-11 07:30 UTC. Edited by @al._\n",
            date(2025, 4, 11),
        ),
        ("# 迭代周报\n\n> 本报告由系统自动生成于2025年4月11日\n\n- a\n", date(2025, 4, 11)),
        (
            "# Project Health\n\nWeek of: April 21, 2025\nTeam: Apps\n\n| Project | Status |\n",
            date(2025, 4, 21),
        ),
        ("# Ops digest\n\nWeek ending: 2025-06-13\n\n- a\n", date(2025, 6, 13)),
        (
            "# Digest: infra/api\n\n_Generated by the nightly job `report:weekly` on 2025-02-28 08:00 UTC._\n",
            date(2025, 2, 28),
        ),
        ("# 迭代周报\n\n本报告由系统自动生成于 2024年5月10日\n\n- a\n", date(2024, 5, 10)),
        # a post's byline: its first date, not the ones the rest of the line mentions
        ("# Goals update: June\n\nPosted on July 2, 2025 — Ana Ruiz\n\n- a\n", date(2025, 7, 2)),
        ("# October update\n\n_Published 4 November 2025 · about 2025-10-14_\n", date(2025, 11, 4)),
        ("# 社区月报\n\n发布于 2025年7月2日，作者：小林\n\n- a\n", date(2025, 7, 2)),
        # a title naming only its month is dated by the byline of the post published after it
        ("# May 2025 goals update\n\n_Posted on June 3, 2025 by Ana_\n\n- a\n", date(2025, 6, 3)),
        ("# 2025年4月社区月报\n\n发布于 2025年5月6日\n\n- a\n", date(2025, 5, 6)),
        # ... but not by a day far from that month (a reprint, a typo): the month's end stands
        ("# May 2025 goals update\n\nPosted on October 3, 2025\n\n- a\n", date(2025, 5, 31)),
    ],
)
def test_a_labelled_header_line_dates_the_report(tmp_path: Path, text: str, expected: date) -> None:
    assert parse(write(tmp_path, "log.md", text)).date == expected


@pytest.mark.parametrize(
    "text",
    [
        "# Board\n\n_Exported from the board view, columns reordered._\n\n- ETA 2025-04-30\n",
        "# Notes\n\nWe generated 40 leads by 2025-04-30 last quarter.\n",
        "# Notes\n\nWe posted the invoice run on 2025-04-30 after the audit.\n",
    ],
)
def test_a_line_about_exports_or_dates_without_a_label_dates_nothing(tmp_path: Path, text: str) -> None:
    with pytest.raises(ReportDateError):
        parse(write(tmp_path, "board.md", text))


def test_a_dated_line_over_the_heading_is_not_the_title(tmp_path: Path) -> None:
    report = parse(
        write(
            tmp_path, "sprint.md", "报告日期：2024-04-12\n\n# App 迭代报告 · Sprint-07\n\n## 一、进度\n- a\n"
        )
    )
    assert report.title == "App 迭代报告 · Sprint-07" and report.date == date(2024, 4, 12)


def test_a_bullet_with_a_date_is_not_the_report_date(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# Team notes\n\n- ETA 2025-04-30 for checkout\n")
    with pytest.raises(ReportDateError):
        parse(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain-text memo's subtitle closes with the day it was written
        (
            "ACME - CHANGE PORTFOLIO\nReview memo to the board, Friday 25 April 2025\nFrom: Ana\n\nHello all,\n",
            date(2025, 4, 25),
        ),
        ("Weekly update, 7 March 2025\n\nAll fine.\n", date(2025, 3, 7)),
    ],
)
def test_a_title_blocks_closing_date_dates_the_report(tmp_path: Path, text: str, expected: date) -> None:
    assert parse(write(tmp_path, "memo.txt", text)).date == expected


@pytest.mark.parametrize(
    "text",
    [
        # in the body, not the title block
        "Team memo\n\nWe shipped the exporter, 25 April 2025.\n",
        # a date with no year, or one inside the line, is no date of writing
        "Review memo to the board, Friday 25 April\n\nHello all,\n",
        "Team memo\nPlan due 25 April 2025, pending review\n\nHello all,\n",
    ],
)
def test_other_dated_lines_do_not_date_the_report(tmp_path: Path, text: str) -> None:
    with pytest.raises(ReportDateError):
        parse(write(tmp_path, "memo.txt", text))


def test_a_sentence_about_generating_something_is_not_the_report_date(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# Team notes\n\nWe generated 40 leads on 2025-03-01.\n")
    with pytest.raises(ReportDateError):
        parse(path)


def test_an_html_title_dates_the_page(tmp_path: Path) -> None:
    html = "<html><head><title>Status — Week of June 10, 2024</title></head><body><p>Hi</p></body></html>"
    report = parse(write(tmp_path, "page.html", html))
    assert report.date == date(2024, 6, 10) and report.title.startswith("Status")


def test_a_yearless_title_takes_the_year_of_its_series(tmp_path: Path) -> None:
    folder = tmp_path / "api"
    folder.mkdir()
    (folder / "cycle-21.md").write_text("# Cycle 21 (Feb 3 – Feb 14, 2025)\n\n- a\n", encoding="utf-8")
    (folder / "cycle-24.md").write_text("# Cycle 24 (Mar 17 – Mar 28)\n\n- b\n", encoding="utf-8")

    from typer.testing import CliRunner

    from summarizer.cli import app

    result = CliRunner().invoke(app, ["ingest", str(folder), "--index", str(tmp_path / "home"), "--json"])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(app, ["reports", "--index", str(tmp_path / "home"), "--json"])
    dates = {Path(r["report"]).name: r["date"] for r in json.loads(listed.stdout)["reports"]}
    assert dates == {"cycle-21.md": "2025-02-14", "cycle-24.md": "2025-03-28"}


def _ingested_dates(folder: Path, home: Path) -> dict[str, str]:
    from typer.testing import CliRunner

    from summarizer.cli import app

    result = CliRunner().invoke(app, ["ingest", str(folder), "--index", str(home), "--json"])
    listed = CliRunner().invoke(app, ["reports", "--index", str(home), "--json"])
    return {Path(r["report"]).name: r["date"] for r in json.loads(listed.stdout)["reports"]} | {
        "exit": str(result.exit_code)
    }


def test_a_yearless_file_name_takes_the_year_of_its_series(tmp_path: Path) -> None:
    folder = tmp_path / "chat"
    folder.mkdir()
    (folder / "接龙-1226.txt").write_text("2025年12月26日 周报接龙\n\n1. 张三：a\n", encoding="utf-8")
    # across the new year: 0102 is nearer 2025-12-26 in 2026 than in 2025
    (folder / "接龙-0102.txt").write_text("#接龙\n\n1. 张三：b\n", encoding="utf-8")
    (folder / "接龙-1219.txt").write_text("#接龙\n\n1. 张三：c\n", encoding="utf-8")
    dates = _ingested_dates(folder, tmp_path / "home")
    assert dates == {
        "接龙-1226.txt": "2025-12-26",
        "接龙-0102.txt": "2026-01-02",
        "接龙-1219.txt": "2025-12-19",
        "exit": "0",
    }


@pytest.mark.parametrize("name", ["notes-v1.2.txt", "接龙-1399.txt", "sprint-12.txt"])
def test_a_file_name_without_a_month_and_day_stays_undated(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "chat"
    folder.mkdir()
    (folder / "a-2025-03-07.txt").write_text("# a\n\n- a\n", encoding="utf-8")
    (folder / name).write_text("# b\n\n- b\n", encoding="utf-8")
    dates = _ingested_dates(folder, tmp_path / "home")
    assert name not in dates and dates["exit"] == "1"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("#接龙 周报（上周团建没接龙，这次两周一起写）", None),  # 两周一起 holds 周一, no date
        ("Standup — Monday", None),  # a weekday alone says no date
        ("#接龙 8/15", date(2025, 8, 15)),
        ("Cycle 24 (Mar 17 – Mar 28)", date(2025, 3, 28)),
        # a dotted span of days: both ends with their month, a month apart at most
        ("工程周报 第34周（8.18-8.22）", date(2025, 8, 22)),
        ("Sprint review 8/4 - 8/15", date(2025, 8, 15)),
        ("3.2版本和3.3版本的内容", None),  # versions, no span
        ("升级 v1.2-1.4", None),  # a version range
        ("6.3-8.7", None),  # two months apart: no week's span
    ],
)
def test_a_yearless_title_date_is_written_in_figures(title: str, expected: date | None) -> None:
    from index.report_date import yearless_date

    found = yearless_date(title, date(2025, 8, 22))
    assert (found.value if found else None) == expected


def test_a_labelled_header_line_without_a_year_takes_the_year_of_its_series(tmp_path: Path) -> None:
    """ "迭代周期：5.6 - 5.17" under an undated title dates the retro when a sibling gives the year;
    an unlabelled line with a span ("对齐 5.20-5.24 的排期") says nothing of the report's days."""
    folder = tmp_path / "retros"
    folder.mkdir()
    (folder / "retro-2024-05-03.md").write_text("# 迭代回顾\n\n- a\n", encoding="utf-8")
    (folder / "retro-s21.md").write_text("# 迭代回顾 S21\n\n迭代周期：5.6 - 5.17\n\n- b\n", encoding="utf-8")
    (folder / "retro-s22.md").write_text("# 迭代回顾 S22\n\n对齐 5.20-5.24 的排期\n\n- c\n", encoding="utf-8")
    dates = _ingested_dates(folder, tmp_path / "home")
    assert dates == {"retro-2024-05-03.md": "2024-05-03", "retro-s21.md": "2024-05-17", "exit": "1"}


def test_numbered_parts_of_a_plain_text_report_are_sections_and_numbered_projects_are_items(
    tmp_path: Path,
) -> None:
    """`1. Summary / 本周概况` over indented lines is a part of the report; `1. OTA rollout` over
    indented lines is a project in a numbered list: its news must stay one item."""
    parts = "\n".join(
        f"{i}. {title}\n   - line one\n   - line two\n"
        for i, title in enumerate(
            ["Summary / 本周概况", "Project Overview / 项目总览", "Next Week / 下周计划"], 1
        )
    )
    projects = "\n".join(
        f"{i}. {title}\n   Status is fine.\n   Target 14 Mar.\n"
        for i, title in enumerate(["OTA rollout", "Copilot 2", "Billing migration"], 1)
    )
    for body, sections in (
        (parts, ["Summary / 本周概况", "Project Overview / 项目总览", "Next Week / 下周计划"]),
        (projects, []),
    ):
        path = tmp_path / "r.txt"
        path.write_text(f"Weekly sync 2025-02-25\n\n{body}", encoding="utf-8")
        report = parse_report(load_document(path), str(path))
        assert [s.title for s in report.sections if s.title != report.title] == sections


def test_a_letters_numbered_paragraphs_are_sections_beside_headings_elsewhere(tmp_path: Path) -> None:
    """A letter's parts (`1.     Highlights of the week:`) stand over an annexure whose title is a
    heading: they are sections all the same, at the annexure's level, and a paragraph that is a
    sentence (`2. … is enclosed at Annexure-A.`) skips its number; a long title skipped (`2. Project
    Overview (short version this week, table next week)`) breaks the run, so no part swallows its
    neighbour's lines."""
    letter = (
        "Weekly progress, week ending 15.02.2025\n\n"
        "1.     Highlights of the week:\n       (a) EI at KYP commissioned on 12.02.2025.\n\n"
        "2.     Station-wise position of EI works is enclosed at Annexure-A.\n\n"
        "3.     Failures / Unusual occurrences during the week:\n       (a) Cable cut near SNGJ, 2 hrs.\n\n"
        "4.     Programme for next week:\n       (a) CRS inspection of PPKN.\n\n"
        "## Annexure-A\n\nStation-wise position of works.\n"
    )
    path = tmp_path / "letter.txt"
    path.write_text(letter, encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    kinds = {s.title: s.kind for s in report.sections}
    assert kinds["Failures / Unusual occurrences during the week:"] == SectionKind.INCIDENTS
    assert kinds["Programme for next week:"] == SectionKind.PLANS
    assert kinds["Annexure-A"] != SectionKind.PLANS  # the heading closes the numbered part
    short = (
        "Weekly 2025-04-18\n\n1. Summary / 本周概况\n - other projects on plan.\n\n"
        "2. Project Overview / 项目总览 (short version this week, table next week)\n"
        " - EDU-3 (G) – DFMEA rev.C done 17.04.\n - VAVE-07 (G) – trial run #2 postponed.\n\n"
        "3. Top Issues / 重点问题\n - none\n\n4. Incidents / 异常\n - none\n\n## KPI\n\nOEE 71%\n"
    )
    path.write_text(short, encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    assert "Summary / 本周概况" not in {s.title for s in report.sections}
    # under a heading, a numbered list of projects whose titles say a state stays that part's items
    listed = (
        "# 周报 #12 2025-04-11\n\n## 【产品研发】\n\n1. 连锁版（阿凯）有风险\n   - 进度 80%\n"
        "2. 病历模板2.0（小雨）有风险\n   - 进度 60%\n3. 药房管理（阿凯）\n   - 进度 40%\n\n## 【下周】\n- 联调\n"
    )
    path.write_text(listed, encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    parts = {s.title: s for s in report.sections}
    assert "连锁版（阿凯）有风险" not in parts and len(parts["【产品研发】"].items) == 3


def test_a_bracketed_label_alone_on_its_line_is_a_section(tmp_path: Path) -> None:
    """`【项目进展】` over circled items (a ward's or a bank's e-mailed weekly): the items are
    under a projects section, not under the salutation."""
    path = tmp_path / "周报0919.txt"
    path.write_text(
        "各位领导、同事：\n本周工作汇报如下。\n\n【项目进展】\n①互联网医院二期：状态：有风险。\n②HIS升级：已完成约30%。\n\n"
        "【下周计划】\n①跟进故障分析报告\n",
        encoding="utf-8",
    )
    report = parse_report(load_document(path), str(path), date(2025, 9, 19))
    titled = {s.title: s for s in report.sections}
    assert titled["项目进展"].kind == SectionKind.PROJECTS and len(titled["项目进展"].items) == 2
    assert titled["下周计划"].kind == SectionKind.PLANS


def test_capital_headings_between_rules_open_sections(tmp_path: Path) -> None:
    """A digest e-mail's project blocks: a line in capitals after a `-----` rule opens a section,
    and so does one over a blank line and its body; they had all run into the first heading."""
    text = (
        "Subject: Weekly digest\n\nDate: 2025-03-10\n\n"
        "NOTE FROM THE EDITOR\n\nTwo catch-up items this week.\n\n"
        "-----------------------------\n"
        "BILLING MIGRATION\n"
        "Owner: Ana | Due date: Apr 14, 2025 | Status: On track\n\n"
        "-----------------------------\n"
        "SEARCH REINDEX\n"
        "Owner: Li | Due date: Mar 4, 2025 | Status: Complete\n"
    )
    path = tmp_path / "digest.txt"
    path.write_text(text, encoding="utf-8")
    report = parse(path)
    titles = [s.title for s in report.sections]
    assert {"NOTE FROM THE EDITOR", "BILLING MIGRATION", "SEARCH REINDEX"} <= set(titles)
    billing = next(s for s in report.sections if s.title == "BILLING MIGRATION")
    body = " ".join(text for _, text in billing.lines)
    assert "Apr 14" in body and "Mar 4" not in body


def test_one_capital_word_over_a_blank_line_heads_a_section_when_it_names_a_kind(tmp_path: Path) -> None:
    text = (
        "PRODUCT BUDGET -- FRIDAY, FEB. 7, 2025\n\nTOP OF THE BUDGET\nQuiet week.\n\n"
        "PROJECTS\n\nPAYWALL-METER -- a dynamic meter.\n   Status: TIGHT\n\nFYI\n\nThanks all.\n"
    )
    titles = [s.title for s in parse(write(tmp_path, "budget.txt", text)).sections]
    assert "PROJECTS" in titles
    assert "FYI" not in titles  # one word over a blank line and a sign-off is no section


def test_a_mail_is_titled_by_its_subject_and_dated_by_its_sent_field(tmp_path: Path) -> None:
    # the subject's `07/03/2025` alone would be 3 July (month first); the sent field says 7 March
    text = (
        "From: Ines Varga <ines@example.org>\nTo: ops-weekly@example.org\n"
        "Date: Fri, 7 Mar 2025 17:12:03 +0000\nSubject: Field ops weekly - 07/03/2025 (outage summary inside)\n\nHi all,\n\n- a\n"
    )
    report = parse(write(tmp_path, "weekly.txt", text))
    assert (report.title, report.date, report.date_origin) == (
        "Field ops weekly - 07/03/2025 (outage summary inside)",
        date(2025, 3, 7),
        "mail header",
    )
    # the header is no section's text, and the subject says nothing of the opening lines' kind
    (opening,) = report.sections
    assert [t for _, t in opening.lines if t.strip()] == ["Hi all,", "- a"]
    assert opening.kind == SectionKind.OTHER


def test_a_sent_day_with_its_weekday_is_read_in_the_order_the_weekday_agrees_with(tmp_path: Path) -> None:
    # 6 March 2025 is a Thursday, 3 June a Tuesday; `BRIEF 09/25` (an issue number) reads month first
    text = "From: Ops Lead\nSent: Thu 06/03/2025 17:31\nSubject: OPS BRIEF 09/25\n\n1. SUMMARY\n - a\n"
    report = parse(write(tmp_path, "brief.txt", text))
    assert (report.title, report.date) == ("OPS BRIEF 09/25", date(2025, 3, 6))


def test_numbered_sections_underlined_as_long_as_their_title(tmp_path: Path) -> None:
    # Written from w14-c (after its end run): a reStructuredText report's `1. Headline` / `===========`
    text = (
        "=====================\nGSSW Weekly Status Report\n=====================\n\n:Date: 2025-04-10\n\n"
        "1. Headline\n===========\n\nAll on plan.\n\n2. Anomalies\n============\n\nAR-0412 (Cat 2) -- FEP-A down.\n\n"
        "3. Workstream status\n====================\n\n- MCS v4 Migration: G, 9 Jun\n"
    )
    report = parse(write(tmp_path, "wsr.txt", text))
    titles = [(s.title, s.kind) for s in report.sections]
    assert ("Anomalies", SectionKind.INCIDENTS) in titles and (
        "Workstream status",
        SectionKind.PROJECTS,
    ) in titles
    steps = "Steps:\n\n1. Open the console\n2. Restart the FEP\n"  # a numbered list stays a list
    assert all(
        s.title != "Open the console"
        for s in parse(write(tmp_path, "steps.md", "# R 2025-04-10\n\n" + steps)).sections
    )


def test_a_plain_line_over_indented_bullets_titles_them(tmp_path: Path) -> None:
    """An AI meeting summary's chapters (`00:12:05 Topic（presenter）` over indented points) and a
    `待办` line over its checkboxes are sections; the presenters are not the topic's name."""
    path = tmp_path / "sync.txt"
    path.write_text(
        "Harbour sync 2025-03-10\n\n总结\n本周一切顺利。\n\n"
        "00:02:10 泊位预约系统（林舟 / Ada Moss）\n  - 进度 60%，目标 4/30\n  - 接口联调完成\n\n"
        "00:09:45 Crane telemetry (Ada Moss)\n  - on track\n\n"
        "待办\n  - [ ] 林舟：周三前给出排期\n",
        encoding="utf-8",
    )
    report = parse_report(load_document(path), str(path))
    titles = [s.title for s in report.all_sections()]
    assert "泊位预约系统" in titles and "Crane telemetry" in titles
    assert next(s for s in report.all_sections() if s.title == "待办").kind == SectionKind.PLANS
    assert "总结" not in titles  # over a paragraph, not a list: left to the other rules


def test_a_week_label_in_the_header_block_under_the_title(tmp_path: Path) -> None:
    """`周报 Weekly — FW11 | Exported: 2025/3/21` on the line under the title is the report's own
    week label (a farm's or fiscal week, which questions ask by: "FW11 那期"). Written from w23-c."""
    path = tmp_path / "irrigation.txt"
    path.write_text(
        "ACME FARMS | Line 2 controls\n周报 Weekly — FW11 | Exported: 2025/3/21\n\n■ Summary\n- ok\n",
        encoding="utf-8",
    )
    report = parse(path)
    assert (report.week_label, report.date) == ("FW11", date(2025, 3, 21))


def test_a_headings_attribute_block_is_no_part_of_its_title(tmp_path: Path) -> None:
    # Docusaurus / Pandoc anchors: `{#oncall}` had made a holiday on-call note an incidents section
    path = tmp_path / "2025-10-10.md"
    path.write_text(
        "# 周报 2025-10-10\n\n## 假期值班 {#oncall}\n\n- 每天 2 人值班，无线上事故\n\n## 线上事故 {#incidents}\n\n- 无\n",
        encoding="utf-8",
    )
    sections = {s.title: s.kind for s in parse(path).sections}
    assert sections["假期值班"] != SectionKind.INCIDENTS
    assert sections["线上事故"] == SectionKind.INCIDENTS
