"""The vocabulary of incidents, wherever a report tells one (zh and en).

A word is not an incident: `故障` names one in `周二故障后…` and none in `故障演练`, `避免故障`,
`故障自愈平台`, `全年事故1次` or `本周无故障`. `cue()` finds a word that tells of an incident in a clause that
does not take it back (a none line, a drill, a staging problem, planned maintenance, a count,
a risk, a compound that names a tool or a process). `follow_up()` spots a retelling
(postmortem, 复盘, 改进项) and `incident_ids()` the tracker ids (INC-208, PD-3371) that tie
tellings of one incident together.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.ledger.incident_fields import duration
from index.text.normalise import strip_inline

# A plant's planned outage (a refuelling outage) names its work, its people and its days: `Outage
# Manager`, `Outage Change Freeze`, `2R24 Outage Day 7`, `non-outage staff` tell of no failure (w39-g).
_OUTAGE_AS_MODIFIER = (
    r"(?i:change|changes|freeze|manager|management|scheduling|scheduler|schedule|day|days|staff|peaks?|"
    r"planning|planner|readiness|season|control|crew|calendar|dates?|scope|works?|board|dashboard|team|"
    r"coordinator|meeting|critical\s+path|worker|workers|kiosks?|organi[sz]ation)\b"
)
# Words that tell of an incident by themselves.
_NOUNS = (
    r"故障|事故|线上问题|现网问题|生产问题|生产事件|线上事件|宕机|"
    r"(?<!non-)\boutages?\b(?!\s*&\s*\w|\s+" + _OUTAGE_AS_MODIFIER + r")|"
    r"\bincidents?\b|\bdowntime\b|\bpaged\b|\bdegraded\b|\bdegradation\b|"
    r"(?:elevated|spike of|spiking)\s+(?:5xx|errors?)|\b(?:went|was|were) down\b(?!\s+(?:well|badly|nicely|a treat|a storm))|\bfell over\b|"
    # a site's, a plant's or a warehouse's safety events: what its report's incidents are
    r"\bnear[- ]miss(?:es)?\b|\b(?:utility|cable|service|water[- ]main|gas[- ]main) strike\b|"
    r"\blost[- ]time injur(?:y|ies)\b|\bRIDDOR\b|险情|未遂事件|安全事件"
)
# `INC-2025-004`, `OCC 25-011`; a service desk's own numbers, `INC0012345` and a problem's `PRB0041877`
_IDS = r"(?<![A-Za-z0-9])(?:(?:PD|INC|SIR|OCC)[- ]\d{2,}(?:-\d+)*|(?:INC|PRB)\d{6,})(?![\d])"
_SEV = r"(?<![A-Za-z0-9])SEV[- ]?[0-4](?![0-9])"
# P0-P3 is also a priority (P1 需求, P0 bug): an incident level only next to a level or event word.
_P_LEVEL = (
    r"(?:定级|级别|定为|升级为|severity|level)\s*[:：为]?\s*P[0-3](?![0-9A-Za-z])|"
    r"(?<![A-Za-z0-9])P[0-3]\s*(?:级)?(?:故障|事故|事件|incident|outage)|"
    # (never a count of bugs at a priority: `regression 搵到 2 個 P1 bug`, w33-e)
    r"(?<![A-Za-z0-9])\d+\s*(?:次|个|起)\s*P[0-3](?![0-9A-Za-z])(?!\s*(?:bugs?|defects?|缺陷|需求|用例|工单|问题单))|"
    r"[(（]\s*P[0-3]\s*[)）]|[(（][^()（）]{0,20}[，,]\s*P[0-3]\s*[)）]|"
    # a level stated of what happened ("…重启后恢复，属P3级"), a tag opening a line ("【P3】4月17日…")
    r"(?:属|属于|定为|评为|记为)\s*P[0-3]\s*级(?=\s*(?:[，。,;；)）]|$|故障|事故|事件))|^\W{0,3}【\s*P[0-3]\s*】|"
    # a quality class assigned (`质量部定级为B类批量质量问题`, `定级：二级事故`)
    r"定级\s*[:：为]?\s*(?:[A-D]|[一二三四])\s*[类级]|"
    # an event's level assigned in Chinese numerals (`…历时95分钟，事件定为二级。`, `（三级事件）`, w48-e)
    # (an event named by its level, `按二级事件走复盘流程`, is one already told: a retelling's words)
    # (or in Roman numerals, as an official notice writes them: `事件定为Ⅱ级（较大）`, w55-e)
    r"(?:事件|事故|故障)\s*(?:定为|定级为|评定为|级别为)\s*[一二三四五ⅠⅡⅢⅣⅤ]\s*级|(?:定为|定级为|评定为)\s*[一二三四五ⅠⅡⅢⅣⅤ]\s*级\s*(?:事件|事故|故障)|"
    # a level assigned in English prose (`we logged it as a P2`, `it was raised as a P3`)
    r"\b(?:logged|raised|handled|classed|classified|declared|treated|filed|rated|graded|tagged|recorded)\s+"
    r"(?:it\s+|this\s+|that\s+)?(?:internally\s+)?as\s+(?:an?\s+)?P[0-3](?![0-9A-Za-z])"
)
_CUE = re.compile(f"{_NOUNS}|{_IDS}|{_SEV}|{_P_LEVEL}", re.I)
# Verbs that tell a service or machine stopped, or a release was pulled: an incident when the same
# sentence says for how long (`收银接口挂了40分钟`, `the docs site was down for two hours`, `we
# yanked it about two hours after it went up`); alone they are too common (`方案挂了`, `CI broke`).
# An error verb (`下单报错`) needs the duration to be how long it lasted (`持续15分钟`), not how long
# someone spent on it (`单测报错，花了2小时排查`).
_OUTAGE = re.compile(
    r"挂了|挂掉|宕了|宕掉|崩了|崩溃|不可用|用不了|不能用|无法访问|访问不了|访问异常|服务异常|打不开|连不上|"
    r"中断|断了|掉了|掉线|失联|瘫痪|"
    # a train's or a screen's (`触发紧急制动，停车 9 分钟`, `DMI 黑屏后自动重启，约 4 分钟恢复`, w54-g)
    r"紧急制动|黑屏|"
    r"\b(?:(?:was|were|went|been|is|are|became|become)\s+(?:down|offline|unavailable|unreachable)|"
    r"(?:down|offline|unavailable|unreachable) for|yanked|rolled back|"
    # a server answering with errors (`returned 404 for every page`, `serving 5xx`)
    r"(?:returned|returning|served|serving|threw|throwing)\s+(?:an?\s+)?(?:HTTP\s+)?[45](?:\d\d|xx)s?)\b"
    r"(?!\s+(?:to|from|by)\b|\s*[\d%])",  # `CI time is down to 17 minutes` is a figure falling
    re.I,
)
_ERRORS = re.compile(r"报错|出错|\berror(?:s|ed|ing)?\b", re.I)
# Fixed after so long, with a postmortem to follow (`大概25分钟修好的，…，复盘节后发`): a bug fixed
# in two days has no postmortem.
_RECOVERED = re.compile(r"修好|修复了|恢复了|\b(?:fixed|restored|recovered|back up)\b", re.I)
_POSTMORTEM = re.compile(r"复盘|post-?mortem|write-?up|\bRCA\b", re.I)
_LASTED = re.compile(r"持续|历时|lasted|\bfor\b", re.I)
# A scare that was nothing, anywhere in the block: `turned out to be a monitoring glitch`.
# Said not to be one (`只影响内部测试，不是现网问题`, `not a production incident`, `Planned, announced, not an
# incident.`).
_NOT_ONE_TEXT = (
    r"(?:不是|并非|不算|不属于|不计入|不计为)(?:线上|生产|现网|现场)(?:问题|故障|事故|事件)|非(?:故障|事故)(?![\u4e00-\u9fff])|"
    # (whose it would have been may stand between: `Not a Marine Systems incident:`)
    r"\bnot an? (?:(?:production|customer[- ]facing|real|live) |(?:[A-Z][\w-]*\s+){1,3})?(?:incident|outage)\b"
)
_SCARE = re.compile(
    r"虚惊|误报|\bfalse (?:alarm|positive)s?\b|turned out to be (?:nothing|fine|benign|harmless|a false|"
    r"a monitoring|a dashboard|an? (?:alerting|monitoring) )|\bnothing was (?:actually )?(?:down|broken)\b|"
    rf"{_NOT_ONE_TEXT}|\bnot an? (?:production|customer[- ]facing|real|live) issue\b",
    re.I,
)

# Said not to reach an incident's bar (`不算故障`, `未达故障标准`, `不构成事故`, `below the incident
# threshold`, `not counted as an incident`): something happened, but it is not one.
_BELOW_BAR = (
    r"(?:不算|不属于|不构成|不计为|不计入|未达到?|未构成|达不到|够不上)\s*(?:一次|一起)?\s*(?:线上|生产|现网)?"
    r"(?:故障|事故|事件|问题(?![单表库]))|"
    r"\bnot\s+(?:be\s+)?(?:counted|classed|classified|declared|treated|logged|raised|tracked)?\s*as\s+an?\s+"
    r"(?:incident|outage)|\b(?:is|was)\s+not\s+an?\s+(?:incident|outage)\b|\bbelow\s+(?:the|our)\s+(?:incident|paging|sev\w*)\s+(?:threshold|bar)|"
    r"\b(?:didn't|did not|doesn't|does not)\s+(?:meet|reach|qualify|count)\b[^.;]{0,24}\b(?:incident|outage)|"
    # (`no user impact, no incident raised`: something happened, nothing was declared)
    r"\bno\s+(?:incident|outage|INC)s?\s+(?:was\s+|were\s+)?(?:raised|declared|opened|logged|recorded)\b"
)
_BELOW = re.compile(_BELOW_BAR, re.I)
# A rule of the on-call process (`P1 的故障 10 分钟内必须拉群`, `every SEV1 must page the lead`).
_RULE_WORDS = r"必须|务必|应当|一律|\bmust\b|\bshould\b|\bshall\b"
_BELOW_OR_RULE = re.compile(f"{_BELOW_BAR}|{_RULE_WORDS}", re.I)

# Words for work done on purpose: a maintenance window, planned downtime, a scheduled cutover.
_PLANNED_WORK = (
    # a window booked for planned work (`cutover needs a plant outage window`, w19-d)
    r"\b(?:outage|shutdown|downtime)\s+windows?\b|停电窗口|停机窗口|"
    r"计划内|计划停机|计划停电|维护窗口|割接窗口|(?:停机|停服|维护)\s*按计划|按计划\s*(?:停机|停服|维护)|[計计]画メンテ|定期メンテ|[計计]画停止|\b(?:planned|scheduled)\s+(?:[\w-]+\s+){0,3}maintenance|maintenance window|"
    # taken down on purpose (`the intranet was down for maintenance on Friday`, w48-a)
    r"\b(?:down|offline|unavailable)\s+for\s+(?:(?:planned|scheduled|routine)\s+)?(?:maintenance|an?\s+upgrade|upgrades)\b|"
    # downtime that was planned ("LIMS 9 cutover downtime (Sat 29 Mar 06:00 - …) was planned")
    r"\b(?:planned|scheduled)\s+(?:[\w-]+\s+){0,2}?(?:downtime|outage|cutover)\b|"
    # "Networks did planned work on the campus border routers Sat 5 Oct 07:00–09:00"
    r"\b(?:planned|scheduled)\s+(?:works?|changes?|upgrade window|patching)\b|"
    # a line labelled as planned work (`Planned: CashLink patch 2.8.2 on Sat 08 Mar, 06:00–08:00`)
    r"(?:planned|scheduled|计划内?)\s*[:：]|"
    # work said to be planned in an aside (`patched to GeoServer 2.24.2 Thu (planned, 10 min)`, w26-b)
    r"[(（]\s*(?:planned|scheduled|计划内)\s*[,，;；)）]"
)

# The kind an event word is qualified by in a line saying there was none: "无线上故障",
# "未发生三级及以上运行事件" (w19-a), "无重大安全事故".
_EVENT_KIND = r"(?:线上|生产环境|生产系统|生产|现网|重大|较大|一般|运行|安全|运维|服务|系统|网络|质量)"

# Counts and rates of events, which are metrics: "本周一般缺陷 6 条，已消缺 6 条" (w19-e), "MTTR".
_COUNT_TEXT = (
    r"告警量|告警数|(?:故障|事故|事件|incidents?)\s*(?:数|总数|率|count|rate|total)|"
    r"(?:故障|事故|事件|缺陷|告警)\s*\d+\s*(?:次|起|个|件|条)|\b\d+\s+(?:incidents|outages)\b|"
    r"\bMTT[RDA]\b|\bMTBF\b"
)
_COUNT = re.compile(_COUNT_TEXT, re.I)


def counts_events(text: str) -> bool:
    """The text counts events (`一般缺陷 6 条`, `MTTR 42 min`) and tells none of them."""
    return _COUNT.search(text) is not None and cue(text) is None and duration(text)[0] is None


# What takes a word back, looked for in the clause that holds it.
_NOT = re.compile(
    # a line saying there were none
    r"(?:无|没有|未发生|未出现|暂无|零|(?<![\d.])0\s*(?:起|次|个)?)\s*(?:新增|新的?)?\s*(?:\S{0,4}级|P[0-4](?:\s*[/、及和]\s*P[0-4])*\s*级?)?"
    # (a quality system's own nouns: `本期无新增不符合项`, a lab's or a plant's nonconformities)
    rf"(?:及以上|以上)?(?:{_EVENT_KIND}){{0,2}}(?:故障|事故|问题|事件|不符合项|不合格项)|"
    r"\bno (?:new |other |major |customer[- ]facing |production |"
    r"(?:p[0-4]|sev\s?\d)(?:\s*[/,&-]\s*(?:p|sev\s?)?[0-4])*s? )?(?:incidents?|outages?|pages?|downtime)\b|"
    r"\b(?:zero|0) (?:incidents?|outages?)\b|incident[- ]free|"
    # Japanese "none" after the noun (`障害なし。`, `インシデント無し`)
    r"(?:障害|インシデント|故障|事故)\s*(?:なし|無し|ゼロ|0\s*件)|"
    r"\bnothing to report\b|"
    # counts and rates, which are metrics
    f"{_COUNT_TEXT}|"
    # below the bar: what happened was not counted as one
    f"{_BELOW_BAR}|"
    # a risk or a wish, not an event
    r"避免|防止|预防|降低|减少|杜绝|可能(?:导致|引发|造成)|风险|"
    r"\bprevent\w*|\bavoid\w*|\breduc\w*|\brisk of\b|\bcould\b|\bwould\b|\bmight\b|\bif\b|"
    f"{_RULE_WORDS}|"
    # one named by an earlier telling, not told here (`主要是 7 月那次现网问题之后灰度拆得更细`)
    r"(?:那次|上次|上回|那起)\S{0,6}(?:故障|事故|问题|事件)",
    re.I,
)
# Not production, or not by accident: drills, tests, staging, planned maintenance. Looked for in the
# clause and in the opening sentence of the block (`We ran a game day on Thursday. The API was
# degraded for 6 minutes.`).
_SETTING = re.compile(
    r"演练|演习|故障注入|注入故障|压测|压力测试|稳定性测试|老化测试|测试环境|预发|沙箱|\bstaging\b|\bsandbox\b|\bUAT\b|"
    r"\b(?:load|stress|soak|burn-in) test|"
    r"\bdrills?\b|game ?day|tabletop|chaos|\bexercises?\b|\bdev environment\b|\btest environment\b|"
    + _PLANNED_WORK
    + r"|\b(?:was|were)\s+(?:all\s+)?(?:planned|scheduled)\b",
    re.I,
)


# A compound that names a tool, a project or a process, not an event.
_COMPOUND = re.compile(
    r"^\s*(?:自愈|管理|平台|系统|工具|响应|定位|排查|预警|预案|演练|注入|处理流程|复盘模板|知识库|"
    r"response|management|tooling|tool|process|playbook|runbook|review process|commander|template|"
    r"tracker|bot|channel|budget|群|频道|bridge|room|call\b|"
    # a defect's grade (`all 3 sev-1 defects fixed and retested`, `P2 缺陷清零`): a test's triage count
    r"defects?\b|bugs?\b|fix(?:es)?\b|缺陷)",
    re.I,
)
_FOLLOW_UP = re.compile(
    r"复盘|改进项|整改|根因|跟进|post-?mortem|follow-?ups?|\bRCA\b|root cause|retro(?:spective)?|"
    r"上周|上期|前几天|\blast (?:week|cycle|sprint|month|\w+day)'?s?\b|\bearlier\b|\bfrom the \d|"
    r"\bfurther to\b|\bfollowing up on\b",
    re.I,
)
_ID = re.compile(_IDS, re.I)
# Where a chat log's next message opens (`… front page [16:04] <ulla> …`): its lines are joined as one
# paragraph, but each message is a sentence of its own.
CHAT_TURN = r"\s(?=\[(?:[01]?\d|2[0-3]):[0-5]\d(?::\d\d)?\]\s)"
_SENTENCE = re.compile(rf"[。！？!?\n]|(?<![\d.])\.(?=\s|$)|{CHAT_TURN}")
_CLAUSE = re.compile(rf"[。；;！!？?\n]|(?<![\d.])\.(?=\s|$)|[，,](?=\s*(?:但|but|while|and)\b)|{CHAT_TURN}")


# Inside a TaskPaper/PlainTasks tag's value (`@project(线上故障)`, `@area(incidents)`): metadata
# filing the line, not words telling of an event.
_IN_TAG_VALUE = re.compile(r"(?<![\w@])@\w+\s*\([^()]*$")


@lru_cache(maxsize=8192)
def cue(text: str) -> re.Match[str] | None:
    """The first incident word in `text` that its own clause (or the text's opening sentence,
    for drills, staging and maintenance) does not take back. Cached (a match is immutable): the
    incident, metric and figure readers each ask it of the same lines."""
    if _SETTING.search(text[: _first_sentence_end(text)]) or _SCARE.search(text):
        return None
    for match in _CUE.finditer(text):
        if _IN_TAG_VALUE.search(text[: match.start()]):
            continue  # `✔ 报表查询改读从库 @done @project(线上故障)`: a task filed under the section
        start, end = _clause(text, match.start(), match.end())
        clause = text[start:end]
        if (
            _NOT.search(clause)
            or _SETTING.search(clause)
            or _COMPOUND.match(text[match.end() : match.end() + 12])
        ):
            continue
        return match
    return _outage(text)


def _outage(text: str) -> re.Match[str] | None:
    """An outage verb whose sentence also says how long it lasted, not taken back by its clause."""
    for pattern, lasted in ((_OUTAGE, False), (_ERRORS, True), (_RECOVERED, False)):
        for match in pattern.finditer(text):
            start, end = _sentence(text, match.start())
            sentence = text[start:end]
            told, _ = duration(sentence)
            left, right = _clause(text, match.start(), match.end())
            if told is None or (lasted and not _LASTED.match(told)):
                continue
            if pattern is _RECOVERED and not _POSTMORTEM.search(sentence):
                continue
            if _NOT.search(text[left:right]) or _SETTING.search(sentence):
                continue
            return match
    return None


def _sentence(text: str, position: int) -> tuple[int, int]:
    start = 0
    for match in _SENTENCE.finditer(text):
        if match.end() <= position:
            start = match.end()
        else:
            return start, match.start()
    return start, len(text)


_ALERTS = re.compile(r"告警|报警|\balerts?\b|\balerting\b", re.I)
_INCIDENT_HEADING = re.compile(
    r"事故|故障|事件|线上问题|生产问题|现网问题|incident|outage|post-?mortem|\bsev\b", re.I
)


# An incident told without its vocabulary (`for about 20 minutes on Wednesday, submissions weren't
# reaching the inbox because of a relay setting … once Femi fixed the rule`): how long it lasted, why,
# and that it was fixed, all in one paragraph.
_WHY = re.compile(
    r"\bbecause of\b|\bdue to\b|\bcaused by\b|\b(?:root )?cause (?:was|is)\b|由于|因为|原因是|导致", re.I
)
_MENDED = re.compile(
    r"修复|修好|恢复|\b(?:fixed|restored|recovered|resolved|back to normal|mitigated)\b", re.I
)


_BROKE = re.compile(
    r"n't\b|\bno\b|\bnot\b|\bnothing\b|\bunable\b|\bfail\w*|\berrors?\b|\bblank\b|"
    r"无法|不能|没法|失败|报错|异常|用不了",
    re.I,
)


def story(text: str) -> bool:
    """A paragraph that tells how long something did not work (`for about an hour … showed no
    slots`, `持续20分钟无法下单`), why, and that it was fixed: an incident told in plain words."""
    told, _ = duration(text)
    if told is None or _LASTED.match(told) is None:
        return False
    start, end = _sentence(text, text.find(told))
    return (
        _BROKE.search(text[start:end]) is not None
        and _WHY.search(text) is not None
        and _MENDED.search(text) is not None
        and not not_an_event(text)
    )


_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


def tells_incident(text: str) -> bool:
    """The text tells (part of) an incident: an incident word, a duration or a clock time."""
    return cue(text) is not None or duration(text)[0] is not None or _CLOCK.search(text) is not None


def not_an_event(text: str) -> bool:
    """A telling its own opening sentence sets in a drill, staging or planned maintenance, or
    that says the scare was nothing (`The planned database maintenance on 2 August went to plan`),
    or that says what happened was below an incident's bar, or states a rule, and names no
    incident besides (`周二凌晨搜索抖动，持续不到 3 分钟自己恢复，不算故障`)."""
    if _SETTING.search(text[: _first_sentence_end(text)]) or _SCARE.search(text) or review_held(text):
        return True
    return below_the_bar(text)


_PLANNED = re.compile(_PLANNED_WORK, re.I)
# A line that tells the review meeting of an incident was held (`广东故障复盘会 3/18 开完`, w26-h): its
# subject is the meeting, not a new event. (An English "Postmortem for the Sunday 9th outage is done"
# still dates the incident it reviews.)
_REVIEW_HELD = re.compile(
    r"^\W{0,3}[^，,。；;：:]{0,12}复盘会\s*(?:已|于|在)?\s*[\d/.月日号()（）周一二三四五六\s]*(?:开完|已开|召开|开过|开了)"
)


def planned_or_dismissed(text: str) -> bool:
    """A list item that tells planned work in its first sentence (`Networks did planned work on the
    border routers Sat 5 Oct`) or says what it tells was no incident (`Planned, announced, not an
    incident.`). Narrower than `not_an_event`: a drill's or a test's word in an item is as often
    an incident's cause (`Root cause: a pool limit set during a load test`)."""
    return (
        _PLANNED.search(text[: _first_sentence_end(text)]) is not None
        or _NOT_ONE.search(text) is not None
        or review_held(text)
    )


