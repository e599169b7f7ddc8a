"""Find where a report talks about a project, and under what name.

Reports name projects in several shapes: a `### Name` heading or a Notion bracket label
(`- 【商户服务重构】`, a Section in the parse tree) whose body describes it; a labelled bullet
(`- 平安存管接入：…`, `- Checkout: …`); a short bullet whose children are numbered steps
(`- 账单数据质量治理` + `1. …`); or a short first clause (`- 交易不成退代，完成…`). A section holding
several labelled bullets is a container of projects, not a project itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from index.ledger.field_labels import Labelled, field_pieces, label_key, split_label
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.signals import find_statuses, heading_status
from index.ledger.table_columns import column_roles, name_column
from index.ledger.title_leads import numbered_title, quoted_code
from index.models import Item, Report, Section, SectionKind
from index.schemas import ProjectStatus
from index.text.cjk import has_han
from index.text.normalise import nfkc, strip_markup
from index.text.timeexpr import find_dates

NOT_PROJECT_KINDS = {
    SectionKind.INCIDENTS,
    SectionKind.METRICS,
    SectionKind.REFLECTION,
    SectionKind.PLANS,
    SectionKind.RISKS,
}
_EXTRA_MARKUP = re.compile(
    r"^\s*(?:>\s*)*(?:[(（]\d{1,3}[)）]\s*|[①-⑳]\s*|[·•]\s*|\d{1,3}[．]\s*|\[[ xX]\]\s+)?"
)
_NUMBERED = re.compile(r"^\d|^[(（]\d|^[①-⑳]")
_BRACKET_NAME = re.compile(r"^【([^】]{1,40})】\s*")
_BOLD_NAME = re.compile(r"^(?:\*\*|__)(.{1,60}?)(?:\*\*|__)\s*[:：]?\s*")
_LINK_NAME = re.compile(r"^\[([^\]]{2,80})\]\([^)\s]*\)\s*")
_PIPE_LEAD = re.compile(r"^(.{2,40}?)\s*[｜|]\s*")
# The subject of a prose sentence about a project: "Checkout redesign is now looking like ...",
# "The GraphQL pilot is canceled", "Warehouse stock sync has slipped".
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:the|our)\s+)?((?:[A-Z0-9][\w.+/&-]*)(?:\s+[\w.+/&()-]+){0,5}?)\s+(?:is|are|was|were|has|have|had|"
    r"went|moved|slipped|slips|shipped|launched|landed|remains|stays|looks|will|won't|can't|needs|hit|reached|"
    r"passed|got|goes|rolled|finished|completed)\b",
    re.I,
)
_NOT_SUBJECT = re.compile(
    r"^(?:we|i|it|this|that|these|those|there|here|everything|nothing|something|all|both|each|everyone|"
    r"nobody|team|the team|next|last|good news|bad news|headline|update|also|then|overall|finance|qa)\b",
    re.I,
)
# A gloss after the name ("Invite & Earn (formerly Referral Program v2) – …") may run past the
# name's own length limit.
_FIRST_CLAUSE = re.compile(r"^(.{2,40}?(?:\s*[(（][^()（）]{1,40}[)）])?)(?:[，,]|\s+[—–-]\s+|\s*——\s*)")
_NOT_A_NAME = re.compile(
    r"本周|下周|上周|已经?|完成|进行|推进|预计|正在|开始|启动|目前|当前|继续|持续|新增|支持|参与|组织|"
    r"\b(?:this|next|last) week\b|\b(?:we|i|our|completed|started|working|finished|shipped|launched)\b|"
    r"\d+\s*%|^\d+$|事件|事故|故障|incident",
    re.I,
)
_GENERIC_TITLE = re.compile(
    r"(?:本周|重点|核心|主要|关键|其他|其它|日常)?(?:项目|工作|进展|事项|任务|业务|需求)(?:进展|进度|情况|汇总|列表|更新|状态)?|"
    r"(?:key |other |active |current )?(?:projects?|initiatives?|workstreams?|updates?|progress|status|"
    r"(?:high|low)lights?|deliverables?|roadmap)(?: updates?| status| overview)?|"
    r"summary|overview|tl;?dr|(?:[\w'’]+\s+){0,2}notes?|general|team|at a glance|this (?:week|cycle|period)|headlines?|"
    r"subject|from|to|cc|bcc|sent|date|re|fwd?|hi all|hello|thanks|regards|hiring|"
    # an update e-mail's template sections: what went well, what did not, what the writer needs
    r"(?:wins|losses|misses|lowlights|asks|kudos|shout-?outs|worries|concerns)(?:\s*(?:&|and|/)\s*\w+)?|"
    r"(?:本周|本期|本月|本次|整体)?(?:概要|概览|总结|概述|摘要|小结|回顾|汇总|速览|亮点|说明|总体情况)|"
    # the cadence's own period, whose due date moves on every week by design: not a project
    r"(?:current|this|active|next)\s+(?:milestone|sprint|iteration|cycle)|(?:本期|当前|本次|下个?)(?:迭代|里程碑|冲刺)",
    re.I,
)
_STATUSY_PARENS = re.compile(
    r"\s*[(（][^)）]*(?:%|负责|owner|eta|status|on track|at risk|risk|风险|延期|完成|上线|\d{1,2}/\d{1,2})"
    r"[^)）]*[)）]",
    re.I,
)
Origin = Literal["structure", "lead", "prose"]
SIGNAL_FIELDS = ("status", "progress", "target", "owner")
_ANY_DAY = date(2000, 1, 3)  # dates in names only need spotting, not resolving


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
_TYPE_PREFIX = re.compile(
    r"^(?:goal|project|initiative|epic|workstream|okr|objective|milestone|feature|topic|item|"
    r"项目|目标|议题[一二三四五六七八九十\d]*|专项|课题)\s*[:：]\s*",
    re.I,
)


# What a heading says about its project, written after the name ("反欺诈模型V4进展", "X status"),
# also before the owner in parentheses ("支付网关改造评审结果（张三）").
_TOPIC_SUFFIX = re.compile(
    r"(?<=\S)\s*(?:进展|进度|情况|同步|汇报|(?:评审)?结果|讨论|update|updates|status|progress)"
    r"(?=\s*(?:[(（][^()（）]{1,12}[)）])?$)",
    re.I,
)


# "(formerly Referral Program v2)", "（原名 Gateway Mini）": the old name is a rename's, not this one's.
_RENAME_GLOSS = re.compile(r"\s*[(（]\s*(?:原名|原来叫|formerly|previously)[^()（）]*[)）]", re.I)


# A numbered document's outline number ("### 1.3 银保通渠道接入", "2.1.4 Billing export"): its place
# in this week's document, which moves when a project above it ends, so not part of the name. A
# tracker reference before a name ("&12 Matchmaking v2", "#453 Party MMR", "!2301 …") is the
# item's id, which prose about the same project leaves out ("Matchmaking v2 shipped").
_OUTLINE_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|[&#!]\d{1,6})\s+(?=[^\W\d_])")


def clean_name(name: str) -> str:
    name = _OUTLINE_NUMBER.sub("", _RENAME_GLOSS.sub("", _STATUSY_PARENS.sub("", nfkc(name))))
    name = re.sub(r"[*_`#]+", "", name)
    name = _BRACKET_NAME.sub(lambda m: m[1] + " ", name)
    name = re.sub(r"\s*——.*$|\s+[—–-]\s+.*$", "", name)
    name = _TYPE_PREFIX.sub("", name.strip())
    name = _TOPIC_SUFFIX.sub("", name.strip(" \t:：-—–·•【】[]"))
    return name.strip(" \t:：-—–·•【】[]")


# Status-category and template headings: where a board or a template files projects, never one.
STATUS_HEADING = re.compile(
    r"(?:to ?do|backlog|in progress|in flight|in review|doing|done|completed?|shipped|released|launched|"
    r"won'?t do|wont do|cancell?ed|blocked|on hold|paused|slipping|at risk|off track|on track|up next|next up|"
    r"planned|ongoing|not started|待办|待开始|未开始|进行中|已完成|本周完成|本周完成工作|下周计划|已上线|已暂停|已取消|"
    r"风险项|阻塞项)\s*(?:[(（]\d+[)）])?",
    re.I,
)


# A gloss after a name ("Anchor（安全启动）", "Kiln (feature store 迁移)") says what it is; its words
# (启动 in 安全启动, "boot") are not the prose verbs that make a line no name. Written from
# bilingual-biweekly-iot.
_GLOSS = re.compile(r"\s*[(（][^()（）]{1,20}[)）]\s*$")


_SHARE = re.compile(r"\d+\s*%")


def valid_name(name: str, typed: bool = False) -> bool:
    """`typed`: the heading said what it names ("Goal: Cut median CI time by 30%"), so a share in
    it is the goal's measure, not a progress line."""
    bare = _GLOSS.sub("", name) if len(_GLOSS.sub("", name)) >= 2 else name
    if typed:
        bare = _SHARE.sub("", bare)
    if not 2 <= len(name) <= 60 or _NOT_A_NAME.search(bare) or STATUS_HEADING.fullmatch(name.strip()):
        return False
    if heading_status(name) is not None:
        return False  # "done ✅", "已上线 🚀": a status group's label
    if find_dates(name, _ANY_DAY) and len(name) < 12:
        return False
    return _GENERIC_TITLE.fullmatch(name.strip()) is None and _OVERVIEW.fullmatch(name.strip()) is None


