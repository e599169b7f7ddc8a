"""How big the openai engine's `ask` prompts are, against what one prompt holding the corpus costs.

Run: `python -m bench.prompts` (writes the `## LLM prompts` section of bench/RESULTS.md). No model
is called: each question goes through the real pipeline (plan, ledger facts, retrieval) and the
engine packs its request as it would send it (`OpenAIEngine.prepare`, default settings:
context_tokens 6000 - output_tokens 2000 = a 4,000-token prompt budget). Two corpora: the
examples with the eval's 56 questions, and the generated 52-week corpus (bench/corpus.py,
52 zh + 52 en reports, seed 7) with questions about its projects. Counts are tiktoken cl100k
estimates, schema included.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ask import QUESTIONS as ASK_QUESTIONS
from bench.corpus import EN_NAMES, ZH_NAMES, generate_corpus
from bench.machine import describe, replace_section

ROOT = Path(__file__).resolve().parents[1]
GENERATED_QUESTIONS = [
    *ASK_QUESTIONS,
    "上个月有哪些项目延期？",
    "Which projects slipped in Q3?",
    "Which projects launched?",
    "Which projects were paused or cancelled?",
    "最近三周有哪些线上故障？",
    "What incidents happened in the last month?",
    "Summarize the latest platform report.",
    "总结一下最新一周的周报。",
    "What changed compared to last week?",
    *(f"{name}的进度如何？为什么延期？" for name, _ in ZH_NAMES[:6]),
    *(f"What is the status of {name} and who owns it?" for name, _ in EN_NAMES[:6]),
]


def measure(home: Path, questions: list[str]) -> dict[str, object]:
    from index.lexical_store import rows_from_store
    from index.tokens import count_tokens
    from summarizer.config import load_settings
    from summarizer.engines.openai_engine import OpenAIEngine
    from summarizer.llm.client import ChatClient
    from summarizer.llm.config import llm_config
    from summarizer.pipelines.ask import prepare
    from summarizer.workspace import Workspace

    settings = load_settings(overrides={"home": home, "embedder": "local"}, environ={})
    workspace = Workspace(settings)
    config = llm_config(settings)

    def no_client() -> ChatClient:
        raise AssertionError("nothing is sent")

    engine = OpenAIEngine("openai", config, no_client)
    sizes: list[int] = []
    cut: list[str] = []
    for question in questions:
        prepared = engine.prepare(prepare(question, workspace, settings.top_k))
        sizes.append(prepared.prompt_tokens)
        if prepared.material.left_out:
            cut.append(f"{question} ({prepared.notes[0].split(': ', 1)[1].split(';')[0]})")
    rows = rows_from_store(workspace.store)
    ordered = sorted(sizes)
    return {
        "questions": len(questions),
        "p50": statistics.median(sizes),
        "p95": ordered[max(0, -(-95 * len(ordered) // 100) - 1)],
        "max": ordered[-1],
        "budget": config.context_tokens - config.output_tokens,
        "cut": cut,
        "chunks": len(rows),
        "corpus_tokens": sum(count_tokens(row.text) for row in rows),
    }


def run() -> dict[str, dict[str, object]]:
    from summarizer.config import load_settings
    from summarizer.evals.datasets import load_datasets
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    examples_home = ROOT / ".data" / "eval"  # the eval's index: unchanged files are skipped
    ingest_paths(
        Workspace(load_settings(overrides={"home": examples_home, "embedder": "local"}, environ={})),
        [ROOT / "examples" / "reports"],
        prune=True,
    )
    eval_questions = [q.question for q in load_datasets(ROOT / "evals" / "datasets", ROOT).questions]
    tmp = Path(tempfile.mkdtemp(prefix="bench-prompts-"))
    generate_corpus(tmp / "reports")
    home = tmp / "home"
    ingest_paths(Workspace(load_settings(overrides={"home": home}, environ={})), [tmp / "reports"])
    return {
        "examples/reports, the eval's questions": measure(examples_home, eval_questions),
        "generated 52-week corpus (zh + en), its questions": measure(home, GENERATED_QUESTIONS),
    }


def write_results(figures: dict[str, dict[str, object]]) -> None:
    """Replace only the `## LLM prompts` section of RESULTS.md."""
    lines = [
        "## LLM prompts",
        "",
        f"Machine: {describe()}. Run: `.venv/bin/python -m bench.prompts` (no model is called).",
        "The openai engine's packed `ask` request per question (default settings: a 4,000-token prompt",
        "budget), in tiktoken cl100k estimates with the JSON schema included, against one prompt",
        "holding every chunk of the index.",
        "",
        "| corpus | questions | prompt p50 | p95 | max | budget | questions with material left out | chunks | whole corpus |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in figures.items():
        lines.append(
            f"| {name} | {f['questions']} | {f['p50']:.0f} | {f['p95']} | {f['max']} | {f['budget']} |"
            f" {len(f['cut'])} | {f['chunks']} | {f['corpus_tokens']:,} |"  # type: ignore[arg-type]
        )
    lines.append("")
    for name, f in figures.items():
        for question in f["cut"]:  # type: ignore[attr-defined]
            lines.append(f"- left out ({name.split(',')[0]}): {question}")
    section = "\n".join([*lines, ""])
    replace_section(section)


if __name__ == "__main__":
    results = run()
    for corpus, figures in results.items():
        print(corpus, figures)
    write_results(results)
