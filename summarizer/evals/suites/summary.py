"""Summary suite: each weekly summary against its report's key facts, and each series' roll-up
against the gold slips and launches.

Hard gates are the issue's promises: every shown citation verifies, every headline fits its
limit (40 English words, 80 Chinese characters), no summary has more than seven highlights, and
every week's summary covers at least 90% of its gold key facts. The mean coverage and the
roll-up scores gate against the baseline.
"""

from __future__ import annotations

import datetime as dt
import os
import time

from summarizer.evals.context import EvalContext
from summarizer.evals.datasets import LaunchCase, SlipCase
from summarizer.evals.metrics import fold, mean, names_match, p50, ratio
from summarizer.evals.result import SuiteResult
from summarizer.llm.errors import ReplayMissError
from summarizer.schemas import MAX_HIGHLIGHTS, ProjectOutcome, Rollup, SlipLine
from summarizer.summaries import wording

MIN_COVERAGE = 0.9
"""Share of a report's gold key facts its summary must mention, every week."""


def covered(texts: list[str], facts: list[str]) -> list[str]:
    """The gold key facts the summary's visible text does not mention (folded comparison)."""
    seen = fold(" ".join(texts))
    return [f for f in facts if fold(f) not in seen]


def _names(outcome: ProjectOutcome) -> list[str]:
    return [outcome.project or "", *outcome.aliases]


def _expected_delay(gold: SlipCase) -> int | None:
    try:
        return (dt.date.fromisoformat(gold.to) - dt.date.fromisoformat(gold.from_)).days
    except ValueError:
        return None


def slip_listed(rollup: Rollup, gold: SlipCase) -> SlipLine | None:
    """The roll-up's line for a gold slip: same project (any alias), kind and week."""
    for outcome in rollup.outcomes:
        if names_match(_names(outcome), [gold.project, *gold.aliases]):
            for line in outcome.slips:
                if line.kind == gold.kind and line.week == gold.week:
                    return line
    return None


def launch_listed(rollup: Rollup, gold: LaunchCase) -> ProjectOutcome | None:
    for outcome in rollup.outcomes:
        if outcome.launched_on and names_match(_names(outcome), [gold.project, *gold.aliases]):
            return outcome
    return None


def _score_rollups(ctx: EvalContext, result: SuiteResult) -> int:
    """Score each series' whole-period roll-up; returns the cassette misses (replay)."""
    assert ctx.rollup is not None
    data = ctx.data
    series = sorted(
        {g.report.split("/")[0] for g in data.slips} | {g.report.split("/")[0] for g in data.launches}
    )
    rollups: dict[str, Rollup] = {}
    misses = 0
    for name in series:
        try:
            rollups[name] = ctx.rollup(name)
        except Exception as exc:  # one failing roll-up is a listed case, not a crashed eval
            misses += isinstance(exc, ReplayMissError)
            result.fail(f"rollup {name}", f"error: {type(exc).__name__}: {exc}")
    result.cases += len(data.slips) + len(data.launches)
    listed = 0
    for gold in data.slips:
        rollup = rollups.get(gold.report.split("/")[0])
        line = slip_listed(rollup, gold) if rollup else None
        want = _expected_delay(gold)
        ok = line is not None and (want is None or line.delay_days == want)
        listed += ok
        if not ok:
            got = "not listed" if line is None else f"delay {line.delay_days}, gold {want}"
            result.fail(f"rollup slip {gold.project} {gold.kind} {gold.week}", got)
    judged = 0
    for launch in data.launches:
        rollup = rollups.get(launch.report.split("/")[0])
        outcome = launch_listed(rollup, launch) if rollup else None
        on_time = outcome is not None and outcome.outcome in ("launched_early", "launched_on_time")
        ok = outcome is not None and (launch.on_time is None or on_time == launch.on_time)
        judged += ok
        if not ok:
            got = "not listed" if outcome is None else f"{outcome.outcome}, gold on_time={launch.on_time}"
            result.fail(f"rollup launch {launch.project} {launch.week}", got)
    for name, rollup in sorted(rollups.items()):
        result.notes += [f"rollup {name}: {note}" for note in rollup.notes]
    if data.slips:
        result.add("rollup.slips_listed", ratio(listed, len(data.slips)))
    if data.launches:
        result.add("rollup.launch_verdicts", ratio(judged, len(data.launches)))
    shown = [c for r in rollups.values() for _, items in r.sections() for i in items for c in i.citations]
    shown += [c for r in rollups.values() for h in r.highlights for c in h.citations]
    result.add(
        "rollup.citation_validity",
        ratio(sum(ctx.verifier.check(c) for c in shown), len(shown)) if shown else 1.0,
        gate="hard",
        target=1.0,
    )
    return misses


