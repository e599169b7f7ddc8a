"""Reports kept as some tool's output, each with a trap of its own: a survey form's answer page
(each answer under its numbered, typed question; the day it was sent its only date), a blog entry's
byline, a mail signed over its signature block, a special edition that names its day in its lead, and
a cron job's mailed look-ahead (a banner over bracket-numbered parts, a `done` column of shares, an
events log with planned works beside the incidents). Written from wave 52; the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport

_ANSWER = """\
河口区图书馆RFID改造周进展填报
答卷详情

序号：{n}
提交答卷时间：{sent}
所用时间：640秒
来源：微信

1、填报单位 [填空题]
河口区图书馆

2、重点项目状态 [矩阵单选题]
自助借还机更换：{state}
馆藏盘点机器人：正常

3、子项目进展 [表格组合题]
\t子项目名称\t状态\t完成度\t计划完成日期
子项目1\t自助借还机更换\t{state}\t40%\t{target}
子项目2\t馆藏盘点机器人\t正常\t20%\t2025-06-30

4、本周是否发生系统故障 [单选题]
否
"""


def test_a_survey_answer_page_is_dated_by_its_sending_and_read_by_its_questions(
    write_report: WriteReport, series: Series
) -> None:
    report = write_report(
        "答卷_7.txt", _ANSWER.format(n=7, sent="2025/3/7 17:36:52", state="正常", target="2025-04-30")
    )
    assert report.date == date(2025, 3, 7)
    # each question is a part, named without its number and type; never a project of its own
    titles = [s.title for s in report.all_sections()]
    assert {"填报单位", "重点项目状态", "子项目进展"} <= set(titles)
    names = {o.project for o in extract_facts(report).observations}
    assert "自助借还机更换" in names and "子项目1" not in names
    assert not any("题" in name for name in names)
    ledger = series(
        [
            ("答卷_7.txt", _ANSWER.format(n=7, sent="2025/3/7 17:36:52", state="正常", target="2025-04-30")),
            (
                "答卷_15.txt",
                _ANSWER.format(n=15, sent="2025/3/14 16:02:10", state="有风险", target="2025-05-16"),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("自助借还机更换", "date_moved", "2025-05-16") in slips
    assert any(s[0] == "自助借还机更换" and s[1] == "status_downgrade" for s in slips)
    assert not any(s[0] == "馆藏盘点机器人" for s in slips)


_BLOG = """\
<html><head><title>港区数字化周报 No.12 - 博客 - 门户</title></head><body>
<nav><ul><li>首页</li><li>博客</li></ul></nav>
<h2>博客</h2>
<h3>港区数字化周报 No.12</h3>
<h4>Port Digital Weekly · W10（3/3–3/7）</h4>
<div>林</div><div>林一舟</div>
<div>2025/3/7 下午4:32 - 4 分钟阅读</div>
<p>本周无生产事故。</p>
<div class="prev">上一篇 港区数字化周报 No.11 · 林一舟 · 2025/2/28</div>
</body></html>
"""

_SPECIAL = """\
<html><body>
<h1>Special Edition: We're live</h1>
<p>Harbour Libraries</p>
<h1>Migration Bulletin</h1>
<p>Special Edition | Go-Live Day</p>
<p>We are live! As of 9:00 a.m. today, Tuesday, June 3, 2025, every branch checks out on the new system.</p>
<h2>What went live</h2>
<p>Catalogue cutover: live at 9:00 a.m. Final load finished Sunday 6/1.</p>
</body></html>
"""

_SIGNED = """\
Dear all,

Site report No.9 below.

**1. Summary**
- No incident this week.
- Berth 4 crane handover moved to 14/05.

Best regards / 此致
2025-04-25
Wen Hao
Site Manager | Berth 4 Retrofit
Example Port Machinery Co., Ltd.
M: +60 12-000 0000
"""


def test_a_bylines_posting_day_a_leads_today_and_a_signed_closing_date_the_report(
    write_report: WriteReport,
) -> None:
    # a blog entry's byline with the hour it was posted; the previous entry's day further down is not it
    assert write_report("port-digital-weekly-12.html", _BLOG).date == date(2025, 3, 7)
    # a special edition's lead names its own day, its only one with a year
    assert write_report("special-edition.html", _SPECIAL).date == date(2025, 6, 3)
    # a mail's closing over its dated signature block of five lines
    assert write_report("Site Report No.9.md", _SIGNED).date == date(2025, 4, 25)


_LOOKAHEAD = """\
From: "(Cron Daemon)" <svc@ops.example>
To: planning@ops.example
Subject: Cron <svc@ops01> /opt/lookahead/run.sh --mail-body
Date: {sent}

DUNMORE OWF :: O&M look-ahead :: PW{pw} ({period})
--------------------------------------------------------------

