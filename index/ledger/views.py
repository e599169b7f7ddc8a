"""Derived views over the ledger, the plain functions the CLI, the Q&A and the eval harness call.

Everything is computed from the stored facts sorted by report date, at query time; slips are
derived over the whole history and then filtered by week, so a `since` bound never changes what
counts as a slip. Week bounds are ints `year*100 + isoweek` (202442).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from index.errors import SummarizerError
from index.ledger.incident_links import first_tellings
from index.ledger.metric_links import series_key, series_keys
from index.ledger.signals import FINISHED, STOPPED
from index.ledger.slips import project_launches, project_slips, project_stops
from index.ledger.snapshot import Snapshot, snapshot_of
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
from index.text.weeks import in_weeks, parse_iso_week, week_key


class NotInLedger(SummarizerError):
    """A project, report or week the user named is not in the ledger."""


def _cached(ledger: Ledger, name: str, snap: Snapshot, build: object) -> object:
    entry = ledger.cache.get(name)
    if entry is not None and entry[0] is snap:
        return entry[1]
    value = build(snap)  # type: ignore[operator]
    ledger.cache[name] = (snap, value)
    return value


def _all_slips(snap: Snapshot) -> list[tuple[str, Slip]]:
    """(source of the report where the slip shows, slip), oldest report first."""
    order = {ref.source: i for i, ref in enumerate(snap.reports)}
    found: list[tuple[int, str, Slip]] = []
    for project, observations in snap.timelines.items():
        by_week = {obs.week: obs.report for obs in observations}
        for slip in project_slips(project, snap.aliases(project), observations):
            source = by_week[slip.week]
            found.append((order[source], source, slip))
    found.sort(key=lambda row: (row[0], row[2].project, row[2].kind))
    return [(source, slip) for _, source, slip in found]


def _slips_with_source(ledger: Ledger) -> list[tuple[str, Slip]]:
    snap = snapshot_of(ledger)
    return _cached(ledger, "slips", snap, _all_slips)  # type: ignore[return-value]


def slips(ledger: Ledger, since_week_int: int | None = None, until_week_int: int | None = None) -> list[Slip]:
    """Every slip (date_moved, overdue, status_downgrade, stalled), oldest report first."""
    every = _slips_with_source(ledger)
    return [s for _, s in every if in_weeks(s.week, since_week_int, until_week_int)]


def projects(ledger: Ledger) -> list[ProjectInfo]:
    """Projects linked across weeks, most recently mentioned first."""
    snap = snapshot_of(ledger)
    out = []
    for name, observations in snap.timelines.items():
        last = observations[-1]
        progress = next((o.progress_label for o in reversed(observations) if o.progress_key), None)
        out.append(
            ProjectInfo(
                name=name,
                aliases=snap.aliases(name),
                first_week=observations[0].week,
                last_week=last.week,
                mentions=len(observations),
                status=_latest(observations, "status"),
                target=_latest(observations, "target"),
                progress=progress,
            )
        )
    order = {ref.week: i for i, ref in enumerate(snap.reports)}
    return sorted(out, key=lambda p: (-order.get(p.last_week, 0), p.name))


def _latest(observations: list[Observation], field: str) -> Any:
    return next((getattr(o, field) for o in reversed(observations) if getattr(o, field) is not None), None)


def canonical_name(ledger: Ledger, name: str) -> str | None:
    """The canonical project for any spelling or alias, or None when unknown or ambiguous."""
    snap = snapshot_of(ledger)
    found = snap.identity.resolve(name)
    return found if found in snap.timelines else None


def find_project(ledger: Ledger, project: str) -> str:
    """The canonical name for a user's spelling; raises `NotInLedger` listing near names."""
    snap = snapshot_of(ledger)
    canonical = canonical_name(ledger, project)
    if canonical is None:
        key = name_key(project)
        near = [name for name in snap.timelines if key and (key in name_key(name) or name_key(name) in key)]
        hint = f"; did you mean {', '.join(near[:5])}?" if near else "; `summarizer projects` lists them"
        raise NotInLedger(f"no project '{project}' in the ledger{hint}")
    return canonical


def timeline(ledger: Ledger, project: str) -> ProjectTimeline:
    snap = snapshot_of(ledger)
    name = find_project(ledger, project)
    observations = snap.timelines[name]
    return ProjectTimeline(
        project=name,
        aliases=snap.aliases(name),
        observations=observations,
        slips=[s for s in slips(ledger) if s.project == name],
    )


def launches(ledger: Ledger) -> list[Launch]:
    """Each project's move into launched/done, with a verdict against its last target."""
    snap = snapshot_of(ledger)
    out = [
        launch
        for name, observations in snap.timelines.items()
        for launch in project_launches(name, snap.aliases(name), observations)
    ]
    return sorted(out, key=lambda launch: (launch.week, launch.project))


def lifecycle(ledger: Ledger) -> list[StatusEvent]:
    """Moves into launched, done, paused or cancelled, oldest first."""
    snap = snapshot_of(ledger)
    out = [
        event
        for name, observations in snap.timelines.items()
        for event in project_stops(name, snap.aliases(name), observations)
    ]
    return sorted(out, key=lambda event: (event.week, event.project))


def paused_cancelled(ledger: Ledger) -> list[StatusEvent]:
    return [event for event in lifecycle(ledger) if event.status in STOPPED]


