"""Tables lined up with spaces (a plain-text e-mail's tracker, a Chinese one aligned by display
width): read as tables, so their forecasts and statuses make slips with verifiable quotes; aligned
prose, field lines and key-value blocks stay text."""

from __future__ import annotations

import unicodedata

from index.ledger import views
from index.ledger.table_columns import name_column
from index.tables import Table, TableRow, read_tables

from .conftest import Series


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), 1))


_EN = """Workstream            Owner     Baseline    Forecast    Status
--------------------  --------  ----------  ----------  ------
Power commissioning   R. Singh  2025-06-13  2025-06-27  Amber
Network fit-out       T. Osei   2025-06-20  2025-06-20  Green
                                                        (was Red)
Customer wave 1       A. Lin    13 Jun      TBC         Red

The forecast for power moved because the generator arrived late and we need two weeks.
"""


def test_a_space_aligned_table_becomes_rows_of_verbatim_cells() -> None:
    [table] = read_tables(_lines(_EN))
    assert table.header == ["Workstream", "Owner", "Baseline", "Forecast", "Status"]
    assert [row.cells[0] for row in table.rows] == [
        "Power commissioning",
        "Network fit-out",
        "Customer wave 1",
    ]
    assert table.rows[0].cells == ["Power commissioning", "R. Singh", "2025-06-13", "2025-06-27", "Amber"]
    assert table.rows[1].numbers == range(4, 6)  # a wrapped comment, `(was Red)`: the row above's
    lines = dict(_lines(_EN))
    assert all(cell in lines[row.line] for row in table.rows for cell in row.cells)  # quotes verify


def _pad(text: str, width: int) -> str:
    return text + " " * (width - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))


def test_a_chinese_table_aligns_by_display_width_and_a_full_cell_leaves_one_space() -> None:
    head = _pad("模块", 12) + _pad("负责人", 8) + _pad("计划完成", 12) + _pad("预计完成", 12) + "状态"
    rule = "-" * 10 + "  " + "-" * 6 + "  " + "-" * 10 + "  " + "-" * 10 + "  " + "-" * 6
    rows = [_pad("财务", 12) + _pad("王磊", 8) + _pad("2025-04-18", 12) + _pad("2025-04-25", 12) + "有风险"]
    rows.append("门店POS对接 " + _pad("赵强", 8) + _pad("4月30日", 12) + _pad("5月15日", 12) + "延期")
    [table] = read_tables(_lines("\n".join([head, rule, *rows])))
    assert table.rows[1].cells == ["门店POS对接", "赵强", "4月30日", "5月15日", "延期"]
    assert name_column(table) == 0  # "模块" names no field; its cells are names


def test_prose_fields_and_key_values_are_no_tables() -> None:
    text = (
        "Status: green   Owner: Ana   Due: May 3\n"
        "Status: amber   Owner: Bo    Due: May 9\n"
        "Uptime ............ 99.9%\n"
        "Deploys ........... 41\n\n"
        "We shipped it.  Then we  celebrated a lot\n"
        "and then  we slept  for days\n"
    )
    assert read_tables(_lines(text)) == []


def test_the_first_column_names_rows_only_when_its_cells_are_names() -> None:
    rows = [TableRow(3, ["2025-05-01", "At risk", "May 9"]), TableRow(4, ["2025-05-08", "Done", "May 9"])]
    assert name_column(Table(1, ["Start", "Status", "ETA"], rows)) is None  # days, not names


def _status(day: str, power: str, network: str) -> str:
    return (
        f"Subject: Hall B weekly status, {day}\n\nHi all, the table is below.\n\n"
        "Workstream            Owner     Baseline    Forecast    Status\n"
        "--------------------  --------  ----------  ----------  ------\n"
        f"Power commissioning   R. Singh  2025-06-13  {power}\n"
        f"Network fit-out       T. Osei   2025-06-20  {network}\n\nThanks,\nMira\n"
    )


