"""Severity across conventions: P0–P3, SEV0–SEV5, A–D级 (and 一级–四级), normalised to four levels.

The label as written is always kept beside the level; the level only makes labels comparable:
"any SEV1 incidents?" (`severities`, `severity_matches`), incidents listed most severe first,
a register sorted by severity, incident counts per level in a roll-up.
"""

from __future__ import annotations

import re

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
_SEVERITY = re.compile(r"(?<![a-z0-9])(sev\s*-?\s*[0-5]|p[0-4])(?![0-9])|([a-d]{1,2})\s*级", re.I)


def severities(text: str) -> set[str]:
    """Severity levels named in a question, normalised: "SEV 1" -> sev1, "P0" -> p0, "AB级" -> a级, b级."""
    found: set[str] = set()
    for match in _SEVERITY.finditer(text):
        if match[1]:
            found.add(re.sub(r"[\s-]", "", match[1]).casefold())
        else:
            found.update(f"{letter}级" for letter in match[2].casefold())
    return found


def severity_matches(severity: str | None, wanted: set[str]) -> bool:
    """An incident matches when its own level (as the report wrote it) is one of those asked."""
    return bool(severity) and bool(severities(severity or "") & wanted)


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