# "一、整体情况" (its 情况 cut as a topic suffix) is every report's overview, under its ordinal, not
# a project. Written from zh-email-hardware.
_OVERVIEW = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:整体|总体|overall)", re.I)


def find_mentions(report: Report) -> list[Mention]:
    lines = {number: text for number, text in report.lines}
    out: list[Mention] = []
    for section in report.sections:
        _visit(section, 0, lines, out, report.title)
    return out


def _visit(section: Section, depth: int, lines: dict[int, str], out: list[Mention], title: str = "") -> None:
    fields = _count_fields(section, lines)
    if section.kind in NOT_PROJECT_KINDS and fields < 2:
        # A metrics or incidents heading is not a project; but an objective named by a metric
        # ("O1 核心服务可用性达到99.95%") holds projects, and a heading with its own status,
        # progress and target lines ("KR1.2 告警降噪" + 当前进度/预计完成/状态) is one.
        if section.kind in (SectionKind.METRICS, SectionKind.INCIDENTS):
            for child in section.children:
                _visit(child, depth + 1, lines, out, title)
        return
    context = section.kind == SectionKind.PROJECTS or fields > 0
    # A status table lists the projects: the section holding it (often the report's title, over
    # "Owner: …" lines) is none of them.
    rows = _table_mentions(section, lines) if section.tables else []
    if context and not rows and not section.children and _is_project_section(section, depth, fields, lines):
        name = clean_name(section.title)
        if valid_name(name, typed=_TYPE_PREFIX.match(nfkc(section.title).strip(" #*_")) is not None):
            out.append(_section_mention(section, name, lines))
            return
    # A leaf section named like a project whose body speaks of its schedule ("### 议题一：贷中预警系统
    # 上线（孙悦）" over "已于8月27日上线") is one, when the name recurs in another report.
    is_title = depth == 0 and section.title == title  # the report's own title names no project
    if (
        not context
        and not is_title
        and not rows
        and not section.children
        and _is_project_section(section, max(depth, 1), 0, lines)
    ):
        name = clean_name(section.title)
        if valid_name(name):
            mention = _section_mention(section, name, lines)
            mention.origin = "lead"
            if _speaks_of_schedule(mention):
                out.append(mention)
                return
    # Outside a projects section, bullets that each name something and say something about its
    # schedule are still projects ("- rec-v3: eta 3/14→3/21" under "## W16"), kept only when the
    # name recurs in another report.
    loose = not context and (
        sum(1 for item in section.items if _is_projectish(item, lines, top=True)) >= 2
        or (heading_status(section.title) is not None and len(section.items) >= 1)
    )
    out.extend(rows)
    if context or loose:
        found: list[Mention] = []
        for item in section.items:
            _item_mentions(item, section, lines, found)
        filed = heading_status(section.title)
        for mention in found:
            mention.filed_as = mention.filed_as or filed
            # Filed under "## Shipped" / "## 已上线": the board says it launched, so it is a
            # project even when no other report names it. Written from gdocs-html-growth.
            mention.origin = "structure" if context or mention.filed_as == "launched" else "lead"
        out.extend(found)
    # A section that opens with field lines is one project's (its fields speak for its title):
    # sentences in it are about that project, not new ones. One that opens with a lead line
    # ("KR1 新客首单券实验 ｜ 进度 3/4", then its fields) holds several projects.
    prose = _prose_mentions(section, lines, context, plain_leads=not _opens_with_field(section))
    filed = heading_status(section.title)
    for mention in prose if filed is not None else []:
        # A paragraph under "## Shipped this week" that opens with what shipped ("Audit log export is
        # now generally available…") is filed there as a bullet would be: a changelog's list.
        mention.filed_as = mention.filed_as or filed
        if filed == "launched":
            mention.origin = "structure"
    out.extend(prose)
    for child in section.children:
        _visit(child, depth + 1, lines, out, title)


