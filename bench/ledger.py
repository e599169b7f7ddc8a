"""Benchmark the fact ledger on a generated 52-week corpus (zh + en): build, re-ingest, views.

Figures: ingest's ledger work (load + parse + extract + SQLite for every report, then the one
closing derive that links projects and derives slips; target < 2 s), a second pass over unchanged
files (content-hash hits), `slips` as the command runs it after an ingest (a new process opens the
ledger and reads the derived tables; target < 100 ms), the same in this process (cache cleared,
warm), and the other views. The closing derive is also what a reader pays when it finds the
derived tables stale (an ingest cut short before its derive).
Run: `.venv/bin/python -m bench.ledger` (prints the table and rewrites `## Ledger` in RESULTS.md).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe, replace_section  # noqa: E402  (needs ROOT on sys.path when run as a script)


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _cpu_timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of this process: on a shared machine the wall time also counts other
    jobs' turns on the CPU and the disk's fsyncs, the CPU time only this work."""
    cpu = time.process_time()
    wall, value = _timed(action)
    return wall, time.process_time() - cpu, value


_FRESH_READ = """
import json, sys, time
from pathlib import Path
from index.ledger import views
from index.ledger.store import Ledger
with Ledger.open(Path(sys.argv[1])) as ledger:
    wall, cpu = time.perf_counter(), time.process_time()
    slips = views.slips(ledger)
    print(json.dumps({"ms": (time.perf_counter() - wall) * 1000,
                      "cpu_ms": (time.process_time() - cpu) * 1000, "slips": len(slips)}))
"""


def _fresh_process_slips(path: Path) -> dict[str, float]:
    """`slips` in a new process over an ingested ledger, timed inside it (the interpreter's start
    and imports are not the ledger's cost; `ask --help`'s wall time in the Ask table covers them)."""
    out = subprocess.run(
        [sys.executable, "-c", _FRESH_READ, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def run(weeks: int = 52) -> dict[str, Any]:
    from bench.corpus import generate_corpus
    from index.ledger import views
    from index.ledger.store import Ledger
    from index.load import load_document
    from index.parse import parse_report

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate_corpus(folder / "reports", weeks=weeks)

        def build(ledger: Ledger) -> int:
            return sum(ledger.upsert_report(parse_report(load_document(p), str(p))) for p in paths)

        with Ledger.open(folder / "ledger.sqlite") as ledger:
            build_s, build_cpu_s, stored = _cpu_timed(lambda: build(ledger))
            again_s, restored = _timed(lambda: build(ledger))
            # The first read derives (link projects, derive slips): what `ingest` does once when
            # its writes are done, so the ingest's ledger work is the build plus this.
            cold_s, cold_cpu_s, slips = _cpu_timed(lambda: views.slips(ledger))
            warm = [_timed(lambda: views.slips(ledger))[0] for _ in range(20)]
            fresh = []
            for _ in range(5):
                ledger.cache.clear()
                fresh.append(_timed(lambda: views.slips(ledger))[0])
            others = {
                name: _timed(action)[0]
                for name, action in (
                    ("projects", lambda: views.projects(ledger)),
                    ("incidents", lambda: views.incidents(ledger)),
                    ("metric_series", lambda: views.metric_series(ledger)),
                    ("launches", lambda: views.launches(ledger)),
                    ("changes (latest vs previous)", lambda: views.changes(ledger, "previous", "latest")),
                )
            }
            data = ledger.load()
            facts = len(data.observations) + len(data.incidents) + len(data.metrics) + len(data.notes)
            counts = {kind: sum(s.kind == kind for s in slips) for kind in sorted({s.kind for s in slips})}
            projects = len(views.projects(ledger))
        fresh_runs = [_fresh_process_slips(folder / "ledger.sqlite") for _ in range(5)]
        if any(run["slips"] != len(slips) for run in fresh_runs):
            raise RuntimeError("a new process read a different number of slips than the ingest derived")
    return {
        "reports": len(paths),
        "stored": stored,
        "restored": restored,
        "facts": facts,
        "projects": projects,
        "slips": len(slips),
        "slip_kinds": counts,
        "build_s": build_s,
        "build_cpu_s": build_cpu_s,
        "again_s": again_s,
        "slips_cold_ms": cold_s * 1000,
        "slips_cold_cpu_ms": cold_cpu_s * 1000,
        "ingest_s": build_s + cold_s,
        "ingest_cpu_s": build_cpu_s + cold_cpu_s,
        "slips_process_ms": statistics.median(r["ms"] for r in fresh_runs),
        "slips_process_cpu_ms": statistics.median(r["cpu_ms"] for r in fresh_runs),
        "slips_fresh_median_ms": statistics.median(fresh) * 1000,
        "slips_warm_median_ms": statistics.median(warm) * 1000,
        "others_ms": {k: v * 1000 for k, v in others.items()},
    }


def render(f: dict[str, Any]) -> str:
    kinds = ", ".join(f"{k} {v}" for k, v in f["slip_kinds"].items())
    rows = [
        ("ingest's ledger work: build + closing derive", f"{f['ingest_s']:.2f} s", "< 2 s"),
        ("ingest's ledger work, CPU time of the process", f"{f['ingest_cpu_s']:.2f} s", ""),
        ("build: load + parse + extract + SQLite, all reports", f"{f['build_s']:.2f} s", ""),
        ("second pass, nothing changed (content-hash hits)", f"{f['again_s']:.2f} s", ""),
        ("closing derive (read facts, link projects, derive slips)", f"{f['slips_cold_ms']:.0f} ms", ""),
        ("closing derive, CPU time of the process", f"{f['slips_cold_cpu_ms']:.0f} ms", ""),
        (
            "`slips` after ingest, new process (open + read derived tables), median of 5",
            f"{f['slips_process_ms']:.1f} ms",
            "< 100 ms",
        ),
        ("`slips` after ingest, new process, CPU time", f"{f['slips_process_cpu_ms']:.1f} ms", ""),
        ("`slips` after cache clear, median of 5", f"{f['slips_fresh_median_ms']:.0f} ms", "< 100 ms"),
        ("`slips` warm (cached snapshot), median of 20", f"{f['slips_warm_median_ms']:.2f} ms", ""),
        *((f"`{name}` (warm snapshot)", f"{ms:.1f} ms", "") for name, ms in f["others_ms"].items()),
    ]
    lines = [
        "## Ledger",
        "",
        f"Machine: {describe()}.",
        f"Corpus: {f['reports']} weekly reports (bench/corpus.py `generate_corpus`, 52 weeks zh + 52 weeks en, "
        f"seed 7); {f['facts']} facts, {f['projects']} projects, {f['slips']} slips ({kinds}).",
        "Run: `.venv/bin/python -m bench.ledger`.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
    ]
    return "\n".join(lines)


def write_results(section: str) -> None:
    """Replace the `## Ledger` section of RESULTS.md (or append it), leaving the others alone."""
    replace_section(section)


def main() -> None:
    section = render(run())
    print(section)
    if "--no-write" not in sys.argv:
        write_results(section)


if __name__ == "__main__":
    main()
