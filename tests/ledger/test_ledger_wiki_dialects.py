"""DokuWiki and JSPWiki page sources (`.txt`) are read as the Markdown they mean, each line under
its own number. Written from two blind series (wave 18: a DokuWiki page with a data entry block and
a codebeamer page in JSPWiki markup); the pages below are this test's own."""

from __future__ import annotations

from index.dokuwiki import looks_like_dokuwiki, read_dokuwiki
from index.jspwiki import looks_like_jspwiki, read_jspwiki
from index.ledger import views
from index.moinmoin import looks_like_moinmoin, read_moinmoin
from index.verify import Verifier
from index.wikitext import looks_like_wikitext
from index.xwiki import looks_like_xwiki, read_xwiki

from .conftest import Series


def _doku(day: str, rag: str, target: str) -> str:
    return f"""---- dataentry opsweekly ----
reportdate_dt : {day}
author        : Pat Kim
----

====== Field Systems – Weekly ======

===== 1. Board =====

^ # ^ Workstream ^ RAG ^ Target ^
| 1 | Tablet refresh | {rag} | {target} |
| 2 | Radio upgrade | GREEN | 30 May 2025 |

===== 2. Incidents =====

<WRAP round important>
**INC-2025-011 · P2 · Sync server down**\\\\
When: Mon 24 Feb 2025, 07:40–09:55\\\\
Impact: no device could sync.
</WRAP>

Planned: server patch on Sat 08 Mar, no impact expected.

{{{{tag>ops weekly}}}}
"""


def test_dokuwiki_headings_count_down_from_the_title() -> None:
    source = _doku("2025-03-07", "AMBER", "14 Mar 2025").splitlines()
    assert looks_like_dokuwiki(source)
    lines: dict[int, str] = {}
    for number, text in read_dokuwiki(source):
        lines.setdefault(number, text)
    assert lines[2] == "reportdate: 2025-03-07"
    assert lines[6] == "# Field Systems – Weekly"  # six signs: the page's title, the top level
    assert lines[8] == "## 1. Board"
    assert lines[10] == "| # | Workstream | RAG | Target |"
    assert lines[17] == "**INC-2025-011 · P2 · Sync server down**"  # the forced break gone


def test_a_mediawiki_page_is_not_dokuwiki() -> None:
    mediawiki = ["== Summary ==", "=== Storage ===", "{{WS status|rag=G}}", "* item"]
    assert looks_like_wikitext(mediawiki)
    assert not looks_like_dokuwiki(mediawiki)


