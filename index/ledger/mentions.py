"""A mention, where a report talks about a project (its lines as units), and what counts as a
project's name.

The model every reader of mentions shares (observations, prose, chat digests, speakers, release
rows), and the one cleaning and validity test for a name, so every layout that names a project
names it the same way. Where mentions are found: `mention_layout.py`; how a line opens with a
name: `mention_leads.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from index.date_labels import DATE_LABEL_CELL
from index.ledger.field_labels import Labelled
from index.ledger.signals import field_status, heading_status
from index.ledger.status_signs import shown_emoji
from index.models import Section, SectionKind
from index.plain_records import WORD_TAGS
from index.schemas import ProjectStatus
from index.text.normalise import (
    EMOJI,
    LETTER_TAG,
    MD_LINK,
    PROJECT_KEY,
    WIKI_LINK,
    nfkc,
    strip_markup,
    wiki_link_text,
)
from index.text.timeexpr import ANY_DAY, find_dates

NOT_PROJECT_KINDS = {
    SectionKind.INCIDENTS,
    SectionKind.METRICS,
    SectionKind.REFLECTION,
    SectionKind.PLANS,
    SectionKind.RISKS,
}
# A pictograph that decorates a bold lead (`🐘 **Heron is done!!** core-db…`, a newsletter's habit)
# says nothing; a status sign before one (`🟡 **Onboarding**`) says the status, and stays.
STATUS_SIGNS = "🟢🟡🟠🔴🔵🟣⚫⚪🟥🟧🟨🟩🟦✅❌⚠⛔🚧❗✔✖☑🛑⏸⏳🚫"
_EXTRA_MARKUP = re.compile(
    r"^\s*(?:>\s*)*(?:[(（]\d{1,3}[)）]\s*|[①-⑳]\s*|[·•]\s*|\d{1,3}[．]\s*|\[[ xX]\]\s+|"
    rf"(?![{STATUS_SIGNS}])[{EMOJI}]\ufe0f?\s+(?=\*\*))?"
)
BRACKET_NAME = re.compile(r"^【([^】]{1,40})】\s*")
_NOT_A_NAME = re.compile(
    r"本周|下周|上周|这周|这两周|^(?:上|本|下|这)期$|已经?|完成|没能|未能|进行|推进|预计|正在|开始|(?<!冷)启动|目前|当前|继续|持续|新增|支持|参与|组织|"
    r"\b(?:this|next|last) week\b|\b(?:we|i(?![/&])|our|completed|started|working|finished|shipped|launched)\b|"
    r"\d+\s*%|^\d+$|^\d+\s*(?:of|out of|/)\s*\d+\b|事件|事故|故障|incident|^(?:图例|凡例|범례|legend)\b|"
    # a letter's salutation (`Dear Mr. Faizal, 各位领导、同事：`, w52-c)
    r"^\W*(?:dear\s|尊敬的)|"
    # a question word left of a status heading (`🎉 What went live`, w52-d): the part's, no name
    r"^\W*(?:what|which|who|how|where|when|why)\W*$|"
    # a board's group of what is left (`## Still to do` over one project's line, w52-d)
    r"^\W*(?:still\s+)?(?:to[- ]?do|left\s+to\s+do|remaining)\W*$|"
    # a skipped issue told (`No report was issued for w/e 29/03/2024 (Good Friday).`): no subject
    r"^\W*no\s+(?:report|bulletin|issue|update|meeting|flash|memo|newsletter|digest)s?\b",
    re.I,
)
_GENERIC_TITLE = re.compile(
    r"(?:本周|重点|核心|主要|关键|其他|其它|日常)?(?:项目|专案|工作|进展|事项|任务|业务|需求)(?:进展|进度|情况|汇总|列表|更新|状态)?|"
    # the rest, whatever it holds: "其他", "Other business", "AOB", "Misc"
    r"其他|其它|其余|杂项|その他|others?|other business|any other business|aob|misc(?:ellaneous)?|"
    # a template's category of items and what it tracks of them: "活动上线", "版本进度", "功能发布"
    r"(?:本周|本期|近期)?(?:活动|版本|功能|需求|迭代)(?:上线|发布|进度|进展|计划|排期|情况)?|"
    r"(?:key |other |active |current )?(?:projects?|initiatives?|workstreams?|updates?|progress|status|"
    r"(?:high|low)lights?|deliverables?|roadmap)(?: updates?| status| overview)?|"
    # "Summary", "OPS SUMMARY", "Executive overview": a report's own opening part
    # a part listing the days ahead (`### DATES` over `- Project Board: Wed 21/05`, w54-d)
    r"(?:key |upcoming |important )?dates|"
    r"(?:[\w'’&/-]+\s+){0,2}(?:summary|overview)|tl;?dr|(?:本周|本期)?一句话(?:总结|概括|摘要)?|"
    # a portfolio tool's status part: "Overall Status Explanation", "Schedule status commentary"
    # (`Overall programme RAG: Amber (was Green).`: the whole programme's light, w40-d)
    r"(?:overall|schedule|scope|cost|project|programme|program|portfolio)\s+status(?:\s+(?:explanation|commentary|narrative|notes?))?|"
    r"overall(?:\s+(?:programme|program|project|portfolio))?\s+(?:rag|health)(?:\s+status)?|asks?\s+of\s+the\s+\w+|top\s+of\s+(?:the\s+)?\w+|(?:[\w'’]+\s+){0,2}(?:notes?|commentary)|general|team|at a glance|(?:this|next|last) (?:week|fortnight|cycle|period)|headlines?|top[ -]?lines?|"
    # a digest's or a letter's own parts: "SNAPSHOT", "Weekly snapshot", "A note from Corinne"
    # a page's list of its own parts (MATLAB `publish`'s `Contents`, a wiki's `目录`)
    r"(?:table of )?contents|目录|"
    # a partner's own paragraph in the report (`六、Vendor update – Caldera Re`, w41-h): whose news, no project
    r"(?:vendor|supplier|partner|contractor|customer|client)s?(?:\s+(?:update|news|corner|notes?))?|供应商|合作方|乙方|"
    r"(?:weekly |portfolio |project |team )?snapshot|(?:an? )?notes? from (?:the )?[\w'’.-]+(?: [\w'’.-]+){0,2}|"
    r"subject|from|to|cc|bcc|sent|date|re|fwd?|hi all|hello|thanks|regards|hiring|"
    r"各位(?:领导|同事|同学|老师)?好?|大家好|(?:各位)?领导(?:们)?好?|"
    # a list archive's navigation around the message (MHonArc's `Prev by Date`, `Index(es)`, w41-f)
    r"(?:prev(?:ious)?|next)\s+by\s+(?:date|thread)|(?:date\s+|thread\s+)?index(?:\(es\)|es)?|follow-?ups?|"
    # a generated report's header fields: "**Generated:** Mon … by mkweekly", "**Period:** …"
    r"(?:reporting |report )?period|generated(?: by| on| at)?|prepared by|compiled by|distribution|"
    r"(?:ops |team )?meeting|统计周期|报告周期|报送范围|"
    # a template's header fields: who filled it in, who checked it (`**填报人**：许嘉禾　**审核**：…`)
    r"填报人|填表人|审核人?|审批人?|编制人?|编写人?|撰写人?|汇报人|报告人|复核人?|值班人?|"
    # a print view's footer fields (`打印人：…　打印时间：…`, an OA's print page, w41-a)
    r"打印人|打印(?:时间|日期)|printed\s+(?:by|on|at)|"
    # a project's own leftovers after its cutover (`收尾任务：历史数据核对，5/30 前完成`), not one of its own
    r"收尾(?:任务|工作|事项)?|遗留(?:问题|事项|任务)|"
    # a notice box's label (`**征期提示**：3月征期 3/3 开始`, `温馨提示`, `Reminder:`): the period or rule
    # it reminds of, never a piece of work
    r"[\u4e00-\u9fff]{0,6}(?:提示|提醒)|(?:friendly\s+)?reminders?|heads[- ]up|"
    # an update e-mail's template sections: what went well, what did not, what the writer needs
    r"(?:wins|losses|misses|lowlights|asks|kudos|shout-?outs|worries|concerns)(?:\s*(?:&|and|/)\s*\w+)?|"
    # a register of changes to several projects' items: "DEFERRED ITEMS (TARGET CHANGES)", "Open actions"
    r"(?:deferred|open|closed|new|pending|outstanding|carried[- ]over)\s+(?:items|actions|changes|defects)|"
    r"(?:target|date|schedule|scope)\s+changes|change\s*log|"
    # a memo's standing labels, whose lines list several projects' dates and asks
    r"(?:key|upcoming|important)\s+(?:dates|milestones|deadlines)|"
    # a list of when releases ship (`**Release calendar:** 1.83 shipped October 17. 1.84 ships …`)
    r"(?:release|sprint|delivery|meeting)\s+(?:calendar|schedule|dates)|calendar|timeline|发版日历|发布日历|排期表|decisions?(?:\s+(?:needed|required|requested|for\s+noting))?|"
    # a weeknote's or a retro's template sections: "Things that went well", "What was hard"
    r"(?:things\s+that|what)\s+(?:went|were|was|is|are|didn['’]?t\s+go|did\s*n['’]?t\s+go)\s+"
    r"(?:well|badly|hard|wrong|ok(?:ay)?|great|difficult|tricky|less\s+well|not\s+so\s+well)|"
    # a letter's opener before its news ("Good news:", "Let's start with the good news:", "First,
    # the bad news:"): it announces the tone of what follows, the sentence after it names the project
    r"(?:(?:first|firstly|so|ok(?:ay)?|right),?\s+)?(?:(?:let['’]?s|let me)\s+(?:start|begin|open|kick off)\s+with\s+)?"
    r"(?:the\s+|some\s+)?(?:good|bad|great|big|main|other|mixed|sad|happy|exciting|better|worse)\s+news|"
    r"(?:本周|本期|本月|本次|整体)?(?:概要|概览|总结|概述|摘要|小结|回顾|汇总|速览|亮点|说明|总体情况)|备注|附注|其他说明|"
    # the cadence's own period, whose due date moves on every week by design: not a project
    r"(?:current|this|active|next)\s+(?:milestone|sprint|iteration|cycle)|(?:本期|当前|本次|下个?)(?:迭代|里程碑|冲刺)|"
    # a post's look ahead, where the next steps of several projects are listed
    r"what[’']?s\s+(?:next|coming(?:\s+up)?|ahead)|coming\s+up|looking\s+ahead|next\s+steps?|"
    # a roadmap's horizons ("**Now**", "**Next**", "**Later**"): when work is planned, not a work item
    r"now|next|later|up\s+next|(?:now|next|later)(?:\s*(?:/|,|&|and)\s*(?:now|next|later))+|"
    # a site or programme report's standing sections and header fields: the look-ahead lists other
    # trades' dates, the safety section tells incidents, the header the report's own week
    r"(?:(?:two|three|four|six|\d)[- ]week\s+)?look[- ]?ahead|weather|(?:health\s*(?:&|and)\s*)?safety|"
    r"hse|ehs|(?:key\s+)?risks?(?:\s*(?:&|and|/)\s*(?:issues|opportunities))?|"
    r"rfis?(?:\s*(?:&|and|/)\s*inspections)?|labou?r(?:\s*(?:&|and)\s*plant)?|programme(?:\s+status)?|"
    r"week\s+(?:ending|commencing|beginning)|report\s+no\.?|prepared\s+by|distribution|"
    # a programme office's standing sections: `1. HEADLINES`, `3. GxP SYSTEM EVENTS`, `5. GOVERNANCE`
    r"headlines|(?:project|programme|portfolio)\s+(?:status|overview|summary)|(?:\w+\s+)?system\s+events|"
    r"(?:site\s+)?kpis?(?:\s*\(.*\))?|governance(?:\s*(?:&|and)\s*change\s+control)?|change\s+control|"
    r"(?:risks?\s*/\s*)?issues\s*/\s*decisions|"
    # a meeting's or a PM mail's list of owed actions: `[9] AI (Action Items)`, `AIs`, `Open actions`
    r"(?:ais?\s*)?\(?(?:open\s+|new\s+)?(?:action\s+items?|actions?|ais|follow[- ]?ups?|todos?)\)?|ai|待办(?:事项)?|行动项|"
    # the table's own title over the projects it tracks: `[1] Milestone Tracker`
    r"(?:milestone|project|status|schedule|programme|program)s?\s+(?:tracker|board|table)|tracker",
    re.I,
)
_CIRCLED = re.compile(r"^([*_`\s]*)[\u2460-\u2473\u2776-\u2793\u24eb-\u24f4]\s*")
_STATUSY_PARENS = re.compile(
    r"\s*[(（][^)）]*(?:%|负责|owner|eta|status|on track|at risk|risk|风险|延期|完成|上线|\d{1,2}/\d{1,2})"
    r"[^)）]*[)）]",
    re.I,
)
Origin = Literal["structure", "lead", "prose"]
SIGNAL_FIELDS = ("status", "progress", "target", "owner")


@dataclass
class Unit:
    """One original line of a mention, without list markup; `head` lines speak for the whole project."""

    line: int
    text: str
    head: bool
    skip: int = 0
    labelled: Labelled | None = None
    lifecycle_until: int | None = None
    """In prose, where this line may still say the project launched or stopped: its subject's
    first clause ("Search migration is done."), not "…the vendor shipped a fix" later on."""
    status: ProjectStatus | None = None
    """The status its symbol stands for, when the layout says (a chat digest's legend of emoji)."""


def status_field(line: int, word: str, status: ProjectStatus | None = None) -> Unit:
    """A head unit that is the project's status field: the word the layout sets apart as its state
    (a sign before its name, a bracketed or aligned word after it, a card heading's field)."""
    return Unit(line, word, head=True, labelled=Labelled("status", word, 0, "status"), status=status)


@dataclass
class Mention:
    name: str
    section: Section
    start: int
    end: int
    units: list[Unit]
    filed_as: ProjectStatus | None = None
    """The status heading it is filed under (`## Done`, `## Won't Do`), if any."""
    filed_by: str = ""
    """The words that filed it when not its section's heading (a `- done ✅:` bullet)."""
    key: str = ""
    """The tracker id its table row gives (`#1578` under `编号`), if any."""
    origin: Origin = "structure"
    """"structure" when the layout says it is a project (a heading or bullet in a projects section,
    a field line, a table row); "lead" when only the lead of a line or paragraph names it, which
    the snapshot keeps only when the name recurs in another report."""


@lru_cache(maxsize=8192)
def line_text(text: str) -> str:
    """A line without its list markup; always a substring of what the verifier compares against.
    Cached: every reader of a report's lines strips them first."""
    return _EXTRA_MARKUP.sub("", strip_markup(text)).strip()


# What kind of thing a heading names, written before the name ("Goal: …", "议题一：…", "Epic: …").
TYPE_PREFIX = re.compile(
    r"^(?:goal|project|initiative|epic|workstream|okr|objective|milestone|feature|topic|item|"
    r"项目|目标|议题[一二三四五六七八九十\d]*|专项|课题)\s*[:：]\s*|"
    # a form's record number before the name: `ITEM 02  REC   RECORDS MIGRATION`, `Project 3 – …`
    r"^(?:item|project|workstream|entry|record|line)\s+\d{1,3}[.:)]?\s+(?=\S)",
    re.I,
)


# What a heading says about its project, written after the name ("反欺诈模型V4进展", "X status"),
# also before the owner in parentheses ("支付网关改造评审结果（张三）"). Updates after a lower-case
# word are the work itself (`TCU5 delta updates`, `firmware updates`), not news of it.
_TOPIC_SUFFIX = re.compile(
    r"(?<=\S)\s*(?:进展|进度|情况|同步|汇报|(?:评审)?结果|讨论|update|updates|status|progress)"
    r"(?=\s*(?:[(（][^()（）]{1,12}[)）])?$)",
    re.I,
)


def _topic_cut(match: re.Match[str]) -> str:
    """The topic word cut, unless it is updates after a lower-case word: the work itself."""
    before = match.string[: match.start()].split()
    plural = match[0].strip().lower() == "updates"
    return match[0] if plural and before and before[-1][:1].islower() else ""


# A meeting summary's topic title, the project and what happened to it (`TillPoint 7.2 Delay`, `Collect
# on Return Moves to Amber`, `Express Pay Launch`): the project is the name, the rest its news.
_TOPIC_WORDS = 6  # a topic title is a few words; a longer lead is a sentence whose verb is its news
_STATE_SUFFIX = re.compile(
    r"(?<=\S)(?:\s+(?:is|are|was|were|still|now|has\s+been|have\s+been))*"
    # (whose launch: `Customer Usage Portal employee soft launch completed …`, w41-d)
    r"(?:\s+(?:soft|public|internal|employee|staff|beta|pilot|limited|phased|official)(?=\s+(?:soft\s+)?(?:launch|go-?live)))*"
    r"\s+(?:blocked|delayed|delays?|slips?|slipped|slippage|on\s+hold|paused|at\s+risk|"
    r"goes\s+live|go-?live|launch(?:ed|es)?|kick-?off|completed?)$",
    re.I,
)


# "(formerly Referral Program v2)", "（原名 Gateway Mini）": the old name is a rename's, not this one's;
# "（以下简称“档案系统”）": the short name is an alias (`renames.py` reads it), not part of this one.
_RENAME_GLOSS = re.compile(
    r"\s*[(（]\s*(?:原名|原来叫|前称|旧称|曾用名|以下简称|下称|简称|formerly|previously|was\s*:|was\b)[^()（）]*[)）]",
    re.I,
)


# A numbered document's outline number ("### 1.3 银保通渠道接入", "2.1.4 Billing export"): its place
# in this week's document, which moves when a project above it ends, so not part of the name. A
# tracker reference before a name ("&12 Matchmaking v2", "#453 Party MMR", "!2301 …") is the
# item's id, which prose about the same project leaves out ("Matchmaking v2 shipped").
# A Chinese outline ordinal ("二、活动上线", "（一）信息化建设项目") is the same: the section's place.
# A board's bucket code in brackets (`[GOS]`), never a word tag (`[WIP]`): no part of a row's name,
# and its key across a rename (`bucket_code`).
_BUCKET = rf"(?!(?:{WORD_TAGS})\])[A-Z][A-Z0-9]{{1,5}}"
_OUTLINE_NUMBER = re.compile(
    r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.|[&#!]\d{1,6})\s+(?=[^\W\d_])|"
    r"[一二三四五六七八九十]{1,3}[、．]\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*|"
    # a tracker's row tag before the name: `[P1] 美西二期仓 | Owner: …`, a board's bucket code
    # `[GOS] GrowOS 2.4 升级` (w23-c), never a word tag (`[WIP]`)
    rf"\[(?:[A-Z]{{0,2}}\d{{1,3}}|{_BUCKET})\]\s*(?=\S))"
)


# A trailing bracket that holds the item's state, not its name: `Torque driver (blocked)`, an
# org-mode or Markdown checklist's count `BLE updates [3/7]`, `Rollout [42%]`.
_STATE_TAIL = re.compile(r"\s*[(（\[]([^()（）\[\]]{1,24})[)）\]]\s*$")
_COUNT = re.compile(r"\d{1,3}\s*/\s*\d{1,3}|\d{1,3}(?:\.\d)?\s*%")


def _without_state_tail(name: str) -> str:
    match = _STATE_TAIL.search(name)
    if match is None:
        return name
    inside = match[1].strip()
    if _COUNT.fullmatch(inside) or (len(inside.split()) <= 3 and heading_status(inside) is not None):
        return name[: match.start()]
    return name


# A wiki's link to the project's page (`[[Brackwell Daventry]]`, `[[site/dvt|Brackwell Daventry]]`)
# and a note-taker's tags after it (`#site/dvt`, Obsidian): the link's text is the name.
_TRAILING_TAGS = re.compile(
    r"(?:\s+#(?=[\w/-]*[^\W\d_])[\w/-]+#?)+\s*$"
)  # SiYuan closes a tag: `#项目/知识库#`
# A notes app's project tag after a heading's name (`### AI派单 #项目/智能派单#`, `## Kiln #project/kiln`):
# the same tag in every report whatever the heading calls the project, so its key across renames.
_PROJECT_TAG = re.compile(r"\s#((?:项目|project|proj|prj)/[^\s#/]+)#?\s*$", re.I)


# A board's bucket code before a row's name (`[GOS] GrowOS 2.4 升级`, later `[GOS] SCADA cutover`): the
# bucket stays when the row is renamed, so it keys the project (w23-c). Letters only: `[P1]` is a priority.
_BUCKET_CODE = re.compile(rf"^\s*\[({_BUCKET})\]\s*\S")


def bucket_code(cell: str) -> str:
    match = _BUCKET_CODE.match(cell)
    return match[1] if match else ""


def project_tag(title: str) -> str:
    match = _PROJECT_TAG.search(title)
    return match[1] if match else ""


# A lead that says how the project's light changed ("GLM v4 drops to Amber: …", "Checkout back to
# green", "Search is now at risk"): the name ends before the verb; the line still tells the status.
# (one verb, its adverbs around it: `Collect on Return Moves to Amber` keeps `Return`)
_LIGHT_CHANGE = re.compile(
    r"\s+(?:(?:is\s+now|is|now)\s+)?(?:(?:drops?|dropped|moves?|moved|goes|went|turns?|turned|slips?|slipped|"
    r"falls?|fell|returns?|returned|upgraded|downgraded)\s+|is\s+now\s+|is\s+|now\s+|back\s+)(?:back\s+)?"
    r"(?:to\s+|into\s+)?(?:amber|red|green|yellow|at[- ]risk|on[- ]track|off[- ]track|blocked)\b.*$|"
    # (a Chinese lead's verb glued to its name: `618 备战转 At risk：…`, `支付网关转红`)
    r"(?<=\S)(?:转为?|变为?|调为|降为|升为)\s*(?:amber|red|green|yellow|at[- ]risk|on[- ]track|off[- ]track|blocked|[黄红绿](?:灯|色)?)(?![a-z]).*$",
    re.I,
)


# A lead that says the project went out, and when (`Sample Accessioning Portal GA on Mon 10/27`, `Cairn
# LIMS 4.2.1 live in production since Sat 10/18`): the name ends before the verb.
_WENT_OUT = re.compile(
    r"\s+(?:(?:is|went|now|was)\s+)?(?:GA|live|launched|shipped|released|done|completed?)"
    r"(?:\s+(?:in production|on|since|at|as of|to all)\b.*)?$"
)


# A numbered paragraph's name ends with its sentence: `2.1 DMS Migration. RAG status: Green.` (a
# legal drafting style's workstream paragraphs, written from a blind wave's law-firm update). A word's
# stop, not an outline number's: `5. Health score v2 (Gauge)` is a name.
_FIELD_AFTER_STOP = re.compile(
    r"(?<=[^\W\d_]{2})\.\s+(?:RAG|status|health|progress|target|owner|lead|ETA|due)\b.*$", re.I
)


# A heading's own fields after its name, set off by bars (`电子病历结构化模板2.0 ｜ 负责人：林可 ｜ 🟢正常`).
# A plain-text record's fields are set off by a wide gap (`ITEM 05  STORES INTERFACE      STATUS: SD`).
PIPE_FIELDS = re.compile(
    rf"(?:\s*[|｜]\s*(?:[^|｜:：]{{1,12}}[:：]|[{EMOJI}])|\s{{3,}}[^\s:：|｜][^:：|｜]{{0,11}}[:：]).*$"
)
# A state word in brackets after a name (`1. 新核心　[已投产]`, `（一）营收系统升级　【正常】`): the state the
# report's legend lists, set by the author as a field is (w55-g).
MARKED_STATE = re.compile(r"[【\[]\s*([^】\]\[【\d]{1,12}?)\s*[】\]]")


def marked_state(text: str, after: int) -> re.Match[str] | None:
    """The first bracketed word (`MARKED_STATE`) at or after `after`, the end of the name."""
    return next((m for m in MARKED_STATE.finditer(text) if m.start() >= after), None)


_TRAILING_WEEKDAY = re.compile(
    r"(?<=\S)\s+(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?,?$"
)  # (`Sun` names things)


_QUOTED_WHOLE = re.compile(r'^"([^"]+)"$')


def clean_name(name: str) -> str:
    name = WIKI_LINK.sub(wiki_link_text, name)
    name = MD_LINK.sub(r"\1", name)  # a tracker's table links each name to its item (w45-d)
    name = _QUOTED_WHOLE.sub(r"\1", name.strip())  # MATLAB's table shows a string cell in quotes
    name = shown_emoji(name)  # `门架北斗授时模块加装 :white_check_mark:`: a sign after the name, as ✅ is
    name = _FIELD_AFTER_STOP.sub("", name)
    name = PIPE_FIELDS.sub("", name)
    name = _BARE_LABEL_AFTER.sub("", name)
    name = _LIGHT_CHANGE.sub("", name)
    name = _WENT_OUT.sub("", name) or name
    name = _TRAILING_TAGS.sub("", name)
    name = _CIRCLED.sub(r"\1", name)  # `① 小满家居自播间`: the list's place (NFKC would make it a `1`)
    name = _without_state_tail(_STATUSY_PARENS.sub("", nfkc(name)))
    name = _OUTLINE_NUMBER.sub("", _RENAME_GLOSS.sub("", name))
    name = re.sub(r"[*_`#]+", "", name)
    name = _LEADING_EMOJI.sub("", name)  # "🎉 活动上线", "📦 版本进度": a template's icon
    name = _TRAILING_EMOJI.sub("", name)  # "Query planner 🟡": its status, read as one, not its name
    name = re.sub(r"^\s*【\d{1,2}】\s*", "", name)  # `【3】地磅改造`: its place in the week's list
    name = STATE_TAG.sub(lambda m: "" if field_status(m[1]) else m[0], name)  # `[At risk] eKYC v2`
    name = _KEYED_TAG.sub(lambda m: m[1] + " " if field_status(m[2]) else m[0], name)  # `P2 [Y] H2Go 预约`
    name = BRACKET_NAME.sub(lambda m: m[1] + " ", name)
    name = re.sub(r"\s*——.*$|\s+[—–-]\s+.*$", "", name)
    name = TYPE_PREFIX.sub("", name.strip())
    # (a bold lead closed by its sentence's stop: `**（四）征期开票高峰扩容。**状态：已完成`, w50-b)
    name = _TOPIC_SUFFIX.sub(_topic_cut, name.strip(" \t:：-—–·•【】[]。"))
    if len(name.split()) <= _TOPIC_WORDS:  # `Flight Change Rebooking Blocked`: a meeting summary's topic
        name = _STATE_SUFFIX.sub("", name) or name
    name = _TRAILING_WEEKDAY.sub("", name)  # `Homepage switch Mon` of `… Mon 3 March`: the day's (w26-d)
    return re.sub(r"\s{2,}", " ", name).strip(" \t:：-—–·•【】[]。")  # a form's column gaps


# Status-category and template headings: where a board or a template files projects, never one.
STATUS_HEADING = re.compile(
    r"(?:to ?do|backlog|in progress|in flight|in review|doing|done|completed?|shipped|released|launched|"
    r"won'?t do|wont do|cancell?ed|blocked|on hold|paused|slipping|at risk|off track|on track|up next|next up|"
    r"planned|ongoing|not started|待办|待开始|未开始|进行中|已完成|本周完成|本周完成工作|下周计划|已上线|已暂停|已取消|"
    # a roadmap's columns ("**Now**", "Dropped"): when, not what. ("Next:" over bullets that each
    # name their project stays a heading those bullets are read under: tests/ask needs their lines.)
    r"now|dropped|"
    # a report's own summary: what it says in short, never a project
    r"tl;?\s?dr|summary|executive summary|highlights?|commentary|overview|本周要点|要点|摘要|概要|本期导读|导读|"
    # a meeting app's AI minutes (`【会议摘要】`, `章节速览`, `发言总结`, `Meeting summary`, `Chapters`, w46-d)
    r"(?:会议|本周|本期|周会|例会)(?:摘要|总结|小结|纪要)|发言总结|章节速览|智能纪要|"
    r"(?:ai\s+|meeting\s+)(?:summary|recap|minutes)|recap|chapters|key\s+takeaways|"
    # a meeting's own parts (`00:00:06 开场`, `Welcome and introductions`, `AOB`)
    r"开场|开场白|议程|会议议程|会议安排|下次会议|其他事项|opening|welcome(?:\s+and\s+introductions)?|introductions|agenda|"
    r"wrap[- ]?up|next\s+meeting|housekeeping|"
    r"aob|any\s+other\s+business|"
    # what the period achieved, as a status report's section names it (`Achievements last period`)
    r"(?:(?:本期|本周)?主要成果\s*)?(?:major\s+)?(?:achievements?|accomplishments?)|本期主要成果|主要成果|key activities(?:\s+next\s+period)?|(?:latest\s+)?updates?|key messages?|key points|"
    r"风险项|阻塞项|closed|resolved|finished)"
    # the period it covers and a note on it: "Closed this period (auto; closing comment shown)"
    # (or since the last one: `DONE SINCE LAST REPORT`, w54-a)
    r"(?:\s+(?:this|last|next)\s+(?:week|period|sprint|cycle|month|fortnight)|"
    r"\s+since\s+(?:the\s+|our\s+)?last\s+(?:report|update|week|issue|bulletin|mail|status))?"
    r"\s*(?:[(（][^()（）]{0,40}[)）])?",
    re.I,
)


# A pinned note's card or heading (`📌 PM note · S25-06 wk1`, `Editor's note`, `备注`): the writer's
# word on the week, never a project; a project of that name says more (`Notes app redesign`).
NOTE_HEADING = re.compile(
    r"(?:(?:pm|editor'?s?|lead'?s?|manager'?s?|team|pinned|weekly|sprint)\s+)?notes?"
    r"(?:\s*[·•|:：—–-]\s*.*)?|(?:备注|编者按|置顶|置顶说明|周报说明|写在前面)(?:\s*[·•|:：—–-]\s*.*)?",
    re.I,
)


# A report's own title line (`**潮汐小馆｜S7 第4周 周报** (1/2)`, `Platform weekly update — W14`): the
# report noun ends the name or is set off after it; `周报系统重构` (a project about reports) goes on.
REPORT_TITLE = re.compile(
    r".*(?:(?:周报|双周报|月报|周会纪要)(?:$|[\s|｜·(（\d:：—–-].*)"
    r"|(?:weekly (?:report|update|digest)|status report|biweekly update)(?:$|\s*[|｜·(（:：—–-].*|\s+W?\d.*))",
    re.I,
)


# A field's label set off after the name whose colon the lead's reader took off (`P1 [R] 站控迁移        负责`).
# (and a known field two spaces after it: `P6 [C] 支付通道切换 (聚合收单迁移)  负责: 何嘉    已取消`)
_BARE_LABEL_AFTER = re.compile(
    r"\s{3,}(?:负责人?|责任人|owner|lead)$|\s{2,}(?:负责人?|责任人|进度|目标|状态|owner|lead|progress|target|status)\s*[:：].*$",
    re.I,
)


# A project's key and the legend's letter tag after it (`P2 [Y] H2Go 预约`): the tag is its status.
_KEYED_TAG = re.compile(rf"^(\s*{PROJECT_KEY})\s+({LETTER_TAG})\s+(?=\S)")


# A state in square brackets before the name, as a digest tags its lines (`[Delayed] Nusa Link — …`).
# (one space after it: `[ON TRACK]   Target: …` is a row of fields, not a tagged name)
STATE_TAG = re.compile(r"^\s*\[([^\[\]]{2,16})\] (?=\S)")
_LEADING_EMOJI = re.compile(
    rf"^(?:[\s\u23e9-\u23fa{EMOJI}\ufe0f\u200d]|:[a-z0-9_+-]{{2,40}}:)+"
)  # `:zap:` as `⚡`
_TRAILING_EMOJI = re.compile(rf"(?<=\S)[\s\u2300-\u23ff{EMOJI}\u2b00-\u2bff\ufe0f\u200d]+$")


# A gloss after a name ("Anchor（安全启动）", "Kiln (feature store 迁移)") says what it is; its words
# (启动 in 安全启动, "boot") are not the prose verbs that make a line no name. Written from
# bilingual-biweekly-iot.
_GLOSS = re.compile(r"\s*[(（][^()（）]{1,20}[)）]\s*$")


_SHARE = re.compile(r"\d+\s*%")
_BILINGUAL_SLASH = re.compile(r"\s+/\s+")
_STATUS_PAIR = re.compile(r"\s*[/／、&+]\s*|\s+(?:and|or)\s+|[和及与或]", re.I)
_PERIOD_NAME = re.compile(
    # (a word may say whose count it is: `Season week 11`, `Programme Week 27`, `Teaching week 3`)
    r"(?:(?:FY|CY)\s?\d{2,4}\s*)?(?:wk|week|w|cw|kw|ww|fw)\s?\d{1,2}|[A-Za-z]{3,12}\s+(?:wk|week)\s?\d{1,2}|"
    # Shape Up's weeks between cycles
    r"cool[- ]?down|"
    r"20\d{2}\s?[-_]?w\d{1,2}|"
    # a timebox, closed or reviewed (`Sprint 25.04 closed: 31 of 36 points`): the team's period
    r"(?:sprint|iteration)\s*#?\s*\d{1,4}(?:\.\d{1,3})?(?:\s+(?:closed|done|complete[d]?|review|retro))?|"
    # `秋季学期 · 第3教学周`, `第12期`: a school's or the series' own count of its weeks (w33-c)
    r"(?:[\u4e00-\u9fff]{2,6}\s*[·・]\s*)?第\s*[\d一二三四五六七八九十]{1,3}\s*(?:教学|自然|财年)?(?:周|期|双周)",
    re.I,
)
# A part's name and what follows it after a middle dot (`汇总·发胡总`, `Summary · for the board`).
_ADDRESSED = re.compile(r"\s*[·•]\s*")
_EXAMPLE = re.compile(r"^(?:例|示例|样例|举例|e\.g\.|example)(?:\s|[:：])", re.I)


_LANGUAGE_HALVES = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z])|(?<=[A-Za-z])\s+(?=[\u4e00-\u9fff])")


