"""`summarizer doctor`: check (and with --repair, fix) that ledger, vector store and lexical index agree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from summarizer.cli import app
from summarizer.cli.common import (
    ChromaOpt,
    ConfigOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    err_console,
    guarded,
    out_console,
    resolve_settings,
)

if TYPE_CHECKING:
    from summarizer.pipelines.doctor import Diagnosis


@app.command("doctor")
def doctor_command(
    repair: Annotated[
        bool, typer.Option("--repair", help="Fix what is found (re-ingest or remove; rebuild lexical).")
    ] = False,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="With --repair: fail at once if an ingest holds the index.")
    ] = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Check that the ledger, the vector store and the lexical index agree.

    Finds what a killed ingest or prune left behind (the next ingest repairs it too). Exit 0 when
    everything agrees (after --repair), 1 when problems remain.

    Example: summarizer doctor --repair
    """

    def run() -> int:
        from summarizer.pipelines import doctor
        from summarizer.workspace import Workspace

        workspace = Workspace(resolve_settings(index, chroma_url, config))
        if repair:
            found = doctor.repair(
                workspace,
                wait=not no_wait,
                on_wait=lambda: err_console.print("an ingest holds the index; waiting for it to finish…"),
            )
        else:
            found = doctor.diagnose(workspace)
        if json_out:
            emit_json(found.as_dict())
        else:
            _print(found)
        return 0 if found.ok else 1

    raise typer.Exit(guarded(run))


def _print(found: Diagnosis) -> None:
    out_console.print(
        f"doctor · {found.index} · ledger {found.ledger}\n"
        f"reports: {found.reports_in_store} in the vector store, {found.reports_in_ledger} in the ledger;"
        f" chunks: {found.chunks}; lexical rows: {found.lexical_rows if found.lexical_rows is not None else '-'}",
        highlight=False,
    )
    for repair in found.repaired:
        out_console.print(f"repaired {repair.report}: {repair.problem}; {repair.action}", highlight=False)
    if found.problems:
        table = Table("report", "problem", "fix", title="problems", title_style="red")
        for problem in found.problems:
            table.add_row(problem.report, problem.description, problem.fix)
        out_console.print(table)
        if not found.repaired:
            out_console.print("run `summarizer doctor --repair` (or any ingest) to fix them", style="dim")
    else:
        out_console.print("ok: the ledger, the vector store and the lexical index agree", style="green")
    for report in found.gone:
        out_console.print(f"file gone: {report} (`summarizer ingest … --prune` removes it)", highlight=False)
