"""What a question asks for: its intent (slips, incidents, risks, status, ...) and, for list
questions across projects, which list (launched, paused, stalled, on time).

Keywords in Chinese and English; the first intent whose keywords occur wins, so the specific
intents come before the broad ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.question import RISK_LIST_WORDS, ListKind
from summarizer.schemas import Intent


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.replace("_", " ") for w in text.split())


# Words that turn a question into a list from project histories even when no project is named:
# "which projects launched?", "which project was paused?", "which project is stuck?".
STALL_WORDS = _words("stuck stalled stall no_progress same_% 卡在 卡了 停滞 没有进展 原地踏步")
LAUNCH_WORDS = _words(
    "launched launch went_live go_live gone_live live_yet is_live is_it_live now_live shipped released completed "
    "finished delivered opened ship deliver "
    "上线 投产 发布 "
    "完成 交付 开业 试营业"
)
# Past its day and not done: "哪个需求已经过了目标日期还没做完", "which items are past due?", "which
# workstreams were past their target date?" (w54-f).
OVERDUE_WORDS = _words(
    "overdue past_due past_its past_their_target past_their_due past_their_deadline past_their_date "
    "past_the_target past_target missed_its missed_the "
    "逾期 过了目标 过了截止 过了计划 超期"
)
# A date not made, asked as people ask it: "why did the go-live move from 15 April?", "为什么没能在
# 6/30完成？". "Moved" alone is no slip ("moved to the new cluster").
MISSED_WORDS = _words("date_move date_moved dates_moved move_from moved_from 没能在 没能按 没赶上 错过了")
# "Why did X miss bms-3.2 / its GA date / the 4.2 release?": "miss" with a date, a version or a
# milestone after it; "did we miss any incidents?" and "what did I miss?" ask no slip.
_MISSED = re.compile(
    r"\bmiss(?:ed|es)?\s+(?:(?:its|the|their|our|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:[\w.-]*\d[\w.-]*|date|deadline|target|release|milestone|window|launch"
    r"|go-?live|cutover|sprint|GA)\b",
    re.I,
)
# "Why did the Curtainline 5 go-live move?", "has the GA date shifted?": a schedule's date moving is a slip.
_MOVED = re.compile(
    r"\b(?:date|go-?live|launch|release|target|deadline|eta|GA|cutover|milestone)\s+"
    r"(?:(?:has|have|had|was|been|got)\s+)*(?:move[ds]?|moving|shift(?:ed|s)?|slid|slipped|changed?|pushed)\b",
    re.I,
)
# "二期换表的可研评审结论是什么？", "第15期里潮汐的评审结论": the verdict of a review, a test or a
# meeting is that event's, which the reports may not tell; "适老化改造是什么结论" asks the project's fate.
_CONCLUSION_WORDS = frozenset({"结论", "什么结论", "最终结论", "outcome of"})
_EVENT_CONCLUSION = re.compile(
    r"(?:评审|验收|测试|复盘|会议|会|评估|论证|可研|审查|检查|审计|考核|鉴定)的?(?:最终)?结论|"
    r"\boutcome\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:review|assessment|audit|test|meeting|vote|hearing|inspection)s?\b",
    re.I,
)
# "Motor Ring Network 嘅目標改咗做咩？" (as Mandarin: `目标改成什么`), "上线时间调整为哪天", "目标又改了吗":
# a target said to be changed into another is its date moving (w50-h).
_MOVED_ZH = re.compile(
    r"(?:目标|计划|排期|工期|节点|里程碑|截止|上线|发布|交付|完成|投产|验收)(?:日期|时间|节点)?\s*(?:又|再)?(?:被)?"
    r"(?:改|调整|调|变|换|更新|修改)(?:成|为|到|了)"
)
# "Why did the CRM migration move to January?": a move to a time is a slip, a move to a place is
# not ("moved to the new cluster").
_MOVED_TO = re.compile(
    r"\b(?:move[ds]?|moving|shift(?:ed|s)?|slid|slipped|pushed(?:\s+(?:back|out))?)\s+(?:back\s+|out\s+)?"
    r"(?:to|into|until|till)\s+(?:(?:early|mid|late|the\s+end\s+of|end\s+of|next)[\s-]+)?"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|h[12]|week|month|quarter|sprint|year|w\d|\d)",
    re.I,
)
# (and a stop said plainly: "为什么没做了", "砍掉了", "dropped": the line writes 取消 or 暂停)
PAUSE_WORDS = _words(
    "paused pause on_hold cancelled canceled halted shelved dropped scrapped 暂停 搁置 取消 中止 叫停 "
    "没做了 不做了 砍掉 砍了 停掉 停做"
)

# First match wins, so the specific intents come before the broad ones. "_" joins phrase words.
INTENT_KEYWORDS: list[tuple[Intent, tuple[str, ...]]] = [
    ("slips", _words(
        "slip slipped slips slipping delay delays delayed postpone postponed pushed_back behind_schedule "
        "late 延期 推迟 延后 滞后 延误 顺延 拖期 跳票 晚了 未按期 没按期 未按时 没按时 往后拖 拖延 一拖再拖 推到 往后推 改期 改到 延到 挪到 rescheduled "
        # a project's schedule said to slide or fall behind, or its light turned red
        "滑坡 掉队 转红 变红 转黄 变黄 亮灯降级 状态降级 降灯 "
        # progress said to slide: "哪些项目延期或进度滑了" (w42-d)
        "进度滑 往后滑 "
        # a status said to get worse: "哪些项目延期了或者状态变差了" (w19-c)
        "状态变差 变差 状态恶化 恶化 变糟 worsened got_worse "
        # its progress said to have gone wrong: "哪些项目延期或进度出了问题" (w26-a)
        "进度出了问题 进度出问题 进度有问题"
    ) + OVERDUE_WORDS + STALL_WORDS + MISSED_WORDS),
    ("incidents", _words(
        "incident incidents outage outages downtime postmortem post-mortem sev1 sev2 sev3 sev4 p0 p1 p2 p3 p4 "
        "break broke broken went_wrong go_wrong goes_wrong gone_wrong going_wrong "
        # "have we had any problems with the booking portal?": events that went wrong with it
        "any_problems any_trouble had_problems had_trouble "
        # how long an event lasted is an incident's duration
        "how_long_did_it_last how_long_did_that_last how_long_was_it_down how_long_were_they_down "
        "持续了多久 持续多久 多久恢复 多久才恢复 "
        "故障 事故 宕机 事件 告警 中断 线上问题 生产问题 现网问题 出问题 出了问题 挂了 崩了 "
        # a plant's or a fab's word for one (as `classify` files an `异常 / Excursion` section)
        "生产异常 工艺异常 设备异常 制程异常 异常事件 excursion excursions"
    )),
    ("risks", _words(
        "risk risks blocker blockers blocked concern concerns red amber flagged 风险 阻塞 隐患 卡点 堵点 红灯 黄灯"
    )),
    ("changes", _words(
        "what_changed change changes changed difference compared versus vs diff "
        "变化 变动 有何不同 有什么不同 相比 对比 区别"
    )),
    ("metrics", _words(
        "metric metrics rate rates latency p99 p95 availability uptime trend trends trended trending throughput how_many how_much "
        "kpi 指标 成功率 可用性 趋势 走势 多少 耗时 "
        # a proportion asked after: "how has the share of bookings made online moved?"
        "share_of percentage_of proportion_of 占比 "
        # how a figure moved over the reports: "DAU 这几期是怎么走的" (w19-c)
        "怎么走 怎么走的 如何变化 怎么变化 怎么变的 how_did_it_move how_has_it_moved"
    )),
    ("status", _words(
        "status progress how_is how's where_is where_are_we going update_on timeline latest_on stand stands 进展 进度 状态 状况 近况 怎么样 如何 où_en_est où_en_sont avancement "
        "情况 到哪 按时 按期 on_time go_live went_live ship shipped eta target deadline off_track on_track "
        "at_risk when 什么时候 何时 哪天 时间 日期 say_about said_about says_about where_has where_have got_to gotten_to how_far "
        # whether it goes on at all: "RA 认证还在推进吗" (w40-c)
        "推进 还在做 still_going still_on still_active still_happening "
        # the state a board showed it in: "what state was the OCC interface in?" (w42-b)
        "what_state which_state state_of "
        # what was decided of it: "第4期里适老化改造是什么结论？" (w51-g)
        "结论 什么结论 最终结论 outcome_of what_was_decided"
    ) + LAUNCH_WORDS + PAUSE_WORDS),
    ("summary", _words(
        "summary summarize summarise overview highlights recap should_know need_to_know worth_knowing "
        "总结 概述 概况 汇总 要点 说了什么 讲了什么 写了什么 说了啥 讲了啥 写了啥 需要关注 值得关注 需要知道"
    )),
]  # fmt: skip


def _keyword_hits(question: str, keywords: Iterable[str]) -> list[str]:
    lowered = f" {question.casefold()} "
    # "讲了 什么": a space between Chinese words (a writer who spaces them) splits no keyword
    joined = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", lowered)
    hits = []
    for word in keywords:
        if word.isascii() and word.strip().isalnum():
            # Latin boundaries spelled out: \b sees CJK as word characters ("几次P2问题").
            if re.search(rf"(?<![0-9a-z]){re.escape(word.strip())}(?![0-9a-z])", lowered):
                hits.append(word.strip())
        elif word in lowered or word in joined:
            hits.append(word.strip())
    return hits


_LIST_CUE = re.compile(r"\b(?:which|what|list|any)\b|哪些|哪个|哪几个|有没有|几个|多少个", re.I)


_WHICH = re.compile(r"\bwhich\b|\blist\b|哪些|哪个|哪几个|哪一个|哪项|哪几项", re.I)


def asks_which(question: str) -> bool:
    """The question asks which of several ("哪个需求已经过了目标日期"), whatever else it names."""
    return _WHICH.search(question) is not None


# A launch verb in its base form after the auxiliary that asks it ("what did the team release?"):
# alone, "release" and "complete" are as often a noun or a state ("the 4.2 release").
# The verb has a subject that does it ("what did we / the team / infra release?"); "how did the
# July release of X go?" has a noun after its article, and "of", "go" or "date" after it.
_ASKED_LAUNCH = re.compile(
    r"\b(?:did|do|does|will|would)\s+(?!the\s+(?!team\b|squad\b|group\b|crew\b)\w+\s+(?:release|rollout)\b)[^?.,;]{0,40}?"
    r"\b(?:release|complete|finish|roll\s+out)\b(?!\s+(?:of|go|goes|went|date|notes|plan|window)\b)",
    re.I,
)


_PAST = {"release": "released", "complete": "completed", "finish": "finished"}

# What a launch list is a list of: in "what did we ship, and was each release on time?" the noun
# names the list's items, not a subject its facts must write. Elsewhere "the dataset release" may
# be a project's name.
LAUNCH_NOUNS = _words("release releases rollout rollouts")


def _asks_for_list(question: str) -> bool:
    """ "Which projects launched?", "what did the team ship?" ask for a list; "when will X launch?"
    about an unknown X does not."""
    launch = bool(_keyword_hits(question, LAUNCH_WORDS + PAUSE_WORDS)) or bool(_ASKED_LAUNCH.search(question))
    return launch and bool(_LIST_CUE.search(question))


# Slip words that ask for a state ("is X overdue?"), which the project's timeline answers; "did X
# slip?" asks for its slips, which the slips answer lists with where the project stands now.
_STATE_WORDS = frozenset(_words("overdue late 逾期 晚了"))


def detect_intent(question: str, has_project: bool) -> tuple[Intent, list[str]]:
    """The first intent whose keywords occur, with two rules for questions about projects.

    `status` needs a named project, or a launch/pause word that asks for a list across projects.
    A question naming a project that would otherwise be a change ("how did X change"), a risk
    ("is X still blocked?", "X 现在还有风险吗") or a slip ("is X overdue?", "X 算逾期吗") is about
    that project's history: its timeline (slips first, then its latest state: launched, cancelled,
    the new date) answers it. Why it slipped or is at risk, where it is stuck, and whether it slipped
    at all ("did X slip?", "X 延期了吗": the slips answer says where it stands now) keep their intent. One that asks for something else about a
    project ("who owns X", "X 的预算是多少") is not: a timeline is no answer to it.
    """
    for intent, keywords in INTENT_KEYWORDS:
        hits = _keyword_hits(question, keywords)
        if intent == "slips" and not hits and _MISSED.search(question):
            hits = ["missed"]
        if (
            intent == "slips"
            and not hits
            and (moved := _MOVED.search(question) or _MOVED_TO.search(question) or _MOVED_ZH.search(question))
        ):
            hits = [moved[0]]
        if intent == "status" and _EVENT_CONCLUSION.search(question):
            hits = [
                h for h in hits if h not in _CONCLUSION_WORDS
            ]  # a review's verdict, not the project's fate
        if intent == "status" and not hits and (asked := _ASKED_LAUNCH.search(question)):
            hits = [_PAST.get(asked[0].split()[-1].casefold(), "launched")]
        if not hits:
            continue
        if intent == "status" and not has_project and not _asks_for_list(question):
            continue
        stalled = any(h in STALL_WORDS for h in hits)  # "卡在多少" lists where it stalled
        keeps = asks_why(question) or stalled or (intent == "slips" and not set(hits) <= _STATE_WORDS)
        if intent in ("changes", "risks", "slips") and has_project and not keeps:
            return "status", hits
        return intent, hits
    return "free", []


def vocabulary(intent: Intent) -> tuple[str, ...]:
    """Every keyword of one intent: words that say what kind of answer is wanted ("延期",
    "postmortem", "P1"), which the ledger's facts for that intent answer without repeating them;
    a risk list's qualifiers ("main", "asks", "最大") too."""
    words = next((words for name, words in INTENT_KEYWORDS if name == intent), ())
    return (*words, *RISK_LIST_WORDS) if intent == "risks" else words


