"""The reports the ledger counts and what changed between two of them: listing reports (all, a
series', a week range's, each series' newest), naming one (`latest`, `previous`, a week, a path)
and the changes from one to another (new projects, finished and stopped ones, slips, incidents,
metric deltas).

Its own module because these views are about reports, not projects: they read the `reports`
table first and the facts told in a span of reports after.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from index.ledger.signals import FINISHED, STOPPED
from index.ledger.store import Ledger
from index.ledger.view_rows import M, NotInLedger, placeholders, revision_memo, shown_in_join, week_clause
from index.schemas import (
    Incident,
    MetricDelta,
    MetricPoint,
    ProjectInfo,
    ReportChanges,
    ReportRef,
    Slip,
    StatusEvent,
)
from index.text.weeks import parse_iso_week


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
    join, params = shown_in_join(reports, "r")
    weeks, week_params = week_clause("r.week_int", since_week_int, until_week_int)
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


_READS = 3


def _latest_report(ledger: Ledger) -> ReportRef:
    """The newest kept report. An ingest replacing it between the query and the read leaves no
    row for a moment: read again (seen with twenty threads asking while an ingest wrote)."""
    for _ in range(_READS):
        latest = ledger.query(
            "SELECT source FROM reports WHERE kept = 1 ORDER BY date DESC, source DESC LIMIT 1"
        )
        if not latest:
            raise NotInLedger("the ledger is empty; run `summarizer ingest` first")
        last = _report(ledger, latest[0][0])
        if last is not None:
            return last
    raise NotInLedger("the ledger changed while it was read; ask again")


def resolve_report(ledger: Ledger, ref: str | int) -> ReportRef:
    """A report by source path, ISO week (`2024-W42`, `202442`) or `latest`/`previous`."""
    text = str(ref).strip()
    last = _latest_report(ledger)
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
        report = _report(ledger, rows[0][0]) if rows else None
        if report is not None:  # (an ingest may replace it between the two reads: none then)
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
    Memoised per revision ("what changed this week?" of the whole index diffs every team's last two
    reports, and the next such question the same ones); each caller gets its own copy to narrow.
    """
    memo = revision_memo(ledger, "views.changes")
    key = (from_source_or_week, to_source_or_week)
    if key not in memo:
        memo[key] = _changes(ledger, from_source_or_week, to_source_or_week)
    return memo[key].model_copy()  # type: ignore[no-any-return]


def _changes(ledger: Ledger, from_source_or_week: str | int, to_source_or_week: str | int) -> ReportChanges:
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
                f"SELECT info FROM projects WHERE canonical IN ({placeholders(names)}) ORDER BY canonical",
                names,
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