def review_held(text: str) -> bool:
    """The line tells that an incident's review meeting was held, not an event of its own."""
    return _REVIEW_HELD.match(text) is not None


# Said not to be one, anywhere in an item; a false alarm is not (`事后核查均为误报` tells of the alerts
# a real outage delayed).
_NOT_ONE = re.compile(_NOT_ONE_TEXT, re.I)


def below_the_bar(text: str) -> bool:
    """The text says what happened was not an incident, or states an on-call rule, and no
    incident word of it stands outside such a clause (`未达故障标准`, `P1 的故障必须 10 分钟内拉群`);
    a text without incident words (`the test that should have caught it was skipped`) is no rule."""
    return _BELOW_OR_RULE.search(text) is not None and _CUE.search(text) is not None and cue(text) is None


# A status-page update under an incident (`14:06 UTC — Investigating: …`, `Resolved: …`): a line of
# that incident's timeline, never an incident of its own.
_TIMELINE = re.compile(
    r"^\W{0,3}(?:(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?:investigating|identified|monitoring|mitigated|resolved|"
    r"update)\b\s*[:：—–-])",
    re.I,
)


def timeline_line(text: str) -> bool:
    """An update line of an incident's timeline: it opens with a clock time or a status word."""
    return _TIMELINE.match(text) is not None


