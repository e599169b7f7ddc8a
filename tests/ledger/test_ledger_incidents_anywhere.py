"""Incidents by their own vocabulary anywhere in a report, and what is not an incident (zh and en)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.extract import extract_facts
from index.ledger.incident_fields import duration
from index.ledger.incident_words import cue, follow_up, incident_ids
from index.verify import Verifier

from .conftest import WriteReport

# The report date of every case below: Friday 2025-03-07 (ISO 2025-W10).
HEAD_ZH = "# 增长组周报 2025-03-07\n\n"
HEAD_EN = "# Weekly update 2025-03-07\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an e-mail paragraph, no heading: weekday in the past, hyphenated duration, severity later on
        (
            HEAD_EN + "Hi all,\n\nMonday night we had a 20-minute outage of the checkout API. From 22:10 to "
            "22:30 every payment failed. We're calling it a Sev2. The on-call engineer rolled back the deploy.\n",
            [("2025-03-03", "Sev2", 20.0)],
        ),
        # a zh paragraph under a summary label, dotted day with its weekday
        (
            HEAD_ZH + "本周完成工作：\n故障复盘：3.4（周二）晚20:15左右，消息队列积压，约1.2万用户通知延迟，"
            "持续30分钟。定级P2，根因是消费者线程池过小。\n",
            [("2025-03-04", "P2", 30.0)],
        ),
        # a bullet in a projects section
        (
            HEAD_ZH + "## 项目进展\n- 订单中心：周三凌晨出现线上问题，支付回调丢失，持续15分钟，已回滚恢复\n",
            [("2025-03-05", None, 15.0)],
        ),
        # a terse log line: a count of alerts, then the incident itself
        (HEAD_ZH + "## W10\n- oncall: 3次告警, 1次 P1 (网关超时，12min)\n", [(None, "P1", 12.0)]),
        # a tracker id with its own day and clock range
        (
            HEAD_EN + "## Notes\n- INC-512 on Mar 5: elevated 5xx on the search API (09:12–09:40 UTC).\n",
            [("2025-03-05", None, 28.0)],
        ),
        # told only in the summary paragraph, its level stated at the end ("属P3级")
        (
            HEAD_ZH + "**本周小结**：会员系统按期上线。另：周三（3月5日）晚21:10起短信网关异常约15分钟，"
            "用户收不到验证码，切换通道后恢复，属P3级。\n\n## 一、项目进展\n- 会员系统：已上线\n",
            [("2025-03-05", "P3", 15.0)],
        ),
        # a level tag opening the line under a stability heading
        (
            HEAD_ZH + "## 五、线上稳定性\n- 【P2】3月4日（周二）10:00-10:25，支付回调延迟，持续25分钟。\n",
            [("2025-03-04", "P2", 25.0)],
        ),
    ],
)
def test_incidents_told_anywhere(
    write_report: WriteReport, body: str, expected: list[tuple[str | None, str | None, float | None]]
) -> None:
    report = write_report("r.md", body)
    incidents = extract_facts(report).incidents
    found = [(str(i.when) if i.when else None, i.severity, i.duration_minutes) for i in incidents]
    assert found == expected
    verifier = Verifier()
    assert all(verifier.check(i.evidence) for i in incidents)


@pytest.mark.parametrize(
    "body",
    [
        HEAD_ZH + "## 本周工作\n- 本周无线上问题。\n",
        HEAD_ZH + "## 五、线上稳定性\n本周无P1/P2故障。\n",
        HEAD_EN + "## Update\nNo incidents this week; 2025-03-05 was quiet.\n",
        # drills, staging, planned maintenance
        HEAD_ZH + "## 本周工作\n- 故障演练：周四进行了数据库主从切换演练，服务中断8分钟，符合预期。\n",
        HEAD_EN + "## Update\nStaging was down for 2 hours on Tuesday while we rebuilt the cluster.\n",
        HEAD_EN
        + "## Update\nWe ran a game day on Thursday. The API was degraded for 6 minutes as planned.\n",
        HEAD_EN
        + "## Update\nPlanned maintenance on Saturday 02:00-04:00: checkout was down for 40 minutes.\n",
        # counts and rates are metrics
        HEAD_ZH + "## 总结\n- 全年AB级事故1次，CD级8次，MTTR 35分钟。\n",
        HEAD_ZH + "## 本周工作\n- 告警量本周1,204条，环比-12%，3/5 告警风暴持续20分钟。\n",
        # a risk, a plan, a tool named after incidents
        HEAD_ZH + "## 本周工作\n- 风险：3/10大促期间可能引发支付故障，需提前扩容。\n",
        HEAD_EN + "## Update\nNext week: postmortem of Monday's outage, 10:00 on Mar 10.\n",
        HEAD_ZH + "## 项目进展\n- 故障自愈平台：3/4 完成灰度，覆盖30%集群。\n",
        # a mention of an incident told nowhere in this report with a time of its own
        HEAD_EN + "## Projects\n- Billing: sign-offs slow, most owners were busy with the SEV1.\n",
        # a day of another sentence is not the incident's; a follow-up's day is not one either
        HEAD_EN
        + "## TL;DR\n- Invites went GA on Tue 3/4, a few days late. One SEV-3 on launch day+1: duplicate emails.\n",
        HEAD_EN + "## Incidents\n- Postmortem is Thursday; owner Dee R. Write-up in INC-0231.\n",
        # a KR about alerts is not an incidents section, though the heading says 告警
        HEAD_ZH + "## O1 稳定性\n### KR1.2 告警降噪（无效告警占比降到15%以下）\n- 负责人：谭悦\n"
        "- 当前进度：35%\n- 预计完成：3/5\n- 状态：🟢 正常\n",
    ],
)
def test_not_incidents(write_report: WriteReport, body: str) -> None:
    assert extract_facts(write_report("r.md", body)).incidents == []


HEADLINE_AND_PARAGRAPH = (
    HEAD_EN + "Headline: a short image outage on Tuesday, otherwise steady.\n\n"
    "On Tuesday afternoon (the 4th) product images disappeared for about 12 minutes, from 15:32 to 15:44,"
    " after a CDN rule change. The change was rolled back.\n\n"
    "Next week: the review of Tuesday's image outage.\n"
)


def test_a_report_names_one_incident_twice_and_the_fullest_telling_counts(write_report: WriteReport) -> None:
    """The headline names it, the paragraph (no incident word of its own) tells it on the same day."""
    (incident,) = extract_facts(write_report("r.md", HEADLINE_AND_PARAGRAPH)).incidents
    assert incident.when == date(2025, 3, 4)
    assert incident.duration_minutes == 12
    assert incident.evidence.quote.startswith("On Tuesday afternoon (the 4th) product images disappeared")
    assert incident.resolution == "The change was rolled back"


SUMMARY_AND_TABLE = """
# 数据组周报 2025-04-11

