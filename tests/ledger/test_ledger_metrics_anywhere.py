"""Metrics in prose and tables anywhere: multipliers folded in, changes kept apart (zh and en)."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.store import Ledger
from index.verify import Verifier

from .conftest import WriteReport, build

HEAD_ZH = "# 增长组周报 2025-03-07\n\n"
HEAD_EN = "# Growth update 2025-03-07\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a zh summary line: 万 folded in, the change a point of its own
        (
            HEAD_ZH + "本周完成工作：\n本周日活11.9万，环比+6.3%，节后用户回流；新客次留37.9%。\n",
            [("日活", 119000.0, ""), ("日活环比", 6.3, "%"), ("新客次留", 37.9, "%")],
        ),
        # an e-mail's headline paragraph: a line that names two metrics
        (
            HEAD_EN + "Hi all,\n\nHeadline: a calm week. Conversion was 2.31% and availability 99.97%, and"
            " nothing broke.\n",
            [("Conversion", 2.31, "%"), ("availability", 99.97, "%")],
        ),
        # a metrics section in prose: sentences, k and $, (+6% WoW)
        (
            HEAD_EN + "## Metrics\nSignups 4.1k (+6% WoW). CAC $38.20. 7-day activation 34.4%. Beacon "
            "attributes 6% more signups to paid search.\n",
            [
                ("Signups", 4100.0, ""),
                ("Signups WoW", 6.0, "%"),
                ("CAC", 38.2, "$"),
                ("7-day activation", 34.4, "%"),
            ],
        ),
        # a metrics table with a change column; 万元 folded into 元
        (
            HEAD_ZH + "## 三、核心指标\n| 指标 | 本周 | 上周 | 环比 |\n| --- | --- | --- | --- |\n"
            "| 周计算成本 | 38.9万元 | 38.6万元 | +0.8% |\n| 核心报表准时率 | 95.2% | 98.6% | -3.4pt |\n",
            [
                ("周计算成本", 389000.0, "元"),
                ("周计算成本环比", 0.8, "%"),
                ("核心报表准时率", 95.2, "%"),
                ("核心报表准时率环比", -3.4, "pt"),
            ],
        ),
        # a stats heading holds metrics; `·` separates them
        (
            HEAD_EN + "## Cycle stats\n- Scope: 42 issues · Completed: 35 (83%) · Carried over: 7\n"
            "- p95 latency (public API): 212 ms\n",
            [
                ("Scope", 42.0, ""),
                ("Completed", 35.0, ""),
                ("Carried over", 7.0, ""),
                ("p95 latency", 212.0, "ms"),
            ],
        ),
        # a works contract's money figure under a summary heading, with an aside and a full stop
        (
            HEAD_ZH + "## 一、总体情况\n- 累计完成产值：1,180万元（本周新增42万元）。\n",
            [("累计完成产值", 11800000.0, "元")],
        ),
        # a metrics list after an incident's own list, under the incidents heading; a comma inside a
        # metric's bracketed gloss does not cut its name
        (
            HEAD_ZH + "## 五、运行保障（线上问题）\n\n**【故障】北门闸机识别异常**\n\n"
            "- 3月4日07:10—07:40，北门2台闸机人脸识别失败，持续30分钟。\n- 影响：约80人改走人工通道。\n\n"
            "运行指标：\n\n- 闸机识别成功率（全园区，周均）：99.12%（受上述故障影响）\n- 摄像头在线率：97.5%\n",
            [("闸机识别成功率", 99.12, "%"), ("摄像头在线率", 97.5, "%")],
        ),
        (
            HEAD_EN + "## Metrics\n- MAU: 1.2M\n- GMV：3.5亿\n- p99 latency: 320ms\n",
            [
                ("MAU", 1200000.0, ""),
                ("GMV", 350000000.0, ""),
                ("p99 latency", 320.0, "ms"),
            ],
        ),
    ],
)
def test_metrics_anywhere(
    write_report: WriteReport, body: str, expected: list[tuple[str, float, str]]
) -> None:
    metrics = extract_facts(write_report("r.md", body)).metrics
    assert [(m.name, m.value, m.unit) for m in metrics] == expected
    verifier = Verifier()
    assert all(verifier.check(m.evidence) for m in metrics)


@pytest.mark.parametrize(
    "body",
    [
        # progress, rollout shares, targets, a lift, a one-off figure of a project
        HEAD_ZH + "## 本周工作\nKR2 召回模型v3全量 ｜ 进度 3/5\n- 召回模型v3开AB，先5%流量，灰度10%。\n",
        HEAD_ZH + "## 本周工作\n- 目标日活15万，新客次留目标40%。\n",
        HEAD_ZH + "## 本周工作\n- 实验跑满7天，首单转化率+12%（置信度92%），再跑一周。\n",
        HEAD_ZH + "## 本周工作\n- 数据同步链路完成POC，同步延迟P99为800ms，满足要求。\n",
        HEAD_EN
        + "## Projects\nSearch migration: we are now at 40% of queries served from the new cluster.\n",
        HEAD_EN + "## Projects\n- Edge hit ratio is 87% for checkout static assets.\n",
        # an incident's impact is not a metric
        HEAD_ZH
        + "## 本周工作\n故障复盘：周二晚约6.8万用户收到重复推送，定级P2，推送成功率跌到92%、可用性99.1%。\n",
    ],
)
def test_not_metrics(write_report: WriteReport, body: str) -> None:
    # a lone figure may be kept as tentative: a metric only when the series tells it again
    assert [m for m in extract_facts(write_report("r.md", body)).metrics if not m.tentative] == []


def test_a_metric_in_prose_links_across_weeks_by_name(ledger: Ledger, write_report: WriteReport) -> None:
    first = HEAD_ZH + "本周完成工作：\n本周日活11.9万，环比+6.3%；新客次留37.9%。\n"
    second = "# 增长组周报 2025-03-14\n\n本周完成工作：\n日活12.1万，环比+1.7%；新客次留38.4%。\n"
    build(ledger, [write_report("g/w1.md", first), write_report("g/w2.md", second)])
    series = {s.name: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert series == {"日活": [119000.0, 121000.0], "日活环比": [6.3, 1.7], "新客次留": [37.9, 38.4]}


def test_one_teams_two_names_for_a_metric_are_one_series(ledger: Ledger, write_report: WriteReport) -> None:
    """`blended CAC` then `CAC` is one metric; `日活` and `双11峰值日活` in one report are two."""
    first = HEAD_EN + "## Metrics\nSignups 3.62k, blended CAC $41.10.\n"
    second = "# Growth update 2025-03-14\n\n## Metrics\nSignups 3.71k. CAC $40.35.\n"
    third = HEAD_ZH + "## 数据\n- 本周日活15.2万，双11峰值日活21.7万\n"
    build(
        ledger,
        [write_report("g/w1.md", first), write_report("g/w2.md", second), write_report("z/w1.md", third)],
    )
    series = {s.key: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert series == {
        "signups": [3620.0, 3710.0],
        "cac": [41.1, 40.35],
        "日活": [152000.0],
        "双11峰值日活": [217000.0],
    }
    first_source = next(r.source for r in ledger.reports() if r.source.endswith("g/w1.md"))
    second_source = next(r.source for r in ledger.reports() if r.source.endswith("g/w2.md"))
    deltas = {d.key: d.delta for d in views.changes(ledger, first_source, second_source).metric_deltas}
    assert deltas == {"signups": 90.0, "cac": -0.75}


def test_a_table_of_metrics_outside_a_metrics_section_is_read(write_report: WriteReport) -> None:
    """`指标 | 本期 | 上期` rows with no delimiter row, under a title no heading splits: this period's
    column, with its currency, and each quote verifies against the file."""
    report = write_report(
        "第3期.txt",
        "华东拓展双周报 | 2024年第3期 | 2024-02-02\n\n指标        | 本期   | 上期\n在营门店    | 42家   | 42家\n"
        "客单价      | ¥24.6  | ¥23.8\n会员数      | 89.3万 | 87.9万\n",
    )
    metrics = extract_facts(report).metrics
    assert [(m.name, m.value, m.unit) for m in metrics] == [
        ("在营门店", 42.0, ""),
        ("客单价", 24.6, "¥"),
        ("会员数", 893000.0, ""),
    ]
    assert all(Verifier().check(m.evidence) for m in metrics)


def test_a_logframe_indicator_table_reads_the_measured_column(write_report: WriteReport) -> None:
    """`| Code | Indicator | LoP target | This period | Cumulative / current |`: the indicator is named in
    the second column; the current value is read, this period's when no current one is written, and
    the life-of-project target never."""
    report = write_report(
        "update-14.md",
        "# Field update No. 14, 2025-03-20\n\n## 4. Indicator tracker\n\n"
        "| Code | Indicator | LoP target | This period | Cumulative / current |\n|---|---|---|---|---|\n"
        "| 1.a | % of wells working at spot check | 90% | — | 81% |\n"
        "| 1.b | People with new access to safe water | 40,000 | 700 | 18,200 |\n"
        "| 3.a | Cases treated by health volunteers | — | 310 | — |\n",
    )
    metrics = extract_facts(report).metrics
    assert [(m.name, m.value) for m in metrics] == [
        ("% of wells working at spot check", 81.0),
        ("People with new access to safe water", 18200.0),
        ("Cases treated by health volunteers", 310.0),
    ]
