"""Reports kept as some tool's output, each with a trap of its own: a MySQL client's printout (echoed
statements, `+---+` tables, a `\\G` record, a steps table keyed to the projects), and a meeting app's
AI minutes (chapters at recording offsets over prose, a speaker's part named as the header lists
them, a status table lined up with spaces under a caption, a supplier's arrival day beside the
project's own). Written from wave 46; the texts are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.extract import extract_facts
from index.mysql_client import looks_like_mysql_client, read_mysql_client

from .conftest import Series, WriteReport

_RULE = "--------------"


def _printout(day: str, state: str, target: str, incident: bool) -> str:
    record = (
        "*************************** 1. row ***************************\n"
        f"  发生时间: {day} 07:41:00\n"
        "      系统: 旅客引导显示系统\n"
        "      等级: 一般\n"
        "时长_分钟: 24\n"
        "      影响: 候车大厅引导屏停止刷新，人工广播补位\n"
        "1 row in set (0.00 sec)\n"
        if incident
        else "Empty set (0.00 sec)\n"
    )
    return (
        "mysql: [Warning] Using a password on the command line interface can be insecure.\n"
        f"{_RULE}\nSELECT NOW() AS 生成时间, '东站旅服周报' AS 报表\n{_RULE}\n\n"
        "+---------------------+--------------+\n"
        "| 生成时间            | 报表         |\n"
        "+---------------------+--------------+\n"
        f"| {day} 17:30:02 | 东站旅服周报 |\n"
        "+---------------------+--------------+\n"
        "1 row in set (0.00 sec)\n\n"
        f"{_RULE}\nSELECT bh AS 编号, xmmc AS 项目名称, zt AS 状态, CONCAT(jd, '%') AS 进度, jhwc AS 计划完成 "
        f"FROM xm ORDER BY bh\n{_RULE}\n\n"
        "+------+------------------------+--------+------+------------+\n"
        "| 编号 | 项目名称               | 状态   | 进度 | 计划完成   |\n"
        "+------+------------------------+--------+------+------------+\n"
        f"| P01  | 东进站口闸机扩容       | {state} | 55%  | {target} |\n"
        "+------+------------------------+--------+------+------------+\n"
        "1 row in set (0.00 sec)\n\n"
        f"{_RULE}\nSELECT bh AS 编号, jdmc AS 节点, jhrq AS 节点日期, zt AS 节点状态 FROM jd\n{_RULE}\n\n"
        "+------+--------------------+------------+----------+\n"
        "| 编号 | 节点               | 节点日期   | 节点状态 |\n"
        "+------+--------------------+------------+----------+\n"
        "| P01  | 剩余闸机到货       | 2025-03-25 | 已完成   |\n"
        "| P01  | 夜间联调           | 2025-03-27 | 待执行   |\n"
        "+------+--------------------+------------+----------+\n"
        "2 rows in set (0.00 sec)\n\n"
        f"{_RULE}\nSELECT fssj AS 发生时间, xt AS 系统, dj AS 等级, sc AS 时长_分钟, yx AS 影响 FROM gz\n{_RULE}\n\n"
        f"{record}\nBye\n"
    )


def test_a_mysql_printout_reads_as_sections_tables_and_records(
    series: Series, write_report: WriteReport
) -> None:
    text = _printout("2025-03-14", "有风险", "2025-03-28", incident=True)
    raw = text.splitlines()
    assert looks_like_mysql_client(raw)
    lines = dict(read_mysql_client(raw))
    assert lines[1] == ""  # the client's warning
    assert lines[3] == "## 生成时间 · 报表"  # a query is headed by the names it selects
    assert lines[8] == "|---|---|"  # the border under a header is a Markdown rule, the others blank
    assert lines[6] == "" and lines[10] == ""
    record = {t for t in lines.values() if t.startswith(("系统:", "时长_分钟:"))}
    assert record == {"系统: 旅客引导显示系统", "时长_分钟: 24"}  # a record's fields, their padding gone
    facts = extract_facts(write_report("zb_20250314.txt", text))
    # the incident's fields read as one (its duration's unit in the field's name)
    assert [(str(i.when), i.duration_minutes) for i in facts.incidents] == [("2025-03-14", 24.0)]
    # the steps table is keyed to the project, not a project of its own (`P01 … 已完成` is no launch)
    assert {o.project for o in facts.observations} == {"东进站口闸机扩容"}
    ledger = series(
        [
            ("zb_20250314.txt", text),
            ("zb_20250321.txt", _printout("2025-03-21", "延期  ", "2025-04-18", incident=False)),
        ]
    )
    moves = {(s.project, s.kind, s.to) for s in views.slips(ledger) if s.kind == "date_moved"}
    assert moves == {("东进站口闸机扩容", "date_moved", "2025-04-18")}
    assert not views.launches(ledger)


_MINUTES = """\
腾讯会议 · 智能纪要

会议主题：数字车间项目第{n}次周例会
会议时间：{day} 14:00-15:10 (GMT+08:00) 中国标准时间 - 北京
参会人（4）：周明远-信息中心、韩涛-衡智科技、吴凯-专网项目组、车间会议室

以下内容由AI生成，仅供参考。

【会议摘要】
本次会议回顾了各子项目进展。

【章节速览】
00:00:06 开场
周明远：例会从周四顺延到周五上午，下次例会暂停一次。

00:04:51 卷包数采升级
韩涛介绍，{done}/32台机组完成接入，按{target}全面上线推进，{light}。

00:12:10 专网远程运维试点
吴凯确认基站设备按{arrival}进场，5月底完成试点验收，绿灯。

00:20:40 会议安排
下周例会暂停一次，下次例会顺延到月底。

