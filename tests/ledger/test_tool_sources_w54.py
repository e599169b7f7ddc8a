"""Reports kept as some tool's output, each with a trap of its own: a Markdeep document (Markdown
saved as `.md.html`), a Stata log of the do-file that prints a team's tracker, a CI server's build
mail with the lead's status Markdown in a `<pre>` cell, a webmail's print view of a plain-text mail
(its columns kept by no-break spaces), a mail saved from Mutt with its part marks and signature
check, and a rail team's field problems. Written from wave 54; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.field_labels import split_label
from index.text.timeexpr import find_dates
from summarizer.planning.intent import detect_intent

from .conftest import Series, WriteReport

_MARKDEEP = """\
<meta charset="utf-8" emacsmode="-*- markdown -*-">
                  **风场监控组 周报 · 第{n}期**
     北岙风电 运维部 | {day}（周五）| 编写：程远

项目状态 Workstreams
====================

| 项目 | 状态 | 进度 | 目标 |
|------|------|------|------|
| 变桨诊断模型 | {state} | 40% | {target} |
| 叶片巡检 App | 🟢 正常 | 70% | 5/30 |
<!-- 旧行：| 变桨诊断模型 | 🔴 延期 | 10% | 3/1 | -->

************************************
*   22:00  ---->  23:00
************************************

!!! WARNING: 固件版本不一
    12 台风机固件为 v3.1，需厂家确认。

(insert ../_shared/footer.md.html here)

<!-- Markdeep: --><style class="fallback">body{{visibility:hidden}}</style><script src="markdeep.min.js"></script>
"""


def test_a_markdeep_document_is_read_as_its_markdown(write_report: WriteReport, series: Series) -> None:
    text = _MARKDEEP.format(n=12, day="2025-03-07", state="🟢 正常", target="4/30")
    report = write_report("2025-03-07-weekly.md.html", text)
    assert report.date == date(2025, 3, 7)
    assert report.title is not None and "风场监控组" in report.title
    texts = [t for _, t in report.lines]
    # the page's own lines, the diagram, the comment's stale row and the include are not the report's
    assert not any(
        "<script" in t or "<meta" in t or "22:00" in t or "旧行" in t or "insert" in t for t in texts
    )
    assert "12 台风机固件为 v3.1，需厂家确认。" in texts  # an admonition's body, out of its indent
    facts = extract_facts(report)
    assert {"变桨诊断模型", "叶片巡检 App"} <= {o.project for o in facts.observations}
    ledger = series(
        [
            ("2025-03-07-weekly.md.html", text),
            (
                "2025-03-14-weekly.md.html",
                _MARKDEEP.format(n=13, day="2025-03-14", state="🟡 有风险", target="5/15"),
            ),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to) for s in moved] == [("变桨诊断模型", "2025-04-30", "2025-05-15")]


_STATA = """\
------------------------------------------------------------------------------------------
      name:  weekly
       log:  S:\\DM\\logs\\rpt_{n:03d}.txt
  log type:  text
 opened on:  {opened}, 10:05:33

. * === Data Management - weekly status log ===
. local rptno {n}

. * ---- 1. Workstream tracker ----------------------------------------------
. use "$trk\\tracker.dta", clear
(DM workstream tracker)

. list ws_id workstream target rag pct, noobs sep(0)

  +----------------------------------------------------------+
  | ws_id   workstream                target   rag       pct |
  |----------------------------------------------------------|
  | WS01    KITE database lock     {kite}   {rag}      52 |
  | WS02    WREN EDC build         18oct2024   Green      85 |
  +----------------------------------------------------------+

. * ---- 1a. Notes by workstream -------------------------------------------
. * WS01 KITE: site 04 has 120 CRF pages not entered; data entry deadline
> 30oct2024 for all sites.
. * WS02 WREN: UAT passed.
. * ---- 4. Incidents / risks / asks / next week ---------------------------
. * INCIDENT DM-INC-0007: {incident} 07:40-09:15 EDC unavailable to all users. Sev 2.
. * Ask: sponsor to confirm the CT version by 20oct2024.
. log close weekly
      name:  weekly
 closed on:  {opened}, 10:06:21
