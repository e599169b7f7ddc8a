"""Reports kept as some tool's output, each with a trap of its own: a meeting's WebVTT transcript
(cue ids and timings between the sentences, the speaker tag on each), a report writer's paged
listing (a running head on every page with the run's date, page titles, a header in two lines over
rows that wrap), SQL Server's results as text (a Chinese cell padded by characters, columns named
as in the database), a forum's print view (a `<br>` ending each line of a list item, figures in a
code box whose first column has no header). Written from wave 44; the texts are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.load import load_document

from .conftest import Series, WriteReport

_TRANSCRIPT = """\
WEBVTT

NOTE
Generated automatically.

9d1c7a52-0b3e-4c1f-a7d2-5e6f7a8b9c0d/3-0
00:00:01.200 --> 00:00:06.480
<v Lena Park>Morning all. Quick round, then the outage review.</v>

9d1c7a52-0b3e-4c1f-a7d2-5e6f7a8b9c0d/4-0
00:00:07.010 --> 00:00:15.300
<v Tom Reyes>Ledger export is at {done} percent. {plan}</v>

9d1c7a52-0b3e-4c1f-a7d2-5e6f7a8b9c0d/5-0
00:00:15.900 --> 00:00:21.050
<v Lena Park><c.yellow>OK.</c> Noted.</v>
"""


def test_a_meeting_transcript_reads_as_what_was_said(series: Series, write_report: WriteReport) -> None:
    name = "Platform sync-{}_093000-Meeting Recording.vtt"
    first = _TRANSCRIPT.format(done=60, plan="Go-live is still March 14th.")
    report = write_report(name.format("20250304"), first)
    lines = [text for _, text in report.lines if text.strip()]
    # no cue id, no timing, no speaker tag; the first sentence is no title (it names an outage)
    assert lines[0] == "WEBVTT" and report.title == "WEBVTT"
    assert "Ledger export is at 60 percent. Go-live is still March 14th." in lines
    assert not any("-->" in text or "<v" in text or "/4-0" in text for text in lines)
    assert views.incidents(series([])) == []
    ledger = series(
        [
            (name.format("20250304"), first),
            (name.format("20250311"), _TRANSCRIPT.format(done=70, plan="Go-live moves from March 14th to March 28th.")),
        ]
    )  # fmt: skip
    moves = [(s.project, s.kind, s.to) for s in views.slips(ledger)]
    assert ("Ledger export", "date_moved", "2025-03-28") in moves
    assert views.incidents(ledger) == []  # "the outage review" is on the agenda, not an outage


_LISTING = (
    "\f{title}    08:12 Monday, {run}   1\n"
    "                 Ops Pack - reporting week ending {ending}\n"
    "            Section 1 - Workstream tracker\n"
    "       RAG: G=on track  A=at risk  R=off track  P=paused\n"
    "\n"
    "                                              Target              Pct\n"
    " Ref     Workstream                   RAG     (as tracker)       done  Commentary\n"
    " ------------------------------------------------------------------------------------\n"
    "\n"
    " OP-101  Ledger export                {rag}     {target}          {pct}  Vendor API late;\n"
    "         rebuild                                                       rework this week.\n"
    "\n"
    " OP-102  Card vault                   G       30MAY2025           20%  On plan.\n"
    "\f{title}    08:12 Monday, {run}   2\n"
    "                 Ops Pack - reporting week ending {ending}\n"
    "            Section 2 - Monitoring\n"
    "\n"
    "    Obs    metric                      unit     this_wk    prior_wk\n"
    "\n"
    "      1    Payments processed          n          {count}       8,412\n"
    "      2    Approval rate               %           41.2        41.8\n"
)


def test_a_paged_listing_reads_its_pages_its_week_and_its_wrapped_tracker(series: Series) -> None:
    title = "Acme Bank plc - Payments Operations"
    ledger = series(
        [
            ("ops_pack_10MAR2025.txt", _LISTING.format(title=title, run="March 10, 2025", ending="07MAR2025", rag="G", target="04APR2025", pct="40%", count="8,907")),
            ("ops_pack_17MAR2025.txt", _LISTING.format(title=title, run="March 17, 2025", ending="14MAR2025", rag="A", target="25APR2025", pct="45%", count="8,655")),
        ]
    )  # fmt: skip
    # the week the pack reports on, not the Monday it was run (its title's stamp and its file name)
    assert sorted(r.week for r in views.reports(ledger)) == ["2025-W10", "2025-W11"]
    moves = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    # `Target` over `(as tracker)` heads the target column; the wrapped `rebuild` is no row of its own
    assert ("Ledger export", "date_moved", "2025-04-25") in moves
    assert {s.project for s in views.slips(ledger)} <= {"Ledger export"}
    values = {(p.name, p.week): p.value for m in views.metric_series(ledger) for p in m.points}
    assert values[("Payments processed", "2025-W11")] == 8655.0  # named by its metric, not its `Obs`


def test_a_paged_listing_shows_its_running_head_once_and_its_page_titles_as_headings(
    write_report: WriteReport,
) -> None:
    text = _LISTING.format(
        title="Acme Bank plc - Payments Operations", run="March 10, 2025", ending="07MAR2025",
        rag="G", target="04APR2025", pct="40%", count="8,907",
    )  # fmt: skip
    report = write_report("ops_pack_10MAR2025.txt", text)
    lines = [line for _, line in report.lines]
    assert report.title == "Acme Bank plc - Payments Operations"  # without the run stamp and page
    assert sum("reporting week ending" in line for line in lines) == 1
    assert "## Section 2 - Monitoring" in lines
    assert any(line.strip().startswith("RAG: G=on track") for line in lines)  # a legend, no heading


_RESULTS = """\
==============================================================
 Lab systems  Weekly Status  第 3 期
 统计区间: {start} ~ {end}
