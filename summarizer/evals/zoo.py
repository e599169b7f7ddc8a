"""The style zoo: report series written blind, in styles the extractors were not written from.

Each series (`evals/zoo/reports/<series>/`) was written by someone who never read the extraction
rules, from a one-paragraph style brief, with gold labels in `evals/zoo/gold/<series>/`
(BRIEF.md says how). The suite ingests every series into one index and scores, per series and
overall: slips (recall; precision counted on the evidence too: the cited quotes must state that
project's old and new value; F1 uses that precision), launches, incidents (one event told twice
is one incident),
metric points, and every gold question through `ask`. Per-series numbers are what
leave-one-style-out means here: a rule written while looking at one series must not lower the
others, and each series is gated on its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field

from index.schemas import Incident, Launch, MetricSeries, Slip, SlipKind
from index.text.cjk import has_han
from index.text.normalise import fold_space
from summarizer.evals.datasets import SummaryCase, Text, _Strict, load_entries
from summarizer.evals.metrics import mean, missing_mentions, normalise_name, ratio, same_report, values_equal
from summarizer.evals.result import CaseFailure, SuiteResult
from summarizer.schemas import Answer, Intent

ZOO = Path("evals") / "zoo"


class ZooSlip(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    kind: SlipKind
    week: Text
    report: Text
    from_: Text | None = Field(default=None, alias="from")
    to: Text | None = None
    from_text: Text
    to_text: Text
    note: Text | None = None


class ZooLaunch(_Strict):
    project: Text
    aliases: list[Text] = Field(default_factory=list)
    week: Text
    report: Text
    date: Text | None = None
    target: Text | None = None
    on_time: bool | None = None
    quote: Text


class ZooIncident(_Strict):
    report: Text
    week: Text
    date: Text | None = None
    time: Text | None = None
    duration_minutes: float | None = None
    severity: Text | None = None
    impact: Text | None = None
    quote: Text
    same_as: Text | None = None


class ZooEvidence(_Strict):
    report: Text
    quote: Text


class ZooQuestion(_Strict):
    id: Text
    question: Text
    lang: Text
    answerable: bool
    intent: Intent
    must_mention: list[Text]
    gold_evidence: list[ZooEvidence] = Field(default_factory=list)
    gold_answer: Text | None = None


class ZooPoint(_Strict):
    report: Text
    week: Text
    value: float
    quote: Text


class ZooMetric(_Strict):
    name: Text
    unit: Text | None = None
    series: list[ZooPoint]


@dataclass
class ZooSeries:
    """One series' gold labels."""

    name: str
    slips: list[ZooSlip] = field(default_factory=list)
    launches: list[ZooLaunch] = field(default_factory=list)
    incidents: list[ZooIncident] = field(default_factory=list)
    metrics: list[ZooMetric] = field(default_factory=list)
    questions: list[ZooQuestion] = field(default_factory=list)
    summaries: list[SummaryCase] = field(default_factory=list)


_FILES: dict[str, type[_Strict]] = {
    "slips": ZooSlip,
    "launches": ZooLaunch,
    "incidents": ZooIncident,
    "metrics": ZooMetric,
    "questions": ZooQuestion,
    "summaries": SummaryCase,
}


def load_zoo(root: Path, only: Sequence[str] = ()) -> list[ZooSeries]:
    """Every series with gold under `evals/zoo/gold` (or only those named)."""
    gold = root / ZOO / "gold"
    out: list[ZooSeries] = []
    for folder in sorted(p for p in gold.iterdir() if p.is_dir()):
        if only and folder.name not in only:
            continue
        series = ZooSeries(folder.name)
        for stem, model in _FILES.items():
            path = folder / f"{stem}.yaml"
            if path.exists():
                entries, _ = load_entries(path, model, base=root)
                setattr(series, stem, entries)
        out.append(series)
    return out


