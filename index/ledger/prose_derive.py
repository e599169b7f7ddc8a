"""Derive's half that reads a series' sentences: the names only its prose gives, and the
observations its signal sentences make for the projects being stored.

Split from `derive.py` because it is one job with its own queries: everything here is a function
of one series' stored passages and mentions, and derive calls it once per recomputation.
"""

from __future__ import annotations

import sqlite3
from collections import ChainMap, Counter, defaultdict
from collections.abc import Collection
from datetime import date

from index.ledger.containers import Lent, lent_sentences
from index.ledger.identity import Identity, NameStat
from index.ledger.prose import Passage
from index.ledger.prose_links import Vocabulary, link_passages
from index.ledger.prose_names import series_names
from index.schemas import Observation


def add_prose_names(conn: sqlite3.Connection, stats: dict[tuple[str, str], NameStat]) -> set[tuple[str, str]]:
    """Add each series' names that only its signal sentences give (`prose_names`) to `stats`
    (keyed by name and series); return them, and the names one report's lead gave that the
    sentences give too: such a name is a project only where its sentences make observations."""
    known: dict[str, list[str]] = defaultdict(list)
    lone: dict[str, set[str]] = defaultdict(set)
    for (name, folder), stat in stats.items():
        known[folder].append(name)
        if stat.tentative:
            lone[folder].add(name)
    passages: dict[str, list[tuple[str, date, str]]] = defaultdict(list)
    owners: dict[str, set[str]] = defaultdict(set)
    for folder, source, day, kind, text, opening, owner in conn.execute(
        "SELECT r.series, r.source, r.date, f.kind, json_extract(f.payload, '$.text'),"
        " json_extract(f.payload, '$.opening'),"
        " COALESCE(json_extract(f.payload, '$.owner'), json_extract(f.payload, '$.observation.owner'))"
        " FROM facts f JOIN reports r ON r.source = f.source"
        " WHERE f.kind IN ('passage', 'observation') AND r.kept = 1"
    ):
        if kind == "passage":
            passages[folder].append((source, date.fromisoformat(day), text))
            if opening:
                # the paragraph's subject, told in a first sentence with no signal of its own
                # ("qt-migrate 0.3 没能在2月底发出来。…新的目标是3月中旬")
                passages[folder].append((source, date.fromisoformat(day), opening))
        if owner:
            owners[folder].add(owner)
    added: set[tuple[str, str]] = set()
    for folder in sorted(passages):
        for stat in series_names(passages[folder], known[folder], owners[folder], lone[folder]):
            if (stat.name, folder) not in stats:
                stat.series.add(folder)
                stats[stat.name, folder] = stat
                added.add((stat.name, folder))
            elif stat.name in lone[folder]:
                # one report's lead, and sentences of others: `_projects` weighs it
                added.add((stat.name, folder))
    return added


def told_in_prose(
    conn: sqlite3.Connection,
    identity: Identity,
    shown: Collection[tuple[str, str]],
    recomputed: set[str],
    prose_only: dict[str, set[str]],
) -> tuple[dict[tuple[str, str], list[Observation]], dict[tuple[str, str], list[Lent]]]:
    """The observations the series' signal sentences make for the projects being stored, by
    (canonical, series): each sentence named by its series' projects, those stored now
    (`shown`: (canonical, series)), those left as they were and those only sentences name
    (`prose_only`); and, per (report, heading) that only holds several projects, the sentences of
    its body that are theirs."""
    series = sorted({folder for _, folder in shown} | {f for folders in prose_only.values() for f in folders})
    kept = set(conn.execute("SELECT DISTINCT canonical, series FROM timeline").fetchall())
    out: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    lent: dict[tuple[str, str], list[Lent]] = {}
    for folder in series:
        # the folder's own names: another team's spelling of a project name is not this team's
        own_names = ChainMap(identity.teams.get(folder, {}), identity.canonical_of)
        names_of: dict[str, list[str]] = defaultdict(list)
        for name, canon in identity.teams.get(folder, {}).items():
            names_of[canon].append(name)
        # `+f.kind`: not by the facts' kind index (every observation of every series, for each
        # series) but from the series' reports to their facts; the whole zoo's derive spent 14 s here.
        written = {
            own_names[n]
            for (n,) in conn.execute(
                "SELECT DISTINCT f.subject FROM facts f JOIN reports r ON r.source = f.source"
                " WHERE +f.kind = 'observation' AND r.kept = 1 AND r.series = ?",
                (folder,),
            )
            if n in own_names
        }
        prose_here = {canon for canon, folders in prose_only.items() if folder in folders}
        known = {c for c in written if (c, folder) in shown or (c not in recomputed and (c, folder) in kept)}
        layout = Vocabulary((name, canon) for canon in known for name in [canon, *names_of[canon]])
        every = (
            Vocabulary((name, canon) for canon in known | prose_here for name in [canon, *names_of[canon]])
            if prose_here
            else layout
        )
        passages = [
            Passage.model_validate_json(payload)
            for payload, text, opening, title in conn.execute(
                "SELECT f.payload, json_extract(f.payload, '$.text'), json_extract(f.payload, '$.opening'),"
                " json_extract(f.payload, '$.title')"
                " FROM facts f JOIN reports r ON r.source = f.source"
                " WHERE +f.kind = 'passage' AND r.kept = 1 AND r.series = ? ORDER BY r.date, r.source, f.seq",
                (folder,),
            )
            if _names_any(every, text, opening or "", title or "")
        ]
        if not prose_here:
            linked = link_passages(layout, passages)
        else:
            # The names only sentences gave name what the layout's names leave unnamed, on no line a
            # layout mention covers, and tell no fact a layout mention cites from that line: a known
            # project's prose stays exactly what it was, and its news is told once.
            spans, cited = _layout_lines(conn, folder)
            linked = []
            for passage in passages:
                named = link_passages(layout, [passage])
                if not named and not _inside(spans.get(passage.observation.report, []), passage.line):
                    for canon, obs in link_passages(every, [passage]):
                        if canon in prose_here and _untold(obs, cited.get(obs.report, set())):
                            named.append((canon, obs))
                linked.extend(named)
        for canon, obs in linked:
            if (canon, folder) in shown:
                out[canon, folder].append(obs)
        # A heading is a container by the projects the layout names: judged by the prose-only names
        # too, a real project heading whose paragraphs mention two of them lost its own news.
        lent.update(lent_sentences(layout, passages, own_names))
    return out, lent


