"""A plain-text bulletin whose records hang under a margin line (`CODE | What it is`) over indented
`Owner:` and `Health:` lines and a stage ladder (`IQ[x] OQ[~] > GO-LIVE tgt 04-Nov-2024 (was …)`).
Written from w19-f (a lab-informatics bulletin, wave 19); the bulletins below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport


def _bulletin(issued: str, scada: str, health: str, extra: str = "") -> str:
    return f"""ACME WATER | OT SYSTEMS -- WEEKLY BULLETIN
Issued: {issued}      Prepared by: OT PMO

LEGEND  Health: G on track | A at risk | R off track | P paused

================================================================================
1. LADDERS
================================================================================

SCADA-UP | Plant SCADA upgrade -- both treatment works
  Owner: K. Adeyemi | CR-311
  FAT[x] SAT[~] > GO-LIVE tgt {scada}
  Health: {health}
  - Re-planned because the vendor image missed 02-Sep; SAT restarts next week.

HIST | Process historian consolidation
  Owner: M. Berg | CR-298
  DESIGN[x] BUILD[~] > COMPLETE tgt 28-Feb-2025
  Health: G. Tag mapping for works 2 done.
{extra}
================================================================================
2. PRODUCTION INCIDENTS & DEVIATIONS (since last bulletin)
================================================================================
  No new production incidents.
"""


def test_hanging_records_are_projects_with_their_ladder_and_light(series: Series) -> None:
    ledger = series(
        [
            ("bulletin-no12.txt", _bulletin("06-Sep-2024 (Fri)", "30-Sep-2024", "G. SAT scripts approved.")),
            (
                "bulletin-no13.txt",
                _bulletin(
                    "13-Sep-2024 (Fri)",
                    "21-Oct-2024 (was 30-Sep-2024)",
                    "A (was G). SAT blocked until the patched image arrives.",
                    "\nLABEL | Sample label printing\n  Health: CANCELLED 10-Sep-2024 by the board.\n",
                ),
            ),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"SCADA-UP", "HIST", "LABEL"} <= set(found)
    assert found["SCADA-UP"].target == date(2024, 10, 21)
    assert found["LABEL"].status == "cancelled"  # the last record, one field line of its own
    slips = {(s.project, s.kind, str(s.from_), str(s.to)) for s in views.slips(ledger)}
    assert ("SCADA-UP", "date_moved", "2024-09-30", "2024-10-21") in slips
    # `Health: A (was G).`: the light is its opening letter, not the "blocked" of its reason
    assert any(s[:2] == ("SCADA-UP", "status_downgrade") for s in slips)
    assert not any(s[0] == "HIST" for s in slips)
    assert views.incidents(ledger) == []


def test_a_day_told_as_the_reason_is_no_target(write_report: WriteReport) -> None:
    report = write_report(
        "bulletin-no12.txt", _bulletin("06-Sep-2024 (Fri)", "30-Sep-2024", "G. SAT scripts approved.")
    )
    observed = {o.project: o for o in extract_facts(report).observations}
    # `the vendor image missed 02-Sep` is why it was re-planned, not the record's day
    assert observed["SCADA-UP"].target == date(2024, 9, 30)
    assert observed["SCADA-UP"].status == "on_track"
