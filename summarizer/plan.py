"""Question planning: intent, time range (ISO weeks) and named projects, in Chinese and English.

Relative time ("last month", "上个月", "最近三周") is resolved against the latest indexed report
date, never today's date: an archive of last year's reports must answer "last month" about its
own last month; the rules live in `summarizer.pipelines.timerange`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Literal

from summarizer.pipelines.timerange import TimeRange, find_time_range, parse_week_arg, week_str
from summarizer.schemas import Intent, Plan

Lang = Literal["zh", "en"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_NORMALISE = re.compile(r"[\s\-_·•.,，。:：;；!！?？'\"“”‘’()（）\[\]【】<>《》/]+")


# First match wins, so the specific intents come before the broad ones.
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.replace("_", " ") for w in text.split())


# Words that turn a question into a list from project histories even when no project is named:
# "which projects launched?", "which project was paused?", "which project is stuck?".
STALL_WORDS = _words("stuck stalled stall no_progress same_% 卡在 卡了 停滞 没有进展 原地踏步")
LAUNCH_WORDS = _words("launched launch went_live go_live gone_live shipped released 上线 投产 发布")
PAUSE_WORDS = _words("paused pause on_hold cancelled canceled halted shelved 暂停 搁置 取消 中止 叫停")

# First match wins, so the specific intents come before the broad ones. "_" joins phrase words.
INTENT_KEYWORDS: list[tuple[Intent, tuple[str, ...]]] = [
    ("slips", _words(
        "slip slipped slips slipping delay delays delayed postpone postponed pushed_back behind_schedule "
        "overdue late 延期 推迟 延后 滞后 延误 顺延 拖期 逾期 跳票"
    ) + STALL_WORDS),
    ("incidents", _words(
        "incident incidents outage outages downtime postmortem post-mortem sev1 sev2 sev3 sev4 p0 p1 p2 p3 p4 "
        "故障 事故 宕机 事件 告警 中断 线上问题 生产问题"
    )),
    ("risks", _words(
        "risk risks blocker blockers blocked concern concerns red amber 风险 阻塞 隐患 卡点 堵点 红灯 黄灯"
    )),
    ("changes", _words(
        "what_changed change changes changed difference compared versus vs diff "
        "变化 变动 有何不同 有什么不同 相比 对比 区别"
    )),
    ("metrics", _words(
        "metric metrics rate rates latency p99 p95 availability uptime trend throughput how_many how_much "
        "kpi 指标 成功率 可用性 趋势 多少 数据 耗时"
    )),
    ("status", _words(
        "status progress how_is how's where_is going update_on timeline latest_on 进展 进度 状态 怎么样 如何 "
        "情况 到哪 按时 按期 on_time go_live went_live ship shipped eta target deadline off_track on_track "
        "at_risk when 什么时候 何时 哪天 时间 日期"
    ) + LAUNCH_WORDS + PAUSE_WORDS),
    ("summary", _words(
        "summary summarize summarise overview highlights recap 总结 概述 概况 汇总 要点 说了什么 讲了什么 写了什么"
    )),
]  # fmt: skip


@dataclass(frozen=True)
class ProjectRef:
    """A ledger project with the names it is known by."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass
class QuestionPlan:
    """The public `Plan` plus what the pipeline needs: language, week ints, retrieval query."""

    plan: Plan
    lang: Lang
    query: str
    # The query without question words ("什么", "which"): what BM25 and evidence scoring see.
    terms: str = ""
    since: int | None = None
    until: int | None = None
    time_text: str = ""
    intent_words: list[str] = field(default_factory=list)
    # IDF weight of each question term in this index (set by the pipeline), for evidence scoring.
    term_weights: dict[str, float] = field(default_factory=dict)
    # The only reports searched when the question is scoped to one series (set by the pipeline).
    reports: set[str] | None = None
    # Calendar days the question names (a month, a day), for facts that carry their own date.
    days: tuple[date, date] | None = None
    # The series likely meant (by language only): listed first, never filtered (set by the pipeline).
    prefer_series: str | None = None
    # Every name (canonical and aliases) of the linked projects, to tell their lines from others'.
    project_names: list[str] = field(default_factory=list)
    # What the question asks about a linked project, its name removed ("的预算", "who owns"):
    # an answer must speak to this, not only repeat the name. Empty when no project is linked.
    asked: str = ""


def normalise(text: str) -> str:
    return _NORMALISE.sub("", text).casefold()