def names_no_incidents(heading: str) -> bool:
    """A heading of an incidents part that names none: alerts and nothing else (`KR1.2 告警降噪`),
    or planned works and drills (a form's `本周是否有计划内停机或故障演练`, w52-g), whatever they stop."""
    if _PLANNED_ONLY.search(heading) and not _INCIDENT_HEADING.search(_PLANNED_ONLY.sub(" ", heading)):
        return True
    return bool(_ALERTS.search(heading)) and not _INCIDENT_HEADING.search(heading)


_PLANNED_ONLY = re.compile(
    r"计划内?(?:停机|停服|维护|割接)|(?:故障|应急|容灾)?演练|"
    r"\bplanned\s+(?:maintenance|outages?|downtime|works?)\b|\b(?:dr\s+)?drills?\b",
    re.I,
)


def follow_up(text: str) -> bool:
    """A retelling: a postmortem, 复盘, follow-ups, `last week's` incident."""
    return _FOLLOW_UP.search(text) is not None


# A line that sends the reader to where the incident is told (`见议题一`, `详见第四部分`, `下面细说`,
# `see below`, `described above`).
_POINTER = re.compile(
    r"详见|参见|见(?:上文|下文|议题|第|附件|附录|下方|上方)|下面细说|下文详述|"
    # a memo's summary line sending the reader to its part (`(details in Section 4)`, w52-a)
    r"\bdetails?\s+(?:are\s+)?(?:in|under|at)\s+(?:section|part|item|para(?:graph)?)\s*\d|"
    r"\bsee (?:above|below|section|the (?:section|item)|(?:the\s+)?incidents?\b)|"
    r"\b(?:described|detailed|covered) (?:above|below)",
    re.I,
)


