"""An incident's title is the event in the report's words: never the minutes of a clock range cut at
its colon, a weekday or the clock's time zone."""

from __future__ import annotations

from index.ledger.extract import extract_facts

from .conftest import WriteReport

HEAD = "锦川货运 周报 Weekly Ops\n报告期 Period: 2025.04.14 - 2025.04.18\n\n"


def test_a_tagged_line_with_a_clock_range(write_report: WriteReport) -> None:
    body = (
        HEAD
        + "【四、异常 / 事故 Incidents】\n- [P1] 4/15 14:20-16:35 面单 label API 全渠道报错，持续 2小时15分。\n"
    )
    (incident,) = extract_facts(write_report("周报_0418.txt", body)).incidents
    assert incident.title == "面单 label API 全渠道报错"
    assert incident.severity == "P1"


def test_a_labelled_line_with_a_weekday_and_a_time_zone(write_report: WriteReport) -> None:
    body = (
        HEAD
        + "事故 Incident: 4/15 (周二) 09:05-09:52 PT，ONT 仓 库存同步 异常，库存 回写成 旧值，持续 47 分钟。\n"
    )
    (incident,) = extract_facts(write_report("周报_0418.txt", body)).incidents
    assert incident.title == "ONT 仓 库存同步 异常"


def test_a_metric_in_days(write_report: WriteReport) -> None:
    body = HEAD + "【三、KPI】\n- 美线妥投时效 P80：9.1天（目标 ≤9天）\n"
    (metric,) = extract_facts(write_report("周报_0418.txt", body)).metrics
    assert (metric.name, metric.value, metric.unit) == ("美线妥投时效 P80", 9.1, "天")
