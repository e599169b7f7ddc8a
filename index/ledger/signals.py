"""Status words, progress figures, owners and field labels in one line of report text (zh and en).

Rules, not a model: the ledger must be deterministic and cheap. Each finder returns spans so the
caller can cite the exact clause. A negated status (`未延期`, `not blocked`, `no longer at risk`)
is not that status; a percentage named as a metric (`成功率99.9%`, `error budget 40%`) is not progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.schemas import ProjectStatus
from index.text.cjk import HAN
from index.text.normalise import nfkc
from index.text.numerals import EN_NUMBERS

_COLOUR = (
    r"\b(?:gone|going|goes|went|turned|turning|moved|moving|move|now|still|stays|remains)\s+"
    r"(?:(?:the|this|that|it|project|to|back|now|still)\s+){0,3}"
)
# Said of the sentence's subject: "X is green", "X is also green", "back to green"; a judgement
# the writer makes: "I'd call the connector wobbly", "calling it amber", "downgrading SOC 2 to
# wobbly", "keeping it at wobbly"; a label's value or a sentence of its own: "X: green.", "Green."
_RAG_SAID = (
    r"\b(?:is|are)\s+(?:also\s+|now\s+|still\s+|back\s+)?(?:at\s+)?|\bback\s+to\s+|"
    r"\b(?:call|calling|called|mark|marking|marked|rate|rating|flag|flagging|downgrad(?:e|ed|ing)|"
    r"upgrad(?:e|ed|ing)|keep|keeping)\s+(?:[^\s,;:.]+\s+){1,4}?(?:to\s+|at\s+|as\s+)?"
)
_RAG_ALONE = r"(?:^|(?<=[.!?]\s))\W{0,3}|(?<=\w)\*{0,2}:\*{0,2}\s+"
_RAG_WORD = re.compile(r"\b(?:red|amber|yellow|wobbly|shaky|green)\b", re.I)
# "the mapping tests went red", "the build is green": a build's, a check's or a chart's colour.
_NOT_A_RAG = re.compile(
    r"\b(?:tests?|builds?|ci|checks?|suites?|charts?|graphs?|lights?|alerts?|monitors?|"
    r"lines?|cells?|rows?|boxes|buttons?|pr|prs)\b(?:\s+[\w'-]+){0,3}\s+$",
    re.I,
)


def _rag(colour: str) -> str:
    """A RAG colour (red/amber/green, or its informal at-risk words) given as a project's state;
    on its own ("Green.", "X: green, 9 of 22") only when nothing but punctuation follows."""
    return (
        rf"(?:{_COLOUR}|{_RAG_SAID}){colour}\b(?![-\w])|"
        rf"(?:{_RAG_ALONE}){colour}(?=\s*(?:[.,;!—–]|$))"
    )


# Order matters: compound phrases first, and a span claimed by one status is closed to the next
# ("延期风险" is at risk, not delayed).
_STATUS_RULES: tuple[tuple[ProjectStatus, str], ...] = (
    (
        "at_risk",
        r"(?:延期|延误|交付|进度|上线|排期)风险|(?:有|存在|面临|较大|较高|高)[^，,。;；]{0,4}?风险"
        r"(?!数据|指标|控制|管理|评估|识别|排查|治理|模型|策略)|风险(?:较大|较高|很高|高|大)|黄灯|"
        r"\bat[- ]risk\b|\brisk of (?:delay|slip\w*)\b|🟡",
    ),
    (
        "cancelled",
        r"已取消|(?:项目|需求|计划|立项)(?:已|被)?取消|取消(?:立项|该项目|项目)|已终止|终止(?:推进|项目)|"
        r"不再推进|砍掉|正式取消|\bdescoped\b|\bkilled\b|"
        # "races between teardown and cancelled requests": a cancelled thing the project handles.
        r"\bcancell?ed\b(?!\s+(?:requests?|orders?|jobs?|tasks?|flights?|meetings?|calls?|bookings?|"
        r"subscriptions?|transactions?|connections?|builds?|runs?|reservations?|payments?|queries|sessions?|"
        r"events?|uploads?|downloads?|streams?)\b)",
    ),
    ("paused", r"暂停(?!服务|交易|支付|使用|对外|入金|出金|功能)|搁置|挂起|\bpaused\b|\bon[- ]hold\b|⏸"),
    (
        "launched",
        r"(?:已|成功|顺利|正式|全量|完成)上线(?!前|准备|方案|计划|评审|验证|演练|流程|申请)|上线(?:完成|成功)|"
        r"(?<!确保)(?<!计划)(?<!争取)(?<!能否)(?<!预计)(?<!未能)(?<!无法)(?<![能要将会])(?:准时|如期)上线(?![前了吗])|"
        r"(?:已|成功|顺利|正式)发布(?!会|前|计划|方案|说明|窗口)|发布完成|已投产|(?:已|成功|顺利)发版(?!前|计划|窗口)|"
        # "9月2号全量了", "今天上午上线了🎉": a time, then the release verb and 了: it happened. Without
        # the time it is as often another thing's ("连接池拆分已经上线了") or still ahead ("快上线了").
        r"(?<=[日号天午晚周一二三四五六\d)）])\s*(?:全量上线|全量|上线)了(?![吗么吧])|"
        # "周四（9/18）上了": the bare 上 of chat, only as the clause's last word
        r"(?<=[日号天午晚周一二三四五六\d)）])\s*上了(?![\u4e00-\u9fffA-Za-z0-9])|"
        # a rollout finished everywhere: "全部门店都切完了", "用户都迁完了"
        r"(?:全部|都|全都)\S{0,4}?(?:切完|切换完成|迁完|迁移完成)了(?![吗么吧])|投产完成|已全量|(?:已(?:按计划|如期|按期)?|成功|顺利|正式)量产(?!前|准备|计划|评审|节点|时间)|量产完成|\b(?:entered|started|began|in)\s+mass production\b|\blaunched\b(?!\s+(?:the\s+|a\s+)?(?:beta|pilot|canary|preview))|"
        # "Tallyo fix shipped Fri → unblocked": a fix that unblocks the project is not its release.
        r"(?<!\bfix )(?<!\bfixes )(?<!\bpatch )(?<!\bhotfix )\bshipped\b|\bwent live\b|\b(?:is|now) live\b|\bgenerally available\b|\bwent out to\b|"
        r"\b(?:went|is now|now|reached|hit)\s+GA\b|"
        r"\brolled out to (?:all|100%|every)",
    ),
    # Done only when the project's own text opens with it (`X：已完成`): `规则迁移全部完成` is a sub-task.
    (
        "done",
        r"^\W{0,5}(?:已|全部|顺利|圆满)?完成(?=$|[。；;，,.!！)）])|^\W{0,5}(?:done|completed?|finished)\b|^\W{0,3}✅|"
        # "（标定平台）终于搭完了！": finally finished, said of the line's subject as a sentence of its own.
        r"^\W{0,5}(?:终于|总算)(?:都)?(?:搭|做|写|建|弄|搞|装|开发|迁)?完(?:成)?了(?=\s*(?:$|[。!！]))",
    ),
    ("done", r"项目(?:已|顺利)?完成|已结项|结项|验收(?:通过|完成)"),
    ("done", r"^\W{0,3}(?:is|are|was|has been|now)\s+(?:done|complete|completed|finished)\b"),
    # The writer's verdict on the whole project: "We're calling the data-lake cost project done".
    (
        "done",
        r"(?:\bcalling|\bdeclaring|\bdeclared|\b(?:we|i)(?:'d|'ll|\s+would|\s+will)?\s+(?:call|declare))\s+"
        r"(?:[^\s,;:.]+\s+){1,5}?(?:as\s+)?"
        r"(?:done|complete|completed|finished)\b",
    ),
    ("blocked", r"受阻|阻塞|卡住|\bblocked\b|⛔|\b(?:is|are|now)\s+blocking\s+(?:us|the|our)\b"),
    # A colour said in prose ("moving the project to red", "has gone amber", "is still red", "I'd
    # call it amber", "Dashboard v2: green."); a build's or a dashboard's colour is not (`_NOT_A_RAG`).
    ("off_track", _rag(r"red")),
    ("at_risk", _rag(r"(?:amber|yellow|wobbly|shaky)")),
    ("on_track", _rag(r"green")),
    (
        "off_track",
        r"延期|推迟|延后|顺延|延误|滞后|\boff[- ]track\b|\bdelayed\b|\bbehind schedule\b|\bslipp(?:ed|ing)\b|"
        r"\bpushed (?:out|back)\b|🔴",
    ),
    (
        "on_track",
        r"按计划|按期|按节奏|正常推进|进展顺利|(?:状态|进展)\s*[:：]?\s*(?:正常|绿灯?)|(?<=[，,])\s*正常(?=\s*(?:[。；;]|$))|"
        # "推进正常", "进度正常", "目前正常", "那边正常": the work's pace said to be normal.
        r"(?:推进|进度|整体|目前|那边|这边|一切)\s*(?:都|也|还|仍|依然|基本)?\s*正常(?![化值范])|"
        r"\bon[- ]track\b|\bon schedule\b|🟢",
    ),
    ("in_progress", r"进行中|推进中|开发中|联调中|测试中|\bin progress\b|\bongoing\b|\bWIP\b"),
)
_STATUS = tuple((status, re.compile(pattern, re.I)) for status, pattern in _STATUS_RULES)
_NEGATED_BEFORE = re.compile(
    r"(?:未|不|没有?|无|非|尚未|并未|不会|不再|避免|防止|以免|排除)\s*(?:再|会|需|被|有|出现)?\s*$|"
    r"\b(?:not|no longer|never|isn't|aren't|wasn't|no|without|nothing|\w+n['’]t)\s+(?:been\s+|be\s+|yet\s+|an?\s+)?$",
    re.I,
)
_NEGATED_AFTER = re.compile(
    r"^\s*(?:已|已经)?(?:解除|消除|关闭|排除)|^\s*(?:cleared|resolved|removed|lifted)\b", re.I
)

# A pause or cancellation announced for later ("下期起先暂停", "will be paused from next week") is
# not the project's state yet: it still counts as running until a report says it stopped.
_LATER_BEFORE = re.compile(
    r"(?:下(?:期|周|个?月|阶段|季度|迭代)|从下\S{0,3}|明天)(?:起|开始)\s*(?:先|会|将)?\s*$|"
    r"(?:将|将会|计划|准备|打算|拟)\s*$|\b(?:will be|to be|would be|plan to|planning to|going to)\s*$",
    re.I,
)
# A status field's value is trusted as a whole, including colours that prose would not justify.
_FIELD_STATUS: dict[str, ProjectStatus] = {
    "green": "on_track", "绿": "on_track", "绿灯": "on_track", "正常": "on_track", "按计划": "on_track",
    "yellow": "at_risk", "amber": "at_risk", "黄": "at_risk", "黄灯": "at_risk", "风险": "at_risk",
    "有风险": "at_risk", "red": "off_track", "红": "off_track", "红灯": "off_track", "完成": "done",
    "已完成": "done", "complete": "done", "上线": "launched", "已上线": "launched", "live": "launched",
    "ga": "launched", "取消": "cancelled", "暂停": "paused", "进行中": "in_progress",
    "will not complete": "off_track", "won't complete": "off_track", "not going to complete": "off_track",
    "missed": "off_track", "not started": "in_progress", "未开始": "in_progress", "planning": "in_progress",
}  # fmt: skip

RANK: dict[ProjectStatus, int] = {"on_track": 0, "at_risk": 1, "off_track": 2, "blocked": 2}
LIFECYCLE: tuple[ProjectStatus, ...] = ("cancelled", "paused", "launched", "done")
FINISHED: frozenset[ProjectStatus] = frozenset({"launched", "done"})
STOPPED: frozenset[ProjectStatus] = frozenset({"paused", "cancelled"})


@dataclass(frozen=True)
class Span:
    """A value found in text and the span it was read from."""

    value: object
    start: int
    end: int
    text: str


def find_statuses(text: str) -> list[Span]:
    """Non-negated status words in text order; `Span.value` is a `ProjectStatus`."""
    return list(_find_statuses(text))


# A line is read for its statuses by the schedule prefilter, the observation and the field
# readers in turn; the answer depends on the text alone.
@lru_cache(maxsize=8192)
def _find_statuses(text: str) -> tuple[Span, ...]:
    taken = [False] * len(text)
    hits: list[Span] = []
    for status, pattern in _STATUS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            for index in range(start, end):
                taken[index] = True
            if _NEGATED_BEFORE.search(text[max(0, start - 12) : start]) or _NEGATED_AFTER.match(text[end:]):
                continue
            if _RAG_WORD.search(match[0]) and _NOT_A_RAG.search(text[max(0, start - 32) : start]):
                continue
            if status in STOPPED and _LATER_BEFORE.search(text[max(0, start - 12) : start]):
                continue
            hits.append(Span(status, start, end, match[0]))
    return tuple(sorted(hits, key=lambda hit: hit.start))


def field_status(value: str) -> ProjectStatus | None:
    """A status field's value ('At risk', '🟡 黄灯', 'Done (May 7)') as a status."""
    cleaned = re.sub(r"[(（].*?[)）]", "", value).strip(" .。*_`").lower().replace("’", "'")
    if cleaned in _FIELD_STATUS:
        return _FIELD_STATUS[cleaned]
    hits = find_statuses(value)
    if hits:
        return hits[0].value  # type: ignore[return-value]
    first = re.split(r"[\s,，;；/—-]+", cleaned, maxsplit=1)[0]
    return _FIELD_STATUS.get(first)