def detect_lang(text: str) -> Lang:
    """zh when Chinese characters outweigh Latin words (after project names are removed)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    return "zh" if cjk >= 2 and cjk >= latin else "en"


def _keyword_hits(question: str, keywords: Iterable[str]) -> list[str]:
    lowered = f" {question.casefold()} "
    hits = []
    for word in keywords:
        if word.isascii() and word.strip().isalnum():
            # Latin boundaries spelled out: \b sees CJK as word characters ("几次P2问题").
            if re.search(rf"(?<![0-9a-z]){re.escape(word.strip())}(?![0-9a-z])", lowered):
                hits.append(word.strip())
        elif word in lowered:
            hits.append(word.strip())
    return hits


_LIST_CUE = re.compile(r"\b(?:which|what|list|any)\b|哪些|哪个|哪几个|有没有|几个|多少个", re.I)


def _asks_for_list(question: str) -> bool:
    """ "Which projects launched?" asks for a list; "when will X launch?" about an unknown X does not."""
    return bool(_keyword_hits(question, LAUNCH_WORDS + PAUSE_WORDS)) and bool(_LIST_CUE.search(question))


def detect_intent(question: str, has_project: bool) -> tuple[Intent, list[str]]:
    """The first intent whose keywords occur, with two rules for questions about projects.

    `status` needs a named project, or a launch/pause word that asks for a list across projects.
    A question naming a project that would otherwise be a change ("how did X change") is about
    that project's history: its timeline answers it. One that asks for something else about a
    project ("who owns X", "X 的预算是多少") is not: a timeline is no answer to it.
    """
    for intent, keywords in INTENT_KEYWORDS:
        hits = _keyword_hits(question, keywords)
        if not hits:
            continue
        if intent == "status" and not has_project and not _asks_for_list(question):
            continue
        if intent == "changes" and has_project:
            return "status", hits
        return intent, hits
    return "free", []


def _spaced(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", text.casefold())) + " "


def link_projects(question: str, projects: Sequence[ProjectRef], min_ratio: float = 0.6) -> list[str]:
    """Canonical names of projects named in the question: a name or alias contained in it (whole
    words for Latin names), or a long common substring, since questions drop suffixes
    ("风控引擎" for "风控决策引擎迁移")."""
    folded, spaced = normalise(question), _spaced(question)
    scored: dict[str, float] = {}
    for project in projects:
        best = 0.0
        for name in (project.name, *project.aliases):
            key = normalise(name)
            if len(key) < 2 or (key.isascii() and len(key) < 3):
                continue
            if key.isascii():
                if _spaced(name) in spaced:
                    best = max(best, 1.0 + len(key) / 100)
                continue
            if key in folded:
                best = max(best, 1.0 + len(key) / 100)
                continue
            match = SequenceMatcher(None, folded, key, autojunk=False).find_longest_match()
            ratio = match.size / len(key)
            shared = folded[match.a : match.a + match.size]
            # A shared year or number ("2025年") names no project: count letters, not digits.
            if sum(not c.isdigit() for c in shared) >= 3 and ratio >= min_ratio:
                best = max(best, ratio)
        if best:
            scored[project.name] = best
    names = sorted(scored, key=lambda n: (-scored[n], n))
    # A name inside a longer linked name is the same mention ("风控" inside "风控决策引擎迁移").
    return [n for n in names if not any(n != m and normalise(n) in normalise(m) for m in names)]


def plan_question(
    question: str,
    *,
    latest: date | None,
    projects: Sequence[ProjectRef] = (),
    week_labels: dict[int, list[int]] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> QuestionPlan:
    """Understand a question; explicit `since` / `until` (CLI flags) override the question's range."""
    linked = link_projects(question, projects)
    found: TimeRange | None = find_time_range(question, latest, week_labels or {}) if latest else None
    since_int = found.since if found else None
    until_int = found.until if found else None
    if since:
        since_int = parse_week_arg(since, latest)
    if until:
        until_int = parse_week_arg(until, latest)
    query = question.replace(found.text, " ").strip() if found and found.text else question
    stripped = question
    for project in projects:
        if project.name in linked:
            for name in (project.name, *project.aliases):
                stripped = stripped.replace(name, " ")
    # Intent words inside a project's name ("数据质量监控平台") say nothing about the question.
    unnamed = stripped.replace(found.text, " ") if found and found.text else stripped
    intent, words = detect_intent(unnamed, bool(linked))
    plan = Plan(
        intent=intent,
        since=week_str(since_int) if since_int else None,
        until=week_str(until_int) if until_int else None,
        projects=linked,
    )
    from index.lexical import strip_question_words

    return QuestionPlan(
        plan=plan,
        lang=detect_lang(stripped),
        query=query or question,
        terms=strip_question_words(query or question),
        since=since_int,
        until=until_int,
        time_text=found.text if found else "",
        intent_words=words,
        days=found.days if found and not (since or until) else None,
        asked=strip_question_words(stripped.replace(found.text, " ") if found else stripped)
        if linked
        else "",
        project_names=[n for p in projects if p.name in linked for n in (p.name, *p.aliases)],
    )