def test_dokuwiki_struck_target_is_a_slip_and_planned_work_no_incident(series: Series) -> None:
    ledger = series(
        [
            ("update_010.txt", _doku("2025-02-28", "GREEN", "07 Mar 2025")),
            ("update_011.txt", _doku("2025-03-07", "AMBER", "<del>07 Mar 2025</del> 21 Mar 2025")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Tablet refresh", "date_moved") in found
    assert ("Tablet refresh", "status_downgrade") in found
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)
    incidents = views.incidents(ledger)
    # one incident, titled by its bold line without the severity, not the planned patch
    assert [i.title for i in incidents] == ["INC-2025-011 · Sync server down"]
    assert str(incidents[0].when) == "2025-02-24"  # told again a week later: one incident


def _jsp(day: str, cell: str, target: str) -> str:
    return f"""!!! Vehicle Cloud weekly {day}

%%information
__Period:__ the week to {day} \\\\
%%

[{{TableOfContents}}]

!! 1. Workstreams
||ID||Workstream||Status||Target
|WS-01|Remote unlock v2|{cell}|{target}
|WS-02|[Log upload|https://wiki.example/log]|%%(color:green)G%%|30 June 2025

!! 2. Done
* [ISSUE:4411] Remote unlock v2 load test passed
"""


def test_jspwiki_headings_tables_and_styled_cells() -> None:
    source = _jsp("2025-04-25", "%%(color:green)G%%", "30 May 2025").splitlines()
    assert looks_like_jspwiki(source)
    lines: dict[int, str] = {}
    for number, text in read_jspwiki(source):
        lines.setdefault(number, text)
    assert lines[1] == "# Vehicle Cloud weekly 2025-04-25"
    assert lines[4] == "**Period:** the week to 2025-04-25"
    assert lines[9] == "## 1. Workstreams"
    assert lines[10] == "| ID | Workstream | Status | Target |"
    assert lines[11] == "| WS-01 | Remote unlock v2 | G | 30 May 2025 |"
    assert lines[12] == "| WS-02 | Log upload | G | 30 June 2025 |"  # a link's bar splits no cell


def test_markdown_with_a_bang_line_is_not_jspwiki() -> None:
    assert not looks_like_jspwiki(["# Weekly", "![chart](c.png)", "!important", "| a | b |"])


def test_jspwiki_status_cells_make_slips_and_a_done_task_no_launch(series: Series) -> None:
    ledger = series(
        [
            ("PI1-W01.txt", _jsp("2025-04-18", "%%(color:green)G%%", "30 May 2025")),
            ("PI1-W02.txt", _jsp("2025-04-25", "%%(color:red)R 延期%%", "30 June 2025")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Remote unlock v2", "date_moved") in found
    assert ("Remote unlock v2", "status_downgrade") in found
    # `[ISSUE:4411] Remote unlock v2 load test passed` under `Done` is a task of the project done,
    # its row says red: no launch, and no project named `ISSUE`
    assert not [launch for launch in views.launches(ledger)]
    assert "ISSUE" not in {s.project for s in views.slips(ledger)}


def _xwiki(day: str, cell: str, target: str) -> str:
    return f"""{{{{toc/}}}}

= Ground Systems Weekly · Week of {day} =

|=Issued|{day}
|=Author|{{{{mention reference="XWiki.ToraNakamura" style="FULL_NAME"/}}}}

{{{{warning}}}}
Relay R2 unavailable for 3 h on Tuesday – see §3.
{{{{/warning}}}}

== 1. Workstreams ==

|=ID|=Workstream|=RAG|=Target
|WS-11|Telemetry archiver|(% style="background-color:#dff0d8" %){cell}|{target}
|WS-12|[[Key rotation>>Ops.Projects.KeyRotation]]|GREEN|30.06.2025

== 2. Done ==

* Archiver schema //frozen// for ##v3##
"""


def test_xwiki_headings_tables_parameters_and_macros() -> None:
    source = _xwiki("14.03.2025", "GREEN", "--30.04.2025-- 16.05.2025").splitlines()
    assert looks_like_xwiki(source)
    assert not looks_like_xwiki(["= Title =", "== Part ==", "| a | b |"])  # no XWiki construct
    lines: dict[int, str] = {}
    for number, text in read_xwiki(source):
        lines.setdefault(number, text)
    assert lines[1] == ""  # a macro alone on its line
    assert lines[3] == "# Ground Systems Weekly · Week of 14.03.2025"
    assert lines[6] == "| Author | Tora Nakamura |"  # a mention as the person's name
    assert lines[9] == "Relay R2 unavailable for 3 h on Tuesday – see §3."
    assert lines[12] == "## 1. Workstreams"
    assert lines[14] == "| ID | Workstream | RAG | Target |"  # then its delimiter row
    assert lines[15] == "| WS-11 | Telemetry archiver | GREEN | ~~30.04.2025~~ 16.05.2025 |"
    assert lines[16] == "| WS-12 | Key rotation | GREEN | 30.06.2025 |"  # a link as its label
    assert lines[20] == "- Archiver schema *frozen* for `v3`"


def test_xwiki_rag_cells_and_struck_targets_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("Ops.Weekly.W11.WebHome.txt", _xwiki("14.03.2025", "GREEN", "30.04.2025")),
            ("Ops.Weekly.W12.WebHome.txt", _xwiki("21.03.2025", "AMBER", "--30.04.2025-- 16.05.2025")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Telemetry archiver", "date_moved") in found
    assert ("Telemetry archiver", "status_downgrade") in found
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)


def _moin(day: str, cell: str, target: str) -> str:
    return f"""## page was copied from Plant/Weekly/prev
#acl PlantGroup:read,write All:
#format wiki
#pragma section-numbers off

= Plant Systems — weekly status =
'''Kaiwaka site''' · w/e Fri {day} · [[Plant/Weekly|all pages]]

<<TableOfContents(2)>>

~-Key: (./) on track · /!\\ at risk · {{X}} blocked-~

== Workstreams ==
||<rowbgcolor="#e8e8e8">'''Workstream'''||'''Status'''||'''Target'''||
||Silo level radar||<#ffeb9c> {cell}||{target}||
||Label printer swap||<#c6efce> (./) On track||30/05/25||

== Next week ==
 * Radar vendor visit.
  * bring the tag list

----
-- TeAriki <<DateTime(2025-03-20T23:02:44Z)>>
"""


def test_moinmoin_instructions_tables_smileys_and_macros() -> None:
    source = _moin("21 Mar 2025", "/!\\ At risk", "--(21/03/25)-- 4/04/25").splitlines()
    assert looks_like_moinmoin(source)
    assert not looks_like_moinmoin(
        ["= Title =", "== Part ==", "'''bold'''"]
    )  # MediaWiki-like, no Moin construct
    lines: dict[int, str] = {}
    for number, text in read_moinmoin(source):
        lines.setdefault(number, text)
    assert lines[1] == lines[2] == ""  # a comment and a processing instruction show nothing
    assert lines[6] == "# Plant Systems — weekly status"
    assert lines[7] == "**Kaiwaka site** · w/e Fri 21 Mar 2025 · all pages"
    assert lines[9] == ""  # the table of contents macro
    assert lines[11] == "Key: ✔ on track · ⚠ at risk · ❌ blocked"
    assert lines[13] == "## Workstreams"
    assert lines[14] == "| Workstream | Status | Target |"  # then its delimiter row
    assert lines[15] == "| Silo level radar | ⚠ At risk | ~~21/03/25~~ 4/04/25 |"
    assert lines[19] == "- Radar vendor visit." and lines[20] == "  - bring the tag list"
    assert lines[23] == "-- TeAriki 2025-03-20T23:02:44Z"


def test_moinmoin_status_cells_and_struck_targets_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("Plant(2f)Weekly(2f)2025(2d)03(2d)14.txt", _moin("14 Mar 2025", "(./) On track", "21/03/25")),
            (
                "Plant(2f)Weekly(2f)2025(2d)03(2d)21.txt",
                _moin("21 Mar 2025", "/!\\ At risk", "--(21/03/25)-- 4/04/25"),
            ),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Silo level radar", "date_moved") in found
    assert ("Silo level radar", "status_downgrade") in found
    verifier = Verifier()
    assert all(verifier.check(c) for s in views.slips(ledger) for c in s.evidence)