def worst_status(statuses: list[ProjectStatus]) -> ProjectStatus | None:
    """Lifecycle states win over schedule health; among health words the worst wins."""
    for status in LIFECYCLE:
        if status in statuses:
            return status
    ranked = [s for s in statuses if s in RANK]
    if ranked:
        return max(ranked, key=lambda s: (RANK[s], s == "blocked"))
    return "in_progress" if "in_progress" in statuses else None


# --- progress ---------------------------------------------------------------------------------

_PCT = r"(\d{1,3}(?:\.\d+)?)\s*%"
_PROGRESS_CUED = (
    re.compile(
        r"(?:进度|完成度|完成比例|完成|progress|completion)\s*"
        r"(?:(?:仍为|仍然|仍|还是|依然|还在|只有|大概|大约|差不多|约|为|达到?|已达|已|到|停在|保持|:|：|at|is|of|~|≈)\s*){0,2}"
        + _PCT,
        re.I,
    ),
    re.compile(_PCT + r"\s*(?:complete[d]?|done|finished|完成|进度)", re.I),
    re.compile(r"%\s*(?:complete[d]?|done)\s*[:：]?\s*(\d{1,3})(?!\d)", re.I),
)
# "Stock sync is at about 60% of stores", "is still around 60%": a share stated of the sentence's
# subject, unless the clause names a metric ("adoption is at 71%").
_PROGRESS_PROSE = re.compile(
    r"(?:\b(?:is|are|now|still)|(?<=\w)['’]re)\s+(?:(?:now|still)\s+)?"
    r"(?:at\s+(?:about|around|roughly|approximately|nearly|almost|~)?|about|around|roughly|approximately|nearly|almost)"
    r"\s*" + _PCT + "|"
    # A rollout's reach: "agent on 70% of the build fleet", "live across 60% of stores".
    r"\b(?:on|across)\s+(?:about\s+|around\s+|~)?" + _PCT + r"(?=\s+of\b)",
    re.I,
)
_PROSE_METRIC = re.compile(
    r"adoption|conversion|coverage|usage|traffic|utili[sz]ation|accuracy|recall|precision|\bctr\b|retention|"
    r"timeout|fail|crash|drop",
    re.I,
)
_AS_OF = re.compile(r"\s*(?:as of|since)\b", re.I)
_BARE_PCT = re.compile(r"(?<![\d.])" + _PCT)
_METRIC_CUE = re.compile(
    r"率|可用性|占比|覆盖|命中|转化|利用|同比|环比|提升|下降|降低|增长|减少|节省|预算|毛利|份额|"
    r"budget|availability|uptime|rate|sla|slo|p\d{2}|latency|error|cpu|memory|disk|share|"
    r"increase|decrease|reduc|drop|\bup\b|\bdown\b|\bby\b|\bto\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"[，。；;！!？?]|(?<!\d),|,(?!\d)|\s[—–-]\s")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause (between commas, semicolons, full stops) that holds start..end."""
    left = 0
    for match in _CLAUSE_SPLIT.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            return left, match.start()
    return left, len(text)


# Progress written as a fraction or in words: `进度 3/5`, `11/15 issues done`, `12 of 23 controls
# evidenced`, `进度 六成`, `一半`, `基本完成`, `half done`. A fraction needs a progress word beside
# it (`3/5` alone is a date), and becomes a percentage so equal values compare across notations.
_FRACTION_CUED = (
    re.compile(
        r"(?:进度|完成度|progress|tasks?|任务)\s*[:：]?\s*(?:约|~)?\s*(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])",
        re.I,
    ),
    re.compile(
        r"(?<![\d/.])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])\s*(?:[A-Za-z\u4e00-\u9fff]{1,12}\s*)?"
        r"(?:done|complete[d]?|finished|closed|merged|migrated|ported|converted|onboarded|enrolled|"
        r"完成|已完成|已迁移|已上线)",
        re.I,
    ),
    re.compile(
        r"(?<![\d.])(\d{1,4})\s+of\s+(\d{1,4})\s+(?:[A-Za-z-]+\s+){0,2}?"
        r"(?:done|complete[d]?|finished|closed|evidenced|migrated|ported|converted|onboarded|enrolled|shipped|"
        r"checked|ticked|merged)",
        re.I,
    ),
)
_EN_COUNT = "|".join(sorted((w for w in EN_NUMBERS if len(w) > 2), key=len, reverse=True))
# Counted work in words or after "at": "Three of the five steps are already automated", "Still
# three of five steps automated", "Still at 3/5" (a share, not March 5, after "still at").
_FRACTION_WORDS = (
    re.compile(
        rf"\b(\d{{1,3}}|{_EN_COUNT})\s+of\s+(?:the\s+)?(\d{{1,3}}|{_EN_COUNT})\s+(?:[A-Za-z-]+\s+){{0,3}}?"
        r"(?:are\s+|is\s+)?(?:already\s+|now\s+)?(?:automated|fixed|resolved|done|complete[d]?|finished|migrated|ported)\b",
        re.I,
    ),
    re.compile(r"\b(?:still|now|we(?:'|’)re)\s+at\s+(\d{1,3})\s*/\s*(\d{1,3})(?![\d/])", re.I),
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else EN_NUMBERS[word.lower()]


_WORD_PROGRESS = re.compile(
    r"(?:进度|完成度|progress)\s*[:：]?\s*(?:还在|还是|仍是|仍在|已到|到了|已经)?\s*(?:大概|差不多|约)?\s*"
    r"(?P<zh>一半|过半|大半|[一二三四五六七八九]成|基本完成|全部完成|已完成|完成)|"
    # "整体八成吧", "库存预警 六成了", "还是六成": N成 closing its clause is a share of the work done;
    # "八成是缓存问题" (most likely) and "三成用户" (a share of something) go on and are not.
    r"(?P<bare>(?<![\d一二三四五六七八九十])[一二三四五六七八九]成)(?=\s*(?:了|吧|啦|左右|多)?\s*(?:$|[，。；;,.!！?？]|\s|[^\w\s]))|"
    r"(?P<en>half(?:way)?\s+(?:done|complete|there))",
    re.I,
)
_WORD_VALUES = {
    "一半": 50,
    "过半": 50,
    "大半": 70,
    "基本完成": 90,
    "全部完成": 100,
    "已完成": 100,
    "完成": 100,
}


def _word_value(match: re.Match[str]) -> int:
    word = match["zh"] or match["bare"] or ""
    if match["en"]:
        return 50
    if word.endswith("成") and len(word) == 2 and word[0] != "完":
        return "一二三四五六七八九".index(word[0]) * 10 + 10
    return _WORD_VALUES.get(word, 0)


_VERB_NEXT = re.compile(
    r"\s*(?:已|完成|上线|发布|投产|交付|done|complete|finished|closed|merged|migrated|launched|shipped|released)",
    re.I,
)


# A label naming the things a fraction counts (`Issues: 6/12 closed`, `任务：3/5 完成`).
_COUNTED_LABEL = re.compile(
    r"(?:issues?|tasks?|stories|story points|tickets?|items?|sub-?tasks?|checks?|steps?|"
    r"任务|子任务|需求|用例|工单|事项)\s*[:：]\s*$",
    re.I,
)


# Work done counted after its verb: "已迁移规则 48/130", "规则迁移还停在 71/130", "推进到 119/130".
# A pair that could be a month and day ("迁移推到9/15") is left to the date reader.
_FRACTION_AFTER_WORK = re.compile(
    r"(?:迁移|迁完|完成|推进|合并|合入|修复|接入|改造|搬迁|落地)[^，。,;；！!？?\d]{0,8}?"
    r"(?<![\d/.])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/])"
)


def _date_not_share(match: re.Match[str], text: str) -> bool:
    """`12/24已上线`, `11/21上线完成` is the day something went live, not 12 of 24 done: a
    month/day pair with nothing counted between it and the verb (`3/5 个服务已迁移` counts
    services). Found beside
    meeting-minutes-fintech's launch rule, in the bundled zh example."""
    if match.re is not _FRACTION_CUED[1]:
        return False
    if _COUNTED_LABEL.search(text, 0, match.start()):
        return False  # `Issues: 6/12 closed`: the label says what is counted
    month, day = int(match[1]), int(match[2])
    return 1 <= month <= 12 and 1 <= day <= 31 and _VERB_NEXT.match(text, match.end(2)) is not None


def _measured(number: str) -> bool:
    """`4.51%` is a measurement (a rate, a share of traffic), not a share of work done: progress
    is told in whole or half percents. Written from terse-bullets-ml ("CTR 4.51%" beside no name)."""
    return len(number.partition(".")[2]) >= 2


def find_progress(text: str, allow_bare: bool) -> list[Span]:
    """Progress percentages; a bare `60%` counts only when `allow_bare` and nothing names it a metric."""
    return list(_find_progress(text, allow_bare))


@lru_cache(maxsize=8192)
def _find_progress(text: str, allow_bare: bool) -> tuple[Span, ...]:
    taken = [False] * len(text)
    hits: list[Span] = []
    for pattern in _FRACTION_CUED:
        for match in pattern.finditer(text):
            done, total = int(match[1]), int(match[2])
            if total < 2 or done > total or any(taken[match.start() : match.end()]):
                continue
            if _date_not_share(match, text):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(round(100 * done / total), match.start(), match.end(), match[0]))
    for match in _FRACTION_AFTER_WORK.finditer(text):
        done, total = int(match[1]), int(match[2])
        start, end = match.span(1)[0], match.end(2)
        month_day = 1 <= done <= 12 and 1 <= total <= 31
        if total < 2 or done > total or month_day or any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        hits.append(Span(round(100 * done / total), start, end, text[start:end]))
    for pattern in _FRACTION_WORDS:
        for match in pattern.finditer(text):
            done, total = _count(match[1]), _count(match[2])
            if total < 2 or done > total or any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(round(100 * done / total), match.start(), match.end(), match[0]))
    for match in _WORD_PROGRESS.finditer(text):
        if not any(taken[match.start() : match.end()]):
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            hits.append(Span(_word_value(match), match.start(), match.end(), match[0]))
    for pattern in _PROGRESS_CUED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            value = float(match[1])
            if value > 100 or _METRIC_CUE.search(text[max(0, match.start(1) - 6) : match.start(1)].lower()):
                continue
            for index in range(start, end):
                taken[index] = True
            hits.append(Span(round(value), start, end, match[0]))
    for match in _PROGRESS_PROSE.finditer(text):
        start, end = match.span()
        left = clause_around(text, start, end)[0]
        lead = text[left:start]
        if (
            any(taken[start:end])
            or float(match[1] or match[2]) > 100
            or _METRIC_CUE.search(lead)
            or _PROSE_METRIC.search(lead)
        ):
            continue
        taken[start:end] = [True] * (end - start)
        hits.append(Span(round(float(match[1] or match[2])), start, end, match[0]))
    if allow_bare:
        for match in _BARE_PCT.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or float(match[1]) > 100 or _measured(match[1]):
                continue
            left, right = clause_around(text, start, end)
            after = text[end:right]
            if _AS_OF.match(after):
                after = ""  # "OTA: 100% as of Mon 10 Mar", "at 75% as of this morning": when, not what
            rest = (text[left:start] + after).strip(" :：*_()（）")
            if rest and (len(rest) > 4 or _METRIC_CUE.search(rest)):
                continue
            hits.append(Span(round(float(match[1])), start, end, match[0]))
    return tuple(sorted(hits, key=lambda hit: hit.start))


