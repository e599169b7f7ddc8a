"""Summary commands: `summarize` (a week or a roll-up), `risks` (the register), `report --html`.

Each opens the workspace, calls one pipeline function and renders its model: rich in the
terminal (default), `--format md` for mail and chat, `--json` for scripts. They read the ledger
only (no embedding model, no Chroma), so they run offline and fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

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
    print_spend,
    resolve_settings,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from summarizer.engines.summary import SummaryWriter
    from summarizer.workspace import Workspace

Format = Literal["rich", "md", "json"]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="rich (terminal, default), md (mail and chat) or json.")
]
SeriesOpt = Annotated[
    str | None, typer.Option("--series", help="Report series: its folder name (payments-zh) or path.")
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", help="zh or en; default: the language the reports are written in.")
]
EngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine",
        help="Who writes the headline and highlights: local, openai (any OpenAI-compatible model) or replay"
        " (cassettes, offline). Default: openai with a key, else local.",
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", help="Period start: week (2024-W41), date, month (2024-10) or quarter (2024-Q4)."),
]
ToOpt = Annotated[str | None, typer.Option("--to", help="Period end (inclusive), same forms as --from.")]
LastOpt = Annotated[
    str | None, typer.Option("--last", help="Period back from the latest report: 4w, 3m or 1q.")
]


def _format(value: str, json_out: bool) -> Format:
    if json_out:
        return "json"
    if value not in ("rich", "md", "json"):
        raise typer.BadParameter(f"'{value}' is not one of rich, md, json", param_hint="--format")
    return value  # type: ignore[return-value]


def _lang(value: str | None) -> Literal["zh", "en"] | None:
    if value is not None and value not in ("zh", "en"):
        raise typer.BadParameter(f"'{value}' is not zh or en", param_hint="--lang")
    return value  # type: ignore[return-value]


def _note_other_series(workspace: Workspace, shown: str, series: str | None) -> None:
    """Without --series one series is summarised (the latest report's); say which others exist."""
    if series is not None:
        return
    import os

    from summarizer.summaries.series import folders

    others = [os.path.basename(f) for f in folders(workspace.ledger) if f != shown]
    if others:
        err_console.print(
            f"summarised {os.path.basename(shown)}; also indexed: {', '.join(others)} (--series picks one)",
            highlight=False,
        )


def _show(
    chosen: Format, result: BaseModel, as_markdown: Callable[[Any], str], on_terminal: Callable[..., None]
) -> None:
    """One result in the chosen format: JSON on stdout, Markdown text, or the rich terminal view."""
    if chosen == "json":
        emit_json(result)
    elif chosen == "md":
        out_console.out(as_markdown(result), highlight=False)
    else:
        on_terminal(out_console, result)


def _workspace(index: Path | None, chroma_url: str | None, config: Path | None) -> Workspace:
    from summarizer.workspace import Workspace

    return Workspace(resolve_settings(index, chroma_url, config))


def _written(
    workspace: Workspace,
    engine: str | None,
    command: str,
    json_out: bool,
    body: Callable[[SummaryWriter], None],
) -> None:
    """Run `body` with the chosen writer; after it, what the writer's model calls cost (also when
    one failed: the line then goes to stderr with the error), and the writer closed."""
    from index.errors import SummarizerError
    from summarizer.pipelines.summarize import writer_for

    writer = writer_for(workspace, engine, command)

    def show_spend(to_stderr: bool) -> None:
        spend = writer.usage()
        if spend is not None:
            model = workspace.settings.chat_model
            print_spend(spend, model, to_stderr, replay=writer.name == "replay")

    try:
        try:
            body(writer)
        except SummarizerError:
            show_spend(to_stderr=True)
            raise
        show_spend(to_stderr=json_out)
    finally:
        writer.close()


@app.command("summarize")
def summarize_command(
    week: Annotated[str | None, typer.Option(help="The report's ISO week (2024-W49) or 'latest'.")] = None,
    series: SeriesOpt = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    last: LastOpt = None,
    lang: LangOpt = None,
    engine: EngineOpt = None,
    fmt: FormatOpt = "rich",
    json_out: JsonOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """An executive summary of one report, or a roll-up of a period with --from/--to or --last.

    Example:
        summarizer summarize --week latest --series payments-zh
        summarizer summarize --from 2024-10 --to 2024-12 --format md
        summarizer summarize --last 4w --json
        summarizer summarize --engine openai --series payments-zh --from 2024-Q4
    """
    chosen, language = _format(fmt, json_out), _lang(lang)
    rollup = bool(from_ or to or last)
    if rollup and week:
        raise typer.BadParameter(
            "use --week for one report, or --from/--to/--last for a roll-up", param_hint="--week"
        )

    def run() -> None:
        from summarizer.pipelines import summarize
        from summarizer.render import markdown, terminal

        workspace = _workspace(index, chroma_url, config)

        def body(writer: SummaryWriter) -> None:
            if rollup:
                result = summarize.period_rollup(workspace, from_, to, last, series, language, writer=writer)
                _note_other_series(workspace, result.series, series)
                _show(chosen, result, markdown.rollup, terminal.rollup)
                return
            summary = summarize.weekly(workspace, week, series, language, writer=writer)
            _note_other_series(workspace, summary.series, series)
            _show(chosen, summary, markdown.summary, terminal.summary)

        _written(workspace, engine, "summarize", json_out, body)

    guarded(run)


@app.command("risks")
def risks_command(
    since: Annotated[
        str | None, typer.Option(help="Only risks still seen in or after this week (2024-W40).")
    ] = None,
    status: Annotated[str, typer.Option(help="open (open and mitigated), resolved, or all.")] = "all",
    series: SeriesOpt = None,
    lang: LangOpt = None,
    engine: EngineOpt = None,
    fmt: FormatOpt = "rich",
    json_out: JsonOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """The risk register: stated risks, blockers, asks, incidents and schedule risks, merged across weeks.

    Example:
        summarizer risks --since 2024-W45 --status open
        summarizer risks --series platform-en --format md
        summarizer risks --engine openai --status open
    """
    chosen, language = _format(fmt, json_out), _lang(lang)
    if status not in ("open", "resolved", "all"):
        raise typer.BadParameter(f"'{status}' is not open, resolved or all", param_hint="--status")

    def run() -> None:
        from summarizer.pipelines import risks
        from summarizer.render import markdown, terminal

        workspace = _workspace(index, chroma_url, config)

        def body(writer: SummaryWriter) -> None:
            register = risks.register(workspace, since, status, series, language, writer=writer)  # type: ignore[arg-type]
            _show(chosen, register, markdown.register, terminal.register)

        _written(workspace, engine, "risks", json_out, body)

    guarded(run)


@app.command("report")
def report_command(
    html: Annotated[Path, typer.Option("--html", help="The HTML file to write.")],
    series: SeriesOpt = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    last: LastOpt = None,
    lang: LangOpt = None,
    engine: EngineOpt = None,
    json_out: JsonOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
) -> None:
    """One self-contained HTML file: summary, risk register, project timeline and metric trends.

    It needs no network to view (inline CSS and SVG, no script).

    Example:
        summarizer report --html out/status.html --from 2024-Q4
    """
    language = _lang(lang)

    def run() -> None:
        from summarizer.pipelines import report

        workspace = _workspace(index, chroma_url, config)

        def body(writer: SummaryWriter) -> None:
            path, parts = report.write_html(workspace, html, from_, to, last, series, language, writer=writer)
            if json_out:
                emit_json(
                    {"engine": parts[0].rollup.engine, "html": str(path), "series": [p.name for p in parts]}
                )
                return
            names = ", ".join(p.name for p in parts)
            err_console.print(f"wrote {path} ({names}) · engine {parts[0].rollup.engine}", highlight=False)

        _written(workspace, engine, "report", True, body)

    guarded(run)
