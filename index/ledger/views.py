"""Derived views over the ledger, the plain functions the CLI, the Q&A and the eval harness call.

Every view reads the derived tables (`derive.py`) with the filters it is given (week range,
reports, series, project), through their indexes, and parses only the rows it returns: a
question costs what its answer holds, not what the ledger holds. Slips are derived over a
project's whole history and then filtered by week, so a `since` bound never changes what counts
as a slip. Week bounds are ints `year*100 + isoweek` (202442).

`Row` is a stored fact with the columns answers group, rank and count on; its model is parsed
only when an answer shows it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from index.errors import SummarizerError
from index.ledger.identity import _pair_related, query_marks
from index.ledger.signals import FINISHED, STOPPED
from index.ledger.store import Ledger
from index.schemas import (
    Incident,
    Launch,
    MetricDelta,
    MetricPoint,
    MetricSeries,
    Note,
    NoteKind,
    Observation,
    ProjectInfo,
    ProjectTimeline,
    ReportChanges,
    ReportRef,
    Slip,
    StatusEvent,
)
from index.text.normalise import name_key
from index.text.weeks import parse_iso_week, week_key

M = TypeVar("M", bound=BaseModel)


class NotInLedger(SummarizerError):
    """A project, report or week the user named is not in the ledger."""


@dataclass
class Row(Generic[M]):
    """One stored fact: what answers filter, group, rank and count on, and its model on demand
    (its payload read then, by `fetch`, when the query did not select it)."""

    model: type[M]
    payload: str | None = field(repr=False)
    project: str
    series: str
    source: str
    week_int: int
    date: str
    size: int | None = None
    """Slips: days moved or overdue; incidents: None."""
    label: str | None = None
    """Slips: the kind; incidents: the severity as written; launches and events: the status."""
    reports: frozenset[str] = frozenset()
    """Every report the fact's evidence cites."""
    day: str | None = None
    """Incidents: the day it happened, when the report says."""
    fetch: Callable[[], str] | None = field(default=None, repr=False)

    @cached_property
    def item(self) -> M:
        payload = self.payload if self.payload is not None else self.fetch() if self.fetch else None
        assert payload is not None, "a row without its payload or a way to read it"
        return self.model.model_validate_json(payload)


@dataclass(frozen=True)
class SlipGroup:
    """One project's slips in one team's reports: how many, the largest in days, the latest week."""

    series: str
    project: str
    slips: int
    days: int
    last_week: int


def _marks(values: Collection[str]) -> str:
    return ",".join("?" * len(values))


def _week_clause(column: str, since: int | None, until: int | None) -> tuple[str, list[Any]]:
    clause, params = "", []
    if since is not None:
        clause += f" AND {column} >= ?"
        params.append(since)
    if until is not None:
        clause += f" AND {column} <= ?"
        params.append(until)
    return clause, params


def _in_reports(evidence: str, reports: Collection[str] | None) -> bool:
    return reports is None or any(r in reports for r in evidence.split("\n"))


# Reports ---------------------------------------------------------------------------------------


def reports(ledger: Ledger, series: str | None = None) -> list[ReportRef]:
    """Reports that count (a file stored under two paths once), oldest first; one series' only."""
    where, params = ("AND series = ?", [series]) if series is not None else ("", [])
    rows = ledger.query(
        "SELECT source, date, week, week_label, content_hash FROM reports WHERE kept = 1"
        f" {where} ORDER BY date, source",
        params,
    )
    return [
        ReportRef(source=s, date=d, week=w, week_label=label, content_hash=h)  # type: ignore[arg-type]
        for s, d, w, label, h in rows
    ]


