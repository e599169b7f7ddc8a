"""Status tables read as projects: one mention per row, each cell a field its column names.

A tracker's or a sheet's table (`| Project | Owner | Status | Target | % |`) is the most common way
reports list projects. The column roles come from `table_columns`; this module turns rows into
mentions and leaves out the rows that are no projects: a task list's tasks, a sheet's child rows.
"""

from __future__ import annotations

import re

from index.ledger.field_labels import Labelled
from index.ledger.mentions import SIGNAL_FIELDS, Mention, Unit, bucket_code, clean_name, valid_name
from index.ledger.signals import field_status
from index.ledger.status_signs import rag_letter, shown_emoji
from index.ledger.table_columns import (
    column_roles,
    key_cell,
    key_column,
    name_column,
    task_rows,
    version_rows,
)
from index.models import Section
from index.tables import Table, TableRow
from index.text.cjk import has_han
from index.text.timeexpr import ANY_DAY, find_dates


def table_mentions(section: Section, lines: dict[int, str]) -> list[Mention]:
    """`| Project | Status | Progress | ETA |` tables: one mention per row, each cell a field."""
    out: list[Mention] = []
    for table in section.tables:
        header = table.header
        fields = column_roles(table)
        name_col = name_column(table)
        if name_col is None or not any(f in SIGNAL_FIELDS for f in fields) or task_rows(table, name_col):
            continue
        if _MILESTONES.search(section.title) and set(fields) <= _DAYS_ONLY:
            continue  # `### Milestones` over `| Name | Deadline | Reached |`: a plan's steps, not its projects
        key_col = key_column(table)
        steps = [i for i, h in enumerate(header) if _STEP_HEADER.fullmatch(h.strip(" *_`"))]
        if key_col is not None and steps and name_col not in steps:
            # `| 编号 | 节点 | 节点日期 | 节点状态 |` over `| P04 | 夜间联调 | 2025-03-11 | 已完成 |`: the
            # steps of projects another table lists, each keyed to its project (w46-a)
            continue
        children = milestone_rows(table, fields)
        shares = share_columns(table, fields)
        for row in table.rows:
            cells = row.cells
            if name_col >= len(cells) or row.line in children or _SUBITEM.match(cells[name_col]):
                continue
            name = clean_name(cells[name_col])
            if version_rows(table, name_col):
                # a release is named with its header's word (`2.9 版本`, `Release 4.2`), as its
                # team says it; the bare number names nothing
                word = header[name_col].strip(" *_`")
                name = f"{name}{word}" if has_han(word) else f"{word.title()} {name}"
            if not valid_name(name):
                continue
            text = _row_text(section, row, lines)
            units = [Unit(row.line, text, head=True, skip=len(text))]
            sign = _NAME_SIGN.search(shown_emoji(cells[name_col]))
            if sign is not None and field_status(sign[1]) is not None:
                # `门架北斗授时模块加装 :white_check_mark:`: the sign set after the name is the row's state
                units.append(
                    Unit(row.line, sign[1], head=True, skip=0, labelled=Labelled("", sign[1], 0, "status"))
                )
            for index, cell in enumerate(cells):
                if index != name_col and index < len(header) and cell:
                    labelled = Labelled(header[index], cell, 0, fields[index], index in shares)
                    letter = rag_letter(cell) if fields[index] == "status" else None
                    # (a row wrapped over lines: the cell is cited on the line that holds it)
                    at = next((n for n in row.numbers if cell in lines.get(n, "")), row.line)
                    units.append(Unit(at, cell, head=True, skip=0, labelled=labelled, status=letter))
            # (a row's comment set in under it, or its cell wrapped onto the lines below: its own news)
            units += [
                Unit(n, lines[n].strip(), head=False) for n in row.numbers[1:] if lines.get(n, "").strip()
            ]
            key = key_cell(cells[key_col]) if key_col is not None and key_col < len(cells) else ""
            key = key or bucket_code(cells[name_col])
            out.append(Mention(name, section, row.line, max(row.numbers), units, key=key))
    return out


_MILESTONES = re.compile(r"\bmilestones?\b|里程碑|关键节点|\bkey dates\b", re.I)
_DAYS_ONLY = {None, "target", "actual"}
_STEP_HEADER = re.compile(r"节点|节点名称|里程碑|关键节点|milestones?", re.I)
_NAME_SIGN = re.compile(r"\s([✅✔☑⏸❌⛔🟢🟡🟠🔴🚀])\ufe0f?\s*$")
_SHARE_CELL = re.compile(r"0?\.\d{1,4}|[01](?:\.0{1,4})?")
_NO_VALUE = re.compile(r"[\s\-–—/]*|nan|n/?a|none|null|tbd", re.I)  # pandas writes `NaN`


def share_columns(table: Table, fields: list[str | None]) -> set[int]:
    """Progress columns that store the share done as a number from 0 to 1 (a list exported by a
    script: `0.45`, `0.8`, then `1` when complete): at least one cell a decimal, every filled one so."""
    out = set()
    for index, field in enumerate(fields):
        if field != "progress":
            continue
        cells = [
            cell
            for row in table.rows
            if index < len(row.cells) and not _NO_VALUE.fullmatch(cell := row.cells[index].strip())
        ]
        if cells and all(_SHARE_CELL.fullmatch(c) for c in cells) and any("." in c for c in cells):
            out.add(index)
    return out


def _row_text(section: Section, row: TableRow, lines: dict[int, str]) -> str:
    """The row's own line. A page saved on one line (a CMS's minified HTML) renders every row of
    its table under that one line number: the row is the rendered line that holds its cells."""
    cells = [cell for cell in row.cells if cell]
    same = [text for number, text in section.lines if number == row.line]
    own = (
        next((text for text in same if all(cell in text for cell in cells)), None) if len(same) > 1 else None
    )
    return (own or lines.get(row.line, "")).strip()


# A board's subitem row, marked under its item (`↳ Android beta (200 crew)`, `└ UAT`): a step of the
# project above, not a project (monday.com, w24-b).
_SUBITEM = re.compile(r"^\s*[↳└├┗┣⤷]")

_ROW_FACTS = ("status", "owner", "progress")


def milestone_rows(table: Table, fields: list[str | None]) -> set[int]:
    """Rows of only days under rows that have a status, an owner or a share done: a sheet's child
    rows (`| 3 | UAT round 1 | | | | 03/17/25 | 03/17/25 |` under its project's row), the
    project's milestones, not projects; their days are not its target. Only where at least half
    the rows have those facts. Written from w23-b (a Smartsheet export)."""
    columns = [i for i, field in enumerate(fields) if field in _ROW_FACTS]
    if not columns:
        return set()

    def has_facts(row: TableRow) -> bool:
        return any(i < len(row.cells) and row.cells[i].strip(" -—–") for i in columns)

    full = [row for row in table.rows if has_facts(row)]
    if 2 * len(full) < len(table.rows):
        return set()
    out: set[int] = set()
    parent = False
    for row in table.rows:
        if has_facts(row):
            parent = True
        elif parent and any(find_dates(cell, ANY_DAY) for cell in row.cells):
            out.add(row.line)
    return out
