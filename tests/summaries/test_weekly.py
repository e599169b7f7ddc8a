"""Weekly executive summaries of the example corpus: content, evidence, limits, determinism."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.verify import Verifier
from summarizer.pipelines import summarize
from summarizer.schemas import ExecutiveSummary
from summarizer.summaries import wording
from summarizer.workspace import Workspace
from tests.summaries.conftest import example_files


def weekly(workspace: Workspace, week: str, series: str) -> ExecutiveSummary:
    return summarize.weekly(workspace, week, series)


def every_citation_verifies(summary: ExecutiveSummary) -> bool:
    verifier = Verifier()
    return all(verifier.check(c) for c in summary.citations())


def test_zh_week_leads_with_what_slipped_and_the_incident(examples: Workspace) -> None:
    s = weekly(examples, "2024-W49", "payments-zh")
    assert s.engine == "local" and s.lang == "zh" and s.week_label == "第49周"
    assert s.headline.startswith("第49周：分账系统升级推迟至12/24")
    assert wording.fits(s.headline, "zh") and len(s.highlights) <= 7
    slipped = [c for c in s.changes if c.kind == "slipped"]
    assert [c.project for c in slipped] == ["分账系统升级", "银企直连接入"]
    assert "12/13→12/24（+11天）" in slipped[0].text and "正式延期" in slipped[0].text
    incident = next(r for r in s.risks if r.kind == "incident")
    assert (incident.severity, incident.severity_label) == ("high", "B级")
    assert "5620笔" in incident.text
    metric = next(m for m in s.metrics if m.name == "一次支付成功率")
    assert (metric.value, metric.previous, metric.delta) == (99.16, 99.2, -0.04)
    assert s.previous_week == "2024-W48"
    outcomes = {p.plan: p.outcome for p in s.plan_vs_actual}
    assert outcomes["银企直连接入：拿到工行明确回复"] == "slipped"
    assert s.next_week[0].text == "入金网关事故复盘会及改进项落地"
    assert every_citation_verifies(s) and s.dropped == 0


def test_en_week_tells_launch_verdicts_pauses_and_incidents(examples: Workspace) -> None:
    s = weekly(examples, "2025-W17", "platform-en")
    assert s.headline.startswith("2025-W17: SEV1 on Apr 22")
    kinds = {c.kind: c for c in s.changes}
    assert "launched Apr 23 (early against Apr 25)" in kinds["launched"].text
    assert kinds["paused"].project == "Cost Explorer Dashboard"
    severities = {r.severity_label: r.severity for r in s.risks if r.kind == "incident"}
    assert severities == {"SEV1": "critical", "SEV3": "medium"}
    assert any("12,800" in r.text for r in s.risks)
    budget = next(m for m in s.metrics if m.name == "error budget")
    assert budget.text.startswith("error budget 38% left (last report 61% left, -23pp)")
    assert every_citation_verifies(s)


def test_stated_risks_carry_status_and_first_week(examples: Workspace) -> None:
    s = weekly(examples, "2024-W44", "payments-zh")
    fund = next(r for r in s.risks if "出金排队" in r.text)
    assert fund.status == "mitigated" and "2024-W43首次提出" in fund.text
    s = weekly(examples, "2025-W18", "platform-en")
    tls = next(r for r in s.risks if "TLS" in r.text)
    assert tls.status == "resolved" and "raised 2025-W15" in tls.text


def test_a_series_first_report_has_no_change_items_only_what_is_due(examples: Workspace) -> None:
    s = weekly(examples, "2025-W14", "platform-en")
    assert s.previous_week is None
    assert not [c for c in s.changes if c.kind == "new_project"]
    assert s.headline.startswith("Week 14: first report, 5 projects tracked")
    assert not s.plan_vs_actual


def test_no_incidents_is_said_in_the_reports_words(examples: Workspace) -> None:
    s = weekly(examples, "2025-W16", "platform-en")
    said = [c for c in s.changes if c.kind == "incident"]
    assert [c.text for c in said] == ["No incidents this week."]
    assert said[0].citations[0].lines == (46, 46)


def test_latest_and_the_series_of_the_latest_report_are_the_default(examples: Workspace) -> None:
    s = summarize.weekly(examples)
    assert (s.week, s.lang) == ("2025-W22", "en")
    assert summarize.weekly(examples, "latest", "payments-zh").week == "2025-W02"


def test_lang_overrides_the_phrases_not_the_reports_words(examples: Workspace) -> None:
    s = summarize.weekly(examples, "2024-W49", "payments-zh", lang="en")
    assert s.lang == "en"
    assert s.headline.startswith("第49周: 分账系统升级 moved to 12/24")


def test_summaries_are_deterministic(examples: Workspace) -> None:
    a = weekly(examples, "2024-W47", "payments-zh").model_dump_json()
    b = weekly(examples, "2024-W47", "payments-zh").model_dump_json()
    assert a == b


@pytest.mark.parametrize(
    ("series", "count", "week"), [("payments-zh", 5, "2024-W45"), ("platform-en", 5, "2025-W18")]
)
def test_a_week_does_not_change_when_later_reports_arrive(
    fresh: Callable[..., Workspace], examples: Workspace, series: str, count: int, week: str
) -> None:
    """What the cache key promises: a weekly summary depends only on its series up to it."""
    early = fresh(example_files({series: count}))
    assert weekly(early, week, series).model_dump() == weekly(examples, week, series).model_dump()
