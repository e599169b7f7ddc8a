"""Run the offline eval: ingest the example corpus, run the suites, judge against the baseline.

The index lives in `<repo>/.data/eval` so a rerun re-ingests nothing that did not change. The
corpus goes in through the same ingest pipeline as `summarizer ingest`, and questions through the
same `ask` pipeline as the CLI.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from index.ledger import views
from index.ledger.store import Ledger
from summarizer import planning
from summarizer.engines import REGISTRY
from summarizer.errors import ConfigError
from summarizer.evals import baseline as bl
from summarizer.evals.context import EvalContext, LedgerFacts, root_verifier
from summarizer.evals.datasets import Datasets, QuestionCase, load_datasets, section_warnings
from summarizer.evals.result import SuiteResult
from summarizer.evals.suites import ledger as ledger_suite
from summarizer.evals.suites import qa as qa_suite
from summarizer.evals.suites import retrieval as retrieval_suite
from summarizer.evals.zoo import run_zoo
from summarizer.schemas import Answer


def zoo_suite(ctx: EvalContext) -> SuiteResult:
    """The style zoo, in its own index beside the examples' (`<repo>/.data/zoo`); unavailable in a
    root without one (a test's tiny corpus), like any suite whose component is missing."""
    if not (ctx.root / "evals" / "zoo" / "gold").is_dir():
        return SuiteResult("zoo", unavailable=f"no style zoo under {ctx.root / 'evals' / 'zoo'}")
    return run_zoo(ctx.root, ctx.root / ".data" / "zoo")


SUITES: dict[str, Callable[[EvalContext], SuiteResult]] = {
    "retrieval": retrieval_suite.run,
    "qa": qa_suite.run,
    "ledger": ledger_suite.run,
    "zoo": zoo_suite,
}
ENGINES = ("local", "replay", "openai")


def find_root(start: Path | None = None) -> Path:
    """The repo root: the nearest folder holding evals/datasets, else the one above this package."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "evals" / "datasets").is_dir():
            return folder
    return Path(__file__).resolve().parents[2]


def check_engine(engine: str, record: bool = False) -> None:
    """Fail before any work when the engine (or recording) cannot run in this build."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine '{engine}' (use one of: {', '.join(ENGINES)})")
    if engine not in REGISTRY:
        raise ConfigError(
            f"engine '{engine}' is not available in this build; run `summarizer eval --engine local`"
        )
    if record and engine != "openai":
        raise ConfigError("--record needs --engine openai and a real endpoint (OPENAI_API_KEY)")


def ledger_facts(ledger: Ledger) -> LedgerFacts:
    """What the ledger derived from the corpus, for the ledger suite."""
    return LedgerFacts(
        slips=views.slips(ledger),
        incidents=views.incidents(ledger),
        launches=views.launches(ledger),
        series=views.metric_series(ledger),
    )


def build_context(root: Path, data: Datasets, engine: str, data_dir: Path | None = None) -> EvalContext:
    """Ingest the example corpus into the eval data dir and wire the real pipelines."""
    from summarizer.config import load_settings
    from summarizer.pipelines import ask
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = data_dir or root / ".data" / "eval"
    settings = load_settings(None, {"home": home, "embedder": "local", "engine": engine})
    settings.chroma_url = None  # the eval index is always the local one, whatever the environment says
    workspace = Workspace(settings)
    ctx = EvalContext(root=root, data=data, engine=engine, verifier=root_verifier(root))
    summary = ingest_paths(workspace, [(root / "examples" / "reports").resolve()], prune=True)
    totals = summary.totals()
    ctx.index_note = (
        f"{home} · {totals['reports']} reports ({totals['added'] + totals['updated']} re-ingested, "
        f"{totals['skipped']} skipped)"
    )
    retriever = workspace.retriever
    ctx.search = lambda query, k, mode: retriever.search(query, k=k, mode=mode)  # type: ignore[arg-type]

    def answer(q: QuestionCase) -> Answer:
        return ask.ask(q.question, workspace, engine=engine, k=ctx.k).answer

    ctx.answer = answer
    ctx.planned = lambda query, k: ask.prepare(query, workspace, k).hits
    ctx.planned_search = lambda query, k, mode: ask.search(
        planning.plan(query, retriever, workspace.ledger_or_none),
        workspace,
        k,
        mode,  # type: ignore[arg-type]
    )
    ctx.ledger = lambda: ledger_facts(workspace.ledger)
    return ctx


@dataclass
class EvalRun:
    """The outcome of one eval: suite results, the judged rows and whether the gates passed."""

    engine: str
    results: list[SuiteResult]
    rows: list[bl.Row]
    baseline: bl.Baseline
    baseline_path: Path
    warnings: list[str] = field(default_factory=list)
    index_note: str = ""
    seconds: float = 0.0
    updated: bool = False

    @property
    def passed(self) -> bool:
        return all(row.status not in ("fail", "missing") for row in self.rows)


def run_suites(ctx: EvalContext, suites: Sequence[str]) -> list[SuiteResult]:
    results = []
    for name in suites:
        started = time.perf_counter()
        result = SUITES[name](ctx)
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


ContextFactory = Callable[[Path, Datasets, str], EvalContext]


def run_eval(
    root: Path,
    engine: str = "local",
    suites: Sequence[str] = (),
    baseline_path: Path | None = None,
    update_baseline: bool = False,
    record: bool = False,
    make_context: ContextFactory | None = None,
) -> EvalRun:
    """Load the gold data, run the chosen suites (all by default) and judge them."""
    started = time.perf_counter()
    unknown = [s for s in suites if s not in SUITES]
    if unknown:
        raise ConfigError(f"unknown suite {', '.join(unknown)} (use: {', '.join(SUITES)})")
    check_engine(engine, record)
    data = load_datasets(root / "evals" / "datasets", root)
    data.warnings += section_warnings(data, root / "examples" / "reports")
    if not data.questions and not data.present:
        raise ConfigError(f"no eval datasets found in {root / 'evals' / 'datasets'}")
    ctx = (make_context or build_context)(root, data, engine)
    results = run_suites(ctx, list(suites) or list(SUITES))
    path = baseline_path or root / "evals" / "baseline.json"
    baseline = bl.load_baseline(path)
    if update_baseline:
        bl.save_baseline(path, baseline, engine, results)
        baseline = bl.load_baseline(path)
    rows = bl.judge_all(results, baseline, engine)
    return EvalRun(
        engine,
        results,
        rows,
        baseline,
        path,
        warnings=data.warnings,
        index_note=ctx.index_note,
        seconds=time.perf_counter() - started,
        updated=update_baseline,
    )
