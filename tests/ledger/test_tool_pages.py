"""Reports that tools wrote for their teams, each with a trap of its own: a wiki's page dump whose
envelope carries the dump's date and an older draft below the current page, a report engine's
summary strip right above its action table, a performance indicator table, a notes vault's
dotted status tags and label-first links, a script's table printed with quoted strings above notes
that name each project with its owner in brackets. Written from wave 40; the texts are this test's
own."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.load import load_document
from index.parse import parse_report

from .conftest import Series

_TIKI = """\
Date: Mon, 10 Jun 2024 09:00:00 +0100\r
Mime-Version: 1.0 (Produced by Tiki)\r
Content-Type: multipart/mixed;\r
  boundary="=_multipart_boundary_77"\r
Content-Transfer-Encoding: binary\r
\r
--=_multipart_boundary_77\r
Content-Type: application/x-tikiwiki;\r
  pagename=Ops%20Weekly%20{stem};\r
  version=2;\r
  lastmodified=1710500000;\r
  charset=utf-8\r
Content-Transfer-Encoding: binary\r
\r
! Ops Weekly\r
__Issue {n}__ · Week ending __Fri {day}__\r
~tc~ RAG key: GREEN, AMBER, RED. ~/tc~\r
\r
!! Workstreams\r
||__Workstream__|__RAG__|__Target__|__Progress__\r
Seat map service|~~#E69500:{rag}~~|{target}|{pct}\r
Lounge pass API|~~#2E7D32:GREEN~~|30/09|20%||\r
\r
--=_multipart_boundary_77\r
Content-Type: application/x-tikiwiki;\r
  pagename=Ops%20Weekly%20{stem};\r
  version=1;\r
  charset=utf-8\r
Content-Transfer-Encoding: binary\r
\r
! Ops Weekly (draft)\r
||__Workstream__|__RAG__|__Target__|__Progress__\r
Seat map service|~~#C62828:RED~~|31/12|5%||\r
--=_multipart_boundary_77--\r
"""


def test_a_wiki_dump_is_dated_by_its_page_and_read_from_its_newest_version(
    tmp_path: Path, series: Series
) -> None:
    ledger = series(
        [
            (
                "Ops%20Weekly%201.txt",
                _TIKI.format(stem="1", n=1, day="05/04/2024", rag="GREEN", target="31/05", pct="40%"),
            ),
            (
                "Ops%20Weekly%202.txt",
                _TIKI.format(stem="2", n=2, day="12/04/2024", rag="AMBER", target="21/06", pct="45%"),
            ),
        ]
    )
    dates = sorted(str(r.date) for r in ledger.reports())
    assert dates == ["2024-04-05", "2024-04-12"], "the page's own week, not the dump's shared Date"
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Seat map service", "date_moved", "2024-06-21") in slips
    assert ("Seat map service", "status_downgrade", "AMBER") in slips
    # the older draft below the current page (RED, 31/12) is not read
    assert not any(to in ("RED", "2024-12-31") for _, _, to in slips)
    lines = {
        line.number: line.text for line in load_document(tmp_path / "reports" / "Ops%20Weekly%202.txt").lines
    }
    assert lines[1] == "" and lines[15] == "# Ops Weekly" and lines[30] == ""


def test_a_saved_pages_file_name_stamp_gives_the_year_and_its_title_the_day(tmp_path: Path) -> None:
    path = tmp_path / "周报 #88_ 第3期 项目周报（3.17-3.21） - 溯源 - Redmine (2025_4_14 08_30_52).html"
    page = "<html><head><title>周报 #88: 第3期 项目周报（3.17-3.21） - 溯源 - Redmine</title></head>"
    path.write_text(page + "<body><p>本周无变化。</p></body></html>", encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    assert report.date.isoformat() == "2025-03-21"  # saved three weeks late: still its own week


def test_a_yearless_dateline_takes_the_year_its_weekday_agrees_with(tmp_path: Path) -> None:
    path = tmp_path / "Weekly Sync (1).txt"
    path.write_text("Weekly Sync\nTue, 3/4 9:02AM • 31:05\n\nDana  00:03\nLet's start.\n", encoding="utf-8")
    # no report of the folder writes a year: read near the twelve months before today (2026-06)
    from datetime import date

    report = parse_report(load_document(path), str(path), None, date(2026, 6, 6))
    assert report.date.isoformat() == "2025-03-04"  # 2026-03-04 is a Wednesday


_ENGINE = """\
<html><head><title>Board Report</title></head><body>
<h1>Board Report</h1><p>Position as at {day}</p>
<h3>1. Programme manager's commentary</h3>
<p>Overall programme RAG: Amber (was Green).</p>
<p><b>Next fortnight:</b> finish testing.</p>
<h3>2. Actions</h3>
<table class="rpt"><tr><td><b>Summary</b></td><td>In Progress 2</td><td>Overdue 0</td></tr></table>
<table class="rpt">
<tr><th>Code</th><th>Action</th><th>Progress</th><th>Due Date</th><th>Board RAG</th></tr>
<tr><td>PRG-01</td><td>Core platform upgrade</td><td>{pct}</td><td>{due}</td><td>{rag}</td></tr>
<tr><td>PRG-02</td><td>Station alerters</td><td>30%</td><td>29-Nov-2024</td><td>Green</td></tr>
</table>
<h3>3. Performance Indicators</h3>
<table class="rpt">
<tr><th>PI Code and Short Name</th><th>Value</th><th>Target</th><th>Status</th></tr>
<tr><td>MOB01 Average time to answer calls (seconds)</td><td>{secs}</td><td>7.0</td><td>OK</td></tr>
</table>
</body></html>
"""


def test_a_report_engines_action_table_under_its_summary_strip(series: Series) -> None:
    ledger = series(
        [
            (
                "board_14_08Oct24.html",
                _ENGINE.format(day="08-Oct-2024", pct="60%", due="19-Nov-2024", rag="Green", secs="6.2"),
            ),
            (
                "board_15_22Oct24.html",
                _ENGINE.format(day="22-Oct-2024", pct="75%", due="03-Dec-2024", rag="Amber", secs="6.0"),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Core platform upgrade", "date_moved", "2024-12-03") in slips
    assert ("Core platform upgrade", "status_downgrade", "Amber") in slips
    # the programme's own light and the commentary's labels are no projects
    names = {s.project for s in views.slips(ledger)} | {p.name for p in views.projects(ledger)}
    assert not any(n.lower().startswith(("overall", "next fortnight", "programme manager")) for n in names)
    calls = [m for m in views.metric_series(ledger) if m.name.startswith("MOB01")]
    assert calls and [p.value for p in calls[0].points] == [6.2, 6.0]


def test_a_meeting_action_log_is_still_no_list_of_projects(write_report) -> None:  # type: ignore[no-untyped-def]
    from index.ledger.extract import extract_facts

    report = write_report(
        "minutes.md",
        """\
        # Steering minutes 2024-10-08

        ## Actions
        | Action | Owner | Due | Status |
        |---|---|---|---|
        | Send the revised plan to finance | Ana | 15/10 | Open |
        | Book the cutover rehearsal room | Raj | 22/10 | Open |
        """,
    )
    assert [o.project for o in extract_facts(report).observations] == []


_VAULT = """\
---
id: a1b2c3
title: '{day}'
desc: 调度组周报
---