def _count_fields(section: Section, lines: dict[int, str]) -> int:
    """Field lines that speak for the section itself: top-level bullets and prose (`**Status:** …`)."""
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    prose = [text for number, text in section.lines if number not in in_items and number != section.start]
    from_prose = sum(
        1
        for text in prose
        for piece in field_pieces(line_text(text))
        if piece.labelled is not None and piece.labelled.field in SIGNAL_FIELDS
    )
    return from_prose + sum(1 for item in section.items if _field_of(item, lines) in SIGNAL_FIELDS)


def _opens_with_field(section: Section) -> bool:
    first = next((line_text(text) for n, text in section.lines if n != section.start and text.strip()), "")
    labelled = split_label(first)
    return labelled is not None and labelled.field in SIGNAL_FIELDS


def _field_of(item: Item, lines: dict[int, str]) -> str | None:
    labelled = split_label(line_text(lines.get(item.start, item.text)))
    return labelled.field if labelled else None


def _is_project_section(section: Section, depth: int, fields: int, lines: dict[int, str]) -> bool:
    """A leaf section is one project unless it lists several; a top-level one needs a field too."""
    if _titled_paragraphs(section) >= 2:
        return False  # `1.「青鸟」…` and `2.「白鹭」…` over their own fields: a container of projects
    if fields >= 2:
        return True
    if _led_paragraphs(section) >= 2:
        return False
    projectish = sum(1 for item in section.items if _is_projectish(item, lines))
    if depth == 0:
        return fields >= 1 and projectish < 2
    return fields >= 1 or projectish < 2


