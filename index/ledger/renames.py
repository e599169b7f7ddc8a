"""Renames and abbreviations a report announces in prose: one project under two names.

`“用户画像中台迁移”项目…正式更名为“用户特征平台”…以后简称UFP`, `潮汐（原“在离线混部”）`,
`GW-Lite（原名 Gateway Mini）`, `Invite & Earn (formerly Referral Program v2)`,
`MOB-430 is now called "Push v2"`, `renamed from "Language reference spec draft" to "…"`,
`催收评分卡重建（以下简称“C卡2.0”）`, `X 现在改叫 Y 了`, `X 的新名字叫 Y`, under a heading `Renamed from
"Public API v3"`, and a rename told of "it": `"The X connector" was confusing, so we're calling it
Ledger now`, `Driver app redesign: product has officially named it "Copilot 2"`. Each
becomes a `Rename` the identity uses to link the names across weeks; the quote is the line.
Quoted names are taken whole; an unquoted one is the run of name characters next to the cue.
"""

from __future__ import annotations

import re

from index.ledger.evidence import cite
from index.ledger.mentions import clean_name, line_text, valid_name
from index.ledger.signals import field_status
from index.models import Report
from index.schemas import Rename
from index.text.timeexpr import ANY_DAY, MONTH_PATTERN, find_dates

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,60})[”\"」』]")
_VERB = re.compile(
    # (`「终端远程升级平台」自本期起正式定名 **天枢**`: the project gets its official name)
    # (`「智能定损 2.0」对外产品名定为 **AI 定损**`: its name set to the new one, w55-c)
    r"正式更名为|更名为|改名为|改名|改称为|改称|更名|正式定名为?|定名为|正式命名为|(?:产品|项目)?(?:名称|名字|名)(?:正式)?定为|\brenamed\s+to\b|\bis\s+now\s+(?:called|named)\b|"
    r"\bnow\s+called\b|\bis\s+renamed\b|\bwas\s+renamed\s+to\b|"
    # "the Broker Portal Refresh will be called Broker Hub from now on", "X has a new name: it's now
    # \"Coldmere Patterns\"". Written from pmo-rag-prose-en and weeknotes-blog-en.
    # The new name is quoted or capitalised: "will be called monthly" names no project.
    # (`"TCU5 delta updates" is called **DeltaFlash** from now on`)
    r"(?:\bwill\s+(?:now\s+)?be\s+(?:called|named|known\s+as)|\bis\s+now\s+known\s+as|"
    r"\bis\s+(?:called|named)(?=[^.。\n]{2,60}\b(?:from\s+now\s+on|going\s+forward|henceforth)\b)|"
    # "The ingress migration is officially **Project Turnstile** now" (devrel-newsletter-en)
    r"\bis\s+(?:now\s+)?officially(?:\s+(?:called|named|known\s+as))?|"
    r"\b(?:has|got|gets)\s+a\s+(?:new|real|proper|official)\s+name(?:\s+now)?"
    r"(?:\s*[:：,]\s*(?:(?:it['’]s|it\s+is)\s+(?:now\s+)?)?|\s+of\b)?)"
    r"(?=\s*(?:[*_]{1,2})?(?:[“\"]|(?-i:[A-Z0-9])))|"
    # "X 现在改叫 Y 了", "X 以后就叫 Y", "X 的新名字叫 Y": the colloquial Chinese rename.
    r"(?:现在|以后|今后|从此|往后)(?:就|都)?(?:改叫|改称|叫做|叫(?![停上醒]))|的?新名字(?:叫做|叫|是|为)|"
    # "从本期起 KYC Pipeline v2 简称 KPv2": the short name the reports use from now on
    r"(?<![以下文后面续今之])简称(?:为|改为)?(?=\s*[“\"A-Za-z0-9\u4e00-\u9fff])",
    re.I,
)
# "we're calling it Ledger now", "product has officially named it \"Copilot 2\"": the old name is the
# line's subject (its lead before a colon) or the quoted name before the cue. A new name must be
# quoted or capitalised: "we're now calling it delayed" names a status, not a project.
_IT_NAMED = re.compile(
    r"\b(?:(?:are|is|'re|'s)\s+(?:now\s+)?calling|(?:will|'ll)\s+call|(?:officially\s+)?(?:re)?named|"
    r"rebranded|christened|dubbed)\s+it\s+(?=[“\"0-9]|(?-i:[A-Z]))",
    re.I,
)
_LEAD = re.compile(r"^\s*(?:[-*•]\s*)?(?:\*\*)?([^:：.。*]{2,60}?)(?:\*\*)?\s*[:：]")
_ARTICLE = re.compile(r"^(?:the|our|a|an)\s+", re.I)
# "renamed from \"X\"" is `_RENAMED_FROM`'s: "from" is never the old name.
# "the client has started calling the relaunch \"Summit\"": the team's new name for it, quoted.
_CHRISTENED = re.compile(
    r"\b(?:christened|dubbed|rebranded|renamed|calling)\s+(?!from\b|it\b)(?:the\s+)?([\w .&/-]{2,40}?)\s+(?:as\s+|to\s+)?[“\"]([^”\"]{2,40})[”\"]",
    re.I,
)
_RENAMED_FROM = re.compile(
    r"\brenamed\s+from\s+[“\"]([^”\"]{2,60})[”\"](?:\s+to\s+[“\"]([^”\"]{2,60})[”\"])?", re.I
)
_FORMERLY = re.compile(
    # (`(was Onboarding Quiz v2)`: a bare `was` before a name, not a state or a day: `_names`)
    # (`DeltaFlash (ex TCU5 delta updates)`: the Latin "ex", as German and British writers use it)
    r"[（(]\s*(?:原名|原来叫|前称|旧称|曾用名|原|formerly|previously|n[ée]e|ex(?:-|\.?\s+)|was\s*:|was(?=\s+[A-Z]))\s*[“\"]?([^”\"（()）]{2,40}?)[”\"]?\s*[）)]",
    re.I,
)
# "CH 项目（就是驰衡合作项目，对方内部都这么叫）", "Kiln (aka the feature store migration)": a
# second name of the same project, glossed in passing.
_SAME_AS = re.compile(
    r"[（(]\s*(?:就是|也就是|即|又称|也叫|亦称|aka|a\.k\.a\.)\s*[“\"]?([^”\"，,（()）]{2,40}?)[”\"]?\s*[，,）)]",
    re.I,
)
_SHORT_FOR = re.compile(
    r"[（(]\s*(?:以下|下文|后面|后文|下面|后续)简称\s*[“\"]?([^”\"，,（()）]{2,20}?)[”\"]?\s*[，,）)]"
)
# "The Policy Administration Replacement programme (PAR from here on, as several of you have asked)",
# "(hereafter PAR)": the short name the writer will use, as 以下简称 says. Written from pmo-rag-prose-en.
_SHORT_FOR_EN = re.compile(
    r"[（(]\s*(?:(?:hereafter|hereinafter|henceforth)\s+[“\"]?([^”\"，,（()）]{2,20}?)[”\"]?\s*[，,）)]|"
    r"[“\"]?([A-Za-z0-9][^”\"，,（()）\s]{1,20})[”\"]?\s+(?:from here on|from now on|for short|going forward)\b)",
    re.I,
)
# Japanese puts the new name before its verb: `[同時配信90分SLA] は今週から社内呼称を [疾風] (Hayate)
# に変えます`, `「X」を「Y」に改名`; a wiki's link brackets or corner quotes around either.
_JA_RENAMED = re.compile(
    r"[\[「『]([^\]」』\n]{2,40})[\]」』]\s*(?:は|を)[^。\n]{0,20}?(?:(?:社内)?(?:呼称|名称|名前|呼び名)を)?\s*"
    r"[\[「『]([^\]」』\n]{1,30})[\]」』]\s*(?:[(（][^)）\n]{1,30}[)）]\s*)?に(?:変え|変更|改め|改名|改称)(?!なし|せず|しな|ませ|ない)"
)
_LATER_SHORT = re.compile(r"(?:以后|今后|之后)简称\s*[“\"]?([A-Za-z0-9\u4e00-\u9fff-]{2,20})")
# A name written without quotes: letters, digits, Han characters, and joiners inside it.
_CHARS = r"(?:[\w\u4e00-\u9fff&/+-]|\.(?=\d))"
_NAME_BEFORE = re.compile(rf"([A-Za-z0-9\u4e00-\u9fff]{_CHARS}*(?:[ ]{_CHARS}+){{0,5}})\s*$")
_NAME_AFTER = re.compile(rf"^\s*([A-Za-z0-9\u4e00-\u9fff]{_CHARS}*(?:[ ](?:[A-Z0-9]|v\d){_CHARS}*){{0,4}})")
_BOLD_NAME = re.compile(r"\s*(\*\*|__)([^*_\n]{2,40}?)\1")
_QUANTITY = re.compile(r"\d\s*(?:天|周|个|人|小时|分钟|%|h\b|min|days?\b|weeks?\b)", re.I)
# A period or a plan's step written where a name could be: `(was May)`, `(was Sprint 14)`, `(was v4.12)`.
_PERIOD = re.compile(
    rf"^(?:{MONTH_PATTERN})\.?(?:\s+\d{{1,4}})?$|^(?:sprint|cycle|iteration|release|version|fy|wk|week)\s*[-#]?\s*\d|"
    r"^v\d|^[qh][1-4]\b",
    re.I,
)
_NOT_A_NAME = re.compile(r"^(?:项目|本周|the\s+\w+\s+project|it|this|that|我们|它|the project)$", re.I)
# "We renamed this goal because \"typed templates\" kept…": a phrase opened by a pointing word is
# the thing the line is about, never a name.
_POINTING = re.compile(r"^(?:this|that|these|those|its?|our|their)\s", re.I)


