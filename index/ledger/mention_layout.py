"""Find where a report talks about a project, and under what name: the walk over its layout.

Reports name projects in several shapes: a `### Name` heading or a Notion bracket label
(`- 【商户服务重构】`, a Section in the parse tree) whose body describes it; a labelled bullet
(`- 平安存管接入：…`, `- Checkout: …`); a short bullet whose children are numbered steps
(`- 账单数据质量治理` + `1. …`); or a short first clause (`- 交易不成退代，完成…`). A section holding
several labelled bullets is a container of projects, not a project itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from index.classify import ALIGNED_STATE
from index.date_labels import DATE_LABEL
from index.ledger.chat_messages import LEAD_SIGN, legend_of, sign_status
from index.ledger.field_labels import Labelled, label_key, split_label
from index.ledger.item_kinds import has_fields, is_group, is_projectish, keyed_title, tracked_item
from index.ledger.mention_leads import (
    LeadKind,
    bullet_subject,
    cut_at_next_project,
    dated_lead,
    first_clause_end,
    heading_name,
    item_name,
    listed_lead,
    paragraph_lead,
    speaks_of_schedule,
    stated_after_colon,
    title_lead,
    tracker_key,
)
from index.ledger.mentions import (
    NOT_PROJECT_KINDS,
    TYPE_PREFIX,
    Mention,
    Origin,
    Unit,
    line_text,
    marked_state,
    project_tag,
    status_field,
    valid_name,
)
from index.ledger.metric_labels import figure_runs
from index.ledger.record_blocks import record_mentions
from index.ledger.section_kinds import (
    bold_leads,
    count_fields,
    is_project_section,
    leads_known,
    opens_with_field,
    record_items,
    table_only,
    title_fields,
    title_status_units,
)
from index.ledger.signals import LIFECYCLE, closed_heading, field_status, find_statuses, heading_status
from index.ledger.status_legend import legend_lines
from index.ledger.status_signs import is_legend
from index.ledger.table_mentions import table_mentions
from index.models import Item, Report, Section, SectionKind, line_texts
from index.report_date import names_period
from index.schemas import ProjectStatus
from index.text.normalise import is_ordinal_marker, nfkc


def find_mentions(report: Report) -> list[Mention]:
    lines = line_texts(report.lines)
    out: list[Mention] = []
    for section in report.sections:
        _visit(section, 0, lines, out, report.title)
    # A figures list's line (`标注质检合格率: 98%` among `采集里程: 41,050 km` lines) is a metric; a
    # status legend's (`Condition key: STABLE = on track | …`) a key to the scale.
    figures = {number for section in report.all_sections() for number in figure_runs(section)}
    figures |= legend_lines(report)
    return [m for m in out if m.start not in figures] if figures else out


def _visit(
    section: Section,
    depth: int,
    lines: dict[int, str],
    out: list[Mention],
    title: str = "",
    grouping: bool = False,
) -> None:
    """`grouping`: the section's siblings group tracked items (a plant's heading over `[SZ-01] …`
    lines), so it is a group too, though it holds none: its bullets are notes (w19-e)."""
    # a card heading's own fields count (`② PACS历史影像迁移 ｜ 负责人：周航 ｜ 🟢正常`), not the
    # report title's (`[KST100] PM Weekly Report - WW13 | Overall: RED`)
    titled = title_fields(section.title) if section.title != title else 0
    fields = count_fields(section, lines) + titled
    if section.kind in NOT_PROJECT_KINDS and (records := record_mentions(section, lines)):
        # Records under an asks or notes heading (a clinic's "WAITING ROOM" over its `PATIENT:`
        # records) are projects; the heading's own bullets are still asks.
        out.extend(records)
        for child in section.children:
            _visit(child, depth + 1, lines, out, title)
        return
    # a heading with its own state (`ITEM 04  RELIABILITY DASHBOARD   STATUS: RTS`) names a project,
    # whatever its words suggest the section holds
    own_state = titled > 0 and section.kind == SectionKind.METRICS
    if section.kind in NOT_PROJECT_KINDS and fields < 2 and not own_state:
        # A metrics or incidents heading is not a project; but an objective named by a metric
        # ("O1 核心服务可用性达到99.95%") holds projects, and a heading with its own status,
        # progress and target lines ("KR1.2 告警降噪" + 当前进度/预计完成/状态) is one.
        if section.kind in (SectionKind.METRICS, SectionKind.INCIDENTS):
            for child in section.children:
                _visit(child, depth + 1, lines, out, title)
        else:
            # a child that names its own kind is no part of its parent's (`Workstreams` under a title
            # read as plans or notes)
            for child in section.children:
                if child.kind == SectionKind.PROJECTS:
                    _visit(child, depth + 1, lines, out, title)
        if section.kind == SectionKind.METRICS:
            out.extend(_records_among_metrics(section, lines))
        return
    context = section.kind == SectionKind.PROJECTS or fields > 0
    # A status table lists the projects: the section holding it (often the report's title, over
    # "Owner: …" lines) is none of them.
    rows = table_mentions(section, lines) if section.tables else []
    filed = heading_status(section.title) if rows else None
    if filed is not None:
        # a table right under `### 本周完成` or `### 暂停` files its rows there, as a list's items
        under = {
            row.line
            for t in section.tables
            if not any(lines.get(n, "").strip() for n in range(section.start + 1, t.header_line))
            for row in t.rows
        }
        for row in rows:
            if row.start in under:
                row.filed_as = row.filed_as or filed
    records = record_mentions(section, lines)  # `Project: X` over its fields: a tracker's records
    rows += records
    first_new = len(out)
    known_leads = leads_known(section, lines, out)
    if (
        context
        and not grouping
        and not rows
        and not section.children
        and not known_leads
        and not table_only(section)
        and is_project_section(section, depth, fields, lines)
    ):
        # a keyed record is named by its code, as the report's own risks and plans name it
        # (`R-15  LIMS-R3: 04-Nov assumes …`, `- LIMS-UPG: cutover Sat 28-Sep`)
        key, _ = keyed_title(section.title)
        name = key or heading_name(section.title)
        if valid_name(name, typed=TYPE_PREFIX.match(nfkc(section.title).strip(" #*_")) is not None):
            mention = _section_mention(section, name, lines)
            mention.key = key or project_tag(section.title)
            out.append(mention)
            return
    # A leaf section named like a project whose body speaks of its schedule ("### 议题一：贷中预警系统
    # 上线（孙悦）" over "已于8月27日上线") is one, when the name recurs in another report.
    # the report's own title names no project, nor a banner naming the days it covers
    # (`Cargo Digital Weekly · W11（3/10–3/14）` over its TL;DR, a blog entry's, w52-h)
    # (nor the page's banner over the report's own dated header fields: `## Ashcombe Borough Council
    # - Waste & Street Scene` over `| Week ending: 05/04/2024 | Prog. Wk: 13 |`, an Access report)
    is_title = (
        (depth == 0 and section.title == title) or names_period(section.title) or _dated_header(section)
    )
    if (
        not context
        and not grouping
        and not is_title
        and not table_only(section)
        and not rows
        and not section.children
        and bold_leads(section, lines) < 2
        and not known_leads
        and is_project_section(section, max(depth, 1), 0, lines)
    ):
        name = heading_name(section.title)
        if valid_name(name):
            mention = _section_mention(section, name, lines)
            mention.origin = "lead"
            if speaks_of_schedule(mention):
                out.append(mention)
                return
    # Outside a projects section, bullets that each name something and say something about its
    # schedule are still projects ("- rec-v3: eta 3/14→3/21" under "## W16"), kept only when the
    # name recurs in another report.
    loose = not context and (
        sum(1 for item in section.items if is_projectish(item, lines, top=True)) >= 2
        or (
            (heading_status(section.title) is not None or closed_heading(section.title))
            and len(section.items) >= 1
        )
    )
    out.extend(rows)
    under_records = record_items(section)  # a record's or a bold status line's own notes
    if context or loose:
        found: list[Mention] = []
        for item in section.items:
            if item.start not in under_records:
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
    prose = _prose_mentions(
        section, lines, context, plain_leads=not opens_with_field(section), notes=under_records
    )
    filed = heading_status(section.title)
    for mention in prose if filed is not None else []:
        # A paragraph under "## Shipped this week" that opens with what shipped ("Audit log export is
        # now generally available…") is filed there as a bullet would be: a changelog's list.
        mention.filed_as = mention.filed_as or filed
        if filed == "launched":
            mention.origin = "structure"
    out.extend(prose)
    if records:
        # a record's lines are its project's: no bullet or sentence in them names another
        spans = [range(r.start, r.end + 1) for r in records]
        out[first_new:] = [
            m for m in out[first_new:] if m in records or not any(m.start in span for span in spans)
        ]
    grouping = sum(1 for child in section.children if any(tracked_item(i, lines) for i in child.items)) >= 2
    for child in section.children:
        _visit(child, depth + 1, lines, out, title, grouping=grouping)


def _records_among_metrics(section: Section, lines: dict[int, str]) -> list[Mention]:
    """Numbered records (`[1] KEYSTONE` over `RAG : A`, `target : …`) that a plain-text note runs on
    from its numbers block with no heading between (w14-f): projects, each kept when another report
    names it too; the block's own figure bullets stay metrics."""
    records = [item for item in section.items if is_ordinal_marker(item.marker) and item.end > item.start]
    found: list[Mention] = []
    if sum(1 for item in records if has_fields(item, lines)) >= 2:
        for item in records:  # `[4] R&R REQUEST FORM` / `LIVE -- went live Wed 26 Feb` too
            _item_mentions(item, section, lines, found)
    for mention in found:
        mention.origin = "lead"
    return found


