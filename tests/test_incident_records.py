"""Incident records as other trades and tools log them: a harbour's log whose columns name the
system and a category (`| Ref | When (UTC) | System | Cat | Duration |`), a tracker key's column
(`PRB#`), a section of one incident under its key, and lines that only look like incidents (a
defect's grade, a marine event that was not the team's, a Japanese "none"). Written from wave 36
(a PmWiki harbour series, an Outline sportsbook series, an esa.io series); the texts are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.classify import classify_heading
from index.ledger.incidents import extract_incidents
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report
from index.schemas import Incident


def _incidents(tmp_path: Path, text: str, day: date) -> list[Incident]:
    path = tmp_path / "weekly.md"
    path.write_text(text, encoding="utf-8")
    return extract_incidents(parse_report(load_document(path), "weekly.md", day))


def test_a_log_without_a_summary_column_is_titled_by_its_system(tmp_path: Path) -> None:
    text = (
        "# Dock Systems weekly\n\n## Events log\n\n"
        "| Ref | When (UTC) | System | Cat | Duration | Impact |\n|---|---|---|---|---|---|\n"
        "| DSL 25/04 | 110730Z MAR 25 to 110815Z | Gate OCR lane 3 | B | 45 min | trucks queued at the gate |\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 14))
    assert len(found) == 1
    incident = found[0]
    assert incident.title.startswith("DSL 25/04 Gate OCR lane 3")  # the key, then what went down
    assert incident.when == date(2025, 3, 11)  # a date-time group's day, not "MAR 25"
    assert incident.duration_minutes == 45.0


def test_a_tracker_key_column_keeps_the_key_in_the_title(tmp_path: Path) -> None:
    text = (
        "# Core weekly\n\n## Problems\n\n"
        "| PRB# | Sev | Start | Duration | System |\n|---|---|---|---|---|\n"
        "| PRB0077 | 2 | 03/04/25 07:10 | 30 min | LEDGER BATCH |\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 7))
    assert [i.title for i in found] == ["PRB0077 LEDGER BATCH"]


def test_a_section_under_an_incident_key_is_one_incident(tmp_path: Path) -> None:
    text = (
        "# Platform weekly\n\n## INC-2210 — payouts delayed (P2)\n\n"
        "- **When:** Tue 04/03, 09:00–09:45 (45m)\n"
        "- **What:** the payout worker stopped reading its queue.\n"
        "- **Detected:** 09:30 by the hourly check; on-call paged.\n"
        "- **Postmortem:** Fri 07/03.\n"
    )
    assert classify_heading("INC-2210 — payouts delayed (P2)") == SectionKind.INCIDENTS
    found = _incidents(tmp_path, text, date(2025, 3, 7))
    assert len(found) == 1 and found[0].severity == "P2"


def test_lines_that_only_look_like_incidents(tmp_path: Path) -> None:
    text = (
        "# Weekly\n\n## Incidents\n\n"
        "- Not a Dock Systems incident: on Wed 05/03 a tug touched the north fender.\n"
        "- 障害なし。4/22 的 DB patch 停机 按计划 01:00〜02:10 完成。\n\n"
        "## Headlines\n\n"
        "- Portal back to green: all 4 sev-1 defects fixed and retested on Wed 05/03.\n"
    )
    assert _incidents(tmp_path, text, date(2025, 3, 7)) == []