【发言总结】
周明远-信息中心：
强调各子项目不得擅自调整上线时间，年底前通过验收。

【PMO补充】项目红黄绿灯一览
序号  子项目          状态灯  计划完成  进度
1     卷包数采升级      {letter}      {short}     {done}/32台
"""


def test_meeting_minutes_chapters_are_projects_and_their_speakers_are_not(
    series: Series, write_report: WriteReport
) -> None:
    first = _MINUTES.format(
        n=21,
        day="2025/02/27",
        done=12,
        target="4月30日",
        light="绿灯",
        arrival="3月12日",
        letter="绿",
        short="4.30",
    )
    facts = extract_facts(write_report("纪要_第21次.txt", first))
    projects = {o.project for o in facts.observations}
    # a chapter at its recording offset is a project's part; the speaker, the meeting's opening and
    # the app's own parts are not
    assert projects == {"卷包数采升级", "专网远程运维试点"}
    pilot = [o for o in facts.observations if o.project == "专网远程运维试点"]
    # the day the base station arrives is the supplier's; the pilot is due at the end of May
    assert [str(o.target) for o in pilot] == ["2025-05-31"]
    second = _MINUTES.format(
        n=22,
        day="2025/03/06",
        done=20,
        target="5月20日",
        light="黄灯",
        arrival="3月20日",
        letter="黄",
        short="5.20",
    )
    ledger = series([("纪要_第21次.txt", first), ("纪要_第22次.txt", second)])
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    # `全面上线` is the project's launch day (`按5月20日全面上线推进`), and the table says so too
    assert ("卷包数采升级", "date_moved") in slips and ("卷包数采升级", "status_downgrade") in slips
    # the arrival moved, not the pilot
    assert not {kind for project, kind in slips if project == "专网远程运维试点"}


def test_a_light_said_last_is_the_state_over_a_move_word_before_it(write_report: WriteReport) -> None:
    text = _MINUTES.format(
        n=23,
        day="2025/03/13",
        done=20,
        target="5月20日",
        light="绿灯",
        arrival="3月20日",
        letter="绿",
        short="5.20",
    ).replace("吴凯确认基站设备按3月20日进场", "吴凯说明，基站进场时间从3月12日推迟到3月20日")
    facts = extract_facts(write_report("纪要_第23次.txt", text))
    pilot = [o for o in facts.observations if o.project == "专网远程运维试点"]
    assert [(o.status, str(o.target)) for o in pilot] == [("on_track", "2025-05-31")]


def test_a_cause_said_after_a_name_is_no_part_of_it() -> None:
    from index.ledger.prose_names import discover

    found = discover(
        [
            ("qi11", "电子证照库三期因户籍类证照审批未批复转黄灯。"),
            ("qi18", "电子证照库三期因“不动产权证书”数据差异再次顺延，亮红灯。"),
        ]
    )
    assert "电子证照库三期" in found and "电子证照库三期因" not in found


_CHAT_REPORT = """\
# Desk 周报 第{n}期

2025-03-{day}

*一、项目*
1) MFM Live — {state}
   - 进度 60%, {target_line}
   - 监管截止 {rule}, 子任务 deadline {step}
"""


def test_a_target_set_on_a_note_line_and_its_move_are_the_projects(series: Series) -> None:
    ledger = series(
        [
            (
                "w10.md",
                _CHAT_REPORT.format(
                    n=31, day="07", state="🟡 有风险", target_line="目标 29/3", rule="31/3", step="20/4"
                ),
            ),
            (
                "w11.md",
                _CHAT_REPORT.format(
                    n=32,
                    day="14",
                    state="🔴 受阻",
                    target_line="目标改到 12/4 (mid-Apr)",
                    rule="30/4",
                    step="27/4",
                ),
            ),
        ]
    )
    moves = {(s.project, s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"}
    # the regulator's deadline and a sub-task's are neither day
    assert moves == {("MFM Live", "2025-03-29", "2025-04-12")}


_WC_PAGE = """\
::: info
Digital weekly update · author Priya
:::

## Incidents

**INC-25-07 — Mill 1 crash during a 5-axis cycle (P2)**

* Wed 05/03, 14:20. A ball-nose tool snapped mid-cycle; collet damaged.
* Mill 1 down until Thu 06/03 11:00, engineer same-day callout.
* Impact: 14 units scrapped, 9 cases dispatched a day late.
"""


def test_a_week_commencing_page_tells_its_week_and_a_keyed_heading_is_one_incident(
    write_report: WriteReport,
) -> None:
    report = write_report("Digital update WC 03.03.25.md", _WC_PAGE)
    assert str(report.date) == "2025-03-07"  # the Monday opens the week; the page is of its end
    incidents = extract_facts(report).incidents
    # its Wednesday's crash is no future event, and its lines are one incident's, not three
    assert [(str(i.when), i.severity) for i in incidents] == [("2025-03-05", "P2")]


_CARDS = """\
# LiveOps board — 2025-04-25

## Notes

- QA sign-off slipped from 22/4 to 28/4 (device lab outage). The rollout target does not change.

## Incidents

### INC-0422 库存同步延迟 → 超卖
`#35` · 🏷 incident · 🏷 P2 · 👤 chen.yu

- 4/22（周二）14:10 起库存回调积压约 55 分钟，3 个爆款超卖
- 已加积压告警
"""


def test_a_cards_incident_is_dated_below_its_tags_and_a_slips_reason_is_none(
    write_report: WriteReport,
) -> None:
    incidents = extract_facts(write_report("board-2025-04-25.md", _CARDS)).incidents
    # the card's day is the first line under its tags that writes one; the lab outage only moved a step
    assert [(str(i.when), i.severity, i.duration_minutes) for i in incidents] == [("2025-04-22", "P2", 55.0)]
