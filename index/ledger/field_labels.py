"""Field labels and owners in one line of report text (zh and en).

Split from `signals.py` (status words) because every reader of a line (mentions, observations,
metrics, incidents, notes) first asks what its labels are: `Label: rest`, the fields of a line
(`Status: At risk · Target: May 30 · Progress: 50%`), which field a label names, and an owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.ledger.signals import Span
from index.text.cjk import HAN
from index.text.normalise import nfkc

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
    # `亮灯：绿灯` (a 督办 sheet's traffic light), `Ampel`
    "status": (
        "状态 进展状态 项目状态 当前状态 整体状态 亮灯 灯号 红绿灯",
        "status health state rag overall ampel sts condition",
        "statut état etat météo meteo cond cond.",
    ),
    "progress": (
        "进度 完成度 完成进度 整体进度 完成",
        "progress %complete percentcomplete completion %done prog",
        # a works programme's physical progress (`Phy. progress`), French `Avancement`
        "phy.progress physicalprogress phyprogress avancement",
    ),
    "target": (
        "预计上线 计划上线 上线时间 上线日期 预计完成 计划完成 完成时间 目标日期 目标时间",
        "计划完成时间 预计完成时间 计划上线时间 预计上线时间 计划交付时间 计划完成日期 预计完成日期",
        "截止 截止日期 截止时间 预计 节点目标 节点时间 完成节点 时间节点",
        "deadline eta target targetdate due duedate launchdate golive releasedate expected tgt",
        # a printout's clipped column names (`TGT DT`, w28-h)
        "tgtdt tgtdate targetdt duedt",
        # a board's current estimate beside its schedule (`SCHED  EST` over `11APR  25APR`, w20-b)
        "est estimate",
        # a scheduling tool's current finish beside its baseline (`Finish | Baseline Finish`, Project Web App)
        "finish finishdate scheduledfinish currentfinish",
        # a work breakdown's forecast beside its baseline (`基线完成：…    当前预测：…`, w20-a)
        "当前预测 最新预测 预测完成 预测完成日 预测日期 预测完成日期",
        "goliveforecast golivedate forecastgolive golivetarget",
        "forecast forcast forecastdate currentforecast revisedtarget reviseddate newdate fcst fcstdate fcst/actual forecast/actual",
        # an engineering or supply template's day the thing is needed (`Required : 2025-04-15`, `Need-by`)
        "required requiredby requireddate needby needbydate neededby",
        # Indian government works' target and probable dates of completion (`TDC`, `PDC`, w49-d)
        "tdc pdc",
        # French templates' finish line (`Échéance`, `Date cible`)
        "échéance echeance datecible dateprévue dateprevue",
    ),
    "owner": ("负责人 责任人 对接人 责任处室 责任部门 牵头部门", "owner owners dri lead pm"),
    "generic": (
        "本周 本周进展 本周进度 本周工作 下周 下周计划 风险 问题 备注 进展 说明 里程碑 计划 目标 结论",
        "重点关注 下阶段推进 影响 原因 处置 背景 需要支持 求助 协调 依赖 产出 现状 当前 前期设计遗留的todo",
        "update updates thisweek nextweek nextsteps notes note risks risk blockers blocker summary",
        "highlights lowlights comments details scope milestone milestones plan plans goal goals todo",
        "impact cause fix resolution mitigation rootcause background context decision decisions ask asks",
        "dependencies dependency deliverables rmk rmks remarks remark",
        # a work item's workflow and its steps' schedule (`节点：评审 ✔ → 开发 ●`, `节点排期：…`, w26-e)
        "节点 节点排期 排期 流程节点",
        # a meeting's own header fields (`会议日期：2025/03/13（四）`, `主持：…`), never a project (w20-d)
        "会议日期 会议时间 会议地点 地点 主持 主持人 记录 记录人 出席 出席人员 参会 参会人员 列席 缺席 抄送",
        "attendees attendance chair venue location apologies scribe notetaker minutetaker",
        # the date first planned, beside the forecast a form lists it with: no target of its own
        "baseline baselinedate baselinefinish originalplan sched 基线 基线完成 基线日期 基线完成日期",
        # the progress planned by now, beside the actual one (`| 计划进度 | 实际进度 |`): no progress
        "计划进度 计划完成率 计划完成度 应完成进度 目标进度 planned% plan% plannedprogress planprogress "
        "expectedprogress baseline%",
    ),
}
FIELD_KEYS: dict[str, str] = {
    name: kind for kind, rows in _FIELD_NAMES.items() for row in rows for name in row.split()
}

# A date field named by when and what (`计划切换`, `预计投产日期`, `Planned cutover`, `Expected launch
# date`, `Est. go-live`, `Revised ETA`, `完成时限`): the project's target, whatever milestone word and
# qualifier the template uses. Keys are `label_key`s: no spaces, no dashes, folded.
_TARGET_LABEL = re.compile(
    # a go-live's day is planned until it happens; a completion's or an acceptance's (`完成日期`
    # beside `已验收`) is as often the day it was done: only with a when-word or a deadline's noun
    r"(?:计划|预计|目标|拟|预期|要求|最新|调整后|当前)?(?:上线|切换|投产|割接|启用)(?:时间|日期|节点|日)|"
    r"(?:计划|预计|目标|拟|预期|要求|最新|调整后|当前)(?:发布|交付|完成|验收|落地|结项)(?:时间|日期|节点|日)|"
    r"(?:交付|完成|验收|结项)(?:时限|期限|节点)|"
    # an event's `结束时间` is when it ended: only a planned end is a target
    r"(?:计划|预计|目标|拟|预期|要求)结束(?:时间|日期|节点|日)?|"
    r"(?:计划|预计|目标|拟|预期|要求)(?:上线|切换|投产|发布|交付|完成|验收|落地|割接|启用|结项|全量)|"
    r"(?:最新|调整后|新|当前)(?:计划|目标|节点)|里程碑(?:日期|时间)|"
    r"(?:planned|plan|expected|est\.?|estimated|projected|target|targeted|forecast|scheduled|revised|new|"
    r"current|latest|committed|commit)?(?:golive|launch|cutover|release|rollout|ga|milestone)(?:date|day|by)|"
    r"(?:planned|plan|expected|est\.?|estimated|projected|target|targeted|forecast|scheduled|revised|new|"
    r"current|latest|committed|commit)(?:delivery|completion|complete|finish|end|handover|ship|deploy(?:ment)?)"
    r"(?:date|day|by)|"
    r"(?:planned|expected|est\.?|estimated|projected|target|targeted|forecast|scheduled|revised|new|current|"
    r"latest|committed)(?:golive|launch|cutover|release|delivery|completion|finish|end|handover|rollout|"
    r"ship|deploy(?:ment)?|ga|eta|target|date|deadline|due)|ecd|dueby|"
    # the finish line of one part of the project (`Go-live for HOLLOW TIDE assets: Fri 28/03`)
    r"(?:golive|cutover|launch|eta|due|deadline|targetdate)for[a-z0-9]{2,30}"
)
# Whatever else the template calls the finish line (`Discharge target`, `Handover deadline`): a
# target when it holds a day, but as often a figure's goal (`Revenue target: $2M`, `LoP target`
# over a column of counts), so a table's column of it is one only when it holds days.
_LOOSE_TARGET = re.compile(
    r"(?!(?:revenue|sales|budget|cost|spend|headcount|volume|traffic|kpi|growth|margin|uptime|sla|"
    r"nps|csat|conversion|savings|occupancy|yield|output|throughput)target)[a-z]{3,14}(?:target|deadline)(?:date)?|"
    # `倒排目标` (a countdown plan's column), `节点目标`: a column of days under a kind of 目标
    r"(?!(?:营收|销售|收入|业绩|预算|成本|指标|流量|转化|利润|毛利|产量|产值|增长|考核))[\u4e00-\u9fff]{2,4}目标"
)


def loose_target(key: str) -> bool:
    """The label's key (`label_key`) names a target only by its last word (`dischargetarget`)."""
    return (
        _TARGET_LABEL.fullmatch(key) is None
        and FIELD_KEYS.get(key) is None
        and bool(_LOOSE_TARGET.fullmatch(key))
    )


