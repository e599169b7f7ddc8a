"""How big the LLM summary writer's prompts are, and what the token budget leaves out of them.

Run: `python -m bench.summary_prompts` (writes the `## LLM summary prompts` section of
bench/RESULTS.md). No model is called: the real summary pipelines run with a writer that packs
each request exactly as the openai writer would (`OpenAISummaryWriter.prepare_*`, default
settings: a 4,000-token prompt budget), records it, and returns the local writer's draft. Two
corpora: examples/reports, and the generated 52-week corpus (bench/corpus.py, 52 zh + 52 en
reports, seed 7). Counts are tiktoken cl100k estimates, schema included.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe, replace_section  # noqa: E402  (needs ROOT on sys.path when run as a script)


class Measuring:
    """A summary writer that prepares the LLM request, keeps its size, and writes locally."""

    name = "replay"  # never reuses cached summaries: every week is prepared

    def __init__(self) -> None:
        from summarizer.config import load_settings
        from summarizer.engines.local.summary import LocalSummaryWriter
        from summarizer.engines.openai_engine.writer import OpenAISummaryWriter
        from summarizer.llm.config import llm_config

        config = llm_config(load_settings(overrides={}, environ={"OPENAI_API_KEY": "unused"}))
        self.llm = OpenAISummaryWriter("openai", config, self._no_client)
        self.local = LocalSummaryWriter()
        self.version = "bench"
        self.seen: dict[str, list[tuple[int, int]]] = {"summary": [], "rollup": [], "risks": []}
        self.notes: dict[str, list[str]] = {"summary": [], "rollup": [], "risks": []}

    @staticmethod
    def _no_client() -> Any:
        raise AssertionError("the benchmark calls no model")

    def _keep(self, kind: str, prepared: Any) -> None:
        self.seen[kind].append((prepared.prompt_tokens, len(prepared.packed.left_out)))
        self.notes[kind] += prepared.notes

    def summary(self, facts: Any) -> Any:
        self._keep("summary", self.llm.prepare_summary(facts))
        return self.local.summary(facts)

    def rollup(self, facts: Any) -> Any:
        self._keep("rollup", self.llm.prepare_rollup(facts))
        return self.local.rollup(facts)

    def risks(self, facts: Any) -> Any:
        self._keep("risks", self.llm.prepare_risks(facts))
        return self.local.risks(facts)

    def usage(self) -> None:
        return None

    def close(self) -> None:
        pass


def measure(files: list[Path], home: Path) -> dict[str, Any]:
    from index.ledger.store import Ledger
    from index.load import load_document
    from index.parse import parse_report
    from summarizer.config import load_settings
    from summarizer.pipelines import risks, summarize
    from summarizer.summaries.series import folders
    from summarizer.workspace import Workspace

    settings = load_settings(None, {"home": home}, environ={})
    with Ledger.open(settings.ledger_path) as ledger:
        for path in files:
            ledger.upsert_report(parse_report(load_document(path), str(path)))
    workspace = Workspace(settings)
    writer = Measuring()
    with summarize.Session.open(workspace, use_cache=False, writer=writer) as session:  # type: ignore[arg-type]
        for folder in folders(session.ledger):
            s = session.series(folder)
            for ref in s.reports:
                summarize.summary_of(session, ref)
            weekly = len(writer.seen["summary"])
            summarize.rollup_of(session, s, s.reports[-13:])  # a quarter
            summarize.rollup_of(session, s, s.reports)  # the whole period
            del writer.seen["summary"][weekly:]  # the map steps repeat the weeks already measured
            del writer.notes["summary"][weekly:]
    risks.register(workspace, writer=writer)  # type: ignore[arg-type]
    return writer.seen


def run() -> dict[str, dict[str, Any]]:
    from bench.corpus import generate_corpus

    examples = sorted((ROOT / "examples" / "reports").glob("*/*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated = generate_corpus(folder / "reports", weeks=52)
        return {
            "examples/reports": measure(examples, folder / "examples-home"),
            "generated 52-week corpus (zh + en)": measure(generated, folder / "generated-home"),
        }


def _row(name: str, kind: str, seen: list[tuple[int, int]]) -> str:
    tokens = [t for t, _ in seen]
    cut = sum(1 for _, left in seen if left)
    p95 = sorted(tokens)[max(0, round(0.95 * len(tokens)) - 1)]
    return (
        f"| {name} | {kind} | {len(seen)} | {statistics.median(tokens):.0f} | {p95} | {max(tokens)} |"
        f" {cut} | {max(left for _, left in seen)} |"
    )


def write_results(figures: dict[str, dict[str, Any]]) -> None:
    """Replace only the `## LLM summary prompts` section of RESULTS.md."""
    labels = {
        "summary": "weekly summary",
        "rollup": "roll-ups (a quarter, the whole period)",
        "risks": "register (every series)",
    }
    lines = [
        "## LLM summary prompts",
        "",
        f"Machine: {describe()}. Run: `.venv/bin/python -m bench.summary_prompts` (no model is called).",
        "The LLM summary writer's packed requests (default settings: a 4,000-token prompt budget), in",
        "tiktoken cl100k estimates with the JSON schema included; 'left out' counts the prompts where",
        "the budget kept facts, weekly headlines or register entries out (named in the result's notes).",
        "",
        "| corpus | prompt | requests | p50 | p95 | max | with material left out | most blocks left out |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, seen in figures.items():
        lines += [_row(name, labels[kind], seen[kind]) for kind in ("summary", "rollup", "risks")]
    section = "\n".join([*lines, ""])
    replace_section(section)


if __name__ == "__main__":
    results = run()
    for corpus, seen in results.items():
        print(corpus, {k: (len(v), max(t for t, _ in v)) for k, v in seen.items()})
    write_results(results)