# --- owners and labels ------------------------------------------------------------------------

_OWNER = re.compile(
    rf"(?:负责人|责任人|对接人|owner|dri|lead)\s*[:：]\s*(@?[\w{HAN}][\w{HAN}.\-]*(?:\s[A-Z][a-z]+)?)",
    re.I,
)


# "owner Dana Lee" in prose: no colon, so the name must look like one (capitalised words).
_OWNER_BARE = re.compile(r"\b[Oo]wner\s+(?:is\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def find_owner(text: str) -> Span | None:
    match = _OWNER.search(text) or _OWNER_BARE.search(text)
    return Span(match[1].lstrip("@"), match.start(), match.end(), match[0]) if match else None


# Labels that name a field of a project (never a project name), by what the field holds.
_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "status": ("状态 进展状态 项目状态 当前状态 整体状态", "status health state rag overall"),
    "progress": ("进度 完成度 完成进度 整体进度", "progress %complete percentcomplete completion %done"),
    "target": (
        "预计上线 计划上线 上线时间 上线日期 预计完成 计划完成 完成时间 目标日期 目标时间",
        "计划完成时间 预计完成时间 计划上线时间 预计上线时间 计划交付时间 计划完成日期 预计完成日期",
        "截止 截止日期 截止时间 预计",
        "deadline eta target targetdate due duedate launchdate golive releasedate expected",
    ),
    "owner": ("负责人 责任人 对接人", "owner owners dri lead pm"),
    "generic": (
        "本周 本周进展 本周进度 本周工作 下周 下周计划 风险 问题 备注 进展 说明 里程碑 计划 目标 结论",
        "重点关注 下阶段推进 影响 原因 处置 背景 需要支持 求助 协调 依赖 产出 现状 当前 前期设计遗留的todo",
        "update updates thisweek nextweek nextsteps notes note risks risk blockers blocker summary",
        "highlights lowlights comments details scope milestone milestones plan plans goal goals todo",
        "impact cause fix resolution mitigation rootcause background context decision decisions ask asks",
        "dependencies dependency deliverables",
    ),
}
FIELD_KEYS: dict[str, str] = {
    name: kind for kind, rows in _FIELD_NAMES.items() for row in rows for name in row.split()
}

