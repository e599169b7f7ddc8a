"""Which headings and lines frame incidents rather than tell one: a heading that only names the kind
(`SERVICE INTERRUPTIONS (P1/P2)`, `二、线上问题回顾`) and a forum post's header line."""

from __future__ import annotations

import re

from index.classify import LISTED_PARTS

GROUP = re.compile(
    r"(?:稳定性|生产|线上|系统)?(?:事件|事故|故障|告警)|incidents?|outages?|on-?call|post-?mortems?|"
    r"(?:service\s+)?(?:disruptions?|interruptions?)|occurrences?|"
    # a team's own word for them: `线上问题`, `异常与客诉`, `Incidents & Complaints`, `PRODUCTION PROBLEM LOG`
    r"(?:线上|生产|现网)问题|异常与客诉|客诉|投诉|complaints?|(?:production|prod)\s+problems?",
    re.I,
)


_ONE_KIND = re.compile(r"\b(?:incident|outage|post-?mortem)\b", re.I)


# Three or more short names set apart by a middle dot: a list of fields, not an event's title.
_FIELD_LIST = re.compile(r"[^·]{1,12}(?:\s·\s[^·]{1,12}){2,}")


def generic_heading(heading: str) -> bool:
    """`Infrastructure incidents`, `二、线上问题回顾`, `Known issues / incidents`: a heading that names
    the kind, not an incident; also a template's own name glossed with the kind (`BREAKING (prod
    incidents)`: a newsroom's word for its incidents section)."""
    if _FIELD_LIST.fullmatch(heading.strip()):
        return True  # a query's or a record's field names (`发生时间 · 系统 · 等级 · 影响 · 处置`, w46-a)
    listed = LISTED_PARTS.split(heading)
    if len(listed) > 2 and generic_heading(listed[0]):
        return True  # the kind listed first among the part's others (`Incidents / risks / asks`, w54-f)
    gloss = re.fullmatch(r"\s*[^()（）]{1,24}?\s*[(（]([^)）]+)[)）]\s*", heading)
    # the kind in the plural (`(prod incidents)`), not one event's (`Checkout down (outage)`)
    if gloss and GROUP.search(gloss[1]) and not _ONE_KIND.search(gloss[1]) and generic_heading(gloss[1]):
        return True
    if gloss and re.fullmatch(r"[A-Za-z][A-Za-z /&-]{2,40}", gloss[1].strip()):
        # `二、异常事件（Abnormal Report）`: the kind glossed in English by a bilingual template (w20-d)
        bare = heading[: gloss.start(1) - 1]
        if bare.strip() and generic_heading(bare):
            return True
    # the severities it covers (`SERVICE INTERRUPTIONS (P1/P2)`, `(SEV 1-2 OPENED IN PERIOD)`) and a
    # template's section letter (`SECTION C - `, `Part 4:`)
    heading = re.sub(
        r"[(（]\s*(?:SEV(?:ERITY)?|P|S|priority)\s*[0-4](?:\s*[-–/,、&]\s*(?:SEV|P|S)?\s*[0-4])*(?:\s+[A-Za-z ]{0,30})?[)）]|"
        # (the feed and the bands a report script selects: `(ITSM feed, P1-P3, DSPS services)`)
        r"[(（][^()（）]{0,30}?\b(?:SEV|P)\s*[0-4]\s*[-–~]\s*(?:SEV|P)?\s*[0-4][^()（）]{0,40}[)）]|"
        r"^\s*(?:section|part)\s+[A-Z0-9]{1,2}\s*[-–—:.]\s*",
        " ",
        heading,
        flags=re.I,
    )
    rest = re.sub(
        # a form's question for them (`11、请描述故障/事件（发生时间、持续时长、…） [多行填空题]`, w52-b)
        r"^\W*(?:第\s*\d{1,3}\s*题|\d{1,3}\s*[、.．])|[\[【][^\]】]{1,10}题[\]】]|请(?:描述|填写|说明|简述)|"
        r"[(（][^()（）]{0,40}、[^()（）]{0,60}[)）]|"
        r"^\W*[一二三四五六七八九十]+[、.．]|回顾|复盘|跟进|跟踪|汇总|记录|"
        r"\b(?:review|follow-?ups?|recap|log|and|known|issues?|deviations?|PIR|actions?)\b|"
        r"\bsince\s+(?:the\s+)?last\s+(?:report|bulletin|update|week)\b|"
        # the period it covers (`(since last bulletin)`, `（本周）`): w19-f; after the view a report
        # script selects it from (`（ops.incident_reg，本统计周期）`, w39-d)
        r"[(（](?:[^()（）]{1,30}[，,;；]\s*)?\s*(?:since|this|last|past|本|上)[^()（）]{0,30}[)）]",
        " ",
        heading,
        flags=re.I,
    )
    rest = re.sub(r"[\W\d_]+", " ", GROUP.sub(" ", rest))
    words = rest.split()
    return len([w for w in words if w.isascii()]) <= 1 and sum(len(w) for w in words if not w.isascii()) <= 4


# A forum post's header (`作者: 邵立群    时间: 2024-3-22 17:48`, `Posted by … on …`): the post's time,
# never an event's.
_POST_HEADER = re.compile(
    r"^\W{0,3}(?:作者|发帖人|楼主|回复人|author|posted by)\s*[:：]?\s*\S.{0,40}?\s(?:时间|发表于|发表时间|posted|date|on)\s*[:：]?\s*\d",
    re.I,
)


def post_header(text: str) -> bool:
    """The line opens a forum post: what follows is another post's, under its own time."""
    return _POST_HEADER.match(text) is not None
