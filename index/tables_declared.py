"""Rows under columns a line declares: a relay's (接龙) or a template's entries.

A group chat's weekly relay opens with the format every entry follows (`姓名｜项目｜本周进展｜状态｜
目标时间`), perhaps an example (`例 张三｜XX项目｜…`), then numbered entries, one per person, each
with as many cells, some wrapped onto a second line, other lines between them (a figures line,
replies). The entries are a table with that header: each cell is the field its column names.
"""

from __future__ import annotations

import re

from index.tables import Table, TableRow

_BARS = re.compile(r"\s*[|｜]\s*")
_ENTRY = re.compile(r"^\s*\d{1,3}\s*[.、．)）]\s*")
_MIN_COLUMNS = 3
_MIN_ROWS = 2
_COLUMN_CHARS = 12
_WRAPPED_LINES = 2  # an entry's cells may run onto so many more lines


def read_declared_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Tables whose header is a line of three or more short column names between bars and whose
    rows are the numbered entries below it with as many cells."""
    tables: list[Table] = []
    for index, (number, text) in enumerate(lines):
        header = _header(text)
        if header is None:
            continue
        rows = _entries(lines[index + 1 :], len(header))
        if len(rows) >= _MIN_ROWS:
            tables.append(Table(number, header, rows, scattered=True))
    return tables


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in _BARS.split(text.strip())]


def _header(text: str) -> list[str] | None:
    """`姓名｜项目｜本周进展｜状态｜目标时间`, after a lead-in (`老规矩 18:30前。`): short names, no
    figure, no entry's ordinal."""
    if _ENTRY.match(text) or not re.search(r"[|｜]", text):
        return None
    lead, *rest = _cells(text)
    lead = re.split(r"[。：:，,；;!！?？\s]", lead)[-1]  # the sentence before the first name
    names = [lead, *rest]
    ok = len(names) >= _MIN_COLUMNS and all(
        0 < len(name) <= _COLUMN_CHARS and not re.search(r"\d", name) for name in names
    )
    return names if ok else None


def _entries(lines: list[tuple[int, str]], width: int) -> list[TableRow]:
    """The numbered entries with `width` cells, an entry's wrapped line joined to it; another
    line declaring columns ends them."""
    rows: list[TableRow] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        index += 1
        if _header(text) is not None:
            break
        entry = _ENTRY.match(text)
        if entry is None:
            continue
        joined, end = text[entry.end() :], number
        cells = _cells(joined)
        more = 0
        while len(cells) < width and more < _WRAPPED_LINES and index < len(lines):
            following, next_text = lines[index]
            if not next_text.strip() or _ENTRY.match(next_text) or _header(next_text) is not None:
                break
            joined, end = f"{joined} {next_text.strip()}", following
            cells, more, index = _cells(joined), more + 1, index + 1
        if len(cells) == width:
            rows.append(TableRow(number, cells, end if end != number else 0))
    return rows
