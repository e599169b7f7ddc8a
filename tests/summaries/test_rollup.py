"""Roll-ups: project outcomes over a period, total delay, incidents by severity, metric trends,
and the weekly summaries they are reduced from (cached, so a new week costs one map step)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report
from summarizer.pipelines import summarize
from summarizer.schemas import ProjectOutcome, Rollup
from summarizer.summaries import week, wording
from summarizer.workspace import Workspace
from tests.summaries.conftest import example_files


def outcome(rollup: Rollup, project: str) -> ProjectOutcome:
    return next(o for o in rollup.outcomes if o.project == project)


def test_whole_period_outcomes_and_total_delay(examples: Workspace) -> None:
    r = summarize.period_rollup(examples, series_name="payments-zh")
    assert (r.since, r.until, r.reports) == ("2024-W41", "2025-W02", 14)
    overseas = outcome(r, "海外商户收单平台")
    assert overseas.outcome == "launched_early" and overseas.slip_days == 27  # 11/22 -> launched 12/19
    assert [(s.kind, s.week, s.delay_days) for s in overseas.slips] == [
        ("date_moved", "2024-W45", 14),
        ("date_moved", "2024-W48", 14),
        ("status_downgrade", "2024-W48", None),  # 测试中 → 顺延: work under way, then postponed
    ]
    coupons = outcome(r, "营销券核销中台")
    assert (coupons.outcome, coupons.slip_days) == ("launched_late", 1)
    assert outcome(r, "数字人民币受理").outcome == "paused"
    assert outcome(r, "对账中心二期").slip_days == 15
    counts = {c.severity: c.count for c in r.incidents}
    assert counts == {"high": 1, "medium": 4, "low": 2, None: 2}
    payout = next(m for m in r.metrics if m.name == "出金有效成功率")
    assert (payout.first, payout.last, payout.low) == (99.98, 99.91, 99.91)
    assert len(r.weeks) == 14 and r.weeks[7].headline.startswith("第48周：")
    assert wording.fits(r.headline, "zh") and r.headline.startswith("payments-zh 2024-W41至2025-W02（14期）")


def test_overdue_and_late_launch_in_english(examples: Workspace) -> None:
    r = summarize.period_rollup(examples, series_name="platform-en")
    ci = outcome(r, "CI Runner Autoscaling")
    assert (ci.outcome, ci.slip_days) == ("launched_late", 13)
    assert ("overdue", 2) in [(s.kind, s.delay_days) for s in ci.slips]
    assert outcome(r, "Kubernetes 1.30 Upgrade").slip_days == 28
    assert {c.severity: c.count for c in r.incidents} == {"critical": 1, "high": 4, "medium": 4}
    assert "(worst SEV1)" in r.headline


@pytest.mark.parametrize(
    ("options", "span"),
    [
        ({"since": "2024-11", "until": "2024-11"}, ("2024-W44", "2024-W48")),  # W44's report is dated 11/01
        ({"since": "2024-Q4"}, ("2024-W41", "2025-W02")),
        ({"last": "4w"}, ("2024-W51", "2025-W02")),
    ],
)
def test_periods(examples: Workspace, options: dict[str, str], span: tuple[str, str]) -> None:
    r = summarize.period_rollup(examples, series_name="payments-zh", **options)
    assert (r.since, r.until) == span


def test_weekly_summaries_are_cached_by_content_so_a_new_week_costs_one_map_step(
    fresh: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = week.build

    def counting(series, ref, lang, register):  # type: ignore[no-untyped-def]
        calls.append(ref.week)
        return real(series, ref, lang, register)

    monkeypatch.setattr(week, "build", counting)
    workspace = fresh(example_files({"platform-en": 7}))
    summarize.period_rollup(workspace, series_name="platform-en")
    assert len(calls) == 7
    cached = list((workspace.settings.cache_dir / "summaries").glob("*.json"))
    assert len(cached) == 7
    calls.clear()
    summarize.period_rollup(workspace, series_name="platform-en")
    assert calls == []  # everything from the cache
    newest = example_files()[-1]  # platform-en/2025-05-30.md arrives
    with Ledger.open(workspace.settings.ledger_path) as ledger:
        ledger.upsert_report(parse_report(load_document(newest), str(newest)))
    summarize.period_rollup(Workspace(workspace.settings), series_name="platform-en")
    assert calls == ["2025-W22"]
