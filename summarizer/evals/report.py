"""Show an eval run: a rich table per suite and the failing cases, or one JSON document.

Failing cases the baseline did not already list are marked NEW: when a gate trips, those are
the questions that broke.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from summarizer.evals.baseline import Row, is_new_failure
from summarizer.evals.runner import EvalRun

_STYLE = {"pass": "green", "fail": "bold red", "new": "yellow", "info": "dim", "missing": "bold red"}
MAX_FAILURES_SHOWN = 40


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit or abs(value) >= 10 or float(value).is_integer():
        return f"{value:.0f}{(' ' + unit) if unit else ''}"
    return f"{value:.3f}"


def _gate(row: Row) -> str:
    kind = row.metric.gate if row.metric else "soft"
    label = {"pass": "ok", "fail": "FAIL", "new": "new", "info": "info", "missing": "MISSING"}[row.status]
    text = f"[{_STYLE[row.status]}]{label}[/]"
    if kind == "hard" and row.status != "fail":
        text += " (hard)"
    return text + (f" {row.why}" if row.why and row.status in ("fail", "missing") else "")


def render(run: EvalRun, console: Console) -> None:
    console.print(f"eval · engine {run.engine} · {run.index_note} · {run.seconds:.1f}s", highlight=False)
    for warning in run.warnings:
        console.print(f"[yellow]dataset warning:[/] {warning}", highlight=False)
    for suite in run.results:
        if suite.unavailable:
            console.print(f"[bold yellow]{suite.name}: unavailable[/] — {suite.unavailable}", highlight=False)
            for row in (r for r in run.rows if r.suite == suite.name):
                console.print(f"  [red]MISSING[/] {row.key} (baseline {_fmt(row.baseline)})", highlight=False)
            continue
        title = f"{suite.name} · {suite.cases} cases · {suite.seconds:.1f}s"
        table = Table("metric", "value", "baseline", "delta", "gate", title=title, title_justify="left")
        for row in (r for r in run.rows if r.suite == suite.name):
            unit = row.metric.unit if row.metric else ""
            delta = row.delta
            shown_delta = "—" if delta is None else ("0" if abs(delta) < 5e-4 else f"{delta:+.3f}")
            table.add_row(
                row.key.split(".", 1)[1],
                _fmt(row.metric.value if row.metric else None, unit),
                _fmt(row.baseline, unit),
                shown_delta,
                _gate(row),
            )
        console.print(table)
        for note in suite.notes:
            console.print(f"  note: {note}", style="dim", highlight=False)
        _render_failures(run, suite.name, console)
    if run.spend is not None:
        console.print(run.spend.line(run.model, replay=run.engine == "replay"), style="dim", highlight=False)
    verdict = "[bold green]PASS[/]" if run.passed else "[bold red]FAIL[/]"
    tail = f" · baseline updated: {run.baseline_path}" if run.updated else ""
    console.print(f"{verdict} · gates against {run.baseline_path}{tail}", highlight=False)


def _render_failures(run: EvalRun, suite_name: str, console: Console) -> None:
    """New failures in full; failures the baseline already lists as one line (they did not regress)."""
    suite = next(s for s in run.results if s.name == suite_name)
    failing = {f.case for f in suite.failures}
    new = [f for f in suite.failures if is_new_failure(suite.name, f.case, run.baseline, run.engine)]
    known = sorted({f.case for f in suite.failures} - {f.case for f in new})
    fixed = sorted(set(run.baseline.failing.get(run.engine, {}).get(suite.name, [])) - failing)
    if new:
        table = Table("case", "what failed", title=f"{suite.name}: NEW failing cases", title_justify="left")
        for failure in new[:MAX_FAILURES_SHOWN]:
            table.add_row(failure.case, failure.what)
        console.print(table)
        if len(new) > MAX_FAILURES_SHOWN:
            console.print(f"  … and {len(new) - MAX_FAILURES_SHOWN} more (use --json for all)", style="dim")
    if known:
        shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
        console.print(
            f"  known failing (as in baseline): {len(known)} cases: {shown}", style="dim", highlight=False
        )
    if fixed:
        shown = ", ".join(fixed[:12]) + (" …" if len(fixed) > 12 else "")
        console.print(
            f"  [green]now passing[/] (failing in baseline): {shown}; --update-baseline to accept",
            highlight=False,
        )


def as_json(run: EvalRun) -> dict[str, Any]:
    suites = []
    for suite in run.results:
        data = suite.as_dict()
        data["gates"] = [
            {
                "metric": row.key,
                "value": row.metric.value if row.metric else None,
                "baseline": row.baseline,
                "delta": row.delta,
                "gate": row.metric.gate if row.metric else "soft",
                "status": row.status,
                "why": row.why,
            }
            for row in run.rows
            if row.suite == suite.name
        ]
        for failure in data["failures"]:
            failure["new"] = is_new_failure(suite.name, failure["case"], run.baseline, run.engine)
        suites.append(data)
    return {
        "engine": run.engine,
        "index": run.index_note,
        "passed": run.passed,
        "baseline": str(run.baseline_path),
        "baseline_updated": run.updated,
        "seconds": round(run.seconds, 2),
        "warnings": run.warnings,
        "llm": None
        if run.spend is None
        else {
            "model": run.model,
            "calls": run.spend.calls,
            "cache_hits": run.spend.cache_hits,
            "prompt_tokens": run.spend.prompt_tokens,
            "completion_tokens": run.spend.completion_tokens,
            "cost_usd": run.spend.cost_usd,
            "outcomes": run.spend.outcomes,
        },
        "suites": suites,
    }
