"""Whether a figure told alone in a sentence (`直通率92.5%`, `Star 数 5,233`) is worth keeping as a
candidate metric: named like a thing measured, not a story, a version, a share done, a year, an
id, a place in a sequence or work still to do.

Its own module because a tentative figure is judged apart from how it was read: `metric_read`
judges its prose pairs here and `metric_figures` its figures written before what they count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.ledger.metric_naming import names_metric

if TYPE_CHECKING:
    from index.ledger.metric_read import Pair

# What a name of a tracked figure does not hold: pronouns, particles and verbs of a story
# (`周二晚上排了 9 个`, `学院说一般 5 个`), times of day; in English, a name ending on a function word.
_STORY_ZH = re.compile(
    r"[我你他她它们了把被让给跟就还都也又再才很太按说会想看的]|所以|因为|如果|但是|一下|期间|"
    r"[早晚]上|[上下]午|中午|周[一二三四五六日末]"
)
_FUNCTION_EN = re.compile(
    r"(?:^|\s)(?:the|a|an|this|that|so|see|to|of|in|on|at|by|for|from|with|as|now|then|after|before|"
    r"all|about|remains?|stays?|aiming|is|are|was|were|last|first|next|numbers|figures|stats|metrics)$",
    re.I,
)
_REMAINDER = re.compile(r"剩余|剩下|还剩|尚余|remaining|left|outstanding|to go", re.I)
_VERSION = re.compile(r"(?<![\d.,])\d\.\d+(?![\d.])")
# Not a measured figure: an id (`MOB-405`, `exp-4471`, GitLab's `%16.6`, `#412`, `!2301`), a
# zero-padded label (`迭代周期：04`), a dotted day (`10.30`).
_NOT_FIGURE = re.compile(
    r"[A-Za-z]-\s*\d+(?:\.\d+)?\W{0,2}$|[%#!&]\d[\d.]*\W{0,2}$|(?<![\d.])0\d\W{0,2}$|"
    r"(?<![\d.])1[0-2]\.[0-3]\d\W{0,2}$"
)
# A name that labels a place in a sequence: the number after it is which one (`Sprint 12`, `Cycle
# 26`, `Active sprint: Sprint 12`, `第3期`), not how many.
_SEQUENCE = re.compile(
    r"(?:\b(?:sprint|cycle|iteration|milestone|season|phase|round|release|version|week|wave|batch|"
    r"step|stage|part|chapter|issue|episode|no)|迭代|期|轮|阶段|版本|批次?|第)\W*$",
    re.I,
)


def tentative_ok(pair: Pair) -> bool:
    """A lone figure worth keeping as a candidate metric: named like a thing measured, not a
    version (`0.9`, `MySQL 5.7`: one digit, a dot, no unit, no metric word) or part of a ratio."""
    name = pair.name.strip()
    metric = names_metric(name)
    if _STORY_ZH.search(name) or _FUNCTION_EN.search(name) or len(name) > (40 if metric else 24):
        return False
    if not pair.unit and pair.value < 10 and _VERSION.search(pair.quote) and not metric:
        return False
    if pair.unit in ("%", "‰") and not metric:
        return False  # `规则迁移 40%`, `kiln-mig: 80%`: a share done, unless named as a rate
    if not pair.unit and 1900 <= pair.value < 2100:
        return False
    if len(name) < 2 or (
        pair.value.is_integer() and re.search(rf"[A-Za-z]-{pair.value:.0f}(?!\d)", pair.quote)
    ):
        return False  # `迁`: a verb; `MOB-436 (APNs …)`: an id
    if not pair.unit and pair.value.is_integer() and _SEQUENCE.search(name):
        return False
    if _REMAINDER.fullmatch(name):
        return False  # `剩余6个`, `12 left`: work still to do, whose work the name does not say
    return not re.search(r"\d\s*/\s*$", pair.quote) and not _NOT_FIGURE.search(pair.quote.rstrip("*_` "))
