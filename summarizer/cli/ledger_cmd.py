"""Ledger commands: `projects`, `timeline`, `slips`, `changes`, `incidents`, `metrics`.

All read the fact ledger (`<data dir>/ledger.sqlite`) and answer with the `local` engine: no
model, no network. Slips and incidents pass the citation verifier before they are shown; the ones
that do not (a report moved or edited since ingest) are dropped and counted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    from index.schemas import Citation, ReportChanges, Slip
    from summarizer.workspace import Workspace

WeekOpt = Annotated[str | None, typer.Option(help="ISO week like 2024-W42 (inclusive).")]


def _workspace(index: Path | None, chroma_url: str | None, config: Path | None) -> Workspace:
    from summarizer.workspace import Workspace

    return Workspace(resolve_settings(index, chroma_url, config))


def _header(title: str, workspace: Workspace, dropped: int | None = None) -> str:
    note = f" · dropped {dropped} unverified" if dropped else ""
    return f"{title} · engine local · ledger {workspace.settings.ledger_path}{note}"


def _payload(workspace: Workspace, **data: Any) -> dict[str, Any]:
    return {"engine": "local", "ledger": str(workspace.settings.ledger_path), **data}


def _dump(items: list[Any]) -> list[Any]:
    return [item.model_dump(mode="json", by_alias=True) for item in items]


def _quote(citations: list[Citation], limit: int = 60) -> str:
    return " → ".join(f"{c.quote[:limit]} ({Path(c.report).name}:{c.lines[0]})" for c in citations)


@app.command("projects")
def projects_command(
    index: IndexOpt = None, chroma_url: ChromaOpt = None, config: ConfigOpt = None, json_out: JsonOpt = False
) -> None:
    """Projects linked across weeks (canonical name and aliases) with their latest state."""

    def run() -> None:
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        found = pipeline.projects(workspace)
        if json_out:
            emit_json(_payload(workspace, projects=_dump(found)))
            return
        table = Table(title=_header("projects", workspace))
        for column in ("project", "aliases", "weeks", "reports", "status", "target", "progress"):
            table.add_column(column)
        for p in found:
            table.add_row(
                p.name,
                ", ".join(p.aliases),
                f"{p.first_week}…{p.last_week}",
                str(p.mentions),
                p.status or "",
                str(p.target or ""),
                p.progress or "",
            )
        out_console.print(table)

    guarded(run)


@app.command("timeline")
def timeline_command(
    project: Annotated[str, typer.Argument(help="Project name or any alias, e.g. 平安存管 or 'Obs v2'.")],
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """One project's weekly observations (progress, target, status) and its slips."""

    def run() -> None:
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        result = pipeline.timeline(workspace, project)
        found, dropped = result.value, result.dropped
        slips = found.slips
        if json_out:
            emit_json(_payload(workspace, dropped=dropped, **found.model_dump(mode="json", by_alias=True)))
            return
        title = found.project + (f" ({', '.join(found.aliases)})" if found.aliases else "")
        table = Table(title=_header(f"timeline · {title}", workspace, dropped))
        for column in ("week", "date", "progress", "target", "status", "said"):
            table.add_column(column, overflow="fold")
        for o in found.observations:
            target = f"{o.target} ({o.target_text})" if o.target and o.target_text else str(o.target or "")
            table.add_row(
                o.week,
                str(o.date),
                o.progress_label or "",
                target,
                o.status_text or (o.status or ""),
                o.evidence.quote[:80],
            )
        out_console.print(table)
        _print_slips(slips, f"slips · {found.project}", None)

    guarded(run)


def _print_slips(slips: list[Slip], title: str, workspace: Workspace | None, dropped: int = 0) -> None:
    if not slips:
        out_console.print(f"{title}: none" + (f" (dropped {dropped} unverified)" if dropped else ""))
        return
    table = Table(title=_header(title, workspace, dropped) if workspace else title)
    for column in ("week", "project", "kind", "from → to", "evidence"):
        table.add_column(column, overflow="fold")
    for s in slips:
        table.add_row(s.week, s.project, s.kind, f"{s.from_} → {s.to}", _quote(s.evidence))
    out_console.print(table)