def replay_counts(ctx: EvalContext) -> tuple[int, int]:
    """(replies served, hand-written ones) by the summary writer's replay server so far."""
    stats = ctx.summary_replay_stats() if ctx.summary_replay_stats is not None else None
    return (stats.hits, stats.handwritten_hits) if stats else (0, 0)


def replay_note(ctx: EvalContext, what: str, before: tuple[int, int] = (0, 0)) -> str | None:
    """What a replay run's replies were (those served since `before`): the note every suite that
    replays prints."""
    if ctx.engine != "replay":
        return None
    served = ""
    if ctx.summary_replay_stats is not None:
        hits, handwritten = (now - then for now, then in zip(replay_counts(ctx), before, strict=True))
        served = f" ({handwritten} of {hits} replies served were hand-written)"
    return (
        f"replay: {what} through the real openai client over HTTP; hand-written cassettes exercise the"
        f" pipeline, not a model{served}"
    )


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult("summary")
    if ctx.summary is None or "summaries" not in ctx.data.present:
        result.unavailable = ctx.unavailable.get("summary", "no summary pipeline or no summaries.yaml")
        return result
    before = replay_counts(ctx)
    coverage: list[float] = []
    fits = highlights_ok = 0
    cited = valid = dropped = 0
    latency: list[float] = []
    misses = 0
    for case in ctx.data.summaries:
        started = time.perf_counter()
        try:
            summary = ctx.summary(case.report)
        except Exception as exc:  # one failing summary is a listed case, not a crashed eval
            misses += isinstance(exc, ReplayMissError)
            result.cases += 1
            coverage.append(0.0)
            result.fail(os.path.basename(case.report), f"error: {type(exc).__name__}: {exc}")
            continue
        latency.append((time.perf_counter() - started) * 1000)
        result.cases += 1
        missing = covered(summary.texts(), case.key_facts)
        share = 1 - len(missing) / len(case.key_facts) if case.key_facts else 1.0
        coverage.append(share)
        citations = summary.citations()
        cited += len(citations)
        valid += sum(ctx.verifier.check(c) for c in citations)
        dropped += summary.dropped
        fit = wording.fits(summary.headline, summary.lang)
        fits += fit
        highlights_ok += len(summary.highlights) <= MAX_HIGHLIGHTS
        result.details[case.report] = {
            "coverage": round(share, 3),
            "missing": missing,
            "headline": summary.headline,
            "headline_length": wording.length(summary.headline, summary.lang),
            "highlights": len(summary.highlights),
            "dropped": summary.dropped,
            "notes": summary.notes,
        }
        if share < MIN_COVERAGE:
            result.fail(os.path.basename(case.report), f"coverage {share:.0%}; missing {', '.join(missing)}")
        if not fit:
            result.fail(os.path.basename(case.report), f"headline over the limit: {summary.headline}")
    n = len(ctx.data.summaries)
    noted = sum(bool(d.get("notes")) for d in result.details.values())
    result.add("coverage", mean(coverage))
    result.add("coverage.min", min(coverage, default=1.0), gate="hard", target=MIN_COVERAGE)
    result.add("citation_validity", ratio(valid, cited) if cited else 1.0, gate="hard", target=1.0)
    result.add("headline_within_limit", ratio(fits, n), gate="hard", target=1.0)
    result.add("highlights_within_limit", ratio(highlights_ok, n), gate="hard", target=1.0)
    result.add("dropped", dropped, gate="info", higher_is_better=False)
    result.add("summaries_with_notes", noted, gate="info", higher_is_better=False)
    result.add("latency_p50", p50(latency), gate="info", higher_is_better=False, unit="ms")
    if ctx.rollup is not None and (ctx.data.slips or ctx.data.launches):
        misses += _score_rollups(ctx, result)
    if ctx.engine == "replay":
        result.add("cassette_misses", misses, gate="hard", higher_is_better=False, target=0.0)
    note = replay_note(
        ctx, "headlines and highlights of every summary and roll-up come from cassettes", before
    )
    if note:
        result.notes.append(note)
    return result
