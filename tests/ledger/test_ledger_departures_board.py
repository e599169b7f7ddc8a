"""A plain-text board whose aligned table lines up each item's schedule, current estimate and a
remark from the board's own key (`DEPARTED 27MAR`, `HOLDING`, `BOARDING`), the key in its footer.
Written from w20-b (an airport IT departures board, wave 20); the boards below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views

from .conftest import Series


def _board(issued: str, rows: str, disruptions: str = "  - None.") -> str:
    return f"""==========================================================================
 HARBOUR LOGISTICS IT - PROJECT BOARD                              Ed. 04
 Issued {issued}    Desk: J. Amari
==========================================================================

REF    ITEM                               SCHED  EST    CREW       REMARKS
-----  ---------------------------------  -----  -----  ---------  --------------
{rows}
--------------------------------------------------------------------------
SCHED = baseline, EST = current estimate.

DISRUPTIONS (production)
{disruptions}

KEY: ON TIME = green | EXPECT DELAY = amber | DELAYED = red |
BOARDING = live within 14 days | HOLDING = paused | DEPARTED = live.
-- END --
"""


_ROWS_1 = """YD101  Crane telemetry gateway            11APR  11APR  K.Osei     ON TIME
YD102  Gate OCR lanes                     04APR  04APR  M.Rossi    BOARDING
YD103  Reefer monitoring                  30MAY  30MAY  T.Lund     ON TIME
YD104  Berth planning app                 16MAY  16MAY  A.Chen     ON TIME
YD105  Customs pre-clearance feed         27JUN  27JUN  P.Weir     ON TIME"""

_ROWS_2 = """YD101  Crane telemetry gateway            11APR  25APR  K.Osei     DELAYED
YD102  Gate OCR lanes                     04APR  04APR  M.Rossi    DEPARTED 03APR
YD103  Reefer monitoring                  30MAY  30MAY  T.Lund     HOLDING
YD104  Berth planning app                 16MAY  16MAY  A.Chen     EXPECT DELAY
YD105  Customs pre-clearance feed         27JUN  27JUN  P.Weir     ON TIME"""


def test_a_board_reads_its_estimate_and_its_keyed_remarks(series: Series) -> None:
    ledger = series(
        [
            ("PORT_BOARD_ed04.txt", _board("FRI 28MAR25 1600L", _ROWS_1)),
            ("PORT_BOARD_ed05.txt", _board("FRI 04APR25 1600L", _ROWS_2)),
        ]
    )
    slips = {(s.project, s.kind, str(s.to)) for s in views.slips(ledger)}
    # EST moved, SCHED (the baseline) did not: a slip to the estimate's day
    assert ("Crane telemetry gateway", "date_moved", "2025-04-25") in slips
    assert not any(project == "Customs pre-clearance feed" for project, _, _ in slips)
    launched = {launch.project for launch in views.launches(ledger)}
    assert "Gate OCR lanes" in launched  # `DEPARTED 03APR`: the key's word for live, and its day
    found = {p.name: p for p in views.projects(ledger)}
    assert found["Reefer monitoring"].status == "paused"
    assert found["Berth planning app"].status == "at_risk"
    assert found["Crane telemetry gateway"].target == date(2025, 4, 25)


def test_a_boards_disruptions_are_its_incidents(series: Series) -> None:
    """`DISRUPTIONS (production)`: an operations board's word for its incidents section, each told
    with a telex's clock span whose zone is written once (`0540-0705L`)."""
    told = "  - P2  02APR 0540-0705L (85 min)  Gate OCR lane 3 stopped reading plates.\n    Manual check-in."
    ledger = series(
        [
            ("PORT_BOARD_ed04.txt", _board("FRI 28MAR25 1600L", _ROWS_1)),
            ("PORT_BOARD_ed05.txt", _board("FRI 04APR25 1600L", _ROWS_2, told)),
        ]
    )
    incidents = views.incidents(ledger)
    assert [(i.when, i.severity, i.duration_minutes) for i in incidents] == [(date(2025, 4, 2), "P2", 85)]
    assert incidents[0].title == "Gate OCR lane 3 stopped reading plates"
    assert "DISRUPTIONS (production)" not in {p.name for p in views.projects(ledger)}