_LABEL = re.compile(r"^\s*(?:\*\*|__)?([^:：]{1,40}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$")


@dataclass(frozen=True)
class Labelled:
    label: str
    rest: str
    rest_offset: int
    field: str | None


def label_key(label: str) -> str:
    return re.sub(r"[\s*_`]+", "", nfkc(label)).casefold()


@lru_cache(maxsize=8192)
def split_label(text: str) -> Labelled | None:
    """`Label: rest` or `标签：内容` with a short label (not a clock time like 17:01, not a sentence).
    Cached: every reader of a line (mentions, observations, metrics, incidents) asks this first."""
    match = _LABEL.match(text)
    if not match:
        return None
    colon = match.end(1)
    while colon < len(text) and text[colon] not in ":：":
        colon += 1
    if colon + 1 < len(text) and text[colon - 1 : colon].isdigit() and text[colon + 1 : colon + 2].isdigit():
        return None
    label = match[1].strip()
    if not label or re.search(r"[，。,;；!！?？]", label) or len(label.split()) > 6:
        return None
    return Labelled(label, match[2].strip(), match.start(2), FIELD_KEYS.get(label_key(label)))


@dataclass(frozen=True)
class Piece:
    """One field of a line: `start:end` of the line's text, and its label when it has one."""

    start: int
    end: int
    labelled: Labelled | None


