"""How a line opens with a project's name, and whether what follows says something of a schedule.

A bullet's name (`- 平安存管接入：…`, `- Hive 推到明年Q1`, `- Invite & Earn went GA on 7/2`), a
paragraph's lead (a bold name, a label, a `｜` lead, an English sentence's subject, a numbered title,
a Chinese subject before its day), how many of a section's paragraphs open with one, where a
subject's sentence ends, and the schedule words that make a lead a project's. Kept apart from
the walk over a report's layout (`mention_layout.py`), which decides where such lines stand.
"""

from __future__ import annotations

import re
from typing import Literal

from index.ledger.field_labels import LEADER_LABEL_CHARS, field_pieces, split_label
from index.ledger.mentions import (
    BRACKET_NAME,
    SIGNAL_FIELDS,
    STATE_TAG,
    Mention,
    Unit,
    clean_name,
    line_text,
    valid_name,
)
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.signals import field_status, find_statuses, state_word
from index.ledger.status_signs import LEADING_SHORTCODE
from index.ledger.title_leads import numbered_lead, numbered_title, plain_title, quoted_code
from index.models import Item, Section
from index.plain_records import BOARD_CODE, WORD_TAGS
from index.text.cjk import HAN, has_han
from index.text.normalise import nfkc
from index.text.timeexpr import ANY_DAY, find_dates

_BOLD_NAME = re.compile(r"^(?:\*\*|__)(.{1,60}?)(?:\*\*|__)\s*[:：]?\s*")
_LINK_NAME = re.compile(r"^\[([^\]]{2,80})\]\([^)\s]*\)\s*")
_PIPE_LEAD = re.compile(r"^(.{2,40}?)\s*[｜|]\s*")
# `Billing revamp — 60% done…`, `账单重构——进度六成`, `[账单重构] 进度60%`: a name set off by a dash
# or in brackets, then its news (a definition-list line, a plain-text tracker's line).
_DASH_LEAD = re.compile(r"^(.{2,40}?)(?:\s+(?:[—–]{1,2}|--)\s+|\s*——\s*)")
# A name a paragraph may open with before a dash: a slug or words in capitals (`APP-5`, `CMS-MOVE`,
# `SITE SEARCH`), never a sentence's first words ("We shipped it -- finally").
_CODE_NAME = re.compile(
    r"(?-i:[A-Z][A-Z0-9]*(?:[-_/.][A-Z0-9]+)*(?:\s[A-Z][A-Z0-9]*(?:[-_/.][A-Z0-9]+)*){0,3})"
)
# A forecast bulletin's paragraph, its subject run into its news by three dots (`NWP HPC Refresh
# (Cirrus-2)...acceptance tests 55 percent`, as a weather service's discussion writes it).
_ELLIPSIS_LEAD = re.compile(r"^([A-Z][^.…]{1,58}?)(?:\.{3}|…)(?=\S)")
_BRACKET_LEAD = re.compile(r"^\[([^\]]{2,40})\](?!\()\s*")
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


def titled_paragraphs(section: Section) -> int:
    """Prose lines that open a paragraph with a numbered title (`1.「青鸟」智能手表二代`), alone or
    as the lead sentence of its news (`1.档案系统升级项目。本周…`)."""
    count, previous_blank = 0, True
    for number, raw in section.lines:
        text = line_text(raw)
        if number != section.start and previous_blank and _numbered(nfkc(raw)):
            count += 1
        previous_blank = not text.strip()
    return count


def _numbered(text: str) -> bool:
    return numbered_title(text) is not None or numbered_lead(text) is not None


def led_paragraphs(section: Section) -> int:
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
    lead = paragraph_lead(text, True)
    if lead is None or lead[1] >= len(text) or lead[2] not in ("bold", "label"):
        return False
    rest = text[lead[1] :]
    return lead[2] == "bold" or bool(find_statuses(rest) or find_progress(rest, True) or has_date(rest))


def has_date(text: str) -> bool:
    return bool(find_dates(text, ANY_DAY))


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


