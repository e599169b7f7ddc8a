"""A zoo series scored: the ledger's slips, launches, incidents and metric points and `ask`'s
answers against the series' gold labels, counted so that series can be summed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.schemas import Incident, Launch, MetricSeries, Slip
from summarizer.evals.metrics import mean, missing_mentions, normalise_name, ratio, same_report, values_equal
from summarizer.evals.zoo_gold import ZooIncident, ZooSeries
from summarizer.evals.zoo_match import evidence_states, in_series, states, zoo_names_match
from summarizer.schemas import Answer


@dataclass
class SeriesScore:
    """One series' numbers (also summed across series for the overall figures)."""

    counts: dict[str, float] = field(default_factory=dict)
    lists: dict[str, list[float]] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, key: str, value: float = 1.0) -> None:
        self.counts[key] = self.counts.get(key, 0.0) + value

    def note(self, key: str, value: float) -> None:
        self.lists.setdefault(key, []).append(value)

    def metrics(self) -> dict[str, float]:
        c = self.counts.get
        out = {
            "slips.recall": ratio(int(c("slips.tp", 0)), int(c("slips.gold", 0))),
            "slips.precision": ratio(int(c("slips.tp", 0)), int(c("slips.pred", 0))),
            "slips.evidence_precision": ratio(int(c("slips.tp_evidence", 0)), int(c("slips.pred", 0))),
            "launches.recall": ratio(int(c("launches.tp", 0)), int(c("launches.gold", 0))),
            "launches.precision": ratio(int(c("launches.tp", 0)), int(c("launches.pred", 0))),
            "incidents.recall": ratio(int(c("incidents.tp", 0)), int(c("incidents.gold", 0))),
            "incidents.precision": ratio(int(c("incidents.tp", 0)), int(c("incidents.pred", 0))),
            "metrics.point_recall": ratio(int(c("metrics.found", 0)), int(c("metrics.gold", 0))),
            "qa.must_mention": mean(self.lists.get("must_mention", [])),
            "qa.answerable_accuracy": mean(self.lists.get("answerable", [])),
            "qa.unanswerable_accuracy": mean(self.lists.get("unanswerable", [])),
            "qa.citation_validity": ratio(int(c("citations.ok", 0)), int(c("citations", 0))),
            "qa.refused_with_answer": c("refused_with_answer", 0.0),
            "qa.unindexed": c("qa.unindexed", 0.0),
        }
        if "scoped.must_mention" in self.lists or "scoped.unanswerable" in self.lists:
            out |= {
                "qa.scoped.must_mention": mean(self.lists.get("scoped.must_mention", [])),
                "qa.scoped.answerable_accuracy": mean(self.lists.get("scoped.answerable", [])),
                "qa.scoped.unanswerable_accuracy": mean(self.lists.get("scoped.unanswerable", [])),
                "qa.scoped.refused_with_answer": c("scoped.refused_with_answer", 0.0),
            }
        for kind, precision in (
            ("slips", "evidence_precision"),
            ("launches", "precision"),
            ("incidents", "precision"),
        ):
            p, r = out[f"{kind}.{precision}"], out[f"{kind}.recall"]
            if not c(f"{kind}.pred", 0):
                p = 0.0 if c(f"{kind}.gold", 0) else 1.0  # nothing derived: no precision to speak of
            out[f"{kind}.f1"] = 2 * p * r / (p + r) if p + r else 0.0
        return out


@dataclass
class ZooFacts:
    """What the ledger derived over the whole zoo index."""

    slips: list[Slip]
    launches: list[Launch]
    incidents: list[Incident]
    series: list[MetricSeries]


AskFn = Callable[[str], tuple[Answer, list[str]]]
"""question -> (verified answer, texts of the passages the engine read, best first)."""

ScopedAskFn = Callable[[str, str], tuple[Answer, list[str]]]
"""(question, series) -> the same, the question asked of that series' reports only (`ask --series`)."""


def score_series(
    gold: ZooSeries,
    facts: ZooFacts,
    ask: AskFn | None,
    check: Callable[[Any], bool],
    unindexed: Sequence[str] = (),
    ask_scoped: ScopedAskFn | None = None,
) -> SeriesScore:
    """Score one series against what the ledger derived and what `ask` answered. `unindexed` are
    the reports ingest skipped (no date found, unreadable): a question whose evidence is only
    there measures ingest, not `ask`, and is counted apart.

    `ask` puts each question to the whole zoo index, as a user with many teams' reports in one
    index who does not say which team asks it; `ask_scoped` puts it to the series' own reports,
    as a team with its own folder (or `--series`) does. Both are scored, the second under
    `qa.scoped.*`: the first measures finding the team as much as answering."""
    score = SeriesScore()
    _score_slips(
        gold, [s for s in facts.slips if any(in_series(c.report, gold.name) for c in s.evidence)], score
    )
    _score_launches(
        gold, [x for x in facts.launches if any(in_series(c.report, gold.name) for c in x.evidence)], score
    )
    _score_incidents(gold, [i for i in facts.incidents if in_series(i.report, gold.name)], score)
    _score_metrics(gold, facts.series, score)
    if ask is not None:
        _score_questions(gold, ask, check, score, unindexed)
    if ask_scoped is not None:
        name = gold.name
        _score_questions(gold, lambda q: ask_scoped(q, name), check, score, unindexed, prefix="scoped.")
    return score


