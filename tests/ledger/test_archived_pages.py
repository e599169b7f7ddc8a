"""Reports kept as some system's page, each with a trap of its own: a mailing list archive's page
whose weekly is plain text inside `<pre>` (a coded RAG key wrapped over two lines, last week's lights
beside this week's, projects as `Name - STATE` lines over their bullets), a logbook entry in BBCode,
a city clerk's record page dated only by the memo inside it, a dashboard's subscription mail with
its figures set large under their titles and its days in Chinese month names, and a heading that
carries its project's risk state. Written from wave 41; the texts are this test's own."""

from __future__ import annotations

from pathlib import Path

from index.classify import classify_heading
from index.ledger import views
from index.ledger.mentions import clean_name, valid_name
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report

from .conftest import Series

_ARCHIVE = """\
<html><head><title>[ops-list] Lab weekly #{n} - w/e {day}</title></head><body>
<h1>[ops-list] Lab weekly #{n} - w/e {day}</h1>
<ul><li>From: Mira Holt</li><li>Date: {sent}</li></ul>
<pre>
Hello all,
STATUS AT A GLANCE
RAG key: G on track / A at risk / R off track / H on hold /
         D done / X cancelled
Workstream              RAG  last wk  target
----------------------  ---  -------  --------
Tape library refresh    {tape}    {tape_was}        {tape_due}
Portal login revamp     {portal}    G        14/03/25
1. PROJECTS
Tape library refresh - {tape_word}
 - Robot arm firmware {tape_news}.
 - Vendor visit Tue.
Portal login revamp - {portal_word}
 - {portal_news}
Cold store audit - GREEN
 - Sampling plan agreed.
2. SERVICE
{service}
3. NEXT WEEK
 - Nothing unusual.
Mira
</pre>
<p>Prev by Date: Re: [ops-list] kit order</p>
</body></html>
"""


