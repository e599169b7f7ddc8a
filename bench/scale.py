"""Benchmark at organisation scale: 10 teams x 5 years of weekly reports (2,600, zh and en).

Figures (each with the 1-minute load average when it was taken: this machine is shared):
cold ingest (chunks/s, peak RSS), embedding chunks/s with and without two busy processes
beside it, index size, ledger derive time, re-ingest of the unchanged corpus, warm `ask`
p50/p95 in one process, cold `ask`, `slips` and `summarize` processes (wall time, peak RSS).

Run: `.venv/bin/python -m bench.scale` (prints a Markdown table; copy it into bench/RESULTS.md).
`--teams/--weeks` size the corpus, `--home DIR` keeps the index (and `--reuse` measures an index
already there), `--sample N` sizes the busy-CPU comparison (reports ingested each way).
Not part of `make test`: a cold ingest of 2,600 reports takes ten minutes or more.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402  (needs ROOT on sys.path when run as a script)

QUESTIONS = [
    "which projects slipped?",
    "上个月有哪些线上问题？",
    "summarize last week",
    "哪些项目延期了？",
    "What incidents happened in the last 3 weeks?",
    "What risks are open?",
    "哪些项目上线了？是否按期？",
    "How is Edge Cache Rollout going?",
    "资金归集升级的进度如何？",
    "What changed compared to last week?",
]
BIN = Path(sys.executable).parent


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})}
    )
    out = child.stdout.read().decode("utf-8", "replace") if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{cmd[:3]} exited {child.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, out


def median_run(cmd: list[str], runs: int = 3) -> tuple[float, float, str]:
    results = [(*run(cmd), load()) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    return wall, max(r[1] for r in results), ", ".join(r[3] for r in results)


def ingest(corpus: Path, home: Path) -> dict[str, Any]:
    """`summarizer ingest` in its own process: figures from its JSON, wall time and peak RSS."""
    before = load()
    wall, rss, out = run([str(BIN / "summarizer"), "ingest", str(corpus), "--index", str(home), "--json"])
    totals = json.loads(out)["totals"]
    chunks = totals["chunks_added"] + totals["chunks_unchanged"]
    return {
        "seconds": wall,
        "chunks": chunks,
        "embedded": totals["chunks_added"],
        "chunks_per_s": totals["chunks_added"] / wall if wall else 0.0,
        "rss_mb": rss,
        "load": f"{before} → {load()}",
    }


def busy(n: int) -> list[subprocess.Popen[bytes]]:
    """`n` processes that keep one CPU each busy (what other jobs on a shared machine do)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def embed_comparison(corpus: Path, sample: int, tmp: Path) -> list[tuple[str, dict[str, Any]]]:
    """Cold ingest of the first `sample` reports of each team, alone and beside two busy processes."""
    part = tmp / "sample"
    teams = sorted(p for p in corpus.iterdir() if p.is_dir())
    for team in teams:
        (part / team.name).mkdir(parents=True, exist_ok=True)
        for path in sorted(team.glob("*.md"))[: max(1, sample // len(teams))]:
            shutil.copy(path, part / team.name / path.name)
    rows = [("alone", ingest(part, tmp / "h-alone"))]
    hogs = busy(2)
    try:
        time.sleep(2)
        rows.append(("beside 2 busy processes", ingest(part, tmp / "h-busy")))
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    return rows


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1_048_576
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1_048_576


def derive_seconds(home: Path) -> tuple[float, str]:
    """A full ledger derive (identity, timelines, slips, incidents, metric keys) on a copy."""
    from index.ledger.store import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ledger.sqlite"
        shutil.copy(home / "ledger.sqlite", copy)
        with sqlite3.connect(copy) as db:
            db.execute("DELETE FROM derived_state")
        db.close()
        with Ledger.open(copy) as ledger:
            before = load()
            started = time.perf_counter()
            ledger.derive()
            return time.perf_counter() - started, before


def warm_ask(
    home: Path, runs: int = 3, chroma_url: str | None = None
) -> tuple[list[float], dict[str, float], str]:
    """Each question `runs` times in one process after one warm-up pass (milliseconds)."""
    from summarizer.config import load_settings
    from summarizer.pipelines.ask import ask
    from summarizer.workspace import Workspace

    overrides: dict[str, Any] = {"home": home}
    if chroma_url:
        overrides["chroma_url"] = chroma_url
    workspace = Workspace(load_settings(overrides=overrides, environ={}))
    for question in QUESTIONS:
        ask(question, workspace)
    before = load()
    latencies: list[float] = []
    per: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    for _ in range(runs):
        for question in QUESTIONS:
            started = time.perf_counter()
            ask(question, workspace)
            elapsed = 1000 * (time.perf_counter() - started)
            latencies.append(elapsed)
            per[question].append(elapsed)
    return latencies, {q: statistics.median(v) for q, v in per.items()}, f"{before} → {load()}"


def table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measure | result | target | load avg |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true", help="measure the index already in --home")
    parser.add_argument(
        "--sample", type=int, default=200, help="reports in the busy-CPU comparison (0: skip)"
    )
    parser.add_argument(
        "--chroma-url",
        default=None,
        help="measure against a running `chroma run` server instead of the embedded store",
    )
    args = parser.parse_args()
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    if args.chroma_url:  # every child process (ingest, ask, slips) reads it from the environment
        os.environ["SUMMARIZER_CHROMA_URL"] = args.chroma_url
    from bench.corpus import generate_org_corpus

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    home = args.home or tmp / "home"
    # Beside a kept index, so a rerun with --reuse finds the same files at the same paths.
    corpus = (args.home.parent if args.home else tmp) / f"reports-{args.teams}x{args.weeks}"
    reports = len(generate_org_corpus(corpus, teams=args.teams, weeks=args.weeks))
    rows: list[tuple[str, str, str, str]] = []

    def add(measure: str, result: str, target: str, at: str) -> None:
        rows.append((measure, result, target, at))
        print(f"{measure}: {result} (load {at})", flush=True)

    if args.sample:
        for label, r in embed_comparison(corpus, args.sample, tmp):
            add(
                f"cold ingest, {r['embedded']} chunks, {label}",
                f"{r['chunks_per_s']:.1f} chunks/s ({r['seconds']:.0f} s)",
                "",
                r["load"],
            )
    if not args.reuse:
        cold = ingest(corpus, home)
        add(
            f"cold ingest, {reports} reports, {cold['chunks']} chunks",
            f"{cold['seconds']:.0f} s, {cold['chunks_per_s']:.1f} chunks/s, peak RSS {cold['rss_mb']:.0f} MB",
            "peak RSS <= 2 GB",
            cold["load"],
        )
    again = ingest(corpus, home)
    share = f", {100 * again['seconds'] / cold['seconds']:.1f}% of cold" if not args.reuse else ""
    add("re-ingest, nothing changed", f"{again['seconds']:.1f} s{share}", "<= 5% of cold", again["load"])
    sizes = {name: size_mb(home / name) for name in ("chroma", "ledger.sqlite", "lexical", "cache")}
    add(
        "index size",
        ", ".join(f"{name} {mb:.0f} MB" for name, mb in sizes.items()),
        "",
        load(),
    )
    seconds, at = derive_seconds(home)
    add(
        "ledger derive, everything (identity, timelines, slips, incidents, metrics)",
        f"{seconds:.1f} s",
        "",
        at,
    )
    latencies, per, at = warm_ask(home, chroma_url=args.chroma_url)
    ordered = sorted(latencies)
    add(
        f"warm `ask`, {len(QUESTIONS)} questions x 3, in one process",
        f"p50 {statistics.median(ordered):.0f} ms, p95 {ordered[int(0.95 * (len(ordered) - 1))]:.0f} ms",
        "p50 <= 500 ms",
        at,
    )
    for question in ("summarize last week", "which projects slipped?", "上个月有哪些线上问题？"):
        target = "<= 300 ms" if question.startswith("summarize") else ""
        add(f'warm `ask "{question}"` (median)', f"{per[question]:.0f} ms", target, at)
    timed: list[tuple[str, list[str], str]] = [
        ('cold `ask "which projects slipped?"` process', [str(BIN / "ask"), QUESTIONS[0]], "<= 1.5 s"),
        ('cold `ask "上个月有哪些线上问题？"` process', [str(BIN / "ask"), QUESTIONS[1]], "<= 1.5 s"),
        ("`summarizer slips --json` process", [str(BIN / "summarizer"), "slips"], "<= 0.5 s"),
        ("`summarizer incidents --json` process", [str(BIN / "summarizer"), "incidents"], ""),
        ("`summarizer summarize --week latest` process", [str(BIN / "summarizer"), "summarize"], ""),
    ]
    for label, cmd, target in timed:
        wall, rss, at = median_run([*cmd, "--index", str(home), "--json"])
        add(label, f"{wall:.2f} s (median of 3), peak RSS {rss:.0f} MB", target, at)
    print()
    print(f"Machine: {describe()}. Corpus: bench/corpus.py generate_org_corpus, {args.teams} teams x")
    store = f"Chroma server at {args.chroma_url}" if args.chroma_url else "embedded Chroma"
    print(f"{args.weeks} weeks = {reports} reports. Index: {home}; store: {store}.")
    print()
    print(table(rows))
    if args.home is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
