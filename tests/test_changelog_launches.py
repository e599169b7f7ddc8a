"""A changelog's `Shipped this week` paragraphs are its launch list; a private beta is not a launch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.ledger.mention_layout import find_mentions
from index.ledger.observe import observe
from index.ledger.signals import heading_status
from index.load import load_document
from index.parse import parse_report


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Shipped this week", "launched"),
        ("Shipped since the last post", "launched"),
        ("What we shipped", "launched"),
        ("本周已上线", "launched"),
        ("Shipped", "launched"),
        ("Done this week", None),  # work done on running projects, not a column of finished ones
        ("Done", "done"),
        ("Plans for this week", None),
    ],
)
def test_heading_status_reads_past_the_period(heading: str, expected: str | None) -> None:
    assert heading_status(heading) == expected


def test_paragraphs_under_a_shipped_heading_are_launches(tmp_path: Path) -> None:
    path = tmp_path / "changelog.md"
    path.write_text(
        "# Changelog\n\n## Shipped this week\n\n"
        "Bulk export for reports is now generally available on all plans.\n\n"
        "Dark mode went out on 10 June, in private beta with 12 workspaces.\n",
        encoding="utf-8",
    )
    report = parse_report(load_document(path), "changelog.md", date(2025, 6, 13))
    found = {m.name: observe(report, m).status for m in find_mentions(report)}
    assert found.get("Bulk export for reports") == "launched"
    assert "Dark mode" in found and found["Dark mode"] != "launched"
