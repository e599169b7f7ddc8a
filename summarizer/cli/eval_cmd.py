"""`summarizer eval`: the offline eval that gates CI (exit 1 on a failed gate)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import app
from summarizer.cli.common import JsonOpt, VerboseOpt, emit_json, guarded, out_console, set_verbose


@app.command("eval")
def eval_command(
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="Answer engine: local, replay or openai.")
    ] = "local",
    suite: Annotated[
        list[str] | None,
        typer.Option(
            "--suite",
            "-s",
            help="Suite to run (retrieval, qa, ledger, summary, risks); repeat for more. Default: all.",
        ),
    ] = None,
    json_out: JsonOpt = False,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Accept this run's metrics as the new baseline.")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Baseline file (default: evals/baseline.json).")
    ] = None,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Write a cassette for every request evals/cassettes lacks (needs --engine openai and a key).",
        ),
    ] = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run the offline evals on examples/reports and gate against evals/baseline.json.

    Exit 0 when every gate holds, 1 when a hard gate fails or a metric drops past its
    tolerance, 2 for a bad dataset, option or baseline file.

    Example:

        summarizer eval --engine replay --suite qa
    """

    set_verbose(verbose)

    def run() -> int:
        from summarizer.evals.report import as_json, render
        from summarizer.evals.runner import find_root, run_eval

        result = run_eval(
            find_root(),
            engine=engine,
            suites=suite or [],
            baseline_path=baseline,
            update_baseline=update_baseline,
            record=record,
        )
        if json_out:
            emit_json(as_json(result))
        else:
            render(result, out_console)
        return 0 if result.passed else 1

    raise typer.Exit(guarded(run))
