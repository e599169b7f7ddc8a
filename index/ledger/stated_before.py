"""What a line says a project's target or status was before this report, in its own words:
`RED (was AMBER)`, `A    (G)`, `AMBER → RED`, `由绿转黄`, `5.31全院上线（原4.30）`,
`moves from Wed 9 April to Tue 22 April`.

Writers of every layout tell a change in the line itself so a reader need not open last week's
report. The ledger compares each report with the one before, and when the one before stated
nothing it could read (the project went unrecognised there, or its field was in a shape not read),
the line's own word for the old value is the comparison left (`slips.py`). This reads wording, not
position, so it holds for layouts no rule was written from. The old value is also never the
current one: `AMBER (was RED)` is at risk, whatever the bracket says.
"""

from __future__ import annotations

import re
from datetime import date

from index.ledger.signals import field_status
from index.ledger.targets import classify_dates
from index.schemas import ProjectStatus
from index.text.timeexpr import DateHit

# An aside naming the value before: `(was AMBER)`, `（原 4/22）`, `(last week: G)`, `（上周：黄）`.
_WAS_ASIDE = re.compile(
    r"[(（]\s*(?:was|prior|previously|prev(?:ious)?\.?|last\s+week|lw|上周|原为?|此前|之前)\s*[:：]?\s*"
    r"([^()（）]{1,24}?)\s*[)）]",
    re.I,
)
_COLOURS: dict[str, ProjectStatus] = {
    "green": "on_track",
    "g": "on_track",
    "绿": "on_track",
    "绿灯": "on_track",
    "绿色": "on_track",
    "🟢": "on_track",
    "amber": "at_risk",
    "yellow": "at_risk",
    "a": "at_risk",
    "y": "at_risk",
    "黄": "at_risk",
    "黄灯": "at_risk",
    "黄色": "at_risk",
    "🟡": "at_risk",
    "🟠": "at_risk",
    "red": "off_track",
    "r": "off_track",
    "红": "off_track",
    "红灯": "off_track",
    "红色": "off_track",
    "🔴": "off_track",
}
_COLOUR = r"green|amber|yellow|red|绿灯|绿色|绿|黄灯|黄色|黄|红灯|红色|红|🟢|🟡|🟠|🔴|(?-i:[GAYR])"
# A status told as a change into it: `AMBER → RED`, `from amber to red`, `由绿转黄`, `从🟢变为🔴`.
_CHANGE_INTO = re.compile(
    r"(?:\bfrom\s+|由|从)?(?<![A-Za-z\d.])(" + _COLOUR + r")(?![A-Za-z])\s*"
    r"(?:→|->|=>|⇒|➡|\bto\b|转为|转成|转|变为|变成|变|调为|调整为|改为)\s*$",
    re.I,
)
# A change into the status from an old one named in any scale's word (`由“预警”调整为“滞后”`,
# `from At Risk to Off Track`): the verb between them.
_INTO = r"→|->|=>|⇒|➡|转为|转成|转|变为|变成|变|调为|调整为|改为|降为|下调为|降级为|降至|亮"
_CHANGE_NAMED_OLD = re.compile(
    r"(?:\bfrom\s+|由|从)[“\"'「『]?\s*(?P<old>[^“”\"'「」『』\s,，;；:：]{1,14}?)\s*[”\"'」』]?\s*"
    r"(?:" + _INTO + r"|\bto\b)\s*[“\"'「『]?\s*$",
    re.I,
)
# A rating with last week's in brackets after it (`A    (G)`, a coded workstream line).
_PAIRED = re.compile(r"^\s*(?-i:[GAYR])\s+[(（]\s*(?-i:([GAYR]))\s*[)）]")


def _status_of(word: str) -> ProjectStatus | None:
    cleaned = word.strip(" *_`\ufe0f").casefold()
    return _COLOURS.get(cleaned) or field_status(word)


def in_was_aside(text: str, position: int) -> bool:
    """The position falls inside an aside naming an old value (`RED (was AMBER)`'s AMBER)."""
    return any(m.start() <= position < m.end() for m in _WAS_ASIDE.finditer(text))


def status_before(text: str, word: str) -> ProjectStatus | None:
    """The status the line says the project had before `word` (the current status as written)."""
    at = text.find(word) if word else -1
    if at < 0:
        return None
    paired = _PAIRED.match(text[at:])
    if paired:
        return _COLOURS[paired[1].casefold()]
    # the aside right after the status word or within its field's value
    aside = _WAS_ASIDE.match(text[at + len(word) :].lstrip(" *_`.,，;；-–—")) or _WAS_ASIDE.search(word)
    if aside:
        return _status_of(aside[1])
    before = text[:at]
    change = _CHANGE_INTO.search(before) or _CHANGE_NAMED_OLD.search(before)
    return _status_of(change[1]) if change else None


# Between an old day and the new one, words telling the move: `from 9 April to 22 April`,
# `由 3.31 调整为 4.18`, `11/22 → 12/6`, `原计划12/31上线，…，调整为预计1/15上线`.
_MOVED_BETWEEN = re.compile(
    r"→|->|=>|⇒|➡|\bto\b|\bnow\b|调整|推迟|延期|延后|顺延|改|挪|推到|延到|\bmoved\b|\bpushed\b|\bslipped\b|\bshifted\b",
    re.I,
)
_BETWEEN_CHARS = 60


def target_before(text: str, ref: date, target: date) -> DateHit | None:
    """The day the line says the target was before it moved to `target`, the latest such day
    earlier than it: one in an aside naming the old value (`4.15启用（原3.29）`, `now 30/04 (was
    31/03)`) or one written before the target with the move told between them (`moves from 9 April
    to 22 April`, `由 3.31 调整为 4.18`). A day after a bare `from` (`on site from 19 May`) says when
    something starts, not what the target was."""
    roles = classify_dates(text, ref)
    new = next((r.hit for r in roles if r.role == "target" and r.hit.value == target), None)
    told: list[DateHit] = []
    for role in roles:
        hit = role.hit
        if role.role != "old" or not isinstance(hit.value, date) or hit.value >= target:
            continue
        between = text[hit.end : new.start] if new is not None and hit.end <= new.start else ""
        moved = len(between) <= _BETWEEN_CHARS and _MOVED_BETWEEN.search(between) is not None
        if in_was_aside(text, hit.start) or moved:
            told.append(hit)
    return max(told, key=lambda hit: hit.value) if told else None
