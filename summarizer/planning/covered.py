"""The month a periodic post is about, when its title says so and its date does not.

A monthly post is written after its month: "October update", posted on 4 November, is the
post about October, and "the October update" in a question means it, not the September post
published on October 2. The parse stage dates a report by a title that carries a year ("March
2025 goals update" -> March); a title that names only the month ("Goals update: June",
"October update", "9月月报") leaves the byline's date, so the month covered is read here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

from index.report_date import POSTED_WITHIN_DAYS
from index.text.timeexpr import MONTH_PATTERN, MONTHS

_EN = re.compile(rf"(?<![a-z])({MONTH_PATTERN})(?![a-z])", re.I)
# "9月月报", "十月"-less digits only: "3月5日" is a day, not the month a post covers.
_ZH = re.compile(r"(?<!\d)(\d{1,2})\s*月(?![\d日号])")


def covered_month(report: str, title: str, posted: date | None) -> tuple[date, date] | None:
    """(first, last) day of the month the report's title or file name names, in the year that puts
    it at or before the posting date; None when it names none, several, or one after the post
    ("Plans for October" posted in September is about September's plans) or long before it."""
    if posted is None:
        return None
    found = {
        MONTHS[m.lower()]
        for m in _EN.findall(f"{Path(report).stem} {title}")
        if len(m) > 3 or m.lower() == "may"
    }
    found |= {int(m) for m in _ZH.findall(title) if 1 <= int(m) <= 12}
    if len(found) != 1:
        return None
    month = found.pop()
    year = posted.year if month <= posted.month else posted.year - 1
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return (
        (first, last) if 0 <= (posted - last).days <= POSTED_WITHIN_DAYS or first <= posted <= last else None
    )