def _titled_paragraphs(section: Section) -> int:
    """Prose lines that open a paragraph with only a numbered title (`1.「青鸟」智能手表二代`)."""
    count, previous_blank = 0, True
    for number, raw in section.lines:
        text = line_text(raw)
        if number != section.start and previous_blank and numbered_title(nfkc(raw)) is not None:
            count += 1
        previous_blank = not text.strip()
    return count


def _led_paragraphs(section: Section) -> int:
    """Prose paragraphs (not bullets) that open with a name in bold or before a colon
    (`**Billing.** Invoices moved to…`, `Supplier portal: 3 of 5 screens.`): each is another
    project's, so a heading over two of them ("## Product & eng", "## Engineering") files
    projects, it is none. Written from investor-update-en; the same layout is any update
    e-mail's area section."""
    count, previous_blank = 0, True
    for number, raw in section.lines:
        text = line_text(raw)
        prose = raw.strip() == text or raw.strip().startswith(("**", "__"))
        if number != section.start and previous_blank and prose and text:
            count += _leads_news(text)
        previous_blank = not text.strip()
    return count


def _leads_news(text: str) -> bool:
    """A paragraph's first line names a project in bold, or before a colon and then says
    something of its schedule ("Supplier portal: 3 of 5 screens"); a byline ("撰稿：周牧",
    "Author: Dana") names a writer, not a project, and says nothing of a schedule."""
    lead = _paragraph_lead(text, True)
    if lead is None or lead[1] >= len(text) or lead[2] not in ("bold", "label"):
        return False
    rest = text[lead[1] :]
    return lead[2] == "bold" or bool(find_statuses(rest) or find_progress(rest, True) or _has_date(rest))


def _is_projectish(item: Item, lines: dict[int, str], top: bool = False) -> bool:
    """A bullet that names a project of its own and says something about it. A numbered line is
    a step, unless it is a top-level `1. 名称：…` line of a section's own list ("其他事项：" over
    "1. 双11老带新活动：10.30封板…"): that names a project as a bullet does."""
    text = line_text(lines.get(item.start, item.text))
    if _NUMBERED.match(item.marker) and not (top and _named_by_label(text)):
        return False
    found = _item_name(item, text)
    if found is None:  # a status bullet ("- done ✅:") over a project is as good as the project
        return heading_status(text) is not None and any(_is_projectish(c, lines) for c in item.children)
    rest = text[found[1] :]
    if top and _named_by_label(text) and item.end > item.start:
        # a roll-call's message ("7. 孙悦：小程序回归，剩7个bug" over "自动化回归 四成，9月底有风险"):
        # its later lines may hold the news
        rest = " ".join(line_text(lines.get(n, "")) for n in range(item.start, item.end + 1))[found[1] :]
    return bool(item.children or find_statuses(rest) or find_progress(rest, True) or _has_date(rest))


