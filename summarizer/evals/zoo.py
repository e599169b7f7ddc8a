"""The style zoo: report series written blind, in styles the extractors were not written from.

Each series (`evals/zoo/reports/<series>/`) was written by someone who never read the extraction
rules, from a one-paragraph style brief, with gold labels in `evals/zoo/gold/<series>/`
(BRIEF.md says how). The suite ingests every series into one index and scores, per series and
overall: slips (recall; precision counted on the evidence too: the cited quotes must state that
project's old and new value; F1 uses that precision), launches, incidents (one event told twice
is one incident),
metric points, and every gold question through `ask`, twice: put to the whole index without
naming its team, and put to its own series' reports (`qa.scoped.*`, as `ask --series` or a team
with its own folder asks it). Per-series numbers are what
leave-one-style-out means here: a rule written while looking at one series must not lower the
others, and each series is gated on its own.

This module runs the suite and gates its figures; the gold labels are read by `zoo_gold.py`,
matched by `zoo_match.py` and scored per series by `zoo_score.py`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.workers import in_workers
from summarizer.evals.result import CaseFailure, SuiteResult
from summarizer.evals.zoo_gold import ZOO, load_zoo
from summarizer.evals.zoo_score import SeriesScore, ZooFacts, score_series, summed
from summarizer.schemas import Answer

if TYPE_CHECKING:
    from summarizer.workspace import Workspace

SEED = ZOO / "vectors.npz"  # the zoo's chunk vectors (index/embed_seed.py): a fresh checkout's cache


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
        elif key in ("qa.refused_with_answer", "qa.scoped.refused_with_answer"):
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


def run_zoo(
    root: Path,
    home: Path,
    only: Sequence[str] = (),
    with_questions: bool = True,
    jobs: int | None = None,
    seed: bool = True,
) -> SuiteResult:
    """Ingest the zoo into `home` and score every series (or the ones named).

    The questions (most of the time after the ingest) are put by `jobs` processes at once (default:
    one per core, at most two), each reading the same index and ledger; every series is scored
    whole by one of them, so the figures are the same however many there are. `seed=False` leaves
    the cache as it is (the seed's rewrite primes it itself).
    """
    from index.embed import CACHE_FILE, CachedEmbedder, query_model
    from index.embed_seed import cached_digests, prime_cache
    from summarizer.pipelines.ingest import ingest_paths

    started = time.perf_counter()
    workspace = _workspace(home)
    embedder = workspace.embedder
    cache = workspace.settings.cache_dir / CACHE_FILE
    if seed:
        prime_cache(cache, root / SEED, embedder.name)
    summary = ingest_paths(workspace, [(root / ZOO / "reports").resolve()], prune=True)
    skipped = [o for o in summary.outcomes if o.status == "skipped"]
    series = load_zoo(root, only)
    unindexed = [o.path for o in skipped]
    # A team none of whose reports was indexed has no series to scope a question to (`ask --series`
    # says so): its questions are put to the whole index only. Indexed means searchable: a report
    # read as its title alone (a page whose text a script writes) is in the ledger, not the index.
    indexed = {Path(series).name for _, series, *_ in workspace.retriever.lexical.reports()}
    names = [s.name for s in series]
    jobs = min(jobs or min(2, os.cpu_count() or 1), len(names)) if with_questions else 1
    questions_seeded = len(cached_digests(cache, query_model(embedder.name))) if cache.is_file() else 0
    if jobs > 1:
        workspace.close()  # each worker opens the index the parent built: no inherited store handles
        parts = [names[i::jobs] for i in range(jobs)]
        shares = [(root, home, part, unindexed, indexed) for part in parts]
        scored = dict(pair for part in in_workers(_score_part, shares, jobs) for pair in part)
        scores = [scored[name] for name in names]
    else:
        scores = [s for _, s in _score(workspace, root, names, unindexed, indexed, with_questions)]
    result = result_from(names, scores, time.perf_counter() - started)
    if with_questions and (lost := [name for name in names if name not in indexed]):
        result.notes.append(f"no report indexed, scoped questions not asked: {', '.join(lost)}")
    if isinstance(embedder, CachedEmbedder) and embedder.misses:
        result.notes.append(
            f"{embedder.misses} of {len(embedder.asked)} chunks embedded, not in the cache or {SEED}"
            " (`make zoo-vectors` refreshes it)"
        )
    asked_now = (
        len(cached_digests(cache, query_model(embedder.name))) - questions_seeded if cache.is_file() else 0
    )
    if with_questions and asked_now:
        result.notes.append(f"{asked_now} question vector(s) embedded, not in the cache or {SEED}")
    if skipped:
        result.notes.append(
            f"{len(skipped)} report(s) not indexed, their questions not measured: "
            + "; ".join(f"{Path(o.path).parent.name}/{Path(o.path).name} ({o.reason[:60]})" for o in skipped)
        )
    return result


def _workspace(home: Path) -> Workspace:
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    # (ingest_jobs 0: a worker per core reads the reports; the zoo's vectors come from its seed file,
    # so reading, not embedding, is its ingest's work)
    settings = load_settings(None, {"home": home, "embedder": "local", "engine": "local", "ingest_jobs": 0})
    settings.chroma_url = None
    return Workspace(settings)


def _score_part(args: tuple[Path, Path, list[str], list[str], set[str]]) -> list[tuple[str, SeriesScore]]:
    """A worker's share: its series scored against the index the parent built."""
    root, home, names, unindexed, indexed = args
    workspace = _workspace(home)
    try:
        return _score(workspace, root, names, unindexed, indexed, True)
    finally:
        workspace.close()


def _score(
    workspace: Workspace,
    root: Path,
    names: list[str],
    unindexed: list[str],
    indexed: set[str],
    with_questions: bool,
) -> list[tuple[str, SeriesScore]]:
    from index.ledger import views
    from summarizer.pipelines.ask import ask

    ledger = workspace.ledger
    facts = ZooFacts(
        views.slips(ledger), views.launches(ledger), views.incidents(ledger), views.metric_series(ledger)
    )

    def asked(question: str) -> tuple[Answer, list[str]]:
        result = ask(question, workspace, engine="local")
        return result.answer, [p.hit.text for p in result.context.passages]

    def asked_of(question: str, series: str) -> tuple[Answer, list[str]]:
        result = ask(question, workspace, engine="local", series=series)
        return result.answer, [p.hit.text for p in result.context.passages]

    return [
        (
            gold.name,
            score_series(
                gold,
                facts,
                asked if with_questions else None,
                workspace.verifier.check,
                unindexed,
                asked_of if with_questions and gold.name in indexed else None,
            ),
        )
        for gold in load_zoo(root, names)
    ]