def test_a_mail_archive_page_reads_the_plain_text_weekly_inside_it(series: Series) -> None:
    ledger = series(
        [
            (
                "msg00101.html",
                _ARCHIVE.format(
                    n=4,
                    day="28/02/25",
                    sent="Fri, 28 Feb 2025 16:02:11 +0000",
                    tape="G",
                    tape_was="G",
                    tape_due="21/03/25",
                    tape_word="GREEN",
                    tape_news="arrived",
                    portal="G",
                    portal_word="GREEN",
                    portal_news="Pen test booked.",
                    service="Quiet week.",
                ),
            ),
            (
                "msg00107.html",
                _ARCHIVE.format(
                    n=5,
                    day="07/03/25",
                    sent="Fri, 07 Mar 2025 16:40:00 +0000",
                    tape="A",
                    tape_was="G",
                    tape_due="04/04/25",
                    tape_word="AMBER",
                    tape_news="failed its test",
                    portal="D",
                    portal_word="DONE",
                    portal_news="Live since Mon 03/03 as planned.",
                    service="INC-2025-019 (P2) - Portal login outage, Wed 05/03 10:05-11:20\n"
                    "Users could not sign in for 75 minutes. Cause: expired certificate.",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Tape library refresh", "date_moved", "2025-04-04") in slips
    # this week's light, read by the report's own key; the `last wk` column is last week's
    assert ("Tape library refresh", "status_downgrade", "A") in slips
    assert [launch.project for launch in views.launches(ledger)] == ["Portal login revamp"]
    assert [(i.when.isoformat() if i.when else "", i.severity) for i in views.incidents(ledger)] == [
        ("2025-03-05", "P2")
    ]
    names = {row.name for row in views.projects(ledger)}
    assert "Cold store audit" in names  # a `Name - STATE` line over its bullets names it
    assert not names & {"Vendor visit Tue", "Prev by Date", "Robot arm firmware"}


_LOGBOOK = """\
$@MID@$: {mid}
Date: {sent}
Author: Ola Berg
Subject: Weekly status WK{wk}
Encoding: ELCode
========================================
[B][SIZE=4]Ground network - weekly status WK{wk}[/SIZE][/B]

[B]1. KPIs[/B]
[TABLE border="1"]
[B]KPI[/B]|[B]WK{wk}[/B]|[B]Target[/B]
|-
Pass success rate|{rate}|>= 99.0%
[/TABLE]

[B]2. Projects[/B]
[TABLE border="1"]
[B]ID[/B]|[B]Project[/B]|[B]Status[/B]|[B]Target[/B]|[B]Comment[/B]
|-
P-7|Dish 4 feed upgrade|[COLOR=orange]{rag}[/COLOR]|cutover {due}|{comment}
|-
P-9|Timing server swap|[COLOR=green]GREEN[/COLOR]|30.05.|Spares on site.
[/TABLE]

[B]3. Next week[/B]
[LIST]
[*] Crane booking 12.03.
[/LIST]
[URL=https://wiki.example/noc]wiki/noc[/URL]
"""


def test_a_logbook_entry_in_bbcode_is_read_as_its_markup_means(tmp_path: Path, series: Series) -> None:
    ledger = series(
        [
            (
                "Weekly-31.txt",
                _LOGBOOK.format(
                    mid=31,
                    sent="Fri, 21 Feb 2025 17:02:00 +0100",
                    wk="08",
                    rate="99.4%",
                    rag="GREEN",
                    due="03.03.",
                    comment="On plan.",
                ),
            ),
            (
                "Weekly-36.txt",
                _LOGBOOK.format(
                    mid=36,
                    sent="Fri, 07 Mar 2025 16:30:00 +0100",
                    wk="10",
                    rate="98.1%",
                    rag="AMBER",
                    due="07.04.",
                    comment="Vendor late.",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    # `03.03.`: both figures padded to two in a day-first report, a day, not a decimal
    assert ("Dish 4 feed upgrade", "date_moved", "2025-03-03", "2025-04-07") in slips
    assert ("Dish 4 feed upgrade", "status_downgrade", "GREEN", "AMBER") in slips
    points = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert points.get("Pass success rate") == [99.4, 98.1]
    lines = {line.number: line.text for line in load_document(tmp_path / "reports" / "Weekly-36.txt").lines}
    assert lines[7] == "**Ground network - weekly status WK10**"
    assert lines[19] == "| --- | --- | --- | --- | --- |"  # the header's separator: the table's rule
    assert lines[20] == "| P-7 | Dish 4 feed upgrade | AMBER | cutover 07.04. | Vendor late. |"
    assert 21 not in lines  # a row separator between rows says nothing
    assert lines[27] == "- Crane booking 12.03." and lines[29] == "wiki/noc"


_CLERK = """\
<html><head><title>City of Alder Bay - File #: 25-{file}</title></head><body>
<table><tr><td>File #:</td><td>25-{file}</td><td>Version:</td><td>1</td></tr>
<tr><td>File created:</td><td>{created}</td><td>In control:</td><td>Utilities Committee</td></tr>
<tr><td>On agenda:</td><td>{agenda}</td><td>Final action:</td><td>{agenda}</td></tr></table>
<div><p>History (1)</p><p>Text</p>
<p>..Title</p><p>Water Programme - Biweekly Status Report</p><p>..Body</p>
{memo}
<p><b>DISCUSSION</b></p><p>Meter rollout is GREEN.</p></div>
</body></html>
"""


def test_a_record_page_is_dated_by_its_memo_not_by_its_file_number(tmp_path: Path) -> None:
    padding = "".join(f"<p>Line {n} of the page's chrome.</p>" for n in range(25))
    memo = "<p><b>TO:</b> Utilities Committee</p><p><b>FROM:</b> Director</p>"
    memo += "<p><b>DATE:</b> February 20, 2025</p><p><b>SUBJECT:</b> STATUS REPORT NO. 4</p>"
    dated = tmp_path / "City of Alder Bay - File #_ 25-0112.html"
    dated.write_text(
        _CLERK.format(file="0112", created="2/18/2025", agenda="2/25/2025", memo=padding + memo),
        encoding="utf-8",
    )
    report = parse_report(load_document(dated), str(dated))
    assert report.date.isoformat() == "2025-02-20"  # never 12 January from `25-0112`
    undated = tmp_path / "City of Alder Bay - File #_ 25-0268.html"
    undated.write_text(
        _CLERK.format(file="0268", created="3/20/2025", agenda="3/25/2025", memo="<p>No memo.</p>"),
        encoding="utf-8",
    )
    report = parse_report(load_document(undated), str(undated))
    assert report.date.isoformat() == "2025-03-20"  # the record's property grid: created, before the agenda


_DASHBOARD = """\
<html><head><title>仓储温控周报</title></head><body>
<p style="font-size:12px">发件人: BI 平台</p>
<p style="font-size:12px">发送时间: {sent}</p>
<p style="font-size:12px">温控组仪表板，每周一自动推送。</p>
<table><tr><th>项目</th><th>状态</th><th>目标日期</th></tr>
<tr><td>冷库网关替换</td><td>{rag}</td><td>{due}</td></tr></table>
<table><tr><td><a href="#">温度数据上报完整率</a></td></tr></table>
<div style="font-size:32px;font-weight:700;">{rate}</div>
<div style="font-size:12px;">较上周：{was}</div>
<table><tr><td><a href="#">告警平均响应时长</a></td></tr></table>
<div style="font-size:32px;font-weight:700;">{minutes}</div>
<p style="font-size:12px">由 BI 平台发送</p>
</body></html>
"""


def test_a_dashboard_mail_reads_its_cards_and_its_chinese_month_names(series: Series) -> None:
    ledger = series(
        [
            (
                "温控周报_20250317.html",
                _DASHBOARD.format(
                    sent="2025年3月17日 星期一 9:00",
                    rag="正常",
                    due="四月 11, 2025",
                    rate="97.63%",
                    was="99.06%",
                    minutes="18.6 分钟",
                ),
            ),
            (
                "温控周报_20250324.html",
                _DASHBOARD.format(
                    sent="2025年3月24日 星期一 9:00",
                    rag="有风险",
                    due="四月 25, 2025",
                    rate="99.21%",
                    was="97.63%",
                    minutes="12.9 分钟",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("冷库网关替换", "date_moved", "2025-04-25") in slips
    points = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert points.get("温度数据上报完整率") == [97.63, 99.21]  # the card's value, not last week's
    assert points.get("告警平均响应时长") == [18.6, 12.9]


def test_a_headings_risk_state_makes_no_risks_section() -> None:
    for heading in ("Mobile Wallet [At Risk]", "Mobile Wallet — at risk", "支付网关（有风险）"):
        assert classify_heading(heading) is not SectionKind.RISKS, heading
    for heading in ("Risks", "Key risks [open]", "风险（高风险）", "Top risks — at risk"):
        assert classify_heading(heading) is SectionKind.RISKS, heading


def test_names_lose_their_launchs_kind_and_template_parts_name_nothing() -> None:
    assert clean_name("Customer Usage Portal employee soft launch") == "Customer Usage Portal"
    assert clean_name("Checkout public launch") == "Checkout"
    assert not valid_name(clean_name("六、Vendor update – Caldera Re（Harriet Osei）"))
    assert valid_name(clean_name("Vendor portal v2"))
    for template in ("各位好", "大家好", "打印人", "Prev by Date", "Next by thread", "Index(es)"):
        assert not valid_name(clean_name(template)), template
    assert valid_name(clean_name("领导驾驶舱"))


_STRIP = """\
<html><head><title>产研周刊｜第{n}期</title></head><body>
<p>第{n}期 ｜ {day} 周五 ｜ 产研中心 出品</p>
<p><b>02 数说本周</b></p>
<section><p><b>{dau}</b></p><p>作业App周均日活</p></section>
<section><p><b>{rate}</b></p><p>直播课到课率</p></section>
<p>注：日活为周均值。</p>
</body></html>
"""


def test_an_editors_figures_strip_reads_each_figure_with_the_caption_under_it(series: Series) -> None:
    ledger = series(
        [
            ("周刊-第31期.html", _STRIP.format(n=31, day="2025.03.07", dau="41.2万", rate="86.4%")),
            ("周刊-第32期.html", _STRIP.format(n=32, day="2025.03.14", dau="42.0万", rate="88.1%")),
        ]
    )
    points = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert points.get("作业App周均日活") == [412_000, 420_000]
    assert points.get("直播课到课率") == [86.4, 88.1]  # never the figure above its own caption


def test_a_meetings_day_is_no_target_even_when_the_meeting_moves() -> None:
    from datetime import date

    from index.ledger.targets import classify_dates

    ref = date(2025, 4, 4)
    for text in (
        "Fernhollow: still on hold; budget review 15-Apr.",
        "Finance postponed the 15-Apr budget review to 23-Apr, so still on hold.",
        "3/20 评审会",
    ):
        assert not [r for r in classify_dates(text, ref) if r.role == "target"], text
    moved = classify_dates("Go-live moved to 23-Apr after the review.", ref)
    assert [(r.role, r.hit.value) for r in moved] == [("target", date(2025, 4, 23))]


def test_a_service_part_that_says_no_incident_was_raised_holds_none(series: Series) -> None:
    text = """\
    # Admissions systems digest {day}

    SERVICE

    Portal 4.3 upgrade went in on {when} and finished 40 minutes past the planned window. No user
    impact, no incident raised.
    """
    ledger = series(
        [
            ("digest-2025-03-28.md", text.format(day="2025-03-28", when="Saturday 22 March")),
            ("digest-2025-04-04.md", text.format(day="2025-04-04", when="Saturday 29 March")),
        ]
    )
    assert not views.incidents(ledger)
