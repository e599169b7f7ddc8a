"""Which sections of a report are one project, which are containers of projects, and which lines in
them speak for a record rather than for the section: the layout walk asks these before it names anything."""

from __future__ import annotations

import re

from index.classify import ALIGNED_STATE
from index.ledger.field_labels import field_pieces, split_label
from index.ledger.item_kinds import is_projectish, keyed_title, tracked_item
from index.ledger.mention_leads import STATUS_FIRST, led_paragraphs, paragraph_lead, titled_paragraphs
from index.ledger.mentions import (
    PIPE_FIELDS,
    SIGNAL_FIELDS,
    Mention,
    Unit,
    line_text,
    marked_state,
    status_field,
)
from index.ledger.signals import field_status, find_statuses
from index.models import Item, Section, line_texts
from index.text.normalise import name_key


def table_only(section: Section) -> bool:
    """The section holds a table and nothing else but field lines (`流转意见` over a form's
    approval log and its `打印人：… 打印时间：…` footer): it names the table, whose rows are not
    projects here; no project of its own."""
    return bool(section.tables) and all(
        section.in_table(number) or not text.strip() or split_label(line_text(text)) is not None
        for number, text in section.lines
        if number != section.start
    )


def leads_known(section: Section, lines: dict[int, str], found: list[Mention]) -> bool:
    """An item of the section opens with the name of a project an earlier part of the report
    listed (`1. Curtainline 5 upgrade: go-live moves …` under `TICKETING`, after a running-order
    table that lists it): the section files projects by area, it is none itself."""
    known = {name_key(m.name) for m in found}
    if not known:
        return False
    for item in section.items:
        labelled = split_label(line_text(lines.get(item.start, "")))
        if labelled is not None and labelled.field is None and name_key(labelled.label) in known:
            return True
    return False


def bold_leads(section: Section, lines: dict[int, str]) -> int:
    """Lines of the section's own body (not bullets) that open with a project's name in bold
    (`**Corvida Summit 2025** — Status: On track`): two or more make it a container of projects,
    whatever its title ("Heads up on Wednesday's blip" over a check-in's answers), not one."""
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    return sum(
        1
        for number, text in section.lines
        if number not in in_items
        and (lead := paragraph_lead(text.strip(), True)) is not None
        and lead[2] == "bold"
        and lead[1] < len(text.strip())
    )


def count_fields(section: Section, lines: dict[int, str]) -> int:
    """Field lines that speak for the section itself: top-level bullets and prose (`**Status:** …`)."""
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    prose = [
        text
        for number, text in section.lines
        if number not in in_items and number != section.start and not _record_line(line_text(text))
    ]
    from_prose = sum(
        1
        for text in prose
        for piece in field_pieces(line_text(text))
        if piece.labelled is not None and piece.labelled.field in SIGNAL_FIELDS
    )
    return from_prose + sum(1 for item in section.items if _item_field(item, lines) in SIGNAL_FIELDS)


# Where a card heading's fields part: a bar, or a plain-text record's wide gap.
_TITLE_FIELD_GAP = re.compile(r"\s*[|｜]\s*|\s{4,}")


# Status signs before a heading's name (a 🆕 beside them says nothing of the state).
_LEAD_SIGNS = re.compile(r"^[#\s]*(?:🆕\s*)?([🟢🟡🟠🔴🟩🟨🟧🟥⏸✅❌⛔](?:\ufe0f)?)\s*(?:🆕\s*)?[*_]*[^\W_]")


def title_status_units(heading: Unit) -> list[Unit]:
    """A card heading's state after its name (`… ｜ 负责人：林可 ｜ 🟢正常`), as the status field it
    is: the author set it, so it outranks what a step line's wording suggests (`顺延两天`)."""
    lead = _LEAD_SIGNS.match(heading.text) or STATUS_FIRST.match(heading.text)  # `AMBER    Depot chargers`
    if lead is not None and field_status(lead[1]) is not None:
        # `🟡 **OBv2** — 85%`, `✅ **Driver App es-CL**`: the sign before the name is its state (w23-h)
        return [status_field(heading.line, lead[1])]
    match = PIPE_FIELDS.search(heading.text)
    if match is None:
        # `[RK2] RangerKit 2.0          CLOSED`: a board's word set off to the right of the record's
        # head, read as its legend defines it (w21-e)
        tail = ALIGNED_STATE.search(heading.text)
        if tail is not None and field_status(tail[1]) is not None:
            return [status_field(heading.line, tail[1])]
        # a state in brackets after the name is its status field too
        marked = marked_state(heading.text, heading.skip)
        if marked is not None and field_status(marked[1]) is not None:
            return [status_field(heading.line, marked[0])]
        return []
    out: list[Unit] = []
    for piece in _TITLE_FIELD_GAP.split(match[0].strip()):
        labelled = split_label(piece) if piece else None
        if piece and labelled is None and find_statuses(piece):
            out.append(status_field(heading.line, piece))
        elif labelled is not None and labelled.field == "status":  # `…   STATUS: SD`, a record's own field
            out.append(Unit(heading.line, piece, head=True, labelled=labelled))
    return out


