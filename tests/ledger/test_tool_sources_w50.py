"""Reports kept as some tool's output, each with a trap of its own: a social post dated by its file
name or by its `12 April at 17:58` stamp, a digest's milestone table and its incident table with a
`<details>` per issue, an admin page whose table header and body are two tables, a Word page saved
with tracked changes, a dashboard's grid of name-value pairs, a status e-mail's `1. NAME -- G` items
keyed by its legend, a briefing's bold leads closed by `。`. Written from wave 50; the texts are this
test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import parsed_date

from index.classify import classify_heading
from index.date_places import stem_date
from index.html import read_html
from index.ledger import views
from index.ledger.signals import find_statuses
from index.models import SectionKind

from .conftest import Series, WriteReport

_POST = """\
Cargo Platform | 货运平台
Private group · 41 members
Ada Lam
Admin
{stamp}
 ·
Weekly Update #{n}

1) Berth Booking — 🟢 On track — go-live 30 Apr
"""


def test_a_posts_day_is_its_file_names_or_its_stamps_near_its_series(tmp_path: Path) -> None:
    # an issue number and the day, underscores between the name's fields
    assert stem_date("wp-post_weekly-18_2024-03-01").value == date(2024, 3, 1)  # type: ignore[union-attr]
    assert stem_date("report_2024_03_01").value == date(2024, 3, 1)  # type: ignore[union-attr]
    named = _POST.format(stamp="4h", n=20)
    assert parsed_date(tmp_path, "wp-post_weekly-20_2024-03-15.txt", named)[0] == date(2024, 3, 15)
    # no day in the name: the post's stamp, in its series' year
    stamped = _POST.format(stamp="12 April at 17:58", n=23)
    assert parsed_date(tmp_path, "wp-post_weekly-23.txt", stamped, near=date(2024, 4, 5)) == (
        date(2024, 4, 12),
        "post stamp, year from its series",
    )


_DIGEST = """\
---
generated_at: "{stamp}"
---
# Ops digest `{label}`

## #5 Historian upgrade

**🟡 At risk** · target 2025-04-30

Tag mapping 81 %.

## Incidents

