"""A MediaWiki page's source (`.txt`) is read as the Markdown it means, each line under its own
number: wikitext headings, tables, bold, numbered items and template fields. Written from a blind
series of MediaWiki weekly pages (wave 15); the pages below are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.load import load_document
from index.parse import parse_report
from index.verify import Verifier
from index.wikitext import looks_like_wikitext, read_wikitext

from .conftest import Series


def _page(day: str, light: str, target: str, progress: str) -> str:
    return f"""{{{{Ops weekly page
|date={day}
|editor=Jo Marsh
}}}}
__NOTOC__
== Summary ==
* '''Storage refresh''' is {light.lower()} this week.

== Outages ==
{{| class="wikitable"
! Ref !! When !! What
|-
| INC-77 || Tue, 10:05-10:50 || login nodes unreachable
|}}

== Workstreams ==
=== Storage refresh ===
{{{{WS status|rag={light}|target={target}|lead=Jo Marsh|progress={progress}}}}}
# Vendor shipped the second shelf.
# Burn-in next week.
"""


def test_wikitext_becomes_markdown_under_the_same_line_numbers() -> None:
    source = _page("9 February 2024", "G", "1 March 2024", "40%").splitlines()
    assert looks_like_wikitext(source)
    lines: dict[int, str] = {}
    for number, text in read_wikitext(source):
        lines.setdefault(number, text)  # a header row's separator shares its number
    assert lines[2] == "date: 9 February 2024"
    assert lines[6] == "## Summary"
    assert lines[7] == "- **Storage refresh** is g this week."
    assert lines[11] == "| Ref | When | What |"
    assert lines[13] == "| INC-77 | Tue, 10:05-10:50 | login nodes unreachable |"
    assert lines[17] == "### Storage refresh"
    assert lines[18] == "rag: G · target: 1 March 2024 · lead: Jo Marsh · progress: 40%"
    assert lines[19] == "1. Vendor shipped the second shelf."  # a numbered item, never a heading


def test_markdown_is_not_wikitext() -> None:
    markdown = ["# Weekly", "", "Title", "=====", "## Risks", "- **bold** item", "| a | b |"]
    assert not looks_like_wikitext(markdown)


def test_a_wikitext_page_is_dated_by_its_header_template(tmp_path: Path) -> None:
    path = tmp_path / "Ops_Weekly_Wk06.txt"
    path.write_text(_page("9 February 2024", "G", "1 March 2024", "40%"), encoding="utf-8")
    report = parse_report(load_document(path), str(path))
    assert str(report.date) == "2024-02-09"
    titles = [s.title for s in report.sections]
    assert {"Summary", "Outages", "Workstreams"} <= set(titles)


def test_template_fields_make_slips_whose_quotes_verify(series: Series) -> None:
    ledger = series(
        [
            ("Ops_Weekly_Wk06.txt", _page("9 February 2024", "G", "1 March 2024", "40%")),
            ("Ops_Weekly_Wk07.txt", _page("16 February 2024", "A", "22 March 2024", "55%")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Storage refresh", "date_moved") in found
    assert ("Storage refresh", "status_downgrade") in found
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)
