"""A report server's rendered page (SSRS, Crystal, BIRT): numbered part titles in plain text boxes,
each over its table, sometimes with the listing's source between them. Written from w34-e (an
SSRS-rendered PMO report, wave 34, after its unread run); the page below is this test's own."""

from __future__ import annotations

from index.ledger import views
from index.models import SectionKind
from index.verify import Verifier

from .conftest import Series, WriteReport


def _page(day: str, kpi: str, incident_rows: str) -> str:
    return f"""<html><body>
<div>Claims Platform Weekly Status</div>
<table><tr><td>Week ending:</td><td>{day}</td><td>Programme week:</td><td>PW31</td></tr></table>
<div>1. Workstream summary</div>
<table><tr><td>Ref</td><td>Workstream</td><td>Status</td><td>Forecast go-live</td></tr>
<tr><td>CP-01</td><td>Claims intake portal</td><td>G</td><td>30/05/2024</td></tr></table>
<div>5. Production incidents (P1–P3) – claims and payments estates</div>
<div>Source: ServiceNow, period 01/04/2024 – 05/04/2024</div>
<table><tr><td>Number</td><td>Opened</td><td>Priority</td><td>Short description</td><td>Duration</td></tr>
{incident_rows}</table>
<div>6. Programme KPIs</div>
<table><tr><td>KPI</td><td>This week</td><td>Previous report</td></tr>
<tr><td>Claims auto-adjudicated</td><td>{kpi}</td><td>55.1%</td></tr></table>
</body></html>
"""


ROW = "<tr><td>INC0077120</td><td>03/04/2024 09:12</td><td>P2</td><td>Payment file not sent to the bank</td><td>2h 10m</td></tr>"


def test_numbered_part_titles_over_their_tables_are_sections(write_report: WriteReport) -> None:
    report = write_report("status_05042024.html", _page("05/04/2024", "57.4%", ROW))
    kinds = {section.title: section.kind for section in report.all_sections()}
    assert kinds["5. Production incidents (P1–P3) – claims and payments estates"] == SectionKind.INCIDENTS
    assert kinds["6. Programme KPIs"] == SectionKind.METRICS


def test_a_listed_incident_is_dated_by_its_opened_cell_and_an_empty_listing_holds_none(
    series: Series,
) -> None:
    ledger = series(
        [
            (
                "status_29032024.html",
                _page("29/03/2024", "55.1%", "<tr><td>No P1–P3 incidents recorded in period.</td></tr>"),
            ),
            ("status_05042024.html", _page("05/04/2024", "57.4%", ROW)),
        ]
    )
    incidents = views.incidents(ledger)
    assert [(str(i.when), i.severity) for i in incidents] == [("2024-04-03", "P2")]
    assert all(Verifier().check(i.evidence) for i in incidents)
    points = {name: [p.value for p in s.points] for s in views.metric_series(ledger) for name in [s.name]}
    assert any(values == [55.1, 57.4] for values in points.values())
