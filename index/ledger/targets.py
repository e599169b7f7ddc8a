"""Decide what each date in a project line means: the current target, an old target, or a completion.

A date is a target only with a cue: a word before it (`预计`, `计划`, `ETA`, `due`, `延期至`) or a
verb after it (`上线`, `前完成`, `launch`), or a target field (`ETA:`). `原计划10/26` and
`from Jun 14` are old targets; `已于10/12上线` and `10/12已上线` are completions. A date with no
cue (the `10/18 17:01` of an incident) is not a target at all.
Targets that are not days (sprints, cycles, versions) are read by `ordinal_targets.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from index.ledger.target_cues import (
    ACTION_AFTER,
    AIM_AT_BEFORE,
    ARRIVAL_AFTER,
    ARRIVAL_BEFORE,
    AT_HOUR_LAUNCH,
    BATCH_BEFORE,
    BOUNDARY,
    CONDITION_BEFORE,
    DELIVERY,
    DEPENDENCY_BEFORE,
    DETERMINER,
    DONE_AFTER,
    DONE_BEFORE,
    FINAL_AFTER,
    FINAL_WORD,
    FUTURE_WORDS,
    GOAL_LEAD,
    HOLDS_AFTER,
    INSTEAD_AFTER,
    INTERIM,
    KEPT_UNTIL,
    LAUNCH_AFTER,
    LIVE_OPENS,
    LIVE_WORD,
    MEETING_AFTER,
    MEETING_BEFORE,
    MEETING_MOVED_BEFORE,
    MILESTONE_AFTER,
    MISSED_AFTER,
    MISSED_BEFORE,
    MOVED_BEFORE,
    MOVED_TO_PERIOD,
    NEW_AFTER,
    NEW_DATE_BEFORE,
    NOT_BEFORE,
    OFFER_BEFORE,
    OLD_AFTER,
    OLD_BEFORE,
    ON_DAY_BEFORE,
    OWED_BEFORE,
    OWN_WEEK,
    PART_TAIL,
    PLAIN_LAUNCH_AFTER,
    RELEASE,
    RELEASED_AFTER,
    SCHEDULE_WORD,
    SINCE_BEFORE,
    START_AFTER,
    STEP_WORD,
    STRONG_BEFORE,
    SUPPLIER,
    TARGET_AFTER,
    TARGET_WORD,
    THIS_WEEK,
    UNRELATED,
    WAS_AFTER,
    WEAK_BEFORE,
    WORK_DONE_AFTER,
)
from index.text.shift import find_shifts
from index.text.tense import told_as_past
from index.text.timeexpr import DateHit, find_dates, find_field_dates, with_weekdays

Role = Literal["target", "old", "completed"]


@dataclass(frozen=True)
class DateRole:
    """A date hit, what it means for the project, and the clause to cite for it."""

    hit: DateHit
    role: Role
    kind: Literal["final", "interim"]
    moved: bool
    launch: bool
    clause: str
    release: bool = False
    """The clause speaks of the project's release (上线, 全量, launch, GA), not a step's completion."""
    named: bool = False
    """The report calls the date the target (`目标 4/30`, `deadline:`), not a step's own day."""


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(text)
    for match in BOUNDARY.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


_BECAUSE = re.compile(r"\b(?:because|since|as|due to)\b|由于|因为", re.I)


