"""Ledger suite: derived slips, incidents and launches against gold lists, and metric series.

These are the "list all / what changed" questions that top-k retrieval fails (FACTS.md), so they
are scored as sets: precision says what the ledger invents, recall what it misses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from index.schemas import Incident, Launch, MetricPoint, MetricSeries, Slip
from summarizer.evals.context import EvalContext, LedgerFacts
from summarizer.evals.datasets import IncidentCase, LaunchCase, MetricCase, SlipCase
from summarizer.evals.metrics import PRF, match_prf, names_match, normalise_name, same_report, values_equal
from summarizer.evals.result import SuiteResult

P = TypeVar("P")
G = TypeVar("G")


def _names(item: Slip | Launch) -> list[str]:
    return [item.project, *item.aliases]


def slip_matches(pred: Slip, gold: SlipCase) -> bool:
    return (
        names_match(_names(pred), [gold.project, *gold.aliases])
        and str(pred.kind) == gold.kind
        and str(pred.week) == gold.week
    )


def incident_matches(pred: Incident, gold: IncidentCase) -> bool:
    """Same report and the gold date is the incident's own date (or the report date when unknown)."""
    dates = {str(pred.when or ""), str(pred.date)}
    return same_report(str(pred.report), gold.report) and gold.date in dates


def launch_matches(pred: Launch, gold: LaunchCase) -> bool:
    return names_match(_names(pred), [gold.project, *gold.aliases]) and str(pred.week) == gold.week


def _score_verdicts(result: SuiteResult, launches: list[Launch], gold: list[LaunchCase]) -> None:
    """On time or not, for launches found and judged in the gold ("was it on time?" is asked)."""
    judged = [
        (g, next((p for p in launches if launch_matches(p, g)), None)) for g in gold if g.on_time is not None
    ]
    found = [(g, p) for g, p in judged if p is not None]
    for g, p in found:
        if (p.verdict in ("early", "on_time")) != g.on_time:
            result.fail(
                f"launch {g.project} {g.week}",
                f"verdict {p.verdict}, gold on_time={g.on_time}",
            )
    if found:
        result.add(
            "launches.verdict_accuracy",
            sum((p.verdict in ("early", "on_time")) == g.on_time for g, p in found) / len(found),
        )


def _describe_slip(s: Slip) -> str:
    return f"{s.project} {s.kind} {s.week}"


def _score(
    result: SuiteResult,
    name: str,
    predicted: Sequence[P],
    gold: Sequence[G],
    same: Callable[[P, G], bool],
    describe_gold: Callable[[G], str],
    describe_pred: Callable[[P], str],
) -> None:
    prf: PRF[P, G] = match_prf(predicted, gold, same)
    result.add(f"{name}.precision", prf.precision)
    result.add(f"{name}.recall", prf.recall)
    result.add(f"{name}.f1", prf.f1)
    for g in prf.unmatched_gold:
        result.fail(f"{name}:{describe_gold(g)}", "missed (in gold, not derived)")
    for p in prf.unmatched_pred:
        result.fail(f"{name}:{describe_pred(p)}", "spurious (derived, not in gold)")


def _series_points(series: Sequence[MetricSeries], gold: MetricCase) -> list[MetricPoint]:
    wanted = {normalise_name(n) for n in [gold.name, *gold.aliases]}
    return [
        point
        for s in series
        if {normalise_name(s.name), normalise_name(s.key)} & wanted
        for point in s.points
    ]


def _score_series(result: SuiteResult, series: Sequence[MetricSeries], gold: Sequence[MetricCase]) -> None:
    exact = 0
    points_ok = points_total = 0
    for case in gold:
        predicted = _series_points(series, case)
        wrong: list[str] = []
        for point in case.series:
            points_total += 1
            found = [
                p for p in predicted if str(p.week) == point.week and same_report(str(p.report), point.report)
            ]
            if any(values_equal(p.value, point.value) for p in found):
                points_ok += 1
            else:
                got = ", ".join(f"{p.value:g}" for p in found) or "nothing"
                wrong.append(f"{point.week} want {point.value} got {got}")
        exact += not wrong
        if wrong:
            result.fail(f"metrics:{case.name}", "; ".join(wrong))
    result.add("metrics.series_exact", exact / len(gold) if gold else 1.0)
    result.add("metrics.point_accuracy", points_ok / points_total if points_total else 1.0)


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult("ledger")
    if ctx.ledger is None:
        result.unavailable = ctx.unavailable.get("ledger", "no fact ledger")
        return result
    facts: LedgerFacts = ctx.ledger()
    data = ctx.data
    if "slips" in data.present:
        result.cases += len(data.slips)
        _score(
            result,
            "slips",
            facts.slips,
            data.slips,
            slip_matches,
            lambda g: f"{g.project} {g.kind} {g.week}",
            _describe_slip,
        )
    if "incidents" in data.present:
        result.cases += len(data.incidents)
        _score(
            result,
            "incidents",
            facts.incidents,
            data.incidents,
            incident_matches,
            lambda g: f"{g.report} {g.date}",
            lambda p: f"{p.report} {p.when or p.date} {p.title[:30]}",
        )
    if "launches" in data.present:
        result.cases += len(data.launches)
        _score(
            result,
            "launches",
            facts.launches,
            data.launches,
            launch_matches,
            lambda g: f"{g.project} {g.week}",
            lambda p: f"{p.project} {p.week}",
        )
        _score_verdicts(result, facts.launches, data.launches)
    if "metrics" in data.present:
        result.cases += len(data.metrics)
        _score_series(result, facts.series, data.metrics)
    if not result.metrics:
        result.unavailable = "no ledger gold data (slips/incidents/launches/metrics.yaml) to score"
    return result