def points_elsewhere(text: str) -> bool:
    """The text points to a telling elsewhere in the report instead of telling it."""
    return _POINTER.search(text) is not None


def incident_ids(text: str) -> set[str]:
    """Tracker ids (`INC-208`, `PD-3371`, `SIR-12`) upper-cased."""
    return {match[0].upper() for match in _ID.finditer(text)}


def _first_sentence_end(text: str) -> int:
    match = _SENTENCE.search(text)
    return match.start() if match else len(text)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            return left, match.start()
    return left, len(text)


# A short line that says there was nothing, however it is worded and whatever label or period it
# opens with: "Live halls: nothing to report", "No safeguarding incidents reported", "held without
# incident", "两周内无事故", "本期无新增", "本周无 P2 及以上线上问题", "值班无 P1/P2 告警".
_LABEL_OPEN = r"^\W{0,3}\s?(?:[\w /&()-]{1,30}[:：]\s*)?"
_SAYS_NONE = re.compile(
    # opening the line, after a label at most: "Live halls: nothing to report", "No safeguarding
    # incidents reported" (not "Gateway down; no alerts fired", which tells one)
    _LABEL_OPEN
    + r"(?:nothing (?:to report|reported|new|significant)\b|all quiet\b|quiet (?:week|fortnight|sprint|period|month|shift)\b|(?:none|nil|n/?a)\W*$|"
    # a form's question left unanswered or answered no (问卷星's `(跳过)`, `(空)`, `否`, w52-b)
    r"(?:跳过|空|否|skipped|not answered)\W*$|"
    # a report program's empty list: "*** NO ENTRIES THIS PERIOD ***" (w28-h)
    r"no (?:entries|records|items|rows)(?: selected| (?:this|for the|in) (?:period|run|week))?\W*$|未选定行\W*$|"
    # (`No new production P1-P3 incidents this period.`: three words before it, a band among them)
    r"(?:no|zero|0)\s+(?:[\w-]+\s+){0,3}(?:incidents?|outages?|pages?|reports?|issues?|alerts?|events?)\b|"
    # a severity band named for the incidents: "No new Sev 1-3 this week", "No P1/P2s", "No SEV2s"
    r"(?:no|zero|0)\s+(?:new\s+)?(?:sev(?:erity)?|p|priority)\s*-?\s*[0-4](?:\s*[-–/]\s*(?:sev|p)?\s*[0-4])?s?\b)|"
    r"\bwithout (?:an? |any )?(?:(?:system|production|service|major|unplanned)\s+)?(?:incidents?|issues?|outages?)\b|\b(?:incident|outage)[- ]free\b|"
    # a period or label first, then the none word and the clause ends: "两周内无事故", "本期无新增"
    r"^\W{0,3}[^，,。；;:：]{0,16}?[:：]?\s*(?:无|没有|未发生|未出现|暂无|零)\s*(?:新增|新的?)?\s*"
    r"(?:\S{0,4}级|P[0-4](?:\s*[/、及和]\s*P[0-4])*\s*级?|[A-D](?:\s*[/、及和]\s*[A-D])*\s*类)?\s*(?:及以上|以上)?\s*"
    rf"(?:{_EVENT_KIND}){{0,2}}"
    # (`本周无异常事件`; `春节档 SeatLock 无事故 (failover 重连 2/5 赶上了发版)`: a subject, and an aside after)
    r"(?:故障|事故|问题|事件|告警|异常|不符合项|不合格项){0,2}\s*(?:$|[。；;，,.！!(（])|"
    # Japanese: "なし (GW 期間含む).", "今週なし.", "障害なし.", "特になし"
    r"^\W{0,3}[^，,。；;:：]{0,10}?(?:特に)?(?:なし|無し|ありません)\s*(?:$|[。．.；;，,(（])",
    re.I,
)
_NONE_CHARS = 60


