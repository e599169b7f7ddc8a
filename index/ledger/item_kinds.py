"""Which bullets of a report are a project's own line: a name that says something about itself, a
tracker's keyed record, an outline's group; the rest are steps and notes under one."""

from __future__ import annotations

import re

from index.ledger.field_labels import field_pieces, split_label
from index.ledger.mention_leads import has_date, item_name, tracker_key
from index.ledger.mentions import SIGNAL_FIELDS, line_text
from index.ledger.progress import find_progress
from index.ledger.signals import find_statuses, heading_status
from index.models import Item
from index.text.normalise import is_ordinal_marker

# A record's heading that opens with its tracker's code (`LIMS-R3 | Mosaic LIMS Release 3 -- Stability
# module`, w19-f; `APP-5 -- Ledger app 5.0 rebuild.`): the code is its id, what it is follows.
_KEYED_TITLE = re.compile(
    r"^([A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,8}){0,2})(?:\s*[(（][^()（）]{1,30}[)）])?\s+(?:[|｜]|--|—)\s+(\S.*)$"
)


def keyed_title(title: str) -> tuple[str, str]:
    """(code, name) of a keyed heading; ("", title) for any other."""
    match = _KEYED_TITLE.match(title.strip())
    return (match[1], match[2]) if match else ("", title)


def tracked_item(item: Item, lines: dict[int, str]) -> bool:
    """A top-level bullet that opens with its tracker's id (`[SZ-01]`, `[#12]`) and says something
    about what it names: a project's own line, not a note under one."""
    text = line_text(lines.get(item.start, item.text))
    return bool(tracker_key(text)) and is_projectish(item, lines, top=True)


def is_projectish(item: Item, lines: dict[int, str], top: bool = False) -> bool:
    """A bullet that names a project of its own and says something about it. A numbered line is
    a step, unless it is a top-level `1. 名称：…` line of a section's own list ("其他事项：" over
    "1. 双11老带新活动：10.30封板…"): that names a project as a bullet does."""
    text = line_text(lines.get(item.start, item.text))
    if is_ordinal_marker(item.marker) and not (top and _named_by_label(text)) and not has_fields(item, lines):
        return False
    found = item_name(item, text)
    if found is None:  # a status bullet ("- done ✅:") over a project is as good as the project
        if heading_status(text) is not None:
            return any(is_projectish(c, lines) for c in item.children)
        return is_group(item, lines)

    rest = text[found[1] :]
    if top and _named_by_label(text) and item.end > item.start:
        # a roll-call's message ("7. 孙悦：小程序回归，剩7个bug" over "自动化回归 四成，9月底有风险"):
        # its later lines may hold the news
        rest = " ".join(line_text(lines.get(n, "")) for n in range(item.start, item.end + 1))[found[1] :]
    return bool(
        item.children
        or find_statuses(rest)
        or find_progress(rest, True)
        or has_date(rest)
        # a name over its own indented field lines (`[1] CMS MIGRATION` / `RAG      : G` / `target : …`)
        or (item.end > item.start and has_fields(item, lines))
    )


def is_group(item: Item, lines: dict[int, str]) -> bool:
    """An outline's group bullet (`- 项目 Projects` over the project bullets, under the report's own
    title bullet): no name of its own, two or more projects under it."""
    text = line_text(lines.get(item.start, item.text))
    return item_name(item, text) is None and sum(is_projectish(c, lines) for c in item.children) >= 2


def has_fields(item: Item, lines: dict[int, str]) -> bool:
    """A numbered item over its own status, target or owner lines (`[1] EBR Line 2 - MES …` then
    `Lead: … Status: ON TRACK`, `Go-live: Mon 14 Apr 2025`) is a project's record, not a step."""
    fields = {
        piece.labelled.field
        for number in range(item.start + 1, item.end + 1)
        for piece in field_pieces(line_text(lines.get(number, "")))
        if piece.labelled is not None and piece.labelled.field in SIGNAL_FIELDS
    }
    return len(fields) >= 2


def _named_by_label(text: str) -> bool:
    labelled = split_label(text)
    return labelled is not None and labelled.field is None and bool(labelled.rest)
