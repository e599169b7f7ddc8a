"""An incident's fields as written in its block: when, duration, severity, impact, cause, fix, title.

`持续13mins`, `a 35-minute outage`, `1 h 35 min`, `09:12–09:59 UTC`; `定级P2`, `Sev 2`, `C级`;
labelled fields (`原因：…`, `Impact: …`) before free wording (`由于…`, `…导致`, `rolled back`).
"""

from __future__ import annotations

import re
from datetime import date

from index.text.eventdates import event_dates
from index.text.numerals import EN_NUMBERS, ZH_NUMBER, small_number
from index.text.timeexpr import DateHit

# a clock time after a day, and the end of its span (`03/18 02:40~03:35`, `05/03（劳动节假期）21:05~21:26`):
# the span is part of when
TIME = re.compile(
    r"(?:\s*[(（][^()（）\d]{1,10}[)）])?,?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)(?:\s*[-–—~～至到]\s*\d{1,2}:\d{2}(?!\d))?(?:\s*(?:UTC|GMT|CST|[AP]M))?",
    re.I,
)
_CLOCK_RANGE = re.compile(
    r"(?<!\d)([01]?\d|2[0-3]):([0-5]\d)\s*(?:[-–—~～]|to|until|至|到)\s*([01]?\d|2[0-3]):([0-5]\d)(?!\d)",
    re.I,
)
# A count in digits or in words (`two hours`, `一天`, `两个小时`): prose spells small durations out.
_COUNT = rf"\d+(?:\.\d+)?|(?<![A-Za-z])(?:{'|'.join(sorted(EN_NUMBERS, key=len, reverse=True))})(?![A-Za-z])|{ZH_NUMBER}"
_HEDGE = r"约|近|了|大概|大约|差不多|将近|about|around|roughly|approximately|nearly|almost|~"
_DURATION = re.compile(
    rf"(?:持续|历时|耗时|时长|共计|花了|用了|duration\s*[:：]?|lasted|for)?\s*(?:{_HEDGE})?\s*"
    rf"(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?|小时)\s*)?({_COUNT})\s*-?\s*个?\s*"
    r"(分钟|分(?![钟数])|minutes?|mins?|m\b|小时|hours?|hrs?|h\b|秒|seconds?|secs?|s\b|天|days?)",
    re.I,
)
_DURATION_CUE = re.compile(r"持续|历时|耗时|时长|共计|延迟|中断|花了|用了|duration|lasted|\bfor\b", re.I)
_HEDGED = re.compile(rf"\s*(?:{_HEDGE.replace('了|', '')})", re.I)
_UNIT_MINUTES = {
    "分": 1.0,
    "m": 1.0,
    "小": 60.0,
    "h": 60.0,
    "秒": 1 / 60,
    "s": 1 / 60,
    "天": 1440.0,
    "d": 1440.0,
}
_END = r"(?=[。；;]|(?<!\d)\.(?:\s|$)|(?:\s+|[，,]\s*)(?:impact|cause|root cause|fix|resolution|mitigation)\s*[:：]|$)"
_FIELDS = {
    "impact": re.compile(r"(?:影响|impact)\s*[:：]\s*(.+?)" + _END, re.I),
    # a status page's `Identified:` update names the cause
    "cause": re.compile(r"(?:根本原因|根因|原因|root cause|cause|\bidentified)\s*[:：]\s*(.+?)" + _END, re.I),
    "resolution": re.compile(
        r"(?:处置|处理|解决方案|解决|修复|措施|改进|整改|fix(?:ed)?|resolution|mitigation|remediation|\bresolved|"
        r"follow-ups?|action items|corrective actions?)\s*[:：]\s*(.+?)" + _END,
        re.I,
    ),
}
# Labels of an incident's fields, when one incident's lines are a list of them.
FIELD_LABEL = re.compile(
    r"^\W{0,3}(?:时间|发生时间|现象|影响|影响范围|定级|级别|等级|处置|处理|恢复|初步原因|原因|根因|根本原因|时长|"
    r"持续时间|改进项|改进|改进措施|后续|跟进|time|when|duration|impact|severity|level|detection|cause|root cause|fix|"
    r"resolution|mitigation|follow-ups?|action items|actions?|lessons?|措施|整改|整改措施|行动项|"
    # a postmortem's action list by state (`Done: encoding pinned (24 Feb)`, `Open: …`, `Next: PIR …`)
    r"done|open|closed|next(?: steps?)?|what happened|standing rule|已完成|未完成|下一步|"
    # a record's other fields (`**What:** …`, `**Detected:** 05:38 by …`, `**Postmortem:** Tue 04/03`)
    r"what|detected|post-?mortem|pir)\W{0,3}\s*[:：]",
    re.I,
)
IMPACT_FREE = re.compile(
    r"(?:对[^，。；]{0,8}?(?:无|没有)影响|无(?:业务|用户|客户)?影响|"
    r"\bno (?:customer|user|business|external)?\s*impact\b|"
    r"影响[^，。；;]{1,30}|(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)%?\s*(?:of\s+)?"
    r"(?:users|customers|requests|logins|orders|payments|transactions)"
    r"[^.;，。]*|\baffect(?:ed|ing)\b[^.;，。]*)",
    re.I,
)
# `约6.8万用户在40分钟内收到重复Push`, `around 1,400 customers paid full price`: who was hit, counted.
COUNTED_IMPACT = re.compile(
    r"(?:约|近|超过?|逾|about|around|roughly|over|~)?\s*(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    # (never tickets: `96 tickets opened` is a help desk's week, a metric)
    r"(?:万|千|k\b)?\s*(?:(?:个|位|名|家)?\s*(?:用户|客户|商户|商家|门店|新客|人|笔|单|订单|请求|申请|设备|车辆|学员|"
    r"学生|乘客|骑手|司机|users|customers|merchants|requests|orders|payments|transactions|signups?|devices|"
    r"accounts|vehicles|stores|students|riders|drivers)"
    # `1,184 台下载失败`, `4,100 节小班课出现进房失败`: a count of things, then what went wrong for them
    r"|(?:台|辆|节|张|块|次)[^，。；;.]{0,8}?(?:失败|受影响|报错|无法|中断|卡住|超时))"
    r"[^，。；;.]*",
    re.I,
)
CAUSE_FREE = re.compile(
    r"(?:due to|caused by|由于|因为)\s*([^。；;，,]+)|([^。；;，,]{4,40}?)(?:，|,)?\s*导致|"
    r"(?:根本原因|根因|原因)(?:是|为)\s*([^。；;]+)|\b(?:root )?cause (?:was|is)\s+([^.;]+)",
    re.I,
)
_PHRASE = r"(?:[^，,。；;.]|(?<=\d)\.(?=\d)|\.(?=\S))*"  # up to a comma or a sentence's end
FIX_FREE = re.compile(
    _PHRASE + r"(?:后恢复|已恢复|回滚|rolled back|restored|recovered|fixed by|mitigated by)" + _PHRASE,
    re.I,
)
# Latin boundaries spelled out: Python's \b sees CJK as word characters ("定级P2").
SEVERITY = re.compile(
    r"(?<![A-Za-z0-9])(?:SEV[- ]?\d|P[0-4]|S[1-4])(?![A-Za-z0-9])|(?<![A-Za-z])[A-D]{1,2}级|[一二三四ⅠⅡⅢⅣ]级(?:事故|故障|事件)?",
    re.I,
)


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