def _item_mentions(item: Item, section: Section, lines: dict[int, str], out: list[Mention]) -> None:
    text = line_text(lines.get(item.start, item.text))
    found = item_name(item, text)
    if found is None:
        bullets = [c for c in item.children if not is_ordinal_marker(c.marker)]
        # A bullet that is only a status ("- done ✅:", "- 已上线：") files its children under it,
        # as a `## Done` heading does. Written from terse-bullets-ml.
        filed = heading_status(text)
        projects = sum(is_projectish(c, lines) for c in bullets)
        if projects >= 2 or (filed is not None and projects >= 1) or any(is_group(c, lines) for c in bullets):
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
        if bullet_subject(text) == found:
            # A sentence's subject owns its first clause's lifecycle word, and the line until a
            # sentence about another project ("Beacon shipped. Invite & Earn slipped to 6/28.").
            units[0].lifecycle_until = first_clause_end(units[0].text, offset)
            cut_at_next_project(units[0], offset)
    units += [_unit(n, lines, head=False) for n in range(own_end + 1, item.end + 1) if n in lines]
    tail = ALIGNED_STATE.search(text) or stated_after_colon(text) or marked_state(text, offset)
    if tail is not None and tail.start(1) >= offset and field_status(tail[1]) is not None:
        # `[3] KESTREL final delivery          LIVE`: a board's word set off to the right of
        # the entry's name, read as a status field is (`LIVE`, `ON HOLD`; `n/a` none), as is
        # the one word after its colon (`1. RRS ........ LIVE`, a dot leader, w47-d)
        units.append(status_field(item.start, tail[1]))
    mention = Mention(name, section, item.start, item.end, [u for u in units if u.text])
    mention.key = tracker_key(text)
    out.append(mention)


