"""Incidents, notes (risks, asks, next-week plans) and metric series as told in the reports, with
the same filters as the other views (week range or days, reports, series, metric name or keys).

Its own module because these views read facts told in a report rather than a project's derived
history: incidents once per event (`incident_links`), notes as written, and metric points joined
to their facts, one series per metric key (`metric_links`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from index.ledger.store import Ledger
from index.ledger.view_rows import Row, chunked, placeholders, revision_memo, week_clause
from index.schemas import Incident, MetricPoint, MetricSeries, Note, NoteKind
from index.text.normalise import name_key


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
    weeks, params = week_clause("i.week_int", since_week_int, until_week_int)
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
    weeks, params = week_clause("week_int", since_week_int, until_week_int)
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
    where, params = week_clause("r.week_int", since_week_int, until_week_int)
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
    memo = revision_memo(ledger, "views.metric_names")
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
        where += f" AND m.source IN ({placeholders(reports)})"
        params += sorted(reports)
    points: dict[str, list[MetricPoint]] = {}
    wanted_keys = [key for key, _, _ in heads]
    for group in chunked(wanted_keys):
        for key, payload, source in ledger.query(
            "SELECT m.key, f.payload, m.source FROM metric_points m JOIN facts f ON f.id = m.fact"
            " JOIN reports r ON r.source = m.source"
            f" WHERE m.key IN ({placeholders(group)}){where} ORDER BY r.date, r.source, m.seq",
            [*group, *params],
        ):
            if reports is None or source in reports:
                points.setdefault(key, []).append(MetricPoint.model_validate_json(payload))
    return [
        MetricSeries(name=spelling, key=key, unit=unit, points=points[key])
        for key, spelling, unit in heads
        if key in points
    ]
