"""Classify a section by its heading keywords, in Chinese and English.

Order matters: "下周工作及目标" is a plan even though it says 工作, and "系统运行数据" is metrics.
A heading with no keyword inherits its parent's kind, so `【商户服务重构】` under `【重点工作】` is a project.
"""

from __future__ import annotations

import re

from index.models import SectionKind
from index.text.normalise import LETTER_TAG, PROJECT_KEY

_RULES: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (
        SectionKind.REFLECTION,
        re.compile(
            r"反思|收获|心得|体会|感悟|复盘总结|reflection|lesson|\blearnings\b|^\W*learning\W*$|\bretro(?:spective)?s?\b",
            re.I,
        ),
    ),
    # events graded by severity are incidents, planned works listed beside them or not
    # (`[3] EVENTS P1-P3 + planned (last 7d, UTC)`, a cron job's look-ahead, w52-f)
    (
        SectionKind.INCIDENTS,
        re.compile(r"\bevents?\s+(?:P|Sev\s*|S)[0-4](?:\s*[-–/]\s*(?:P|Sev\s*|S)?[0-4])?\b", re.I),
    ),
    (
        SectionKind.PLANS,
        re.compile(
            r"下周|下阶段|下月|下期|下一期|下个?迭代|计划与目标|工作计划|next\s*(?:(?:two|three|four|few|couple\s+of|\d)\s+)?(weeks?|wks?|steps|sprints?|months?|cycles?|periods?|fortnight)\b|"
            r"look-?\s?ahead|coming\s+up|^\W*outlook(?:\s*[/(:-].*|\s+(?:for|next)\b.*)?$|"
            r"upcoming|\bplan(?:s|ned)?\b|todo|"
            # (`Planning` before a capitalised noun names a team or a system: `Mine Planning Systems`)
            r"\bplanning\b(?!\s+(?-i:[A-Z]))|"
            # a meeting's action items: who does what by when, not the projects themselves
            r"待办|行动项|跟进事项|\baction\s+items?\b|^actions?$|^follow[- ]?ups?$",
            re.I,
        ),
    ),
    (
        SectionKind.INCIDENTS,
        re.compile(
            r"事故|故障|事件|告警|线上问题|生产问题|运行问题|现场问题|异常事件|\banomal(?:y|ies)\b|(?:线上|生产|系统|服务)稳定性(?:情况|回顾|事件)?\s*$|incident|outage|post-?mortem|\bsev\b|on-?call|"
            r"\bpag(?:ing|er|ed)\b|"
            # one incident's own section, its tracker key first (`## INC-1147 — self-exclusion registrations delayed`)
            r"^\W*(?:INC|PD|PIR)-\d{2,}\b|"
            # an outage's review (`3/13 报名接口超时复盘结论`, w33-g), never a project's retro (`复盘总结`)
            r"复盘结论|(?:超时|宕机|中断|不可用|报错|雪崩)\S{0,8}复盘|"
            # a review labelled as one, of the day it happened (`【复盘】3/19 14:05 处方推送延迟（P2…）`, w50-e)
            r"^\W*[【\[]复盘[】\]]\s*\d{1,2}\s*[/月.]\s*\d{1,2}|"
            # aviation's and safety's word for one (`OCCURRENCES (PRODUCTION)`), a service's outages
            r"\boccurrences?\b|\bservice\s+(?:disruptions?|interruptions?)\b|"
            # a plant's or a service desk's own name for them (`Production Events (Service Requests …)`)
            r"\b(?:production|prod|live)\s+events?\b|"
            # an operations board's (`DISRUPTIONS (production)`, `Production disruptions`, w20-b)
            r"^\W*disruptions?\b|\b(?:production|prod|live|operational)\s+disruptions?\b|"
            # a GxP site's deviations (`异常/偏差`, `本周偏差`, `偏差记录`), not a schedule's variance
            r"(?:异常|本周|本期|质量)\s*[/、和与及]?\s*偏差|偏差\s*(?:记录|事件|报告|/\s*CAPA)|^\W*偏差\W*$|"
            # a fab's or a plant's out-of-control events (`异常 / Excursion`, `生产异常`, `Excursions`)
            # a plant's defects told with its anomalies (`六、缺陷及异常`, graded 危急/严重/一般, w46-g)
            r"缺陷\s*(?:及|与|和|、|/)\s*异常|异常\s*(?:及|与|和|、|/)\s*缺陷|"
            r"\bexcursions?\b|^\W*(?:\d{1,2}[.、]\s*)?(?:本周|生产|工艺|设备|制程|品质|质量)?异常(?:情况|记录|处理|汇总)?\s*(?:$|[/／(（])|"
            # an operations team's part on how its services ran (`2. SERVICE`, `Service health`, w41-f)
            r"^\W*(?:\d{1,2}[.)、]\s*)?services?(?:\s+(?:health|status|availability|stability))?\W*$|"
            # a record's or a query's field names, three of an event's (`发生时间 · 系统 · 等级 · 时长_分钟 ·
            # 影响 · 处置`, a database client's incident query, w46-a)
            r"^(?=.*[·|/])(?:.*?(?:发生时间|故障时间|时长|等级|级别|定级|影响|处置|根因|原因|\bseverity|\bduration|"
            r"\bimpact|root\s+cause|\bresolution)){3}",
            re.I,
        ),
    ),
    (
        SectionKind.RISKS,
        # what the team waits on from others ("外部依赖", "Dependencies") is a blocker list, not projects
        re.compile(
            r"风险|阻塞|问题与|重点问题|求助|协调|依赖|risk|blocker|concern|escalation|dependenc|\bask|\b(?:hot|key|open)\s+issues\b|"
            # what the team asks of its leaders: "需要支持", "需领导协助", "支持事项", "Help needed"
            # (Taiwan writes 支援 for 支持: `需支援事項`)
            r"需要?(?:的)?(?:领导|公司|部门|外部)?(?:协助|支持|支援)|(?:支持|协助|支援)(?:事项|需求|请求)|"
            r"\b(?:help|support)\s+(?:needed|required|requested)\b|\bneeds?\s+from\b|"
            # what the team needs its board to decide
            r"\bdecisions?\s+(?:required|needed|requested|sought)\b|待决策|需(?:要)?决策|决策事项|"
            # what the approver or a leader wrote back on the report
            r"审核意见|审批意见|领导批示|领导意见|\b(?:reviewer|approver)['’]?s?\s+comments?\b",
            re.I,
        ),
    ),
    (
        # A site's or a plant's safety section tells incidents beside inspections, talks and drills:
        # its incidents are found by their own words (`near miss`, `utility strike`), not by the
        # heading, and its "health" is no metric.
        SectionKind.OTHER,
        re.compile(r"health\s*(?:&|and)\s*safety|\bh\s*&\s*s\b|\bhse\b|\behs\b|安全生产", re.I),
    ),
    (
        # a programme's dashboard lists its projects and their states, not figures (w27-d)
        SectionKind.PROJECTS,
        re.compile(
            r"\b(?:programme|program|project|portfolio|workstream)s?\s+dashboard\b|项目看板|项目仪表盘", re.I
        ),
    ),
    (
        SectionKind.METRICS,
        re.compile(
            r"数据|指标|可用性|成功率|度量|metric|(?<![a-z])kpis?(?![a-z])|\bsl[oai]s?\b|numbers|\bfigures\b|health|dashboard",
            re.I,
        ),
    ),
    (
        SectionKind.PROJECTS,
        re.compile(
            # (a project is a 專案 in Taiwan)
            r"重点|项目|专案|进展|工作|业务|建设|升级|研发|产品|本周完成|已完成|进行中|在研|\bO\d\b|^O\d|project|progress|"
            r"initiative|roadmap|status|highlight|update|deliver|milestone|workstream|epic|in progress|ongoing|"
            r"in[- ]flight|under\s?way|in the works|on deck|"
            # a go-live bulletin's parts: what went live and what is still to do (w52-d)
            r"\b(?:went|gone|goes|now)\s+live\b|\bstill\s+to\s+do\b|^\W*what\s+(?:shipped|launched)\b",
            re.I,
        ),
    ),
)