def _prose_mentions(
    section: Section,
    lines: dict[int, str],
    context: bool,
    plain_leads: bool = True,
    notes: Collection[int] = (),
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
    legend = legend_of(tuple(lines.values()))
    # `notes`: the first lines of the items that are a record's notes (`record_items`)
    under_records = {
        n for item in section.items if item.start in notes for n in range(item.start, item.end + 1)
    }
    out: list[Mention] = []
    current: Mention | None = None
    # A bold-named paragraph's later lines are its sub-steps (the name line carries the project's
    # own fields); a block opened by a plain lead ("KR4 Push频控改造 ｜ 进度 六成" then
    # "上线推迟到10.24" and "状态：有风险") speaks for the project on every line. A sentence's
    # subject owns that sentence only: the next one is often about another project.
    own_lines = False
    sentence_open = False
    previous_blank = True
    styles, in_list = _listed_lines(section, in_items) if plain_leads else ([], set())
    ended = False  # the line before closed its sentence
    lead_indent = 0  # how far the open mention's lead line is set in
    for index, (number, raw) in enumerate(section.lines):
        text = line_text(raw)
        if number in under_records and current is not None:
            current.units.append(_unit(number, lines, head=False))  # the record's own sub-steps
            current.end = number
            continue
        if number == section.start or number in in_items or not text.strip() or section.in_table(number):
            current, previous_blank = None, True
            continue
        if is_legend(text):
            continue  # `Ampel: G = on track | Y = at risk`: the scale's key, no project
        below = section.lines[index + 1][1] if index + 1 < len(section.lines) else ""
        listed = index in in_list
        # set in under a labelled lead (`  HLD-3 commissioning ..... (A)` over `    In-service moved
        # from 28 Mar to 11 Apr.`, a mail typed with hanging indents, w54-a): the lead's body, whose
        # sentences' subjects are its parts, not projects of their own
        hanging = current is not None and own_lines and _indent(raw) > lead_indent
        lead = (
            (_as_label(styles[index]) if listed else None)
            or (title_lead(raw, text, below) if previous_blank else None)
            or paragraph_lead(text, previous_blank and plain_leads)
            or (dated_lead(text) if current is None and plain_leads else None)
            or (_next_sentence_subject(text) if ended and plain_leads and not hanging else None)
        )
        previous_blank = False
        ended = text.rstrip().endswith((".", "!", "?", "。", "！", "？"))
        if lead is not None:
            name, skip, kind = lead
            unit = _unit(number, lines, head=True)
            unit.skip = skip
            # Only a bold name is a project by its layout alone; a plain lead ("Rough week: …")
            # must recur in another report.
            origin: Origin = "structure" if kind == "bold" else "lead"
            current = Mention(name, section, number, number, [unit], origin=origin)
            lead_indent = _indent(raw)
            signed = _signed_status(number, raw, unit.text[skip:], legend)
            if signed is not None:
                current.units.append(signed)
            own_lines = kind != "bold"
            sentence_open = kind == "subject"
            if sentence_open:
                unit.lifecycle_until = first_clause_end(unit.text, skip)
                if cut_at_next_project(unit, skip):
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
                if cut_at_next_project(unit, 0):
                    current, sentence_open = None, False
    return [m for m in out if speaks_of_schedule(m)]


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


def _signed_status(number: int, raw: str, rest: str, legend: dict[str, ProjectStatus]) -> Unit | None:
    """The status a sign before a paragraph's name gives it (`:otter_sweat: **WebShop 官网商城** — …`
    by the report's legend, `🟡 **OBv2** — 85%`), as its status field; the words say more than the
    sign when they tell a launch or a stop ("4/17 全量上线 ✅")."""
    sign = LEAD_SIGN.match(raw)
    status = sign_status(sign[1], legend) if sign else None
    if sign is None or status is None or any(hit.value in LIFECYCLE for hit in find_statuses(rest)):
        return None
    return status_field(number, sign[1], status)


def _listed_lines(section: Section, in_items: set[int]) -> tuple[list[tuple[str, int, str] | None], set[int]]:
    """Each line's `listed_lead`, and the indexes of lines in a run of two or more consecutive
    lines led alike (`Billing revamp: 60% done` over `Search relaunch: at risk`, no blank line
    between): a list written without markers, each line its own project's, not the first one's
    paragraph going on."""
    styles = [
        None if number in in_items or section.in_table(number) else listed_lead(line_text(raw))
        for number, raw in section.lines
    ]
    in_list: set[int] = set()
    for index in range(1, len(styles)):
        before, here = styles[index - 1], styles[index]
        if (
            before is not None
            and here is not None
            and before[2] == here[2]
            and _indent(section.lines[index - 1][1]) == _indent(section.lines[index][1])
        ):  # (one set in under the other is its body, w54-a)
            in_list.update((index - 1, index))
    return styles, in_list


def _next_sentence_subject(text: str) -> tuple[str, int, LeadKind] | None:
    """A line that opens a new sentence with a project as its subject, under a line that closed
    its own (an e-mail's `Billing revamp is 60% done.` over `Search relaunch slipped to 15 July.`):
    the next project's news, not the paragraph's first project going on."""
    lead = paragraph_lead(text, True)
    return lead if lead is not None and lead[2] == "subject" else None


def _as_label(lead: tuple[str, int, str] | None) -> tuple[str, int, LeadKind] | None:
    return (lead[0], lead[1], "label") if lead is not None else None


# An org-mode heading's TODO keyword is the item's state: `** DONE Rattler HIL rig`, `** HOLD Regen map`.
_ORG_STATE_LINE = re.compile(r"^\*+\s+([A-Z]{2,10})\s+\S")
_ORG_STATES: dict[str, ProjectStatus] = {
    "DONE": "done",
    "CANCELLED": "cancelled",
    "CANCELED": "cancelled",
    "HOLD": "paused",
    "WAIT": "blocked",
    "WAITING": "blocked",
    "BLOCKED": "blocked",
}


def _org_state(raw: str, number: int) -> Unit | None:
    """The keyword of an org heading line as a status field of its own, quoting the keyword."""
    match = _ORG_STATE_LINE.match(raw)
    if match is None or match[1] not in _ORG_STATES:
        return None
    return Unit(
        line=number,
        text=match[1],
        head=True,
        labelled=Labelled(label="", rest=match[1], rest_offset=0, field="status"),
        status=_ORG_STATES[match[1]],
    )


def _name_end(text: str, name: str) -> int:
    """Where the name ends in its heading line; a name cleaned of a tag inside it (`P2 H2Go 预约` of
    `P2 [Y] H2Go 预约    负责: …`) ends where its last words do; the whole line when neither is there."""
    if name in text:
        return text.find(name) + len(name)
    tail = name[-_NAME_TAIL:]
    return text.find(tail) + len(tail) if len(name) > _NAME_TAIL and tail in text else len(text)


_NAME_TAIL = 6


def _dated_header(section: Section) -> bool:
    """The section opens with the report's own dated field (`Week ending: 05/04/2024`, `报告日期：…`)."""
    opening = [text for _, text in section.lines if text.strip()][:3]
    return any(DATE_LABEL.match(text.strip()) for text in opening)


def _section_mention(section: Section, name: str, lines: dict[int, str]) -> Mention:
    heading = _unit(section.start, lines, head=True)
    heading.text = line_text(lines.get(section.start, section.title).lstrip("#=").strip())
    # (the name is folded: `网关重构(Go)` of `网关重构（Go） 🟢 正常`, same length when folded)
    folded = nfkc(heading.text) if len(nfkc(heading.text)) == len(heading.text) else heading.text
    heading.skip = _name_end(folded, name)
    state = _org_state(lines.get(section.start, ""), section.start)
    body_item_lines: set[int] = set()
    head_item_lines: set[int] = set()
    for item in section.items:
        own_end = item.children[0].start - 1 if item.children else item.end
        target = body_item_lines if is_ordinal_marker(item.marker) else head_item_lines
        target.update(range(item.start, own_end + 1))
        body_item_lines.update(range(own_end + 1, item.end + 1))
    # Items under an action-item label ("待办：", "Action items:") are people's tasks with their
    # own deadlines ("@李婷 8/23前完成 OOT 验证"), not the project's schedule.
    actions = False
    units = [heading, *title_status_units(heading)]
    if state is not None:
        units.append(state)
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


def _unit(number: int, lines: dict[int, str], head: bool) -> Unit:
    text = line_text(lines.get(number, ""))
    return Unit(number, text, head, 0, split_label(text))
