"""Joins of name groups after clustering, for what string similarity cannot see.

A tracker key shared within a series (`MOB-430 …`), a rename a report announced, a rollout's
batch and its versioned project, and (optionally) names an embedding model finds close: each
joins whole groups, and a `[split]` pair in `aliases.toml` keeps any of them from joining.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from index.ledger.name_forms import batch_joins
from index.ledger.name_rules import ITEM_KEY
from index.ledger.name_stats import NameStat, choose
from index.text.normalise import name_key, nfkc

if TYPE_CHECKING:
    import numpy as np

# A tracker key in a name ("MOB-430 Push notification revamp", "KR2.2 潮汐") stays with the work
# item when the title after it changes.


class _Joins:
    """Groups joined as a union-find; `grouped` keeps each joined set in first-index order, so
    the result depends on the groups' order only, never on the order joins were made in."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def join(self, into: int, other: int) -> None:
        """Put `other`'s set under `into`'s root (a no-op when they are one set already)."""
        self._parent[self.root(other)] = self.root(into)

    def grouped(self, groups: list[list[NameStat]]) -> list[list[NameStat]]:
        joined: dict[int, list[NameStat]] = {}
        for index, group in enumerate(groups):
            joined.setdefault(self.root(index), []).extend(group)
        return list(joined.values())


def join_pairs(groups: list[list[NameStat]], pairs: Iterable[tuple[int, int]]) -> list[list[NameStat]]:
    """Join the groups at each pair of indexes (two spellings one name's bracket ties together)."""
    joins = _Joins(len(groups))
    for into, other in pairs:
        joins.join(into, other)
    return joins.grouped(groups)


# A short code before a name (`WS03 ORCHID`): a key only where a table's id column gives it.
_LEADING_CODE = re.compile(r"^([A-Z]{1,3}\d{2,3})\s+\S")


def join_keyed(groups: list[list[NameStat]]) -> list[list[NameStat]]:
    """Join groups whose names carry the same tracker key in the same report series; a name led
    by a short code (`WS03 ORCHID: 20 of 28 domains mapped`, a note under the tracker) joins the
    row whose id column gives that code (`| WS03 | ORCHID SDTM conversion |`, w54-f)."""
    owner: dict[tuple[str, str], int] = {}
    joins = _Joins(len(groups))
    coded: list[tuple[int, str, set[str]]] = []

    for index, group in enumerate(groups):
        for stat in group:
            named = set(ITEM_KEY.findall(nfkc(stat.name)))
            # (a line that names two items, `YIP-01 DOE lot 下线；YIP-03 完成 …`, is neither's name)
            for key in {*(named if len(named) == 1 else ()), *stat.keys}:
                for series in stat.series or {""}:
                    other = owner.setdefault((key, series), index)
                    joins.join(other, index)
            lead = _LEADING_CODE.match(nfkc(stat.name))
            if lead and not named and not stat.keys:
                coded.append((index, lead[1], stat.series or {""}))
    for index, code, teams in coded:
        for team in teams:
            if (code, team) in owner:
                joins.join(owner[code, team], index)
    return joins.grouped(groups)


def join_renamed(
    groups: list[list[NameStat]], renames: Sequence[tuple[str, str, str]], apart: set[frozenset[str]]
) -> list[list[NameStat]]:
    """Join the one group whose names hold the old name with the one holding the new name.

    Mentions rarely repeat an announced name exactly ("KR3 UFP迁移" for "UFP"), so a name
    counts when its key contains the announced one; an announced name that fits several groups
    joins nothing. An announced name no group holds becomes a spelling of the other name's one
    group (added last-seen, so it never becomes the canonical name).
    """
    joins = _Joins(len(groups))

    keys = [{name_key(s.name) for s in group} for group in groups]

    def holders(name: str) -> list[int]:
        wanted = name_key(name)
        if len(wanted) < 2:
            return []
        exact = [i for i in range(len(groups)) if wanted in keys[i]]
        return exact or [i for i in range(len(groups)) if any(wanted in key for key in keys[i])]

    for old, new, series in renames:
        a, b = holders(old), holders(new)
        for held, unheld in ((a, new), (b, old)):
            # "原 qt-migrate 项目更名为 Ferry" before any line names Ferry: the announced name is
            # a spelling of the one project holding the other, so later sentences naming it are
            # that project's (`prose_links` reads the identity's spellings).
            # A name some group holds (another series' project, say) is never a second spelling.
            spelled = name_key(unheld)
            if len(held) == 1 and len(spelled) >= 3 and all(spelled not in k for k in keys):
                group = groups[held[0]]
                if not any(frozenset((spelled, key)) in apart for key in keys[held[0]]):
                    latest = max(s.first_seen for s in group)
                    group.append(NameStat(unheld, latest, 0, {series} if series else set()))
                    keys[held[0]].add(spelled)
        if len(a) == 1 and len(b) == 1 and joins.root(a[0]) != joins.root(b[0]):
            if any(frozenset((x, y)) in apart for x in keys[a[0]] for y in keys[b[0]]):
                continue
            joins.join(a[0], b[0])
    return joins.grouped(groups)


def join_batches(groups: list[list[NameStat]], apart: set[frozenset[str]]) -> list[list[NameStat]]:
    """Join a rollout's batches ("收银SDK第二批") to the one project of their series they are a
    batch of ("收银SDK 3.0"): versions keep names apart everywhere else (`name_forms.batch_joins`)."""
    described = [([s.name for s in group], set().union(*(s.series for s in group))) for group in groups]
    into: dict[int, int] = {}
    for batch, project in batch_joins(described, name_key):
        keys = ({name_key(s.name) for s in groups[batch]}, {name_key(s.name) for s in groups[project]})
        if not any(frozenset((a, b)) in apart for a in keys[0] for b in keys[1]):
            into[batch] = project
    joined: dict[int, list[NameStat]] = {}
    for index, group in enumerate(groups):
        joined.setdefault(into.get(index, index), []).extend(group)
    return list(joined.values())


def embed_merge(
    groups: list[list[NameStat]],
    embed: Callable[[list[str]], np.ndarray],
    threshold: float,
    apart: set[frozenset[str]],
) -> list[list[NameStat]]:
    names = [choose(group, None) for group in groups]
    import numpy as np

    vectors = np.asarray(embed(names), dtype=float)
    similarity = vectors @ vectors.T
    joins = _Joins(len(groups))

    pairs = sorted(
        ((float(similarity[i, j]), i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    for score, i, j in pairs:
        if score < threshold:
            break
        keys_i = {name_key(s.name) for s in groups[i]}
        keys_j = {name_key(s.name) for s in groups[j]}
        if any(frozenset((a, b)) in apart for a in keys_i for b in keys_j):
            continue
        joins.join(i, j)
    return joins.grouped(groups)
