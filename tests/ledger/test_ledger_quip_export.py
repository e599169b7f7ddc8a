"""A document-tool export (Quip-like): numbered programme headings with a rename gloss, a table under
spreadsheet column letters, and an incidents section that says there were none."""

from __future__ import annotations

from index.ledger.extract import extract_facts
from index.ledger.mentions import clean_name
from index.ledger.renames import rename_pairs
from index.tables import read_tables

from .conftest import WriteReport

EXPORT = """# CX Ops Weekly, 28 Mar 2025

## Queue health
| A | B | C | D |
| --- | --- | --- | --- |
| Metric | This week | Last week | Target |
| Median first response | 3.5 h | 3.7 h | ≤ 4 h |
| CSAT (7-day rolling) | 91.0% | 90.7% | 90% |

## Incidents and escalations
No production incidents this week.
One exec escalation about a billing proration; a credit note went out Wednesday.

## Programmes and migrations
### 2. Launchpad (was: Guided Onboarding pilot)
RAG: Amber | Target go-live: 22 Apr | Cohort 2 at day 10.
"""


def test_a_numbered_heading_with_a_rename_gloss() -> None:
    assert clean_name("2. Launchpad (was: Guided Onboarding pilot)") == "Launchpad"
    assert rename_pairs("2. Launchpad (was: Guided Onboarding pilot)") == [
        ("Guided Onboarding pilot", "Launchpad")
    ]
    assert rename_pairs("Routing (was 60% last week)") == []


def test_column_letters_over_the_real_header() -> None:
    lines = list(enumerate(EXPORT.splitlines(), start=1))
    (table,) = read_tables(lines)
    assert table.header == ["Metric", "This week", "Last week", "Target"]
    assert [row.cells[0] for row in table.rows] == ["Median first response", "CSAT (7-day rolling)"]


def test_the_export_reads_its_metrics_project_and_no_incident(write_report: WriteReport) -> None:
    facts = extract_facts(write_report("CX-Ops-Weekly-28-Mar-2025.md", EXPORT))
    assert facts.incidents == []
    assert {(m.name, m.value) for m in facts.metrics} >= {
        ("Median first response", 3.5),
        ("CSAT (7-day rolling)", 91.0),
    }
    assert [o.project for o in facts.observations] == ["Launchpad"]


def test_a_rename_gloss_whose_old_name_has_a_remark_after_a_comma() -> None:
    # `(was: CMS Migration, Ledger -> Meridian)`: the old name is what stands before the comma too,
    # so a series that called it `CMS MIGRATION (Ledger -> Meridian)` joins it (wave 30's round)
    pairs = rename_pairs("[1] PROJECT KEYSTONE (was: CMS Migration, Ledger -> Meridian)")
    assert ("CMS Migration", "PROJECT KEYSTONE") in pairs
    assert ("CMS Migration, Ledger -> Meridian", "PROJECT KEYSTONE") in pairs
