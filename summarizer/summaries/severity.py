"""Severity across conventions: P0–P3, SEV0–SEV5, A–D级 (and 一级–四级), normalised to four levels.

The label as written is always kept beside the level; the level only makes labels comparable
(a register sorted by severity, incident counts per level in a roll-up). The label parser is the
one `ask` uses for "any SEV1 incidents?" (`facts.answers.severities`); this adds the ranking.
"""

from __future__ import annotations

import re

from summarizer.facts.answers import severities
from summarizer.schemas import SeverityLevel

LEVELS: tuple[SeverityLevel, ...] = ("critical", "high", "medium", "low")
_RANK: dict[str, int] = {
    "p0": 0, "sev0": 0, "sev1": 0, "a级": 0,
    "p1": 1, "sev2": 1, "b级": 1,
    "p2": 2, "sev3": 2, "c级": 2,
    "p3": 3, "p4": 3, "sev4": 3, "sev5": 3, "d级": 3,
}  # fmt: skip
_ZH_GRADE = re.compile(r"([一二三四])级")
_ZH_RANK = {"一": 0, "二": 1, "三": 2, "四": 3}


def level(label: str | None) -> SeverityLevel | None:
    """The normalised level of a label as written; the most severe when it names several
    ("AB级" -> critical); None for ungraded or unknown labels ("未定级")."""
    if not label:
        return None
    ranks = [_RANK[token] for token in severities(label) if token in _RANK]
    ranks += [_ZH_RANK[m[1]] for m in _ZH_GRADE.finditer(label)]
    return LEVELS[min(ranks)] if ranks else None


def rank(severity: SeverityLevel | None) -> int:
    """Sort key: critical 0 ... low 3, unknown last."""
    return LEVELS.index(severity) if severity is not None else len(LEVELS)