_FIELD_SEPARATOR = re.compile(
    r"\s+[·•|｜/]\s+|\s*[；;｜]\s*|\s+-\s+(?=[^\s:：]{1,20}\s*[:：])|"
    r"\s+(?=(?:\*\*|__)[^\s:：*_]{1,12}(?:\*\*|__)\s*[:：])"
)


def _spaced_field(text: str) -> Labelled | None:
    """`当前进度 50%` between separators: a known field name, a space, its value (no colon)."""
    match = re.match(r"^(\s*)(\S{1,12})\s+(\S.*)$", text)
    if match is None or FIELD_KEYS.get(label_key(match[2])) not in ("status", "progress", "target", "owner"):
        return None
    return Labelled(match[2], match[3], match.start(3), FIELD_KEYS[label_key(match[2])])


def field_pieces(text: str, start: int = 0) -> list[Piece]:
    """The fields of one line: `Status: At risk · Target date: Apr 30 → May 30 · Progress: 50%`
    holds three. A line without two labelled fields is one piece (labelled as `split_label` says)."""
    bounds: list[tuple[int, int]] = []
    position = start
    for match in _FIELD_SEPARATOR.finditer(text, start):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    labelled = [
        (a, b, split_label(text[a:b]) or _spaced_field(text[a:b])) for a, b in bounds if text[a:b].strip()
    ]
    fields = [x for x in labelled if x[2] is not None and x[2].field is not None]
    if len(fields) < 2:
        whole = split_label(text[start:]) if start else split_label(text)
        return [Piece(start, len(text), whole)]
    return [Piece(a, b, found) for a, b, found in labelled]


