"""A planning board's export pasted into plain text: `■` section marks, bucket rows under a caption
that names their columns (`(Bucket | Label | Checklist | Target | Note)`), a task list whose rows
belong to buckets, and a metrics list of `name | value` lines. Written from w23-c (a Planner
export, wave 23); the reports below are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.metrics import extract_metrics

from .conftest import Series, WriteReport


def _board(
    day: str, note: str, scan: str, scan_label: str, dock: str, scan_name: str = "Barcode scanner retrofit"
) -> str:
    return f"""NORTHWIND ROBOTICS | Line 3 controls
Weekly — exported {day}
{note}
----------------------------------------------------------------

■ Summary
- [SCN] scanner retrofit is the one to watch.

■ 图例 Labels: 🟩 On track · 🟨 At risk · ❌ Cancelled
■ Buckets (Bucket | Label | Checklist | Target | Note)
[SCN] {scan_name} | {scan_label} | 3/8 | {scan} | vendor parts
[DCK] Dock door sensors | 🟩 On track | {dock} | 5/30 | cabling

■ Tasks due / late
Task Name | Bucket Name | Due Date | Late
Order spare heads | [SCN] | 2025/3/10 | TRUE
Pull cable run B | [DCK] | 2025/3/12 | FALSE

■ Metrics
Pick rate per hour | 412
Mis-scan share | 1.8%
"""


def test_bucket_rows_under_a_column_caption_are_projects_and_tasks_are_not(series: Series) -> None:
    ledger = series(
        [
            ("2025-03-07.txt", _board("2025/3/7", "", "目标 3/28", "🟩 On track", "2/6")),
            (
                "2025-03-14.txt",
                _board(
                    "2025/3/14", "（下周一盘点，本期提前发）", "目标 4/18（原 3/28）", "🟨 At risk", "2/6"
                ),
            ),
            (
                "2025-03-21.txt",
                _board("2025/3/21", "", "目标 4/25", "🟨 At risk", "2/6", "Handheld scanner swap"),
            ),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"Barcode scanner retrofit", "Dock door sensors"} <= names
    assert not names & {"Order spare heads", "Pull cable run B", "SCN] Barcode scanner retrofit"}
    assert not any(name.startswith("图例") for name in names)  # the legend's line names no project
    kinds = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    # the note in brackets over the rule is no section title: the week's rows are still read
    assert ("Barcode scanner retrofit", "date_moved", "2025-W11") in kinds
    assert ("Barcode scanner retrofit", "status_downgrade", "2025-W11") in kinds
    # a checklist's `2/6` three weeks running is a stall, not a day in February
    assert ("Dock door sensors", "stalled", "2025-W12") in kinds
    assert not any(s.project == "Order spare heads" for s in views.slips(ledger))


def test_a_metrics_list_of_name_bar_value_lines(write_report: WriteReport) -> None:
    report = write_report("2025-03-07.txt", _board("2025/3/7", "", "目标 3/28", "🟩 On track", "2/6"))
    points = {(p.name, p.value, p.unit) for p in extract_metrics(report)}
    assert {("Pick rate per hour", 412.0, ""), ("Mis-scan share", 1.8, "%")} <= points
    lines = Path(report.source).read_text(encoding="utf-8").splitlines()
    # the bar stays in the quote: the citation is checked against the file's own line
    assert all(p.evidence.quote in lines[p.evidence.lines[0] - 1] for p in extract_metrics(report))


def test_a_glyph_line_over_an_indented_record_stays_a_record(write_report: WriteReport) -> None:
    report = write_report(
        "2025-03-07.txt",
        "Weekly 2025-03-07\n\n■ CX-01 Claims intake rebuild\n    Owner: Li\n    Target: 4/30\n",
    )
    assert [s.title for s in report.all_sections() if "CX-01" in s.title] == []


def test_a_bucket_code_keeps_a_renamed_row_one_project(series: Series) -> None:
    ledger = series(
        [
            ("2025-03-07.txt", _board("2025/3/7", "", "目标 4/18", "🟨 At risk", "2/6")),
            (
                "2025-03-14.txt",
                _board("2025/3/14", "", "目标 4/25", "🟨 At risk", "3/6", "Handheld scanner swap"),
            ),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.week) for s in moved] == [("Barcode scanner retrofit", "2025-W11")]
    assert "Handheld scanner swap" in moved[0].aliases


def test_a_meetings_action_log_holds_no_projects(write_report: WriteReport) -> None:
    """`| # | Action | Owner | Due |`: each row is a person's to-do and its due day, not a project
    with a target (the board above it holds the projects)."""
    text = (
        "# Train sync 2025-04-10\n\n## Board\n\n| Feature | Name | Target | Health |\n|---|---|---|---|\n"
        "| F-2231 | Web intake | 2025-05-06 | at risk |\n\n## Actions\n\n| # | Action | Owner | Due |\n"
        "|---|---|---|---|\n| A-105 | Finish costing the capture gap | Aoife B. | 2025-04-17 |\n"
        "| A-106 | Rounding fix into mock load 4 | Marek N. | 2025-04-24 |\n"
    )
    found = [o.project for o in extract_facts(write_report("sync.md", text)).observations]
    assert found == ["Web intake"]