## 一、本周摘要
- 周三凌晨调度集群故障，经营日报晚发，S2，详见第四部分。

## 四、线上问题
| 时间 | 级别 | 现象 | 影响 | 时长 |
| --- | --- | --- | --- | --- |
| 4.9 02:10 | S2 | 调度进程OOM退出 | 日报晚发 | 约3小时 |
"""


def test_a_summary_line_and_the_incidents_table_are_one_incident(write_report: WriteReport) -> None:
    (incident,) = extract_facts(write_report("r.md", SUMMARY_AND_TABLE)).incidents
    assert (incident.when, incident.severity, incident.duration_minutes) == (date(2025, 4, 9), "S2", 180)
    assert incident.title == "调度进程OOM退出"
    assert incident.evidence.section == "四、线上问题"


RECAP_IN_ANOTHER_ZONE = """
# SEA-QR weekly 2025-03-14

Fri 03/14/2025 recap of Wed incident: 14:05-14:52 ICT SiamQR callback timeouts, 47 min, ~3,100 txns pending.

## 二、线上问题 Incidents
- [P2] 3/12 15:05–15:52 (北京时间) SiamQR 回调超时 47 分钟, 约 3,100 笔交易状态 pending
"""


def test_a_recap_in_another_time_zone_and_the_reports_line_are_one_incident(
    write_report: WriteReport,
) -> None:
    """Same length, same system, days apart only by the recap's message day: one outage told twice."""
    (incident,) = extract_facts(write_report("r.md", RECAP_IN_ANOTHER_ZONE)).incidents
    assert (incident.when, incident.severity, incident.duration_minutes) == (date(2025, 3, 12), "P2", 47)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("周二故障后大家优先配合止血", "故障"),
        ("Tuesday evening we had a 35-minute outage of search.", "outage"),
        ("定级P2，客诉23起", "定级P2"),
        ("INC-208 on Tuesday the 25th", "INC-208"),
        ("a Sev1 on Saturday during the sale", "Sev1"),
        ("elevated 5xx on the orders API", "elevated 5xx"),
        ("老带新活动复盘", None),  # a campaign retrospective
        ("P1需求排期到下周", None),  # a priority, not a level
        ("故障演练顺利完成", None),
        ("incident response tooling: runbooks migrated", None),
        ("本周无事故", None),
        ("本周无P1/P2故障", None),
        ("这个需求属P1级优先", None),  # a priority level of a requirement
        ("to avoid outages during the sale we froze deploys", None),
    ],
)
def test_incident_words(text: str, word: str | None) -> None:
    match = cue(text)
    assert (match[0] if match else None) == word


