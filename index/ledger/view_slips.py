"""Slips, launches and lifecycle events as the derived tables hold them: rows to filter, group and
count on (by week range, reports shown in, series, project, kind), counts per team and project
done by SQLite, and the plain lists the CLI prints.

Its own module because these are the views over what `slips.py` derives from a project's
history; slips are derived over the whole history and then filtered by week, so a `since` bound
never changes what counts as a slip.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from index.ledger.signals import STOPPED
from index.ledger.store import Ledger
from index.ledger.view_rows import Row, placeholders, shown_in_join, week_clause
from index.schemas import Launch, Slip, StatusEvent
from index.text.weeks import week_key


@dataclass(frozen=True)
class SlipGroup:
    """One project's slips in one team's reports: how many, the largest in days, the latest week."""

    series: str
    project: str
    slips: int
    days: int
    last_week: int


def _in_reports(evidence: str, reports: Collection[str] | None) -> bool:
    return reports is None or any(r in reports for r in evidence.split("\n"))


def slip_rows(
    ledger: Ledger,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    projects: Collection[str] | None = None,
    series: str | None = None,
) -> list[Row[Slip]]:
    """Slips in the week range whose evidence cites one of `reports` (None: any), of `projects`
    (canonical names; None: all) or shown in one series, oldest report first."""
    weeks, params = week_clause("week_int", since_week_int, until_week_int)
    if projects is not None:
        weeks += f" AND canonical IN ({placeholders(projects)})"
        params += sorted(projects)
    if series is not None:
        weeks += " AND series = ?"
        params.append(series)
    rows = ledger.query(
        "SELECT payload, canonical, series, source, week_int, date, days, kind, reports FROM slips"
        f" WHERE 1 = 1{weeks} ORDER BY date, source, canonical, kind, seq",
        params,
    )
    return [
        Row(
            Slip,
            payload,
            canonical,
            s,
            source,
            w,
            d,
            size=days,
            label=kind,
            reports=frozenset(ev.split("\n")),
        )
        for payload, canonical, s, source, w, d, days, kind, ev in rows
        if _in_reports(ev, reports)
    ]


def _slip_where(
    since: int | None, until: int | None, projects: Collection[str] | None, kinds: Collection[str] | None
) -> tuple[str, list[Any]]:
    where, params = week_clause("s.week_int", since, until)
    if projects is not None:
        where += f" AND s.canonical IN ({placeholders(projects)})"
        params += sorted(projects)
    if kinds is not None:
        where += f" AND s.kind IN ({placeholders(kinds)})"
        params += sorted(kinds)
    return where, params


def slip_groups(
    ledger: Ledger,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    projects: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> list[SlipGroup]:
    """Slips in range counted per team and project, by the report that shows them (one of
    `reports`: None for any), of some projects and kinds; counted by SQLite, no row parsed."""
    join, join_params = shown_in_join(reports, "s")
    where, params = _slip_where(since_week_int, until_week_int, projects, kinds)
    rows = ledger.query(
        "SELECT s.series, s.canonical, COUNT(*), MAX(COALESCE(s.days, 0)), MAX(s.week_int), MIN(s.date || s.source)"
        f" FROM slips s{join} WHERE 1 = 1{where} GROUP BY s.series, s.canonical ORDER BY 6, 2",
        [*join_params, *params],
    )
    return [SlipGroup(series, canonical, n, days, last) for series, canonical, n, days, last, _ in rows]


def group_slips(
    ledger: Ledger,
    group: SlipGroup,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> list[Slip]:
    """The slips one `SlipGroup` counted, oldest report first."""
    join, join_params = shown_in_join(reports, "s")
    where, params = _slip_where(since_week_int, until_week_int, [group.project], kinds)
    rows = ledger.query(
        f"SELECT s.payload FROM slips s{join} WHERE s.series = ?{where} ORDER BY s.date, s.source, s.kind, s.seq",
        [*join_params, group.series, *params],
    )
    return [Slip.model_validate_json(payload) for (payload,) in rows]


def slips(ledger: Ledger, since_week_int: int | None = None, until_week_int: int | None = None) -> list[Slip]:
    """Every slip (date_moved, overdue, status_downgrade, stalled), oldest report first."""
    return [row.item for row in slip_rows(ledger, since_week_int, until_week_int)]


def slips_json(ledger: Ledger, since_week_int: int | None = None, until_week_int: int | None = None) -> str:
    """`slips` as a JSON array of the stored payloads, without a round trip through the models."""
    weeks, params = week_clause("week_int", since_week_int, until_week_int)
    rows = ledger.query(
        f"SELECT payload FROM slips WHERE 1 = 1{weeks} ORDER BY date, source, canonical, kind, seq", params
    )
    return "[" + ",".join(payload for (payload,) in rows) + "]"


def launch_rows(
    ledger: Ledger,
    project: str | None = None,
    series: str | None = None,
    shown_in: Collection[str] | None = None,
) -> list[Row[Launch]]:
    """Launches (of one project, with evidence in one series, or shown in given reports), by week."""
    where, params = "", []
    if project is not None:
        where += " AND canonical = ?"
        params.append(project)
    if shown_in is not None:
        where += f" AND source IN ({placeholders(shown_in)})"
        params += sorted(shown_in)
    rows = ledger.query(
        "SELECT payload, canonical, series, source, week, reports FROM launches"
        f" WHERE 1 = 1{where} ORDER BY week, canonical, seq",
        params,
    )
    out = [
        Row(Launch, payload, canonical, s, source, week_key(week), "", reports=frozenset(ev.split("\n")))
        for payload, canonical, s, source, week, ev in rows
    ]
    if series is not None:
        out = [row for row in out if any(os.path.dirname(r) == series for r in row.reports)]
    return out


def launches(ledger: Ledger) -> list[Launch]:
    """Each project's move into launched/done, with a verdict against its last target."""
    return [row.item for row in launch_rows(ledger)]


def event_rows(
    ledger: Ledger,
    statuses: Collection[str] | None = None,
    series: str | None = None,
    reports: Collection[str] | None = None,
) -> list[Row[StatusEvent]]:
    """Moves into launched, done, paused or cancelled (some statuses, one series or some
    reports), oldest week first."""
    where, params = "", []
    if statuses is not None:
        where += f" AND status IN ({placeholders(statuses)})"
        params += sorted(statuses)
    if series is not None:
        where += " AND series = ?"
        params.append(series)
    if reports is not None:
        where += f" AND source IN ({placeholders(reports)})"
        params += sorted(reports)
    rows = ledger.query(
        f"SELECT payload, canonical, series, source, week, status FROM events WHERE 1 = 1{where}"
        " ORDER BY week, canonical, seq",
        params,
    )
    return [
        Row(StatusEvent, payload, canonical, s, source, week_key(week), "", label=status)
        for payload, canonical, s, source, week, status in rows
    ]


def lifecycle(ledger: Ledger) -> list[StatusEvent]:
    """Moves into launched, done, paused or cancelled, oldest first."""
    return [row.item for row in event_rows(ledger)]


def paused_cancelled(ledger: Ledger) -> list[StatusEvent]:
    return [row.item for row in event_rows(ledger, statuses=STOPPED)]
