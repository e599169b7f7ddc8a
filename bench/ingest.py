"""Benchmark ingest: cold examples, cold generated 52-week corpus (its reports read in this process,
then by two worker processes), re-ingest with nothing changed.

Each scenario runs in its own process so peak RSS (ru_maxrss) belongs to that scenario alone.
Run: `.venv/bin/python -m bench.ingest` (writes nothing; copy the printed table into RESULTS.md).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402  (needs ROOT on sys.path when run as a script)


def run_scenario(corpus: Path, home: Path, jobs: int = 1) -> dict[str, float]:
    """Ingest `corpus` into `home` in this process (its reports read by `jobs` processes) and return
    the figures; peak RSS is this process's, not its reading workers'."""
    from index.ingest import Ingestor
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    workspace = Workspace(load_settings(overrides={"home": str(home)}, environ={}))
    ingestor = Ingestor(workspace.store, workspace.embedder, ledger=workspace.ledger, jobs=jobs)
    started = time.perf_counter()
    summary = ingestor.ingest([corpus])
    seconds = time.perf_counter() - started
    totals = summary.totals()
    chunks = totals["chunks_added"] + totals["chunks_unchanged"]
    return {
        "reports": totals["reports"],
        "chunks": chunks,
        "embedded": totals["chunks_added"],
        "seconds": round(seconds, 3),
        "chunks_per_s": round(chunks / seconds, 1) if seconds else 0.0,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _child(corpus: Path, home: Path, jobs: int = 1) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), str(home), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from bench.corpus import generate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        generated = tmp_path / "generated"
        generate_corpus(generated, weeks=52, seed=7)
        rows = {
            "cold examples": _child(ROOT / "examples" / "reports", tmp_path / "h1"),
            "cold 52-week corpus": _child(generated, tmp_path / "h2"),
            "cold 52-week corpus, 2 reading workers": _child(generated, tmp_path / "h3", jobs=2),
            "re-ingest 52-week, unchanged": _child(generated, tmp_path / "h2"),
        }
    print(f"machine: {describe()}")
    print("| scenario | reports | chunks | embedded | seconds | chunks/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        print(
            f"| {name} | {r['reports']} | {r['chunks']} | {r['embedded']} | {r['seconds']} | "
            f"{r['chunks_per_s']} | {r['peak_rss_mb']} |"
        )
    cold = rows["cold 52-week corpus"]["seconds"]
    warm = rows["re-ingest 52-week, unchanged"]["seconds"]
    print(f"re-ingest speed-up: {cold / warm:.0f}x")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(run_scenario(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
    else:
        main()