def _named_by_label(text: str) -> bool:
    labelled = split_label(text)
    return labelled is not None and labelled.field is None and bool(labelled.rest)


def _has_date(text: str) -> bool:
    return bool(find_dates(text, _ANY_DAY))


# A Latin name, then a Chinese predicate about its schedule: "Hive 推到明年Q1：…", "Sleepy 正式取消，…".
_ZH_PREDICATE_LEAD = re.compile(
    r"^([A-Za-z][\w.+/&-]*(?:\s+[A-Za-z0-9][\w.+/&-]*){0,3})\s*"
    r"(?=(?:正式|已经?|将|已于)?(?:推到|推迟|推至|延期|顺延|延后|延到|取消|暂停|上线|发布|交付|冻结))"
)


# A Chinese bullet that opens by saying its subject is finally finished, a sentence of its own:
# "· 标定平台终于搭完了！昨天…". The subject is the name (kept only when it recurs in another report).
_FINALLY_DONE_LEAD = re.compile(
    r"^([^\s，。,;；:：!！、()（）]{2,14}?)(?=(?:终于|总算)(?:都)?\S{0,2}?完(?:成)?了\s*[。!！])"
)


def _item_name(item: Item, text: str) -> tuple[str, int] | None:
    """(name, offset where the project's own text starts) for a bullet, or None."""
    match = _ZH_PREDICATE_LEAD.match(text) or _FINALLY_DONE_LEAD.match(text)
    if match and valid_name(clean_name(match[1])):
        return clean_name(match[1]), match.end(1)
    match = _BRACKET_NAME.match(text) or _BOLD_NAME.match(text) or _LINK_NAME.match(text)
    if match:
        name = clean_name(match[1])
        return (name, match.end()) if valid_name(name) else None
    labelled = split_label(text)
    if labelled is not None:
        if labelled.field is not None:
            return None
        name = clean_name(labelled.label)
        return (name, labelled.rest_offset) if valid_name(name) else None
    # A short name over deeper lines, or over lines glued to it (`6. OTA升级平台` then `【进展】…`).
    if (item.children or item.end > item.start) and len(text) <= 30 and not re.search(r"[，。,;；]", text):
        name = clean_name(quoted_code(text) or text)
        return (name, len(text)) if valid_name(name) else None
    subject = _bullet_subject(text) or _codename_subject(text)
    if subject is not None:
        return subject
    match = _PIPE_LEAD.match(text) or _FIRST_CLAUSE.match(text)
    if match:
        name = clean_name(match[1])
        short = len(name) <= 14 if has_han(name) else len(name.split()) <= 5
        if short and valid_name(name):
            return name, match.end()
    return None


# A Latin code name opening a Chinese sentence (`GW-Lite 量产固件 v1.0.0 已于 9/26 冻结并交付工厂`).
_CODENAME = re.compile(r"^([A-Za-z][\w.+-]*(?:[ -][A-Z0-9][\w.+-]*)?)\s+(?=[\u4e00-\u9fff])")


def _codename_subject(text: str) -> tuple[str, int] | None:
    """A Chinese bullet whose subject is a Latin code name: the name is the code when the rest
    of the first clause says something about its schedule (a status, a day, progress);
    `KR1 新客首单券实验，…` names more than its code. Written from bilingual-biweekly-iot."""
    match = _CODENAME.match(text)
    if match is None or _PIPE_LEAD.match(text) or re.fullmatch(r"[A-Z]{2,5}", match[1]):
        return None  # `API 网关改造 已完成 80%`: an acronym opens a longer name, it is not one
    clause = re.split(r"[，。,;；]", text[match.end() :], maxsplit=1)[0]
    if not _states_schedule(clause):
        return None
    name = clean_name(match[1])
    return (name, match.end(1)) if valid_name(name) else None


def _bullet_subject(text: str) -> tuple[str, int] | None:
    """An English bullet that is a sentence about its subject ("Invite & Earn went GA on Tue 7/2
    (target was 6/28).") names it as a paragraph's subject does, when it says something about a
    schedule. Written from gdocs-html-growth."""
    if has_han(text) or _PIPE_LEAD.match(text):
        return None
    match = _SUBJECT_LEAD.match(text)
    if match is None or _NOT_SUBJECT.match(match[1]) or not _states_schedule(text[match.end(1) :]):
        return None
    name = clean_name(match[1])
    return (name, match.end(1)) if valid_name(name) else None