------------------------------------------------------------------------------------------
"""


def _stata(n: int, opened: str, kite: str, rag: str, incident: str) -> str:
    return _STATA.format(n=n, opened=opened, kite=kite, rag=rag, incident=incident)


def test_a_stata_log_is_read_as_the_report_its_do_file_printed(
    write_report: WriteReport, series: Series
) -> None:
    text = _stata(16, "27 Sep 2024", "29nov2024", "Green", "25sep2024")
    report = write_report("rpt_016.txt", text)
    assert report.date == date(2024, 9, 27)
    texts = [t for _, t in report.lines]
    assert not any(t.startswith((". ", "  +", "(DM workstream")) or "closed on" in t for t in texts)
    assert "| WS01 | KITE database lock | 29nov2024 | Green | 52 |" in texts  # the listing as a pipe table
    # a note's wrapped line joined to it, so its day is the note's
    assert (
        "- WS01 KITE: site 04 has 120 CRF pages not entered; data entry deadline 30oct2024 for all sites."
        in texts
    )
    facts = extract_facts(report)
    kite = next(o for o in facts.observations if o.project == "KITE database lock")
    assert kite.target == date(2024, 11, 29)
    # the part lists incidents first: its incident is one, the ask beside it is none
    assert [(i.when, i.severity) for i in facts.incidents] == [(date(2024, 9, 25), "Sev 2")]
    ledger = series(
        [
            ("rpt_016.txt", text),
            ("rpt_017.txt", _stata(17, "4 Oct 2024", "13dec2024", "Amber", "02oct2024")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("KITE database lock", "date_moved"), ("KITE database lock", "status_downgrade")} <= slips
    # the note led by the row's id is that row's project, not one of its own
    assert not any(p.name.startswith("WS01") for p in views.projects(ledger))


def test_a_statistics_package_date_is_a_day() -> None:
    days = [h.value for h in find_dates("moved from 31oct2024 to 15NOV2024; v2024 stays", date(2024, 10, 1))]
    assert days == [date(2024, 10, 31), date(2024, 11, 15)]


_BUILD_MAIL = """\
<html><head><title>Weekly-Report - Build # {n} - Successful!</title></head><body>
<table class="section">
  <tr class="tr-title"><td class="td-title-main" colspan=2>BUILD SUCCESS</td></tr>
  <tr><td>Project:</td><td>Weekly-Report</td></tr>
  <tr><td>Date:</td><td>{stamp}</td></tr>
</table>
<table class="section">
  <tr class="tr-title"><td class="td-title">周报正文（status.md）</td></tr>
  <tr><td><pre class="status"># 车载组周报 · 第{n}期

## 一、项目状态

| 项目 | 灯 | 进度 | 目标 |
|---|---|---|---|
| 联锁接口升级 | {lamp} | 52% | {target} |
| 报文校验工具 | 绿灯 | 88% | 4/11 |

## 三、现场问题

- FR-0{n}｜{event} 城际 C51 次车载设备主备切换异常，触发紧急制动，停车 9 分钟｜等级：B
- 说明：实验室台架 UPS 故障掉电约 4 小时，属实验室问题，不计入现场问题。</pre></td></tr>
</table>
</body></html>
"""


def test_a_build_mails_status_markdown_in_a_pre_cell_is_read_as_markdown(
    write_report: WriteReport, series: Series
) -> None:
    text = _BUILD_MAIL.format(
        n=59, stamp="2025年3月24日 上午7:32:05", lamp="绿灯", target="4/18", event="3月20日 14:07"
    )
    report = write_report("Weekly-Report_59.html", text)
    assert report.date == date(2025, 3, 24)
    texts = [t for _, t in report.lines]
    assert "| 联锁接口升级 | 绿灯 | 52% | 4/18 |" in texts  # a line each, as typed
    facts = extract_facts(report)
    assert {"联锁接口升级", "报文校验工具"} <= {o.project for o in facts.observations}
    # the field problem is an incident (its section says so, its words too); the lab's power loss,
    # said not to count, is none
    assert [i.when for i in facts.incidents] == [date(2025, 3, 20)]
    ledger = series(
        [
            ("Weekly-Report_59.html", text),
            (
                "Weekly-Report_60.html",
                _BUILD_MAIL.format(
                    n=60, stamp="2025年3月31日 上午7:33:10", lamp="黄灯", target="4/30", event="3月27日 09:10"
                ),
            ),
        ]
    )
    assert ("联锁接口升级", "date_moved") in {(s.project, s.kind) for s in views.slips(ledger)}


_ROUNDCUBE = """\
<html><head><title>Webmail :: Lantern weekly update {n}</title></head>
<body class="task-mail action-print">
<div id="print-message">
<table class="headers-table"><tr><td class="header-title">Date</td><td>{sent} 16:20</td></tr></table>
<div id="messagebody"><div class="message-part" id="message-part1"><div class="pre">Hi all,<br>
<br>
\u00a0#\u00a0 Workstream\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 RAG\u00a0\u00a0\u00a0\u00a0 Target<br>
\u00a01\u00a0 Data migration\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 {rag}\u00a0\u00a0 {target}<br>
\u00a02\u00a0 Patron feed\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 GREEN\u00a0\u00a0 25/04<br>
<br>
Thanks,<br>
Priya</div></div></div></div></body></html>
"""


def test_a_webmails_print_view_keeps_the_mails_columns(write_report: WriteReport) -> None:
    report = write_report(
        "update 16.html", _ROUNDCUBE.format(n=16, sent="21/03/2025", rag="AMBER", target="11/07")
    )
    texts = [t for _, t in report.lines]
    # the no-break spaces that kept the columns apart still do: a row, not one run of words
    assert " 1  Data migration        AMBER   11/07" in texts
    observed = {o.project: o for o in extract_facts(report).observations}
    assert observed["Data migration"].target == date(2025, 7, 11)


_MUTT = """\
Date: Fri, {day} Mar 2025 15:41:19 +0100
From: Ingrid Solvang <ingrid@example.org>
Subject: NOC weekly status #{n}
User-Agent: Mutt/2.2.12 (2023-09-09)

