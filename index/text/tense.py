"""Whether the words around a date tell of something done: the tense that places a bare day.

A bare weekday or day of the month (`周二`, `on Tuesday`, `the 3rd`) has two readings in a weekly
report: the next such day, or the last one. The verb decides: `周二晚上收银接口挂了` and `on
Tuesday the deploy went out` (了/过, was/did/-ed) are told after the fact, so the day is the one
on or before the report; `周二上线`, `will ship Tuesday` are still ahead. A future marker
(要/会/将/预计, will/going to/planned) wins over a past one: `周五就要上了` is ahead.
"""

from __future__ import annotations

import re

# A clause ends at these: the verb that places the day is in the same clause.
_CLAUSE_END = re.compile(r"[，。；;！!？?\n]|,\s|\.(?:\s|$)")
_ZH_PAST = re.compile(r"(?<![不通经超越难])了|(?<![不通经超越难太])过(?![去来程渡])")
# Words, not characters: 会员 (a member), 功能 (a feature), 将近 (nearly) hold no future.
_ZH_FUTURE = re.compile(
    r"要|(?<![开例晨周早夕])会(?![议员话计])|将(?!近)|预计|计划|打算|准备|争取|目标|"
    r"(?<![功性技体效产动智职])能(?![力源耗])|可以|应该|估计|希望"
)
_EN_PAST = re.compile(
    # "didn't make Wednesday": a day missed is behind the report
    r"\b(?:did\s*n[o'’]t|was|were|did|had|went|came|broke|ran|took|got|made|found|shipped|"
    r"(?!(?:need|plann|schedul|expect|target|aim|hop|intend|propos)ed\b)[a-z]{2,}ed)\b",
    re.I,
)
_EN_FUTURE = re.compile(
    r"\b(?:will|won't|going to|gonna|'ll|shall|planned|scheduled|expected|expect|plan|aim|aiming|"
    r"target(?:ed|ing)?|should|due|next|upcoming|coming)\b|'ll\b",
    re.I,
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last boundary before it to the next after it."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return left, after.start() if after else len(text)


def told_as_past(text: str, start: int, end: int) -> bool:
    """The clause holding text[start:end] tells of a thing done and of nothing still ahead.

    Chinese marks the aspect after the verb, which follows the day (`周二…挂了`); English puts the
    verb on either side (`on Tuesday the deploy went out`, `we shipped it Tuesday`)."""
    left, right = clause_bounds(text, start, end)
    before, after = text[left:start], text[end:right]
    if re.search(r"[\u4e00-\u9fff]", before + after):
        return bool(_ZH_PAST.search(after)) and not _ZH_FUTURE.search(before + after)
    words = before + " " + after
    return bool(_EN_PAST.search(words)) and not _EN_FUTURE.search(words)
