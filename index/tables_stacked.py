"""A table a mail client's plain-text version stacked one cell per line, read back as a pipe table.

Gmail's and Outlook's text versions of an HTML mail write a table's cells one under another, a
blank line after each row:

    指标
    本周
    上周

    峰值并发
    9.3万
    8.9万

Read as it stands, every cell was a paragraph of its own: a metric's name, its value and last
week's value three unrelated lines. The header is the first group (short column names, no
figures), and each following group of the same size whose cells after the first mostly hold a
figure is a row. Each row becomes one pipe row under the line number of its first cell, the other
cells' lines and the blanks between rows left out, so the table's rows stand together for the
Markdown reader and a quote cut from a row is found on its own line (the verifier reads the file
through this same conversion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_MIN_COLUMNS, _MAX_COLUMNS = 2, 6
_MAX_HEADER_CHARS = 14
_MAX_CELL_CHARS = 30
_MIN_ROWS = 2
_NOT_A_NAME = re.compile(r"\d|[。，,;；:：!！?？]|^\s*(?:[-*+•]|\d+[.)])\s")
_FIGURE = re.compile(r"\d")


def _groups(lines: list[tuple[int, str]], start: int) -> Iterator[list[tuple[int, str]]]:
    """The blank-separated groups of lines from `start` on, up to the first run of two blanks, one
    at a time: a table's reader stops at the first group that is none of its rows, so a document of
    paragraphs is read once, not once per paragraph."""
    current: list[tuple[int, str]] = []
    for index in range(start, len(lines)):
        number, text = lines[index]
        if text.strip():
            current.append((number, text.strip()))
        elif current:
            yield current
            current = []
        else:
            return
    if current:
        yield current


def _table_at(lines: list[tuple[int, str]], start: int) -> list[list[tuple[int, str]]] | None:
    """The header and rows of a stacked table whose header starts at `start`, or None."""
    groups = _groups(lines, start)
    header = next(groups, None)
    if header is None:
        return None
    size = len(header)
    if not _MIN_COLUMNS <= size <= _MAX_COLUMNS:
        return None
    if any(len(text) > _MAX_HEADER_CHARS or _NOT_A_NAME.search(text) for _, text in header):
        return None
    rows: list[list[tuple[int, str]]] = []
    for group in groups:
        cells = [text for _, text in group]
        figures = sum(1 for text in cells[1:] if _FIGURE.search(text))
        if (
            len(group) != size
            or any(len(text) > _MAX_CELL_CHARS for text in cells)
            or cells[0][:1].isdigit()  # a row opens with its label, not a figure
            or figures * 2 < size - 1
        ):
            break
        rows.append(group)
    return [header, *rows] if len(rows) >= _MIN_ROWS else None


def stacked_as_pipes(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with every stacked table written as a pipe table (see the module's docstring)."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        opens = index == 0 or not lines[index - 1][1].strip()
        table = _table_at(lines, index) if opens and lines[index][1].strip() else None
        if table is None:
            out.append(lines[index])
            index += 1
            continue
        header, *rows = table
        out.append((header[0][0], "| " + " | ".join(text for _, text in header) + " |"))
        out.append((header[1][0], "|" + " --- |" * len(header)))
        out += [(row[0][0], "| " + " | ".join(text for _, text in row) + " |") for row in rows]
        last = rows[-1][-1][0]
        while index < len(lines) and lines[index][0] <= last:
            index += 1
    return out
