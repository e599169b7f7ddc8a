"""The seam between the suites and the system under test.

Suites see only plain callables (search, answer, ledger facts) and a verifier, so a test can hand
them a deliberately broken retriever or a tampered answer without an index, and a missing
component is a suite marked "unavailable" with the reason instead of a crash or a fake number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from index.schemas import Incident, Launch, MetricSeries, Slip
from index.verify import Verifier, load_lines
from summarizer.evals.datasets import Datasets, QuestionCase
from summarizer.evals.metrics import HitLike
from summarizer.llm.replay import ReplayStats
from summarizer.llm.results import Spend
from summarizer.schemas import Answer, ExecutiveSummary, RiskRegister, Rollup

SearchFn = Callable[[str, int, str], Sequence[HitLike]]
"""(query, k, mode) -> hits, mode one of hybrid, dense, lexical."""
AnswerFn = Callable[[QuestionCase], Answer]


@dataclass
class LedgerFacts:
    """What the ledger derived from the corpus: slips, incidents, launches, metric series."""

    slips: list[Slip] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    launches: list[Launch] = field(default_factory=list)
    series: list[MetricSeries] = field(default_factory=list)


@dataclass
class EvalContext:
    """Everything a suite may use; a None callable means that component is unavailable."""

    root: Path
    data: Datasets
    engine: str = "local"
    search: SearchFn | None = None
    answer: AnswerFn | None = None
    planned: Callable[[str, int], Sequence[HitLike]] | None = None
    """The `ask` pipeline's own retrieval (planner time range + query terms), when it exposes one."""
    planned_search: SearchFn | None = None
    """The pipeline's search alone (plan applied, no ledger evidence), per mode: how each ranker
    does on the questions as the product asks them."""
    ledger: Callable[[], LedgerFacts] | None = None
    summary: Callable[[str], ExecutiveSummary] | None = None
    """Report path (relative to examples/reports) -> its weekly executive summary."""
    rollup: Callable[[str], Rollup] | None = None
    """Series folder name -> the roll-up of its whole period."""
    risks: Callable[[], RiskRegister] | None = None
    """The risk register of every series, all statuses."""
    llm_prompt_tokens: Callable[[QuestionCase], int | None] | None = None
    """For an LLM engine: the tokens of the prompt it packed for the question it last answered."""
    corpus_tokens: Callable[[], tuple[int, int]] | None = None
    """(tokens, chunks) of every chunk in the index: the cost of one prompt holding the corpus."""
    spend: Callable[[], Spend | None] | None = None
    """What the engine's model calls cost over the run (None for an engine that makes none)."""
    replay_stats: Callable[[], ReplayStats] | None = None
    summary_replay_stats: Callable[[], ReplayStats] | None = None
    """For replay: the summary writer's server (summaries, roll-ups and the register)."""
    model: str = ""
    """The chat model an LLM engine asks (for the cost line)."""
    close: Callable[[], None] | None = None
    verifier: Verifier = field(default_factory=Verifier)
    unavailable: dict[str, str] = field(default_factory=dict)
    k: int = 8
    index_note: str = ""
    _hits: dict[tuple[str, str], Sequence[HitLike]] = field(default_factory=dict)

    def hits(self, query: str, mode: str = "hybrid") -> Sequence[HitLike]:
        """Search once per (query, mode): the retrieval and qa suites share results.

        Mode "planned" is what `ask` retrieves for the question; the others are raw searches.
        """
        key = (query, mode)
        if key not in self._hits:
            if mode == "planned":
                assert self.planned is not None
                self._hits[key] = list(self.planned(query, self.k))
            elif mode.startswith("planned_"):
                assert self.planned_search is not None
                self._hits[key] = list(self.planned_search(query, self.k, mode.removeprefix("planned_")))
            else:
                assert self.search is not None
                self._hits[key] = list(self.search(query, self.k, mode))
        return self._hits[key]

    @property
    def prompt_mode(self) -> str:
        """The retrieval whose passages the engine reads: the pipeline's own when exposed."""
        return "planned" if self.planned is not None else "hybrid"


def root_verifier(root: Path) -> Verifier:
    """A verifier that resolves relative citation paths against the repo root, not the cwd."""

    def source(report: str) -> dict[int, str] | None:
        path = Path(report)
        return load_lines(str(path if path.is_absolute() else root / path))

    return Verifier(source=source)