# `Billing revamp ✅ on track — 60%`, `Search relaunch ⚠️ at risk`: a status glyph right after the
# name, before any separator, ends the name.
_NAME_THEN_GLYPH = re.compile(
    r"^([^:：|｜—–\[【*_]{2,40}?)\s*(?=[✅✔☑⚠❌⛔🟢🟡🔴🟠🔵⏸🚧✖🚀]|[(（\[][GAYR][)）\]]\s*(?:[–—:：|,，-]|$))"  # `EDU-3 (G) – …`
)


# `储能 EMS 数据接入【暂停】`, `Billing revamp [At risk] 60%`: a status word in brackets right after
# the name ends it, as a glyph does.
_NAME_THEN_MARK = re.compile(r"^([^:：|｜—–\[【*_]{2,40}?)\s*[【\[]([^】\]\d]{1,12})[】\]]")


_TRAILING_STATE = re.compile(
    r"(?<=\S)\s*(?:有风险|正常|延期|延迟|暂停|受阻|阻塞|已完成|已上线|(?:转|变|亮)(?:红|黄|绿)(?:灯|色)?|"
    # a whole word (`SSO for Clinics unblocked:` is no `blocked`)
    r"(?<![A-Za-z])(?:on track|at risk|delayed|blocked|paused|done|(?:goes|went|turned|turns) (?:red|amber|yellow|green)))\s*$",
    re.I,
)


_COLUMN_GAP = re.compile(r"(?<=\S)\s{4,}(?=\S)")


# `7. End-of-year damages recharge report (Power BI): AMBER` (a dot leader read as a colon, w47-d; a
# leader one dot long where the name fills the line, `… (ResHub <-> EventPro) . GREEN`): a colon or a
# lone dot with nothing after it but a status word closes the name with its status.
# (or a dash: `1. SRTE -- G` in a status e-mail whose key says `G = on track`, w50-c; its note on the
# change after it, `— RED (was AMBER)`). One word, no clause.
_COLON_TAIL = re.compile(
    r"\s*(?:[:：]|\s\.|\s(?:--|[–—]))\s*([^:：.,，;；、()（）\d]{1,16}?)(?:\s*[(（][^()（）]{1,30}[)）])?$"
)


def stated_after_colon(text: str) -> re.Match[str] | None:
    tail = _COLON_TAIL.search(text)
    if tail is None or re.search(r"(?:^|\s):[\w+-]+$", text[: tail.start()]):
        return None  # (`### :ship: Shipped`: an emoji's shortcode, no name before a colon)
    return tail if len(tail[1].split()) <= 2 and field_status(tail[1]) is not None else None


# A tracker reference opening a bullet (`[ISSUE:48388] 远控 API v3 灰度 50%`, `[JIRA-311]`, `[#92]`):
# the ticket the line is about, named by the words after it.
# `[SZ-01]`, `[#12]`, and a board's upper-case code (`[A04]`, `[MCVA]`, `[SEPA-I]`, w20-c); never a tag
# a line files itself under (`[WIP]`, `[DONE]`, or a bullet's priority `[P1]`: `_NOT_A_KEY`)
_TRACKER_REF = re.compile(rf"^\[(?:[A-Z][A-Z0-9_]*\s*[:#-]\s*\d+|#\d+|{BOARD_CODE})\]\s*")
_NOT_A_KEY = re.compile(rf"\[(?:{WORD_TAGS}|BLOCKER|P\d|S\d|SEV\d)\]")


_WBS_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s{2,}(?=\S)")


def _tracker_ref(text: str) -> re.Match[str] | None:
    return None if _NOT_A_KEY.match(text) else _TRACKER_REF.match(text)


_COLUMNS_AFTER_NAME = 20  # so much a record's title line lines up to the right of its name
# A status word set off by a gap before the name (`RED      编辑器冷启动`, `[AT RISK]   Vantra MAM`).
STATUS_FIRST = re.compile(r"^(\S{1,12}|\[[^\]]{1,12}\])\s{2,}(?=\S)")


