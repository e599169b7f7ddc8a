"""A TiddlyWiki tiddler, a TWiki/Foswiki topic and a line printer's file (a mainframe job's report
downloaded as text) are read as the text they mean, each line under its own number. Written from
three blind series of wave 28; the pages below are this test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.foswiki import looks_like_foswiki, read_foswiki
from index.ledger import views
from index.ledger.incident_words import incident_ids, says_none
from index.load import load_document
from index.parse import parse_report
from index.printout import looks_like_printout, read_printout
from index.tiddlywiki import looks_like_tiddlywiki, read_tiddlywiki

from .conftest import Series


def _tiddler(stamp: str, status: str, target: str) -> str:
    return f"""created: {stamp}
creator: ana
modified: {stamp}
tags: Weekly 事故 [[2025Q1]]
title: Ops/{stamp[:8]}
type: text/vnd.tiddlywiki

! Ops weekly

!! Board
|!#|!项目|!状态|!目标|h
|1|Ledger sync|<<st warn {status}>>|{target}|
|2|Card vault|<<st ok 正常>>|0530 上线|
|注：状态见 [[Ops/图例]]|c

!! Next
# ''Ledger sync'' 联调
# 周报模板：<<now "YYYY-0MM-0DD">>
"""


def test_a_tiddlers_fields_headings_tables_and_macros() -> None:
    lines = _tiddler("20250314093011120", "关注", "0425 上线").splitlines()
    assert looks_like_tiddlywiki(lines)
    read = dict(read_tiddlywiki(lines))
    assert read[1] == "created: 2025-03-14 09:30 UTC"
    assert read[4] == ""  # a tag (`事故`) tells no event: the wiki's bookkeeping is no text
    assert read[8] == "# Ops weekly"
    rows = [text for number, text in read_tiddlywiki(lines) if number == 11]
    assert rows == ["| # | 项目 | 状态 | 目标 |", "| --- | --- | --- | --- |"]
    assert read[12] == "| 1 | Ledger sync | 关注 | 0425 上线 |"
    assert read[14] == "注：状态见 Ops/图例"
    assert read[17] == "1. **Ledger sync** 联调"
    assert read[18] == "1. 周报模板："  # a macro with quoted arguments shows nothing to quote
    assert not looks_like_tiddlywiki(["# Notes", "", "! not a heading", "|a|b|"])


def test_a_tiddlers_status_macros_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("ops-0307.tid.txt", _tiddler("20250307090000000", "正常", "0425 上线")),
            ("ops-0314.tid.txt", _tiddler("20250314090000000", "受阻", "0516 上线")),
        ]
    )
    slips = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("Ledger sync", "status_downgrade", "2025-W11") in slips
    assert ("Ledger sync", "date_moved", "2025-W11") in slips


_TOPIC = """%META:TOPICINFO{author="AnaKim" comment="" date="1741598040" format="1.1" version="2"}%
%META:TOPICPARENT{name="OpsWeekly"}%
---+!! Ops Weekly Status

%TOC{depth="2"}%

<!--
   * Set ALLOWTOPICCHANGE = Main.OpsGroup
-->

---++ Workstreams
| *Workstream* | *RAG* | *Target* |
| [[LedgerSync][Ledger sync]] | %RED%R%ENDCOLOR% | go-live 28 Feb |

---++ Headlines
   * %X% *Outage:* the sync server was down for 40 min.
      * _details_ in =INC-7=

%META:FORM{name="OpsWeeklyForm"}%
%META:FIELD{name="WeekEnding" title="Week ending" value="07 Feb 2025"}%
"""


def test_a_foswiki_topic_reads_as_markdown_dated_by_its_form(tmp_path: Path) -> None:
    lines = _TOPIC.splitlines()
    assert looks_like_foswiki(lines)
    read = read_foswiki(lines)
    text = dict(read)
    assert text[1] == "" and text[3] == "# Ops Weekly Status"
    assert text[5] == "" and text[8] == ""  # the table of contents and the settings block
    assert [t for n, t in read if n == 12] == ["| Workstream | RAG | Target |", "| --- | --- | --- |"]
    assert text[13] == "| Ledger sync | R | go-live 28 Feb |"
    assert text[16] == "- ⚠️ **Outage:** the sync server was down for 40 min."
    assert text[17] == "  - *details* in `INC-7`"
    assert text[20] == "Week ending: 07 Feb 2025"
    path = tmp_path / "OpsWeeklyStatus001.txt"
    path.write_text(_TOPIC, encoding="utf-8")
    # the form's week, not the save stamp (10 March)
    assert parse_report(load_document(path), str(path)).date == date(2025, 2, 7)


_PRINTOUT = """1OPSWKST            ACME BANK - DELIVERY OFFICE                       PAGE    1
 RUN DATE 02/13/25 (25.044)  05:29:51        WEEKLY STATUS REPORT
 PERIOD 02/07/25 THRU 02/13/25
0SECTION A - PORTFOLIO SUMMARY
 PROJ   PROJECT NAME          STAT  TGT DT
 CNV01  CORE CONV - DEPOSITS   G    05/24/25
1OPSWKST            ACME BANK - DELIVERY OFFICE                       PAGE    2
 RUN DATE 02/13/25 (25.044)  05:29:51        WEEKLY STATUS REPORT
0SECTION B - PRODUCTION PROBLEM LOG
 *** NO ENTRIES THIS PERIOD ***
0*** END OF REPORT OPSWKST  2 PAGES ***
"""


def test_a_printout_without_its_control_column_dated_by_its_run(tmp_path: Path) -> None:
    lines = _PRINTOUT.splitlines()
    assert looks_like_printout(lines)
    text = dict(read_printout(lines))
    assert text[1].startswith("OPSWKST") and text[2].startswith("RUN DATE 02/13/25")
    assert text[4] == "## SECTION A - PORTFOLIO SUMMARY"
    assert text[7] == "" and text[8] == ""  # the second page's header again
    assert text[9] == "## SECTION B - PRODUCTION PROBLEM LOG"
    assert text[11] == "*** END OF REPORT OPSWKST  2 PAGES ***"
    path = tmp_path / "OPS.WKSTAT.G0113V00.txt"
    path.write_text(_PRINTOUT, encoding="utf-8")
    assert parse_report(load_document(path), str(path)).date == date(2025, 2, 13)
    # plain text indented throughout is no printout
    assert not looks_like_printout([" a", " b", " c", " d", " e"])


def test_a_service_desks_ids_and_an_empty_log() -> None:
    assert incident_ids("SEE PRB0041877 - DELTA EXTRACT") == {"PRB0041877"}
    assert incident_ids("INC0012345 raised") == {"INC0012345"}
    assert incident_ids("PRB12 is a ticket, not a record number") == set()
    assert says_none("*** NO ENTRIES THIS PERIOD ***")
    assert not says_none("PRB0041877 2 02/11/25 07:42 ONLINE BANKING TIMEOUTS")
