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

from index.ledger.signals import (
    FIELD_KEYS,
    Labelled,
    find_progress,
    find_statuses,
    label_key,
    split_label,
)
from index.models import Item, Report, Section, SectionKind
from index.text.cjk import has_han
from index.text.normalise import nfkc, strip_markup
from index.text.timeexpr import find_dates

_NOT_PROJECT_KINDS = {
    SectionKind.INCIDENTS,
    SectionKind.METRICS,
    SectionKind.REFLECTION,
    SectionKind.PLANS,
    SectionKind.RISKS,
}
_EXTRA_MARKUP = re.compile(r"^\s*(?:[(（]\d{1,3}[)）]\s*|[①-⑳]\s*|[·•]\s*|\d{1,3}[．]\s*|\[[ xX]\]\s+)")
_NUMBERED = re.compile(r"^\d|^[(（]\d|^[①-⑳]")
_BRACKET_NAME = re.compile(r"^【([^】]{1,40})】\s*")
_BOLD_NAME = re.compile(r"^(?:\*\*|__)(.{1,60}?)(?:\*\*|__)\s*[:：]?\s*")
_FIRST_CLAUSE = re.compile(r"^(.{2,40}?)(?:[，,]|\s+[—–-]\s+|\s*——\s*)")
_NOT_A_NAME = re.compile(
    r"本周|下周|上周|已经?|完成|进行|推进|预计|正在|开始|启动|目前|当前|继续|持续|新增|支持|参与|组织|"
    r"\b(?:this|next|last) week\b|\b(?:we|i|our|completed|started|working|finished|shipped|launched)\b|"
    r"\d+\s*%|^\d+$|事件|事故|故障|incident",
    re.I,
)
_GENERIC_TITLE = re.compile(
    r"(?:本周|重点|核心|主要|关键|其他|其它|日常)?(?:项目|工作|进展|事项|任务|业务|需求)(?:进展|进度|情况|汇总|列表|更新|状态)?|"
    r"(?:key |other |active |current )?(?:projects?|initiatives?|workstreams?|updates?|progress|status|"
    r"highlights?|deliverables?|roadmap)(?: updates?| status| overview)?|"
    r"summary|overview|tl;?dr|notes?|general|team|概要|总结|概述|摘要|说明|总体情况",
    re.I,
)
_STATUSY_PARENS = re.compile(
    r"\s*[(（][^)）]*(?:%|负责|owner|eta|status|on track|at risk|risk|风险|延期|完成|上线|\d{1,2}/\d{1,2})"
    r"[^)）]*[)）]",
    re.I,
)
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


@dataclass
class Mention:
    name: str
    section: Section
    start: int
    end: int
    units: list[Unit]


def line_text(text: str) -> str:
    """A line without its list markup; always a substring of what the verifier compares against."""
    return _EXTRA_MARKUP.sub("", strip_markup(text)).strip()


def clean_name(name: str) -> str:
    name = _STATUSY_PARENS.sub("", nfkc(name))
    name = re.sub(r"[*_`#]+", "", name)
    name = _BRACKET_NAME.sub(lambda m: m[1] + " ", name)
    name = re.sub(r"\s*——.*$|\s+[—–-]\s+.*$", "", name)
    return name.strip(" \t:：-—–·•【】[]")


def valid_name(name: str) -> bool:
    if not 2 <= len(name) <= 40 or _NOT_A_NAME.search(name):
        return False
    if find_dates(name, _ANY_DAY) and len(name) < 12:
        return False
    return _GENERIC_TITLE.fullmatch(name.strip()) is None


def find_mentions(report: Report) -> list[Mention]:
    lines = {number: text for number, text in report.lines}
    out: list[Mention] = []
    for section in report.sections:
        _visit(section, 0, lines, out)
    return out


def _visit(section: Section, depth: int, lines: dict[int, str], out: list[Mention]) -> None:
    if section.kind in _NOT_PROJECT_KINDS:
        return
    fields = _count_fields(section, lines)
    context = section.kind == SectionKind.PROJECTS or fields > 0
    if context and not section.children and _is_project_section(section, depth, fields, lines):
        name = clean_name(section.title)
        if valid_name(name):
            out.append(_section_mention(section, name, lines))
            return
    if context or section.tables:
        out.extend(_table_mentions(section, lines))
    if context:
        for item in section.items:
            _item_mentions(item, section, lines, out)
        out.extend(_prose_mentions(section, lines))
    for child in section.children:
        _visit(child, depth + 1, lines, out)


def _count_fields(section: Section, lines: dict[int, str]) -> int:
    """Field lines that speak for the section itself: top-level bullets and prose (`**Status:** …`)."""
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    prose = [text for number, text in section.lines if number not in in_items and number != section.start]
    labelled = [split_label(line_text(text)) for text in prose]
    from_prose = sum(1 for found in labelled if found is not None and found.field in SIGNAL_FIELDS)
    return from_prose + sum(1 for item in section.items if _field_of(item, lines) in SIGNAL_FIELDS)


