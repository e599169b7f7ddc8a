"""Benchmark `ask` over a generated 52-week corpus: warm p50, `ask --help` and a cold `ask` process.

Run: `python -m bench.ask` (writes the `## Ask` section of bench/RESULTS.md). Uses
`bench.corpus.generate_corpus` when present, else the small generator below.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.machine import describe, replace_section

QUESTIONS = [
    "Which projects slipped last month?",
    "哪些项目延期了？",
    "What incidents happened in the last 3 weeks?",
    "支付网关重构进度如何？",
    "How is the search revamp going?",
    "What was the p99 latency trend in Q3?",
    "最近三周有什么风险？",
    "What changed compared to last week?",
    "Who owns the data warehouse migration?",
    "公司股价是多少？",
]
PROJECTS = ["支付网关重构", "Search revamp", "Data warehouse migration", "会员体系升级", "Mobile app v5"]


def _own_corpus(out: Path, weeks: int, seed: int) -> list[Path]:
    """A plain generator: per week, project lines with progress and targets, metrics, incidents."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2024, 1, 5)
    targets = {p: start + timedelta(weeks=rng.randint(8, 40)) for p in PROJECTS}
    files = []
    for week in range(weeks):
        day = start + timedelta(weeks=week)
        lines = [f"# Weekly report {day.isoformat()}", "", "## Projects", ""]
        for project in PROJECTS:
            if rng.random() < 0.1:
                targets[project] += timedelta(weeks=2)
            progress = min(100, week * 2 + rng.randint(0, 10))
            lines.append(
                f"- {project}: progress {progress}%, target {targets[project]:%m/%d}, owner t{rng.randint(1, 9)}"
            )
        lines += [
            "",
            "## Metrics",
            "",
            f"- p99 latency: {rng.randint(180, 420)}ms",
            f"- 支付成功率：{99 + rng.random():.2f}%",
        ]
        lines += ["", "## Incidents", ""]
        if rng.random() < 0.4:
            lines.append(
                f"- {day:%m/%d} checkout errors for {rng.randint(5, 90)} minutes; cause: config push"
            )
        lines += ["", "## Risks", "", f"- 风险：{rng.choice(PROJECTS)} 依赖的接口可能延期"]
        path = out / f"{day.isoformat()}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


def make_corpus(out: Path, weeks: int = 52, seed: int = 7) -> str:
    try:
        from bench.corpus import generate_corpus  # type: ignore[import-not-found]
    except ImportError:
        _own_corpus(out, weeks, seed)
        return "bench/ask.py generator"
    generate_corpus(out, weeks=weeks, seed=seed)
    return "bench/corpus.py generate_corpus"


def _wall(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> dict[str, object]:
    from index.ingest import Ingestor
    from index.lexical import rebuild_for_store
    from summarizer.config import load_settings
    from summarizer.pipelines.ask import ask
    from summarizer.workspace import Workspace

    def answer(question: str, workspace: Workspace) -> object:
        return ask(question, workspace).answer

    tmp = Path(tempfile.mkdtemp(prefix="bench-ask-"))
    corpus, home = tmp / "reports", tmp / "home"
    source = make_corpus(corpus)
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    started = time.perf_counter()
    summary = Ingestor(workspace.store, workspace.embedder).ingest([corpus])
    ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_for_store(workspace.store, workspace.home)
    lexical_ms = 1000 * (time.perf_counter() - started)
    for question in QUESTIONS:  # warm up: model load, lexical load, file cache
        answer(question, workspace)
    latencies = []
    for _ in range(3):
        for question in QUESTIONS:
            started = time.perf_counter()
            answer(question, workspace)
            latencies.append(1000 * (time.perf_counter() - started))
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    ask_bin = str(Path(sys.executable).with_name("ask"))
    help_s = _wall([ask_bin, "--help"], 5, env)
    cold_s = _wall([ask_bin, QUESTIONS[0], "--index", str(home), "--json"], 3, env)
    return {
        "corpus": source,
        "reports": summary.totals()["reports"],
        "chunks": workspace.store.count(),
        "ingest_s": ingest_s,
        "lexical_rebuild_ms": lexical_ms,
        "warm_p50_ms": statistics.median(latencies),
        "warm_p95_ms": sorted(latencies)[int(0.95 * (len(latencies) - 1))],
        "help_s": help_s,
        "cold_ask_s": cold_s,
    }


def write_results(figures: dict[str, object]) -> None:
    """Replace only the `## Ask` section of RESULTS.md; other sections belong to other benchmarks."""
    section = "\n".join(
        [
            "## Ask",
            "",
            f"Machine: {describe()}.",
            f"Corpus: {figures['reports']} weekly reports ({figures['corpus']}), {figures['chunks']} chunks.",
            "",
            "| measure | result | target |",
            "|---|---|---|",
            f"| warm `ask` p50 (in process, 10 questions x 3) | {figures['warm_p50_ms']:.0f} ms | <= 200 ms|",
            f"| warm `ask` p95 | {figures['warm_p95_ms']:.0f} ms | |",
            f"| `ask --help` wall time | {figures['help_s']:.2f} s | <= 1 s |",
            f"| cold `ask` process (model + index load) | {figures['cold_ask_s']:.2f} s | <= 2.5 s |",
            f"| lexical index rebuild after ingest | {figures['lexical_rebuild_ms']:.0f} ms | |",
            f"| ingest (embedding included) | {figures['ingest_s']:.1f} s | |",
            "",
        ]
    )
    replace_section(section)


if __name__ == "__main__":
    results = run()
    for key, value in results.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    write_results(results)
