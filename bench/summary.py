"""Benchmark summaries on a generated 52-week corpus (zh + en): weekly, quarterly, HTML report.

Figures (targets from the issue): a weekly summary with the local writer (<= 500 ms), a quarterly
roll-up (13 weeks, <= 3 s) and the HTML report for 52 weeks of both series (<= 5 s), each cold
(a fresh ledger handle and an empty summary cache: everything parsed and built) and warm (the
weekly summaries come from the cache). Also the wall time of a `summarizer summarize` process.
Run: `.venv/bin/python -m bench.summary` (prints the table and rewrites `## Summaries` in RESULTS.md).
"""

from __future__ import annotations

import os
import shutil
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


def run(weeks: int = 52) -> dict[str, Any]:
    from bench.corpus import generate_corpus
    from index.ledger.store import Ledger
    from index.load import load_document
    from index.parse import parse_report
    from summarizer.config import load_settings
    from summarizer.pipelines import report, summarize
    from summarizer.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate_corpus(folder / "reports", weeks=weeks)
        home = folder / "home"
        settings = load_settings(None, {"home": home})
        with Ledger.open(settings.ledger_path) as ledger:
            for path in paths:
                ledger.upsert_report(parse_report(load_document(path), str(path)))
        cache = settings.cache_dir / "summaries"

        def fresh() -> Workspace:
            shutil.rmtree(cache, ignore_errors=True)
            return Workspace(settings)

        weekly_cold = {
            series: _timed(lambda s=series: summarize.weekly(fresh(), "latest", s))[0]  # type: ignore[misc]
            for series in ("payments-zh", "platform-en")
        }
        warm_ws = fresh()
        session = summarize.Session.open(warm_ws, use_cache=False)
        every: list[float] = []
        for series in ("payments-zh", "platform-en"):
            s = session.series(str(folder / "reports" / series))
            every += [_timed(lambda r=ref: summarize.summary_of(session, r))[0] for ref in s.reports]  # type: ignore[misc]
        quarter_cold, rollup = _timed(
            lambda: summarize.period_rollup(fresh(), last="13w", series_name="payments-zh")
        )
        quarter_warm = _timed(
            lambda: summarize.period_rollup(Workspace(settings), last="13w", series_name="payments-zh")
        )[0]
        html_path = folder / "report.html"
        html_cold = _timed(lambda: report.write_html(fresh(), html_path))[0]
        html_warm = _timed(lambda: report.write_html(Workspace(settings), html_path))[0]
        size = html_path.stat().st_size
        env = {**os.environ, "SUMMARIZER_HOME": str(home)}
        cli = _timed(
            lambda: subprocess.run(
                [
                    str(ROOT / ".venv" / "bin" / "summarizer"),
                    "summarize",
                    "--series",
                    "payments-zh",
                    "--format",
                    "md",
                ],
                env=env,
                check=True,
                capture_output=True,
            )
        )[0]
    return {
        "load": os.getloadavg()[0],
        "reports": len(paths),
        "weekly_cold_ms": {k: v * 1000 for k, v in weekly_cold.items()},
        "weekly_p50_ms": statistics.median(every) * 1000,
        "weekly_max_ms": max(every) * 1000,
        "weeks": len(every),
        "quarter_reports": rollup.reports,
        "quarter_cold_s": quarter_cold,
        "quarter_warm_s": quarter_warm,
        "html_cold_s": html_cold,
        "html_warm_s": html_warm,
        "html_kb": size / 1024,
        "cli_s": cli,
    }


def render(f: dict[str, Any]) -> str:
    cold = f["weekly_cold_ms"]
    rows = [
        ("weekly summary, cold (fresh handle, empty cache), payments-zh latest", f"{cold['payments-zh']:.0f} ms", "<= 500 ms"),
        ("weekly summary, cold, platform-en latest", f"{cold['platform-en']:.0f} ms", "<= 500 ms"),
        (f"weekly summary, one session, no cache: p50 / max of {f['weeks']} (the first of a series builds its facts)", f"{f['weekly_p50_ms']:.0f} / {f['weekly_max_ms']:.0f} ms", ""),
        (f"quarterly roll-up ({f['quarter_reports']} reports), cold", f"{f['quarter_cold_s']:.2f} s", "<= 3 s"),
        ("quarterly roll-up, weekly summaries cached", f"{f['quarter_warm_s']:.2f} s", ""),
        (f"HTML report, 52 weeks x 2 series, cold ({f['html_kb']:.0f} KB)", f"{f['html_cold_s']:.2f} s", "<= 5 s"),
        ("HTML report, weekly summaries cached", f"{f['html_warm_s']:.2f} s", ""),
        ("`summarizer summarize --format md` process, cache warm", f"{f['cli_s']:.2f} s", ""),
    ]  # fmt: skip
    lines = [
        "## Summaries",
        "",
        f"Machine: {describe()}; load average {f['load']:.1f} when measured (other jobs were running: "
        "figures moved by up to ±50% between runs, so compare only runs on a quiet machine).",
        f"Corpus: {f['reports']} weekly reports (bench/corpus.py `generate_corpus`, 52 weeks zh + 52 weeks en, seed 7); "
        "local writer; the ledger built directly (no embedding: summaries read the ledger only).",
        "Run: `.venv/bin/python -m bench.summary`.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
    ]
    return "\n".join(lines)


def write_results(section: str) -> None:
    """Replace the `## Summaries` section of RESULTS.md (or append it), leaving the others alone."""
    replace_section(section)


def main() -> None:
    section = render(run())
    print(section)
    if "--no-write" not in sys.argv:
        write_results(section)


if __name__ == "__main__":
    main()