def _item_mentions(item: Item, section: Section, lines: dict[int, str], out: list[Mention]) -> None:
    text = line_text(lines.get(item.start, item.text))
    found = _item_name(item, text)
    if found is None:
        bullets = [c for c in item.children if not _NUMBERED.match(c.marker)]
        # A bullet that is only a status ("- done ✅:", "- 已上线：") files its children under it,
        # as a `## Done` heading does. Written from terse-bullets-ml.
        filed = heading_status(text)
        projects = sum(_is_projectish(c, lines) for c in bullets)
        if projects >= 2 or (filed is not None and projects >= 1):
            start = len(out)
            for child in bullets:
                _item_mentions(child, section, lines, out)
            for mention in out[start:]:
                if mention.filed_as is None and filed is not None:
                    mention.filed_as, mention.filed_by = filed, text.strip(" :：")
        return
    name, offset = found
    own_end = item.children[0].start - 1 if item.children else item.end
    units = [_unit(n, lines, head=True) for n in range(item.start, own_end + 1) if n in lines]
    if units:
        units[0].skip = offset
        if _bullet_subject(text) == found:
            # A sentence's subject owns its first clause's lifecycle word, and the line until a
            # sentence about another project ("Beacon shipped. Invite & Earn slipped to 6/28.").
            units[0].lifecycle_until = _first_clause_end(units[0].text, offset)
            _cut_at_next_project(units[0], offset)
    units += [_unit(n, lines, head=False) for n in range(own_end + 1, item.end + 1) if n in lines]
    out.append(Mention(name, section, item.start, item.end, [u for u in units if u.text]))


def _prose_mentions(
    section: Section, lines: dict[int, str], context: bool, plain_leads: bool = True
) -> list[Mention]:
    """Paragraphs that open with a project's name, one mention each: its lines until a blank line
    or the next such lead (a paragraph goes on about the project it opened with).

    A bold name (`**Onboarding v3** 🟡 — 55% done`) is a project wherever it stands. Other leads —
    a label (`KR1 新客首单券实验 ｜ 进度 3/4`, `PCI DSS 4.0 readiness: 12 of 23 controls`) or the
    subject of an English sentence (`Checkout redesign is now looking like end of March`) — count
    when the paragraph says something about a schedule, and outside a projects section only when
    the name recurs in another report (origin "lead").
    """
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    out: list[Mention] = []
    current: Mention | None = None
    # A bold-named paragraph's later lines are its sub-steps (the name line carries the project's
    # own fields); a block opened by a plain lead ("KR4 Push频控改造 ｜ 进度 六成" then
    # "上线推迟到10.24" and "状态：有风险") speaks for the project on every line. A sentence's
    # subject owns that sentence only: the next one is often about another project.
    own_lines = False
    sentence_open = False
    previous_blank = True
    for number, raw in section.lines:
        text = line_text(raw)
        if number == section.start or number in in_items or not text.strip() or section.in_table(number):
            current, previous_blank = None, True
            continue
        lead = (
            (_title_lead(raw, text) if previous_blank else None)
            or _paragraph_lead(text, previous_blank and plain_leads)
            or (_dated_lead(text) if current is None and plain_leads else None)
        )
        previous_blank = False
        if lead is not None:
            name, skip, kind = lead
            unit = _unit(number, lines, head=True)
            unit.skip = skip
            # Only a bold name is a project by its layout alone; a plain lead ("Rough week: …")
            # must recur in another report.
            origin: Origin = "structure" if kind == "bold" else "lead"
            current = Mention(name, section, number, number, [unit], origin=origin)
            own_lines = kind != "bold"
            sentence_open = kind == "subject"
            if sentence_open:
                unit.lifecycle_until = _first_clause_end(unit.text, skip)
                if _cut_at_next_project(unit, skip):
                    sentence_open = False
            out.append(current)
            if not sentence_open and kind == "subject":
                current = None
            continue
        if current is not None:  # the paragraph goes on: what it says is about that project
            unit = _unit(number, lines, head=own_lines)
            current.units.append(unit)
            current.end = number
            if sentence_open:
                unit.lifecycle_until = 0
                if _cut_at_next_project(unit, 0):
                    current, sentence_open = None, False
    return [m for m in out if _speaks_of_schedule(m)]


