"""Find a report's own date: title, then YAML/TOML front matter, then the file name.

The report date is the truth for every week computation; ingestion time never is (a mistake
peers make, see FACTS.md). A week-only label becomes that ISO week's Friday, a month-only label
that month's last day, and a date range its end.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

_FULL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)")
_EN_DATE = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d{{2}})\b|"
    rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+(20\d{{2}})\b",
    re.IGNORECASE,
)
_ISO_WEEK = re.compile(r"\b(20\d{2})-?W(\d{1,2})\b", re.IGNORECASE)
_WEEK_YEAR = re.compile(r"\bweek\s*(\d{1,2})\s*[,/ ]\s*(20\d{2})\b|\b(20\d{2})\s*week\s*(\d{1,2})\b", re.I)
_ZH_WEEK_YEAR = re.compile(r"(20\d{2})\s*年\s*第\s*(\d{1,2})\s*周")
_MONTH_ONLY = re.compile(r"(?<!\d)(20\d{2})\s*(?:年|-|/)\s*(\d{1,2})\s*月?(?![\d/.-])")
_EN_MONTH_ONLY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(20\d{{2}})\b", re.IGNORECASE)
_WEEK_LABEL = re.compile(r"第\s*(\d{1,2})\s*周|\b[Ww]eek\s*(\d{1,2})\b|\bW(\d{1,2})\b")


@dataclass(frozen=True)
class FoundDate:
    """A date and where it came from ("title", "front matter", "file name", "week", "month")."""

    value: date
    origin: str


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def friday_of_iso_week(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 5)
    except ValueError:
        return None


# The end of a range written after a full date: "2025.4.21-4.25", "2025-03-10 ~ 14".
_RANGE_END = re.compile(r"\s*[-–~至到]\s*(?:(\d{1,2})\s*[./月-]\s*)?(\d{1,2})\s*日?(?![\d./:])")
# A range without a year, read with the year the text gives elsewhere: "2025年4月第4周（4.21 - 4.25）".
_YEARLESS_RANGE = re.compile(
    r"(?<![\d./])(\d{1,2})\s*[./月]\s*(\d{1,2})\s*日?\s*[-–~至到]\s*(?:(\d{1,2})\s*[./月]\s*)?(\d{1,2})\s*日?(?![\d./])"
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def dates_in_text(text: str) -> list[date]:
    """Every full calendar date written in the text, in order of appearance; a range's end too."""
    found: list[tuple[int, date]] = []
    for match in _FULL_DATE.finditer(text):
        value = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if value:
            found.append((match.start(), value))
            end = _RANGE_END.match(text, match.end())
            if end:
                last = _safe_date(value.year, int(end[1] or value.month), int(end[2]))
                if last and last >= value:
                    found.append((match.end(), last))
    year = _YEAR.search(text)
    if year and not found:
        for match in _YEARLESS_RANGE.finditer(text):
            first = _safe_date(int(year[1]), int(match[1]), int(match[2]))
            last = _safe_date(int(year[1]), int(match[3] or match[1]), int(match[4]))
            if first and last and first <= last:
                found += [(match.start(), first), (match.end(), last)]
    for match in _EN_DATE.finditer(text):
        if match[1]:
            value = _safe_date(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
        else:
            value = _safe_date(int(match[6]), _MONTHS[match[5].lower()], int(match[4]))
        if value:
            found.append((match.start(), value))
    return [value for _, value in sorted(found, key=lambda pair: pair[0])]


def date_from_text(text: str) -> FoundDate | None:
    """A report date from a title-like string; a range gives its end, a week its Friday."""
    dates = dates_in_text(text)
    if dates:
        return FoundDate(max(dates), "date")
    match = _ISO_WEEK.search(text)
    if match:
        friday = friday_of_iso_week(int(match[1]), int(match[2]))
        if friday:
            return FoundDate(friday, "week")
    match = _WEEK_YEAR.search(text)
    if match:
        week, year = (match[1], match[2]) if match[1] else (match[4], match[3])
        friday = friday_of_iso_week(int(year), int(week))
        if friday:
            return FoundDate(friday, "week")
    match = _ZH_WEEK_YEAR.search(text)
    if match:
        friday = friday_of_iso_week(int(match[1]), int(match[2]))
        if friday:
            return FoundDate(friday, "week")
    match = _MONTH_ONLY.search(text)
    if match and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        return FoundDate(date(year, month, calendar.monthrange(year, month)[1]), "month")
    match = _EN_MONTH_ONLY.search(text)
    if match:
        year, month = int(match[2]), _MONTHS[match[1].lower()]
        return FoundDate(date(year, month, calendar.monthrange(year, month)[1]), "month")
    return None


def week_label(text: str) -> str | None:
    """The report's own week label as written ("第43周", "Week 14"), if any."""
    match = _WEEK_LABEL.search(text)
    return match[0].strip() if match else None


def parse_iso_week(text: str) -> tuple[int, int] | None:
    """`2024-W42`, `2024W42` or `202442` as (year, week)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text, re.IGNORECASE) or re.fullmatch(r"(\d{4})(\d{2})", text)
    if not match:
        return None
    year, week = int(match[1]), int(match[2])
    if friday_of_iso_week(year, week) is None:
        return None
    return year, week


def previous_friday(value: date) -> date:
    return value - timedelta(days=(value.weekday() - 4) % 7)
