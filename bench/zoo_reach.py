"""What reaches the engine: for every answerable zoo question, the share of its must-mention terms
present in the ledger facts, in the passages `ask` hands the engine, in a deeper search, and in
the answer.

The answer can only mention what reaches it; when the passages miss a term the engine is not the
place to look. Columns (means per series, one row per series and one overall):

  facts    the facts' headline and points (what the local engine shows)
  ctx      facts + passages: everything the engine reads
  pass     the passages alone
  deepN    the plan's own search (its scope, range and kinds) at k=N
  goldN    the same search scoped to the question's own series: what scoping loses
  answer   the local engine's answer (the zoo's qa.must_mention)
  scope    share of questions whose plan keeps the gold series in scope (series or reports)

Run: `.venv/bin/python -m bench.zoo_reach [--deep 30] [--series NAME ...] [--misses] [--write]`
after `summarizer eval --suite zoo` built `.data/zoo` (it ingests again, which skips unchanged
files). `--misses` prints each question's terms that never reach the engine; `--write` puts the
table in the `## Zoo reach` section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.machine import replace_section
from index.schemas import series_of
from summarizer.config import load_settings
from summarizer.evals.metrics import mention_rate, missing_mentions
from summarizer.evals.zoo_gold import ZOO, load_zoo
from summarizer.pipelines.ask import ask, search
from summarizer.pipelines.ingest import ingest_paths
from summarizer.planning.index_context import index_context
from summarizer.workspace import Workspace

COLUMNS = ("facts", "ctx", "pass", "deep", "gold", "answer", "scope")


@dataclass
class Row:
    """Per-question shares, grouped by series."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, column: str, value: float) -> None:
        self.values.setdefault(column, []).append(value)

    def mean(self, column: str) -> float:
        items = self.values.get(column, [])
        return sum(items) / len(items) if items else float("nan")


def measure(root: Path, deep: int, only: Sequence[str], misses: bool) -> dict[str, Row]:
    """Ask every answerable question of the zoo index and measure what reached the engine."""
    settings = load_settings(None, {"home": root / ".data" / "zoo", "embedder": "local", "engine": "local"})
    settings.chroma_url = None
    workspace = Workspace(settings)
    ingest_paths(workspace, [(root / ZOO / "reports").resolve()], prune=True)
    by_series = index_context(workspace.retriever.lexical).reports_by_series
    rows: dict[str, Row] = {}
    for gold in load_zoo(root, only):
        row = rows.setdefault(gold.name, Row())
        for q in gold.questions:
            if not q.answerable or not q.must_mention:
                continue
            result = ask(q.question, workspace, engine="local")
            ctx, plan, answer = result.context, result.context.plan, result.answer
            facts = "\n".join([ctx.facts.headline or "", *(p.text for p in ctx.facts.points)])
            passages = "\n".join(p.hit.text for p in ctx.passages)
            deep_hits = search(plan, workspace, deep)
            own = {r for s, rs in by_series.items() if s.endswith(gold.name) for r in rs}
            gold_hits = workspace.retriever.search(
                plan.query,
                k=deep,
                since=plan.since,
                until=plan.until,
                mode=workspace.settings.search_mode,
                lexical_query=plan.terms,
                reports=own & plan.reports if plan.reports is not None else own,
            )
            said = "\n".join([answer.answer, *(p.text for p in answer.points)])
            terms = q.must_mention
            row.add("facts", mention_rate(facts, terms))
            row.add("ctx", mention_rate(facts + "\n" + passages, terms))
            row.add("pass", mention_rate(passages, terms))
            row.add("deep", mention_rate("\n".join(h.text for h in deep_hits), terms))
            row.add("gold", mention_rate("\n".join(h.text for h in gold_hits), terms))
            row.add("answer", mention_rate(said, terms))
            in_scope = plan.reports is None or bool(own & plan.reports)
            row.add("scope", float(in_scope and (plan.series is None or plan.series.endswith(gold.name))))
            if misses:
                lost = missing_mentions(facts + "\n" + passages, terms)
                unsaid = missing_mentions(said, terms)
                print(
                    f"{q.id}: intent={plan.intent} series={plan.series and series_of(plan.series + '/x')}"
                    f" weeks={plan.period} reports={'all' if plan.reports is None else len(plan.reports)}"
                    f"\n   Q: {q.question}\n   not in context: {lost}\n   not in answer: {unsaid}"
                )
    return rows


def table(rows: dict[str, Row], deep: int) -> str:
    """The per-series table and an overall row (mean over questions, not over series)."""
    heads = [c if c not in ("deep", "gold") else f"{c}{deep}" for c in COLUMNS]
    lines = ["| series | n | " + " | ".join(heads) + " |", "|---|---|" + "---|" * len(heads)]
    total = Row()
    for name, row in sorted(rows.items()):
        n = len(row.values.get("answer", []))
        lines.append(f"| {name} | {n} | " + " | ".join(f"{row.mean(c):.2f}" for c in COLUMNS) + " |")
        for column, items in row.values.items():
            total.values.setdefault(column, []).extend(items)
    n = len(total.values.get("answer", []))
    lines.append(f"| overall | {n} | " + " | ".join(f"{total.mean(c):.2f}" for c in COLUMNS) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deep", type=int, default=30, help="k of the deeper search (default 30)")
    parser.add_argument("--series", nargs="*", default=(), help="only these zoo series")
    parser.add_argument("--misses", action="store_true", help="print each question's lost terms")
    parser.add_argument("--write", action="store_true", help="write the table into bench/RESULTS.md")
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    found = table(measure(root, args.deep, args.series, args.misses), args.deep)
    print(found)
    if args.write:
        count = len([p for p in (root / "evals" / "zoo" / "gold").iterdir() if p.is_dir()])
        replace_section(
            "## Zoo reach\n\nShare of each answerable zoo question's must-mention terms that reach the engine"
            " (`python -m bench.zoo_reach --write`; columns in the module docstring), mean per series,"
            f" local embedder and engine, all {count} series in one index.\n\n" + found + "\n"
        )


if __name__ == "__main__":
    main()