def heading_name(title: str) -> str:
    """A heading's project name: a status glyph after the name ends it, as on a bullet
    (`### 2.1 跨服战场 🟡 有风险 · owner @黄一帆`, w19-c); the glyph and what follows are its state.
    A record's tracker id before its name (`[#01] ETCH区新进机台 EAP联机`, w20-d) is no part of it."""
    lead = STATUS_FIRST.match(title.strip())
    if lead and field_status(lead[1]) is not None:
        title = title.strip()[lead.end() :]  # `YELLOW   增量 Cook（IncCook）   owner: 周沐`: its light first
    ref = _tracker_ref(title.strip())
    if ref and title.strip()[ref.end() :].strip():
        # and what a rundown lines up to its right (`[A04] LIVE PAGES V3     P.NANDAKUMAR  03:00`)
        title = re.split(r"\s{3,}", title.strip()[ref.end() :].strip())[0]
    title = _WBS_NUMBER.sub("", title.strip())  # `1  HIS药事模块升级`: its place in the breakdown (w20-a)
    name, *columns = re.split(r"\s{3,}", title)
    if columns and len(" ".join(columns)) <= _COLUMNS_AFTER_NAME:
        title = name  # `WS3  Hartley digitisation        A    (G)`: its ratings, lined up (w26-d)
    glyph = _NAME_THEN_GLYPH.match(title.strip())
    if glyph and valid_name(clean_name(glyph[1])):
        return clean_name(glyph[1])
    marked = _NAME_THEN_MARK.match(title.strip())
    if marked and field_status(marked[2]) is not None and valid_name(clean_name(marked[1])):
        # `（一）老城区NB远传水表一期改造（38000户）　【正常】`, an official report's item heading (w55-e)
        return clean_name(marked[1])
    name, *fields = re.split(r"\s*[｜|]\s*", title.strip())
    if fields and any(field_status(field) is not None for field in fields) and valid_name(clean_name(name)):
        return clean_name(name)  # `【1】粮情测控二期｜正常｜四成｜目标 4.15` (w27-a): its fields after it
    stated = stated_after_colon(title.strip())
    named = clean_name(title.strip()[: stated.start()]) if stated else ""
    return named if named and valid_name(named) else clean_name(title)  # `1. RRS ........ LIVE` (w47-d)


def tracker_key(text: str) -> str:
    """The tracker id a bullet opens with (`[SZ-01] 集控二期接入…` -> `SZ-01`), or ""."""
    ref = _tracker_ref(text)
    return ref[0].strip().strip("[]").replace(" ", "") if ref and text[ref.end() :].strip() else ""


# An activity feed's entry names its poster first and the project after the verb: `**Alicia Brandt**
# posted a status update to Helix Student Upgrade Fri 1/31/25 8:55 AM` (TeamDynamix), `Ana commented
# on Kiosk pilot · 2 Mar` (w51-f).
_FEED_POST = re.compile(
    r"^(?:\*\*|__)?[^*_\n]{1,40}?(?:\*\*|__)?\s+(?:posted|added|shared|left|wrote|commented)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:status\s+)?(?:update|comment|note|post)\s+)?(?:to|on|for|in)\s+"
    r"(?:(?:the\s+)?project\s+)?(?P<name>[^\n]{2,80}?)"
    r"(?=\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{1,2}[/.-]\d{1,2}\b|\s*[·•|]\s*|\s*$)",
    re.I,
)


def item_name(item: Item, text: str) -> tuple[str, int] | None:
    """(name, offset where the project's own text starts) for a bullet, or None; a plain line
    heading a list (no marker, `parse.parse_items`) read as a bullet, else as the paragraph's lead
    line it also is (`▌OTA-01 OTA V2.5整车大版本推送｜状态：完成｜目标：4/30 全量`)."""
    found = _bullet_name(item, text)
    if found is None and not item.marker and (lead := paragraph_lead(text, True)) is not None:
        return lead[0], lead[1]
    return found


