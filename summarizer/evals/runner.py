"""Run the offline eval: ingest the example corpus, run the suites, judge against the baseline.

The index lives in `<repo>/.data/eval` so a rerun re-ingests nothing that did not change. The
corpus goes in through the same ingest pipeline as `summarizer ingest`, and questions through the
same `ask` pipeline as the CLI.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from index.ledger import views
from index.ledger.store import Ledger
from summarizer import planning
from summarizer.config import Settings
from summarizer.engines import REGISTRY
from summarizer.errors import ConfigError
from summarizer.evals import baseline as bl
from summarizer.evals.context import EvalContext, LedgerFacts, root_verifier
from summarizer.evals.datasets import Datasets, QuestionCase, load_datasets, section_warnings
from summarizer.evals.result import SuiteResult
from summarizer.evals.suites import ledger as ledger_suite
from summarizer.evals.suites import qa as qa_suite
from summarizer.evals.suites import retrieval as retrieval_suite
from summarizer.evals.suites import risks as risks_suite
from summarizer.evals.suites import summary as summary_suite
from summarizer.evals.zoo import run_zoo
from summarizer.llm.results import Spend
from summarizer.schemas import Answer, ExecutiveSummary, Rollup

if TYPE_CHECKING:
    from summarizer.workspace import Workspace


def zoo_suite(ctx: EvalContext) -> SuiteResult:
    """The style zoo, in its own index beside the examples' (`<repo>/.data/zoo`); unavailable in a
    root without one (a test's tiny corpus), like any suite whose component is missing."""
    if not (ctx.root / "evals" / "zoo" / "gold").is_dir():
        return SuiteResult("zoo", unavailable=f"no style zoo under {ctx.root / 'evals' / 'zoo'}")
    return run_zoo(ctx.root, ctx.root / ".data" / "zoo")


def bare_context(root: Path, data: Datasets, engine: str) -> EvalContext:
    """A context without the examples' index, for suites that build their own (the zoo): `make
    test` runs the zoo beside the unit tests, which open the examples' index themselves."""
    return EvalContext(root=root, data=data, engine=engine, verifier=root_verifier(root))


SUITES: dict[str, Callable[[EvalContext], SuiteResult]] = {
    "retrieval": retrieval_suite.run,
    "qa": qa_suite.run,
    "ledger": ledger_suite.run,
    "summary": summary_suite.run,
    "risks": risks_suite.run,
    "zoo": zoo_suite,
}
OWN_INDEX = frozenset(["zoo"])  # suites that ingest into an index of their own
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


def eval_settings(root: Path, engine: str, home: Path | None = None) -> Settings:
    """The settings an eval runs with (evals/cassettes.py writes cassettes for exactly these)."""
    from summarizer.config import load_settings

    settings = load_settings(
        None, {"home": home or root / ".data" / "eval", "embedder": "local", "engine": engine}
    )
    settings.chroma_url = None  # the eval index is always the local one, whatever the environment says
    settings.cassettes = root / "evals" / "cassettes"
    if engine == "replay":
        settings.cache = False  # every question crosses HTTP: a cached reply would hide a miss
    return settings


def build_context(
    root: Path, data: Datasets, engine: str, data_dir: Path | None = None, record: bool = False
) -> EvalContext:
    """Ingest the example corpus into the eval data dir and wire the real pipelines.

    An LLM engine is built once for the run (replay: one server over evals/cassettes) and
    closed by `run_eval`; for replay the response cache is off, so every question reaches the
    replay server over HTTP and a cassette miss cannot hide behind a cached reply.
    """
    from index.lexical_store import rows_from_store
    from index.tokens import count_tokens
    from summarizer.engines import EngineOptions, get_engine
    from summarizer.engines.openai_engine import OpenAIEngine
    from summarizer.llm.config import llm_config
    from summarizer.pipelines import ask
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = data_dir or root / ".data" / "eval"
    settings = eval_settings(root, engine, home)
    if engine == "openai":
        llm_config(settings).require_key()  # before the ingest, not 56 failing questions later
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
    answering = get_engine(engine, settings, EngineOptions(command="eval", record=record))
    ctx.close = answering.close
    ctx.spend = answering.usage
    ctx.model = settings.chat_model

    def answer(q: QuestionCase) -> Answer:
        return ask.ask(q.question, workspace, engine=answering, k=ctx.k).answer

    ctx.answer = answer
    if isinstance(answering, OpenAIEngine):
        llm = answering
        ctx.llm_prompt_tokens = lambda q: llm.last.prompt_tokens if llm.last is not None else None
        if llm.replay is not None:
            server = llm.replay
            ctx.replay_stats = lambda: server.stats

    def corpus_tokens() -> tuple[int, int]:
        rows = rows_from_store(workspace.store)
        return sum(count_tokens(row.text) for row in rows), len(rows)

    ctx.corpus_tokens = corpus_tokens
    ctx.planned = lambda query, k: ask.prepare(query, workspace, k).hits
    ctx.planned_search = lambda query, k, mode: ask.search(
        planning.plan(query, retriever, workspace.ledger_or_none),
        workspace,
        k,
        mode,  # type: ignore[arg-type]
    )
    ctx.ledger = lambda: ledger_facts(workspace.ledger)
    wire_summaries(ctx, workspace, root, engine, record)
    return ctx


def wire_summaries(
    ctx: EvalContext, workspace: Workspace, root: Path, engine: str, record: bool = False
) -> None:
    """The summary, roll-up and register pipelines over the eval index, written by the engine's
    summary writer (one for the run: replay serves it from one server), without the summary cache
    (the suites measure the code as it is, not an earlier run)."""
    from summarizer.engines import EngineOptions
    from summarizer.engines.openai_engine import OpenAISummaryWriter
    from summarizer.engines.summary import WRITERS, get_writer
    from summarizer.pipelines import risks as risk_pipeline
    from summarizer.pipelines import summarize

    if engine not in WRITERS:
        for suite in ("summary", "risks"):
            ctx.unavailable[suite] = f"no summary writer for engine '{engine}' in this build"
        return
    reports = (root / "examples" / "reports").resolve()
    writer = get_writer(engine, workspace.settings, EngineOptions(command="eval", record=record))
    answer_close, answer_spend = ctx.close, ctx.spend

    def close() -> None:
        try:
            if answer_close is not None:
                answer_close()
        finally:
            writer.close()

    def spend() -> Spend | None:
        spent = [s for s in (answer_spend() if answer_spend else None, writer.usage()) if s is not None]
        return sum(spent[1:], spent[0]) if spent else None

    ctx.close, ctx.spend = close, spend
    if isinstance(writer, OpenAISummaryWriter) and writer.replay is not None:
        server = writer.replay
        ctx.summary_replay_stats = lambda: server.stats
    session = summarize.Session.open(workspace, use_cache=False, writer=writer)

    def summary(report: str) -> ExecutiveSummary:
        source = str(reports / report)
        ref = next((r for r in session.ledger.reports() if r.source == source), None)
        if ref is None:
            raise ConfigError(f"summaries.yaml: {report} is not in the eval index")
        return summarize.summary_of(session, ref)

    def rollup(series: str) -> Rollup:
        s = session.series(str(reports / series))
        return summarize.rollup_of(session, s, s.reports)

    ctx.summary = summary
    ctx.rollup = rollup
    ctx.risks = lambda: risk_pipeline.register(workspace, writer=writer)


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
    spend: Spend | None = None
    """What the engine's model calls cost over the run (None: the engine makes none)."""
    model: str = ""
    """The chat model an LLM engine asked."""

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
    chosen = list(suites) or list(SUITES)
    factory = make_context or (partial(build_context, record=True) if record else build_context)
    if make_context is None and set(chosen) <= OWN_INDEX:
        factory = bare_context  # nothing to ingest into the examples' index
    ctx = factory(root, data, engine)
    try:
        results = run_suites(ctx, chosen)
        spend = ctx.spend() if ctx.spend is not None else None
        model = ctx.model
    finally:
        if ctx.close is not None:
            ctx.close()
    path = baseline_path or root / "evals" / "baseline.json"
    baseline = bl.load_baseline(path)
    # Judged against what was accepted before, also when this run is then accepted: judged after
    # the update, every delta was 0 and a regression the update took in was reported as PASS.
    rows = bl.judge_all(results, baseline, engine)
    if update_baseline:
        bl.save_baseline(path, baseline, engine, results)
        baseline = bl.load_baseline(path)
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
        spend=spend,
        model=model,
    )
