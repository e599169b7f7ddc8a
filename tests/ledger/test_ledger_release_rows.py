"""Launches told by a release table, a bold sentence or prose that drops the tracker id."""

from __future__ import annotations

from index.ledger import views
from index.ledger.mentions import clean_name
from index.ledger.store import Ledger

from .conftest import Series

BEFORE = """\
# Platform digest 2025-01-10

## Epics

### &7 Search Revamp
- Health: **On track**
- Target: Due: 2025-01-24

### &9 Billing Export
- Health: **On track**
- Target: Due: 2025-02-07
"""


def launched(ledger: Ledger) -> list[tuple[str, str]]:
    return [(x.project, x.week) for x in views.launches(ledger)]


def test_a_tracker_reference_is_not_part_of_the_name() -> None:
    assert clean_name("&12 Matchmaking v2") == "Matchmaking v2"
    assert clean_name("#453 Party weighting") == "Party weighting"
    assert clean_name("1.2 ") == "1.2"  # an outline number alone is not stripped to nothing


def test_a_release_table_names_what_shipped_and_a_fix_row_ships_nothing(series: Series) -> None:
    after = """\
    # Platform digest 2025-01-24

    ## Released

    | Tag | Date | Contents |
    |-----|------|----------|
    | v3.1.0 | 2025-01-22 | &7 Search Revamp — all queries on the new index |
    | v3.1.1 | 2025-01-23 | fix: retry budget in the router (#88) |

    ## Epics

    ### &9 Billing Export
    - Health: **On track**
    - Target: Due: 2025-02-07
    """
    ledger = series([("a.md", BEFORE), ("b.md", after)])
    assert launched(ledger) == [("Search Revamp", "2025-W04")]


def test_a_bold_sentence_names_its_subject(series: Series) -> None:
    after = """\
    # Platform digest 2025-01-24

    ## Lead's note

    **Billing Export is live.** It went to all tenants on Wednesday.
    """
    ledger = series([("a.md", BEFORE), ("b.md", after)])
    assert launched(ledger) == [("Billing Export", "2025-W04")]
