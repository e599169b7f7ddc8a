"""One metric under two names in one team's reports: `blended CAC` one week, `CAC` the next.

A name whose key ends with another's (`blendedcac` / `cac`, at least 3 characters) in the same
series (folder) names the same metric, unless both are stated in one report (then they are two
metrics: `日活` and `双11峰值日活`). The views file such points under the shorter key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from index.schemas import MetricPoint

MIN_KEY = 3


def series_keys(points: Iterable[MetricPoint]) -> dict[tuple[str, str], str]:
    """(folder, key) -> the key its series is filed under (itself unless another names it)."""
    reports: dict[tuple[str, str], set[str]] = {}
    for point in points:
        reports.setdefault((os.path.dirname(point.report), point.key), set()).add(point.report)
    out: dict[tuple[str, str], str] = {}
    for (folder, key), seen in reports.items():
        shorter = [
            other
            for (other_folder, other), other_seen in reports.items()
            if other_folder == folder
            and other != key
            and len(other) >= MIN_KEY
            and key.endswith(other)
            and not seen & other_seen
        ]
        out[(folder, key)] = max(shorter, key=len) if shorter else key
    return out


def series_key(keys: dict[tuple[str, str], str], point: MetricPoint) -> str:
    return keys.get((os.path.dirname(point.report), point.key), point.key)
