"""What the views read, derived from the facts at ingest and stored in indexed tables.

Per question nothing is derived and nothing is read whole: project identity, each project's
merged weekly observations (its timeline), slips, launches, lifecycle events, incidents without
their retellings and metric series keys are computed here, when reports change, and stored
with the report, series, week and ranking columns the views filter and order on.

Incremental: `upsert_report` and `remove_report` mark a report dirty; `derive` relinks names
(blocked comparisons, `identity.py`), then recomputes only the projects whose names are in a
dirty report or whose cluster changed, and the metric keys of dirty series. Everything else is
a pure function of the stored facts sorted by report date, so the tables never depend on the
order reports were ingested. A change of `DERIVE_VERSION`, the extractor or `aliases.toml`
recomputes everything.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from index.ledger.containers import without_lent
from index.ledger.extract import EXTRACTOR_VERSION
from index.ledger.identity import AliasConfig, Identity, NameStat, build_identity
from index.ledger.metric_links import recurring, series_keys
from index.ledger.name_blocks import entry_marks
from index.ledger.observation_merge import filler, merge_observations
from index.ledger.prose_derive import add_prose_names, told_in_prose
from index.ledger.retellings import first_tellings_indexed
from index.ledger.shifts import resolve_shifts
from index.ledger.slips import project_launches, project_slips, project_stops
from index.schemas import Incident, MetricPoint, Observation, ProjectInfo, Rename, Slip, series_of
from index.text.weeks import week_key

if TYPE_CHECKING:
    import numpy as np

# Bump when what is derived (or how) changes: every ledger then recomputes on its next read.
DERIVE_VERSION = 31


def stamp(aliases_text: str, embed_id: str) -> str:
    """What, besides the facts, the derived tables depend on."""
    digest = hashlib.sha256(aliases_text.encode("utf-8")).hexdigest()[:16]
    return f"{DERIVE_VERSION}|{EXTRACTOR_VERSION}|{digest}|{embed_id}"


@dataclass
class Derivation:
    """What one `derive` did, for the benchmarks and tests."""

    full: bool
    dirty: int
    names: int
    projects: int
    recomputed: int


def _kept(conn: sqlite3.Connection) -> set[str]:
    """Reports that count: a file stored under two paths counts once (the first by date, path).
    Also files each report under its series (its folder)."""
    kept: set[str] = set()
    hashes: set[str] = set()
    moved = []
    rows = conn.execute("SELECT source, content_hash, series FROM reports ORDER BY date, source").fetchall()
    for source, content_hash, series in rows:
        if content_hash not in hashes:
            hashes.add(content_hash)
            kept.add(source)
        if series != series_of(source):
            moved.append((series_of(source), source))
    conn.executemany("UPDATE reports SET series = ? WHERE source = ?", moved)
    return kept


Embed = Callable[[list[str]], "np.ndarray"]


def derive(
    conn: sqlite3.Connection,
    config: AliasConfig,
    state: str,
    embed: Embed | None = None,
    threshold: float = 0.9,
) -> Derivation | None:
    """Bring the derived tables up to date with the facts; None when they already were."""
    row = conn.execute("SELECT value FROM derived_state WHERE key = 'stamp'").fetchone()
    full = row is None or row[0] != state
    dirty = {source for (source,) in conn.execute("SELECT source FROM dirty")}
    if not full and not dirty:
        return None
    with conn:
        kept = _kept(conn)
        before = {source for (source,) in conn.execute("SELECT source FROM reports WHERE kept = 1")}
        dirty |= kept ^ before  # a duplicate path whose twin went away now counts (and the reverse)
        conn.executemany(
            "UPDATE reports SET kept = ? WHERE source = ?",
            [(int(s in kept), s) for s in sorted(kept ^ before)],
        )
        identity, prose_named = _identity(conn, config, embed, threshold)
        affected = _relink(conn, identity, dirty, full)
        if not full:
            affected |= _series_peers(conn, identity, dirty, affected)
        recomputed = _projects(conn, identity, affected, prose_named)
        _incidents(conn)
        _metrics(conn, None if full else {series_of(s) for s in dirty})
        conn.execute("DELETE FROM dirty")
        conn.execute("INSERT OR REPLACE INTO derived_state VALUES ('stamp', ?)", (state,))
        (revision,) = conn.execute(
            "SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) + 1 FROM derived_state WHERE key = 'revision'"
        ).fetchone()
        conn.execute("INSERT OR REPLACE INTO derived_state VALUES ('revision', ?)", (str(revision),))
    (projects,) = conn.execute("SELECT COUNT(*) FROM projects").fetchone()
    return Derivation(full, len(dirty), len(identity.canonical_of), projects, recomputed)


def _identity(
    conn: sqlite3.Connection, config: AliasConfig, embed: Embed | None, threshold: float
) -> tuple[Identity, dict[str, set[str]]]:
    """Every project name with its first date, report count and series, linked into projects;
    the names only signal sentences gave, with the series whose sentences gave them."""
    stats: dict[tuple[str, str], NameStat] = {}  # (name, series): each team's names are its own
    seen: set[tuple[str, str]] = set()
    rows = conn.execute(
        "SELECT f.subject, json_extract(f.payload, '$.date'), r.source, json_extract(f.payload, '$.origin'),"
        " json_extract(f.payload, '$.item_key')"
        " FROM facts f JOIN reports r ON r.source = f.source WHERE f.kind = 'observation' AND r.kept = 1"
        " ORDER BY r.date, r.source, f.seq"
    )
    structural: set[tuple[str, str]] = set()
    for name, day, source, origin, key in rows:
        team = series_of(source)
        stat = stats.get((name, team))
        if stat is None:
            stat = stats[name, team] = NameStat(name, date.fromisoformat(day), 0, {team})
        if key:
            stat.keys.add(key)
        if origin != "lead":
            structural.add((name, team))
        if (name, source) not in seen:
            seen.add((name, source))
            stat.count += 1
    for pair, stat in stats.items():
        stat.tentative = stat.count == 1 and pair not in structural
    prose_named = add_prose_names(conn, stats)
    renames = [
        Rename.model_validate_json(payload)
        for (payload,) in conn.execute(
            "SELECT f.payload FROM facts f JOIN reports r ON r.source = f.source"
            " WHERE f.kind = 'rename' AND r.kept = 1 ORDER BY r.date, r.source, f.seq"
        )
    ]
    identity = build_identity(
        stats.values(),
        config,
        embed,
        threshold,
        renames=[(r.old, r.new, series_of(r.report)) for r in renames],
    )
    prose_series: dict[str, set[str]] = defaultdict(set)
    for name, team in prose_named:
        prose_series[name].add(team)
    return identity, dict(prose_series)


def _series_peers(
    conn: sqlite3.Connection, identity: Identity, dirty: set[str], affected: set[str]
) -> set[str]:
    """Every project of a series whose reports or project names changed: a sentence names one of
    them by the series' vocabulary (`prose_links`), which any of these changes can change; and
    every project stored from such a series, whose names may now be another of its projects'."""
    touched = {series_of(source) for source in dirty}
    # A name only a rename announces ("renamed to Summit", no line writes it yet) is linked but
    # written in no report: the team whose rename it is holds it.
    touched |= {
        team for team, names in identity.teams.items() if team and not affected.isdisjoint(names.values())
    }
    for chunk in _chunks(sorted(affected)):
        marks = ",".join("?" * len(chunk))
        touched.update(
            s
            for (s,) in conn.execute(
                f"SELECT DISTINCT series FROM timeline WHERE canonical IN ({marks})", chunk
            )
        )
    peers = {canon for team in touched for canon in identity.teams.get(team, {}).values()}
    for chunk in _chunks(sorted(touched)):
        marks = ",".join("?" * len(chunk))
        peers.update(
            c
            for (c,) in conn.execute(
                f"SELECT DISTINCT canonical FROM timeline WHERE series IN ({marks})", chunk
            )
        )
    return peers