def valid_name(name: str, typed: bool = False) -> bool:
    """`typed`: the heading said what it names ("Goal: Cut median CI time by 30%"), so a share in
    it is the goal's measure, not a progress line."""
    bare = _GLOSS.sub("", name) if len(_GLOSS.sub("", name)) >= 2 else name
    if typed:
        bare = _SHARE.sub("", bare)
    if not 2 <= len(name) <= 60 or _NOT_A_NAME.search(bare) or STATUS_HEADING.fullmatch(name.strip()):
        return False
    if NOTE_HEADING.fullmatch(_LEADING_EMOJI.sub("", name.strip())) or REPORT_TITLE.fullmatch(name.strip()):
        return False
    if heading_status(name) is not None:
        return False  # "done ✅", "已上线 🚀": a status group's label
    halves = _BILINGUAL_SLASH.split(_ORDINAL.sub("", name.strip()))
    # `Summary / 今周のポイント`, `3. Projects / 进捗一覧`: a template's part in two languages
    if len(halves) == 2 and any(STATUS_HEADING.fullmatch(h) or _GENERIC_TITLE.fullmatch(h) for h in halves):
        return False
    parts = _STATUS_PAIR.split(name.strip())
    if len(parts) > 1 and all(STATUS_HEADING.fullmatch(p) or heading_status(p) is not None for p in parts):
        return False  # `暂停 / 取消`, `Paused & cancelled`: a board's column of two states
    if find_dates(name, ANY_DAY) and len(name) < 12:
        return False
    if DATE_LABEL_CELL.fullmatch(name.strip()):
        return False  # `対象期间`, `Reporting period`: the label of the report's days
    if _PERIOD_NAME.fullmatch(name.strip(" *_")):
        return False  # `FY25 Wk14`, `2025w07`, `Week 6`: the report's own period, not a project
    titled = _ORDINAL.sub("", name.strip())
    if _GENERIC_TITLE.fullmatch(titled) or _GENERIC_TITLE.fullmatch(_GLOSS.sub("", titled)):
        return False  # "LOOKAHEAD (2 WKS)" is a template's look-ahead as "Look-ahead" is
    if _ADDRESSED.search(titled) and not valid_name(_ADDRESSED.split(titled)[0]):
        return False  # `汇总·发胡总` (summary · to the boss): a template's part and who it is for
    if _EXAMPLE.match(titled):
        return False  # `例 张三｜XX项目｜…`: a template's example entry
    halves = _LANGUAGE_HALVES.split(titled.strip())
    if len(halves) == 2 and all(_GENERIC_TITLE.fullmatch(half) for half in halves):
        return False  # `项目 Projects`, `重点项目 Key projects`: one generic title in two languages
    if len(halves) == 2 and all(STATUS_HEADING.fullmatch(h) or heading_status(h) is not None for h in halves):
        return False  # `暂停 Paused`, `已完成 Done`: a board's column in two languages
    return _OVERVIEW.fullmatch(name.strip()) is None


# A numbered section's ordinal ("1. Summary", "3.2 Risks", "(4) Weather"): the words after it say
# whether the heading is a template's section.
_ORDINAL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)、:]?\s+|[(（]\d{1,2}[)）]\s*)")


# "一、整体情况" (its 情况 cut as a topic suffix) is every report's overview, under its ordinal, not
# a project. Written from zh-email-hardware.
_OVERVIEW = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:整体|总体|overall)", re.I)
