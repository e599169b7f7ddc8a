"""Countdown and PMO tables as Chinese teams write them: a `倒排目标` column of `D-30（5/19）` days,
planned and actual progress side by side, a bold lead that is the week's news, a step done under
a project whose row is still running. Written from two blind series of wave 18 (a promotion's
countdown weekly, a core-banking PMO weekly); the reports below are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport


def _week(day: str, rows: str, news: str) -> str:
    return f"""# 仓配系统组 · 大促倒排周报

> 发出：{day}

## 一、倒排总览

| # | 项目 | Owner | 倒排目标 | 计划进度 | 实际进度 | 灯 |
|---|------|-------|----------|----------|----------|----|
{rows}

## 二、本周完成

{news}
"""


def test_countdown_column_and_actual_progress(series: Series) -> None:
    ledger = series(
        [
            (
                "大促周报_D-40.md",
                _week(
                    "2025-05-09（周五）",
                    "| 1 | 库存预留改造 | 韩一 | D-30（5/19）全量 | 60% | 55% | 绿 |",
                    "- 库存预留改造：回滚开关开发完成。",
                ),
            ),
            (
                "大促周报_D-33.md",
                _week(
                    "2025-05-16（周五）",
                    "| 1 | 库存预留改造 | 韩一 | D-23（5/26）全量 | 75% | 55% | 黄 |",
                    "- 库存预留改造：联调环境对接完成。",
                ),
            ),
            (
                "大促周报_D-26.md",
                _week(
                    "2025-05-23（周五）",
                    "| 1 | 库存预留改造 | 韩一 | D-23（5/26）全量 | 90% | 55% | 黄 |",
                    "- 库存预留改造：压测脚本评审完成。",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind, str(s.from_), str(s.to)) for s in views.slips(ledger)}
    assert ("库存预留改造", "date_moved", "2025-05-19", "2025-05-26") in slips
    # 55% three times is a stall: the actual column, not the plan's 60% -> 75%
    assert any(s[1] == "stalled" for s in slips)
    # a step done under the project while its row says 55% and yellow: no launch, no finish
    assert not views.launches(ledger)


def test_a_bold_lead_with_news_is_named_before_its_colon(write_report: WriteReport) -> None:
    text = """# 周报

## 本周完成

- **面单迁移：5/20 两仓全量切换到新面单**，按计划完成。
"""
    facts = extract_facts(write_report("2025-05-23.md", text))
    assert "面单迁移" in {o.project for o in facts.observations}


def test_a_state_word_inside_another_word_ends_no_name(write_report: WriteReport) -> None:
    text = """# Weekly

## Projects

- Clinic SSO unblocked: the tenant arrived.
- Borehole rehab now at risk: parts held at customs.
"""
    facts = extract_facts(write_report("2025-03-10.md", text))
    names = {o.project: o.status for o in facts.observations}
    assert "Clinic SSO unblocked" in names and names["Clinic SSO unblocked"] != "blocked"
    assert names.get("Borehole rehab") == "at_risk"


def test_a_unit_in_brackets_after_a_metric_name_is_its_unit(write_report: WriteReport) -> None:
    text = """# 项目周报 2025-09-26

## 测试情况

| 指标 | 上期 | 本期 |
|---|---|---|
| 遗留缺陷（个） | 73 | 61 |
| 其中严重及以上（个） | 16 | 14 |
| SIT案例执行率（累计） | 80% | 86% |
"""
    facts = extract_facts(write_report("2025-09-26.md", text))
    found = {(m.name, m.unit) for m in facts.metrics}
    assert ("遗留缺陷", "个") in found and ("其中严重及以上", "个") in found
    assert any(name == "SIT案例执行率（累计）" for name, _ in found)  # a qualifier, no unit


def test_planned_work_and_a_dismissed_figure_in_incident_items_are_none(write_report: WriteReport) -> None:
    text = """# Ops weekly 2024-10-07

## 2. Incidents & notices

- Networks did planned work on the campus border routers Sat 5 Oct 07:00–09:00. Transfers paused and resumed.
- The DOWN figure above is the scheduler's maintenance window (1–2 Oct). Planned, announced, not an incident.
- **INC-31** · Thu 3 Oct 10:32–10:58 · Sev3 · the scheduler crashed after a bad config push.
"""
    facts = extract_facts(write_report("ops-2024-wk40.md", text))
    assert [i.title[:6] for i in facts.incidents] == ["INC-31"]


def test_a_false_alarm_among_an_outage_s_lines_keeps_the_outage(write_report: WriteReport) -> None:
    # Written from cw-txt-opl (a regression the whole-zoo run showed): the alerts the outage delayed
    # were false alarms; the outage was not.
    text = """# 周报 2025-04-11

## 现场问题/质量事件

- ★ 4/8 14:05-14:45 监控平台告警推送中断约40分钟（定级P2）
  - 影响：共有3条告警延迟推送，事后核查均为误报
"""
    facts = extract_facts(write_report("2025-04-11.md", text))
    assert len(facts.incidents) == 1
