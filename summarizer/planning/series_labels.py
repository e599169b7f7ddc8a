"""A series' own numbering of its reports, in a file name, a title or a question: "第七期", "第28次",
"Cycle 24", "Sprint 9", "#53", "Issue 12", "Weeknote 33", and week labels ("第14周", "W13").

Apart from the time expressions (`timerange.py`) because a label names a report by the series'
count, not a period: the planner resolves it to the reports that carry it, and a week label is
mapped to the ISO week of the report that carries it (labels may run ahead of ISO weeks).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from index.text.numerals import ZH_NUMBER, small_number

# A series' own numbering of its reports: "第七期", "第28次", "Cycle 24", "Sprint 9", "#53", "Issue 12",
# "update-01", "Weeknote 33" (a blog's numbered posts, the file "2025-03-14-weeknote-31.md" too), and week labels ("第14周", "W13", "weekly-14", a fiscal "FY26 W03", a farm's or fiscal "FW14") that may run ahead of ISO weeks.
_LABEL = re.compile(
    rf"第\s*(?P<n>\d{{1,3}}|{ZH_NUMBER})\s*(?P<zk>期|次|周|号)"
    # "2024-W12" is an ISO week, not a report's own label; "2024-Sprint-12" is that year's sprint 12.
    r"|(?<![A-Za-z])(?<!\d)(?:(?=cycle|sprint|iteration|weeknote)|(?<!\d-))"
    r"(?P<k>cycle|sprint|iteration|weeknotes?|issue|edition|update|vol|no|week|weekly|wk|fw|cw|kw|w)"
    r"\.?[\s_#-]*(?P<n2>\d{1,3})(?![\d.])"
    r"|(?<![\w&])#\s*(?P<n3>\d{1,4})(?!\d)"
    # a fiscal year's week: "FY26 W03", "专线周报_FY26W02", "FY2025-Wk12"
    r"|(?<![A-Za-z])FY\s*'?(?:\d{2}|\d{4})\s*[-_ ]?\s*(?:week|wk|w)\.?\s*(?P<n5>\d{1,2})(?!\d)"
    r"|迭代\s*(?P<n4>\d{1,3})",
    re.I,
)
_LABEL_KINDS = {
    "期": "issue", "号": "issue", "issue": "issue", "edition": "issue", "update": "issue", "vol": "issue",
    "no": "issue", "#": "issue", "次": "meeting", "周": "week", "week": "week", "weekly": "week", "wk": "week",
    "w": "week", "fw": "week", "cw": "week", "kw": "week", "cycle": "cycle", "sprint": "cycle", "iteration": "cycle", "迭代": "cycle",
    "weeknote": "issue", "weeknotes": "issue",
}  # fmt: skip


@dataclass(frozen=True)
class SeriesLabel:
    """A report's own number in its series: kind (issue, meeting, week, cycle), number, and text."""

    kind: str
    number: int
    text: str


def series_labels(text: str) -> list[SeriesLabel]:
    """Every own-numbering label in a file name, title or question, in text order."""
    out = []
    for m in _LABEL.finditer(text):
        if m["n"]:
            kind, number = _LABEL_KINDS[m["zk"]], small_number(m["n"])
        elif m["n2"]:
            kind, number = _LABEL_KINDS[m["k"].lower()], int(m["n2"])
        elif m["n3"]:
            kind, number = "issue", int(m["n3"])
        elif m["n5"]:
            kind, number = "week", int(m["n5"])
        else:
            kind, number = "cycle", int(m["n4"])
        if number:
            out.append(SeriesLabel(kind, number, m[0].strip()))
    return out


# A code a series numbers its reports by in their titles: "(PW12)" for a pilot's twelfth week, "R7".
# A numbering only where two reports of one series carry the prefix with different numbers
# (`index_context`); prefixes that say a period, a severity, an objective or a week
# (read above) never are one.
_TITLE_CODE = re.compile(r"(?<![A-Za-z0-9])(?P<p>[A-Z]{1,3})-?(?P<n>\d{1,3})(?![\d.:/A-Za-z])")
_NOT_NUMBERING = frozenset(["Q", "H", "FY", "CY", "P", "SEV", "KR", "O", "W", "WK", "CW", "KW", "FW"])


def title_codes(text: str) -> list[SeriesLabel]:
    """Every letter-and-number code in a title or question ("PW12" -> kind "code:PW", 12)."""
    out = []
    for m in _TITLE_CODE.finditer(text):
        if m["p"] not in _NOT_NUMBERING and int(m["n"]):
            out.append(SeriesLabel(f"code:{m['p']}", int(m["n"]), m[0]))
    return out


def find_series_label(question: str, kinds: Collection[str]) -> SeriesLabel | None:
    """The first label in a question of a kind the index numbers its reports by, weeks aside
    (a week label is resolved with the other week references, preferring the report's own)."""
    found = [*series_labels(question), *title_codes(question)]
    return next((x for x in found if x.kind != "week" and x.kind in kinds), None)