# "原 hx-sync 项目更名为…": the old name's own "former" marker is not part of it.
_FORMER_MARK = re.compile(r"^原(?:\s+|(?=[A-Za-z]))")


# "从本期起 KYC Pipeline v2 …": when the new name holds from opens the clause, before the old name.
_SINCE_NOW = re.compile(r"^(?:[自从]?(?:本|下)[周期月]起|从现在起|即日起)\s*")


def _before(text: str, end: int) -> str | None:
    quoted = [m for m in _QUOTED.finditer(text, 0, end)]
    if quoted:
        return quoted[-1][1]
    match = _NAME_BEFORE.search(
        # "Pocket Mode (now called …)": the cue may open a parenthesis after the name
        re.sub(r"(?:项目|工程)?\s*(?:[自从]?本[周期]起)?\s*(?:正式)?\s*[（(]?\s*$", "", text[:end])
    )
    return _FORMER_MARK.sub("", _SINCE_NOW.sub("", match[1])) if match else None


def _after(text: str, start: int) -> str | None:
    quoted = _QUOTED.match(text, start) or _QUOTED.match(
        text, start + (len(text[start:]) - len(text[start:].lstrip()))
    )
    if quoted:
        return quoted[1]
    bold = _BOLD_NAME.match(text, start)
    if bold:
        return bold[2].strip()  # "定为 **AI 定损**": the bold run is the name, its words whole
    match = _NAME_AFTER.match(re.sub(r"^\s*[*_]+", "", text[start:]))  # "now called **Travel Kit**"
    return match[1] if match else None