| Issue | Sev | Started | Duration | State |
| --- | --- | --- | --- | --- |
| [#212](https://example.org/ops/issues/212) Collectors stopped after patching | `sev2` | 2025-02-26 02:10 | 3 h 40 min | open |
| [#228](https://example.org/ops/issues/228) Forecast API returning 503 | `sev3` | 2025-02-27 10:00 | 2 h 0 min | closed (not planned) |

<details><summary>#212 — from the issue form</summary>

**Impact:** no 10-min history for 64 turbines.
</details>

## Milestones due in the next 14 days

| Repo | Milestone | Due | Open / closed |
| --- | --- | --- | --- |
| historian | {milestone} | {due} | 2 / 6 |
"""


def test_a_digests_milestones_are_no_targets_and_its_issue_table_its_incidents(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-W09.md",
                _DIGEST.format(
                    stamp="2025-02-28T15:00:00Z", label="2025-W09", milestone="Collectors", due="2025-02-28"
                ),
            ),
            (
                "2025-W10.md",
                _DIGEST.format(
                    stamp="2025-03-07T15:00:00Z", label="2025-W10", milestone="Tag mapping", due="2025-03-21"
                ),
            ),
        ]
    )
    # each row a different milestone of the repository's work: no project, no target moved
    assert not any(s.project == "historian" for s in views.slips(ledger))
    assert "historian" not in {p.name for p in views.projects(ledger)}
    # one incident per issue, from its row (its start, length, grade), none from its `<details>`; none
    # of an issue closed as no incident
    told = [(i.title, i.when, i.duration_minutes, i.severity) for i in views.incidents(ledger)]
    assert len(told) == 1
    title, when, minutes, severity = told[0]
    assert title.startswith("#212 Collectors stopped") and "https" not in title
    assert (when, minutes, severity) == (date(2025, 2, 26), 220.0, "sev2")


_ADMIN_PAGE = """\
<html><body>
<h4>处方药事周报 {day}</h4>
<h5>基本信息</h5>
<table><tr><td>期数</td><td>第{n}期</td><td>提交时间</td><td>{day} 17:58:03</td></tr></table>
<div>一、重点项目进展</div>
<div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr>
<th>序号</th><th>项目名称</th><th>计划完成</th><th>进度</th><th>状态</th><th></th>
</tr></thead></table></div>
<div class="el-table__body-wrapper"><table class="el-table__body"><tbody>
<tr><td>1</td><td>处方流转二期</td><td>{target}</td><td>55%</td><td>{state} </td></tr>
<tr><td>2</td><td>审方中心</td><td>2025-03-28</td><td></td><td>已上线 </td></tr>
</tbody></table></div>
<div>三、关键指标</div>
<table><tr><td>电子处方流转量（单）</td><td>{volume}</td><td>审方通过率</td><td>{rate}</td></tr>
<tr><td>平台可用性</td><td>99.99%</td><td>采集率</td><td>83.1%</td></tr></table>
</body></html>
"""


def test_a_header_table_over_its_body_table_is_one_table(series: Series) -> None:
    lines, _ = read_html(
        _ADMIN_PAGE.format(
            n=38, day="2025-03-21", target="2025-04-18", state="正常", volume="29,402", rate="92.0%"
        )
    )
    texts = [text for _, text in lines]
    header = next(i for i, text in enumerate(texts) if text.startswith("| 序号 | 项目名称"))
    assert texts[header + 1].startswith("| --- |")
    assert texts[header + 2].startswith("| 1 | 处方流转二期 | 2025-04-18")  # a row, no header of its own
    ledger = series(
        [
            (
                "周报_第38期_0321.html",
                _ADMIN_PAGE.format(
                    n=38, day="2025-03-21", target="2025-04-18", state="正常", volume="29,402", rate="92.0%"
                ),
            ),
            (
                "周报_第39期_0328.html",
                _ADMIN_PAGE.format(
                    n=39, day="2025-03-28", target="2025-04-30", state="有风险", volume="31,877", rate="92.6%"
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("处方流转二期", "date_moved"), ("处方流转二期", "status_downgrade")} <= slips
    # a grid of name-value pairs, its first row too
    points = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert points["电子处方流转量"] == [29402.0, 31877.0]
    assert points["审方通过率"] == [92.0, 92.6]
    assert points["采集率"] == [83.1, 83.1]


def test_a_label_row_strip_over_a_table_of_other_columns_stays_apart() -> None:
    page = (
        "<table><tr><td>Summary</td><td>In Progress 7</td><td>Overdue 0</td></tr></table>"
        "<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Fix it</td><td>Ann</td></tr></table>"
    )
    texts = [text for _, text in read_html(page)[0]]
    assert texts.count("| --- | --- | --- |") == 1 and "| --- | --- |" in texts


def test_a_revisions_deleted_text_is_left_out() -> None:
    page = (
        '<p>状态：延期。<span class=msoDel><del cite="mailto:a" datetime="2025-04-11T15:48">已完成联调，</del></span>'
        '<ins cite="mailto:a" datetime="2025-04-11T15:48">联调仍未完成</ins>。</p>'
        "<p>目标 <del>4/15</del> 4/30</p>"
    )
    texts = [text for _, text in read_html(page)[0]]
    assert "状态：延期。联调仍未完成。" in texts
    assert any("4/15" in text and "4/30" in text for text in texts)  # struck on purpose: still shown


_MAIL = """\
Date:     Friday - {day}, 2025 4:41 PM
From:     Dana Fox
Subject:  Weekly Status - w/e {short}

PROJECTS  (status / target / notes)

1. SRTE -- {srte}
   Go-live 5/1. UAT started Mon 3/24.

2. Crest Lottery -- {crest}
   Draw now Tue 4/1.

3. Permit Kiosks -- G
   Target 4/15.

Status key: G = on track, Y = at risk, R = off track / blocked, HOLD = paused, DONE = complete
"""


def test_a_numbered_item_and_its_keyed_state_after_a_dash(series: Series) -> None:
    ledger = series(
        [
            ("Weekly Status - w_e 3_21.txt", _MAIL.format(day="March 21", short="3/21", srte="G", crest="G")),
            ("Weekly Status - w_e 3_28.txt", _MAIL.format(day="March 28", short="3/28", srte="Y", crest="R")),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert {"SRTE", "Crest Lottery", "Permit Kiosks"} <= names  # items, never sections; no `-- G`
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("SRTE", "status_downgrade", "Y") in slips and ("Crest Lottery", "status_downgrade", "R") in slips


def test_a_state_after_a_dash_may_carry_a_note_on_its_change(series: Series) -> None:
    """`— RED (was AMBER)`: the state is RED, the week it turned; the next week's plain `— RED` is
    no second turn."""
    ledger = series(
        [
            (
                f"bulletin-no{n}.txt",
                f"Bulletin No. {n} — {day}\n\nPROJECTS\n\n* SCHOOL BOOKINGS — {state}\n  Vendor call Friday.\n",
            )
            for n, day, state in (
                (12, "7 March 2025", "AMBER"),
                (13, "14 March 2025", "RED (was AMBER)"),
                (14, "21 March 2025", "RED"),
            )
        ]
    )
    turns = [(s.kind, s.week) for s in views.slips(ledger) if s.kind == "status_downgrade"]
    assert turns == [("status_downgrade", "2025-W11")]


_BRIEFING = """\
# 电子发票应用科工作周报（第{n}期）

填报日期：2025年{month}月{day}日

二、重点事项进展

**（一）征期开票高峰扩容。**状态：{state}。{news}

**（二）红字自动审核。**状态：正常。进度95%，拟于4月16日上线。
"""


def test_a_bold_lead_closed_by_its_stop_and_a_labelled_done(series: Series) -> None:
    labelled = find_statuses("状态：已完成。扩容已于4月9日完成割接")
    assert (labelled[0].value, labelled[0].text) == ("done", "状态：已完成")
    assert find_statuses("Status: Done. Handed over to BAU")[0].text == "Status: Done"
    assert find_statuses("规则迁移全部完成") == []  # a sub-task finished, as before
    ledger = series(
        [
            ("zb0404.md", _BRIEFING.format(n=12, month=4, day=4, state="正常", news="计划4月10日割接。")),
            (
                "zb0411.md",
                _BRIEFING.format(
                    n=13, month=4, day=11, state="已完成", news="扩容已于4月9日完成割接并投入运行。"
                ),
            ),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert "征期开票高峰扩容" in names and not any(name.endswith("。") for name in names)
    launched = {item.project for item in views.launches(ledger)}
    assert "征期开票高峰扩容" in launched


def test_a_labelled_review_of_a_days_outage_is_an_incidents_section() -> None:
    assert classify_heading("【复盘】3/19 14:05 处方推送延迟（P2，持续52分钟）") == SectionKind.INCIDENTS
    assert classify_heading("【复盘】618大促活动总结") != SectionKind.INCIDENTS


_PASTED_POST = """\
Weekly Update #{n} — {day}

🚨 Incident — Tue 12 Mar, Sev-2
Booking confirmations stuck in the gateway queue 09:40–12:55 (3h15m), 41 customers affected.

📋 Workstreams — status · target
1) Berth Booking — 🟢 On track — go-live 30 Apr
2) Gate App — 🟡 At risk — MVP 22 Mar

📊 Numbers
• Online booking share: {share}%
• Uptime (7d): 99.95%

🟢 Refund API — on track
• nothing new
"""


def test_a_pasted_posts_parts_open_with_their_icons(write_report: WriteReport) -> None:
    report = write_report("post-2024-03-15.txt", _PASTED_POST.format(n=20, day="15 March 2024", share="61.5"))
    kinds = {section.title: section.kind for section in report.all_sections()}
    assert kinds["Incident — Tue 12 Mar, Sev-2"] == SectionKind.INCIDENTS
    assert kinds["Workstreams — status · target"] == SectionKind.PROJECTS
    assert kinds["Numbers"] == SectionKind.METRICS
    assert "Refund API — on track" not in kinds  # a status light and its project: an item, no part