def zoo_names_match(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """A predicted name matches when it equals, contains or is contained in a gold name or alias.

    The zoo's authors named projects their way ("召回模型v3全量", alias "KR2"); a ledger that calls
    it "KR2 召回模型v3全量" found the same project. Short keys (under 3 characters) must be equal.
    """
    preds = [n for n in map(normalise_name, predicted) if n]
    golds = [n for n in map(normalise_name, gold) if n]
    for p in preds:
        for g in golds:
            if p == g or (min(len(p), len(g)) >= 3 and (p in g or g in p)):
                return True
    return False


def _states(quotes: Sequence[str], text: str) -> bool:
    """A cited quote states what `text` (the gold words) states: one holds the other, or they share
    a long common run (quotes are clauses, gold texts are phrases)."""
    gold = fold_space(text)
    for quote in map(fold_space, quotes):
        if not quote or not gold:
            continue
        if gold in quote or quote in gold:
            return True
        # Chinese packs a fact into fewer characters: "开发60%" states what "开发 60%，状态正常" does.
        # Shared digits alone ("10.31") state nothing about whose date it is.
        run = 5 if has_han(gold) else 8
        if len(gold) <= 12 and gold in quote:
            return True
        common = _longest_common(quote, gold)
        if len(common) >= min(run, len(gold), len(quote)) and len(re.findall(r"[^\W\d_]", common)) >= 2:
            return True
    return False


def _longest_common(a: str, b: str) -> str:
    from difflib import SequenceMatcher

    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match()
    return a[match.a : match.a + match.size]


def _in_series(report: str, series: str) -> bool:
    return f"/{series}/" in report.replace("\\", "/")


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


def score_series(
    gold: ZooSeries,
    facts: ZooFacts,
    ask: AskFn | None,
    check: Callable[[Any], bool],
    unindexed: Sequence[str] = (),
) -> SeriesScore:
    """Score one series against what the ledger derived and what `ask` answered. `unindexed` are
    the reports ingest skipped (no date found, unreadable): a question whose evidence is only
    there measures ingest, not `ask`, and is counted apart."""
    score = SeriesScore()
    _score_slips(
        gold, [s for s in facts.slips if any(_in_series(c.report, gold.name) for c in s.evidence)], score
    )
    _score_launches(
        gold, [x for x in facts.launches if any(_in_series(c.report, gold.name) for c in x.evidence)], score
    )
    _score_incidents(gold, [i for i in facts.incidents if _in_series(i.report, gold.name)], score)
    _score_metrics(gold, facts.series, score)
    if ask is not None:
        _score_questions(gold, ask, check, score, unindexed)
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
        if _evidence_states(predicted[j], case):
            score.add("slips.tp_evidence")
        else:
            score.failures.append(
                (f"slip {case.project} {case.kind} {case.week}", f"evidence does not state it: {quotes}")
            )
    for j, p in enumerate(predicted):
        if j not in used:
            score.failures.append((f"slip {p.project} {p.kind} {p.week}", f"spurious: {p.from_} → {p.to}"))


def _evidence_states(slip: Slip, case: ZooSlip) -> bool:
    """The slip's quotes state the old and the new value. An overdue slip's new side is the report
    dated past the target: any line of it about the project will do, the gold's or another."""
    quotes = [c.quote for c in slip.evidence]
    if case.kind == "status_downgrade":
        # A status cell ("AT RISK") states the status as well as the notes beside it do.
        before = _states(quotes, case.from_text) or bool(case.from_ and _states(quotes, case.from_))
        after = _states(quotes, case.to_text) or bool(case.to and _states(quotes, case.to))
        return before and after
    if case.kind == "overdue":
        in_report = any(same_report(c.report, case.report) for c in slip.evidence)
        return (in_report or _states(quotes, case.to_text)) and _states(quotes, case.from_text)
    return _states(quotes, case.to_text) and _states(quotes, case.from_text)


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
            c.date is None or c.date in dates or _states([p.evidence.quote], c.quote)
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
            if _in_series(point.report, gold.name)
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
) -> None:
    for q in gold.questions:
        if (
            q.answerable
            and q.gold_evidence
            and all(any(same_report(e.report, skipped) for skipped in unindexed) for e in q.gold_evidence)
        ):
            score.add("qa.unindexed")
            score.failures.append((q.id, "not measured: its evidence is only in reports ingest skipped"))
            continue
        answer, passages = ask(q.question)
        text = "\n".join([answer.answer, *(p.text for p in answer.points)])
        citations = [*answer.citations, *(c for p in answer.points for c in p.citations)]
        score.add("citations", len(citations))
        score.add("citations.ok", sum(1 for c in citations if check(c)))
        if not q.answerable:
            score.note("unanswerable", float(not answer.answerable))
            if answer.answerable:
                score.failures.append((q.id, "answered a question the reports cannot answer"))
            continue
        score.note("answerable", float(answer.answerable))
        missing = missing_mentions(text, q.must_mention)
        score.note("must_mention", 1.0 - len(missing) / len(q.must_mention) if q.must_mention else 1.0)
        if missing:
            score.failures.append((q.id, f"missing mention: {', '.join(missing)}"))
        if not answer.answerable:
            holds = bool(passages) and not missing_mentions(passages[0], q.must_mention)
            score.add("refused_with_answer", float(holds))
            score.failures.append(
                (q.id, "refused" + (" although the top passage holds the answer" if holds else ""))
            )


