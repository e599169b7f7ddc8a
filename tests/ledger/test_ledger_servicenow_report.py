"""A ServiceNow SPM status report, saved as HTML: `As on | 03-21-2025` in its header table, US dates
with dashes, projects in rows keyed by their `Number` with the name in `Short description`, a
milestone list whose `Project` column holds those numbers, and `Closed Skipped` for a cancelled one."""

from __future__ import annotations

from datetime import date

from index.date_labels import labelled_date
from index.ledger import views
from index.ledger.mentions import valid_name
from index.ledger.signals import field_status
from index.text.timeexpr import find_dates

from .conftest import Series


def test_a_dashed_us_date_and_an_as_on_field() -> None:
    [hit] = find_dates("Planned end date 04-25-2025", date(2025, 3, 14))
    assert hit.value == date(2025, 4, 25)
    found = labelled_date("| Number | SR0009001 | As on | 03-21-2025")
    assert found is not None and found.value == date(2025, 3, 21)


def test_servicenow_states_and_section_names() -> None:
    assert field_status("Closed Skipped") == "cancelled"
    assert field_status("Closed Complete") == "done"
    assert not valid_name("Achievements last period")
    assert not valid_name("Key activities next period")


_PAGE = """<html><body>
<h1>Status Report: {number}</h1>
<table>
<tr><td>Number</td><td>{number}</td><td>As on</td><td>{day}</td></tr>
</table>
<h2>Projects (Work in Progress)</h2>
<table>
<tr><th>Number</th><th>Short description</th><th>State</th><th>Overall health</th><th>Planned end date</th></tr>
<tr><td>PRJ0020001</td><td>Meter Data Lake</td><td>Work in Progress</td><td>{health}</td><td>{end}</td></tr>
<tr><td>PRJ0020002</td><td>Valve Telemetry Refresh</td><td>Work in Progress</td><td>Green</td><td>05-30-2025</td></tr>
</table>
<h2>Milestones (next 30 days)</h2>
<table>
<tr><th>Milestone</th><th>Project</th><th>Planned end date</th><th>Status</th></tr>
<tr><td>Schema sign-off</td><td>PRJ0020001</td><td>{milestone}</td><td>Pending</td></tr>
</table>
</body></html>
"""


def test_a_status_report_names_rows_by_description_and_skips_milestone_rows(series: Series) -> None:
    ledger = series(
        [
            (
                "sr1.html",
                _PAGE.format(
                    number="SR0009001",
                    day="03-14-2025",
                    health="Green",
                    end="04-25-2025",
                    milestone="03-20-2025",
                ),
            ),
            (
                "sr2.html",
                _PAGE.format(
                    number="SR0009002",
                    day="03-21-2025",
                    health="Yellow",
                    end="05-16-2025",
                    milestone="03-27-2025",
                ),
            ),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2025, 3, 14), date(2025, 3, 21)]
    assert {p.name for p in views.projects(ledger)} == {"Meter Data Lake", "Valve Telemetry Refresh"}
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Meter Data Lake", "date_moved", "2025-05-16") in slips
    assert all(s.project == "Meter Data Lake" for s in views.slips(ledger))  # no milestone row's move
