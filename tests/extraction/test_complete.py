"""What a model's verified facts may add to a report's rules facts: gaps only, never overwrites."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from index.ledger.complete import complete
from index.ledger.extract import ReportFacts
from index.schemas import Citation, Incident, MetricPoint, Observation
from index.verify import Verifier

DAY = dt.date(2024, 11, 8)


def cite(line: int) -> Citation:
    return Citation(report="r.md", week="2024-W45", section="", lines=(line, line), quote="q")


def obs(project: str, line: int, **fields: Any) -> Observation:
    return Observation(
        project=project, report="r.md", week="2024-W45", date=DAY, evidence=cite(line), **fields
    )


@pytest.mark.parametrize(
    ("rules", "model", "kept", "conflicts", "duplicates"),
    [
        # A project the rules did not find: kept whole.
        ([], obs("用户画像中台", 3, progress=60), {"progress": 60}, 0, 0),
        # The rules found it without a target: the target fills the gap, under the rules' name.
        (
            [obs("用户画像中台迁移", 3, status="at_risk")],
            obs("用户画像中台", 4, target=DAY),
            {"target": DAY},
            0,
            0,
        ),
        # The same status: nothing new.
        ([obs("Falcon", 5, status="blocked")], obs("Falcon", 5, status="blocked"), None, 0, 1),
        # A different status: the rules' stays, the model's is a conflict.
        ([obs("Falcon", 5, status="blocked")], obs("Falcon", 5, status="on_track"), None, 1, 0),
        # A conflict and a gap in one fact: the gap is kept, the conflict is not.
        (
            [obs("Falcon", 5, status="blocked")],
            obs("Falcon", 5, status="on_track", progress=40),
            {"progress": 40, "status": None},
            1,
            0,
        ),
        # A junk rules name on the same line is the same mention: its status is not replaced.
        (
            [obs("New item on the list", 15, status="on_track")],
            obs("PCI DSS 4.0", 15, status="at_risk"),
            None,
            1,
            0,
        ),
    ],
)
def test_model_facts_fill_gaps_only(
    rules: list[Observation], model: Observation, kept: dict[str, Any] | None, conflicts: int, duplicates: int
) -> None:
    done = complete(ReportFacts(observations=rules), ReportFacts(observations=[model]))
    assert len(done.conflicts) == conflicts
    assert done.duplicates == duplicates
    if kept is None:
        assert done.observations == []
        return
    (added,) = done.observations
    assert added.source == "llm"
    assert added.project == (rules[0].project if rules else model.project)
    for name, value in kept.items():
        assert getattr(added, name) == value


def test_incidents_and_metrics_the_rules_hold_are_kept_out() -> None:
    incident = Incident(
        title="支付超时", report="r.md", week="2024-W45", date=DAY, when=DAY, evidence=cite(9)
    )
    retold = incident.model_copy(update={"evidence": cite(12)})
    other = incident.model_copy(update={"when": None, "evidence": cite(20)})
    metric = MetricPoint(
        name="日活", key="日活", value=123000, report="r.md", week="2024-W45", date=DAY, evidence=cite(4)
    )
    done = complete(
        ReportFacts(incidents=[incident], metrics=[metric]),
        ReportFacts(
            incidents=[retold, other],
            metrics=[
                metric.model_copy(update={"value": 120000}),
                metric.model_copy(update={"name": "CTR", "key": "ctr"}),
            ],
        ),
    )
    assert [i.evidence.lines for i in done.incidents] == [(20, 20)]
    assert [m.key for m in done.metrics] == ["ctr"]
    assert done.conflicts == ["metric 日活: 120000 (rules: 123000)"]
    assert done.duplicates == 1


def test_the_verifier_locates_a_quote_on_chinese_lines(tmp_path: Path) -> None:
    report = tmp_path / "2024-W45.md"
    report.write_text(
        "# 第45周 2024-11-08\n\n- **用户画像中台**：进度 六成，\n  预计 11月底 上线\n- 风控引擎：正常\n",
        encoding="utf-8",
    )
    verifier = Verifier()
    assert verifier.locate(str(report), "用户画像中台：进度六成") == (3, 3)
    assert verifier.locate(str(report), "进度 六成，预计11月底上线") == (3, 4)  # across a wrapped line
    assert verifier.locate(str(report), "风控引擎：延期") is None
    assert verifier.locate(str(report), "   ") is None
