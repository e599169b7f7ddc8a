"""A programme status written as a weather service's forecast discussion: a WMO header, a file
named by its issuance stamp (`PSDFSM.202502071730`), an issuance line `530 PM GMT Fri Feb 7 2025`
under the titles, `.SECTION...` headings and `Workstream...news` paragraphs."""

from __future__ import annotations

from datetime import date

from index.classify import classify_heading
from index.ledger import views
from index.ledger.mentions import valid_name
from index.ledger.progress import find_progress
from index.models import SectionKind
from index.report_date import compact_date, opening_date

from .conftest import Series


def test_an_issuance_stamp_and_line_date_the_bulletin() -> None:
    found = compact_date("PSDFSM.202502071730")
    assert found is not None and found.value == date(2025, 2, 7)
    line = opening_date("530 PM GMT Fri Feb 7 2025", None)
    assert line is not None and line.value == date(2025, 2, 7)
    assert compact_date("build 2025031412345") is None  # a longer run of digits is an id


def test_bulletin_sections_and_spelled_percent() -> None:
    assert classify_heading("OUTLOOK /NEXT 7 DAYS/") is SectionKind.PLANS
    assert classify_heading("Outlook add-in rollout") is not SectionKind.PLANS
    assert not valid_name("KEY MESSAGES")
    assert [s.value for s in find_progress("parallel run 90 percent", False)] == []  # bare: not cued
    assert [s.value for s in find_progress("progress 90 percent", False)] == [90]


_BULLETIN = """NOXX51 XNMS {stamp}
PSDEXT

Programme Status Discussion
Northmere Forecast Systems
{issued}

.KEY MESSAGES...

- Radar mosaic refresh on track for {target}.

&&

.DISCUSSION /WORKSTREAMS/...

Radar Mosaic Refresh...{news} Go-live {target}.

Warning Feed v2...progress 40 percent. Go-live May 30.

&&
"""


def test_a_bulletin_gives_its_workstreams_and_a_moved_date(series: Series) -> None:
    ledger = series(
        [
            (
                "PSDEXT.202502071730.txt",
                _BULLETIN.format(
                    stamp="071730",
                    issued="530 PM GMT Fri Feb 7 2025",
                    target="Mar 31",
                    news="calibration 7 of 11 radars.",
                ),
            ),
            (
                "PSDEXT_CCA.txt",
                _BULLETIN.format(
                    stamp="141745 CCA",
                    issued="545 PM GMT Fri Feb 14 2025",
                    target="Apr 25",
                    news="calibration slipped, now",
                ),
            ),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2025, 2, 7), date(2025, 2, 14)]
    names = {p.name for p in views.projects(ledger)}
    assert {"Radar Mosaic Refresh", "Warning Feed v2"} <= names
    assert "KEY MESSAGES" not in names
    moved = [(s.project, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert ("Radar Mosaic Refresh", "2025-04-25") in moved
