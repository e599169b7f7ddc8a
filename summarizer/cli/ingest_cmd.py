"""`summarizer ingest` and `summarizer reports`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
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
    interactive,
    out_console,
    print_spend,
    resolve_settings,
)

if TYPE_CHECKING:
    from index.outcomes import IngestSummary
    from summarizer.config import Settings
    from summarizer.extraction.extractor import ExtractionSummary, Extractor

EXTRACT_MODES = ("rules", "llm", "both")
ExtractOpt = Annotated[
    str,
    typer.Option(
        "--extract",
        help="Where the ledger's facts come from: rules (deterministic, offline), llm (a model alone) or"
        " both (the model completes the rules, never overwrites them). llm/both need OPENAI_API_KEY or"
        " --engine replay.",
    ),
]
IngestEngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine",
        help="The model for --extract llm|both: openai (default, needs a key) or replay (cassettes).",
    ),
]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date like 2024-10-18", param_hint="--date") from None


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    report_date: Annotated[
        str | None,
        typer.Option("--date", help="Report date (YYYY-MM-DD) for files whose date cannot be found."),
    ] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove indexed reports whose files are gone.")
    ] = False,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="Fail at once if another ingest holds the index.")
    ] = False,
    extract: ExtractOpt = "rules",
    engine: IngestEngineOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            min=0,
            max=64,
            help="Processes that read a folder's reports (default ingest_jobs, 1; 0: one per core, at most 4).",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Index report files: parse, chunk by section, embed, store, and update the fact ledger.

    Exit 0 when every file went in, 1 when some were skipped or a model's extraction of one
    failed (the rest are still indexed).

    Example:

        summarizer ingest reports/ --extract both
    """
    override = _parse_date(report_date)
    if extract not in EXTRACT_MODES:
        raise typer.BadParameter(
            f"'{extract}' is not one of {', '.join(EXTRACT_MODES)}", param_hint="--extract"
        )
    if engine is not None and extract == "rules":
        raise typer.BadParameter("a model is used only with --extract llm or both", param_hint="--engine")
    if engine not in (None, "openai", "replay"):
        raise typer.BadParameter(f"'{engine}' is not openai or replay", param_hint="--engine")

    def run() -> int:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from index.walk import iter_report_files
        from summarizer.pipelines.ingest import ingest_paths
        from summarizer.workspace import Workspace

        workspace = Workspace(resolve_settings(index, chroma_url, config, ingest_jobs=jobs))
        extractor = _extractor(workspace.settings, extract, engine)
        files = list(iter_report_files(paths))
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=json_out or not interactive(),
        ) as progress:
            task = progress.add_task("ingesting", total=len(files))
            summary = ingest_paths(
                workspace,
                paths,
                report_date=override,
                prune=prune,
                wait=not no_wait,
                on_wait=lambda: err_console.print(
                    "another ingest holds the index; waiting for it to finish…"
                ),
                on_file=lambda p: progress.update(task, description=f"ingesting {p.name}"),
                on_done=lambda _: progress.advance(task),
                extractor=extractor,
            )
        if extractor is not None:
            extractor.close()
        extracted = extractor.summary if extractor is not None else None
        if json_out:
            extraction = extracted.as_dict() if extracted is not None else None
            emit_json(
                {
                    "engine": "local",
                    "index": workspace.describe(),
                    **summary.as_dict(),
                    "extraction": extraction,
                }
            )
        else:
            _print_summary(summary, workspace.describe())
            if extracted is not None:
                _print_extraction(extracted)
        if extractor is not None:
            print_spend(
                extractor.spend, extracted.model if extracted else "", json_out, replay=engine == "replay"
            )
        if summary.error is not None:
            raise summary.error  # after the summary: what went in is shown either way
        return 1 if summary.skipped or (extracted is not None and extracted.failed) else 0

    code = guarded(run)
    raise typer.Exit(code)


