"""Incident tables in other teams' words: 现象/Start/ID columns, dotted days, a row's cells as written."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.store import Ledger
from index.verify import Verifier

from .conftest import WriteReport, build

ZH_TABLE = """
# 数据组周报 2025-04-11

## 四、线上问题
| 时间 | 级别 | 现象 | 影响 | 时长 | 根因 / 跟进 |
| --- | --- | --- | --- | --- | --- |
| 4.9 02:10 | S2 | 调度进程OOM退出，凌晨批任务未调起 | 日报延迟到10:40发出 | 约3小时 | 内存上限调大 |
"""

EN_TABLE = """
# Security weekly 2025-04-11

## Incidents
| Start | ID | Severity | Duration | Summary | Status |
|---|---|---|---|---|---|
| 2025-04-09 14:20 UTC | SIR-0412 | Sev 2 | 95 min | Credential-stuffing burst against login. | Contained |
"""

EN_LINE = """
# API cycle update 2025-05-23

## Incidents & follow-ups
- **INC-244** · Sev 3 · 18 min — tenants hit spurious 429s after a config push (May 20, 16:02–16:20 UTC).
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ZH_TABLE, (date(2025, 4, 9), "4.9 02:10", "S2", 180.0, "调度进程OOM退出", "日报延迟到10:40发出")),
        (
            EN_TABLE,
            (
                date(2025, 4, 9),
                "2025-04-09 14:20 UTC",
                "Sev 2",
                95.0,
                "SIR-0412 Credential-stuffing burst against login",
                None,
            ),
        ),
        (
            EN_LINE,
            (
                date(2025, 5, 20),
                "May 20, 16:02–16:20 UTC",  # the clock span is part of when
                "Sev 3",
                18.0,
                "INC-244 — tenants hit spurious 429s after a config push",
                None,
            ),
        ),
    ],
)
def test_incident_rows_and_lines(write_report: WriteReport, text: str, expected: tuple[object, ...]) -> None:
    (incident,) = extract_facts(write_report("r.md", text)).incidents
    got = (
        incident.when,
        incident.when_text,
        incident.severity,
        incident.duration_minutes,
        incident.title,
        incident.impact,
    )
    assert got == expected
    assert Verifier().check(incident.evidence)


MINUTES_W1 = """
# 风控策略周会纪要 2024-08-08

## 二、线上问题回顾

### 8月6日 决策引擎超时导致放款审批卡单

- 时间：8月6日（周二）17:20-18:00，持续约40分钟。
- 现象：审批请求大量排队，约 1,100 笔申请审批延迟。
- 定级：P2。
- 处置：扩容引擎节点并限流，18:00 恢复。
- 初步原因：营销活动规则引用了未加缓存的外部数据源。
- 复盘会定于8月13日。
"""

MINUTES_W2 = """
# 风控策略周会纪要 2024-08-15

## 二、线上问题回顾

### 8月6日决策引擎超时复盘结论

- 8月13日已完成复盘。根因：外部数据源未配置缓存，老引擎缺少单规则超时熔断。
- 改进项：
  - 老引擎增加单规则超时熔断（已完成）
- 主动放弃的客户已由客服逐一回访。
"""

GOALS = """
---
title: "October 2024 goals update"
date: 2024-10-31
---

## Infrastructure incidents

On October 8, the package index served stale metadata for about 3 hours (14:10–17:05 UTC). Versions
published in that window were not visible until the cache was purged. Severity: SEV-2.
"""


def test_a_heading_over_an_incidents_fields_is_one_incident(
    ledger: Ledger, write_report: WriteReport
) -> None:
    """Items labelled 时间/定级/处置 are one incident's fields; a retelling under a dated heading links."""
    first = write_report("m/w1.md", MINUTES_W1)
    (incident,) = extract_facts(first).incidents
    assert (incident.when, incident.severity, incident.duration_minutes) == (date(2024, 8, 6), "P2", 40)
    assert incident.title == "决策引擎超时导致放款审批卡单"
    assert incident.cause == "营销活动规则引用了未加缓存的外部数据源"
    assert Verifier().check(incident.evidence)
    (retold,) = extract_facts(second := write_report("m/w2.md", MINUTES_W2)).incidents
    assert retold.when == date(2024, 8, 6)
    build(ledger, [first, second])
    assert [i.report for i in views.incidents(ledger)] == [first.source]


def test_a_heading_that_only_says_incidents_lets_the_body_tell_it(write_report: WriteReport) -> None:
    (incident,) = extract_facts(write_report("g.md", GOALS)).incidents
    assert (incident.when, incident.severity, incident.duration_minutes) == (date(2024, 10, 8), "SEV-2", 180)
    assert incident.evidence.quote.startswith("On October 8, the package index")


def test_a_log_table_under_an_untagged_title_is_read_by_its_columns(write_report: WriteReport) -> None:
    # a report writer's banner over the table is no heading; a severity, a duration and a
    # description make the rows incidents; the day and the start clock stand in two columns, the
    # duration's unit in its header; a risk table's `Score` is no severity
    report = write_report(
        "highlight_140624.md",
        """
        # Fleet Programme Highlight Report
        Week ending: 14/06/2024

        ## Workstreams
        | Ref | Workstream | RAG | Forecast |
        | --- | --- | --- | --- |
        | WS01 | Depot chargers | A | 28/06/2024 |

        Disruptions (from Ops log) - period 10/06/2024 - 14/06/2024

        | Log ID | Date | Start | Sev | Duration (mins) | Description | Impact |
        | --- | --- | --- | --- | --- | --- | --- |
        | OPS-0311 | 11/06/2024 | 07:40 | P2 | 85 | Route app failed to load round lists. | 40 late collections |

        | ID | WS | Description | Score | Owner |
        | --- | --- | --- | --- | --- |
        | R02 | WS01 | Grid connection late | 12 | C. Bell |
        """,
    )
    incidents = extract_facts(report).incidents
    assert [(i.when, i.severity, i.duration_minutes) for i in incidents] == [(date(2024, 6, 11), "P2", 85.0)]
    assert incidents[0].title.startswith("OPS-0311 ")


def test_a_heading_with_the_kind_and_severity_titles_the_record_below_it(write_report: WriteReport) -> None:
    # a docs page's subsection per incident: the kind's word and the severity, then what broke; the
    # day stands in the paragraph under it
    report = write_report(
        "2025-06-13.md",
        """
        # Render weekly — 13 Jun 2025

        ## Incidents

        ##### Incident — P2, /proj/glo full
        The GLO volume filled at 03:05 on Wed 11 Jun and stayed full until 04:20.
        About 600 farm tasks failed.
        """,
    )
    [incident] = extract_facts(report).incidents
    assert (incident.title, incident.when, incident.severity) == ("/proj/glo full", date(2025, 6, 11), "P2")