# An emoji written as its chat shortcode (`:red_circle:`, `:rotating_light:`).
SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])")


def title_of(rest: str, severity: str | None, duration: str | None) -> str:
    """The incident's first clause, without its severity, time and duration prefix."""
    for part in (severity, duration):
        if part:
            rest = rest.replace(part, " ", 1)
    rest = re.sub(r"\*{1,3}|`", "", rest)  # emphasis and code spans: `**INC-244** · Sev 3 · 18 min — …`
    # the kind's word before what happened (`Incident — P1, /jobs/tdw full`: the severity taken out)
    rest = re.sub(
        r"^\s*(?:incident|outage|事故|故障|事件)\s*[—–:：-]\s*(?:[,，]\s*)?(?=\S)", "", rest, flags=re.I
    )
    rest = SHORTCODE.sub(" ", rest)  # `:red_circle: SEV2, CarrierGate signups failing`: a sign
    # what taking the severity and day out left: an empty tag, a clock time (`[ ] -16:35 LinkRoute …`)
    # and a telex's Zulu or local time (`0512Z-0603Z`, `1410L`)
    rest = re.sub(
        r"[(（【\[]\s*[)）】\]]|(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
        r"|(?<![\w])(?:[01]\d|2[0-3])[0-5]\d[ZL](?:\s*[-–]\s*(?:[01]\d|2[0-3])[0-5]\d[ZL])?(?![\w])"
        # the zone written once, after the span (`0540-0705L`, w20-b)
        r"|(?<![\w])(?:[01]\d|2[0-3])[0-5]\d\s*[-–]\s*(?:[01]\d|2[0-3])[0-5]\d[ZL](?![\w])",
        " ",
        rest,
    )
    rest = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})+\s+", "", rest).lstrip(" \t-–—:：")
    rest = re.sub(r"(?:\s*[·•]\s*)+(?=[—–-]\s|$)|^(?:\s*[·•]\s*)+", " ", rest)
    # `INC-9 · P3 · What`, `INC-0415 ｜ SEV-2 ｜ 4/15 21:40 ｜ What`: the severity and time taken out
    rest = re.sub(r"([·•|｜])(?:\s*[·•|｜])+", r"\1", rest)
    # a label's colon, never a clock's (`[P1] 3/26 14:20-16:35 LinkRoute …` had lost `16:`)
    label = re.search(r"(?<!\d)[:：]|[:：](?!\d)", rest[:30]) or re.search(r"(?<!\d)：|：(?!\d)", rest)
    if label and len(re.sub(r"[\W_]+", "", rest[: label.start()])) <= 3:
        rest = rest[label.end() :]
    rest = re.sub(r"[(（][\s\d:,，–—~-]*(?:UTC|GMT|CST)?[\s\d:,，–—~-]*[)）]", "", rest).strip(" :：-—–,，")
    title = re.split(r"[，。；;]|(?<!\d)[,.](?!\d)", rest, maxsplit=1)[0].strip()
    # what a clock range and its zone leave at the end (`… failing 14:05–14:31 CT`)
    title = re.sub(
        r"(?:\s*[–—~-])?\s*(?:\b(?:CT|CDT|CST|PT|PST|PDT|ET|EST|EDT|MT|UTC|GMT|BST|CET|SGT|HKT)\b)?\s*$",
        "",
        title,
    )
    opened = max(title.rfind("("), title.rfind("（"))
    if opened > 0 and not re.search(r"[)）]", title[opened:]):
        title = title[:opened].strip()  # a remark cut by the clause split
    return re.sub(r"\s{2,}", " ", title)  # where a time was taken out (`[AB-2503-02]  EAPSRV-03 …`)


