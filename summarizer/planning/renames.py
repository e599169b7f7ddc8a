"""Names a thing was given later (or earlier): "原 qt-migrate 项目更名为 Ferry", "GW-Lite（原名
Gateway Mini）", "会员积分重构（后面简称积分2.0）", "Cloud Saves (now called Cross-Progression Sync)".

A question keeps the name its asker remembers; the reports move on to the new one, and the
latest state of the thing ("Ferry 0.3 在4月22日正式发布") never says the old name. When the ledger
did not link the question to a project (which would carry its aliases), the lines that state a
rename tell the planner the other name: it is searched for and counts as the question's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.text.normalise import plain_key

# A name as reports write it between quotes or beside a rename word: no spaces, clause punctuation
# or brackets (Latin names of several words are matched by the English patterns).
_NAME = r"[^\s“”\"「」『』，。,；;：:（）()\[\]|#*]{2,30}"
_OPEN = r"[“\"「『]?"
_CLOSE = r"[”\"」』]?"
_WHEN = r"(?:自本周起|自本期起|从本期起|这期起|即日起|本期起)?"
_LATIN = r"[A-Za-z][\w.\-&]*(?: [A-Za-z0-9&][\w.\-&]*){0,3}"
_LATIN_LAZY = _LATIN + "?"
_PATTERNS = [
    # 原 qt-migrate 项目更名为 Ferry / “统一指标口径”项目改名MetricHub / X（即日起更名为「Y」）
    re.compile(
        rf"{_OPEN}(?P<old>{_NAME}?){_CLOSE}\s*(?:项目)?\s*[（(]?\s*{_WHEN}\s*(?:已|正式)?\s*(?:更名|改名|重命名)为?\s*"
        rf"{_OPEN}\s*(?P<new>{_NAME}){_CLOSE}"
    ),
    # GW-Lite（原名 Gateway Mini） / MetricHub（原统一指标口径） / Invite & Earn (formerly Referral v2)
    re.compile(
        rf"{_OPEN}(?P<new>{_LATIN}|{_NAME}){_CLOSE}\s*[（(]\s*(?:原名|原|formerly|previously)\s*{_OPEN}\s*"
        rf"(?P<old>[^）)”\"」』，,。]{{2,40}}?){_CLOSE}\s*[）)]"
    ),
    # 会员积分重构（后面简称积分2.0） / 车险新核心迁移（以下简称“天衡车险”）
    re.compile(
        rf"{_OPEN}(?P<old>{_NAME}){_CLOSE}\s*[（(]\s*(?:后面|以下|下面|下文)?简称\s*{_OPEN}\s*"
        rf"(?P<new>[^）)”\"」』，,。]{{2,30}}?){_CLOSE}\s*[）)，,]"
    ),
    # Cloud Saves (now called **Cross-Progression Sync** / MOB-430 is now called "Push v2"
    re.compile(
        rf"(?P<old>{_LATIN_LAZY})\s*\(?(?:is |was |has been )?(?:now called|now named|renamed to)\s*\**[\"“]?"
        rf"(?P<new>{_LATIN})",
    ),
]


def renames(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(old, new) names of every rename or short name the texts state."""
    out: list[tuple[str, str]] = []
    for text in texts:
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                old, new = match["old"].strip(" *"), match["new"].strip(" *")
                if old and new and plain_key(old) != plain_key(new):
                    out.append((old, new))
    return out


# A name shorter than this (in letters and digits) is too short to say the question means it.
MIN_NAME = 3


def other_names(question: str, texts: Iterable[str]) -> list[tuple[str, str]]:
    """(name asked, other name) for each name the texts give a thing the question names by
    another of its names, in either direction ("qt-migrate" asked, "Ferry" written later; or the
    new name asked, the old one in older reports), when the question does not write both."""
    asked = plain_key(question)
    found: list[tuple[str, str]] = []
    for old, new in renames(texts):
        for named, other in ((old, new), (new, old)):
            key, other_key = plain_key(named), plain_key(other)
            fresh = all(plain_key(o) != other_key for _, o in found)
            if len(key) >= MIN_NAME and key in asked and other_key not in asked and fresh:
                found.append((named, other))
    return found
