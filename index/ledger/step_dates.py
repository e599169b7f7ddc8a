"""Which dates on a project's step lines speak for the project: a step's own deadline does not, a
moved schedule, the product's GA day or a dated goal field does."""

from __future__ import annotations

import re
from datetime import date

from index.ledger.field_labels import Labelled
from index.ledger.target_cues import RELEASE, SCHEDULE_WORD
from index.ledger.targets import DateRole
from index.text.timeexpr import find_field_dates


def moved_eta(role: DateRole) -> bool:
    """A step line that moves the schedule's own date (`eta 4月中→4月底`, `target moved to 6/30`)
    speaks for the project; a step's own deadline (`联调10/25前完成`) does not. It still yields
    to any date the head gives. Written from terse-bullets-ml."""
    if not role.moved:
        return False
    if SCHEDULE_WORD.search(role.clause) is not None:
        return True
    # the release itself moved (`上线由 3.31 调整为 4.18`, `全量上线改为 5.9`, w26-a), said in the
    # date's own part of the sentence: `G5 新机推迟到 5.6 到货` after `5.9 全量上线压力很大：` is a part's
    own = next((part for part in re.split(r"[：:，,；;。]", role.clause) if role.hit.text in part), "")
    return role.kind == "final" and RELEASE.search(own) is not None


# The whole product's release day: "knock-on: GA looking like mid-April" under a project's item is
# the project's date, where a step's "rollout to 10% on Thu" is not.
_PRODUCT_RELEASE = re.compile(r"(?-i:\bGA\b)|\bgeneral availability\b|\bgo[- ]live\b", re.I)


def release_day(role: DateRole) -> bool:
    """A step line that gives the product's GA or go-live date speaks for the project."""
    return role.kind == "final" and _PRODUCT_RELEASE.search(role.clause) is not None


# A goal field is a target when its value opens with a day (`目标：4/30 首场开播`); `目标：报名2,000家`
# is a number to reach, and `Goal: ship the beta` a plan.
_GOAL_LABEL = re.compile(r"目标|goal|objective", re.I)


# How long the first clause of a goal may be for the day in it to be the goal's date: "C样软件释放
# 4/18（风险）" names what is due and when; a longer clause tells a story with dates in it.
_GOAL_CLAUSE_CHARS = 24


def dated_goal(labelled: Labelled, ref: date) -> bool:
    if not _GOAL_LABEL.fullmatch(labelled.label.strip(" *_`")):
        return False
    clause = re.split(r"[；;，,。]", labelled.rest, maxsplit=1)[0]
    return any(
        hit.start == 0 or (len(clause) <= _GOAL_CLAUSE_CHARS and hit.end <= len(clause))
        # a field's value: a bare dotted day (`目标 4.18`, w26-a) is a day there
        for hit in find_field_dates(labelled.rest, ref, "future")
    )