_OUTLINE_FIRST = re.compile(r"\d{1,2}\.\d{1,2}\s+(?=[A-Za-z])")
# A review's word right after a day, naming the incident's own day after it: the first day is the
# review's (`9/23 postmortem for the 9/16 Sev 2`); without a day of its own (`WAVE outage 15/07
# postmortem + actions`) the day before the word is the outage's.
REVIEW_AFTER_DAY = re.compile(
    r"\s*(?:post-?mortem|PIR|RCA|review|retro(?:spective)?)\s+(?:for|of|on|into)\s+(?:the\s+)?"
    r"(?:[A-Za-z]{3,9}\.?\s+)?\d",
    re.I,
)


def opening_date(text: str, ref: date) -> tuple[date | None, str | None, str]:
    """The day (and clock time) an incident line opens with, else the first one in the line,
    and the text without it (`SEV2 — 2025-05-07 21:30 UTC, …`, `INC-244 · … (May 20, 16:02–16:20)`)."""
    everywhere = event_dates(text, ref)  # read whole: `On Tuesday 4 March` cut at 40 is a bare weekday
    # (a retelling's review day before the incident's: `9/23 postmortem for the 9/16 Sev 2`)
    everywhere = [hit for hit in everywhere if not REVIEW_AFTER_DAY.match(text, hit.end)] or everywhere
    hits = [hit for hit in everywhere if hit.start < 40] or everywhere
    if len(hits) > 1 and _OUTLINE_FIRST.match(text[hits[0].start :]) and not text[: hits[0].start].strip():
        hits = hits[1:]  # `2.1 P1 - 18FEB25 0512Z …`: the item's outline number, then its day
    for hit in hits[:1]:
        time = TIME.match(text, hit.end)
        end = time.end() if time else hit.end
        return hit.value, text[hit.start : end].strip(), text[: hit.start] + text[end:]
    return None, None, text


_BOLD_TITLE = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*")
_OPENING = 12  # how far into a text its opening day may stand (`On April 15 we …`, `周日（9/7）…`)


def leading_day(text: str, ref: date) -> DateHit | None:
    """The day a text opens with (`On July 22, 4.2.2 went out …`), else None: a paragraph that
    opens with a day tells what happened on it; a day later on (`… went GA on Tue 3/4`) may be
    some other event's."""
    days = event_dates(text[:200], ref)
    title = _BOLD_TITLE.match(text)  # `**The backlog.** On Tuesday the 11th, …`: the day opens the telling
    return days[0] if days and days[0].start <= _OPENING + (title.end() if title else 0) else None