# Words that ask what a meeting or memo settled; reports write any of them ("#agreed", "approved",
# "拍板"), and a question asking "what was decided" is answered by a line saying "agreed".
DECISION_WORDS = _words(
    "decide decided decides decision decisions agree agreed approve approved resolved "
    "决定 决议 拍板 商定 同意 批准 通过 敲定 "
    # a decision asked of the reader, as a status deck writes it: "Ask：LT 12/1 前确认 go/no-go"
    "确认 go/no-go sign_off"
)

# Keyword families that name events a report itself writes in any of their words: a slip is
# "延期", "推迟" or "pushed back"; an outage is "故障" or "事故". (Status, metric and summary words
# frame the question instead: "latest on" is not written as "progress" in the answer line.)
EVENT_FAMILIES = (
    INTENT_KEYWORDS[0][1],
    INTENT_KEYWORDS[1][1],
    INTENT_KEYWORDS[2][1],
    LAUNCH_WORDS,
    PAUSE_WORDS,
    STALL_WORDS,
    DECISION_WORDS,
)


def decision_words(question: str) -> list[str]:
    """The decision words a question uses ("what was decided at …"), whatever its intent."""
    return _keyword_hits(question, DECISION_WORDS)


def event_family(word: str) -> tuple[str, ...]:
    """The event words written interchangeably with `word` (its family), or () for other words."""
    return next((family for family in EVENT_FAMILIES if word in family), ())