def test_follow_ups_and_ids() -> None:
    assert follow_up("上周Push重复发送故障（10.14，P2）的4条改进项已完成3条")
    assert follow_up("First, the postmortem on last Tuesday's search outage.")
    assert not follow_up("Monday night we had a 20-minute outage of the checkout API.")
    assert incident_ids("**INC-208 follow-ups** (PD-3371, sir-12)") == {"INC-208", "PD-3371", "SIR-12"}


@pytest.mark.parametrize(
    ("body", "title", "impact", "cause"),
    [
        (
            HEAD_ZH + "本周完成工作：\n故障复盘：3.4（周二）晚20:15左右，消息队列积压，约1.2万用户通知延迟，"
            "持续30分钟。定级P2，根因是消费者线程池过小。\n",
            "消息队列积压",
            "约1.2万用户通知延迟",
            "消费者线程池过小",
        ),
        (
            HEAD_EN
            + "On Saturday morning the promo code service fell over during the sale. About 50 minutes,"
            " around 1,400 customers paid full price. We're treating it as a Sev1. The cause was a connection"
            " pool sized for normal traffic.\n",
            "the promo code service fell over during the sale",
            "1,400 customers paid full price",
            "a connection pool sized for normal traffic",
        ),
    ],
)
def test_a_told_incidents_fields(
    write_report: WriteReport, body: str, title: str, impact: str, cause: str
) -> None:
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert (incident.title, incident.impact, incident.cause) == (title, impact, cause)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an outage verb with how long it lasted, in a chat line
        (
            HEAD_ZH + "1. 陈浩：周二晚上8点10分左右收银接口挂了40分钟，已恢复，复盘下周发\n",
            [("2025-03-04", None, 40.0)],
        ),
        # an error verb that lasted, its level a bare clause
        (
            HEAD_ZH + "张伟：周日（3/2）中午下单报错，持续15分钟左右，P2，已回滚\n",
            [("2025-03-02", "P2", 15.0)],
        ),
        # a paragraph that opens with the day; the verb and the duration (in words) come later
        (
            HEAD_EN
            + "## The 2.1.3 release\n\nOn March 3 we published 2.1.3 with broken wheels. Installs failed"
            " on Windows. We yanked it about two hours after it went up.\n",
            [("2025-03-03", None, 120.0)],
        ),
        (
            HEAD_EN
            + "## Update\n\nThe docs site was unavailable for roughly six hours on Tuesday the 4th.\n",
            [("2025-03-04", None, 360.0)],
        ),
        (
            HEAD_ZH + "## 进展\n- 周四（3/6）下午支付页面崩了半小时，切回旧版后恢复\n",
            [("2025-03-06", None, 30.0)],
        ),
        # fixed after so long, a postmortem to follow: the launch day the line opens with
        (
            HEAD_ZH + "2. 李娜：积分2.0 周三（3/5）全量上线了 上线当晚部分会员积分显示成0，大概25分钟修好的，"
            "是缓存预热没做完，复盘下周发\n",
            [("2025-03-05", None, 25.0)],
        ),
        # under an incident heading that names no day: the body opens with it
        (
            HEAD_EN
            + "## Incident: session cookies\n\nOn March 5, 3.2.2 went out with a regression. Some users"
            " were logged out. The fix was published about nine hours later.\n",
            [("2025-03-05", None, 540.0)],
        ),
    ],
)
def test_outage_verbs_with_a_duration(
    write_report: WriteReport, body: str, expected: list[tuple[str | None, str | None, float | None]]
) -> None:
    incidents = extract_facts(write_report("r.md", body)).incidents
    assert [(str(i.when) if i.when else None, i.severity, i.duration_minutes) for i in incidents] == expected


