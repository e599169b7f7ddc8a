"""The CPU a zoo question costs: every gold question of every Nth zoo series asked twice (to the
whole index and to its own series, as the zoo eval asks them), in a fresh process per setting of
OpenBLAS's threads, over the index `summarizer eval --suite zoo` built.

Why CPU and not only wall time: the eval asks with a worker per core beside the unit tests, so a
question's CPU-seconds, not its latency alone, decide how long `make test` takes on two cores.

Run: `.venv/bin/python -m bench.zoo_asks [--every 5] [--threads 1 2] [--write]` after
`summarizer eval --suite zoo` built `.data/zoo` (or `--home` another built zoo index).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.machine import describe, replace_section

ROOT = Path(__file__).resolve().parents[1]


def _one_run(home: Path, every: int) -> dict[str, float]:
    """In this process: ask the questions, return asks, CPU and wall seconds."""
    from summarizer.evals.zoo import _workspace
    from summarizer.evals.zoo_gold import ZOO, load_zoo
    from summarizer.pipelines.ask import ask

    names = sorted(p.name for p in (ROOT / ZOO / "gold").iterdir() if p.is_dir())[::every]
    workspace = _workspace(home)
    asks = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for series in load_zoo(ROOT, names):
        for question in series.questions:
            for scope in (None, series.name):
                ask(question.question, workspace, engine="local", series=scope)
                asks += 1
    return {"asks": asks, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=ROOT / ".data" / "zoo")
    parser.add_argument("--every", type=int, default=5, help="every Nth series (default 5)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="OpenBLAS threads to compare")
    parser.add_argument("--write", action="store_true", help="write the section of bench/RESULTS.md")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_one_run(args.home, args.every)))
        return
    rows = []
    for threads in args.threads:
        env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads)}
        command = [sys.executable, "-m", "bench.zoo_asks", "--child", "--home", str(args.home)]
        done = subprocess.run(
            [*command, "--every", str(args.every)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append((threads, result))
        print(
            f"OpenBLAS threads {threads}: {result['asks']} asks, CPU {result['cpu']:.1f} s, wall {result['wall']:.1f} s"
        )
    if args.write:
        lines = [
            "## Zoo questions' CPU",
            "",
            f"`python -m bench.zoo_asks --every {args.every}` on {describe()}: every gold question of every"
            f" {args.every}th zoo series, asked to the whole index and to its own series, one process per row.",
            "",
            "| OpenBLAS threads | asks | CPU s | wall s | CPU ms per ask |",
            "|---|---|---|---|---|",
            *(
                f"| {t} | {r['asks']:.0f} | {r['cpu']:.1f} | {r['wall']:.1f} | {1000 * r['cpu'] / r['asks']:.0f} |"
                for t, r in rows
            ),
            "",
        ]
        replace_section("\n".join(lines))


if __name__ == "__main__":
    main()
