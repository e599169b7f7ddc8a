"""Dating a report that writes no date by the number its series gives it.

Newsletters, 双周报 and team updates number their issues (`第7期`, `Week 14`, `Issue #53`); when one
issue forgets its date, its dated siblings say where it falls: the nearest numbered sibling's date
plus the series' own step per number (the median over its dated pairs; a week when only one is
dated). The report then goes in, dated, with a warning, instead of being skipped whole.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from statistics import median

from index.outcomes import FileOutcome
from index.walk import source_name

_NUMBER = re.compile(
    r"第\s*(\d{1,3})\s*[期周号]|"
    r"\b(?:week|wk|issue|edition|update|report|no\.?|vol\.?|volume|sprint|cycle)\s*#?\s*(\d{1,3})\b|"
    r"(?<![\w#&])#\s?(\d{1,3})\b",
    re.I,
)
_HEAD_BYTES = 4096
DEFAULT_STEP_DAYS = 7


def series_number(path: Path) -> int | None:
    """The number the report gives itself: in its first lines, else in its file name."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        head = ""
    head = re.sub(r"<[^>]*>", " ", head)  # an HTML export's title sits inside tags
    for text in (*[line for line in head.splitlines() if line.strip()][:8], path.stem):
        match = _NUMBER.search(text)
        if match:
            return int(next(group for group in match.groups() if group))
    return None


def numbered_date(
    path: Path, outcomes: list[FileOutcome], numbers: dict[Path, int | None] | None = None
) -> date | None:
    """The date the report's number puts it at among its dated, numbered siblings, if any.
    `numbers` keeps each file's number for the next call, so a folder's files are read once."""
    numbers = {} if numbers is None else numbers

    def number_of(report: Path) -> int | None:
        if report not in numbers:
            numbers[report] = series_number(report)
        return numbers[report]

    number = number_of(path)
    if number is None:
        return None
    folder = source_name(path.parent)
    dated = sorted(
        {
            (n, date.fromisoformat(o.date))
            for o in outcomes
            if o.date and os.path.dirname(o.path) == folder
            if (n := number_of(Path(o.path))) is not None and n != number
        }
    )
    if not dated:
        return None
    steps = [
        (later - earlier).days / (m - n)
        for (n, earlier), (m, later) in pairwise(dated)
        if m > n and later > earlier
    ]
    step = round(median(steps)) if steps else DEFAULT_STEP_DAYS
    if step <= 0:
        return None
    nearest, day = min(dated, key=lambda pair: (abs(pair[0] - number), pair[0]))
    return day + timedelta(days=step * (number - nearest))