@pytest.mark.parametrize(
    "body",
    [
        HEAD_EN
        + "## Update\nNumbers: 398 open issues, and CI time is down to 17 minutes for the median run.\n",
        HEAD_ZH + "## 进展\n- 压力测试 200 台设备跑了 48 小时，掉线 2 次，下周修。\n",
        HEAD_ZH + "## 进展\n- 单测报错，花了2小时排查，是依赖版本问题。\n",
        HEAD_EN
        + "## Update\nOn Monday the API looked down for 10 minutes. It turned out to be a monitoring glitch.\n",
        HEAD_ZH + "## 进展\n- 周三告警说支付挂了 5 分钟，虚惊一场，是监控误报。\n",
        HEAD_EN + "## Update\nOffline eval: 92% of shipments within 30 min on the holdout set.\n",
        HEAD_ZH + "## 进展\n- 导出bug周二（3/4）花了两天修好了，已合入。\n",  # a bug fixed, no postmortem
    ],
)
def test_outage_words_that_tell_no_incident(write_report: WriteReport, body: str) -> None:
    assert extract_facts(write_report("r.md", body)).incidents == []


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("about two hours after it went up", 120.0),
        ("差不多断了 22 个小时", 1320.0),
        ("大概25分钟修好的", 25.0),
        ("重启节点花了 40 分钟左右", 40.0),
        ("a 35-minute outage", 35.0),
        ("支付页面崩了半小时", 30.0),
        ("服务一个半小时不可用", 90.0),
        ("down for an hour and a half", 90.0),
        ("面单服务不可用，持续2小时15分", 135.0),  # minutes after hours, 钟 left off
        ("验收评审得分92分", None),  # a score, not minutes
        ("wait a minute", None),
    ],
)
def test_durations_in_words(text: str, minutes: float | None) -> None:
    assert duration(text)[1] == minutes


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # The unit whole: "12 min" of "12 minutes" is not what the report wrote, nor what a reader
        # searching the answer for "12 minutes" finds.
        ("images disappeared for about 12 minutes, from 15:32 to 15:44", "for about 12 minutes"),
        ("lasting 2 hours 55 minutes", "2 hours 55 minutes"),
        ("down 42 min", "42 min"),
        ("持续13mins", "持续13mins"),
    ],
)
def test_a_duration_is_quoted_as_written(text: str, written: str) -> None:
    assert duration(text)[0] == written


def test_a_paragraph_under_a_generic_heading_is_titled_and_dated_by_its_sentences(
    write_report: WriteReport,
) -> None:
    body = (
        "Subject: ClinOps weekly update, 11 Apr 2025\n\nHi all,\n\n"
        + "".join(f"Line {n} of the update.\n" for n in range(3))
        + "\nINCIDENTS / DEVIATIONS\n"
        "Temperature excursion, Tallinn (112): the IMP fridge in pharmacy recorded\n"
        "up to 11.4°C between 01:40 and 07:40 on Tue 08-Apr (about 6 hours) after a\n"
        "compressor fault. Logged as an important deviation.\n\nThanks,\nMira\n"
    )
    [incident] = extract_facts(write_report("r.txt", body)).incidents
    assert incident.when == date(2025, 4, 8)
    assert incident.title.startswith("Temperature excursion")  # not the heading's words
    assert Verifier().check(incident.evidence)