_CLAUSE_END = re.compile(r"[,;:，；：。!?！？]|\.(?=\s|$)")


def _first_clause_end(text: str, start: int) -> int:
    match = _CLAUSE_END.search(text, start)
    return match.start() if match else len(text)


def _cut_at_next_project(unit: Unit, start: int) -> bool:
    """Cut the unit before the first later sentence that states another project's schedule
    ("The GraphQL pilot is canceled"); True when it did. A name is capitalised after its article:
    "The firmware roll-out is going well" goes on about the paragraph's project. A paragraph goes on about its subject
    ("…we're now aiming for the 10th of April. … I'm moving the project to red.") until then."""
    for match in _SENTENCE_END.finditer(unit.text, start):
        rest = unit.text[match.end() :].lstrip()
        following = _SENTENCE_END.search(rest)
        sentence = rest[: following.end()] if following else rest
        subject = _SUBJECT_LEAD.match(sentence)
        if (
            subject
            and not _NOT_SUBJECT.match(subject[1])
            and subject[1][:1].isupper() | subject[1][:1].isdigit()
            and _states_schedule(sentence[subject.end(1) :])
        ):
            unit.text = unit.text[: match.end()]
            return True
    return False


def _states_schedule(text: str) -> bool:
    return bool(find_statuses(text) or find_progress(text, True) or _has_date(text))


_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bvs)[.!?](?=\s+\S)|[.!?]$|[。！？]")


def _end_sentence(unit: Unit, start: int) -> bool:
    """Cut the unit's text after the first sentence that ends in it; True when one did."""
    match = _SENTENCE_END.search(unit.text, start)
    if match is None:
        return False
    unit.text = unit.text[: match.end()]
    return True


LeadKind = Literal["bold", "label", "pipe", "subject"]


# A Chinese sentence whose subject is followed straight by the day (`双11老带新活动11.1零点准时上线`,
# `贷中预警系统8月27日已上线`): the words before the day name the project.
_DATED_SUBJECT = re.compile(r"^([^\s，。,;；:：、()（）]{2,20}?)(?=\d{1,2}(?:[./]\d{1,2}|月\d{1,2}[日号]?))")


def _dated_lead(text: str) -> tuple[str, int, LeadKind] | None:
    """A line that opens with a project's name and the day it launched, paused or was cancelled,
    on a line of its own (`本周日活…` above it is another line, not this paragraph's lead).
    Only a lifecycle word in that first clause makes it one: a name before a date alone is not.
    Written from dingtalk-growth."""
    match = _DATED_SUBJECT.match(text)
    if match is None or not has_han(match[1]):
        return None
    clause = re.split(r"[，。,;；]", text[match.end() :], maxsplit=1)[0]
    if not any(hit.value in ("launched", "done", "paused", "cancelled") for hit in find_statuses(clause)):
        return None
    name = clean_name(match[1])
    return (name, match.end(1), "subject") if valid_name(name) else None


def _title_lead(raw: str, text: str) -> tuple[str, int, LeadKind] | None:
    """A numbered title line over a paragraph (`1.「青鸟」智能手表二代`, then `【进展】…`): every line
    of the paragraph speaks for the project it names. Written from zh-email-hardware."""
    titled = numbered_title(nfkc(raw))
    if titled is None:
        return None
    name = clean_name(titled)
    return (name, len(text), "label") if valid_name(name) else None


def _paragraph_lead(text: str, starts_paragraph: bool) -> tuple[str, int, LeadKind] | None:
    """(name, where its own text starts, how it was written) when a line opens with a project's name."""
    labelled = split_label(text)
    if labelled is not None and labelled.field is not None:
        return None  # `Status: …`, `Owner: …` belong to the paragraph's project
    match = _BOLD_NAME.match(text) or _LINK_NAME.match(text)
    if match:
        sentence = _SUBJECT_LEAD.match(match[1])
        if sentence and not _NOT_SUBJECT.match(sentence[1]) and _subject_label(match[1]):
            # "**MMv2 is live.** v2.9.0 went to 100%…": a bold sentence, its subject is the name and
            # its verb the news.
            name = clean_name(sentence[1])
            return (name, match.start(1) + sentence.end(1), "bold") if valid_name(name) else None
        name = clean_name(match[1])
        return (name, match.end(), "bold") if valid_name(name) else None
    if not starts_paragraph:
        return None
    if labelled is not None and _subject_label(labelled.label):
        labelled = None  # "PCI readiness is done: we evidenced…": a sentence, its subject is the name
    if labelled is not None:
        name = clean_name(labelled.label)
        return (name, labelled.rest_offset, "label") if valid_name(name) and len(name) <= 40 else None
    match = _PIPE_LEAD.match(text)
    if match:
        name = clean_name(match[1])
        return (name, match.end(), "pipe") if valid_name(name) else None
    match = _SUBJECT_LEAD.match(text)
    if match and not _NOT_SUBJECT.match(match[1]):
        name = clean_name(match[1])
        return (name, match.end(1), "subject") if valid_name(name) else None
    return None