def _field_of(item: Item, lines: dict[int, str]) -> str | None:
    labelled = split_label(line_text(lines.get(item.start, item.text)))
    return labelled.field if labelled else None


def _is_project_section(section: Section, depth: int, fields: int, lines: dict[int, str]) -> bool:
    """A leaf section is one project unless it lists several; a top-level one needs a field too."""
    if fields >= 2:
        return True
    projectish = sum(1 for item in section.items if _is_projectish(item, lines))
    if depth == 0:
        return fields >= 1 and projectish < 2
    return fields >= 1 or projectish < 2


def _is_projectish(item: Item, lines: dict[int, str]) -> bool:
    """A bullet that names a project of its own and says something about it."""
    if _NUMBERED.match(item.marker):
        return False
    text = line_text(lines.get(item.start, item.text))
    found = _item_name(item, text)
    if found is None:
        return False
    rest = text[found[1] :]
    return bool(item.children or find_statuses(rest) or find_progress(rest, True) or _has_date(rest))


def _has_date(text: str) -> bool:
    return bool(find_dates(text, _ANY_DAY))


def _item_name(item: Item, text: str) -> tuple[str, int] | None:
    """(name, offset where the project's own text starts) for a bullet, or None."""
    match = _BRACKET_NAME.match(text) or _BOLD_NAME.match(text)
    if match:
        name = clean_name(match[1])
        return (name, match.end()) if valid_name(name) else None
    labelled = split_label(text)
    if labelled is not None:
        if labelled.field is not None:
            return None
        name = clean_name(labelled.label)
        return (name, labelled.rest_offset) if valid_name(name) else None
    if item.children and len(text) <= 30 and not re.search(r"[，。,;；]", text):
        name = clean_name(text)
        return (name, len(text)) if valid_name(name) else None
    match = _FIRST_CLAUSE.match(text)
    if match:
        name = clean_name(match[1])
        short = len(name) <= 14 if has_han(name) else len(name.split()) <= 5
        if short and valid_name(name):
            return name, match.end()
    return None


def _item_mentions(item: Item, section: Section, lines: dict[int, str], out: list[Mention]) -> None:
    text = line_text(lines.get(item.start, item.text))
    found = _item_name(item, text)
    if found is None:
        bullets = [c for c in item.children if not _NUMBERED.match(c.marker)]
        if len(bullets) >= 2 and sum(_is_projectish(c, lines) for c in bullets) >= 2:
            for child in bullets:
                _item_mentions(child, section, lines, out)
        return
    name, offset = found
    own_end = item.children[0].start - 1 if item.children else item.end
    units = [_unit(n, lines, head=True) for n in range(item.start, own_end + 1) if n in lines]
    if units:
        units[0].skip = offset
    units += [_unit(n, lines, head=False) for n in range(own_end + 1, item.end + 1) if n in lines]
    out.append(Mention(name, section, item.start, item.end, [u for u in units if u.text]))


def _prose_mentions(section: Section, lines: dict[int, str]) -> list[Mention]:
    """Paragraphs that open with a bold project name (`**Onboarding v3** 🟡 — 55% done; target end
    of March`): one mention each, its following lines until a blank line or the next such name.

    Prose-style reports write projects this way instead of as bullets or headings.
    """
    in_items = {n for item in section.items for n in range(item.start, item.end + 1)}
    out: list[Mention] = []
    current: Mention | None = None
    for number, raw in section.lines:
        text = line_text(raw)
        if number == section.start or number in in_items or not text.strip() or section.in_table(number):
            current = None
            continue
        match = _BOLD_NAME.match(text)
        labelled = split_label(text)
        if match and not (labelled is not None and labelled.field is not None):
            name, rest = clean_name(match[1]), text[match.end() :]
            signals = find_statuses(rest) or find_progress(rest, True) or _has_date(rest)
            if valid_name(name) and signals:
                unit = _unit(number, lines, head=True)
                unit.skip = match.end()
                current = Mention(name, section, number, number, [unit])
                out.append(current)
                continue
        if current is not None:  # the paragraph goes on: what it says is about that project
            current.units.append(_unit(number, lines, head=False))
            current.end = number
    return out


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
    units = [heading]
    for number, _ in section.lines:
        if number == section.start:
            continue
        units.append(_unit(number, lines, head=number not in body_item_lines))
    return Mention(name, section, section.start, section.end, [u for u in units if u.text])


_PROJECT_HEADER = re.compile(
    r"project|projects|name|initiative|workstream|epic|item|deliverable|项目|项目名称|名称|事项|工作项|任务|需求",
    re.I,
)


def _table_mentions(section: Section, lines: dict[int, str]) -> list[Mention]:
    """`| Project | Status | Progress | ETA |` tables: one mention per row, each cell a field."""
    out: list[Mention] = []
    for table in section.tables:
        header = table.header
        fields = [FIELD_KEYS.get(label_key(h)) for h in header]
        name_col = next((i for i, h in enumerate(header) if _PROJECT_HEADER.fullmatch(h.strip(" *"))), None)
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
