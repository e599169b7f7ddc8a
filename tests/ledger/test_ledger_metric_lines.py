"""Metric values in the shapes teams write them outside a metrics table: a name carrying its
period, a label line over a list, a metric in parentheses, a `label: value` line, `.709`."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.metric_read import read_pairs
from index.ledger.store import Ledger
from index.verify import Verifier

from .conftest import WriteReport, build

HEAD_ZH = "# 设备组周报 2025-03-07\n\n"
HEAD_EN = "# Storage team update 2025-03-07\n\n"


def points(write_report: WriteReport, body: str) -> list[tuple[str, float, str]]:
    """The report's metric points; a tentative one (a lone figure) is a metric only if the series
    tells it again, which one report cannot show (test_ledger_metric_recurrence)."""
    metrics = [m for m in extract_facts(write_report("r.md", body)).metrics if not m.tentative]
    verifier = Verifier()
    assert all(verifier.check(m.evidence) for m in metrics)
    return [(m.name, m.value, m.unit) for m in metrics]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            HEAD_EN + "## By the numbers\n- Merged PRs in February: 1,106\n- Tickets closed this week: 23\n",
            [("Merged PRs", 1106.0, ""), ("Tickets closed", 23.0, "")],
        ),
        (
            HEAD_EN + "## Numbers\n- Bugs fixed since last release: 41\n- Signups in Q3 2024: 4.1k\n",
            [("Bugs fixed", 41.0, ""), ("Signups", 4100.0, "")],
        ),
    ],
)
def test_the_period_is_not_part_of_the_name(
    write_report: WriteReport, body: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from goals-monthly-oss: "Merged PRs in September" is the same metric every month.
    assert points(write_report, body) == expected


def test_a_metric_named_with_its_month_links_across_months(ledger: Ledger, write_report: WriteReport) -> None:
    first = "# OSS monthly 2024-09-30\n\n## By the numbers\n- Merged PRs in September: 1,412\n"
    second = "# OSS monthly 2024-10-31\n\n## By the numbers\n- Merged PRs in October: 1,538\n"
    build(ledger, [write_report("o/m9.md", first), write_report("o/m10.md", second)])
    series = {s.key: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert series == {"mergedprs": [1412.0, 1538.0]}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a metrics label line opens a list inside another section
        (
            HEAD_ZH + "## 线上情况\n\n本期无线上问题。\n\n指标（截至 3/6）：\n\n- 设备在线率 99.2%\n"
            "- 激活设备数 38.7万\n\n## 下期计划\n\n- 固件 v2 提测\n",
            [("设备在线率", 99.2, "%"), ("激活设备数", 387000.0, "")],
        ),
        # the same list without its label: bullets that are each only a name and its value
        (
            HEAD_ZH + "## 线上情况\n\n本期无线上问题。\n\n- 设备在线率 99.2%\n- 激活设备数 38.7万\n",
            [("设备在线率", 99.2, "%"), ("激活设备数", 387000.0, "")],
        ),
        # `约` inside a word (预约, 履约) is no "about": a booking rate is a metric (w23-a)
        (
            HEAD_ZH + "## 生产运行\n\n- 设备在线率 99.2%\n- 车辆预约率 46%\n",
            [("设备在线率", 99.2, "%"), ("车辆预约率", 46.0, "%")],
        ),
    ],
)
def test_a_metrics_list_inside_another_section(
    write_report: WriteReport, body: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from bilingual-biweekly-iot.
    assert points(write_report, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # projects' progress as bare pairs: no metric words
        HEAD_ZH + "## 本周\n\n- 固件升级: 80%\n- 网关改造: 50%\n",
        # one bare metric bullet among project lines is not a list
        HEAD_ZH + "## 本周\n\n- 设备在线率 99.2%\n- 网关改造: 50%，状态正常\n",
        # a label that is not about metrics
        HEAD_ZH + "## 本周\n\n计划：\n\n- 固件升级 80%\n- 网关改造 50%\n",
    ],
)
def test_not_a_metrics_list(write_report: WriteReport, body: str) -> None:
    assert points(write_report, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a digest's label lines, under a board column and a sprint heading
        (
            HEAD_EN + "## Done\n\n- APP-12 Offline mode\n\nTickets resolved this week: 26\n\n"
            "## Sprint 9 close\n\n- Velocity: 41 points (committed 45)\n",
            [("Tickets resolved", 26.0, ""), ("Velocity", 41.0, "points")],
        ),
        # terse label lines: a count with its noun, a value that moved, a metric clause after it
        (
            HEAD_ZH + "## wk 12\n\n- 告警: 3次告警, 0 P级\n- 机器: 32 → 24 台 (8 台 调走)\n"
            "- GPU: 24 卡, 利用率 ~85%, 训练 排队\n",
            [("告警", 3.0, "次告警"), ("机器", 24.0, "台"), ("GPU", 24.0, "卡"), ("GPU 利用率", 85.0, "%")],
        ),
    ],
)
def test_a_label_line_reports_its_figure(
    write_report: WriteReport, body: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from jira-digest-mobile and terse-bullets-ml.
    assert points(write_report, body) == expected


@pytest.mark.parametrize(
    "line",
    [
        "- kiln-mig: 80%, eta 4/18, 🟢",  # a project's progress
        "- Owner: 2 people",  # a field
        "- 活动: 10.28提测、11.1上线",  # days
        "- 8元券: 方案胜出",  # no figure first
        "- Headline: a calm week, conversion 2.3% and availability 99.9%",  # prose under a label
        "- 10% 一周: CTR +1.9%",  # a lift
    ],
)
def test_label_lines_that_report_no_figure(write_report: WriteReport, line: str) -> None:
    names = [name for name, _, _ in points(write_report, HEAD_ZH + "## wk 12\n\n" + line + "\n")]
    assert names in ([], ["conversion", "availability"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- 周均告警量：1,860条（无效告警占比38%）",
            [("周均告警量", 1860.0, ""), ("无效告警占比", 38.0, "%")],
        ),
        ("- p99 latency: 320ms (p95 210ms)", [("p99 latency", 320.0, "ms"), ("p95", 210.0, "ms")]),
        ("- Availability: 99.9% (prev 99.4%)", [("Availability", 99.9, "%")]),
        ("- Velocity: 41 (committed 45)", [("Velocity", 41.0, "")]),
    ],
)
def test_a_metric_told_in_parentheses(
    write_report: WriteReport, line: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from wecom-okr-infra: the share of noise beside the alert count it qualifies.
    assert points(write_report, HEAD_ZH + "## 关键指标\n" + line + "\n") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a value written without its leading zero, and the value it moved to
        (
            "- ranker (精排 v3, 多目标): offline AUC .705→.709, eta 3/14, 🟢",
            [("ranker offline AUC", 0.709, "")],
        ),
        ("- retriever: recall@200 .41, serving 定了", [("retriever recall@200", 0.41, "")]),
        ("- ranker: p99 31ms → 33ms, 可接受", [("ranker p99", 33.0, "ms")]),
        # a terse first clause that is not the figure, then the metric
        ("- ranker: AB 10%→20% 流量 (2/27), offline AUC .712, eta 3/14", [("ranker offline AUC", 0.712, "")]),
        # so many units of a model
        ("- GPU: A800 x32, 利用率 ~70%", [("GPU", 32.0, "A800"), ("GPU 利用率", 70.0, "%")]),
        # a lift is not a level
        ("- 实验结论: 8元券胜出, 首单转化率稳定在+11.6%", []),
    ],
)
def test_a_projects_model_metric_under_its_label(
    write_report: WriteReport, line: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from terse-bullets-ml: ".709" is 0.709, "a → b" is b now, "recall@200" is a name.
    assert points(write_report, HEAD_ZH + "## wk 12\n\n" + line + "\n") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "With those fixes in, the move went to 70% yesterday. p95 is holding at 175ms.",
            [("p95", 175.0, "ms")],
        ),
        (
            "The 2.0 release is out, and 2.0 adoption is at 63% of active users.",
            [("2.0 adoption", 63.0, "%")],
        ),
        ("新客次留稳定在38%左右。", [("新客次留", 38.0, "%")]),
        # a one-off measurement, and a share of work, are not levels of a tracked metric
        ("Edge hit ratio is 87% for checkout static assets.", []),
        ("数据同步链路完成POC，同步延迟P99为800ms，满足要求。", []),
        ("The migration is at 40% of queries served from the new cluster.", []),
    ],
)
def test_a_sentence_telling_where_a_metric_stands(
    write_report: WriteReport, sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    # Written from email-prose-retail: one metric in a sentence, told as the level it holds.
    assert points(write_report, HEAD_EN + "## Updates\n\n" + sentence + "\n") == expected


def test_a_run_of_label_lines_in_columns_names_its_figures_with_any_noun_phrase(
    write_report: WriteReport,
) -> None:
    # a generated report's block of `Label:   value` lines: the run, not a metric word, says figures
    body = (
        HEAD_EN + "Cluster health\n"
        "  Build Farm Utilization (7d avg):     84.2%\n"
        "  Peak Queued Jobs:                    3120\n"
        "  Nightly Test Pass Rate:              95.8%\n"
        "  /data/scratch Usage:                 71%\n"
    )
    assert points(write_report, body) == [
        ("Build Farm Utilization", 84.2, "%"),
        ("Peak Queued Jobs", 3120.0, ""),
        ("Nightly Test Pass Rate", 95.8, "%"),
        ("/data/scratch Usage", 71.0, "%"),
    ]


def test_a_labelled_figure_in_a_boards_comment_column(write_report: WriteReport) -> None:
    body = (
        HEAD_EN + "Tier 2 board\n"
        "AREA        Mo Tu We Th Fr   comment\n"
        "SAFETY      G  G  G  G  G    Near misses reported: 4\n"
        "COST        G  G  A  G  G    no variance\n"
    )
    assert points(write_report, body) == [("Near misses reported", 4.0, "")]


def test_a_clock_time_is_no_figure() -> None:
    # a generated report's stamp: neither the hour nor the seconds are a value
    assert read_pairs("Date   : Fri Mar 21 18:11:47 2025", prose=True) == []
    assert [(p.name, p.value) for p in read_pairs("部署 10:30 完成，成功率 99.5%")] == [("成功率", 99.5)]


def test_a_line_of_a_records_fields_holds_no_cell_figures(write_report: WriteReport) -> None:
    body = (
        HEAD_ZH + "## 药房自动化\n\n- 发药机二期\n"
        "     基线完成：2024-04-30    当前预测：2024-05-10    偏差：10\n"
    )
    assert points(write_report, body) == []