def reports_in(
    ledger: Ledger,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    latest: bool = False,
) -> list[ReportRef]:
    """Reports that count in a week range and among `reports` (None: any), oldest first; with
    `latest`, only each series' newest of them."""
    join, params = _shown_in(reports, "r")
    weeks, week_params = _week_clause("r.week_int", since_week_int, until_week_int)
    rows = ledger.query(
        "SELECT source, date, week, week_label, content_hash FROM (SELECT r.*, ROW_NUMBER() OVER"
        " (PARTITION BY r.series ORDER BY r.date DESC, r.source DESC) AS newest"
        f" FROM reports r{join} WHERE r.kept = 1{weeks}) WHERE ? OR newest = 1 ORDER BY date, source",
        [*params, *week_params, not latest],
    )
    return [
        ReportRef(source=s, date=d, week=w, week_label=label, content_hash=h)  # type: ignore[arg-type]
        for s, d, w, label, h in rows
    ]


def series_names(ledger: Ledger) -> list[str]:
    """Every series (report folder), ordered by its latest report (the most recent last)."""
    rows = ledger.query(
        "SELECT series, MAX(date || char(0) || source) AS last FROM reports WHERE kept = 1"
        " GROUP BY series ORDER BY last"
    )
    return [series for series, _ in rows]


def _report(ledger: Ledger, source: str) -> ReportRef | None:
    rows = ledger.query(
        "SELECT source, date, week, week_label, content_hash FROM reports WHERE kept = 1 AND source = ?",
        [source],
    )
    if not rows:
        return None
    s, d, w, label, h = rows[0]
    return ReportRef(source=s, date=d, week=w, week_label=label, content_hash=h)


# Identity -------------------------------------------------------------------------------------


def _memo(ledger: Ledger, name: str) -> dict[Any, Any]:
    """A per-revision memo on the ledger handle: lookups repeat within a question and a summary."""
    revision = ledger.revision()
    entry = ledger.cache.get(name)
    if entry is None or entry[0] != revision:
        entry = (revision, {})
        ledger.cache[name] = entry
    return entry[1]  # type: ignore[no-any-return]


def resolve(ledger: Ledger, query: str) -> str | None:
    """The canonical project any spelling or alias refers to (None when unknown or ambiguous),
    compared only with the names that share a block with it (`identity.query_marks`)."""
    memo = _memo(ledger, "views.resolve")
    if query in memo:
        return memo[query]  # type: ignore[no-any-return]
    found: str | None = None
    rows = ledger.query("SELECT canonical FROM names WHERE name = ?", [query])
    key = name_key(query)
    if not rows:
        rows = ledger.query("SELECT canonical FROM name_keys WHERE key = ?", [key])
    if rows:
        found = rows[0][0]
    else:
        marks = sorted(query_marks(key, query))
        near = ledger.query(
            f"SELECT DISTINCT key, canonical FROM name_marks WHERE mark IN ({_marks(marks)})", marks
        )
        hits = {canon for k, canon in near if _pair_related(key, k, query, canon)}
        found = hits.pop() if len(hits) == 1 else None
    memo[query] = found
    return found


def aliases(ledger: Ledger, canonical: str) -> list[str]:
    """The other names a canonical project goes by, sorted."""
    memo = _memo(ledger, "views.aliases")
    if canonical not in memo:
        rows = ledger.query("SELECT name FROM names WHERE canonical = ?", [canonical])
        memo[canonical] = sorted({name for (name,) in rows} - {canonical})
    return memo[canonical]  # type: ignore[no-any-return]


def latest_name(ledger: Ledger, canonical: str) -> str | None:
    """The name the project's most recent report writes it under: a renamed project is asked
    about by its new name, while the canonical is its first one."""
    memo = _memo(ledger, "views.latest_name")
    if canonical not in memo:
        rows = ledger.query(
            "SELECT json_extract(payload, '$.project') FROM timeline WHERE canonical = ?"
            " ORDER BY date DESC, source DESC LIMIT 1",
            [canonical],
        )
        memo[canonical] = rows[0][0] if rows else None
    return memo[canonical]  # type: ignore[no-any-return]


def canonical_name(ledger: Ledger, name: str) -> str | None:
    """The canonical project for any spelling or alias, or None when unknown, ambiguous or not
    shown to be a project (a name only a line's lead gave, once)."""
    found = resolve(ledger, name)
    if found is None:
        return None
    return found if ledger.query("SELECT 1 FROM projects WHERE canonical = ?", [found]) else None


