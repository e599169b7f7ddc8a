"""A week named in a question or an option, resolved to its ISO week int.

Apart from the time expressions (`timerange.py`) because a week is the one reference a series may
number its own way: "W18" of a team whose "W18" report is ISO W12 means that report's week, and a
`--since W40` option is read by the same rule as a question's "week 40".
"""

from __future__ import annotations

import re
from datetime import date

from index.text.numerals import small_number
from index.text.weeks import parse_iso_week, shift_weeks, week_int
from summarizer.errors import ConfigError


def resolve_week(ref: str, latest: date, labels: dict[int, list[int]]) -> int | None:
    """One week reference: `2024-W45` is ISO; `第45周` / `week 45` prefer a report's own label."""
    current = week_int(latest)
    ref = re.sub(r"^\s*FY\s?\d{2,4}\s*", "", ref, flags=re.I)  # `FY25 Wk 40`: the label is `Wk 40`
    match = re.search(r"(20\d{2})\s*-?\s*W(\d{1,2})", ref, re.I) or re.search(
        r"(20\d{2})\s*年\s*第\s*(\d{1,2})\s*周", ref
    )
    if match:
        return int(match[1]) * 100 + int(match[2])
    match = re.search(r"week\s*(\d{1,2})\s*(?:of|,)\s*(20\d{2})", ref, re.I)
    if match:
        return int(match[2]) * 100 + int(match[1])
    match = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,3})", ref)
    if not match:
        return None
    number = small_number(match[1])
    # The series' own numbering before ISO weeks: "W18" of a team whose "W18" report is ISO W12.
    labelled = [w for w in labels.get(number, []) if w <= current]
    if labelled:
        return max(labelled)
    between = _between_labels(number, labels)
    if between is not None:
        return between
    year = current // 100 if number <= current % 100 else current // 100 - 1
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    return year * 100 + number


def _between_labels(number: int, labels: dict[int, list[int]]) -> int | None:
    """A label no report carries (its report wrote none: "FY26 W03" between the "FY26W02" and
    "FY26W04" files) is as far from ISO weeks as the labels on both sides of it, when they agree."""
    below = [n for n, weeks in labels.items() if n < number and len(weeks) == 1]
    above = [n for n, weeks in labels.items() if n > number and len(weeks) == 1]
    if not below or not above:
        return None
    low, high = max(below), min(above)
    if shift_weeks(labels[low][0], high - low) != labels[high][0]:
        return None  # the numbering skips or restarts between them
    return shift_weeks(labels[low][0], number - low)


def parse_week_arg(value: str, latest: date | None) -> int:
    """A `--since/--until` value: 2024-W40, 202440, W40 or a date 2024-10-04."""
    parsed = parse_iso_week(value)
    if parsed:
        return parsed[0] * 100 + parsed[1]
    try:
        return week_int(date.fromisoformat(value))
    except ValueError:
        pass
    resolved = (
        resolve_week(value, latest or date.today(), {}) if re.fullmatch(r"W\d{1,2}", value, re.I) else None
    )
    if resolved is None:
        raise ConfigError(f"'{value}' is not a week like 2024-W40, W40 or a date like 2024-10-04")
    return resolved