==============================================================

>> 1. 项目总览 / Projects
proj_id proj_name                owner    health pct  target
------- ------------------------ -------- ------ ---- ----------
P01     东院区LIS部署                 王振       G        {pct} {target}
P02     Corvexa流水线双向通讯           刘晓岚      G        95 2025-03-31

(2 行受影响)

>> 2. KPI
kpi_code   kpi_name               this_wk   last_wk
---------- ---------------------- --------- ---------
TAT_P90    急诊生化 TAT P90 (min)         {tat}     61.00
CRIT_10M   危急值通报率 (%)                94.20     93.80

(2 行受影响)
"""


def test_query_results_as_text_pad_chinese_by_characters_and_name_columns_as_the_database(
    series: Series,
) -> None:
    ledger = series(
        [
            ("LIS_weekly_20250314.txt", _RESULTS.format(start="2025-03-10", end="2025-03-14", pct=40, target="2025-04-18", tat="66.00")),
            ("LIS_weekly_20250321.txt", _RESULTS.format(start="2025-03-17", end="2025-03-21", pct=45, target="2025-04-28", tat="58.00")),
        ]
    )  # fmt: skip
    moves = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    # the row's cells where the database put them, `proj_name` its project (not `P01`)
    assert ("东院区LIS部署", "date_moved", "2025-04-28") in moves
    values = {(p.name, p.week): p.value for m in views.metric_series(ledger) for p in m.points}
    assert values[("急诊生化 TAT P90", "2025-W12")] == 58.0
    # a KPI's code is no project, and last week's figure no target
    assert not any(s.project.startswith(("TAT", "CRIT")) for s in views.slips(ledger))


_FORUM = """\
<html><head><title>Studio Forums &bull; [GSI] Weekly #{n}</title></head><body>
<div class="post"><h3>[GSI] Weekly #{n}</h3>
<div class="date">Posted: <strong>{posted}</strong></div>
<div class="content"><strong>Workstreams</strong><br>
<ul><li><strong>Lodestar</strong> — <span style="color:#00BF00"><strong>GREEN</strong></span><br>
Target for the full cutover: {target}.<br>
Shadow is at 50% of ranked.</li>
<li><strong>Bastion relay</strong> — <span style="color:#FF8000"><strong>{state}</strong></span><br>
Procurement is looking at the pricing.</li></ul>
<strong>Numbers</strong><br>
<div class="codebox"><p>Code: Select all</p><pre><code>                        this wk    last wk
peak CCU (all regions)  {ccu}    395,020
ranked p50 queue (s)         38         44</code></pre></div>
<div class="page-number">Page <strong>1</strong> of <strong>1</strong></div>
</div></div></body></html>
"""


def test_a_forum_print_view_reads_each_line_of_an_item_and_its_code_box_figures(series: Series) -> None:
    ledger = series(
        [
            ("viewtopic.php@t=8893&view=print.html", _FORUM.format(n=39, posted="Fri Mar 07, 2025, 3:58 pm", target="Tue 1 Apr", state="GREEN", ccu="391,775")),
            ("viewtopic.php@t=8931&view=print.html", _FORUM.format(n=40, posted="Fri Mar 14, 2025, 4:10 pm", target="Tue 8 Apr", state="AMBER", ccu="402,118")),
        ]
    )  # fmt: skip
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    # the item's lead and its lines after each `<br>` are lines of their own, the lead its project's
    assert ("Lodestar", "date_moved") in slips and ("Bastion relay", "status_downgrade") in slips
    values = {(p.name, p.week): p.value for m in views.metric_series(ledger) for p in m.points}
    assert values[("peak CCU (all regions)", "2025-W11")] == 402118.0
    assert not any(name.lower().startswith("page") for name, _ in values)  # `Page 1 of 1` is furniture


def test_a_br_ending_its_line_leaves_the_next_sentence_on_its_own_line(write_report: WriteReport) -> None:
    report = write_report(
        "status.html",
        "<html><body><h1>Status 2025-03-07</h1>\n<ul><li><b>Lodestar</b> — GREEN<br>\nTarget: Tue 8 Apr.</li></ul></body></html>",
    )
    assert [n for n, text in report.lines if text.startswith("Target")] == [3]
    assert [n for n, text in report.lines if "Lodestar" in text] == [2]
    assert load_document  # (the report's lines are the loader's, cited by the file's own numbers)


def test_a_wiki_page_named_with_spaces_for_hyphens_is_dated_by_its_name(write_report: WriteReport) -> None:
    # Gollum writes `周报-2024-05-11` as `周报 2024 05 11`; the page itself states no day
    report = write_report(
        "周报 2024 05 11 · fare-gw Wiki · GitHub.html",
        "<html><body><h1>周报</h1><ul><li>二维码过闸：灰度 30%</li></ul></body></html>",
    )
    assert (report.date.isoformat(), report.date_origin) == ("2024-05-11", "file name")


def test_a_newsletter_dated_only_by_its_footer_s_issue_line(write_report: WriteReport) -> None:
    body = "".join(f"<p>第{i}条：理赔系统巡检正常。</p>\n" for i in range(30))
    report = write_report(
        "理赔科技周刊第25期.html",
        f"<html><body><h1>理赔科技周刊 · 第25期</h1>\n{body}<p>本期发布：2025年4月11日（周五）</p></body></html>",
    )
    assert report.date.isoformat() == "2025-04-11"  # not a week early, between its numbered siblings


def test_a_sprint_with_its_day_in_brackets_is_left_to_the_day() -> None:
    from index.ledger.ordinal_targets import find_ordinal_targets

    line = "Target moved from end of Sprint 15 (13/06) to end of Sprint 16 (27/06)."
    assert find_ordinal_targets(line) == []  # the days say it exactly: no second, sprint-unit move
    assert [t.text for t in find_ordinal_targets("Target moved to end of Sprint 16.")] == ["sprint 16"]
    # one sprint with its day, after a sprint without one, is a move in sprints
    assert [t.text for t in find_ordinal_targets("Now end of sprint 25.07 (11/4).")] == ["sprint 25.07"]