def find_project(ledger: Ledger, project: str) -> str:
    """The canonical name for a user's spelling; raises `NotInLedger` listing near names."""
    canonical = canonical_name(ledger, project)
    if canonical is None:
        key = name_key(project)
        names = [name for (name,) in ledger.query("SELECT canonical FROM projects ORDER BY canonical")]
        near = [name for name in names if key and (key in name_key(name) or name_key(name) in key)]
        hint = f"; did you mean {', '.join(near[:5])}?" if near else "; `summarizer projects` lists them"
        raise NotInLedger(f"no project '{project}' in the ledger{hint}")
    return canonical


# Projects and timelines -----------------------------------------------------------------------


def projects(ledger: Ledger) -> list[ProjectInfo]:
    """Projects linked across weeks, most recently mentioned first."""
    rows = ledger.query("SELECT info FROM projects ORDER BY last_week DESC, canonical")
    return [ProjectInfo.model_validate_json(info) for (info,) in rows]


def project_names(ledger: Ledger) -> list[tuple[str, list[str]]]:
    """(canonical, aliases) of every project, most recently mentioned first (question linking)."""
    memo = _memo(ledger, "views.project_names")
    if "all" not in memo:
        names: dict[str, list[str]] = {}
        for canonical, name in ledger.query(
            "SELECT p.canonical, n.name FROM projects p JOIN names n ON n.canonical = p.canonical"
        ):
            names.setdefault(canonical, []).append(name)
        order = [
            c for (c,) in ledger.query("SELECT canonical FROM projects ORDER BY last_week DESC, canonical")
        ]
        memo["all"] = [(c, sorted(set(names.get(c, [])) - {c})) for c in order]
    return memo["all"]  # type: ignore[no-any-return]


def recent_first(ledger: Ledger, names: Collection[str]) -> list[str]:
    """Some canonical projects in `projects` order: most recently mentioned first, then by name."""
    last: dict[str, str] = {}
    for group in _chunked(sorted(names)):
        last.update(
            ledger.query(
                f"SELECT canonical, last_week FROM projects WHERE canonical IN ({_marks(group)})", group
            )
        )
    return sorted(last, key=lambda c: (-week_key(last[c]), c))


def project_series(ledger: Ledger, canonical: str) -> list[str]:
    """The series (report folders) a project is reported in."""
    rows = ledger.query(
        "SELECT DISTINCT series FROM timeline WHERE canonical = ? ORDER BY series", [canonical]
    )
    return [series for (series,) in rows]


def observations(
    ledger: Ledger,
    project: str | None = None,
    reports: Collection[str] | None = None,
    series: str | None = None,
) -> list[tuple[str, Observation]]:
    """(canonical, merged observation) in the given reports or series, or of one canonical
    project; by project name, then oldest report first."""
    where, params = "", []
    if project is not None:
        where += " AND canonical = ?"
        params.append(project)
    if series is not None:
        where += " AND series = ?"
        params.append(series)
    groups: list[list[str]] = [[]] if reports is None else [list(c) for c in _chunked(sorted(reports))]
    out: list[tuple[str, Observation]] = []
    for group in groups:
        clause = f" AND source IN ({_marks(group)})" if reports is not None else ""
        out += [
            (canonical, Observation.model_validate_json(payload))
            for canonical, payload in ledger.query(
                f"SELECT canonical, payload FROM timeline WHERE 1 = 1{where}{clause}"
                " ORDER BY canonical, date, source",
                [*params, *group],
            )
        ]
    if len(groups) > 1:
        out.sort(key=lambda pair: (pair[0], pair[1].date, pair[1].report))
    return out


def _chunked(items: Sequence[str], size: int = 900) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def timeline(ledger: Ledger, project: str) -> ProjectTimeline:
    name = find_project(ledger, project)
    return ProjectTimeline(
        project=name,
        aliases=aliases(ledger, name),
        observations=[o for _, o in observations(ledger, project=name)],
        slips=[
            Slip.model_validate_json(payload)
            for (payload,) in ledger.query(
                "SELECT payload FROM slips WHERE canonical = ? ORDER BY date, source, kind, seq", [name]
            )
        ],
    )