def classify_dates(text: str, ref: date, target_field: bool = False) -> list[DateRole]:
    """The dates in one line that mean something for the schedule, in text order."""
    out: list[DateRole] = []
    for hit in with_weekdays(text, (find_field_dates if target_field else find_dates)(text, ref, "future")):
        left, right = _clause(text, hit.start, hit.end)
        part = PART_TAIL.search(text[left : hit.start])
        before = text[max(left, hit.start - 16 - (len(part[0]) if part else 0)) : hit.start]
        after = text[hit.end : min(right, hit.end + 12)]
        clause = text[left:right].strip()
        # "8月20号前先切20家试点店": a bare 前 says by-when, not what; the clause's pilot makes it a step.
        final_verb = FINAL_AFTER.match(after)
        named_final = final_verb is not None and final_verb[0].strip() not in ("前", "之前", "以前")
        interim = bool(INTERIM.match(after)) or bool(INTERIM.search(clause) and not named_final)
        # (just before the day, and never the final one: `the final cutover (Wave 3) … 19 January`)
        interim = interim or bool(BATCH_BEFORE.search(before) and not FINAL_WORD.search(clause))
        if final_verb is not None and not named_final:
            interim = interim or bool(STEP_WORD.search(after))
        kind: Literal["final", "interim"] = (
            "interim" if interim and not LAUNCH_AFTER.match(after) else "final"
        )
        launch = bool(LAUNCH_AFTER.match(after))
        role: Role | None = None
        moved = named = False
        if OWN_WEEK.match(hit.text) and told_as_past(text, hit.start, hit.end):
            role = None  # "The Flutter SDK moved into Now this week": when it happened, not a day aimed at
        elif START_AFTER.match(after):
            role = None  # the day it starts, even in a target's column (`计划 4/1 启动`)
        elif (
            ARRIVAL_AFTER.match(after) or ARRIVAL_BEFORE.search(text[left : hit.start])
        ) and not target_field:
            role = None  # the day goods reach the site (`设备按3月12日进场`)
        elif (
            MEETING_BEFORE.search(before)
            or MEETING_AFTER.match(text[hit.end : right])
            or MEETING_MOVED_BEFORE.search(text[left : hit.start])
        ):
            role = None  # the day people meet about it
        elif (
            ACTION_AFTER.match(after)
            or KEPT_UNTIL.search(before)
            or DEPENDENCY_BEFORE.search(text[left : hit.start])
            or OWED_BEFORE.search(text[left : hit.start])
            or CONDITION_BEFORE.search(text[left : hit.start])
        ) and not target_field:
            role = None
        elif UNRELATED.search(text[right : _sentence_end(text, right)]) and not target_field:
            role = None  # "机柜确认10月15日交付，那是给后面的服务用的，和这一批迁移无关"
        elif (OLD_BEFORE.search(before) or NOT_BEFORE.search(before)) and MISSED_AFTER.search(
            text[hit.end : right]
        ):
            role = "target"
        elif OLD_BEFORE.search(before) or OLD_AFTER.match(text[hit.end :]) or NOT_BEFORE.search(before):
            role = "old"
        elif MISSED_BEFORE.search(text[left : hit.start]):
            # (`re-planned because the fix missed 27-Sep`: the fix's day, told as the reason)
            role = None if _BECAUSE.search(text[left : hit.start]) else "target"
        elif (
            NEW_DATE_BEFORE.search(text[left : hit.start])
            or (OFFER_BEFORE.search(before) and INSTEAD_AFTER.match(text[hit.end : right]))
            or WAS_AFTER.match(text[hit.end :])
        ):
            role, moved = "target", True
        elif (
            DONE_BEFORE.search(before)
            or DONE_AFTER.match(after)
            or (ON_DAY_BEFORE.search(before) and RELEASED_AFTER.match(after) and hit.value <= ref)
        ):
            role = "completed"
            if hit.value > ref and PLAIN_LAUNCH_AFTER.match(after) and not DONE_BEFORE.search(before):
                role = "target"  # "仍按4月18日正式上线的目标推进": a day still ahead is the plan
        elif (SINCE_BEFORE.search(before) and LIVE_WORD.search(text[left : hit.start])) or (
            LIVE_OPENS.match(text[left : hit.start]) and hit.value <= ref
        ):
            role, launch = "completed", True
        elif WEAK_BEFORE.search(before) and find_shifts(text[: hit.start]):
            # "Ferry 又往后拖了两周。……现在预计4月上旬": a plain estimate after the move is its new day.
            role, moved = "target", True
        elif (
            (MOVED_BEFORE.search(before) or MOVED_TO_PERIOD.search(text[left : hit.start]))
            and hit.value >= ref
            and (
                target_field
                or _shift_in(clause)
                or _shift_in(_sentence_before(text, left))
                or find_shifts(text[_sentence_start(text, left) : _sentence_end(text, right)])
                or DELIVERY.search(clause)
                or FINAL_AFTER.match(after)
                or re.search(r"→|->|=>|⇒|➡", before)
                # the schedule's own word moved (`目标改到 12/4 (mid-Apr)`, w46-h)
                or SCHEDULE_WORD.search(text[left : hit.start])
            )
        ):
            role, moved = "target", True
        elif (
            target_field
            or STRONG_BEFORE.search(text[max(left, hit.start - 32) : hit.start])
            or (WEAK_BEFORE.search(before) and (DELIVERY.search(clause) or GOAL_LEAD.search(clause)))
            or TARGET_AFTER.match(text[hit.end : right])
            or (HOLDS_AFTER.match(text[hit.end : right]) and hit.value >= ref)
            or (DETERMINER.search(before) and MILESTONE_AFTER.match(text[hit.end : right]))
            or AIM_AT_BEFORE.search(text[left : hit.start])
        ):
            role = "target"
            # "mid-April is the new aim": a day named as the new one is a move
            moved = bool(NEW_AFTER.match(text[hit.end : right]))
            named = target_field or bool(_NAMED_TARGET.search(text[max(left, hit.start - 32) : hit.start]))
        elif THIS_WEEK.match(hit.text) and WORK_DONE_AFTER.match(after) and not FUTURE_WORDS.search(clause):
            # "本周完成文书档案迁移": what the report's own week did, not a day the project aims at
            role = "completed" if launch else None
        elif launch and AT_HOUR_LAUNCH.match(after) and hit.value <= ref and not FUTURE_WORDS.search(clause):
            role = "completed"  # "7月11日上午10点全服上线，和计划一致": the day it went out
        elif FINAL_AFTER.match(after) or INTERIM.match(after):
            past = hit.value < ref and not re.match(r"^\s*(?:之?前|以前)", after)
            role = "completed" if past and not FUTURE_WORDS.search(clause) and launch else "target"
        elif TARGET_WORD.search(text[left : hit.start]) and RELEASE.search(clause):
            role = "target"  # "全量目标暂时还写10.31": the target word need not touch the date
        if role is not None:
            # "厂商已于4月22日交付适配补丁": a supplier delivering to the project is its input arriving,
            # not the project's own release
            supplied = SUPPLIER.search(text[left : hit.start]) is not None
            release = bool(RELEASE.search(clause)) and not supplied
            launch = launch and not supplied
            out.append(DateRole(hit, role, kind, moved, launch, clause or hit.text, release, named))
    return _narrowed(text, out)


