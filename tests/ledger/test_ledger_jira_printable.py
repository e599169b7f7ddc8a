"""A weekly status kept as a Jira ticket and saved from its Printable view: the title line carries
`Created: 14/Mar/25  Updated: 17/Mar/25`, days are written `dd/MMM/yy`, the workstreams sit in a
wiki-markup table with a `||Workstream||RAG||` header, and a moved target is struck through."""

from __future__ import annotations

from datetime import date

from index.date_labels import labelled_date
from index.ledger import views
from index.tables import read_tables
from index.text.timeexpr import find_dates

from .conftest import Series


def test_jira_days_and_the_created_field() -> None:
    hits = find_dates("Target -21/Mar/25- 04/Apr/25", date(2025, 3, 14))
    assert [h.value for h in hits] == [date(2025, 3, 21), date(2025, 4, 4)]
    found = labelled_date("[OPS-12] Weekly status – w/c 10/Mar/25 Created: 14/Mar/25  Updated: 17/Mar/25")
    assert found is not None and found.value == date(2025, 3, 14)  # created, not updated


def test_a_wiki_markup_header_row_heads_its_table() -> None:
    lines = list(
        enumerate(
            [
                "||Workstream||RAG||Target||",
                "|Alarm triage|(!) At risk|28/Mar/25|",
                "|Planner|(/) On track|30/May/25|",
            ],
            1,
        )
    )
    [table] = read_tables(lines)
    assert table.header == ["Workstream", "RAG", "Target"]
    assert [row.cells[0] for row in table.rows] == ["Alarm triage", "Planner"]


_TICKET = """[OPS-{n}] Weekly status – Field Digital – w/c {wc} Created: {created}  Updated: {updated}
Status:	Done

 Description
h2. Workstreams
||Workstream||Epic||RAG||Target||Progress||
|Vessel Planner|OPS-288|{rag}|{target}|66%|
|Tablet offline mode|OPS-331|(/) On track|18/Apr/25|5/9 stories|
"""


def test_a_printable_ticket_gives_its_slip(series: Series) -> None:
    ledger = series(
        [
            (
                "OPS-1203.txt",
                _TICKET.format(
                    n=1203,
                    wc="03/Mar/25",
                    created="07/Mar/25",
                    updated="10/Mar/25",
                    rag="(/) On track",
                    target="21/Mar/25",
                ),
            ),
            (
                "OPS-1222.txt",
                _TICKET.format(
                    n=1222,
                    wc="10/Mar/25",
                    created="14/Mar/25",
                    updated="17/Mar/25",
                    rag="(x) Off track",
                    target="-21/Mar/25- 04/Apr/25",
                ),
            ),
        ]
    )
    assert sorted(r.date for r in ledger.reports()) == [date(2025, 3, 7), date(2025, 3, 14)]
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Vessel Planner", "date_moved", "2025-04-04") in slips