# Slips, launches, lifecycle --------------------------------------------------------------------


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
    weeks, params = _week_clause("week_int", since_week_int, until_week_int)
    if projects is not None:
        weeks += f" AND canonical IN ({_marks(projects)})"
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
    where, params = _week_clause("s.week_int", since, until)
    if projects is not None:
        where += f" AND s.canonical IN ({_marks(projects)})"
        params += sorted(projects)
    if kinds is not None:
        where += f" AND s.kind IN ({_marks(kinds)})"
        params += sorted(kinds)
    return where, params


def _shown_in(reports: Collection[str] | None, alias: str) -> tuple[str, list[Any]]:
    """A join keeping facts shown in one of `reports` (passed as one JSON array, not a pass)."""
    if reports is None:
        return "", []
    return f" JOIN json_each(?) j ON j.value = {alias}.source", [json.dumps(sorted(reports))]


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
    join, join_params = _shown_in(reports, "s")
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
    join, join_params = _shown_in(reports, "s")
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
    weeks, params = _week_clause("week_int", since_week_int, until_week_int)
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
        where += f" AND source IN ({_marks(shown_in)})"
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
        where += f" AND status IN ({_marks(statuses)})"
        params += sorted(statuses)
    if series is not None:
        where += " AND series = ?"
        params.append(series)
    if reports is not None:
        where += f" AND source IN ({_marks(reports)})"
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


# Incidents, notes, metrics ----------------------------------------------------------------------


def incident_rows(
    ledger: Ledger,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    series: str | None = None,
    days: tuple[str, str] | None = None,
) -> list[Row[Incident]]:
    """Incidents (first tellings) by report week, or those that happened between two days or,
    undated, were told in the week range; in some reports or one series; oldest first."""
    weeks, params = _week_clause("i.week_int", since_week_int, until_week_int)
    if days is not None:
        weeks = f" AND ((i.day IS NOT NULL AND i.day BETWEEN ? AND ?) OR (i.day IS NULL{weeks}))"
        params = [days[0], days[1], *params]
    if series is not None:
        weeks += " AND i.series = ?"
        params.append(series)
    rows = ledger.query(
        "SELECT i.ord, i.series, i.source, i.week_int, i.severity, i.day, r.date FROM incidents i"
        f" JOIN reports r ON r.source = i.source WHERE 1 = 1{weeks} ORDER BY i.ord",
        params,
    )

    def fetch(ord_: int) -> Callable[[], str]:
        return lambda: ledger.query("SELECT payload FROM incidents WHERE ord = ?", [ord_])[0][0]

    return [
        Row(Incident, None, "", s, source, w, d, label=severity, day=day, fetch=fetch(ord_))
        for ord_, s, source, w, severity, day, d in rows
        if reports is None or source in reports
    ]


def incidents(
    ledger: Ledger, since_week_int: int | None = None, until_week_int: int | None = None
) -> list[Incident]:
    """Incidents oldest first; one retold in later reports counts once, as its first telling."""
    weeks, params = _week_clause("week_int", since_week_int, until_week_int)
    rows = ledger.query(f"SELECT payload FROM incidents WHERE 1 = 1{weeks} ORDER BY ord", params)
    return [Incident.model_validate_json(payload) for (payload,) in rows]


def notes(
    ledger: Ledger,
    kind: NoteKind | None = None,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
    reports: Collection[str] | None = None,
    series: str | None = None,
) -> list[Note]:
    """Risks, asks and next-week plans as written, oldest report first."""
    where, params = _week_clause("r.week_int", since_week_int, until_week_int)
    if kind is not None:
        where += " AND f.subject = ?"
        params.append(kind)
    if series is not None:
        where += " AND r.series = ?"
        params.append(series)
    rows = ledger.query(
        "SELECT f.payload, f.source FROM facts f JOIN reports r ON r.source = f.source"
        f" WHERE f.kind = 'note' AND r.kept = 1{where} ORDER BY r.date, r.source, f.seq",
        params,
    )
    return [
        Note.model_validate_json(payload) for payload, source in rows if reports is None or source in reports
    ]