# A progress field however the template qualifies it (`当前进度`, `完成率`, `Pct complete`, `Done %`).
_PROGRESS_LABEL = re.compile(
    r"(?:当前|总体|整体|累计|项目|实际)?(?:进度|完成率|完成比例|完成度|完成情况百分比)|"
    r"(?:pct|percent|%)(?:complete|completed|done)|(?:complete|completed|done|progress)%|actual(?:progress|%)"
)
# A health field (`健康度`, `灯色`, `RAG status`, `Overall status`).
_STATUS_LABEL = re.compile(
    r"(?:项目|整体|总体)?(?:健康度|健康状态|灯色|灯)|(?:overall|project|rag|current)(?:status|health|state)|"
    # the report's own verdict on the whole programme (`Programme RAG this period`)
    r"(?:overall|project|programme|program|portfolio|delivery)(?:status|health|rag)"
    r"(?:thisperiod|lastperiod|thisweek|lastweek|thismonth|lastmonth|previous|prev|current)?"
)


def field_of(key: str) -> str | None:
    """The field a label's key names (`label_key`), or None."""
    found = FIELD_KEYS.get(key)
    if found is not None:
        return found
    for field, pattern in (
        ("target", _TARGET_LABEL),
        ("target", _LOOSE_TARGET),
        ("progress", _PROGRESS_LABEL),
        ("status", _STATUS_LABEL),
    ):
        if pattern.fullmatch(key):
            return field
    return None