def _bullet_name(item: Item, text: str) -> tuple[str, int] | None:
    sign = LEADING_SHORTCODE.match(text)
    if sign and text[sign.end() :].strip():  # `:white_check_mark: **省平台对接**：…`: the sign, then the name
        found = item_name(item, text[sign.end() :])
        return (found[0], found[1] + sign.end()) if found else None
    ref = _tracker_ref(text)
    if ref and text[ref.end() :].strip():
        found = item_name(item, text[ref.end() :])
        return (found[0], found[1] + ref.end()) if found else None
    glyph = _NAME_THEN_GLYPH.match(text)
    if glyph and valid_name(clean_name(glyph[1])):
        return clean_name(glyph[1]), glyph.end(1)  # the glyph and what follows it are its status
    marked = _NAME_THEN_MARK.match(text)
    if marked and field_status(marked[2]) is not None and valid_name(clean_name(marked[1])):
        return clean_name(marked[1]), marked.end(1)  # `集控二期接入（…）【预警】进度 55%` (w19-e)
    match = _ZH_PREDICATE_LEAD.match(text) or _FINALLY_DONE_LEAD.match(text)
    if match and valid_name(clean_name(match[1])):
        return clean_name(match[1]), match.end(1)
    feed = _FEED_POST.match(text)
    if feed and valid_name(clean_name(feed["name"])):
        return clean_name(feed["name"]), feed.end("name")  # the person posted; the project is named after
    match = BRACKET_NAME.match(text) or _BOLD_NAME.match(text) or _LINK_NAME.match(text)
    if match:
        inner = (_bold_news(match[1]) or _bold_sentence(match[1])) if match.re is _BOLD_NAME else None
        if inner is not None:
            return (inner[0], match.start(1) + inner[1]) if valid_name(inner[0]) else None
        name = clean_name(match[1])
        if match.re is _BOLD_NAME and state_word(name) is not None:
            return None  # `**Amber** · target **31 Mar**` under the project's heading: its state
        return (name, match.end()) if valid_name(name) else None
    pieces = field_pieces(text)
    if (
        pieces[0].labelled is not None
        and sum(p.labelled is not None and p.labelled.field is not None for p in pieces) > 1
    ):
        return None  # a record's fields on one line, no name first (`牵头科室：药学部 负责人：陈蔚 计划完成：…`, w47-a)
    labelled = split_label(text)
    if labelled is not None:
        if labelled.field is not None:
            return None
        # a state closing the label is the project's own (`UWB 数字钥匙 2.0 转红: anchor 固件 …`)
        state = _TRAILING_STATE.search(labelled.label)
        head = labelled.label[: state.start()] if state else labelled.label
        if state:  # `Borehole rehab now at risk:`: the state's adverb is no part of the name
            head = re.sub(
                r"\s+(?:is\s+|are\s+)?(?:now|still|currently|again)$|(?:现在|目前|已经|又)$", "", head
            )
        name = clean_name(head)
        offset = text.find(head) + len(head) if state else labelled.rest_offset
        return (name, offset) if valid_name(name) else None
    # A short name over deeper lines, or over lines glued to it (`6. OTA升级平台` then `【进展】…`);
    # a status word closing it is its status, not part of its name (`1. 连锁版（阿凯）有风险`).
    # (a Latin name is counted in words: `3.6 BTP REPLACEMENT OUTSTATIONS (KRW/DNB/OSV)`)
    # (but `5.1 Kelbrook valve replacement – GREEN` is a name and its status, read below)
    # A column lined up far to the right is another field (`3.1  FARE COLLECTION (ABFC)      CIP
    # T-4471`: its capital-plan number), not part of the name.
    column = _COLUMN_GAP.search(text)
    if column is not None and item.end > item.start and len(_COLUMN_GAP.split(text)) == 2:
        text = text[: column.start()]
    # (a gloss in brackets is no part of the count: `HT colour config (OCIO v2 / ACES 1.3, HOLLOW TIDE)`)
    bare = _GLOSSES.sub("", text) or text
    dashed = re.search(r"\s[–—-]\s", text) is not None  # `NAME (gloss) — AMBER`: a name and its news
    short = len(text) <= 30 or (
        not dashed and (len(bare) <= 30 or (not has_han(bare) and len(bare) <= 60 and len(bare.split()) <= 8))
    )
    if (item.children or item.end > item.start) and short and not re.search(r"[，。,;；]", bare):
        # an outliner's tags after the name (`StatsHub #amber @阿杰`): its state and its owner
        tagged = _TRAILING_TAGS.search(text)
        text = text[: tagged.start()] if tagged and tagged.start() > 0 else text
        state = _TRAILING_STATE.search(text) or stated_after_colon(text)
        head = text[: state.start()] if state else text
        name = clean_name(quoted_code(head) or head)
        return (name, len(head)) if valid_name(name) else None
    subject = bullet_subject(text) or _codename_subject(text)
    if subject is not None:
        return subject
    match = _PIPE_LEAD.match(text) or _FIRST_CLAUSE.match(text)
    if match:
        name = clean_name(match[1])
        # a gloss in brackets says what the name is (`NLI (Northgate lab results into Kestrel)`)
        bare = re.sub(r"\s*[(（][^()（）]*[)）]", "", name) or name
        if _short_lead(bare, cell=match.re is _PIPE_LEAD) and valid_name(name):
            # the cell's words after the name are its news (`RoomBridge 双向直连 — 🟡 at risk | 75%`)
            own = match[1].find(name) if match.re is _PIPE_LEAD else -1
            return name, (match.start(1) + own + len(name)) if own >= 0 else match.end()
    return None