SeriesOpt = Annotated[
    str | None, typer.Option("--series", help="One team: a report folder's name (`payments-zh`) or path.")
]
AllOpt = Annotated[bool, typer.Option("--all", help="Every item, not a screenful per team.")]


@app.command("slips")
def slips_command(
    since: WeekOpt = None,
    until: WeekOpt = None,
    series: SeriesOpt = None,
    show_all: AllOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Schedule slips: date_moved, overdue, status_downgrade, stalled, each with before/after evidence.

    Per team, the projects with the largest slips first; a screenful unless --all or --series.
    """

    def run() -> None:
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        result = pipeline.slips(workspace, since, until, series, show_all)
        listed = result.value
        if json_out:
            emit_json(
                _payload(workspace, dropped=result.dropped, slips=_dump(listed.items), **listed.as_dict())
            )
            return
        if show_all:
            _print_slips(listed.items, "slips", workspace, result.dropped)
        else:
            _print_slip_projects(listed.items, workspace, result.dropped)
        _print_counts(listed, "slips", "projects")

    guarded(run)


def _print_slip_projects(slips: list[Slip], workspace: Workspace, dropped: int) -> None:
    """One row per project: its largest slip (days moved or overdue), how many, the latest week."""
    from index.ledger.derive import slip_days
    from summarizer.facts.grouped import team_of

    if not slips:
        out_console.print("slips: none" + (f" (dropped {dropped} unverified)" if dropped else ""))
        return
    groups: dict[tuple[str, str], list[Slip]] = {}
    for slip in slips:
        groups.setdefault((team_of(os.path.dirname(slip.evidence[-1].report)), slip.project), []).append(slip)
    table = Table(title=_header("slips", workspace, dropped))
    for column in ("team", "project", "slips", "largest", "latest", "evidence"):
        table.add_column(column, overflow="fold")
    for (team, project), group in groups.items():
        largest = max(group, key=lambda s: (slip_days(s) or 0, s.week))
        days = slip_days(largest)
        size = f" ({days:+d} d)" if days else ""
        table.add_row(
            team,
            project,
            str(len(group)),
            f"{largest.week} {largest.kind}: {largest.from_} → {largest.to}{size}",
            group[-1].week,
            _quote(largest.evidence, 40),
        )
    out_console.print(table)


def _print_counts(listed: Any, facts: str, items: str) -> None:
    """Every team's count, and what the list leaves out with the options that show it."""
    counts = ", ".join(
        f"{t.name} {t.facts}" + (f" in {t.items} {items}" if items and t.items != t.facts else "")
        for t in listed.teams
    )
    out_console.print(f"{listed.total} {facts}: {counts}" if counts else f"0 {facts}", highlight=False)
    if listed.left_out:
        out_console.print(
            f"{listed.left_out} more {facts} not listed: --series TEAM shows one team, --all shows every one",
            style="dim",
            highlight=False,
        )


@app.command("changes")
def changes_command(
    week: Annotated[
        str | None, typer.Option(help="Compare this week's report with the one before it.")
    ] = None,
    from_: Annotated[str | None, typer.Option("--from", help="Earlier report: week or source path.")] = None,
    to: Annotated[str | None, typer.Option(help="Later report: week or source path.")] = None,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """What changed between two reports (default: the latest against the one before it)."""
    if week and (from_ or to):
        raise typer.BadParameter("use --week or --from/--to, not both", param_hint="--week")
    if week is not None and week != "latest":
        from index.text.weeks import parse_iso_week

        if parse_iso_week(week) is None:
            raise typer.BadParameter(f"'{week}' is not a week like 2024-W42", param_hint="--week")

    def run() -> None:
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        result = pipeline.changes(workspace, week, from_, to)
        found, dropped = result.value, result.dropped
        if json_out:
            emit_json(_payload(workspace, dropped=dropped, **found.model_dump(mode="json", by_alias=True)))
            return
        _print_changes(found, workspace, dropped)

    guarded(run)


def _print_changes(found: ReportChanges, workspace: Workspace, dropped: int) -> None:
    out_console.print(
        _header(
            f"changes · {found.from_week} ({found.from_report}) → {found.to_week} ({found.to_report})",
            workspace,
            dropped,
        )
    )
    sections: list[tuple[str, list[str]]] = [
        ("new projects", [p.name for p in found.new_projects]),
        ("finished", [f"{e.project}: {e.status} ({e.week})" for e in found.finished]),
        ("paused or cancelled", [f"{e.project}: {e.status} ({e.week})" for e in found.paused_or_cancelled]),
        ("slipped", [f"{s.project}: {s.kind} {s.from_} → {s.to} ({s.week})" for s in found.slipped]),
        ("new incidents", [f"{i.when or i.week} {i.severity or ''} {i.title}" for i in found.new_incidents]),
        (
            "metrics",
            [f"{m.name}: {m.before:g} → {m.after:g}{m.unit} ({m.delta:+g})" for m in found.metric_deltas],
        ),
    ]
    for title, lines in sections:
        out_console.print(f"[bold]{title}[/bold]: " + ("none" if not lines else ""))
        for line in lines:
            out_console.print(f"  • {line}", highlight=False)


@app.command("incidents")
def incidents_command(
    since: WeekOpt = None,
    until: WeekOpt = None,
    series: SeriesOpt = None,
    show_all: AllOpt = False,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Production incidents: when, severity, duration, impact, cause and fix, as the reports tell them.

    Per team, the most severe and most recent first; a screenful unless --all or --series.
    """

    def run() -> None:
        from summarizer.facts.grouped import team_of
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        result = pipeline.incidents(workspace, since, until, series, show_all)
        listed, dropped = result.value, result.dropped
        if json_out:
            emit_json(_payload(workspace, dropped=dropped, incidents=_dump(listed.items), **listed.as_dict()))
            return
        table = Table(title=_header("incidents", workspace, dropped))
        for column in ("team", "when", "sev", "duration", "incident", "impact", "cause", "fix"):
            table.add_column(column, overflow="fold")
        for i in listed.items:
            table.add_row(
                team_of(os.path.dirname(i.report)),
                i.when_text or str(i.when or i.week),
                i.severity or "",
                f"{i.duration_minutes:g} min" if i.duration_minutes is not None else "",
                i.title,
                i.impact or "",
                i.cause or "",
                i.resolution or "",
            )
        out_console.print(table)
        _print_counts(listed, "incidents", "")

    guarded(run)


@app.command("metrics")
def metrics_command(
    name: Annotated[str | None, typer.Argument(help="Only metrics whose name contains this.")] = None,
    index: IndexOpt = None,
    chroma_url: ChromaOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Metric series across reports, with the latest week-over-week change."""

    def run() -> None:
        from summarizer.pipelines import ledger as pipeline

        workspace = _workspace(index, chroma_url, config)
        series = pipeline.metrics(workspace, name)
        if json_out:
            emit_json(_payload(workspace, series=_dump(series)))
            return
        if not series:
            err_console.print(f"no metric{f' matching {name!r}' if name else 's'} in the ledger")
        table = Table(title=_header("metrics", workspace))
        for column in ("metric", "unit", "reports", "first", "latest", "change", "values"):
            table.add_column(column, overflow="fold")
        for s in series:
            values = [p.value for p in s.points]
            change = f"{values[-1] - values[-2]:+g}" if len(values) > 1 else ""
            table.add_row(
                s.name,
                s.unit,
                str(len(values)),
                f"{values[0]:g} ({s.points[0].week})",
                f"{values[-1]:g} ({s.points[-1].week})",
                change,
                " ".join(f"{v:g}" for v in values[-12:]),
            )
        out_console.print(table)

    guarded(run)