def rename_pairs(text: str, heading: str = "") -> list[tuple[str, str]]:
    """(old, new) for every rename or short name one line of text announces; `heading` is the
    title of the section it stands under (a bare "Renamed from \"X\"" names that heading's project)."""
    found: list[tuple[str, str]] = []
    for match in _VERB.finditer(text):
        old, new = _before(text, match.start()), _after(text, match.end())
        if old and new:
            found.append((_ARTICLE.sub("", old.strip()), new))
    for match in _IT_NAMED.finditer(text):
        quoted = [m for m in _QUOTED.finditer(text, 0, match.start())]
        lead = _LEAD.match(text[: match.start()])
        old = quoted[-1][1] if quoted else lead[1] if lead else None
        new = _after(text, match.end())
        if old and new:
            found.append((_ARTICLE.sub("", old.strip()), new))
    for match in _CHRISTENED.finditer(text):
        found.append((match[1], match[2]))
    for match in _RENAMED_FROM.finditer(text):
        # Not under a status heading ("In Progress" cleans to "In", which would pass as a name).
        if match[2] or (heading and valid_name(heading.strip()) and valid_name(clean_name(heading))):
            found.append((match[1], match[2] or heading))
    for pattern in (_FORMERLY, _SAME_AS, _SHORT_FOR):
        for match in pattern.finditer(text):
            # A gloss follows the whole name ("CH 项目（就是…）"): 项目 is part of it there.
            plain = _NAME_BEFORE.search(text[: match.start()]) if pattern is _SAME_AS else None
            name = plain[1] if plain else _before(text, match.start())
            if name:
                found.append((name, match[1]) if pattern is _SHORT_FOR else (match[1], name))
                old = re.split(r"[,，;；]", match[1])[0].strip()
                if pattern is _FORMERLY and old != match[1].strip() and len(old) >= 2:
                    # `(was: CMS Migration, Ledger -> Meridian)`: the old name, then a gloss of it
                    found.append((old, name))
    for match in _JA_RENAMED.finditer(text):
        found.append((match[1], match[2]))
    for match in _SHORT_FOR_EN.finditer(text):
        name = _before(text, match.start())
        if name:
            found.append((name, match[1] or match[2]))
    later = _LATER_SHORT.search(text)
    if later and found:
        found.append((found[-1][1], later[1]))
    return [(clean_name(old), clean_name(new)) for old, new in found if _names(old, new)]


def _names(old: str, new: str) -> bool:
    """Two different names; neither a pronoun, a quantity ("15 天") nor a date ("8月底")."""
    pair = (clean_name(old), clean_name(new))
    return (
        pair[0] != pair[1]
        and all(len(name) >= 2 and not _NOT_A_NAME.match(name) and not _POINTING.match(name) for name in pair)
        # (nor a state or a period: `(was Amber)`, `(was Sprint 14)`)
        and not any(
            _QUANTITY.search(name) or find_dates(name, ANY_DAY) or _PERIOD.match(name) or field_status(name)
            for name in pair
        )
    )


def extract_renames(report: Report) -> list[Rename]:
    """Every rename the report's lines announce, headings included (`### KR2.2 潮汐（原“在离线混部”）`)."""
    out: list[Rename] = []
    for section in report.all_sections():
        own = [(section.start, report.line_text(section.start, section.start))] if section.start else []
        for number, raw in [*own, *section.lines]:
            text = line_text(raw).lstrip("#").strip()
            for old, new in dict.fromkeys(rename_pairs(text, section.title)):
                out.append(
                    Rename(
                        old=old,
                        new=new,
                        report=report.source,
                        week=report.week,
                        date=report.date,
                        evidence=cite(report, section.path_text, number, number, text),
                    )
                )
    return out
