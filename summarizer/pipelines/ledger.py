"""The ledger views as commands show them: projects, timeline, slips, changes, incidents, metrics.

Every view with citations passes the shared verifier before it is shown; items whose evidence
no longer verifies (a report moved or edited since ingest) are dropped and counted, exactly as
`ask` drops unverified citations. The CLI renders what these return and holds no logic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from index.ledger import views
from index.ledger.store import Ledger
from index.ledger.views import NotInLedger
from index.schemas import Citation, Incident, MetricSeries, ProjectInfo, ProjectTimeline, ReportChanges, Slip
from index.text.weeks import parse_iso_week
from index.verify import Verifier
from summarizer.errors import ConfigError
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


def slips(workspace: Workspace, since: str | None = None, until: str | None = None) -> Verified[list[Slip]]:
    rows = views.slips(open_ledger(workspace), week_bound(since, "--since"), week_bound(until, "--until"))
    kept, dropped = keep_verified(rows, lambda s: s.evidence, workspace.verifier)
    return Verified(kept, dropped)


def incidents(
    workspace: Workspace, since: str | None = None, until: str | None = None
) -> Verified[list[Incident]]:
    rows = views.incidents(open_ledger(workspace), week_bound(since, "--since"), week_bound(until, "--until"))
    kept, dropped = keep_verified(rows, lambda i: [i.evidence], workspace.verifier)
    return Verified(kept, dropped)


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
