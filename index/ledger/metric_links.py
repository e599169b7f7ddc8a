"""One metric under two names in one team's reports: `blended CAC` one week, `CAC` the next.

A name whose key ends with another's (`blendedcac` / `cac`, at least 3 characters) in the same
series (folder) names the same metric, unless both are stated in one report (then they are two
metrics: `日活` and `双11峰值日活`). So does a name that opens with another's whole words and
goes on to say where it was measured (`crash-free prod`, `crash-free on the current app` /
`crash-free`; `核心链路可用率回` / `核心链路可用率`), when it is told in the same unit (`ARR` and
`ARR growth %` stay two). The views file such points under the shorter key.

A figure told alone in a sentence (`直通率92.5%`, a tentative point) is a metric only when the
series reports it again: a team's metric recurs, a one-off figure does not (`recurring`).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable
from typing import TypeVar

from index.schemas import MetricPoint

MIN_KEY = 3


def series_keys(points: Iterable[MetricPoint]) -> dict[tuple[str, str], str]:
    """(folder, key) -> the key its series is filed under (itself unless another names it)."""
    reports: dict[tuple[str, str], set[str]] = {}
    names: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for point in points:
        slot = (os.path.dirname(point.report), point.key)
        reports.setdefault(slot, set()).add(point.report)
        names.setdefault(slot, (point.name, set()))[1].add(point.unit)
    by_folder: dict[str, list[tuple[str, set[str]]]] = {}
    for (folder, key), seen in reports.items():
        by_folder.setdefault(folder, []).append((key, seen))
    out: dict[tuple[str, str], str] = {}
    for (folder, key), seen in reports.items():
        shorter = [
            other
            for other, other_seen in by_folder[folder]
            if other != key
            and len(other) >= MIN_KEY
            and (
                key.endswith(other)
                or (key.startswith(other) and _qualified(names[(folder, key)], names[(folder, other)]))
            )
            and not seen & other_seen
        ]
        out[(folder, key)] = max(shorter, key=len) if shorter else key
    return out


def _qualified(longer: tuple[str, set[str]], shorter: tuple[str, set[str]]) -> bool:
    """The longer name is the shorter one's words and then more (`crash-free prod`, not
    `cache hit rate` after `CAC`), told in a unit the shorter one is told in."""
    (long_name, long_units), (short_name, short_units) = longer, shorter
    head = re.match(re.escape(short_name) + r"(?![A-Za-z0-9])", long_name, re.I)
    return head is not None and len(long_name) > len(short_name) and bool(long_units & short_units)


def series_key(keys: dict[tuple[str, str], str], point: MetricPoint) -> str:
    return keys.get((os.path.dirname(point.report), point.key), point.key)


_Row = TypeVar("_Row", bound=tuple[object, ...])


def recurring(rows: list[_Row]) -> list[_Row]:
    """Rows whose last element is a `MetricPoint`, without the tentative points of a metric (its
    series key, so `推理延迟` and `延迟` count as one) that only they state and that is no series:
    told in one report only, the same figure every time (`8 cores`, `Season 4`), or counting up
    by one (`Sprint 22`, `Sprint 23`)."""
    points: list[MetricPoint] = [row[-1] for row in rows]  # type: ignore[misc]
    keys = series_keys(points)
    groups: dict[tuple[str, str], list[MetricPoint]] = {}
    for point in points:
        folder = os.path.dirname(point.report)
        groups.setdefault((folder, keys[(folder, point.key)]), []).append(point)
    kept = {group for group, members in groups.items() if _is_series(members)}
    return [
        row
        for row, point in zip(rows, points, strict=True)
        if not point.tentative
        or (os.path.dirname(point.report), keys[(os.path.dirname(point.report), point.key)]) in kept
    ]


def _is_series(points: list[MetricPoint]) -> bool:
    if any(not point.tentative for point in points):
        return True
    first: dict[str, float] = {}
    for point in points:  # report order
        first.setdefault(point.report, point.value)
    values = list(first.values())
    if len(values) < 2 or len(set(values)) == 1:
        return False
    return not all(b - a == 1 for a, b in itertools.pairwise(values))