def test_forecasts_and_statuses_in_an_aligned_table_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("s1.txt", _status("2025-05-02", "2025-06-13  Green", "2025-06-20  Green")),
            ("s2.txt", _status("2025-05-09", "2025-06-27  Amber", "2025-06-20  Green")),
            ("s3.txt", _status("2025-05-16", "2025-06-27  Amber", "2025-06-20  Green")),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Power commissioning", "date_moved", "2025-W19") in found
    assert ("Power commissioning", "status_downgrade", "2025-W19") in found
    assert not any(s.project == "Network fit-out" for s in views.slips(ledger))  # the baseline is no forecast
    moved = next(s for s in views.slips(ledger) if s.kind == "date_moved")
    assert [c.quote.count("2025-06-") >= 1 for c in moved.evidence] == [True, True]


def test_a_dot_leader_leads_to_the_value() -> None:
    from index.ledger.metric_read import read_pairs

    pairs = read_pairs("  Open snags ............. 6")
    assert [(p.name, p.value) for p in pairs] == [("Open snags", 6.0)]
    assert pairs[0].quote in "  Open snags ............. 6"
    assert [(p.name, p.value, p.unit) for p in read_pairs("库存准确率……………… 98.6%")] == [
        ("库存准确率", 98.6, "%")
    ]


def test_plain_text_sections_in_capitals_or_between_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from index.load import load_document
    from index.parse import parse_report

    path = tmp_path / "status.txt"
    path.write_text(
        "Subject: Hall B weekly status, 2025-05-02\n\nKEY METRICS\n  Racks energised ........ 16\n\n"
        "-- Network fit-out --\nOn track.\n\nFYI\n\nThanks\n",
        encoding="utf-8",
    )
    titles = [s.title for s in parse_report(load_document(path), "status.txt").all_sections()]
    assert "KEY METRICS" in titles and "Network fit-out" in titles
    assert "FYI" not in titles  # three letters alone with nothing under it: no heading


def test_a_wrapped_comment_line_stays_inside_the_table() -> None:
    text = (
        "Workstream        Owner  Baseline  Fcst     RAG    Comment\n"
        "----------------  -----  --------  -------  -----  ----------------------------\n"
        "Network fit-out   PN     20 Jun    27 Jun   GREEN  Duct build started 16 Jun. Not on the wave 2\n"
        "    critical path anymore - Corvane only need Kestrelnet\n"
        "Migrations wave 1 TA     14 Jun    21 Jun   GREEN  Dress rehearsal 17 Jun OK. Go/no-go\n"
        "    Thu 19 Jun = GO. Cutover window Sat 21 Jun 20:00 to Sun 04:00\n"
        "Security accred.  GH     04 Jul    18 Jul   GREEN  Evidence 88%\n"
    )
    [table] = read_tables(_lines(text))
    assert [row.cells[0] for row in table.rows] == [
        "Network fit-out",
        "Migrations wave 1",
        "Security accred.",
    ]
    assert table.rows[1].cells[3] == "21 Jun"


def test_a_forecast_column_under_any_name_is_the_target_and_the_baseline_is_none() -> None:
    from index.ledger.table_columns import column_roles

    rows = [TableRow(3, ["财务", "周敏", "3月31日", "4月11日", "90%", "按计划"])]
    roles = column_roles(Table(1, ["模块", "负责人", "原计划", "最新预计", "完成度", "状态"], rows))
    assert roles[2:] == [None, "target", "progress", "status"]
    prose = [TableRow(3, ["Billing", "expected to slip, see notes"])]
    assert column_roles(Table(1, ["Project", "Revised"], prose))[1] != "target"  # no days in it