[-- Attachment #1 --]
[-- Type: multipart/signed, Encoding: 7bit, Size: 23K --]

[-- PGP output follows (current time: Mon 24 Mar 2025 09:12:40 CET) --]
gpg: Signature made Fri {day} Mar 2025 15:41:19 CET
gpg: Good signature from "Ingrid Solvang <ingrid@example.org>" [full]
[-- End of PGP output --]

[-- The following data is signed --]

--- 2. PROJECTS -------------------------------------------------------

  SKUA (scheduler migration, PassPlan -> Corvid) ........... (A)
    Cutover {target}.

[-- End of signed data --]
"""


def test_a_mail_saved_from_mutt_is_read_without_the_clients_marks(write_report: WriteReport) -> None:
    report = write_report("status_044.txt", _MUTT.format(day="14", n=44, target="25 Apr"))
    assert report.date == date(2025, 3, 14)  # the mail's, not the day someone checked its signature
    texts = [t for _, t in report.lines]
    assert not any(t.startswith(("[--", "gpg:")) for t in texts)
    projects = {o.project for o in extract_facts(report).observations}
    # its name holds a comma in its gloss, and the client's check is no project
    assert projects == {"SKUA (scheduler migration, PassPlan -> Corvid)"}


def test_a_label_may_hold_a_comma_in_its_gloss_but_not_outside_it() -> None:
    labelled = split_label("Lumen onboarding (phase 2, west): on track")
    assert labelled is not None and labelled.label == "Lumen onboarding (phase 2, west)"
    assert split_label("Lumen onboarding, phase 2: on track") is None


def test_past_their_target_date_asks_for_overdue_work() -> None:
    assert (
        detect_intent("In the first November update, which workstreams were past their target date?", False)[
            0
        ]
        == "slips"
    )
    assert detect_intent("Were the players past their prime?", False)[0] != "slips"


_NOC = """\
Date: Fri, {day} 2025 15:41:19 +0100
Subject: NOC weekly status #{n}

--- 1. NETWORK --------------------------------------------------------

          Sched   Lost   Success
  HLD       615      2    99.7 %
  PVA       436      1    99.8 %

--- 2. PROJECTS -------------------------------------------------------

  {name} ........... (A)
    Tracking campaign stopped Tue: gearbox noisy above 3 deg/s.
    In-service moved from {was} to {now}.

  {sched} ........... (A)
    {count} - no change, the team is on the API workaround.

--- 4. DONE SINCE LAST REPORT -----------------------------------------

  - Cable re-routed and sleeved
"""


def _noc(day: str, n: int, name: str, was: str, now: str, sched: str, count: str) -> str:
    return _NOC.format(day=day, n=n, name=name, was=was, now=now, sched=sched, count=count)


def test_a_mails_hanging_indents_keep_a_projects_body_its_own(
    write_report: WriteReport, series: Series
) -> None:
    text = _noc(
        "7 Mar",
        43,
        "HLD-3 commissioning (7.3 m S/X, Haldoya)",
        "28 Mar",
        "11 Apr",
        "Scheduler migration",
        "14/31",
    )
    report = write_report("status_043.txt", text)
    observed = {o.project: o for o in extract_facts(report).observations}
    # the body's sentences (`Tracking campaign stopped Tue: …`, `In-service moved …`) are its own,
    # a part that lists what was done is no project, and a count opening the line is its progress
    assert set(observed) == {"HLD-3 commissioning (7.3 m S/X, Haldoya)", "Scheduler migration"}
    assert observed["HLD-3 commissioning (7.3 m S/X, Haldoya)"].target == date(2025, 4, 11)
    assert observed["Scheduler migration"].progress == 45
    network = next(s for s in report.all_sections() if "NETWORK" in s.title)
    # three figure columns over rows named under a blank corner: four columns
    assert [(t.header, t.rows[0].cells) for t in network.tables] == [
        (["", "Sched", "Lost", "Success"], ["HLD", "615", "2", "99.7 %"])
    ]
    ledger = series(
        [
            ("status_043.txt", text),
            (
                "status_044.txt",
                _noc(
                    "14 Mar",
                    44,
                    "HLD-3 commissioning",
                    "11 Apr",
                    "11 Apr",
                    "SKUA (scheduler migration, PassPlan)",
                    "14/31",
                ),
            ),
            (
                "status_045.txt",
                _noc(
                    "21 Mar",
                    45,
                    "HLD-3 commissioning",
                    "11 Apr",
                    "11 Apr",
                    "SKUA (scheduler migration)",
                    "14/31",
                ),
            ),
        ]
    )
    # renamed with the old name first in its gloss: one project, stalled at 14 of 31
    assert ("Scheduler migration", "stalled") in {(s.project, s.kind) for s in views.slips(ledger)}
