"""A CMS post saved as its raw HTML, the table written on one source line (WordPress's block editor
does): every row renders under that one line number. Each row is still read and cited as its own
row, and `Complete by <day>` is a due day, not done."""

from __future__ import annotations

from index.ledger import views
from index.verify import Verifier

from .conftest import Series


def _post(day: str, north: str, gdm: str, south: str) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{status}</td><td>{target}</td></tr>"
        for name, status, target in [
            ("Bath pilot", "BLUE", "Live Tue 23 Sep"),
            ("North wave", *north.split("|")),
            ("Guest Data Migration", *gdm.split("|")),
            ("South wave", *south.split("|")),
        ]
    )
    return (
        f"<html><body><p>Programme Office · Friday {day} 2025</p>\n<h2>Where we are</h2>\n"
        f"<table><thead><tr><th>Workstream</th><th>Status</th><th>Target</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n<p>Next post in a week.</p></body></html>\n"
    )


def test_rows_of_a_table_on_one_source_line_are_read_and_cited_row_by_row(series: Series) -> None:
    ledger = series(
        [
            (
                "update-15.html",
                _post("26 September", "GREEN|Tue 14 Oct", "AMBER|Complete by Fri 31 Oct", "GREEN|Jan 2026"),
            ),
            (
                "update-16.html",
                _post("10 October", "RED|Tue 4 Nov", "AMBER|Complete by Fri 31 Oct", "GREEN|Feb 2026"),
            ),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("North wave", "date_moved"), ("North wave", "status_downgrade")} <= found
    assert ("South wave", "date_moved") in found  # `Jan 2026` → `Feb 2026`
    assert not any(s.project.startswith("Guest Data") for s in views.slips(ledger))
    assert not any(launch.project.startswith("Guest Data") for launch in views.launches(ledger))
    verifier = Verifier()
    for slip in views.slips(ledger):
        assert all(verifier.check(c) for c in slip.evidence)
        assert all(slip.project in c.quote for c in slip.evidence if c.quote.startswith("|"))


def _chat(day: str, sync: str, portal: str) -> str:
    # a chat export writes a message's text on one source line, its lines joined by `<br>`
    message = "<br>".join(
        [
            f"<strong>Supply weekly #{day[:2]} | 供应周报</strong>",
            "<strong>Workstreams</strong>",
            f"1️⃣ Rate sync v2 — {sync}",
            f"2️⃣ Partner portal — {portal}",
            "<strong>Next week</strong>",
            "• Rate sync load test",
        ]
    )
    return (
        '<html><body>\n<div class="page_header">Supply team</div>\n'
        f'<div class="message default"><div class="pull_right date details" title="{day} 18:40:00">18:40</div>\n'
        f'<div class="from_name">Lin Wei</div>\n<div class="text">{message}</div>\n</div>\n</body></html>\n'
    )


def test_a_chat_message_on_one_source_line_is_read_line_by_line_and_cited_by_its_file_line(
    series: Series,
) -> None:
    ledger = series(
        [
            (
                "ChatExport_2025-03-07.html",
                _chat("07.03.2025", "at risk | 60% | go-live 28 Mar", "on track | 30%"),
            ),
            (
                "ChatExport_2025-03-14.html",
                _chat("14.03.2025", "at risk | 60% | go-live 11 Apr", "on track | 45%"),
            ),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"Rate sync v2", "Partner portal"} <= names
    slips = views.slips(ledger)
    assert ("Rate sync v2", "date_moved") in {(s.project, s.kind) for s in slips}
    verifier = Verifier()
    for slip in slips:
        # the message is the file's line 5: every citation names it, and verifies there
        assert all(c.lines == (5, 5) and verifier.check(c) for c in slip.evidence)
