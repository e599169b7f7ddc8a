"""The ledger views as commands show them: projects, timeline, slips, changes, incidents, metrics.

Every view with citations passes the shared verifier before it is shown; items whose evidence
no longer verifies (a report moved or edited since ingest) are dropped and counted, exactly as
`ask` drops unverified citations. The CLI renders what these return and holds no logic.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from index.ledger import views
from index.ledger.store import Ledger
from index.ledger.views import NotInLedger
from index.schemas import Citation, Incident, MetricSeries, ProjectInfo, ProjectTimeline, ReportChanges, Slip
from index.text.weeks import parse_iso_week
from index.verify import Verifier
from summarizer.errors import ConfigError
from summarizer.facts.grouped import Entry, select
from summarizer.facts.severity import level, rank
from summarizer.workspace import Workspace

T = TypeVar("T")


@dataclass
class Verified(Generic[T]):
    """A view's result and how many of its items were dropped because evidence did not verify."""

    value: T
    dropped: int = 0


def open_ledger(workspace: Workspace) -> Ledger:
    """The workspace's ledger; an index that was never ingested is a clear error, not an empty one."""
    if not workspace.settings.ledger_path.exists():
        raise NotInLedger(
            f"no ledger at {workspace.settings.ledger_path}; run `summarizer ingest REPORTS` first"
        )
    return workspace.ledger


def week_bound(value: str | None, option: str) -> int | None:
    """A `--since/--until` week (2024-W42, 2024W42, 202442) as an int."""
    if value is None:
        return None
    parsed = parse_iso_week(value)
    if parsed is None:
        raise ConfigError(f"{option}: '{value}' is not a week like 2024-W42")
    return parsed[0] * 100 + parsed[1]


def keep_verified(
    items: list[T], citations: Callable[[T], list[Citation]], verifier: Verifier
) -> tuple[list[T], int]:
    """Items whose every citation verifies against the report file, and how many were dropped."""
    kept = [item for item in items if citations(item) and all(verifier.check(c) for c in citations(item))]
    return kept, len(items) - len(kept)


def projects(workspace: Workspace) -> list[ProjectInfo]:
    return views.projects(open_ledger(workspace))


def timeline(workspace: Workspace, project: str) -> Verified[ProjectTimeline]:
    found = views.timeline(open_ledger(workspace), project)
    found.slips, dropped = keep_verified(found.slips, lambda s: s.evidence, workspace.verifier)
    return Verified(found, dropped)


@dataclass
class TeamCount:
    """One team's share of a list: its items (projects or incidents) and the facts behind them."""

    series: str
    name: str
    items: int
    facts: int


@dataclass
class Listed(Generic[T]):
    """A list as commands show it: a screenful per team unless `--all` (or one `--series`),
    with every team counted and what is left out."""

    items: list[T]
    teams: list[TeamCount]
    total: int
    left_out: int
    """Facts in range not listed."""

    def as_dict(self) -> dict[str, object]:
        return {
            "teams": [t.__dict__ for t in self.teams],
            "total": self.total,
            "left_out": self.left_out,
        }


def _series(ledger: Ledger, wanted: str | None) -> str | None:
    if wanted is None:
        return None
    key = wanted.rstrip("/")
    known = views.series_names(ledger)
    hits = [s for s in known if s == key or os.path.basename(s) == key or s.endswith("/" + key)]
    if len(hits) != 1:
        names = ", ".join(sorted(os.path.basename(s) for s in known)) or "none indexed"
        raise ConfigError(f"--series: no single series '{wanted}' (known: {names})")
    return hits[0]


def _listed(
    entries: list[Entry], show_all: bool, per_item: Callable[[Entry], list[T]]
) -> tuple[list[T], list[TeamCount], int]:
    listing = select(entries, show_all=show_all)
    items = [item for entry in listing.shown for item in per_item(entry)]
    teams = [TeamCount(t.series, t.name, len(t.entries), t.facts) for t in listing.teams]
    return items, teams, listing.facts - sum(e.facts for e in listing.shown)


def slips(
    workspace: Workspace,
    since: str | None = None,
    until: str | None = None,
    series: str | None = None,
    show_all: bool = False,
) -> Verified[Listed[Slip]]:
    """Per team, the projects with the largest slips first (then the most recent), every slip of
    the projects listed, oldest report first; only the listed slips are verified."""
    ledger = open_ledger(workspace)
    rows = views.slip_rows(
        ledger, week_bound(since, "--since"), week_bound(until, "--until"), series=_series(ledger, series)
    )
    by_project: dict[tuple[str, str], list[views.Row[Slip]]] = {}
    for row in rows:
        by_project.setdefault((row.series, row.project), []).append(row)
    entries = [
        Entry(
            team,
            (-max(r.size or 0 for r in group), -max(r.week_int for r in group), name),
            facts=len(group),
            value=group,
        )
        for (team, name), group in by_project.items()
    ]
    shown, teams, left_out = _listed(entries, show_all, lambda e: [r.item for r in e.value])
    kept, dropped = keep_verified(shown, lambda s: s.evidence, workspace.verifier)
    return Verified(Listed(kept, teams, len(rows), left_out), dropped)


def incidents(
    workspace: Workspace,
    since: str | None = None,
    until: str | None = None,
    series: str | None = None,
    show_all: bool = False,
) -> Verified[Listed[Incident]]:
    """Per team, incidents most severe first, then most recent; only the listed ones are verified."""
    ledger = open_ledger(workspace)
    rows = views.incident_rows(
        ledger, week_bound(since, "--since"), week_bound(until, "--until"), series=_series(ledger, series)
    )
    entries = [
        Entry(
            row.series,
            (rank(level(row.label)), -date.fromisoformat(row.day or row.date).toordinal(), i),
            value=row,
        )
        for i, row in enumerate(rows)
    ]
    shown, teams, left_out = _listed(entries, show_all, lambda e: [e.value.item])
    kept, dropped = keep_verified(shown, lambda i: [i.evidence], workspace.verifier)
    return Verified(Listed(kept, teams, len(rows), left_out), dropped)


def changes(
    workspace: Workspace, week: str | None = None, earlier: str | None = None, later: str | None = None
) -> Verified[ReportChanges]:
    """What changed between two reports (default: the latest against the one before it in its series)."""
    ledger = open_ledger(workspace)
    to_report = views.resolve_report(ledger, later or week or "latest")
    before = views.previous_report(ledger, to_report.source)
    from_source = earlier or (before.source if before else to_report.source)
    found = views.changes(ledger, from_source, to_report.source)
    found.slipped, dropped_slips = keep_verified(found.slipped, lambda s: s.evidence, workspace.verifier)
    found.new_incidents, dropped_incidents = keep_verified(
        found.new_incidents, lambda i: [i.evidence], workspace.verifier
    )
    return Verified(found, dropped_slips + dropped_incidents)


def metrics(workspace: Workspace, name: str | None = None) -> list[MetricSeries]:
    return views.metric_series(open_ledger(workspace), name)