def incidents(
    ledger: Ledger, since_week_int: int | None = None, until_week_int: int | None = None
) -> list[Incident]:
    """Incidents oldest first; one retold in later reports counts once, as its first telling."""
    snap = snapshot_of(ledger)
    every: list[Incident] = _cached(ledger, "incidents", snap, lambda s: first_tellings(s.incidents))  # type: ignore[assignment]
    return [i for i in every if in_weeks(i.week, since_week_int, until_week_int)]


def notes(
    ledger: Ledger,
    kind: NoteKind | None = None,
    since_week_int: int | None = None,
    until_week_int: int | None = None,
) -> list[Note]:
    """Risks, asks and next-week plans as written, oldest report first."""
    snap = snapshot_of(ledger)
    return [
        note
        for note in snap.notes
        if (kind is None or note.kind == kind) and in_weeks(note.week, since_week_int, until_week_int)
    ]


def metric_series(ledger: Ledger, name: str | None = None) -> list[MetricSeries]:
    """Each metric across reports (first value per report), optionally only names matching `name`;
    one team's `blended CAC` and `CAC` are one series (`metric_links`)."""
    snap = snapshot_of(ledger)
    keys: dict[tuple[str, str], str] = _cached(ledger, "metric_keys", snap, lambda s: series_keys(s.metrics))  # type: ignore[assignment]
    grouped: dict[str, list[MetricPoint]] = {}
    for point in snap.metrics:
        points = grouped.setdefault(series_key(keys, point), [])
        if not points or points[-1].report != point.report:
            points.append(point)
    wanted = name_key(name) if name else None
    out = []
    for key, points in grouped.items():
        if wanted and wanted not in key:
            continue
        spelling = Counter(p.name for p in points).most_common(1)[0][0]
        unit = Counter(p.unit for p in points).most_common(1)[0][0]
        out.append(MetricSeries(name=spelling, key=key, unit=unit, points=points))
    return sorted(out, key=lambda series: (series.points[0].date, series.key))


def resolve_report(ledger: Ledger, ref: str | int) -> ReportRef:
    """A report by source path, ISO week (`2024-W42`, `202442`) or `latest`/`previous`."""
    reports = snapshot_of(ledger).reports
    if not reports:
        raise NotInLedger("the ledger is empty; run `summarizer ingest` first")
    text = str(ref).strip()
    if text in ("latest", "last"):
        return reports[-1]
    if text == "previous":
        return previous_report(ledger, reports[-1].source) or reports[-1]
    for report in reports:
        if report.source == text:
            return report
    parsed = parse_iso_week(text)
    if parsed is not None:
        wanted = parsed[0] * 100 + parsed[1]
        matching = [r for r in reports if week_key(r.week) == wanted]
        if matching:
            return matching[-1]
        raise NotInLedger(f"no report in week {text}")
    raise NotInLedger(f"no report '{text}' in the ledger (give a source path or a week like 2024-W42)")


def _series(source: str) -> str:
    """A report series is the folder its files live in (one team's weekly reports)."""
    return os.path.dirname(source)


def previous_report(ledger: Ledger, source: str) -> ReportRef | None:
    """The report before `source` in its own series (folder), else before it in date order."""
    reports = snapshot_of(ledger).reports
    index = next((i for i, ref in enumerate(reports) if ref.source == source), None)
    if index is None or index == 0:
        return None
    same = [ref for ref in reports[:index] if _series(ref.source) == _series(source)]
    return same[-1] if same else reports[index - 1]


def changes(ledger: Ledger, from_source_or_week: str | int, to_source_or_week: str | int) -> ReportChanges:
    """What changed from report A to report B; events in reports after A up to B count.

    When both reports are in one series (folder), other series' reports in between do not count.
    """
    snap = snapshot_of(ledger)
    a, b = resolve_report(ledger, from_source_or_week), resolve_report(ledger, to_source_or_week)
    reports = snap.reports
    if _series(a.source) == _series(b.source):
        reports = [ref for ref in reports if _series(ref.source) == _series(a.source)]
    order = {ref.source: i for i, ref in enumerate(reports)}
    lo, hi = sorted((order[a.source], order[b.source]))
    a, b = reports[lo], reports[hi]
    between = {ref.source for ref in reports[lo + 1 : hi + 1]}
    up_to_a = {ref.source for ref in reports[: lo + 1]}
    infos = {info.name: info for info in projects(ledger)}
    new_projects = [
        infos[name]
        for name, observations in snap.timelines.items()
        if any(o.report == b.source for o in observations)
        and not any(o.report in up_to_a for o in observations)
    ]
    events = [e for e in lifecycle(ledger) if e.report in between]
    new_incidents = [i for i in incidents(ledger) if i.report in between]  # first tellings only
    return ReportChanges(
        from_report=a.source,
        to_report=b.source,
        from_week=a.week,
        to_week=b.week,
        new_projects=sorted(new_projects, key=lambda p: p.name),
        finished=[e for e in events if e.status in FINISHED],
        paused_or_cancelled=[e for e in events if e.status in STOPPED],
        slipped=[slip for source, slip in _slips_with_source(ledger) if source in between],
        new_incidents=new_incidents,
        metric_deltas=_metric_deltas(snap, a.source, b.source),
    )


def _metric_deltas(snap: Snapshot, a: str, b: str) -> list[MetricDelta]:
    first: dict[str, MetricPoint] = {}
    second: dict[str, MetricPoint] = {}
    keys = series_keys(snap.metrics)
    for point in snap.metrics:
        if point.report == a:
            first.setdefault(series_key(keys, point), point)
        elif point.report == b:
            second.setdefault(series_key(keys, point), point)
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
