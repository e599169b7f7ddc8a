"""A programme's weekly update as a mailing list's plain-text log: workstreams as coded margin lines
with this week's rating and last week's in brackets (`WS2  Catalogue move      A    (G)`) over
indented news; a move told as `Go-live now Tue 22 April (was Mon 14 April)`; a P6 narrative's
`Data Date`; a retrospective conversion is no retrospective."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.classify import classify_heading
from index.ledger import views
from index.ledger.mentions import clean_name
from index.ledger.signals import field_status
from index.ledger.targets import classify_dates
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report
from index.plain_records import coded_margin_lines

from .conftest import Series


def test_ratings_with_last_weeks_in_brackets() -> None:
    assert field_status("A    (G)") == "at_risk"
    assert field_status("G (A)") == "on_track"
    assert field_status("R – delayed") == "off_track"


def test_short_weekdays_and_was_brackets_date_a_move() -> None:
    roles = classify_dates("Go-live now Tue 22 April (was Mon 14 April).", date(2025, 2, 28))
    assert [(r.role, r.hit.value) for r in roles] == [
        ("target", date(2025, 4, 22)),
        ("old", date(2025, 4, 14)),
    ]
    assert classify_dates("Board review 3 March (was cancelled)", date(2025, 2, 28)) == []
    assert clean_name("Search switch Mon") == "Search switch"
    assert clean_name("Project Sun") == "Project Sun"


def test_headings_a_programme_update_writes() -> None:
    assert classify_heading("WS4  Map collection retrocon") is not SectionKind.REFLECTION
    assert classify_heading("Sprint retrospective") is SectionKind.REFLECTION
    assert classify_heading("Machine learning platform") is not SectionKind.REFLECTION
    lines = list(
        enumerate(
            [
                "WS1  Alpha      G    (G)",
                "     news",
                "",
                "WS2  Beta       A    (G)",
                "     more",
                "WS3  Gamma  G (G)",
                "     x",
            ]
        )
    )
    assert coded_margin_lines(lines) == frozenset({0, 3, 5})
    assert coded_margin_lines(lines[:5]) == frozenset()  # two are no list of records


_LOG = """\
Date:         {sent}
Subject:      [ARCH] Weekly update

Hi all,

WS1  Catalogue move (OldCat -> Nimbus)          {rating1}
     Go-live {golive}
     - crosswalk done.

WS2  Image archive                              G    (G)
     Final load Fri 30/05.
     - 40% keyed.

WS3  Reading room kiosks                        G    (G)
     Install Mon 16/06.

Thanks,
Ana
"""


def test_a_list_log_gives_ratings_and_moves(series: Series) -> None:
    ledger = series(
        [
            (
                "ARCH.LOG2502A.txt",
                _LOG.format(
                    sent="Fri, 7 Feb 2025 16:00:00 +0000", rating1="G    (G)", golive="Mon 14 April."
                ),
            ),
            (
                "ARCH.LOG2502B.txt",
                _LOG.format(
                    sent="Fri, 14 Feb 2025 16:00:00 +0000",
                    rating1="A    (G)",
                    golive="now Tue 22 April (was Mon 14 April).",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("WS1 Catalogue move (OldCat -> Nimbus)", "status_downgrade") in slips
    assert ("WS1 Catalogue move (OldCat -> Nimbus)", "date_moved") in slips
    assert not any(name.endswith(("G (G)", "(G)")) for name, _ in slips)


def test_a_schedule_narratives_data_date_dates_it(tmp_path: Path) -> None:
    path = tmp_path / "narrative-u14.txt"
    path.write_text(
        "CITY TRANSIT - WEEKLY SCHEDULE NARRATIVE\n"
        "Project ID : TR-01             Schedule Update : U14\n"
        "Data Date  : 28-Apr-25\n"
        "Period     : 2 weeks - no update for DD 21-Apr-25 (holiday)\n\n"
        "1. SUMMARY\nOn plan.\n",
        encoding="utf-8",
    )
    assert parse_report(load_document(path), str(path)).date == date(2025, 4, 28)


def test_a_past_day_something_moved_on_is_no_new_target() -> None:
    ref = date(2025, 3, 11)
    assert classify_dates("billing: Orca moved Thu 6 Mar, the last account", ref) == []
    assert [r.role for r in classify_dates("go-live moved to Thu 20 Mar", ref)] == ["target"]


def test_a_generic_title_in_two_languages_names_nothing() -> None:
    from index.ledger.mentions import valid_name

    assert not valid_name("项目 Projects")
    assert valid_name("数据迁移 Data Migration")