def _score_slips(gold: ZooSeries, predicted: list[Slip], score: SeriesScore) -> None:
    used: set[int] = set()
    score.add("slips.gold", len(gold.slips))
    score.add("slips.pred", len(predicted))
    for case in gold.slips:
        names = [case.project, *case.aliases]
        j = next(
            (
                j
                for j, p in enumerate(predicted)
                if j not in used
                and p.kind == case.kind
                and p.week == case.week
                and zoo_names_match([p.project, *p.aliases], names)
            ),
            None,
        )
        if j is None:
            score.failures.append((f"slip {case.project} {case.kind} {case.week}", "missed"))
            continue
        used.add(j)
        score.add("slips.tp")
        quotes = [c.quote for c in predicted[j].evidence]
        if evidence_states(predicted[j], case):
            score.add("slips.tp_evidence")
        else:
            score.failures.append(
                (f"slip {case.project} {case.kind} {case.week}", f"evidence does not state it: {quotes}")
            )
    for j, p in enumerate(predicted):
        if j not in used:
            score.failures.append((f"slip {p.project} {p.kind} {p.week}", f"spurious: {p.from_} → {p.to}"))


def _score_launches(gold: ZooSeries, predicted: list[Launch], score: SeriesScore) -> None:
    used: set[int] = set()
    score.add("launches.gold", len(gold.launches))
    score.add("launches.pred", len(predicted))
    for case in gold.launches:
        j = next(
            (
                j
                for j, p in enumerate(predicted)
                if j not in used
                and p.week == case.week
                and zoo_names_match([p.project, *p.aliases], [case.project, *case.aliases])
            ),
            None,
        )
        if j is None:
            score.failures.append((f"launch {case.project} {case.week}", "missed"))
        else:
            used.add(j)
            score.add("launches.tp")
    for j, p in enumerate(predicted):
        if j not in used:
            score.failures.append((f"launch {p.project} {p.week}", "spurious"))


def _score_incidents(gold: ZooSeries, predicted: list[Incident], score: SeriesScore) -> None:
    """First tellings are the gold; a derived incident in a report that only retells one is a
    duplicate, and counts against precision like any other spurious incident."""
    first = [c for c in gold.incidents if not c.same_as]
    score.add("incidents.gold", len(first))
    score.add("incidents.pred", len(predicted))
    used: set[int] = set()

    def same(p: Incident, c: ZooIncident) -> bool:
        dates = {str(p.when or ""), str(p.date)}
        return same_report(p.report, c.report) and (
            c.date is None or c.date in dates or states([p.evidence.quote], c.quote)
        )

    for case in first:
        j = next((j for j, p in enumerate(predicted) if j not in used and same(p, case)), None)
        if j is None:
            score.failures.append((f"incident {case.report} {case.date}", "missed"))
        else:
            used.add(j)
            score.add("incidents.tp")
    for j, p in enumerate(predicted):
        if j not in used:
            score.failures.append(
                (f"incident {Path(p.report).name} {p.when or p.week}", f"spurious: {p.title[:40]}")
            )


def _score_metrics(gold: ZooSeries, series: list[MetricSeries], score: SeriesScore) -> None:
    for metric in gold.metrics:
        wanted = normalise_name(metric.name)
        candidates = [
            point
            for s in series
            if zoo_names_match([s.name, s.key], [metric.name]) or normalise_name(s.key) == wanted
            for point in s.points
            if in_series(point.report, gold.name)
        ]
        for point in metric.series:
            score.add("metrics.gold")
            if any(
                same_report(p.report, point.report) and values_equal(p.value, point.value) for p in candidates
            ):
                score.add("metrics.found")
            else:
                score.failures.append((f"metric {metric.name} {point.week}", f"want {point.value}"))


def _score_questions(
    gold: ZooSeries,
    ask: AskFn,
    check: Callable[[Any], bool],
    score: SeriesScore,
    unindexed: Sequence[str] = (),
    prefix: str = "",
) -> None:
    """Ask every gold question; `prefix` keeps a second way of asking apart ("scoped.")."""
    for q in gold.questions:
        if (
            q.answerable
            and q.gold_evidence
            and all(any(same_report(e.report, skipped) for skipped in unindexed) for e in q.gold_evidence)
        ):
            if not prefix:  # counted once, however many ways it is asked
                score.add("qa.unindexed")
                score.failures.append((q.id, "not measured: its evidence is only in reports ingest skipped"))
            continue
        answer, passages = ask(q.question)
        text = "\n".join([answer.answer, *(p.text for p in answer.points)])
        citations = [*answer.citations, *(c for p in answer.points for c in p.citations)]
        score.add("citations", len(citations))
        score.add("citations.ok", sum(1 for c in citations if check(c)))
        if not q.answerable:
            score.note(f"{prefix}unanswerable", float(not answer.answerable))
            if answer.answerable:
                score.failures.append((f"{prefix}{q.id}", "answered a question the reports cannot answer"))
            continue
        score.note(f"{prefix}answerable", float(answer.answerable))
        missing = missing_mentions(text, q.must_mention)
        score.note(
            f"{prefix}must_mention", 1.0 - len(missing) / len(q.must_mention) if q.must_mention else 1.0
        )
        if missing:
            score.failures.append((f"{prefix}{q.id}", f"missing mention: {', '.join(missing)}"))
        if not answer.answerable:
            holds = bool(passages) and not missing_mentions(passages[0], q.must_mention)
            score.add(f"{prefix}refused_with_answer", float(holds))
            score.failures.append(
                (
                    f"{prefix}{q.id}",
                    "refused" + (" although the top passage holds the answer" if holds else ""),
                )
            )


def summed(scores: Sequence[SeriesScore]) -> SeriesScore:
    total = SeriesScore()
    for s in scores:
        for key, value in s.counts.items():
            total.add(key, value)
        for key, values in s.lists.items():
            total.lists.setdefault(key, []).extend(values)
    return total