ON_TIME_WORDS = ("按时", "按期", "on time")
_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bwhat\s+caused\b|为什么|为何|原因|怎么回事|什么导致", re.I)


def asks_why(question: str) -> bool:
    """The question asks for a reason, whatever its intent ("why did X slip?", "潮汐为什么暂停")."""
    return _WHY.search(question) is not None


# Slip words beside a stall's or an overdue's ("哪些项目出现了延期、降级或进度停滞？"): every slip is
# asked for, not the stalls alone.
_ANY_SLIP_WORDS = tuple(w for w in INTENT_KEYWORDS[0][1] if w not in STALL_WORDS + OVERDUE_WORDS)


def list_kinds(words: list[str]) -> frozenset[ListKind]:
    """Which cross-project lists the intent words ask for."""
    kinds: set[ListKind] = set()
    if any(w in words for w in STALL_WORDS):
        kinds.add("stalled")
    if any(w in words for w in _ANY_SLIP_WORDS):
        kinds.add("slipped")
    if any(w in words for w in OVERDUE_WORDS):
        kinds.add("overdue")
    if any(w in words for w in PAUSE_WORDS):
        kinds.add("paused")
    if any(w in words for w in LAUNCH_WORDS):
        kinds.add("launched")
    if any(w in words for w in ON_TIME_WORDS):
        kinds.add("on_time")
    return frozenset(kinds)
