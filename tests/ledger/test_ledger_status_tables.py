"""Status tables exported from a board or tracker: one row per project, columns found by their
header words (in any order), a risk or health column read as a status scale, a bare `%` column as
progress, a sprint in a target cell, and an actual-launch column as the launch date."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.table_columns import column_roles, name_column
from index.ledger.targets import classify_dates
from index.tables import Table, TableRow

from .conftest import Series, WriteReport

_EN_HEAD = (
    "| Project | Owner | Status | Health | Due | % | Notes |\n| --- | --- | --- | --- | --- | --- | --- |"
)


def _table(header: list[str], *rows: list[str]) -> Table:
    return Table(1, header, [TableRow(n + 3, cells) for n, cells in enumerate(rows)])


def test_column_roles_come_from_header_words() -> None:
    table = _table(
        ["Project", "Owner", "Status", "Health", "Due", "%", "Notes"], ["A", "b", "x", "y", "z", "1", "n"]
    )
    assert name_column(table) == 0
    assert column_roles(table) == [None, "owner", "status", "status", "target", "progress", "generic"]


def test_a_tracker_table_names_its_requirement_not_its_id() -> None:
    table = _table(
        ["需求ID", "需求名称", "需求状态", "风险", "进度", "计划上线", "实际上线", "备注"],
        ["#1", "扫码支付", "开发中", "正常", "40%", "Sprint-05", "—", "联调中"],
        ["#2", "账单导出", "已发布", "—", "100%", "2024-03-01", "2024-03-01", "按期"],
        ["#3", "消息中心", "开发中", "有风险", "20%", "2024-04-30", "—", "接口晚到"],
    )
    assert name_column(table) == 1
    assert column_roles(table)[2:7] == ["status", "status", "progress", "target", "actual"]


def test_a_risk_column_of_sentences_is_not_a_status_scale() -> None:
    table = _table(["Project", "Risks", "ETA"], ["A", "Vendor contract still unsigned", "May 3"])
    assert column_roles(table)[1] == "generic"


def _health(week: str, rows: str) -> str:
    return (
        f"# Project Health\n\nWeek of: {week}\nOwner: Kim Lee\n\n{_EN_HEAD}\n{rows}\n\n## Lowlights\n- none\n"
    )


def test_a_health_table_gives_downgrades_moves_stalls_and_overdue(series: Series) -> None:
    ledger = series(
        [
            (
                "w1.md",
                _health(
                    "May 5, 2025",
                    "| Billing Export | Ana | In progress | On track | 2025-05-30 | 40 | design done |\n"
                    "| Chat Widget | Bo | In progress | On track | 2025-05-09 | 80 | QA |",
                ),
            ),
            (
                "w2.md",
                _health(
                    "May 12, 2025",
                    "| Billing Export | Ana | In progress | At risk | 2025-06-13 | 40 | vendor late |\n"
                    "| Chat Widget | Bo | In progress | At risk | 2025-05-09 | 90 | store review |",
                ),
            ),
            # The export reorders its columns: roles follow the headers, not the positions.
            (
                "w3.md",
                "# Project Health\n\nWeek of: May 19, 2025\n\n| Project | Due | % | Status | Health | Notes |\n"
                "| --- | --- | --- | --- | --- | --- |\n"
                "| Billing Export | 2025-06-13 | 40 | In progress | At risk | still waiting |\n"
                "| Chat Widget | 2025-05-09 | 95 | In progress | At risk | resubmitted |\n",
            ),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Billing Export", "date_moved", "2025-W20") in found
    assert ("Billing Export", "status_downgrade", "2025-W20") in found
    assert ("Chat Widget", "status_downgrade", "2025-W20") in found
    assert ("Billing Export", "stalled", "2025-W21") in found
    assert ("Chat Widget", "overdue", "2025-W20") in found
    assert not any(s.project in ("Project Health", "Lowlights") for s in views.slips(ledger))
    moved = next(s for s in views.slips(ledger) if s.kind == "date_moved")
    # A bare date cell does not say whose date it is: the row does.
    assert all("Billing Export" in c.quote for c in moved.evidence)


def _sprint(day: str, rows: str) -> str:
    return (
        f"报告日期：{day}\n\n# App 迭代报告\n\n## 一、需求进度\n\n"
        "| 需求ID | 需求名称 | 需求状态 | 风险 | 进度 | 计划上线 | 实际上线 | 备注 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n" + rows + "\n"
    )


def test_a_tracker_table_gives_sprint_moves_risk_downgrades_and_launches(series: Series) -> None:
    ledger = series(
        [
            (
                "s1.md",
                _sprint(
                    "2024-03-08",
                    "| #1 | 扫码支付 | 开发中 | 正常 | 40% | Sprint-05 | — | 联调中 |\n"
                    "| #2 | 账单导出 | 测试中 | 正常 | 90% | 2024-03-20 | — | 验收中 |",
                ),
            ),
            (
                "s2.md",
                _sprint(
                    "2024-03-22",
                    "| #1 | 扫码支付 | 开发中 | 有风险 | 60% | Sprint-06 | — | 证书晚到，顺延一个迭代 |\n"
                    "| #2 | 账单导出 | 已发布 | — | 100% | 2024-03-20 | 2024-03-19 | 投产成功 |",
                ),
            ),
        ]
    )
    found = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("扫码支付", "date_moved", "sprint 5", "sprint 6") in found
    assert ("扫码支付", "status_downgrade", "正常", "有风险") in found
    [launch] = views.launches(ledger)
    assert (launch.project, launch.launched_on.isoformat()) == ("账单导出", "2024-03-19")


@pytest.mark.parametrize("title", ["Lowlights", "Highlights"])
def test_highlight_sections_are_not_projects(series: Series, title: str) -> None:
    reports = [
        (
            f"r{n}.md",
            f"# Weekly {n}\n\nWeek of: May {n}, 2025\n\n## {title}\n- Checkout moves to {day} because of QA.\n",
        )
        for n, day in ((5, "5/20"), (12, "5/27"))
    ]
    assert not any(s.project == title for s in views.slips(series(reports)))


def test_a_live_day_in_the_notes_is_the_launch_day_not_the_due_date(series: Series) -> None:
    ledger = series(
        [
            (
                "w1.md",
                _health(
                    "Mar 17, 2025", "| Push Alerts | Ana | In progress | At risk | 2025-03-21 | 90 | review |"
                ),
            ),
            (
                "w2.md",
                _health(
                    "Apr 7, 2025",
                    "| Push Alerts | Ana | Shipped | On track | 2025-03-21 | 100 | Live on iOS + Android 3/26 |",
                ),
            ),
        ]
    )
    [launch] = views.launches(ledger)
    assert (launch.launched_on.isoformat(), launch.verdict) == ("2025-03-26", "late")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Live on iOS + Android 3/26", "completed"),
        ("Live 3/26 for all pilot sites", "completed"),
        ("Live demo 3/26", None),
    ],
)
def test_a_clause_opening_with_live_dates_the_launch(text: str, role: str | None) -> None:
    roles = [r.role for r in classify_dates(text, date(2025, 4, 7))]
    assert (roles[0] if roles else None) == role


def test_a_key_dates_column_gives_the_final_milestone_as_the_target() -> None:
    """`UAT 8/25；上线 9/27` under `Key Dates 关键日期`: a milestone column, not free text; its
    go-live is the project's target (the UAT day is a step)."""
    table = _table(
        ["Workstream 工作流", "RAG 状态", "Key Dates 关键日期", "Comments 说明"],
        ["ORION 运单中台", "🟢", "UAT 8/25；上线 9/27", "按 CR-007 重排"],
        ["BEACON 运营看板", "🟢", "上线 9/19", "口径已确认"],
    )
    assert name_column(table) == 0
    assert column_roles(table)[1:3] == ["status", "target"]