def title_fields(title: str) -> int:
    """A card heading's own fields after its name (`② PACS历史影像迁移 ｜ 负责人：周航 ｜ 🟢正常`):
    the owner and the state of the project the heading names."""
    match = PIPE_FIELDS.search(title)
    if match is None:
        return 0
    pieces = _TITLE_FIELD_GAP.split(match[0].strip(" |｜"))
    return sum(
        1
        for piece in pieces
        if ((labelled := split_label(piece)) is not None and labelled.field in SIGNAL_FIELDS)
        or find_statuses(piece)
    )


def _record_line(text: str) -> bool:
    """`[P1] 美西二期仓 | Owner: Leo | RAG: G | 进度 55%`: a project's name, then its fields: they
    speak for that project, not for the section it stands in."""
    lead = paragraph_lead(text.strip(), True)
    if lead is None or lead[2] != "pipe" or not field_pieces(text[lead[1] :]):
        return False
    first = field_pieces(text.strip())[0]
    # `负责人 邵明哲 ｜ 当前进度 50%`: a field line of its heading's project, opened by a field
    return first.labelled is None or first.labelled.field is None


def record_items(section: Section) -> set[int]:
    """The first lines of the bullets right under a record line (`[P2] 墨西哥专线 | RAG: A` then
    `  - RFC 税号 仍在审核`, indented) or under a bold name with its own status (`**① 小满家居自播间** 🟡`
    then `- 目标还是 3/20 首播…`), with no blank line between: that project's notes, not projects."""
    starts = {item.start: item for item in section.items}
    lines = line_texts(section.lines)
    out: set[int] = set()
    for number, raw in section.lines:
        if number in starts or number == section.start:
            continue
        text = line_text(raw)
        record = _record_line(text)
        if not record and not _bold_with_status(text):
            continue
        following = number + 1
        while following in starts and (not record or lines.get(following, "")[:1].isspace()):
            out.add(following)
            following = starts[following].end + 1
    return out


def _bold_with_status(text: str) -> bool:
    """`**③ AI数字人直播试点** 🟡`: a bold project name and nothing after it but its status."""
    lead = paragraph_lead(text.strip(), True)
    if lead is None or lead[2] != "bold":
        return False
    rest = text.strip()[lead[1] :]
    return len(rest.strip()) <= 12 and bool(find_statuses(rest))


def opens_with_field(section: Section) -> bool:
    first = next((line_text(text) for n, text in section.lines if n != section.start and text.strip()), "")
    labelled = split_label(first)
    return labelled is not None and labelled.field in SIGNAL_FIELDS


def _item_field(item: Item, lines: dict[int, str]) -> str | None:
    labelled = split_label(line_text(lines.get(item.start, item.text)))
    return labelled.field if labelled else None


def is_project_section(section: Section, depth: int, fields: int, lines: dict[int, str]) -> bool:
    """A leaf section is one project unless it lists several; a top-level one needs a field too."""
    if titled_paragraphs(section) >= 2:
        return False  # `1.「青鸟」…` and `2.「白鹭」…` over their own fields: a container of projects
    if fields >= 1 and keyed_title(section.title)[0]:
        return True  # `FRZ | Freezer barcoding` over `Owner: …`: a record; its bullets are its notes
    if any(tracked_item(item, lines) for item in section.items):
        # `- [SZ-01] 集控二期接入【预警】进度 55%，计划 4/30` under a plant's heading (w19-e): an item
        # with its tracker's id and its own news is a project; the heading only groups them
        return False
    if fields >= 2:
        return True
    if led_paragraphs(section) >= 2:
        return False
    projectish = sum(1 for item in section.items if is_projectish(item, lines))
    if depth == 0:
        return fields >= 1 and projectish < 2
    return fields >= 1 or projectish < 2