def _subject_label(label: str) -> bool:
    """A "label" that is a clause with its own verb (`X is done:`, `X has slipped:`): the colon
    opens an explanation, and the name is the clause's subject, not the whole label. Written
    from email-prose-retail."""
    match = _SUBJECT_LEAD.match(label)
    return match is not None and match.end() < len(label) and not _NOT_SUBJECT.match(match[1])


def _speaks_of_schedule(mention: Mention) -> bool:
    """The mention's lines state a status, a progress figure, a date or a release as the target
    ("aiming for the 4.2 release")."""
    for unit in mention.units:
        rest = unit.text[unit.skip :] if unit is mention.units[0] else unit.text
        if find_statuses(rest) or find_progress(rest, True) or _has_date(rest) or find_ordinal_targets(rest):
            return True
        if unit.labelled is not None and unit.labelled.field in SIGNAL_FIELDS:
            return True
    return False


def _section_mention(section: Section, name: str, lines: dict[int, str]) -> Mention:
    heading = _unit(section.start, lines, head=True)
    heading.text = line_text(lines.get(section.start, section.title).lstrip("#").strip())
    heading.skip = heading.text.find(name) + len(name) if name in heading.text else len(heading.text)
    body_item_lines: set[int] = set()
    head_item_lines: set[int] = set()
    for item in section.items:
        own_end = item.children[0].start - 1 if item.children else item.end
        target = body_item_lines if _NUMBERED.match(item.marker) else head_item_lines
        target.update(range(item.start, own_end + 1))
        body_item_lines.update(range(own_end + 1, item.end + 1))
    # Items under an action-item label ("待办：", "Action items:") are people's tasks with their
    # own deadlines ("@李婷 8/23前完成 OOT 验证"), not the project's schedule.
    actions = False
    units = [heading]
    for number, raw in section.lines:
        if number == section.start:
            continue
        text = line_text(raw)
        labelled = split_label(text)
        if labelled is not None and not labelled.rest and not _is_item_line(number, section):
            actions = bool(_ACTION_LABEL.fullmatch(label_key(labelled.label)))
        elif not text.strip() and not _is_item_line(number, section):
            pass
        elif not _is_item_line(number, section):
            actions = False
        units.append(_unit(number, lines, head=number not in body_item_lines and not actions))
    return Mention(name, section, section.start, section.end, [u for u in units if u.text])


_ACTION_LABEL = re.compile(
    r"待办|待办事项|行动项|跟进事项|todo|todos|actionitems?|followups?|nextactions?", re.I
)


def _is_item_line(number: int, section: Section) -> bool:
    return any(item.start <= number <= item.end for item in section.items)


def _table_mentions(section: Section, lines: dict[int, str]) -> list[Mention]:
    """`| Project | Status | Progress | ETA |` tables: one mention per row, each cell a field."""
    out: list[Mention] = []
    for table in section.tables:
        header = table.header
        fields = column_roles(table)
        name_col = name_column(table)
        if name_col is None or not any(f in SIGNAL_FIELDS for f in fields):
            continue
        for row in table.rows:
            cells = row.cells
            if name_col >= len(cells):
                continue
            name = clean_name(cells[name_col])
            if not valid_name(name):
                continue
            text = lines.get(row.line, "").strip()
            units = [Unit(row.line, text, head=True, skip=len(text))]
            for index, cell in enumerate(cells):
                if index != name_col and index < len(header) and cell:
                    labelled = Labelled(header[index], cell, 0, fields[index])
                    units.append(Unit(row.line, cell, head=True, skip=0, labelled=labelled))
            out.append(Mention(name, section, row.line, row.line, units))
    return out


def _unit(number: int, lines: dict[int, str], head: bool) -> Unit:
    text = line_text(lines.get(number, ""))
    return Unit(number, text, head, 0, split_label(text))