def _short_lead(name: str, cell: bool) -> bool:
    """A lead short enough to be a name: 14 characters when it holds Chinese, else five Latin words;
    a card's first cell (`cell`), set off by its bar, counts a mixed name by both (`RoomBridge 双向直连`
    is four characters and one word, not fifteen characters). A sentence's first clause stays
    counted by its characters: `MX 首航 4/22 如期准备中` is news, not a name."""
    if not cell:
        return len(name) <= 14 if has_han(name) else len(name.split()) <= 5
    han = len(re.findall(f"[{HAN}]", name))
    words = len(re.findall(r"[A-Za-z0-9][\w.+&/-]*", re.sub(f"[{HAN}]", " ", name)))
    return han / 14 + words / 5 <= 1 if han else words <= 5


_GLOSSES = re.compile(r"\s*[(（][^()（）]*[)）]")
_TRAILING_TAGS = re.compile(r"(?:\s+[#@][^\s#@]{1,24})+\s*$")


def _bold_sentence(content: str) -> tuple[str, int] | None:
    """(name, where its verb starts) of a bold sentence about a project: "**MMv2 is live.** v2.9.0
    went to 100%…", "- **Same-day ACH is live.** The first file…": its subject is the name and its
    verb the news."""
    sentence = _SUBJECT_LEAD.match(content)
    if sentence and not _NOT_SUBJECT.match(sentence[1]) and _subject_label(content):
        return clean_name(sentence[1]), sentence.end(1)
    return None


# A bold lead that is the week's news about a project, not its name: `**抖店电子面单迁移：5/20 两仓全量切换**`
# (a label, then what happened). (A name, its day and its verb in one bold span, `**素材库2.0 4/17 上线**`,
# stays whole: its own text would open inside the bold, where the day's verb is not read.)
def _bold_news(content: str) -> tuple[str, int] | None:
    labelled = split_label(content)
    if labelled is not None and labelled.field is None and labelled.rest:
        name = clean_name(labelled.label)
        return (name, labelled.rest_offset) if valid_name(name) else None
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


def _first_sentence(text: str) -> int:
    found = re.search(r"[.!?。！？](?=\s|$)", text)
    return found.end() if found else len(text)


def bullet_subject(text: str) -> tuple[str, int] | None:
    """An English bullet that is a sentence about its subject ("Invite & Earn went GA on Tue 7/2
    (target was 6/28).") names it as a paragraph's subject does, when it says something about a
    schedule. Written from gdocs-html-growth. Only its first sentence need be English ("KPv2 went
    live Tue 1 Oct 10:00. Retest 30/9 passed, 比 4/10 target 早三天." of a bilingual team)."""
    if has_han(text[: _first_sentence(text)]) or _PIPE_LEAD.match(text):
        return None
    match = _SUBJECT_LEAD.match(text)
    if match is None or _NOT_SUBJECT.match(match[1]) or not _states_schedule(text[match.end(1) :]):
        return None
    name = clean_name(match[1])
    return (name, match.end(1)) if valid_name(name) else None


_CLAUSE_END = re.compile(r"[,;:，；：。!?！？]|\.(?=\s|$)")


def first_clause_end(text: str, start: int) -> int:
    match = _CLAUSE_END.search(text, start)
    return match.start() if match else len(text)


def cut_at_next_project(unit: Unit, start: int) -> bool:
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
    return bool(find_statuses(text) or find_progress(text, True) or has_date(text))


_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bvs)[.!?](?=\s+\S)|[.!?]$|[。！？]")


LeadKind = Literal["bold", "label", "pipe", "subject"]