# 调度组周报

## 项目总览

| 项目 | 笔记 | 状态 | 目标 |
|---|---|---|---|
| 潮汐调度 | [[proj.tide]] | {tag} | 4/15 |

## 项目进展

- [[潮汐调度|proj.tide]] 回测评审开完。
"""


def test_a_vaults_dotted_status_tag_and_label_first_link(series: Series) -> None:
    ledger = series(
        [
            ("dispatch.weekly.2025.03.21.md", _VAULT.format(day="2025-03-21", tag="#状态.正常")),
            ("dispatch.weekly.2025.03.28.md", _VAULT.format(day="2025-03-28", tag="#状态.风险")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("潮汐调度", "status_downgrade") in slips
    assert not any("proj." in p.name for p in views.projects(ledger))


def test_a_name_with_its_owner_in_brackets_is_the_owners_project(write_report) -> None:  # type: ignore[no-untyped-def]
    from index.ledger.extract import extract_facts

    report = write_report(
        "zb_0425.md",
        """\
        # 分拣组周报 2025-04-25

        ## 项目状态

        | 项目 | 负责人 | 进度 | 状态 |
        |---|---|---|---|
        | "分拣看板" | "蒋若溪" | 0.7 | 有风险 |
        | "数据对接" | "马骁" | 0.9 | 正常 |

        ## 项目说明

        - 分拣看板（蒋若溪）：有风险，连续三周 7/10。
        - 高光谱相机（马骁）：暂停。
        - 金属检测（二期）：正常。
        """,
    )
    names = [o.project for o in extract_facts(report).observations]
    assert names.count("分拣看板") == 2 and "数据对接" in names and "高光谱相机" in names
    assert "金属检测（二期）" in names or "金属检测(二期)" in names  # a bracket no owner field names stays
