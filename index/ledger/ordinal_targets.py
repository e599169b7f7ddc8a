"""Targets that are not days: a sprint, a cycle, a release or a fix version (`targeting sprint 22`,
`Fix version: 1.85 → now 1.87`, `aiming for the 4.2 release`, `推迟到 0.10`).

Split from `targets.py` (what each date in a line means) because these targets compare only within
their own unit (sprint 14 before sprint 15, 4.2 before 4.3) and are read by their own cues; a
version that could be a day (`推迟到 3.28`, `10.15` in a target field) is left to the date reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text.cjk import has_han

_ARROW = r"\s*(?:→|->|=>|⇒|➡)\s*(?:now\s+)?"
# `目标提前到 Sprint 25`, `改到 Sprint 26`, `计划 Sprint 9` (w34-c)
_ZH_CUE = r"目标(?:(?:调整|改|变更|更新|推迟|延期|顺延)(?:为|成|到|至))?|计划|(?:提前|推迟|延期|延后|顺延|推|延|改|挪|放|移|调整)(?:到|至|为)"
# A sprint's number, with its year first where the team numbers them so (`sprint 24.07`: 2024's 7th).
_SPRINT_NO = r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.]*\d)"
# "end of sprint 22" is a sprint target as "targeting sprint 22" is (written from
# slack-standup-logistics); "sprint 22 planning Monday" has no cue and is none.
_ORDINALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sprint",
        re.compile(
            rf"(?:\b(?:target(?:ing|ed)?|planned\s+for|moves?\s+to|moved\s+to|eta|end\s+of)|{_ZH_CUE})\s*:?\s*"
            rf"(?:sprint|cycle|iteration)\s*{_SPRINT_NO}"
            rf"(?:{_ARROW}(?:(?:sprint|cycle|iteration)\s*)?{_SPRINT_NO})?|"
            rf"\b(?:sprint|cycle|iteration)\s*{_SPRINT_NO}{_ARROW}(?:(?:sprint|cycle|iteration)\s*)?{_SPRINT_NO}|"
            # `Moving the target from sprint 24.07 to **sprint 24.09**`, `Sprint 24.07 target at risk`
            rf"\bfrom\s+(?:sprint|cycle|iteration)\s*{_SPRINT_NO}\s+to\s+[*_]*(?:(?:sprint|cycle|iteration)\s*)?{_SPRINT_NO}|"
            rf"\b(?:sprint|cycle|iteration)\s*{_SPRINT_NO}\s+target\b",
            re.I,
        ),
    ),
    (
        "version",
        re.compile(
            # `RELEASE R3.2`, `release r24.1`: a release train's letter before its number
            rf"\b(?:fix\s*versions?|target(?:ing|ed)?|release|版本|on (?:course|track) for)\s*:?\s*"
            rf"[vr]?(\d{{1,4}}(?:\.\d{{1,3}}){{1,2}})(?:{_ARROW}[vr]?(\d{{1,4}}(?:\.\d{{1,3}}){{1,2}}))?",
            re.I,
        ),
    ),
)


_VERSION = r"v?(\d{1,4}(?:\.\d{1,3}){1,2})(?![\d.]*\d)"
# A release as the target in prose, cue first or last: "aiming for the 4.2 release", "it's moving
# to 4.4", "to ship Plugin API v2 in 4.3", "4.3 is still the target", "Maren thinks 4.2 is
# achievable", "推迟到 0.10", "随 0.9 一起发布". A shipped release ("shipped in 4.2.5") has no cue.
_PROSE_VERSION = re.compile(
    rf"\b(?:aim(?:ing|s)?|still aiming|now aiming)\s+(?:for|at)\s+(?:the\s+)?(?:release\s+|version\s+)?{_VERSION}|"
    rf"\b(?:moving|moved|slipping|slipped|slips|pushed|pushing|shifting|shifted|deferred|postponed|bumped)\s+"
    rf"(?:(?:it|this|that|them)\s+)?(?:out\s+)?to\s+(?:the\s+)?(?:app\s+)?(?:release\s+|version\s+)?{_VERSION}|"
    # an app's release it rides on: "going out with app 4.12", "moved to app 4.13" (w47-g)
    rf"\b(?:going|goes|go|ships|shipping)\s+(?:out\s+)?with\s+(?:the\s+)?app\s+(?:release\s+|version\s+)?{_VERSION}|"
    rf"\b(?:for|in)\s+the\s+{_VERSION}\s+release\b|"
    # a meeting's wording for a release train: "At risk for 0.10", "bump it to 0.11", "plugin API v2
    # moves to 0.11", "the installer goes to 0.11", "let's aim for 0.10.1 instead", "realistic target
    # is 0.11, not 0.10", "let's say 0.12". Written from community-meeting-log-en.
    rf"\b(?:at\s+risk|on\s+track|on\s+course)\s+for\s+(?:the\s+)?(?:release\s+|version\s+)?{_VERSION}(?!\s*(?:on|at)\b)|"
    rf"\b(?:bump|bumps|move|moves|goes|go|push|defer)\s+(?:(?:it|this|that|them)\s+)?(?:out\s+)?to\s+"
    rf"(?:the\s+)?(?:release\s+|version\s+)?{_VERSION}|"
    rf"\b(?:aim|target|go)\s+for\s+{_VERSION}\s+instead\b|"
    rf"\btarget\s+is\s+(?:now\s+|still\s+)?{_VERSION}|"
    rf"\blet['’]?s\s+say\s+{_VERSION}\b|"
    rf"\b(?:ship|shipping|land|landing)\b[^.;:!?]{{0,40}}?\bin\s+{_VERSION}(?!\s*(?:on|at)\b)|"
    rf"(?<![\w.]){_VERSION}\s+(?:is|remains|stays)\s+(?:still\s+|now\s+)?(?:the\s+)?(?:target|goal|plan)\b|"
    rf"(?<![\w.]){_VERSION}\s+(?:is|looks|seems)\s+(?:still\s+)?(?:achievable|realistic|doable|feasible)\b|"
    rf"从\s*{_VERSION}\s*(?:版本?)?\s*(?:推迟|延期|延后|顺延|推|延|改|挪)(?:到|至)\s*{_VERSION}(?=\s*版)|"
    rf"(?:和|跟)\s*{_VERSION}\s*(?:版本?)?\s*(?:一起|一同)\s*(?:发布|发版|上线|放|上)|"
    rf"(?:推迟|延期|延后|顺延|推|延|改|挪|放)(?:到|至)\s*{_VERSION}|随\s*{_VERSION}\s*(?:一起|一同)?\s*(?:发布|发版|上线|release)",
    re.I,
)


@dataclass(frozen=True)
class OrdinalTarget:
    """A target stated as a sprint/cycle number or a version: comparable within its unit only."""

    unit: str
    order: tuple[int, ...]
    text: str
    start: int
    end: int
    before: tuple[int, ...] | None
    """The value it moved from when the text says so ("sprint 14 → 15", "1.84 → now 1.86")."""


def _month_day(value: str) -> bool:
    """`10.15` in a target field is a day as likely as a version; `1.85` and `2.0` are versions."""
    parts = _order(value)
    return len(parts) == 2 and 1 <= parts[0] <= 12 and 1 <= parts[1] <= 31


def _order(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in value.split("."))


# A target field's value needs no cue of its own: `Target: 1.85 → now 1.87`.
_FIELD_VERSION = re.compile(
    rf"^\s*v?(\d{{1,4}}(?:\.\d{{1,3}}){{1,2}})(?![\d.]*\d)(?:{_ARROW}v?(\d{{1,4}}(?:\.\d{{1,3}}){{1,2}}))?"
)


# A target field (a table's `计划上线` cell) holding only a sprint: `Sprint-09`, `2024-Sprint-11`, `迭代12`,
# `S8 上线（原 S7）` (a sprint's short name with what happens in it, w43-e; `S25` alone may be a year).
FIELD_SPRINT = re.compile(
    r"^\s*(?:(?:20\d{2}\s*-\s*)?(?:sprint|cycle|iteration|迭代)\s*[-#]?\s*(\d{1,3})"
    r"|(?-i:S)(\d{1,3})\s*(?:上线|发布|交付|全量|launch|release|go-?live))"
    r"(?:\s*[(（][^()（）]*[)）])?\s*$",
    re.I,
)


# A sprint named with its year (`S25-07`, `S25.07`, `2025-S07`: sprint 7 of 2025), as a target field's whole
# value; ordered by year, then number (w23-g).
_FIELD_YEAR_SPRINT = re.compile(r"^\s*(?:S(\d{2})\s*[-.]\s*(\d{1,2})|(20\d{2})\s*-\s*S(\d{1,2}))\s*$")


# A release someone else made, or one that already came: "Ardent delivered release 4.2 on Tuesday",
# "the dependency on Ardent's release 4.2". Not the project's target. Written from pmo-rag-prose-en.
_DELIVERED_BEFORE = re.compile(
    r"(?:\b(?:delivered|shipped|published|cut|tagged|deployed|installed|received|applied)|"
    r"(?-i:\b(?!It|That|What|There|Here|Let)[A-Z][\w-]*)['’]s)\s+"
    r"(?:(?:the|their|its|our)\s+)?$",
    re.I,
)


# A sprint's last day in brackets after it: `end of Sprint 16 (27/06)`, `Sprint 9（3/28）` (clarity-ppm).
_DAY_AFTER = re.compile(r"\s*[(（]\s*\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*[)）]")
_SPRINT_DAY = re.compile(rf"(?:sprint|cycle|iteration)\s*{_SPRINT_NO}{_DAY_AFTER.pattern}", re.I)


def find_ordinal_targets(text: str, field: bool = False) -> list[OrdinalTarget]:
    """Targets written as a sprint, cycle or version, with a cue word or an arrow; a version or a
    sprint that is a target field's whole value (`field`) is one by its place."""
    out: list[OrdinalTarget] = []
    if field and (year_sprint := _FIELD_YEAR_SPRINT.match(text)) is not None:
        year, number = year_sprint[1] or year_sprint[3][2:], year_sprint[2] or year_sprint[4]
        order = (int(year), int(number))
        return [
            OrdinalTarget("sprint", order, f"sprint {order[0]}-{order[1]:02d}", *year_sprint.span(), None)
        ]
    patterns = (
        [*_ORDINALS, ("version", _FIELD_VERSION), ("sprint", FIELD_SPRINT)]
        if field
        else [*_ORDINALS, ("version", _PROSE_VERSION)]
    )
    taken: list[tuple[int, int]] = []
    # a move told in sprints with each one's day in brackets is read in days (clarity-ppm); a lone
    # `Now end of sprint 25.07 (11/4)` after `End of sprint 25.06.` stays a sprint (airtable-email)
    days_both = len(_SPRINT_DAY.findall(text)) >= 2
    for unit, pattern in patterns:
        for match in pattern.finditer(text):
            groups = [g for g in match.groups() if g]
            if not groups or (pattern is _FIELD_VERSION and any(map(_month_day, groups))):
                continue  # `预计上线：10.15 → 10.24` are days, not versions
            if unit == "sprint" and days_both and _DAY_AFTER.match(text, match.end()):
                continue  # "…Sprint 15 (13/06) to end of Sprint 16 (27/06)": the days tell the move
            if unit == "version" and _DELIVERED_BEFORE.search(
                text[max(0, match.start() - 30) : match.start()]
            ):
                continue  # "Ardent delivered release 4.2", "Ardent's release 4.2": a release that came
            # "挪到3.3版本", "和3.2一起放": a version by name, or by what goes out with it
            named = text[match.end() :].lstrip().startswith("版") or bool(re.search(r"一起|一同", match[0]))
            if pattern is _PROSE_VERSION and (
                any(a < match.end() and match.start() < b for a, b in taken)
                or (has_han(match[0]) and _month_day(groups[0]) and not named)
            ):
                continue  # told by a cue above already; `推迟到 3.28` is a day
            taken.append(match.span())
            first, last = groups[0], groups[-1]
            before = _order(first) if len(groups) > 1 else None
            # "Sprint-09" is sprint 9; "sprint 24.07" keeps its year's number as written
            label = (f"{unit} {last}" if "." in last else f"{unit} {int(last)}") if unit == "sprint" else last
            out.append(OrdinalTarget(unit, _order(last), label, match.start(), match.end(), before))
    return out
