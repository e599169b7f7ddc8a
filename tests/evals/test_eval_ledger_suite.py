"""The ledger suite on the ledger's real pydantic models: matching rules and listed misses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.schemas import Citation, Incident, Launch, MetricPoint, MetricSeries, Slip
from summarizer.evals.context import EvalContext, LedgerFacts
from summarizer.evals.datasets import Datasets, IncidentCase, LaunchCase, MetricCase, SlipCase
from summarizer.evals.suites import ledger as suite

CITE = Citation(report="/x/payments-zh/2024-W42.md", week="2024-W42", section="s", lines=(1, 1), quote="q")


def gold() -> Datasets:
    data = Datasets(root=Path("."))
    data.slips = [
        SlipCase.model_validate(
            {
                "project": "海外商户收单平台",
                "aliases": ["海外收单"],
                "kind": "date_moved",
                "week": "2024-W45",
                "report": "payments-zh/2024-W45.md",
                "from": "2024-11-22",
                "to": "2024-12-06",
            }
        ),
        SlipCase.model_validate(
            {
                "project": "分账系统升级",
                "kind": "date_moved",
                "week": "2024-W49",
                "report": "payments-zh/2024-W49.md",
                "from": "2024-12-13",
                "to": "2024-12-24",
            }
        ),
    ]
    data.incidents = [IncidentCase(report="payments-zh/2024-W42.md", week="2024-W42", date="2024-10-15")]
    data.launches = [LaunchCase(project="代付通道优化", week="2024-W50", report="payments-zh/2024-W50.md")]
    data.metrics = [
        MetricCase.model_validate(
            {
                "name": "出金有效成功率",
                "series": [
                    {"week": "2024-W41", "report": "payments-zh/2024-W41.md", "value": 99.98},
                    {"week": "2024-W42", "report": "payments-zh/2024-W42.md", "value": "99.98%"},
                ],
            }
        )
    ]
    data.present = {"slips", "incidents", "launches", "metrics"}
    return data


def point(week: str, value: float) -> MetricPoint:
    report = f"/x/payments-zh/{week}.md"
    return MetricPoint(
        name="出金有效成功率",
        key="出金有效成功率",
        value=value,
        report=report,
        week=week,
        date=date(2024, 10, 11),
        evidence=CITE,
    )


def facts() -> LedgerFacts:
    slip = Slip.model_validate(
        {
            "project": "海外收单",
            "kind": "date_moved",
            "from": "2024-11-22",
            "to": "2024-12-06",
            "week": "2024-W45",
        }
    )
    invented = Slip.model_validate(
        {"project": "清结算", "kind": "stalled", "from": "50%", "to": "50%", "week": "2024-W46"}
    )
    incident = Incident(
        title="t",
        report="/x/payments-zh/2024-W42.md",
        week="2024-W42",
        date=date(2024, 10, 18),
        when=date(2024, 10, 15),
        evidence=CITE,
    )
    launch = Launch(
        project="代付通道优化",
        week="2024-W50",
        status="launched",
        launched_on=date(2024, 12, 10),
        verdict="on_time",
    )
    series = MetricSeries(
        name="出金有效成功率",
        key="出金有效成功率",
        unit="%",
        points=[point("2024-W41", 99.98), point("2024-W42", 99.97)],
    )
    return LedgerFacts(slips=[slip, invented], incidents=[incident], launches=[launch], series=[series])


def test_ledger_suite_scores_and_lists() -> None:
    ctx = EvalContext(root=Path("."), data=gold(), ledger=facts)
    result = suite.run(ctx)
    values = {m.name: m.value for m in result.metrics}
    assert values["slips.precision"] == 0.5 and values["slips.recall"] == 0.5
    assert values["incidents.f1"] == 1.0 and values["launches.f1"] == 1.0
    assert values["metrics.series_exact"] == 0.0 and values["metrics.point_accuracy"] == 0.5
    cases = {f.case: f.what for f in result.failures}
    assert cases["slips:分账系统升级 date_moved 2024-W49"].startswith("missed")
    assert cases["slips:清结算 stalled 2024-W46"].startswith("spurious")
    assert cases["metrics:出金有效成功率"] == "2024-W42 want 99.98% got 99.97"


def test_ledger_suite_unavailable_without_ledger() -> None:
    ctx = EvalContext(root=Path("."), data=gold(), unavailable={"ledger": "index.ledger is not built yet"})
    assert suite.run(ctx).unavailable == "index.ledger is not built yet"
