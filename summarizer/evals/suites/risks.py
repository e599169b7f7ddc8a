"""Risks suite: the register against the gold risks (risks.yaml) as a set, then, for the risks
it found, whether it saw them first in the right week and ends in the right status.

Matching: same series; an incident by the report line it is told on; any other risk when one of
its gold terms names it (in the entry's title or project), incidents never standing in for risks
or the other way round. Each gold risk matches at most one entry, the one first seen closest to it.
"""

from __future__ import annotations

import os

from index.text.weeks import week_key
from summarizer.evals.context import EvalContext
from summarizer.evals.datasets import RiskCase
from summarizer.evals.metrics import fold, ratio, same_report
from summarizer.evals.result import SuiteResult
from summarizer.evals.suites.summary import replay_counts, replay_note
from summarizer.llm.errors import ReplayMissError
from summarizer.schemas import RiskEntry


def matches(entry: RiskEntry, gold: RiskCase) -> bool:
    if os.path.basename(entry.series.rstrip("/")) != gold.series:
        return False
    if (entry.category == "incident") != (gold.category == "incident"):
        return False
    if gold.category == "incident":
        first = entry.history[0].citation if entry.history else None
        return (
            first is not None
            and same_report(first.report, gold.evidence.report)
            and first.lines[0] <= gold.evidence.line <= first.lines[1]
        )
    text = fold(" ".join([entry.title, entry.project or ""]))
    return any(fold(term) in text for term in gold.match)


def pair(
    entries: list[RiskEntry], gold: list[RiskCase]
) -> tuple[list[tuple[RiskCase, RiskEntry]], list[RiskCase], list[RiskEntry]]:
    """(matched pairs, unmatched gold, unmatched entries); each side used once."""
    free = list(entries)
    pairs: list[tuple[RiskCase, RiskEntry]] = []
    missed: list[RiskCase] = []
    for case in gold:
        found = [e for e in free if matches(e, case)]
        if not found:
            missed.append(case)
            continue
        best = min(found, key=lambda e: abs(week_key(e.first_seen) - week_key(case.first_seen)))
        free.remove(best)
        pairs.append((case, best))
    return pairs, missed, free


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult("risks")
    if ctx.risks is None or "risks" not in ctx.data.present:
        result.unavailable = ctx.unavailable.get("risks", "no risk register or no risks.yaml")
        return result
    before = replay_counts(ctx)
    try:
        register = ctx.risks()
    except Exception as exc:  # reported as a failed case with the misses gate, not a crashed eval
        result.fail("register", f"error: {type(exc).__name__}: {exc}")
        if ctx.engine == "replay":
            miss = float(isinstance(exc, ReplayMissError))
            result.add("cassette_misses", miss, gate="hard", higher_is_better=False, target=0.0)
        return result
    gold = ctx.data.risks
    series = {g.series for g in gold}
    entries = [e for e in register.entries if os.path.basename(e.series.rstrip("/")) in series]
    pairs, missed, spurious = pair(entries, gold)
    result.cases = len(gold)
    precision = ratio(len(pairs), len(entries)) if entries else 1.0
    recall = ratio(len(pairs), len(gold))
    result.add("precision", precision)
    result.add("recall", recall)
    result.add("f1", 2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    risky = [g for g in gold if g.category != "incident"]
    found = [g for g, _ in pairs if g.category != "incident"]
    result.add("recall.risks", ratio(len(found), len(risky)) if risky else 1.0)
    first = sum(e.first_seen == g.first_seen for g, e in pairs)
    status = sum(e.status == g.status for g, e in pairs)
    result.add("first_seen_accuracy", ratio(first, len(pairs)) if pairs else 0.0)
    result.add("status_accuracy", ratio(status, len(pairs)) if pairs else 0.0)
    graded = [(g, e) for g, e in pairs if g.category == "incident"]
    result.add(
        "severity_accuracy",
        ratio(sum(e.severity == g.severity for g, e in graded), len(graded)) if graded else 1.0,
    )
    owned = [(g, e) for g, e in pairs if g.owner]
    result.add(
        "owner_accuracy", ratio(sum(e.owner == g.owner for g, e in owned), len(owned)) if owned else 1.0
    )
    cited = [h.citation for e in register.entries for h in e.history]
    result.add(
        "citation_validity",
        ratio(sum(ctx.verifier.check(c) for c in cited), len(cited)) if cited else 1.0,
        gate="hard",
        target=1.0,
    )
    result.add("merged_entries", sum(len(e.merged) for e in register.entries), gate="info")
    result.add("summarised_entries", sum(e.summary is not None for e in register.entries), gate="info")
    if ctx.engine == "replay":
        result.add("cassette_misses", 0, gate="hard", higher_is_better=False, target=0.0)
    note = replay_note(ctx, "the register's headline, summaries and merges come from cassettes", before)
    if note:
        result.notes.append(note)
    if register.notes:
        result.notes += [f"register: {n}" for n in register.notes]
    for g in missed:
        result.fail(g.id, "missed (in gold, not in the register)")
    for e in spurious:
        result.fail(e.id, f"spurious (in the register, not in gold): {e.title[:60]}")
    for g, e in pairs:
        if e.first_seen != g.first_seen:
            result.fail(g.id, f"first seen {e.first_seen}, gold {g.first_seen}")
        if e.status != g.status:
            result.fail(g.id, f"status {e.status}, gold {g.status}")
        result.details[g.id] = {"entry": e.id, "first_seen": e.first_seen, "status": e.status}
    return result
