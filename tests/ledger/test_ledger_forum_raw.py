"""A forum topic's raw text (Discourse): days written as date tags (`[date=2025-04-14
timezone="Europe/Oslo"]`, shown in each reader's zone), statuses as emoji shortcodes
(`:yellow_circle: watch`). The tag is the day it names, for the ledger and the verifier alike; a
tag's attributes are no legend; a shortcode before a status word is a glyph."""

from __future__ import annotations

from index.ledger import views
from index.text.normalise import strip_inline
from index.verify import Verifier

from .conftest import Series


def _topic(day: str, light: str, target: str) -> str:
    return (
        f"hsolberg | {day} 15:05:41 UTC | #1\n\n"
        f'Weeknotes, w/e [date={day} timezone="Europe/Oslo"].\n\n'
        "Legend: :green_circle: green · :yellow_circle: watch · :red_circle: red\n\n"
        "## Workstreams\n\n| Workstream | Owner | Status | Target | This week |\n|---|---|---|---|---|\n"
        f'| Ticket portal | @hsolberg | {light} | go-live [date={target} timezone="Europe/Oslo"] | '
        f'mock 2 on [date={day} time=14:00:00 timezone="Europe/Oslo"] |\n\n'
        "-------------------------\n\nbjohansen | 2025-03-08 09:12:55 UTC | #2\n\nThanks, noted.\n"
    )


def test_date_tags_are_their_days_and_shortcodes_glyphs(series: Series) -> None:
    ledger = series(
        [
            ("2231-weeknotes-7-mar.txt", _topic("2025-03-07", ":green_circle: green", "2025-04-14")),
            ("2260-weeknotes-14-mar.txt", _topic("2025-03-14", ":yellow_circle: watch", "2025-05-05")),
        ]
    )
    found = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Ticket portal", "date_moved", "2025-W11") in found
    assert ("Ticket portal", "status_downgrade", "2025-W11") in found
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)


def test_the_verifier_reads_a_date_tag_as_its_day() -> None:
    text = 'mock 2 on [date=2025-03-19 time=14:00:00 timezone="America/Chicago"], then UAT'
    assert strip_inline(text) == "mock 2 on 2025-03-19 14:00, then UAT"