def _relink(conn: sqlite3.Connection, identity: Identity, dirty: set[str], full: bool) -> set[str]:
    """Store the new identity; return the canonical projects whose timelines must be recomputed."""
    old = dict(conn.execute("SELECT name, canonical FROM names").fetchall())
    new = identity.canonical_of
    old_teams = {(t, n): c for t, n, c in conn.execute("SELECT series, name, canonical FROM team_names")}
    new_teams = {(t, n): c for t, names in identity.teams.items() for n, c in names.items()}
    if full:
        affected = set(old.values()) | set(new.values()) | set(old_teams.values())
        affected |= {c for (c,) in conn.execute("SELECT canonical FROM projects")}
    else:
        affected = _moved(old, new) | _moved(old_teams, new_teams)
        for chunk in _chunks(sorted(dirty)):
            marks = ",".join("?" * len(chunk))
            affected.update(
                identity.canonical_in(n, series_of(source))
                for n, source in conn.execute(
                    f"SELECT DISTINCT subject, source FROM facts WHERE kind = 'observation' AND source IN ({marks})",
                    chunk,
                )
                if n in new
            )
            affected.update(
                c
                for (c,) in conn.execute(
                    f"SELECT DISTINCT canonical FROM timeline WHERE source IN ({marks})", chunk
                )
            )
    # An alias list changes only with its cluster's members, a canonical spelling only with the
    # canonical of every member: both show as names whose canonical changed.
    conn.execute("DELETE FROM names")
    conn.executemany("INSERT INTO names VALUES (?, ?)", sorted(new.items()))
    conn.execute("DELETE FROM team_names")
    conn.executemany(
        "INSERT INTO team_names VALUES (?, ?, ?)", sorted((t, n, c) for (t, n), c in new_teams.items())
    )
    conn.execute("DELETE FROM name_keys")
    conn.executemany("INSERT INTO name_keys VALUES (?, ?)", list(identity.keys.items()))
    conn.execute("DELETE FROM name_marks")
    conn.executemany(
        "INSERT INTO name_marks VALUES (?, ?, ?)",
        [(mark, key, canon) for key, canon in identity.keys.items() for mark in entry_marks(key, canon)],
    )
    return affected


