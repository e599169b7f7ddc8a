"""Projects by name: the canonical project any spelling or alias means, its other names, the
projects and their order, and one project's observations and timeline.

Its own module because every question that names a project goes through here first (`resolve`,
`canonical_name`): a spelling is compared only with the names sharing a block with it
(`name_blocks.query_marks`), and the lookups are memoised per ledger revision.
"""

from __future__ import annotations

from collections.abc import Collection

from index.ledger.name_blocks import query_marks
from index.ledger.name_rules import pair_related
from index.ledger.store import Ledger
from index.ledger.view_rows import NotInLedger, chunked, placeholders, revision_memo
from index.schemas import Observation, ProjectInfo, ProjectTimeline, Slip
from index.text.normalise import name_key
from index.text.weeks import week_key


def resolve(ledger: Ledger, query: str) -> str | None:
    """The canonical project any spelling or alias refers to (None when unknown or ambiguous),
    compared only with the names that share a block with it (`name_blocks.query_marks`)."""
    memo = revision_memo(ledger, "views.resolve")
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
            f"SELECT DISTINCT key, canonical FROM name_marks WHERE mark IN ({placeholders(marks)})", marks
        )
        hits = {canon for k, canon in near if pair_related(key, k, query, canon)}
        found = hits.pop() if len(hits) == 1 else None
    memo[query] = found
    return found


def aliases(ledger: Ledger, canonical: str) -> list[str]:
    """The other names a canonical project goes by, sorted."""
    memo = revision_memo(ledger, "views.aliases")
    if canonical not in memo:
        rows = ledger.query(
            "SELECT name FROM names WHERE canonical = ? UNION SELECT name FROM team_names WHERE canonical = ?",
            [canonical, canonical],
        )
        memo[canonical] = sorted({name for (name,) in rows} - {canonical})
    return memo[canonical]  # type: ignore[no-any-return]


def latest_name(ledger: Ledger, canonical: str) -> str | None:
    """The name the project's most recent report writes it under: a renamed project is asked
    about by its new name, while the canonical is its first one."""
    memo = revision_memo(ledger, "views.latest_name")
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


def projects(ledger: Ledger) -> list[ProjectInfo]:
    """Projects linked across weeks, most recently mentioned first."""
    rows = ledger.query("SELECT info FROM projects ORDER BY last_week DESC, canonical")
    return [ProjectInfo.model_validate_json(info) for (info,) in rows]


def project_names(ledger: Ledger) -> list[tuple[str, list[str]]]:
    """(canonical, aliases) of every project, most recently mentioned first (question linking)."""
    memo = revision_memo(ledger, "views.project_names")
    if "all" not in memo:
        names: dict[str, list[str]] = {}
        for canonical, name in ledger.query(
            # a team's own names too: "BEACON" of one team is still its project when another team's
            # project holds the name for a reader who names no team
            "SELECT p.canonical, n.name FROM projects p"
            " JOIN (SELECT name, canonical FROM names UNION SELECT name, canonical FROM team_names"
            # the tracker id its rows give (`ZZ-03` under `编号`): "the status of ZZ-03" names it
            " UNION SELECT json_extract(f.payload, '$.item_key'), n.canonical FROM facts f"
            " JOIN names n ON n.name = f.subject WHERE f.kind = 'observation'"
            " AND json_extract(f.payload, '$.item_key') IS NOT NULL) n"
            " ON n.canonical = p.canonical"
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
    for group in chunked(sorted(names)):
        last.update(
            ledger.query(
                f"SELECT canonical, last_week FROM projects WHERE canonical IN ({placeholders(group)})", group
            )
        )
    return sorted(last, key=lambda c: (-week_key(last[c]), c))


def series_projects(ledger: Ledger, series: str) -> frozenset[str]:
    """The projects one series (report folder) reports."""
    memo = revision_memo(ledger, "views.series_projects")
    if series not in memo:
        rows = ledger.query("SELECT DISTINCT canonical FROM timeline WHERE series = ?", [series])
        memo[series] = frozenset(c for (c,) in rows)
    return memo[series]  # type: ignore[no-any-return]


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
    projects: Collection[str] | None = None,
) -> list[tuple[str, Observation]]:
    """(canonical, merged observation) in the given reports or series, or of one canonical
    project (or of some: `projects`); by project name, then oldest report first."""
    where, params = "", []
    if project is not None:
        where += " AND canonical = ?"
        params.append(project)
    if projects is not None:
        chosen = list(projects)
        where += f" AND canonical IN ({placeholders(chosen)})"
        params += chosen
    if series is not None:
        where += " AND series = ?"
        params.append(series)
    groups: list[list[str]] = [[]] if reports is None else [list(c) for c in chunked(sorted(reports))]
    out: list[tuple[str, Observation]] = []
    for group in groups:
        clause = f" AND source IN ({placeholders(group)})" if reports is not None else ""
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