def test_an_approval_tick_is_no_project_state() -> None:
    from index.ledger.signals import field_status

    assert field_status("✅ Approved") is None  # a change request's decision
    assert field_status("✅ Done") == "done"
    assert field_status("🟡 Pending") == "at_risk"


def test_a_kpi_tables_rows_are_metrics_not_projects() -> None:
    """`| KPI | Target | This week |`: a first column of measures names no project, though a
    `Target` column sits beside it."""
    kpis = Table(
        1,
        ["KPI", "Target", "This week", "Prev. report"],
        [TableRow(3, ["Crane uptime", "90%", "92.3%", "91.9%"])],
    )
    projects = Table(
        1, ["Stream", "Target", "Status"], [TableRow(3, ["Quay portal", "30 Jun 2025", "Amber"])]
    )
    assert name_column(kpis) is None
    assert name_column(projects) == 0


def test_a_traffic_light_letter_before_its_word_is_that_status() -> None:
    from index.ledger.signals import field_status

    assert [field_status(v) for v in ("G 正常", "Y 风险", "R 延期", "A – at risk")] == [
        "on_track",
        "at_risk",
        "off_track",
        "at_risk",
    ]
    assert field_status("Go live") is None


def _sheet(day: str, uat: str, pilot: str) -> str:
    return f"""# Digital tracker — report as of {day}

| Row | Project | Owner | Health | % Complete | Target Finish |
| --- | --- | --- | --- | --- | --- |
| 1 | Join Online | P. Ost | Green | 4{day[4]}% | 05/12/25 |
| 2 | UAT round 1 | | | | {uat} |
| 3 | Staff pilot | | | | {pilot} |
| 4 | Card controls | M. Feld | Yellow | {day[3:5]}% | 06/30/25 |
"""