[1] CAMPAIGNS (open)
code   title                       done   target    RAG  lead
-----  --------------------------  -----  --------  ---  ----
BLD    Blade repairs row A         {done}   {target}  {rag}    TW
GBX    Gearbox oil change          {oil}   30/05/25  G    JH

[1a] ON HOLD
code   title                       held since  target
-----  --------------------------  ----------  --------
CAB    Cable protection fix        05/03/25    30/04/25

[3] EVENTS P1-P3 + planned (last 7d, UTC)
{events}

[4] KPIs (7d to Thu)
availability (time-based)    97.5 %
lost energy                  270 MWh

--
RAG: G on track / A at risk / R late.
"""

_EVENTS_LOG = """\
ts                dur   sev  asset   summary
----------------  ----  ---  ------  -----------------------------------------------
{rows}"""


def test_a_cron_look_ahead_reads_its_parts_shares_and_events_not_its_banner_or_planned_works(
    series: Series, write_report: WriteReport
) -> None:
    planned = _EVENTS_LOG.format(
        rows="2025-03-19 06:00  360m  PLN  EXP-1   planned: export circuit 1 de-energised"
    )
    tripped = _EVENTS_LOG.format(
        rows="2025-03-25 10:42  85m   P1   OSS-T2  OSS transformer T2 trip; export limited"
    )
    weeks = [
        (
            "Fri, 14 Mar 2025 15:00:03 +0000",
            12,
            "17/03-30/03",
            "6/11",
            "25/04/25",
            "G",
            "10/24",
            "(no P1-P3 events)",
        ),
        ("Fri, 21 Mar 2025 15:00:03 +0000", 13, "24/03-06/04", "7/11", "09/05/25", "A", "12/24", planned),
        ("Fri, 28 Mar 2025 15:00:03 +0000", 14, "31/03-13/04", "7/11", "09/05/25", "A", "12/24", tripped),
    ]
    reports = [
        (
            f"17{n}.omplan01.txt",
            _LOOKAHEAD.format(sent=s, pw=pw, period=p, done=d, target=t, rag=r, oil=o, events=e),
        )
        for n, (s, pw, p, d, t, r, o, e) in enumerate(weeks)
    ]
    report = write_report(*reports[0])
    # the banner names the period the mail covers: the report's title, no part that makes its
    # parts plans; the bracket-numbered parts are the sections
    titles = [s.title for s in report.all_sections()]
    assert {"CAMPAIGNS (open)", "ON HOLD"} <= set(titles)
    assert not any("look-ahead" in title for title in titles)
    progress = {o.project: o.progress for o in extract_facts(report).observations}
    assert progress["Blade repairs row A"] == 55  # `done` 6/11: a share of the units
    # an empty events log in brackets tells no incident, nor does a log of planned works
    assert extract_facts(report).incidents == []
    assert extract_facts(write_report(*reports[1])).incidents == []
    (incident,) = extract_facts(write_report(*reports[2])).incidents
    assert (str(incident.when), incident.severity, incident.duration_minutes) == ("2025-03-25", "P1", 85)
    ledger = series(reports)
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("Blade repairs row A", "date_moved", "2025-05-09") in slips
    assert not any(s[0] == "Cable protection fix" for s in slips)  # on hold when its target passes


_CAMPAIGN = """\
<html><body>
<h1>Branch Migration Bulletin</h1>
<p>Issue No. 14 | Thursday, March 20, 2025</p>
<table class="layout" width="100%"><tr><td class="column"><table class="text" width="100%"><tr><td>
<h2>Workstream Status</h2>
<p>Catalogue Cutover — Status: {state}. Go-live Monday 4/14.</p>
</td></tr></table></td></tr></table>
<table class="layout" width="100%"><tr><td class="column"><table class="text" width="100%"><tr><td>
<h2>By the Numbers</h2>
<ul>
<li>E-book checkouts (last 7 days): {loans}</li>
<li>Open punch-list items: 49</li>
</ul>
<p>Questions? Just reply.</p>
</td></tr></table></td></tr></table>
</body></html>
"""

_GOLIVE = """\
<html><body>
<h1>Branch Migration Bulletin</h1>
<p>Special Edition | Go-Live Day</p>
<p>We are live! As of 9:00 a.m. today, Monday, April 14, 2025, every branch checks out on the new system.</p>
<h2>🎉 What went live</h2>
<p>Catalogue Cutover — Status: LIVE. It went live at 9:00 a.m., on schedule.</p>
<h2>Still to do</h2>
<p>Kiosk Refit — Status: YELLOW. 21 of 24 kiosks are live; new target Wed 4/16.</p>
</body></html>
"""


def test_a_campaign_mails_layout_lists_stay_lines_and_a_go_live_edition_reads_its_states(
    write_report: WriteReport, series: Series
) -> None:
    report = write_report("bulletin-14.html", _CAMPAIGN.format(state="GREEN", loans="7,266"))
    # a list inside a layout table's cell: each item its own line, the paragraph after it apart
    assert "- E-book checkouts (last 7 days): 7,266\n- Open punch-list items: 49\n\nQuestions?" in "\n".join(
        text for _, text in report.lines
    )
    figures = {m.name: m.value for m in extract_facts(report).metrics}
    assert figures.get("E-book checkouts") == 7266 and figures.get("Open punch-list items") == 49
    golive = extract_facts(write_report("special-edition.html", _GOLIVE)).observations
    states = {o.project: o.status for o in golive}
    # a labelled state field's word alone (`Status: LIVE.`); the part's headings name no project
    assert states.get("Catalogue Cutover") == "launched"
    assert not {"What", "Still to do"} & set(states)
    ledger = series(
        [
            ("bulletin-14.html", _CAMPAIGN.format(state="GREEN", loans="7,266")),
            ("special-edition.html", _GOLIVE),
        ]
    )
    (launch,) = [row for row in views.launches(ledger) if row.project == "Catalogue Cutover"]
    assert (str(launch.launched_on), str(launch.target), launch.verdict) == (
        "2025-04-14",
        "2025-04-14",
        "on_time",
    )


_FORM_WEEK = """\
输血科冷链周报（医务部填报）
答卷详情

