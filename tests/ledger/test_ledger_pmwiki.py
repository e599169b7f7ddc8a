"""PmWiki page sources (`?action=source`, saved as `.txt`) are read as the Markdown they mean, each
line under its own number. Written from two blind series (wave 36: a harbour's systems team and a
resort group's ticketing team, both keeping their weekly pages in PmWiki); the pages below are this
test's own."""

from __future__ import annotations

from pathlib import Path

from index.jspwiki import looks_like_jspwiki
from index.ledger import views
from index.load import load_document
from index.pmwiki import looks_like_pmwiki, read_pmwiki

from .conftest import Series


def _page(day: str, rag: str, target: str, done: str = "40%") -> str:
    return f"""(:title Depot Systems weekly — w/e {day}:)
(:description Fleet depot systems, weekly status:)
%define=amber color=#c77c00%
Author: Lena Moss

>>frame<<
'''INTERNAL.''' Not for circulation.
>><<

!! Headlines
* Wash-bay sensors: {{-14 Feb-}} {target} after the vendor's firmware slipped.

!! Workstreams
||border=1 cellpadding=4 cellspacing=0
||!Ref ||!Workstream ||!RAG ||!Done ||!Target ||
||DS-04 ||Wash-bay sensor rollout ||{rag} ||{done} ||{{-14 Feb-}} {target} ||
||DS-07 ||Yard camera refresh ||%green%G%% ||70% ||30 Apr ||

!! Done this week
* [[Depot/Runbook|Runbook]] updated.

----
[[~Lena Moss]] {day}, at 04:10 PM
"""


def test_pmwiki_headings_count_up_from_the_title() -> None:
    source = _page("March 7, 2025", "%amber%A%%", "28 Feb").splitlines()
    assert looks_like_pmwiki(source)
    lines: dict[int, str] = {}
    for number, text in read_pmwiki(source):
        lines.setdefault(number, text)
    assert lines[1] == "# Depot Systems weekly — w/e March 7, 2025"  # the page's title directive
    assert lines[2] == "" and lines[3] == ""  # a description and a style definition show nothing
    assert lines[8] == ""  # a frame's opening
    assert lines[10] == "### Headlines"  # two signs: h2, under the title's `#` (JSPWiki counts down)
    assert lines[11] == "- Wash-bay sensors: ~~14 Feb~~ 28 Feb after the vendor's firmware slipped."
    assert lines[14] == ""  # the table's attributes line
    assert lines[15] == "| Ref | Workstream | RAG | Done | Target |"
    assert lines[16] == "| DS-04 | Wash-bay sensor rollout | A | 40% | ~~14 Feb~~ 28 Feb |"
    assert lines[20] == "- Runbook updated."  # a link shows its text
    assert lines[23] == "Lena Moss March 7, 2025, at 04:10 PM"  # the signature's author link


def test_other_wiki_sources_are_not_pmwiki() -> None:
    jsp = ["!!! Weekly", "!! Status", "||ID||Project", "|1|Alpha"]
    assert looks_like_jspwiki(jsp) and not looks_like_pmwiki(jsp)
    markdown = ["# Weekly", "", "| a | b |", "|---|---|", "| 1 | 2 |"]
    assert not looks_like_pmwiki(markdown)


def test_pmwiki_struck_targets_and_styled_cells_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("Depot.Weekly25-01.txt", _page("February 28, 2025", "%green%G%%", "14 Mar", "30%")),
            ("Depot.Weekly25-02.txt", _page("March 7, 2025", "%amber%A%%", "28 Mar", "30%")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Wash-bay sensor rollout", "date_moved") in found
    assert ("Wash-bay sensor rollout", "status_downgrade") in found
    assert "Headlines" not in {s.project for s in views.slips(ledger)}


def test_a_pmwiki_file_loads_through_the_same_reading(tmp_path: Path) -> None:
    path = tmp_path / "Depot.Weekly25-02.txt"
    path.write_text(_page("March 7, 2025", "%amber%A%%", "28 Feb"), encoding="utf-8")
    lines = {line.number: line.text for line in load_document(path).lines}
    assert lines[10] == "### Headlines"