# A Chinese sentence whose subject is followed straight by the day (`双11老带新活动11.1零点准时上线`,
# `贷中预警系统8月27日已上线`): the words before the day name the project.
_DATED_SUBJECT = re.compile(r"^([^\s，。,;；:：、()（）]{2,20}?)(?=\d{1,2}(?:[./]\d{1,2}|月\d{1,2}[日号]?))")


def dated_lead(text: str) -> tuple[str, int, LeadKind] | None:
    """A line that opens with a project's name and the day it launched, paused or was cancelled,
    on a line of its own (`本周日活…` above it is another line, not this paragraph's lead).
    Only a lifecycle word in that first clause makes it one: a name before a date alone is not.
    Written from dingtalk-growth."""
    match = _DATED_SUBJECT.match(text)
    if match is None or not has_han(match[1]):
        return None
    if not any(hit.start == 0 for hit in find_dates(text[match.end(1) :], ANY_DAY)):
        return None  # "公会战2.0暂停": a version after the name, not its day
    clause = re.split(r"[，。,;；]", text[match.end() :], maxsplit=1)[0]
    if not any(hit.value in ("launched", "done", "paused", "cancelled") for hit in find_statuses(clause)):
        return None
    name = clean_name(match[1])
    return (name, match.end(1), "subject") if valid_name(name) else None


def title_lead(raw: str, text: str, next_raw: str = "") -> tuple[str, int, LeadKind] | None:
    """A title line over a paragraph, numbered (`1.「青鸟」智能手表二代`, then `【进展】…`; written
    from zh-email-hardware) or plain (`Mobile app` over its paragraph: `title_leads.plain_title`):
    every line of the paragraph speaks for the project it names. A numbered lead sentence
    (`1.名称。正文`, `title_leads.numbered_lead`) names the project its news is about."""
    titled = numbered_title(nfkc(raw))
    if titled is None and raw.strip() == text and next_raw:
        titled = plain_title(text, nfkc(next_raw))
    if titled is None:
        lead = numbered_lead(raw)
        at = text.find(f"{lead}。") if lead is not None else -1
        if lead is None or at < 0:
            return None
        name = clean_name(lead)  # the news starts after the title's full stop
        return (name, at + len(lead) + 1, "label") if valid_name(name) else None
    name = clean_name(titled)
    return (name, len(text), "label") if valid_name(name) else None


def paragraph_lead(text: str, starts_paragraph: bool) -> tuple[str, int, LeadKind] | None:
    """(name, where its own text starts, how it was written) when a line opens with a project's name."""
    labelled = split_label(text)
    if labelled is not None and labelled.field is not None:
        return None  # `Status: …`, `Owner: …` belong to the paragraph's project
    match = _BOLD_NAME.match(text) or _LINK_NAME.match(text)
    if match:
        if (sentence := _bold_sentence(match[1])) is not None:
            return (sentence[0], match.start(1) + sentence[1], "bold") if valid_name(sentence[0]) else None
        name = clean_name(match[1])
        if match.re is _BOLD_NAME and state_word(name) is not None:
            return None  # `**Amber** · target **31 Mar** · 22/40 nodes live`: the heading's project's state
        return (name, match.end(), "bold") if valid_name(name) else None
    if not starts_paragraph:
        return None
    if labelled is not None and _subject_label(labelled.label):
        labelled = None  # "PCI readiness is done: we evidenced…": a sentence, its subject is the name
    if labelled is not None:
        day = _DAY_IN_LABEL.search(labelled.label)
        at = text.find(labelled.label) if day is not None else -1
        if day is not None and at >= 0:
            # "告警治理一期今天收尾：规则从…": the name, then the day its news is on
            name = clean_name(labelled.label[: day.start()])
            return (name, at + day.start(), "label") if valid_name(name) and len(name) <= 40 else None
        name = clean_name(labelled.label)
        limit = LEADER_LABEL_CHARS if labelled.leader else _NAME_CHARS
        return (name, labelled.rest_offset, "label") if _list_name(name, limit) else None
    match = _PIPE_LEAD.match(text)
    if match:
        name = clean_name(match[1])
        return (name, match.end(), "pipe") if valid_name(name) else None
    match = _ELLIPSIS_LEAD.match(text)
    if match:
        name = clean_name(match[1])
        return (name, match.end(), "label") if valid_name(name) else None
    match = _DASH_LEAD.match(text)
    if match and _CODE_NAME.fullmatch(match[1].strip()):
        # "PAYWALL-METER -- Replace the flat meter with…": a slug or a name in capitals, then what it is
        name = clean_name(match[1])
        return (name, match.end(), "pipe") if valid_name(name) else None
    match = _SUBJECT_LEAD.match(text)
    if match and not _NOT_SUBJECT.match(match[1]):
        name = clean_name(match[1])
        return (name, match.end(1), "subject") if valid_name(name) else None
    return None