# Sections whose subheadings name one of their entries (a project, an incident: `Dashboard sign-in
# failures — Resolved` under `Known issues / incidents`), whatever metric or project words they hold.
_NAMES_UNDER = (SectionKind.PROJECTS, SectionKind.INCIDENTS)
_KEYED_TAG = re.compile(rf"^\W{{0,3}}{PROJECT_KEY}\s+{LETTER_TAG}\s")
# A project's own field set off after its name: an owner, a share done, a target.
_PROJECT_FIELD = re.compile(
    r"(?:\s{2,}|[|｜·]\s*)(?:负责人?|责任人|进度|完成度|目标|计划完成|owner|lead|progress|target|due|eta)\s*[:：]",
    re.I,
)


# A card heading's own fields after its name (`④ 耗材扫码出入库 ｜ 负责人：杜晓雯 ｜ 🟡有风险`): the
# project's owner and state, not the section's kind ("有风险" does not make it a risks section).
_PIPE_FIELDS = re.compile(r"\s[|｜]\s*(?:[^|｜:：]{1,12}[:：]|[\u2600-\u27bf\U0001f000-\U0001faff]).*$")
# A project heading's own state after its glyph (`2.1 跨服战场 🟡 有风险 · owner @黄一帆`, w19-c):
# the item's status, not the kind of section ("有风险" names no risks section).
# (an English state is two words: `Pup Profile — 🟡 At risk`)
_GLYPH_STATE = re.compile(
    r"\s[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?\s*[^·•|｜\s]{0,8}(?:\s[A-Za-z]{2,8}\b)?"
)
# A state set off after a wide gap at a heading's end (`GW2    告警`, a site's badge; a board's
# `[RK2] RangerKit 2.0          CLOSED`): the item's state, not the kind of section.
ALIGNED_STATE = re.compile(r"(?<=\S)\s{4,}([^\s|｜][^|｜]{0,15}?)\s*$")
# A project heading's risk state at its end (`Mobile Wallet [At Risk]`, `支付网关（有风险）`,
# `Ledger Sync — at risk`): the item's state, not a risks section, which its name would still say.
_RISK_STATE = r"(?:at[\s-]risk|high[\s-]risk|有风险|高风险|存在风险)"
_RISK_STATE_TAIL = re.compile(
    # (in brackets after a gloss too: `（二）营收系统V3.2升级（阶梯水价＋远传计费）　【有风险】`, w55-e)
    rf"(?:(?<=[\w)）\]】])\s*[(（\[【]\s*(?:{_RISK_STATE}|风险)\s*[)）\]】]|(?<=\w)\s*\s[—–-]{{1,2}}\s*{_RISK_STATE}"
    rf"|(?<=\w)\s*[:：]\s*{_RISK_STATE})\W*$",
    re.I,
)


