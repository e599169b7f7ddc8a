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


def _issue(day: str, releases: str) -> str:
    return f"# 社区双周报（{day}）\n\n## 存储\n\n分层存储进展正常。\n\n## 版本发布\n\n{releases}\n"


def test_a_releases_heading_tells_of_the_versions_its_sentences_open_with(series: Series) -> None:
    ledger = series(
        [
            (
                "issue-1.md",
                _issue(
                    "2025-03-14",
                    "- 2.3.0-rc1（3月10日）\n\n2.3.1 补丁版本预计4月上旬发布，修复两个边界问题。",
                ),
            ),
            ("issue-2.md", _issue("2025-03-28", "rc2 之后再观察一周，2.3.1 正式版定在4月中旬。")),
            ("issue-3.md", _issue("2025-04-11", "2.3.1 于4月8日正式发布，所有用户建议升级。")),
        ]
    )
    assert ("2.3.1", "2025-W15") in launched(ledger)
    assert not any(project == "版本发布" for project, _ in launched(ledger))  # the heading is no project
    moved = [s for s in views.slips(ledger) if s.project == "2.3.1" and s.kind == "date_moved"]
    assert [s.to for s in moved] == ["2025-04-20"]