def metric_names(ledger: Ledger) -> list[tuple[str, str]]:
    """(most common spelling, key) of every metric series, oldest first."""
    memo = _memo(ledger, "views.metric_names")
    if "all" not in memo:
        memo["all"] = [
            (name, key)
            for name, key in ledger.query("SELECT name, key FROM metric_series ORDER BY first_date, key")
        ]
    return memo["all"]  # type: ignore[no-any-return]


def metric_series(
    ledger: Ledger,
    name: str | None = None,
    *,
    keys: Collection[str] | None = None,
    reports: Collection[str] | None = None,
    series: str | None = None,
) -> list[MetricSeries]:
    """Each metric across reports (first value per report), optionally only names matching `name`,
    only some keys, or only points in some reports or one series; one team's `blended CAC` and
    `CAC` are one series (`metric_links`)."""
    wanted = name_key(name) if name else None
    heads = [
        (key, spelling, unit)
        for key, spelling, unit in ledger.query(
            "SELECT key, name, unit FROM metric_series ORDER BY first_date, key"
        )
        if (not wanted or wanted in key) and (keys is None or key in keys)
    ]
    where, params = "", []
    if series is not None:
        where += " AND m.series = ?"
        params.append(series)
    if reports is not None and len(reports) <= 900:
        where += f" AND m.source IN ({_marks(reports)})"
        params += sorted(reports)
    points: dict[str, list[MetricPoint]] = {}
    wanted_keys = [key for key, _, _ in heads]
    for group in _chunked(wanted_keys):
        for key, payload, source in ledger.query(
            "SELECT m.key, f.payload, m.source FROM metric_points m JOIN facts f ON f.id = m.fact"
            " JOIN reports r ON r.source = m.source"
            f" WHERE m.key IN ({_marks(group)}){where} ORDER BY r.date, r.source, m.seq",
            [*group, *params],
        ):
            if reports is None or source in reports:
                points.setdefault(key, []).append(MetricPoint.model_validate_json(payload))
    return [
        MetricSeries(name=spelling, key=key, unit=unit, points=points[key])
        for key, spelling, unit in heads
        if key in points
    ]


# Reports and what changed between them ---------------------------------------------------------


def resolve_report(ledger: Ledger, ref: str | int) -> ReportRef:
    """A report by source path, ISO week (`2024-W42`, `202442`) or `latest`/`previous`."""
    text = str(ref).strip()
    latest = ledger.query("SELECT source FROM reports WHERE kept = 1 ORDER BY date DESC, source DESC LIMIT 1")
    if not latest:
        raise NotInLedger("the ledger is empty; run `summarizer ingest` first")
    last = _report(ledger, latest[0][0])
    assert last is not None
    if text in ("latest", "last"):
        return last
    if text == "previous":
        return previous_report(ledger, last.source) or last
    found = _report(ledger, text)
    if found is not None:
        return found
    parsed = parse_iso_week(text)
    if parsed is not None:
        wanted = parsed[0] * 100 + parsed[1]
        rows = ledger.query(
            "SELECT source FROM reports WHERE kept = 1 AND week_int = ? ORDER BY date DESC, source DESC LIMIT 1",
            [wanted],
        )
        if rows:
            report = _report(ledger, rows[0][0])
            assert report is not None
            return report
        raise NotInLedger(f"no report in week {text}")
    raise NotInLedger(f"no report '{text}' in the ledger (give a source path or a week like 2024-W42)")


def _series(source: str) -> str:
    """A report series is the folder its files live in (one team's weekly reports)."""
    return os.path.dirname(source)