_LABEL = re.compile(r"^\s*(?:\*\*|__)?([^:：]{1,100}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$")
_LABEL_CHARS = 40  # a label so long at most
LEADER_LABEL_CHARS = 60  # and a name a dot leader sets apart from its value
_LONE_CODE = re.compile(r"[(\[][A-Z]{1,2}[)\]]")  # a board's state code alone: `(A)`, `[G]`


@dataclass(frozen=True)
class Labelled:
    label: str
    rest: str
    rest_offset: int
    field: str | None
    share: bool = False
    """A table's progress column that stores the share done (`0.45`, then `1` when done)."""
    leader: bool = False
    """Set apart by a dot leader or before a lone state code (`SKUA (scheduler migration, PassPlan
    -> Corvid) ..... (A)`, a leader the loader has made a colon): a name on a board's line, which
    may run longer than a label before a colon."""


def label_key(label: str) -> str:
    return re.sub(r"[\s*_`-]+", "", nfkc(label)).casefold()  # `Go-live` is `golive`


# A dot leader between a label and its value (`Status ........... GREEN`, `% Complete .. 48`): a
# colon in a printed form's layout.
_LEADER = re.compile(r"(?<=\S)\s*\.{3,}\s*(?=\S)|(?<=\S)\s+\.{2}\s+(?=\S)|(?<=\S)\s*…+\s*(?=\S)")


# A note-taking app's inline field (`health:: 🟢 on track`, Obsidian Dataview).
_DOUBLE_COLON = re.compile(r"(?<=\w)::(?=\s)")


def as_colons(text: str) -> str:
    """The text with each dot leader (and a `::` field mark) a colon and spaces of the same length:
    offsets into it are offsets into the text as written, so what is quoted from them is the
    report's own words."""
    if "::" in text:
        text = _DOUBLE_COLON.sub(": ", text)
    if "." not in text and "…" not in text:
        return text
    return _LEADER.sub(lambda m: ":" + " " * (len(m[0]) - 1), text)


_BRACKETED = re.compile(r"\s*[(（][^()（）]{0,60}[)）]")


@lru_cache(maxsize=8192)
def split_label(text: str) -> Labelled | None:
    """`Label: rest` or `标签：内容` with a short label (not a clock time like 17:01, not a sentence),
    or a label over a dot leader. Cached: every reader of a line (mentions, observations, metrics,
    incidents) asks this first."""
    written, text = text, as_colons(text)
    match = _LABEL.match(text)
    if not match:
        return None
    colon = match.end(1)
    while colon < len(text) and text[colon] not in ":：":
        colon += 1
    if colon + 1 < len(text) and text[colon - 1 : colon].isdigit() and text[colon + 1 : colon + 2].isdigit():
        return None
    label = match[1].strip()
    if label.count("(") + label.count("（") > label.count(")") + label.count("）"):
        return None  # `商家分层运营体系（负责人：唐沁）🟢正常`: the colon is inside a gloss
    # (a gloss in brackets may hold a comma: `SKUA (scheduler migration, PassPlan -> Corvid) … (A)`, w54-a)
    bare = _BRACKETED.sub("", label)  # its punctuation judged without its glosses
    rest = written[match.start(2) :].strip()
    leader = text[colon : colon + 1] != written[colon : colon + 1] or bool(_LONE_CODE.fullmatch(rest))
    if len(label) > (LEADER_LABEL_CHARS if leader else _LABEL_CHARS):
        return None
    if not label or re.search(r"[，。,;；!！?？｜]|\s\|\s", bare) or len(bare.split()) > 6:
        return None  # `[P1] Name | Owner: Leo`: a label ends at the field separator before it
    return Labelled(label, rest, match.start(2), _label_field(label), leader=leader)