def _names_any(vocabulary: Vocabulary, text: str, opening: str, title: str) -> bool:
    """The sentence, its paragraph's opening, the two together or its block's title line name a
    project of `vocabulary` (every name the series is read with). One that names none links to
    no project and makes no heading a container, so it is not read whole: most signal sentences
    name nothing known, and validating their stored observation was most of what derive spent on
    prose."""
    return bool(
        vocabulary.named(text)
        or vocabulary.named(opening)
        or vocabulary.named(f"{opening}\n{text}")
        or (title and vocabulary.named(title))
    )


_FIELDS = {"target": "target_evidence", "status": "status_evidence", "progress": "progress_evidence"}


def _layout_lines(
    conn: sqlite3.Connection, folder: str
) -> tuple[dict[str, list[tuple[int, int]]], dict[str, set[tuple[str, int | str]]]]:
    """Per report of the series, the line spans its layout's project mentions cover; the sections
    whose projects the layout lists itself (a structural mention, or two line leads); the (field,
    line) of each target, status and progress of its structural mentions (fields under a heading,
    a list item, a table row). A structural mention may take its target
    from a later paragraph ("量产固件冻结的新目标定为 9/27" is GW-Lite's, whose heading has a 状态
    field)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    cited: dict[str, set[tuple[str, int | str]]] = defaultdict(set)
    listed: dict[str, Counter[str]] = defaultdict(Counter)
    for source, payload in conn.execute(
        "SELECT f.source, f.payload FROM facts f JOIN reports r ON r.source = f.source"
        " WHERE +f.kind = 'observation' AND r.kept = 1 AND r.series = ?",
        (folder,),
    ):
        obs = Observation.model_validate_json(payload)
        spans[source].append(obs.evidence.lines)
        listed[source][obs.evidence.section] += 1 + (obs.origin != "lead")
        if obs.origin == "lead":
            continue  # a line's lead outranks prose only on its own lines, as in merge_observations
        for field, evidence in _FIELDS.items():
            citation = getattr(obs, evidence)
            if getattr(obs, field) is not None and citation is not None:
                cited[source].update(
                    (field, line) for line in range(citation.lines[0], citation.lines[1] + 1)
                )
    for source, sections in listed.items():
        cited[source].update(("section", section) for section, weight in sections.items() if weight >= 2)
    return spans, cited


def _untold(obs: Observation, cited: set[tuple[str, int | str]]) -> bool:
    """The observation states a target, status or progress no layout mention cites from its line,
    in a section whose projects the layout does not list itself (a numbered step under a listed
    bullet, "2. 数据同步链路，进度45%", is that bullet's detail)."""
    if ("section", obs.evidence.section) in cited:
        return False
    return any(
        getattr(obs, field) is not None
        and getattr(obs, evidence) is not None
        and (field, getattr(obs, evidence).lines[0]) not in cited
        for field, evidence in _FIELDS.items()
    )


def _inside(spans: list[tuple[int, int]], line: int) -> bool:
    return any(first <= line <= last for first, last in spans)