def summed(scores: Sequence[SeriesScore]) -> SeriesScore:
    total = SeriesScore()
    for s in scores:
        for key, value in s.counts.items():
            total.add(key, value)
        for key, values in s.lists.items():
            total.lists.setdefault(key, []).extend(values)
    return total


def result_from(names: Sequence[str], scores: Sequence[SeriesScore], seconds: float) -> SuiteResult:
    """The suite result: overall figures, then every series' own, each gated on its own."""
    result = SuiteResult("zoo")
    result.cases = len(names)
    result.seconds = seconds
    overall = summed(scores).metrics()
    for key, value in overall.items():
        gate: dict[str, Any] = {}
        if key == "qa.citation_validity":
            gate = {"gate": "hard", "target": 1.0}
        elif key == "qa.refused_with_answer":
            gate = {"gate": "hard", "higher_is_better": False, "target": 0.0}
        elif key == "qa.unindexed":
            gate = {"gate": "info", "higher_is_better": False}
        result.add(key, value, **gate)
    for name, score in zip(names, scores, strict=True):
        values = score.metrics()
        # A series with no measurable question has no QA numbers (not the empty mean's 1.0).
        unmeasured = {"qa.must_mention": "must_mention", "qa.answerable_accuracy": "answerable"}
        result.details[name] = {
            k: None if k in unmeasured and not score.lists.get(unmeasured[k]) else round(v, 3)
            for k, v in values.items()
        }
        for key in ("slips.f1", "launches.f1", "incidents.f1"):
            result.add(f"{name}.{key}", values[key])
        if score.lists.get("must_mention"):  # nothing to gate when no question could be measured
            result.add(f"{name}.qa.must_mention", values["qa.must_mention"])
        result.failures += [CaseFailure(f"{name}: {case}", what) for case, what in score.failures]
    return result


def run_zoo(root: Path, home: Path, only: Sequence[str] = (), with_questions: bool = True) -> SuiteResult:
    """Ingest the zoo into `home` and score every series (or the ones named)."""
    from index.ledger import views
    from summarizer.config import load_settings
    from summarizer.pipelines.ask import ask
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    started = time.perf_counter()
    settings = load_settings(None, {"home": home, "embedder": "local", "engine": "local"})
    settings.chroma_url = None
    workspace = Workspace(settings)
    summary = ingest_paths(workspace, [(root / ZOO / "reports").resolve()], prune=True)
    skipped = [o for o in summary.outcomes if o.status == "skipped"]
    ledger = workspace.ledger
    facts = ZooFacts(
        views.slips(ledger), views.launches(ledger), views.incidents(ledger), views.metric_series(ledger)
    )

    def asked(question: str) -> tuple[Answer, list[str]]:
        result = ask(question, workspace, engine="local")
        return result.answer, [p.hit.text for p in result.context.passages]

    series = load_zoo(root, only)
    unindexed = [o.path for o in skipped]
    scores = [
        score_series(gold, facts, asked if with_questions else None, workspace.verifier.check, unindexed)
        for gold in series
    ]
    result = result_from([s.name for s in series], scores, time.perf_counter() - started)
    if skipped:
        result.notes.append(
            f"{len(skipped)} report(s) not indexed, their questions not measured: "
            + "; ".join(f"{Path(o.path).parent.name}/{Path(o.path).name} ({o.reason[:60]})" for o in skipped)
        )
    return result