# A record's duration field with its unit in the name (`持续(分钟): 37`, `Duration (mins) | 42`, `时长_分钟: 24`), as a
# database column or a form's field is named: the figure alone is the count of that unit.
_UNIT_NAMED = re.compile(
    r"(?:持续时间|持续时长|持续|历时|时长|duration|outage)\s*(?:[(（]\s*|_)(分钟|小时|min(?:ute)?s?|h(?:ours?|rs?)?)\s*[)）]?"
    r"\s*[:：|]\s*(\d+(?:\.\d+)?)(?![\d.:])",
    re.I,
)


def duration(text: str) -> tuple[str | None, float | None]:
    """`持续13mins`, `42 min`, `a 35-minute outage`, `1 h 35 min`, `about two hours`, `宕机一天`,
    `大概25分钟`, `半小时`, `一个半小时`, `half an hour`, `持续(分钟): 37`; a bare `5 s` needs a cue word."""
    named = _UNIT_NAMED.search(text)
    if named is not None:
        hours = named[1].lower().startswith(("h", "小"))
        return named[0].strip(), round(float(named[2]) * (60 if hours else 1), 2)
    counted = _counted(text)
    half = _HALF.search(text)
    if half is not None and (counted is None or half.start() <= counted[0]):
        whole = small_number(half[1] or half[2] or "") or (1 if "hour and" in half[0].lower() else 0)
        return half[0].strip(), float(whole * 60 + 30)
    return counted[1:] if counted is not None else (None, None)


# Half hours: `半小时`, `一个半小时`, `half an hour`, `an hour and a half`, `two and a half hours`.
_HALF = re.compile(
    rf"(?:({ZH_NUMBER}|\d+)\s*个)?半(?:个)?小时|\bhalf an hour\b|\ban hour and a half\b|"
    rf"\b(\d+|{'|'.join(EN_NUMBERS)}) and a half hours\b",
    re.I,
)


_CURRENCY = frozenset("£$€¥￥")


def _counted(text: str) -> tuple[int, str, float] | None:
    for match in _DURATION.finditer(text):
        unit = match[3].lower()
        if unit == "分" and match[1] is None:
            continue  # `2小时15分` is minutes after its hours; `15分` alone is as often a score
        if match[3] == "M":
            continue  # `lag 峰值 1.2M 条`: a capital M counts millions; minutes are `m`
        if text[max(0, match.start(2) - 1) : match.start(2)] in _CURRENCY:
            continue  # `£1.4m`, `$2m` is money
        # `挂了40分钟`, `断了 22 个小时`: what happened, for how long
        cued = bool(_DURATION_CUE.match(match[0].strip())) or match[0].lstrip().startswith("了")
        if unit[0] in "s秒天d" and not cued:
            continue
        hedged = _HEDGED.match(match[0])  # "服务异常约20分钟": the hedge sets it off
        glued = not match[0][:1].isspace() and text[max(0, match.start() - 1) : match.start()].isalnum()
        if not cued and not hedged and glued:  # `v2 3min` is a name, `a 35-minute outage` a duration
            continue
        count = float(match[2]) if match[2][0].isdigit() else float(small_number(match[2]))
        if not count or (match[2].lower() in ("a", "an") and not unit.startswith(("h", "d", "小", "天"))):
            continue  # `a minute` is a manner of speaking; `an hour`, `a day` are durations
        minutes = count * _UNIT_MINUTES.get(unit[0], 1.0) + float(match[1] or 0) * 60
        return match.start(2), match[0].strip(), round(minutes, 2)
    return None


def clock_range(text: str) -> tuple[str | None, float | None]:
    """`09:12–09:59`, `from 19:40 to 20:15`: the span as written and its length in minutes."""
    match = _CLOCK_RANGE.search(text)
    if not match:
        return None, None
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4])
    minutes = (end - start) % 1440
    return (match[0], float(minutes)) if 0 < minutes <= 720 else (None, None)


def field(name: str, text: str) -> str | None:
    match = _FIELDS[name].search(text)
    return match[1].strip(" ，,") if match else None


def impact_of(text: str) -> str | None:
    """An incident's impact: its labelled field, a sentence saying what it affected, or who was hit,
    counted (`3,412 家商家收到…`, `1,184 台下载失败`)."""
    return field("impact", text) or free(IMPACT_FREE, text) or free(COUNTED_IMPACT, text)


def free(pattern: re.Pattern[str], text: str, group: int = 0) -> str | None:
    match = pattern.search(text)
    if not match:
        return None
    value = match[group] if group == 0 else next((g for g in match.groups() if g), None)
    return value.strip(" ，,") if value else None
