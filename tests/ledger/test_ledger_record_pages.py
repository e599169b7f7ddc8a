"""A plain-text form whose projects are records: a line at the margin with its own status field
over indented `LABEL : value` lines, status codes defined in the page's own legend, targets as a
day or as a release train's number. Written from a blind series of wave 18 (an MRO programme's
"tech log" pages); the pages below are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.ordinal_targets import find_ordinal_targets
from index.verify import Verifier

from .conftest import Series


def _page(number: int, day: str, codes: tuple[str, str], target: str, release: str, occurrence: str) -> str:
    return f"""NORTHWIND HANGAR SYSTEMS  //  PROGRAMME LOG
PAGE: {number:03d}            DATE: {day}
DIST: STEERING GROUP, STORES, QUALITY
==============================================================
STATUS CODES  OK    = FIT (ON TRACK)
              WD    = FIT WITH DEFECT (AT RISK)
              NF    = NOT FIT (OFF TRACK)
              PARK  = PARKED BY SPONSOR       DROP = CANCELLED
              LIVE  = IN SERVICE (LIVE)
==============================================================
ITEM 01  CRW   CREW PORTAL - ALL BASES                STATUS: {codes[0]}
  PROGRESS : 4/6 BASES LIVE
  TARGET   : LIVE ALL BASES {target}
  ENTRY    : Training at the last two bases is booked.

ITEM 02  BIN   BIN SCANNER DASHBOARD                  STATUS: {codes[1]}
  TARGET   : GO-LIVE WITH VENDOR RELEASE {release}
  ENTRY    : Scanner firmware is on the test bench.
--------------------------------------------------------------
DEFERRED ITEMS (TARGET CHANGES)
  DF-004  ITEM 01 CRW  {target}
--------------------------------------------------------------
OCCURRENCES (PRODUCTION)
{occurrence}
--------------------------------------------------------------
END OF PAGE {number:03d}
"""


_FIRST = "  OCC 24-031  03 JUN 2024  0610Z-0650Z (40 MIN)  SEV 2\n    Portal login failed at two bases."
_AGAIN = "  OCC 24-031 FOLLOW-UP (REVIEW HELD 11 JUN)\n    Certificate monitoring added."


def test_records_with_coded_states_move_by_day_and_by_release(series: Series) -> None:
    ledger = series(
        [
            ("LOG-011.txt", _page(11, "07 JUN 2024", ("OK", "OK"), "28 JUN 2024", "R4.1", _FIRST)),
            ("LOG-012.txt", _page(12, "14 JUN 2024", ("WD", "NF"), "26 JUL 2024", "R4.2", _AGAIN)),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    # the record number is no part of the name; the codes read as the page's legend says
    assert ("CRW CREW PORTAL", "date_moved") in found
    assert ("CRW CREW PORTAL", "status_downgrade") in found
    assert ("BIN BIN SCANNER DASHBOARD", "date_moved") in found  # R4.1 -> R4.2, not a metric
    assert ("BIN BIN SCANNER DASHBOARD", "status_downgrade") in found
    # header fields and a register of changes are no projects
    names = {s.project for s in views.slips(ledger)}
    assert not any(name.startswith(("DIST", "DEFERRED")) for name in names)
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)
    # an occurrence is an incident, its follow-up a retelling of it
    incidents = views.incidents(ledger)
    assert len(incidents) == 1 and incidents[0].title.startswith("OCC 24-031")


def test_a_release_train_letter_before_the_number() -> None:
    found = find_ordinal_targets("GO-LIVE WITH VENDOR RELEASE R4.2")
    assert [(t.unit, t.order) for t in found] == [("version", (4, 2))]
