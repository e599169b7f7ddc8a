"""How far a team's sprints and release train have gone, as one report says it.

A target written as a sprint or a version ("target sprint 15", "on course for 1.85") has no day to
pass; it passes when the report says a later sprint is active ("Active sprint: Sprint 16"), that
sprint closed ("Sprint 15 closed during the break") or that version shipped ("1.85 shipped
January 9"). Future tense ("1.86 ships February 20") says nothing yet.
"""

from __future__ import annotations

import re

from index.models import Report

_ACTIVE = re.compile(
    r"\b(?:active|current)\s+(sprint|cycle|iteration)\s*[:：]?\s*(?:(?:sprint|cycle|iteration)\s*)?(\d{1,3})\b",
    re.I,
)
_CLOSED = re.compile(
    r"\b(sprint|cycle|iteration)\s*(\d{1,3})\s+(?:closed|ended|finished|is over|wrapped up)\b", re.I
)
_SHIPPED = re.compile(
    r"(?<![\w.])v?(\d{1,4}\.\d{1,3}(?:\.\d{1,3})?)\s+(?:shipped|was released|released on|went out|is out|(?:is|was|got) tagged)\b",
    re.I,
)

# A release named as the condition of something later ("when 0.10 is out", "once 2.3 ships").
# Written from community-meeting-log-en.
_CONDITION = re.compile(r"\b(?:when|once|after|until|till|before|if|unless|as soon as)\s+(?:the\s+)?$", re.I)


def passed_ordinals(report: Report) -> dict[str, list[list[int]]]:
    """The last closed sprint and every shipped version the report states, by unit ("sprint",
    "version", as `ordinal_targets.find_ordinal_targets` names them)."""
    sprint = 0
    versions: list[list[int]] = []
    for _, text in report.lines:
        for match in _ACTIVE.finditer(text):
            sprint = max(sprint, int(match[2]) - 1)
        for match in _CLOSED.finditer(text):
            sprint = max(sprint, int(match[2]))
        for match in _SHIPPED.finditer(text):
            if _CONDITION.search(text[: match.start()]):
                continue  # "we revisit when 0.10 is out": a condition on a release still ahead
            shipped = [int(part) for part in match[1].split(".")]
            if shipped not in versions:
                versions.append(shipped)
    out: dict[str, list[list[int]]] = {}
    if sprint:
        out["sprint"] = [[sprint]]
    if versions:
        out["version"] = versions
    return out


def has_passed(order: list[int], reached: list[list[int]]) -> bool:
    """A sprint or version target at or below what the report says is over. Versions compare only
    within their major and length: "fmt 2.0 was released" says nothing of a compiler's 1.87."""
    return any(
        len(done) == len(order) and (len(order) == 1 or done[0] == order[0]) and done >= order
        for done in reached
    )
