"""Incidents told in prose, chat logs and minutes: what is below the bar, a rule or a retelling,
and the telling a back-referring sentence (`It was raised as a P2`) belongs to (zh and en)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.extract import extract_facts
from index.ledger.incident_fields import duration
from index.ledger.incident_words import cue, not_an_event, says_none
from index.text.eventdates import event_dates
from index.text.timeexpr import find_dates

from .conftest import WriteReport

# The report date of every case below: Friday 2025-03-07 (ISO 2025-W10).
HEAD_ZH = "# 稳定性周报 2025-03-07\n\n"
HEAD_EN = "# Weekly update 2025-03-07\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "周二凌晨搜索集群抖动，持续不到 3 分钟自己恢复了，没有影响下单，不算故障。",
        "周三晚上有一次扩容引起的短暂超时（约 2 分钟，未达故障标准）。",
        "On Tuesday the API blipped for 2 minutes; it was not counted as an incident.",
        "The staging migration failure on 01MAR was pre-go-live and is tracked under DM-03, not as an incident.",
    ],
)
def test_below_the_bar_is_not_an_incident(text: str) -> None:
    assert cue(text) is None
    assert not_an_event(text)


def test_a_real_incident_beside_one_below_the_bar_is_kept() -> None:
    text = "周二支付故障 25 分钟，定级P2。周四搜索抖动 2 分钟，不算故障。"
    match = cue(text)
    assert match is not None and match[0] == "故障"
    assert not not_an_event(text)


@pytest.mark.parametrize(
    "body",
    [
        # a rule of the on-call process, the chat room of an incident, a week without a new one
        HEAD_ZH + "## 值班注意\n节日期间只允许紧急变更。P1 的故障 10 分钟内必须拉群。\n",
        HEAD_EN + "## On-call\nEvery SEV1 must page the incident lead within 5 minutes.\n",
        HEAD_ZH + "## 值班\n14:09 值班拉起故障群，DBA 进群。\n",
        HEAD_ZH + "本周没有新故障，可用率 99.99%。周三晚上做了容灾演练。\n",
        # a version number read months back is not the day of an event
        "# 运营周报 2025-07-04\n\n> 本周关键词：3.2内容冻结、登录故障\n",
    ],
)
def test_rules_rooms_and_versions_are_not_incidents(write_report: WriteReport, body: str) -> None:
    assert extract_facts(write_report("r.md", body)).incidents == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the level is assigned to `it`, the day two sentences back
        (
            HEAD_EN + "Wave 2 is complete. There was one knock-on: the nightly billing batch failed on the"
            " night of the 4th because a path was wrong. It was raised as a P2; 900 invoices went out late.\n",
            ("2025-03-04", "P2"),
        ),
        (
            HEAD_EN + "Landing pages\nOne issue to flag: on Saturday 1st the sign-up form stopped sending"
            " entries for about three hours. Around 140 sign-ups were affected. Nothing was lost and we"
            " logged it as a P2 internally.\n",
            ("2025-03-01", "P2"),
        ),
        # a sentence that is only the level: the paragraph before it tells the incident
        (
            HEAD_ZH + "## 3月5日订单库主从延迟导致下单失败\n\n前后 27 分钟，约3.2%的下单请求失败。定级 P2。"
            "复盘会约在3月6日。\n",
            ("2025-03-05", "P2"),
        ),
        # minutes: the level is an item of its own under the items that tell it
        (
            HEAD_ZH + "## 议题一：规则误拒\n\n- 3月4日上午规则阈值误配，大量申请被拒。\n"
            "- 13:20 回滚，误拒持续约 3 小时。\n- 定级 P1。已重新跑决策。\n",
            ("2025-03-04", "P1"),
        ),
    ],
)
def test_a_back_referring_level_takes_the_day_told_before_it(
    write_report: WriteReport, body: str, expected: tuple[str, str]
) -> None:
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert (str(incident.when), incident.severity) == expected


def test_a_postmortem_meetings_day_is_not_the_incidents(write_report: WriteReport) -> None:
    body = (
        HEAD_ZH
        + "## 复盘：3月3日网关超时\n\n3月6日开了复盘会。根因是连接池过小。故障持续 27 分钟，定级维持 P2。\n"
    )
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert incident.when == date(2025, 3, 3)


def test_a_summary_mention_is_the_telling_it_names(write_report: WriteReport) -> None:
    body = HEAD_EN + (
        "Portal is amber. There was also one P3 incident on the legacy broker portal. The budget was"
        " approved on the 4th.\n\nBroker Hub remains red. On the 6th, the legacy broker portal was"
        " unavailable for around 40 minutes from 08:15; it was logged as a P3.\n"
    )
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert (incident.when, incident.duration_minutes) == (date(2025, 3, 6), 40.0)


def test_a_chat_log_message_is_a_sentence(write_report: WriteReport) -> None:
    body = HEAD_EN + (
        "```\n[16:00] <ana> #topic docs site\n[16:01] <ben> the new docs went live on Monday the 3rd\n"
        "[16:02] <ben> for about 40 minutes after the DNS flip, docs returned 404 for every page\n"
        "[16:03] <ben> roughly 10:15 to 10:55 UTC on the 3rd\n[16:04] <ana> thanks\n```\n"
    )
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert (incident.when, incident.duration_minutes) == (date(2025, 3, 3), 40.0)


def test_a_pointer_in_the_incidents_section_gives_way_to_the_telling(write_report: WriteReport) -> None:
    body = HEAD_ZH + (
        "## 议题一：规则误拒\n\n- 3月4日上午规则阈值误配，大量申请被拒。\n- 误拒持续约 3 小时。\n- 定级 P1。\n\n"
        "## 三、线上问题回顾\n\n- 3月4日误拒问题见议题一，本节不重复。\n"
    )
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert (incident.when, incident.severity, incident.duration_minutes) == (date(2025, 3, 4), "P1", 180.0)


def test_a_should_in_an_incidents_telling_is_no_rule(write_report: WriteReport) -> None:
    body = HEAD_EN + (
        "## Incident: session cookies\n\nOn March 5, 3.2.2 went out with a regression. Some users were"
        " logged out. The test that should have caught it was marked flaky and skipped.\n"
    )
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert incident.when == date(2025, 3, 5)


def test_money_is_not_a_duration() -> None:
    assert duration("contingency now stands at £1.4m, eight days late") == (None, None)


@pytest.mark.parametrize("text", ["3.2暑期版本按计划冻结", "3.2版本今天完成内容冻结", "3.3前完成版本上线"])
def test_a_version_is_not_a_day(text: str) -> None:
    # "今天" is the report's own day (h9-zhdocs); the version beside it is no day
    assert [hit.text for hit in event_dates(text, date(2024, 7, 5)) if "3." in hit.text] == []


@pytest.mark.parametrize("text", ["3.2暑期版本按计划冻结", "3.2版本今天完成内容冻结"])
def test_a_version_is_not_a_scheduled_day(text: str) -> None:
    assert [hit.text for hit in find_dates(text, date(2024, 2, 20), "future") if "3." in hit.text] == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a numbered run-in heading opens the paragraph: the title is the event after it
        (
            HEAD_ZH + "## 三、安全运行\n\n（一）故障处置情况。3月4日9时12分，办公楼核心交换机发生故障，"
            "导致OA访问中断，持续53分钟。\n",
            "办公楼核心交换机发生故障",
        ),
        # the day comes from the heading: the heading names the event
        (
            HEAD_ZH
            + "## 3月6日 CDN 证书过期，商品图片加载失败\n\n07:50 告警。\n\n前后 18 分钟，首页大面积裂图。定级 P2。\n",
            "CDN 证书过期，商品图片加载失败",
        ),
        # an incidents section line that opens with its day and a clock time
        (
            HEAD_ZH
            + "## 线上问题\n\n3月5日晚 21:40 左右，镜像站 mirrors.example.dev 的同步任务出错，持续5小时。\n",
            "镜像站 mirrors.example.dev 的同步任务出错",
        ),
        (
            HEAD_EN + "## Incidents\n\nOn March 5, the package index served stale metadata for about"
            " three hours. Severity: SEV-2.\n",
            "the package index served stale metadata for about three hours",
        ),
    ],
)
def test_a_title_is_the_event(write_report: WriteReport, body: str, title: str) -> None:
    (incident,) = extract_facts(write_report("r.md", body)).incidents
    assert incident.title == title


def test_a_schedule_word_before_the_version_leaves_the_day() -> None:
    assert [hit.text for hit in find_dates("10.15上线版本", date(2024, 10, 1), "future")] == ["10.15"]


@pytest.mark.parametrize(
    ("line", "none"),
    [
        ("Live halls: nothing to report", True),
        ("No safeguarding incidents reported", True),
        ("By-election held without incident", True),
        ("两周内无事故", True),
        ("本期无新增", True),
        ("值班无 P1/P2 告警", True),
        ("Incidents: none", True),
        ("Payment gateway down; no alerts fired", False),  # tells one, says what did not happen
        ("支付接口故障，无资损", False),
        ("订单服务无响应，持续 12 分钟", False),
        ("No customer impact, checkout outage 09:10-09:40", False),
        # a system named before the none word, and an aside after it
        ("春节档 SeatLock 无事故 (failover 重连 2/5 赶上了发版)", True),
        ("支付网关证书过期导致收款失败，无事故单（已补录）", False),
    ],
)
def test_a_short_line_that_says_there_was_none(line: str, none: bool) -> None:
    assert says_none(line) is none


def test_an_incidents_section_of_none_lines_has_no_incident(write_report: WriteReport) -> None:
    # the first sentence says none; what follows names a day, and no duration or time of an event
    text = HEAD_EN + (
        "## Incidents\n\nLive halls: nothing to report. The generator trip on 4 Mar was a planned test,\n"
        "not an incident.\n\n- No safeguarding incidents reported. Last update's concern closed 5 March.\n"
    )
    assert extract_facts(write_report("w10.md", text)).incidents == []
    told = HEAD_EN + "## Incidents\n\n- Live halls: PDU trip in hall A, 14 minutes on UPS\n"
    assert len(extract_facts(write_report("w10b.md", told)).incidents) == 1


def test_a_metrics_list_with_incident_words_is_no_incident(write_report: WriteReport) -> None:
    # "Crash-free", "pages", "interruptions": a list of label-leader-figure lines reports metrics
    # (the numbers' title is not read as a heading: the list stands in the incidents section)
    text = (
        "PRODUCT BUDGET -- FRIDAY, MARCH 7, 2025\n\nTOP OF THE BUDGET\n- Paywall meter test is live.\n\n"
        "BREAKING (prod incidents)\nNone. Storm night, no errors above baseline.\n\n"
        "BY THE NUMBERS (week ending Mar. 6)\n   Paid subscribers ......... 41,208\n"
        "   iOS crash-free sessions .......... 99.41%\n   On-call pages ............ 2\n\nWATCH LIST\n- none\n"
    )
    assert extract_facts(write_report("brief.txt", text)).incidents == []
    record = "## Incidents\n\nCheckout outage\n  Start: 09:10\n  Duration: 42 min\n  Users affected: 1,200\n"
    assert len(extract_facts(write_report("w10.md", HEAD_EN + record)).incidents) == 1


def test_a_template_name_glossed_with_the_kind_heads_incidents(write_report: WriteReport) -> None:
    # "BREAKING (prod incidents)": the heading names the kind; the paragraph tells the incident and its day
    text = (
        HEAD_EN + "## BREAKING (prod incidents)\n\nSEV-3 -- Tuesday, March 4, 9:41-10:03 p.m. (22 min).\n"
        "The purge job hung and the homepage showed stale totals.\n"
    )
    [incident] = extract_facts(write_report("w10.md", text)).incidents
    assert incident.when == date(2025, 3, 4) and "BREAKING" not in incident.title


@pytest.mark.parametrize(
    "line",
    [
        "- 故障复盘会 10/27 下午，产品和运维一起参加。",
        "- PIR held Wed 5 Mar for last week's ingestion outage.",
    ],
)
def test_a_follow_up_meetings_day_is_no_incident(write_report: WriteReport, line: str) -> None:
    text = HEAD_ZH.replace("2025-03-07", "2025-10-31") if "故障" in line else HEAD_EN
    assert extract_facts(write_report("w.md", text + "## Incidents\n\n" + line + "\n")).incidents == []


def test_a_metric_named_crash_free_does_not_take_back_a_crash_told_beside_it(
    write_report: WriteReport,
) -> None:
    # agency-client-en: the metric's name is in the sentence that tells the crash
    text = HEAD_EN + (
        "## The app – one incident to report\n\nAfter the rollout went to 100% on Monday evening, crash-free "
        "sessions on Android dropped well below normal, with the app crashing on the detail screen. Around "
        "1,800 users saw at least one crash.\n"
    )
    assert len(extract_facts(write_report("w10.md", text)).incidents) == 1


def test_a_section_of_one_drill_paragraph_and_a_none_line_timing_planned_work(
    write_report: WriteReport,
) -> None:
    # From wave 14 (read after its end run): a section whose paragraph tells a drill, and a none line
    # whose second sentence times planned downtime that was not counted
    drill = HEAD_ZH + (
        "## 三、故障及事件\n\n3月5日22:00—22:30 SCADA主备服务器切换演练，切换耗时38秒，数据无丢失。属计划内演练，非故障。\n"
        "本周无生产故障。\n"
    )
    assert extract_facts(write_report("w1.md", drill)).incidents == []
    assert says_none("两周内无线上事故。3/4 的固件升级是计划内停机 2h，不计入。")
    assert not says_none("两周内无线上事故。3/4 网关宕机 2h，影响下单。")
    # gxp-email-pharma-en: downtime timed to the minute, then said to be planned
    assert says_none(
        "No incidents. LIMS 9 cutover downtime (Sat 29 Mar 06:00 - Mon 31 Mar 04:00) was planned."
    )
    assert not says_none("No incidents. Checkout down (Sat 29 Mar 06:00 - 07:00), customers affected.")


def test_a_none_line_under_its_title_then_a_follow_up_of_an_older_incident(write_report: WriteReport) -> None:
    # a generated report's numbered part: nothing new, then the postmortem of last month's outage
    body = (
        HEAD_EN + "3. Key Metrics\n\nOpen queries: 1,603\n\n4. Production Issues\n"
        "No new production incidents this period.\n"
        "Postmortem follow-up - INC-2025-031 (sync outage, 21FEB, Sev 2, 390 min): closed 05MAR.\n\n"
        "5. Risks\n\nRISK 1 - vendor re-transfer late.\n"
    )
    (incident,) = extract_facts(write_report("wsr.txt", body)).incidents
    assert incident.when == date(2025, 2, 21) and "No new" not in incident.title


def test_a_none_line_then_a_planned_window_is_no_incident(write_report: WriteReport) -> None:
    body = (
        HEAD_EN + "4. Production Issues\nNo new production incidents this period.\n"
        "Planned: EDC maintenance 15MAR 22:00 to 16MAR 02:00 CST (sites notified).\n\n5. Risks\n\n- none\n"
    )
    assert extract_facts(write_report("wsr.txt", body)).incidents == []