K = TypeVar("K", bound=Hashable)


def _moved(before: Mapping[K, str], after: Mapping[K, str]) -> set[str]:
    """The canonical projects a name (or a team's name) left or joined."""
    return {
        c
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
        for c in (before.get(key), after.get(key))
        if c is not None
    }


def _chunks(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _projects(
    conn: sqlite3.Connection, identity: Identity, affected: set[str], prose_named: dict[str, set[str]]
) -> int:
    """Recompute the timelines, slips, launches and lifecycle events of the affected projects.
    A project only signal sentences named (`prose_named`: name -> series) is stored when they
    make its observations in two reports."""
    members: dict[str, set[str]] = defaultdict(set)
    for names in [identity.canonical_of, *identity.teams.values()]:
        for name, canon in names.items():
            if canon in affected:
                members[canon].add(name)
    for table in ("projects", "timeline", "slips", "launches", "events"):
        for chunk in _chunks(sorted(affected)):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM {table} WHERE canonical IN ({marks})", chunk)
    wanted = sorted(name for names in members.values() for name in names)
    observations: dict[str, list[Observation]] = defaultdict(list)
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for subject, team, payload in conn.execute(
            "SELECT f.subject, r.series, f.payload FROM facts f JOIN reports r ON r.source = f.source"
            f" WHERE f.kind = 'observation' AND r.kept = 1 AND f.subject IN ({marks})"
            " ORDER BY r.date, r.source, f.seq",
            chunk,
        ):
            canon = identity.canonical_in(subject, team)
            if canon in affected:  # the name may be another team's project, not being recomputed
                observations[canon].append(Observation.model_validate_json(payload))
    starts = {
        series: date.fromisoformat(first)
        for series, first in conn.execute(
            "SELECT series, MIN(date) FROM reports WHERE kept = 1 GROUP BY series"
        )
    }
    # Every decision below is a team's own: one team's reports of "Go-live" never make another
    # team's one-line "Go-live" a project, nor name its sentences (keys: (canonical, series)).
    shown: dict[tuple[str, str], dict[str, list[Observation]]] = {}
    lone: dict[tuple[str, str], dict[str, list[Observation]]] = {}
    for canon in sorted(observations):
        per_team: dict[str, dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
        for obs in observations[canon]:  # in report order: the query's
            per_team[series_of(obs.report)][obs.report].append(obs)
        for team, per_report in per_team.items():
            flat = [o for group in per_report.values() for o in group]
            if len(per_report) < 2 and all(o.origin == "lead" for o in flat):
                lone[canon, team] = per_report  # a name only a line's lead gave, in one report: not shown yet
                continue
            shown[canon, team] = per_report
    observed = set(shown) | set(lone)
    # One report's lead whose name the series' sentences give as well ("闸门限流SDK 2.0升级：还是
    # 12/20" one week, the name in running text in others) is weighed as a name they alone give.
    # Written from sre-handover-zh.
    told_of = {
        (identity.canonical_in(name, team), team) for name, teams in prose_named.items() for team in teams
    }
    lone = {key: found for key, found in lone.items() if key in told_of}
    shown.update(lone)
    prose_only: dict[str, set[str]] = defaultdict(set)
    for name, folders in prose_named.items():
        for folder in folders:
            canon = identity.canonical_in(name, folder)
            if canon in affected and (canon, folder) not in observed:
                prose_only[canon].add(folder)
                shown[canon, folder] = defaultdict(list)
    recomputed = {canon for canon, _ in observed} | set(prose_only)
    told, lent = told_in_prose(conn, identity, shown, recomputed, prose_only)
    for canon, folders in prose_only.items():
        for folder in folders:
            if len({obs.report for obs in told.get((canon, folder), [])}) < 2:
                del shown[canon, folder]  # its sentences did not make it a project
    for key in lone:
        # as for a name only sentences give: they tell of it in two reports besides its lead's
        if len({obs.report for obs in told.get(key, [])} - set(shown[key])) < 2:
            del shown[key]
    for (canon, team), per_report in shown.items():
        for source, group in per_report.items():
            group[:] = [
                without_lent(o, lent[source, o.project]) if (source, o.project) in lent else o for o in group
            ]
        for obs in told.get((canon, team), []):
            if obs.report not in per_report or all(o.origin == "prose" for o in per_report[obs.report]):
                per_report[obs.report].append(obs)  # only where no mention of its own names it
            elif obs.target is not None or obs.target_order is not None or obs.progress is not None:
                # A mention that reads one sentence ("Repairs is at risk.") leaves the paragraph's
                # later ones unread ("…we're saying w/c 28 April for the private beta instead"):
                # their target and progress fill what it left empty; its status stays its own.
                per_report[obs.report].append(filler(obs))
    # Each team's timeline is its own; a project's teams in the order of their first report.
    teams_of: dict[str, list[dict[str, list[Observation]]]] = defaultdict(list)
    for (canon, _team), per_report in shown.items():
        if per_report:
            teams_of[canon].append(per_report)
    for canon in sorted(teams_of):
        timelines = []
        for per_report in sorted(
            teams_of[canon], key=lambda found: min((group[0].date, source) for source, group in found.items())
        ):
            order = sorted(per_report, key=lambda source: (per_report[source][0].date, source))
            timelines.append(
                resolve_shifts([merge_observations(per_report[source], canon) for source in order])
            )
        _store_project(conn, canon, identity.aliases.get(canon, []), timelines, starts)
    return len(teams_of)


def _store_project(
    conn: sqlite3.Connection,
    canon: str,
    aliases: list[str],
    timelines: list[list[Observation]],
    starts: dict[str, date] | None = None,
) -> None:
    """Store one project's timeline. Two teams may write the same project name: each series'
    timeline is compared with itself only (`timelines`, one per series), so one team's target
    never becomes another's slip."""
    timeline = sorted((o for t in timelines for o in t), key=lambda o: (o.date, o.report))
    conn.executemany(
        "INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?)",
        [
            (canon, o.report, series_of(o.report), o.date.isoformat(), week_key(o.week), o.model_dump_json())
            for o in timeline
        ],
    )
    slips = [
        (slip, t, {o.week: o.report for o in t}[slip.week])
        for t in timelines
        for slip in project_slips(canon, aliases, t, starts)
    ]
    conn.executemany(
        "INSERT INTO slips VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                canon,
                seq,
                source,
                series_of(source),
                _date_of(t, source),
                week_key(slip.week),
                slip.kind,
                slip_days(slip),
                "\n".join(sorted({c.report for c in slip.evidence})),
                slip.model_dump_json(),
            )
            for seq, (slip, t, source) in enumerate(slips)
        ],
    )
    launches = [x for t in timelines for x in project_launches(canon, aliases, t, starts)]
    conn.executemany(
        "INSERT INTO launches VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                canon,
                seq,
                x.week,
                x.evidence[-1].report if x.evidence else "",
                series_of(x.evidence[-1].report) if x.evidence else "",
                "\n".join(sorted({c.report for c in x.evidence})),
                x.model_dump_json(),
            )
            for seq, x in enumerate(launches)
        ],
    )
    stops = [e for t in timelines for e in project_stops(canon, aliases, t)]
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (canon, seq, e.week, e.report, series_of(e.report), e.status, e.model_dump_json())
            for seq, e in enumerate(stops)
        ],
    )
    last = timeline[-1]
    progress = next((o.progress_label for o in reversed(timeline) if o.progress_key), None)
    info = ProjectInfo(
        name=canon,
        aliases=aliases,
        first_week=timeline[0].week,
        last_week=last.week,
        mentions=len(timeline),
        status=next((o.status for o in reversed(timeline) if o.status is not None), None),
        target=next((o.target for o in reversed(timeline) if o.target is not None), None),
        progress=progress,
    )
    conn.execute("INSERT INTO projects VALUES (?, ?, ?)", (canon, last.week, info.model_dump_json()))