_PRECISION = {"day": 0, "week": 1}


def _narrowed(text: str, roles: list[DateRole]) -> list[DateRole]:
    """A move to a loose period, then the day it lands on in the same sentence ("演练挪到节后，暂定
    10月16日晚上", "pushed to after the holiday, provisionally the 16th"): the finer day is where
    the move lands. Written from sre-handover-zh."""
    out = list(roles)
    for i, role in enumerate(out):
        if role.role != "target" or role.moved:
            continue
        start = _sentence_start(text, role.hit.start)
        coarser = [
            r
            for r in out[:i]
            if r.role == "target"
            and r.moved
            and r.hit.start >= start
            and r.hit.value < role.hit.value
            and _PRECISION.get(r.hit.precision, 2) > _PRECISION.get(role.hit.precision, 2)
        ]
        if coarser:
            out[i] = replace(role, moved=True)
    return out


# Where a sentence starts: "又得往后拖，到 11 月底" moves in one clause and names the day in the next.
_SENTENCE_END = re.compile(r"[。；;！!？?\n]|\.(?=\s+[A-Z])")


def _sentence_start(text: str, left: int) -> int:
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, left)), default=0)


def _sentence_end(text: str, right: int) -> int:
    match = _SENTENCE_END.search(text, right)
    return match.start() if match else len(text)


