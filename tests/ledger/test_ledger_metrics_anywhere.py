"""Metrics in sections and tables: values in any notation, changes kept apart (zh and en)."""

from __future__ import annotations

import pytest

from index.ledger.extract import extract_facts
from index.verify import Verifier

from .conftest import WriteReport

HEAD_ZH = "# 增长组周报 2025-03-07\n\n"
HEAD_EN = "# Growth update 2025-03-07\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
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
def test_metrics_in_sections_and_tables(
    write_report: WriteReport, body: str, expected: list[tuple[str, float, str]]
) -> None:
    metrics = extract_facts(write_report("r.md", body)).metrics
    assert [(m.name, m.value, m.unit) for m in metrics] == expected
    verifier = Verifier()
    assert all(verifier.check(m.evidence) for m in metrics)