def test_a_day_cell_with_its_month_in_letters_is_cited_by_its_row(series: Series) -> None:
    def status(day: str, forecast: str) -> str:
        return (
            f"Subject: ClinOps weekly update, {day}\n\nHi all,\n\n"
            "Workstream        Milestone               Baseline     Forecast     Status\n"
            "----------------  ----------------------  -----------  -----------  -------\n"
            f"ALDER sites       All 18 sites activated  28-Mar-2025  {forecast}  At risk\n\nThanks\n"
        )

    ledger = series(
        [("a.txt", status("2025-03-07", "28-Mar-2025")), ("b.txt", status("2025-03-14", "18-Apr-2025"))]
    )
    moved = next(s for s in views.slips(ledger) if s.kind == "date_moved")
    assert all(c.quote.startswith("ALDER sites") for c in moved.evidence)  # not the bare '18-Apr-2025'


def test_tab_separated_rows_that_do_not_line_up_are_a_table() -> None:
    """A Word table copied as text: one tab between cells, a long commentary pushing nothing into
    line; a wide header over one row is a table too (an incident log with one entry)."""
    from index.load import normalise_line
    from index.tables import read_tables

    raw = [
        "Project\tRAG\tPrev\tTarget go-live\tCommentary",
        "Harbour Booking Portal\tGREEN\tGREEN\t31/05/2025\t51 of 142 berths live. Batch two done.",
        "Crane App\tRED\tAMBER\t28/02/2025\tBLOCKED. Vendor enrolment rejected on 15/01.",
        "",
        "Ref\tPriority\tWhen\tWhat happened",
        "INC0048811\tP1\t14/01/2025 07:50–09:35 (105 mins)\tEvery online form failed at once.",
        "Impact: 1,100 abandoned sessions.",
    ]
    lines = [(n, normalise_line(t)) for n, t in enumerate(raw, start=1)]
    tables = read_tables(lines)
    assert [t.header for t in tables] == [
        ["Project", "RAG", "Prev", "Target go-live", "Commentary"],
        ["Ref", "Priority", "When", "What happened"],
    ]
    assert [row.cells[0] for row in tables[0].rows] == ["Harbour Booking Portal", "Crane App"]
    assert [row.line for row in tables[1].rows] == [6]  # the impact line after it is no row
    assert tables[0].rows[1].cells[4] == "BLOCKED. Vendor enrolment rejected on 15/01."


def test_a_rundowns_slug_column_names_its_rows_not_the_page_codes() -> None:
    table = Table(
        1,
        ["PG", "SLUG", "OWNER", "RAG", "TX"],
        [
            TableRow(2, ["A03", "LIVE PAGES V3", "P.N", "GRN", "18/03"]),
            TableRow(3, ["A04", "TV APP", "G.A", "AMB", "24/03"]),
        ],
    )
    assert name_column(table) == 1


def test_a_closed_row_whose_forecast_says_stopped_was_cancelled_not_launched(series: Series) -> None:
    ledger = series(
        [
            ("s1.txt", _status("2025-05-02", "2025-06-13  Green", "2025-06-20  Green")),
            ("s2.txt", _status("2025-05-09", "Stopped     Closed", "On hold     Closed")),
        ]
    )
    assert not views.launches(ledger)  # `Closed` beside `Stopped` ended the work unfinished
    latest = {p.name: p.status for p in views.projects(ledger)}
    assert latest["Power commissioning"] == "cancelled"
    assert latest["Network fit-out"] == "paused"


def test_a_closed_record_resolved_as_wont_do_was_cancelled(series: Series) -> None:
    def issue(day: str, status: str) -> str:
        return (
            f"# Epic digest {day}\n\n## PAY-88 Card vault migration\n\n"
            f"Status: {status}\nResolution: Won't Do\nDue date: 2025-06-30\n"
        )

    ledger = series([("d1.md", issue("2025-05-02", "In Progress")), ("d2.md", issue("2025-05-09", "Closed"))])
    assert not views.launches(ledger)
    assert {p.status for p in views.projects(ledger)} == {"cancelled"}