序号：{n}
提交答卷时间：{sent}

1、重点项目状态 [矩阵单选题]
冷链平台升级：正常

2、本周是否发生设备故障或系统故障 [单选题]
{said}

3、请描述故障/事件（发生时间、持续时长、影响范围、处置情况） [多行填空题]
{told}

4、本周是否有计划内停机或应急演练 [单选题]
是〖3月15日（周六）22:00—24:00 数据库升级，按时完成〗
"""


def test_a_forms_skipped_answer_and_its_drill_question_tell_no_incident_its_account_one(
    write_report: WriteReport,
) -> None:
    quiet = write_report(
        "答卷_9.txt", _FORM_WEEK.format(n=9, sent="2025/3/7 16:48:22", said="否", told="(跳过)")
    )
    assert extract_facts(quiet).incidents == []
    told = "3月12日（周三）凌晨02:10左右，3号储血冰箱压缩机停机，超温持续约75分钟。"
    busy = write_report(
        "答卷_10.txt", _FORM_WEEK.format(n=10, sent="2025/3/14 17:02:10", said="是", told=told)
    )
    (incident,) = extract_facts(busy).incidents
    # the account's own words name it, never the question asking for it
    assert (
        str(incident.when) == "2025-03-12" and "题" not in incident.title and "请描述" not in incident.title
    )


_MEMO = """\
<html><body>
<p>TO: Council  FROM: Dispatch Office  DATE: {day}</p>
<p><b>2. SUMMARY</b></p>
<p>(a) Winter operations began November 24. The console has run without a system incident since start-up.</p>
<p>(b) One Priority 1 incident: positions were lost for two hours on the night of December 9 to 10 (details in Section 4).</p>
<p><b>4. SYSTEM INCIDENTS</b></p>
<p>{section}</p>
</body></html>
"""


def test_a_memos_quiet_summary_line_and_its_pointer_to_the_incident_part_tell_none_of_their_own(
    write_report: WriteReport,
) -> None:
    quiet = _MEMO.format(day="December 5, 2025", section="No system incidents this period.")
    quiet = quiet.replace(
        "<p>(b) One Priority 1 incident: positions were lost for two hours on the night of December 9 to 10 (details in Section 4).</p>\n",
        "",
    )
    assert extract_facts(write_report("memo-01.html", quiet)).incidents == []
    told = "Incident: on Wednesday, December 10, positions stopped updating from 02:15 to 04:25 (2 h 10 min)."
    (incident,) = extract_facts(
        write_report("memo-02.html", _MEMO.format(day="December 12, 2025", section=told))
    ).incidents
    assert (str(incident.when), incident.duration_minutes) == ("2025-12-10", 130)


_SITE = """\
Dear Mr. Faizal, 各位领导、同事：
以下为第{n}期现场周报。Site Weekly Report No.{n} below.

**二、工作包状态 Work package status**
| WS | 工作包 Work package | 目标 Target (DD/MM/YYYY) | RAG |
| --- | --- | --- | --- |
| 1 | Crane OCR | {target} | G |
| 2 | Remote Operator Training | 25/04/2025 | G |

Best regards / 此致
{day}
Chen Lifeng
Site Manager | Berth 7 Retrofit
"""


def test_a_bilingual_target_header_glossed_with_its_format_is_the_target_and_a_salutation_no_project(
    series: Series,
) -> None:
    ledger = series(
        [
            ("Site Weekly Report No.16.md", _SITE.format(n=16, target="18/04/2025", day="2025-03-07")),
            ("Site Weekly Report No.17.md", _SITE.format(n=17, target="09/05/2025", day="2025-03-14")),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("Crane OCR", "date_moved", "2025-04-18", "2025-05-09") in slips
    assert not any(s[0].startswith("Dear") for s in slips)