def _sentence_before(text: str, left: int) -> str:
    """The clauses of the date's sentence before its own (`又得往后拖` in `又得往后拖，到 11 月底`,
    `it slipped again, to the end of May`): the move verb told there is the date's."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, left)), default=0)
    return text[start:left]


def _shift_in(clause: str) -> bool:
    return bool(
        re.search(
            r"延期|推迟|延后|顺延|调整|改期|推到|推至|延到|延至|挪到|拖到|往后|提前到|提前至|"
            r"\bpush(?:ed|ing)?\b[^.;]{0,40}?\b(?:back|out)\b|"
            r"moved|moving|pushed|slipped|slips|slipping|delayed|"
            r"postponed|deferred|revised|shift(?:ed|ing)",
            clause,
            re.I,
        )
    )


# The date called the target in so many words ("目标 4/30", "deadline: 6/30"), not a plan restated
# ("仍按 4/3 提交评审": a step's day) nor a step's due day ("results due Mon 17/03").
def named_target(text: str, role: DateRole) -> bool:
    """The day is set right after the project's word for its target (`进度 45%, 目标 29/3`, `ETA: 4/12`):
    its own, on a line of its notes as on its lead (w46-h). Not a deadline (`监管截止 3/31`, `子任务
    deadline 10/24`): another party's or a step's."""
    return _OWN_TARGET.search(text[max(0, role.hit.start - 16) : role.hit.start]) is not None


def subjectless_plan(text: str, role: DateRole) -> bool:
    """The day's sentence has no subject of its own, only the plan's words before it (`2、计划4月15日
    完成对接`, `完成时间调整为5月16日`, `切换上线目标仍为4月12日`): a numbered point under a project's
    heading that says when the project itself will be done (w55-e), where a step names its own
    subject first (`东门片区已装6,800户（3月31日前完成）`)."""
    start = text.rfind(role.clause) if role.clause else -1
    before = text[start if start >= 0 else 0 : role.hit.start]
    return _PLAN_ONLY.fullmatch(before) is not None and _PLAN_WORD.search(before) is not None


_PLAN_ONLY = re.compile(
    r"\s*(?:\d{1,2}\s*[、.)）]\s*)?(?:计划|预计|拟|(?:切换)?上线|完成|交付|全部完成)?(?:目标|时间|日期)?"
    r"(?:仍|已|将)?(?:调整|改|推迟|延期|延后|顺延)?(?:为|于|在|按|到|至)?\s*"
)


_PLAN_WORD = re.compile(r"计划|预计|拟|目标|时间|日期|上线")


_OWN_TARGET = re.compile(
    r"(?:(?<![原旧老])目标(?:日期|时间)?|\btarget(?:\s+date)?|\beta)\s*[:：]?\s*(?:在|于|是|为|is|on|by|of)?\s*$",
    re.I,
)


_NAMED_TARGET = re.compile(
    r"(?:(?<![原旧老])目标(?:日期|时间)?|截止(?:日期|时间)?|上线(?:日期|时间)|完成时间|交付时间|deadline|"
    r"\btarget(?:\s+date)?)\s*[:：]?\s*(?:在|于|是|为|is|on|by|of)?\s*$",
    re.I,
)


def pick_target(roles: list[DateRole]) -> DateRole | None:
    """The current target: a moved-to date first, then a final milestone, one the report calls the
    target ("目标 4/30" over "4/3 前提交医务部"), one about the release before a step's deadline
    ("特征回灌10.15前完成" vs "全量目标10.31"), then the last one written."""
    targets = [r for r in roles if r.role == "target"]
    if not targets:
        return None
    return max(
        enumerate(targets),
        key=lambda pair: (pair[1].moved, pair[1].kind == "final", pair[1].named, pair[1].release, pair[0]),
    )[1]