# Parts a heading lists with a spaced slash, a pipe or an ideographic comma.
LISTED_PARTS = re.compile(r"\s+[/|]\s+|、")


def _kind_of(part: str) -> SectionKind | None:
    return next((kind for kind, pattern in _RULES if pattern.search(part)), None)


def classify_heading(title: str, parent: SectionKind | None = None) -> SectionKind:
    """The kind named by the heading's keywords, else the parent's kind, else OTHER.

    Under a projects section a heading is a project's name, and names borrow metric words
    ("Cost Explorer Dashboard", "系统稳定性度量"): there only the kinds that are really nested
    sections of their own (an incident list, risks, plans, a reflection) override the parent.
    Under an incidents section a heading is an incident's title, read the same way.
    """
    keyed = _KEYED_TAG.match(title) is not None  # `P7 [D] 告警降噪`: a project's key and its state tag
    if parent is SectionKind.PROJECTS and len(_PROJECT_FIELD.findall(title)) + keyed >= 2:
        return parent  # `P7 [G] 告警降噪    负责: 周蔚    进度: 65%`: a project with its fields, whatever its name says
    title = _GLYPH_STATE.sub(" ", _PIPE_FIELDS.sub("", ALIGNED_STATE.sub("", title)))
    title = _RISK_STATE_TAIL.sub("", title)
    parts = LISTED_PARTS.split(title)
    if len(parts) > 1 and _kind_of(parts[0]) is SectionKind.INCIDENTS:
        # `4. Incidents / risks / asks / next week` (a do-file's part, w54-f): the incidents listed
        # first are its body, not the next week's plans listed last
        return SectionKind.INCIDENTS
    kind = _kind_of(title)
    if kind is None:
        return parent if parent is not None else SectionKind.OTHER
    if parent in _NAMES_UNDER and kind in (SectionKind.METRICS, SectionKind.PROJECTS):
        return parent
    return kind