_WHOLE_ASIDE = re.compile(r"^[(（]([^()（）]+)[)）]$")
_PERIOD_GLOSS = re.compile(r"[(（][^()（）]{0,30}\d[^()（）]{0,30}[)）]")
# The period a none line covers, written before it (`5/31 ~ 6/13 无 P1/P2/P3 线上问题`, `3.17-3.21：无`), and
# a word processor's bullet glyph exported as its font letter (`l\t本周无A/B类异常`: Wingdings `l` is ●).
_LEADING_PERIOD = re.compile(
    r"^\W{0,3}(?:[lnqvüØ§]\t\s*)?(?:\d{1,2}[/.月-]\d{1,2}日?\s*(?:[~～–—-]|至|到)\s*(?:\d{1,2}[/.月-])?\d{1,2}日?\s*[:：,，]?\s*)?"
)


def says_none(line: str) -> bool:
    """A line whose first sentence, a short one, says nothing happened, and which tells no duration
    or clock time of something that did ("Live halls: nothing to report. The generator trip on 3 Jun
    was a planned test …")."""
    whole = strip_inline(line).strip()  # `本周 **无 P1/P2 线上故障**。`: the emphasis is no part of it
    whole = _WHOLE_ASIDE.sub(r"\1", whole)  # a script's empty list in brackets: `(no P1-P3 events)` (w52-f)
    text = _PERIOD_GLOSS.sub("", whole).strip()  # `本期（3/31–4/11）无线上故障。`: the period it covers
    text = _LEADING_PERIOD.sub("", text, count=1)
    end = _first_sentence_end(text)
    first, rest = text[:end].strip(), text[end + 1 :].strip()
    # what follows may time something that was no incident (`两周内无线上事故。9/28 的固件升级是计划内停机 2h，不计入。`)
    timed = duration(whole)[0] is not None or _CLOCK.search(whole) is not None
    said = _SAYS_NONE.search(first)
    # a long sentence says it early and tells nothing after (`Quiet week on the production side – no
    # P1/P2 incidents, and the Pit 2 SIC board ran every shift`)
    early = said is not None and said.end() <= _NONE_CHARS and cue(first[said.end() :]) is None
    return (
        (len(first) <= _NONE_CHARS or early)
        and said is not None
        and (not timed or (bool(rest) and not_an_event(rest) and duration(first)[0] is None))
    )