def previous_report(ledger: Ledger, source: str) -> ReportRef | None:
    """The report before `source` in its own series (folder), else before it in date order."""
    this = _report(ledger, source)
    if this is None:
        return None
    before = "(date < ? OR (date = ? AND source < ?))"
    day = this.date.isoformat()
    for extra, params in (("AND series = ?", [_series(source)]), ("", [])):
        rows = ledger.query(
            f"SELECT source FROM reports WHERE kept = 1 AND {before} {extra}"
            " ORDER BY date DESC, source DESC LIMIT 1",
            [day, day, source, *params],
        )
        if rows:
            return _report(ledger, rows[0][0])
    return None


def changes(ledger: Ledger, from_source_or_week: str | int, to_source_or_week: str | int) -> ReportChanges:
    """What changed from report A to report B; events in reports after A up to B count.

    When both reports are in one series (folder), other series' reports in between do not count.
    """
    a, b = resolve_report(ledger, from_source_or_week), resolve_report(ledger, to_source_or_week)
    if (a.date, a.source) > (b.date, b.source):
        a, b = b, a
    same = _series(a.source) == _series(b.source)
    scope, scope_params = ("AND r.series = ?", [_series(a.source)]) if same else ("", [])
    ad, bd = a.date.isoformat(), b.date.isoformat()
    upto_a = f"(r.date < ? OR (r.date = ? AND r.source <= ?)) {scope}"
    between = f"(r.date > ? OR (r.date = ? AND r.source > ?)) AND {upto_a}"
    between_params = [ad, ad, a.source, bd, bd, b.source, *scope_params]
    fresh = ledger.query(
        "SELECT t.canonical FROM timeline t WHERE t.source = ? AND NOT EXISTS (SELECT 1 FROM timeline u"
        f" JOIN reports r ON r.source = u.source WHERE u.canonical = t.canonical AND r.kept = 1 AND {upto_a})",
        [b.source, ad, ad, a.source, *scope_params],
    )
    names = sorted({c for (c,) in fresh})
    infos = (
        [
            ProjectInfo.model_validate_json(info)
            for (info,) in ledger.query(
                f"SELECT info FROM projects WHERE canonical IN ({_marks(names)}) ORDER BY canonical", names
            )
        ]
        if names
        else []
    )

    def told_between(model: type[M], table: str, order: str) -> list[M]:
        rows = ledger.query(
            f"SELECT x.payload FROM {table} x JOIN reports r ON r.source = x.source WHERE {between} ORDER BY {order}",
            between_params,
        )
        return [model.model_validate_json(payload) for (payload,) in rows]

    events = told_between(StatusEvent, "events", "x.week, x.canonical, x.seq")
    told = told_between(Incident, "incidents", "x.ord")
    slipped = told_between(Slip, "slips", "x.date, x.source, x.canonical, x.kind, x.seq")
    return ReportChanges(
        from_report=a.source,
        to_report=b.source,
        from_week=a.week,
        to_week=b.week,
        new_projects=sorted(infos, key=lambda p: p.name),
        finished=[e for e in events if e.status in FINISHED],
        paused_or_cancelled=[e for e in events if e.status in STOPPED],
        slipped=slipped,
        new_incidents=told,
        metric_deltas=_metric_deltas(ledger, a.source, b.source),
    )


def _metric_deltas(ledger: Ledger, a: str, b: str) -> list[MetricDelta]:
    first: dict[str, MetricPoint] = {}
    second: dict[str, MetricPoint] = {}
    for key, source, payload in ledger.query(
        "SELECT m.key, m.source, f.payload FROM metric_points m JOIN facts f ON f.id = m.fact"
        " WHERE m.source IN (?, ?) ORDER BY m.seq",
        [a, b],
    ):
        (first if source == a else second).setdefault(key, MetricPoint.model_validate_json(payload))
    out = []
    for key in sorted(first.keys() & second.keys()):
        before, after = first[key], second[key]
        out.append(
            MetricDelta(
                name=after.name,
                key=key,
                unit=after.unit,
                before=before.value,
                after=after.value,
                delta=round(after.value - before.value, 6),
                evidence=[before.evidence, after.evidence],
            )
        )
    return out
