"""Benchmark readers during a write: `summarizer ask` processes while an ingest rewrites every report.

A writer process rewrites and re-ingests a small corpus in a loop; meanwhile N asks run one after
another and M in parallel, each its own process (as users run them). Prints how many failed and
with what. Run: `.venv/bin/python -m bench.concurrency [--sequential 10] [--parallel 20]`.
It uses only APIs older versions have too, so the same script measures before and after a change
(`PYTHONPATH=<an export of the old tree> .venv/bin/python bench/concurrency.py`).
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH, so an old tree put there wins

from bench.machine import describe  # noqa: E402

QUESTIONS = ["Which project is Ibis14?", "What risks were reported?", "How far along is Project Ibis21?"]
CLI = "import sys; from summarizer.cli import main; sys.argv[0] = 'summarizer'; main()"
WRITER = """
import sys
from pathlib import Path
from summarizer.config import load_settings
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

home, corpus = Path(sys.argv[1]), Path(sys.argv[2])
workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
round = 0
while True:
    for path in sorted(corpus.iterdir()):
        path.write_text(path.read_text(encoding="utf-8") + f"- round {round} note\\n", encoding="utf-8")
    ingest_paths(workspace, [corpus])
    round += 1
    print("round", round, flush=True)
"""


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True)
    for month in (3, 4):
        for day in (7, 14, 21, 28):
            stamp = f"2025-0{month}-{day:02d}"
            (folder / f"{stamp}.md").write_text(
                f"# Weekly report {stamp}\n\n## Progress\n- Project Ibis{day} at {day * 3}%\n\n"
                f"## Risks\n- none this week for Ibis{day}\n",
                encoding="utf-8",
            )


def ask(home: Path, question: str) -> tuple[int, str]:
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run(
        [sys.executable, "-c", CLI, "ask", question, "--index", str(home), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    lines = done.stderr.strip().splitlines()
    return done.returncode, (lines[-1][:120] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sequential", type=int, default=10)
    parser.add_argument("--parallel", type=int, default=20)
    args = parser.parse_args()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with tempfile.TemporaryDirectory() as tmp:
        home, corpus = Path(tmp) / "home", Path(tmp) / "corpus"
        write_corpus(corpus)
        subprocess.run(
            [sys.executable, "-c", CLI, "ingest", str(corpus), "--index", str(home), "--json"],
            check=True,
            capture_output=True,
            env=env,
        )
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), str(corpus)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        writer.stdout.readline()
        started = time.perf_counter()
        try:
            sequential = [ask(home, QUESTIONS[i % 3]) for i in range(args.sequential)]
            with ThreadPoolExecutor(max_workers=args.parallel) as pool:
                parallel = list(pool.map(lambda i: ask(home, QUESTIONS[i % 3]), range(args.parallel)))
        finally:
            writer.kill()
            rounds = writer.communicate()[0].count("round") + 1
        seconds = time.perf_counter() - started
    print(f"machine: {describe()}")
    print(f"writer rounds during the asks: {rounds} (8 reports rewritten per round); {seconds:.0f} s")
    for name, results in (("sequential", sequential), ("parallel", parallel)):
        failed = [message for code, message in results if code != 0]
        print(f"{name}: {len(failed)} of {len(results)} asks failed")
        for message, count in collections.Counter(failed).most_common(3):
            print(f"  {count}x {message}")


if __name__ == "__main__":
    main()