def listed_lead(text: str) -> tuple[str, int, str] | None:
    """(name, where its news starts, how it is set off) for a line that opens with a name and then
    its news: `Name: news`, `Name | news`, `Name — news`, `[Name] news`. A run of lines set off the
    same way is a list written without markers (`mention_layout` decides that); one such line
    alone is prose, and "Good week on the frame – …" names nothing."""
    tag = STATE_TAG.match(text)
    if tag and field_status(tag[1]) is not None:
        # `[On track] FX Engine Migration — 95%`: a digest's state tag, then the name and its news
        led = listed_lead(text[tag.end() :])
        return (led[0], led[1] + tag.end(), led[2]) if led else None
    labelled = split_label(text)
    if (
        labelled is not None
        and labelled.field is None
        and labelled.rest
        and not _subject_label(labelled.label)
    ):
        name = clean_name(labelled.label)
        return (name, labelled.rest_offset, "colon") if _list_name(name) else None
    for style, pattern in (("pipe", _PIPE_LEAD), ("dash", _DASH_LEAD), ("bracket", _BRACKET_LEAD)):
        match = pattern.match(text)
        if match and match.end() < len(text):
            name = clean_name(match[1])
            return (name, match.end(), style) if _list_name(name) else None
    return None


# A message's or a document's header block (`发件人：` `日期：` `主题：`, `Generated:` `Period covered:`,
# bilingual `Date 日期:`) is led like a list, and names no project.
_HEADER_LABEL = re.compile(
    r"(?:发件人|收件人|收件|主送|抄送|日期|主题|时间|发送时间|编制|编制人|审核|统计周期|报告日期|报告人|报送|报告期|"
    r"填报日期|填写日期|编制日期|报送日期|"
    r"from|to|cc|bcc|date|subject|sent|generated|period|period covered|reporting period|prepared by|"
    r"author|(?:\w+\s+)?editor|distribution|dist|circulation|recipients|entered by|issued by|version|legend|key|rag key|status key|汇报周期|汇报人|汇报时间|填报人|编写|发送|周次|部门)",
    re.I,
)


_NAME_CHARS = 40


def _list_name(name: str, limit: int = _NAME_CHARS) -> bool:
    name = re.sub(rf"(?<=[{HAN}])\s+(?=[{HAN}])", "", name)  # `填 报 人`, `抄    送`: a form's spaced label
    return (
        valid_name(name)
        and len(name) <= limit
        and re.search(r"[^\W\d_]", name) is not None  # `16:04 — …` is a minute of a meeting
        and not _HEADER_LABEL.fullmatch(name)
        and not all(_HEADER_LABEL.fullmatch(word) for word in re.split(r"\s*[/／]\s*|\s+", name))
    )


# The report's own day or week inside a paragraph's label, after its name.
_DAY_IN_LABEL = re.compile(r"(?<=\S{2})(?:今天|今日|昨天|本周|这周)")


def _subject_label(label: str) -> bool:
    """A "label" that is a clause with its own verb (`X is done:`, `X has slipped:`): the colon
    opens an explanation, and the name is the clause's subject, not the whole label. Written
    from email-prose-retail."""
    match = _SUBJECT_LEAD.match(label)
    return match is not None and match.end() < len(label) and not _NOT_SUBJECT.match(match[1])


def speaks_of_schedule(mention: Mention) -> bool:
    """The mention's lines state a status, a progress figure, a date or a release as the target
    ("aiming for the 4.2 release")."""
    for unit in mention.units:
        rest = unit.text[unit.skip :] if unit is mention.units[0] else unit.text
        if find_statuses(rest) or find_progress(rest, True) or has_date(rest) or find_ordinal_targets(rest):
            return True
        if unit.labelled is not None and unit.labelled.field in SIGNAL_FIELDS:
            return True
    return False