# A form's question number before its label (`Q2 状态 Status`, `Q4.`), and the two halves of a
# bilingual label (`状态 Status`, `完成度 % complete (0-100)`): a Forms digest's fields (w21-c).
_QUESTION_NO = re.compile(r"^Q\d{1,2}[.)]?\s+", re.I)
_HALVES = re.compile(rf"(?<=[{HAN}])\s+(?=[A-Za-z%])|(?<=[A-Za-z)])\s+(?=[{HAN}])")


def label_keys(label: str) -> list[str]:
    """The label's key, then the keys of what it says without its question number and of each
    half of a bilingual label (`Q4 目标 Target (日期或 Sprint)` -> …, `目标`, `target`)."""
    bare = _QUESTION_NO.sub("", label)
    # (and without its gloss: `进度(%)`, a database column's name with its unit, is `进度`)
    unglossed = re.sub(r"\s*[(（][^()（）]*[)）]", "", bare).strip()
    halves = _HALVES.split(unglossed)
    forms = [label, bare, unglossed, *halves]
    return list(dict.fromkeys(label_key(form) for form in forms if form.strip()))


def _label_field(label: str) -> str | None:
    fields = [field_of(key) for key in label_keys(label)]
    # a signal field over a generic one (`目标 Target`: the target, not an objective's text)
    return next((f for f in fields if f not in (None, "generic")), next((f for f in fields if f), None))


@dataclass(frozen=True)
class Piece:
    """One field of a line: `start:end` of the line's text, and its label when it has one."""

    start: int
    end: int
    labelled: Labelled | None


_FIELD_SEPARATOR = re.compile(
    r"\s+[·•|｜/]\s+|\s*[；;｜]\s*|\s+-\s+(?=[^\s:：]{1,20}\s*[:：])|"
    r"\s+(?=(?:\*\*|__)[^\s:：*_]{1,12}(?:\*\*|__)\s*[:：])|"
    # fields lined up in columns of a plain-text record: `Lead: D. Marchetti      Status: ON TRACK`
    r"\s{3,}(?=[^\s:：]{1,20}(?:\s[^\s:：]{1,20})?\s*[:：])|"
    # a mail merge's record on one line, one space apart: `牵头科室：药学部 负责人：陈蔚 计划完成：9/30/2025`
    rf"(?<=[^\s:：])\s(?=[{HAN}]{{2,6}}：)"
)


_DAY_FIRST = re.compile(r"\d|[Qq][1-4]\b|[Hh][12]\b")


def _spaced_field(text: str) -> Labelled | None:
    """`当前进度 50%` between separators: a known field name, a space, its value (no colon)."""
    # a quoted line's `>` (a chat bot's card: `> 进度 30%｜目标 4.18｜<@handong>`) opens no label
    match = re.match(r"^(\s*(?:>\s*)*)([^\s>]\S{0,11})\s+(\S.*)$", text)
    if match is None:
        return None
    field = field_of(label_key(match[2]))
    # `目标 4.18 全车队上线` names its day; `目标 全员覆盖` is a goal, no field of the project's
    dated = field == "generic" and _DAY_FIRST.match(match[3]) is not None
    if field not in ("status", "progress", "target", "owner") and not dated:
        return None
    return Labelled(match[2], match[3], match.start(3), field)


def field_pieces(text: str, start: int = 0) -> list[Piece]:
    """The fields of one line: `Status: At risk · Target date: Apr 30 → May 30 · Progress: 50%`
    holds three. A line without two labelled fields is one piece (labelled as `split_label` says)."""
    bounds: list[tuple[int, int]] = []
    position = start
    text = as_colons(text)
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
        if whole is None:
            told = _told_field(text, start)
            if told is not None:
                return told
            # a line that is a target's field without its colon (`- 目标 5/31` under the project)
            spaced = _spaced_field(text[start:])
            if spaced is not None and spaced.field in ("target", "generic") and _DAY_FIRST.match(spaced.rest):
                whole = spaced
        return [Piece(start, len(text), whole)]
    return [Piece(a, b, found) for a, b, found in labelled]


# A field named after a comma in a Chinese sentence: `数据迁移85%，状态：风险，9/30切换存在不确定性`.
_COMMA_FIELD = re.compile(r"[，,]\s*(?=(状态|进度|完成度|风险等级|计划上线|预计上线|目标)\s*[:：])")


def _told_field(text: str, start: int) -> list[Piece] | None:
    """The sentence before the comma, then the field it names (what the field line would say)."""
    match = _COMMA_FIELD.search(text, start)
    if match is None:
        return None
    found = split_label(text[match.end() :])
    if found is None or found.field is None:
        return None
    return [Piece(start, match.start(), None), Piece(match.end(), len(text), found)]