def test_a_sheets_child_rows_of_days_are_milestones_not_projects(series: Series) -> None:
    """Rows with only days under a row with an owner and a health are its milestones: their days
    moving or passing is no project's slip (w23-b, a Smartsheet export)."""
    ledger = series(
        [
            ("2025-03-07.md", _sheet("03/07/25", "03/17/25", "03/20/25")),
            ("2025-03-14.md", _sheet("03/14/25", "03/24/25", "03/20/25")),
            ("2025-03-21.md", _sheet("03/21/25", "03/24/25", "03/20/25")),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"Join Online", "Card controls"} <= names
    assert not names & {"UAT round 1", "Staff pilot"}
    assert views.slips(ledger) == []


def test_a_stage_column_holds_the_lifecycle() -> None:
    """`| Workstream | Stage | Status |` over `| Complete the Look | Live | ● Blue |` (w23-e)."""
    table = Table(
        1,
        ["Row ID", "Workstream", "Stage", "Status", "Finish"],
        [TableRow(3, ["CDP-019", "Complete the Look", "Live", "● Blue", "26/03/25"])],
    )
    assert column_roles(table)[2:4] == ["status", "status"]


def test_a_sign_after_a_rows_name_and_a_status_heading_over_a_table_give_its_rows_state(
    write_report: WriteReport,
) -> None:
    # a wiki page files finished work in a table under `### 本周完成` and paused work under `### 暂停`;
    # a shortcode sign closes a finished row's name
    report = write_report(
        "zb-021.md",
        """
        # 运维周报 · 第21期 2025-06-13

        ## 二、重点项目
        | 项目 | 负责人 | 目标 | 状态 |
        | --- | --- | --- | --- |
        | 收费稽核三期 | 韩墨 | 7/30 | 正常 |

        ### 本周完成
        | 项目 | 负责人 | 完成日期 | 说明 |
        | --- | --- | --- | --- |
        | 门架授时加装 :white_check_mark: | 罗嘉 | 6/12 | 全部完成 |
        | 车道天线更换 | 冯蕾 | 6/11 | 全部更换 |

        ### 暂停
        | 项目 | 负责人 | 说明 |
        | --- | --- | --- |
        | 自由流试点 | 林朔 | 等批复 |
        """,
    )
    states = {o.project: o.status for o in extract_facts(report).observations}
    assert states == {
        "收费稽核三期": "on_track",
        "门架授时加装": "done",
        "车道天线更换": "done",
        "自由流试点": "paused",
    }


def test_a_milestones_table_of_days_only_lists_steps_not_projects(write_report: WriteReport) -> None:
    # a project tool's update e-mail: its workstreams table, then the project's milestones with their
    # deadlines; a milestone whose deadline moves is no project's slip
    report = write_report(
        "update-14.md",
        """
        # Project Update 第14期 2025-06-13

        ### Workstreams
        | # | Workstream | Owner | Status | Target |
        | --- | --- | --- | --- | --- |
        | WS1 | ERP Wave 1 | 周蔓 | 🟢 正常 | 7/1 |

        ### Milestones
        | Name | Deadline | Reached |
        | --- | --- | --- |
        | W1 期初余额导入 | 06/24/2025 | |
        | W1 Go-live | 07/01/2025 | |
        """,
    )
    assert [o.project for o in extract_facts(report).observations] == ["ERP Wave 1"]