def _date_of(timeline: list[Observation], source: str) -> str:
    return next(o.date.isoformat() for o in timeline if o.report == source)


def slip_days(slip: Slip) -> int | None:
    """How far a date moved or how long a project is overdue, in days; None for other slips."""
    if slip.kind not in ("date_moved", "overdue"):
        return None
    try:
        return (date.fromisoformat(slip.to) - date.fromisoformat(slip.from_)).days
    except ValueError:
        return None  # a sprint or version moved, not a day


def _incidents(conn: sqlite3.Connection) -> None:
    """Incidents without their retellings (`incident_links`), in report order."""
    told = [
        Incident.model_validate_json(payload)
        for (payload,) in conn.execute(
            "SELECT f.payload FROM facts f JOIN reports r ON r.source = f.source"
            " WHERE f.kind = 'incident' AND r.kept = 1 ORDER BY r.date, r.source, f.seq"
        )
    ]
    conn.execute("DELETE FROM incidents")
    conn.executemany(
        "INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                ord_,
                i.report,
                series_of(i.report),
                week_key(i.week),
                i.when.isoformat() if i.when else None,
                i.severity,
                i.model_dump_json(),
            )
            for ord_, i in enumerate(first_tellings_indexed(told))
        ],
    )


def _metrics(conn: sqlite3.Connection, folders: set[str] | None) -> None:
    """Each series' metric points filed under their series key (`metric_links`), the first point
    per report and key; then each key's spelling, unit and first date across series."""
    # (`+f.kind`: one series' metrics are read from its reports, not from every metric's row)
    query = (
        "SELECT f.id, f.seq, f.payload FROM facts f JOIN reports r ON r.source = f.source"
        " WHERE +f.kind = 'metric' AND r.kept = 1 {} ORDER BY r.date, r.source, f.seq"
    )
    if folders is None:
        conn.execute("DELETE FROM metric_points")
        rows = conn.execute(query.format("")).fetchall()
    else:
        rows = []
        for folder in sorted(folders):
            conn.execute("DELETE FROM metric_points WHERE series = ?", (folder,))
            rows += conn.execute(query.format("AND r.series = ?"), (folder,)).fetchall()
    points = recurring([(fact, seq, MetricPoint.model_validate_json(payload)) for fact, seq, payload in rows])
    keys = series_keys(p for _, _, p in points)
    seen: set[tuple[str, str]] = set()
    out = []
    for fact, seq, point in points:
        key = keys.get((series_of(point.report), point.key), point.key)
        if (key, point.report) not in seen:  # one point per report: its first statement
            seen.add((key, point.report))
            day = point.date.isoformat()
            out.append((fact, key, series_of(point.report), point.report, day, seq, point.name, point.unit))
    conn.executemany("INSERT INTO metric_points VALUES (?, ?, ?, ?, ?, ?, ?, ?)", out)
    conn.execute("DELETE FROM metric_series")
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    units: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for key, name, unit, day in conn.execute(
        "SELECT m.key, m.name, m.unit, m.date FROM metric_points m JOIN reports r ON r.source = m.source"
        " ORDER BY r.date, r.source, m.seq"
    ):
        spellings[key][name] += 1
        units[key][unit] += 1
        first.setdefault(key, day)
    conn.executemany(
        "INSERT INTO metric_series VALUES (?, ?, ?, ?)",
        [(k, spellings[k].most_common(1)[0][0], units[k].most_common(1)[0][0], first[k]) for k in first],
    )


def dump_rows(rows: Iterable[tuple[str]]) -> str:
    """Stored payloads as one JSON array, without a round trip through the models."""
    return "[" + ",".join(payload for (payload,) in rows) + "]"
