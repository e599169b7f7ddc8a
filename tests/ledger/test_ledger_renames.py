"""Renames announced in prose: the old and the new name, never a preposition or a status heading."""

from __future__ import annotations

from index.ledger.renames import extract_renames

from .conftest import WriteReport


def test_renamed_from_under_a_project_heading(write_report: WriteReport) -> None:
    report = write_report(
        "2026-03-06.md",
        """
        # Weekly update 2026-03-06

        ## Ledger Sync
        - Renamed from "Books bridge". Dry run passed on staging.
        """,
    )
    pairs = {(r.old, r.new) for r in extract_renames(report)}
    assert pairs == {("Books bridge", "Ledger Sync")}


def test_renamed_from_under_a_status_heading_names_nothing(write_report: WriteReport) -> None:
    report = write_report(
        "2026-03-13.md",
        """
        # Weekly update 2026-03-13

        ## In Progress
        - Ledger Sync: renamed from "Books bridge". Cutover planned for 3/27.
        """,
    )
    names = {name for r in extract_renames(report) for name in (r.old, r.new)}
    assert "from" not in {n.lower() for n in names}
    assert "In" not in names and "In Progress" not in names
