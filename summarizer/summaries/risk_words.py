"""The words of risk: what a sentence says about a risk, and the short forms a register shows.

Kept apart from the register because the weekly summary reads risk statements the same way
(`week.py`: `gist`, `risk_clause`) without building one.
"""

from __future__ import annotations

import re
from typing import Literal

from index.lexical import tokenize
from index.text.timeexpr import MONTHS
from summarizer.schemas import RiskStatus

Basis = Literal["stated", "blocker", "status", "blocked", "incident"]

# Words that name a risk anywhere, and words that only describe a project's schedule: the
# latter count inside a tracked project's own lines, not in commentary ("延误的主要来源").
_RISK = re.compile(
    r"风险|不确定|隐患|瓶颈|一路下滑|持续下滑|持续下降|根因(?:还)?(?:没|未)找到|"
    r"\brisks?\b|\bconcerns?\b|\buncertain\w*|\bbottleneck|\bmay not\b|\bmight not\b|\bno single cause\b|"
    r"\bclimb(?:ed|ing)\b",
    re.I,
)
_SCHEDULE = re.compile(
    r"可能(?:会)?(?:受影响|延期|延误|推迟|来不及)|来不及|已不可能|冲突|偏慢|没有进展|停滞|延误|延期|推迟|"
    r"\bmissed\b|\bflaky\b|\bcould slip\b|\bbehind schedule\b",
    re.I,
)
_BLOCKER = re.compile(
    r"卡在|受阻|阻塞|卡住|\bblocked (?:on|by)\b|\bwaiting (?:on|for)\b|\bstill not delivered\b|\bdepends on\b",
    re.I,
)
_NEGATED = re.compile(
    r"(?:未|没有|不会|无)(?:延期|延误|推迟|风险)|\bno (?:new )?risks?\b|\bnot (?:at risk|blocked)\b|"
    r"\bno longer (?:at risk|blocked)\b",
    re.I,
)
_RESOLVED = re.compile(
    r"^\s*(?:resolved|closed)\b|风险解除|已解除|已解决|(?<![未没])解决|已关闭|已消除|\bresolved\b|\bapproved\b|"
    r"\bpassed\b|\bdelivered\b|\bcleared\b",
    re.I,
)
_MITIGATED = re.compile(
    r"(?:兜底|降级|应急|缓解)[^。；]{0,12}(?:已|完成|就绪|到位|演练)|\bmitigat\w*|\bworkaround\b|"
    r"\bfallback (?:is )?(?:in place|ready)",
    re.I,
)
_STATUS_PREFIX = re.compile(r"^\s*(?:resolved|closed|mitigated|update|open)\s*[:：]\s*", re.I)
_OWNER = re.compile(r"\b(?:Owner|DRI)\s*:\s*([^.;,]+)|负责人\s*[:：]\s*([^，。；,;\s]+)")
_SUBJECT_END = re.compile(r"[:：(（;；。]|\.\s|\.$")
_QUIET = frozenset(
    [
        "still",
        "open",
        "raised",
        "owner",
        "resolved",
        "closed",
        "new",
        "next",
        "week",
        "update",
        "risk",
        "risks",
        "pending",
        "status",
        "escalated",
        "approved",
        "now",
        "this",
        "last",
    ]
) | frozenset(MONTHS)


def words(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t.isdigit() and t not in _QUIET}


def subject(text: str) -> str:
    """What a risk is about: its text without a status prefix, up to the first clause mark."""
    text = _STATUS_PREFIX.sub("", text)
    match = _SUBJECT_END.search(text)
    return text[: match.start()] if match and match.start() > 2 else text


def judge(text: str, in_risk_list: bool, about_project: bool = True) -> tuple[RiskStatus, Basis] | None:
    """The status and basis a sentence states, or None when it says nothing about a risk.

    Schedule words (`延期`, `missed`) count only in a project's own lines (`about_project`)."""
    words = bool(_RISK.search(text)) or (about_project and bool(_SCHEDULE.search(text)))
    risky = words and not _NEGATED.search(text)
    blocker = bool(_BLOCKER.search(text))
    basis: Basis = "blocker" if blocker else "stated"
    if _RESOLVED.search(text):
        return "resolved", basis
    if _MITIGATED.search(text):
        return "mitigated", basis
    if risky or blocker or in_risk_list:
        return "open", basis
    return None


def owner(text: str) -> str | None:
    match = _OWNER.search(text)
    return (match[1] or match[2]).strip() if match else None


_LABEL = re.compile(r"^([^:：]{1,8})[:：]\s*(?=\S)")


def gist(text: str, names: tuple[str, ...] = ()) -> str:
    """A risk's words without a status prefix, a short zh label (`风险提示：`) or the project's
    name, cut to its first sentence."""
    text = _STATUS_PREFIX.sub("", text).strip()
    for name in names:
        if text.startswith(name):
            text = text[len(name) :].lstrip(":： ")
    label = _LABEL.match(text)
    if label and re.search(r"[\u4e00-\u9fff]", label[1]):
        text = text[label.end() :]
    parts = [p.strip() for p in re.split(r"(?<=[。；;])|(?<=\.)\s", text) if p.strip()]
    while len(parts) > 1 and len(parts[0]) < 8:  # "New." says nothing; the next sentence does
        parts.pop(0)
    return (parts[0] if parts else text).rstrip("。；;") or text


def risk_clause(text: str) -> str:
    """The clause of a risk statement that says the risk ("后半段可能会受影响"), with the clause
    before it when it only points back ("…仍未锁定，是目前最大的不确定项")."""
    clauses = [c.strip() for c in re.split(r"[，,；;。]", gist(text)) if c.strip()]
    for i, clause in enumerate(clauses):
        if _RISK.search(clause) or _SCHEDULE.search(clause) or _BLOCKER.search(clause):
            if i and re.match(r"^(?:是|这|但|and\b|which\b|that\b)", clause):
                return (
                    f"{clauses[i - 1]}，{clause}"
                    if re.search(r"[\u4e00-\u9fff]", clause)
                    else f"{clauses[i - 1]}, {clause}"
                )
            return clause
    return clauses[0] if clauses else text