def _extractor(settings: Settings, extract: str, engine: str | None) -> Extractor | None:
    """The model extraction `--extract llm|both` asks for, or None for the rules alone."""
    if extract == "rules":
        return None
    from summarizer.errors import ConfigError
    from summarizer.extraction.extractor import ExtractMode, Extractor
    from summarizer.llm.connect import open_connection

    name = engine or ("replay" if settings.engine == "replay" else "openai")
    if name == "openai" and settings.openai_api_key is None:
        raise ConfigError(
            f"--extract {extract} needs a model: set OPENAI_API_KEY (or openai_api_key in summarizer.toml),"
            " or use --engine replay to serve cassettes"
        )
    mode: ExtractMode = "llm" if extract == "llm" else "both"
    return Extractor(
        open_connection(settings, "replay" if name == "replay" else "openai", command="ingest"), mode
    )


def _print_extraction(extracted: ExtractionSummary) -> None:
    totals = extracted.totals()
    table = Table(title=f"llm extraction ({extracted.mode}) · {extracted.engine} · {extracted.model}")
    for column in (
        "reports",
        "extracted",
        "unchanged",
        "failed",
        "facts +",
        "rejected",
        "conflicts kept out",
    ):
        table.add_column(column, justify="right")
    keys = (
        "reports",
        "extracted",
        "unchanged",
        "failed",
        "facts_added",
        "facts_rejected",
        "conflicts_kept_out",
    )
    table.add_row(*(str(totals[key]) for key in keys))
    out_console.print(table)
    for outcome in extracted.outcomes:
        for line in outcome.rejected:
            out_console.print(
                f"rejected {outcome.path}: {line}", style="yellow", highlight=False, markup=False
            )
        if outcome.status == "failed":
            out_console.print(
                f"extraction failed {outcome.path}: {outcome.reason}",
                style="red",
                highlight=False,
                markup=False,
            )


def _print_summary(summary: IngestSummary, where: str) -> None:
    totals = summary.totals()
    table = Table(title=f"ingest · {where}")
    for column in ("reports", "added", "updated", "unchanged", "skipped", "chunks +", "chunks =", "chunks −"):
        table.add_column(column, justify="right")
    table.add_row(
        *map(
            str,
            (
                totals["reports"],
                totals["added"],
                totals["updated"],
                totals["unchanged"],
                totals["skipped"],
                totals["chunks_added"],
                totals["chunks_unchanged"],
                totals["chunks_removed"],
            ),
        )
    )
    out_console.print(table)
    if summary.skipped:
        skipped = Table("skipped file", "reason", title="skipped", title_style="red")
        for outcome in summary.skipped:
            skipped.add_row(outcome.path, outcome.reason)
        out_console.print(skipped)
    for report in summary.pruned:
        out_console.print(f"pruned {report} (file is gone)")
    for warning in summary.warnings:
        out_console.print(f"warning: {warning.path}: {warning.message}", style="yellow", highlight=False)
    for repair in summary.repaired:
        out_console.print(f"repaired {repair.report}: {repair.problem}; {repair.action}", highlight=False)


@app.command("reports")
def reports_command(
    index: IndexOpt = None, chroma_url: ChromaOpt = None, config: ConfigOpt = None, json_out: JsonOpt = False
) -> None:
    """List indexed reports with their ISO week, own week label, date, chunk count and how many
    projects with a target, status or progress were read from each (0 on a report whose layout
    the rules do not read)."""

    def run() -> None:
        from summarizer.workspace import Workspace

        workspace = Workspace(resolve_settings(index, chroma_url, config))
        stored = sorted(workspace.store.stored_reports().values(), key=lambda r: (r.date, r.report))
        projects_read = workspace.ledger.schedule_counts()
        rows: list[dict[str, str | int | bool]] = [
            {
                "report": r.report,
                "week": r.week,
                "week_label": r.week_label,
                "date": r.date,
                "chunks": len(r.chunk_ids),
                "projects_read": projects_read.get(r.report, 0),
                "complete": r.complete,
            }
            for r in stored
        ]
        if json_out:
            emit_json({"index": workspace.describe(), "reports": rows})
            return
        table = Table(
            "week", "label", "date", "chunks", "projects", "report", title=f"reports · {workspace.describe()}"
        )
        for row in rows:
            mark = "" if row["complete"] else " (incomplete: re-run ingest)"
            keys = ("week", "week_label", "date", "chunks", "projects_read", "report")
            cells = [str(row[key]) for key in keys]
            table.add_row(*cells[:5], cells[5] + mark)
        out_console.print(table)

    guarded(run)