# The status a board or template heading gives the items filed under it.
_LAUNCHED_HEADING = re.compile(r"^(?:shipped|launched|released|live|已上线|上线|已发布)$", re.I)
_HEADING_STATUS: tuple[tuple[ProjectStatus, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(r"^(?:won'?t do|wont do|cancell?ed|dropped|descoped|已取消|取消|砍掉)$", re.I)),
    ("paused", re.compile(r"^(?:paused|on hold|parked|已暂停|暂停|搁置)$", re.I)),
    ("launched", _LAUNCHED_HEADING),
    ("done", re.compile(r"^(?:done|completed?|finished|closed|resolved|已完成|本周完成|完成)$", re.I)),
    ("blocked", re.compile(r"^(?:blocked|阻塞|受阻)$", re.I)),
    ("off_track", re.compile(r"^(?:slipping|slipped|delayed|off track|延期|延误)$", re.I)),
    ("at_risk", re.compile(r"^(?:at risk|有风险|风险项)$", re.I)),
)


# The period a changelog's heading covers says nothing of what it lists: `Shipped this week`,
# `Shipped since the last post`, `What we shipped`, `本周已上线`. Only for launch words: `Done this
# week` is the work done on running projects, not a column of finished ones.
_PERIOD_TAIL = re.compile(
    r"^(?:what\s+(?:we(?:'ve|\s+have)?\s+)?|本周|本期|本月|本迭代)|"
    r"\s+(?:this|last)\s+(?:week|sprint|cycle|month|fortnight|quarter|release|period)$|"
    r"\s+since\s+(?:the\s+|our\s+)?(?:last|previous)\s+(?:\w+\s+)?\w+$|\s+recently$",
    re.I,
)


def heading_status(title: str) -> ProjectStatus | None:
    """`## Done` -> done, `## Won't Do` -> cancelled, `## Shipped` -> launched; else None."""
    # Marks around the word say nothing ("done ✅:", "**Shipped** 🚀"): only the words decide.
    text = re.sub(r"[(（]\d+[)）]|[^\w\s'’]", "", nfkc(title)).strip()
    found = next((status for status, pattern in _HEADING_STATUS if pattern.match(text)), None)
    if found is None and _LAUNCHED_HEADING.match(_PERIOD_TAIL.sub("", text).strip()):
        return "launched"
    return found
