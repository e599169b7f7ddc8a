"""A list table (MyST's ```` ```{list-table} ```` fence, reStructuredText's `.. list-table::`) read back
as a pipe table.

A list table writes each row as a list item and each cell as an item of that item's list:

    ```{list-table} 项目状态（S25 第3周）
    :header-rows: 1

    * - 项目
      - 状态
    * - POv3
      - 🟢 正常
    ```

Read as it stands, every cell was a list item of its own: a project's name, its status and its
target three unrelated bullets (a Jupyter notebook kept as MyST Markdown, w53-h). Each row becomes
one pipe row under the line number of its first cell, the other cells' lines left out, so a row's
cells stand together for the Markdown reader and a quote cut from a row is found on its own line
(the verifier reads the file through this same conversion, as `tables_stacked.py` has it). The
caption stays a line above the table; the options (`:header-rows:`, `:widths:`) go.
"""

from __future__ import annotations

import re

from index.wikitext import pipe_rows

_MYST_OPEN = re.compile(r"^(\s*)(`{3,}|:{3,})\{list-table\}\s*(.*)$")
_RST_OPEN = re.compile(r"^(\s*)\.\.\s+list-table::\s*(.*)$")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_ROW = re.compile(r"^\s*[*+-]\s+[-*+]\s+(.*)$")  # `* - cell`: a row's first cell
_CELL = re.compile(r"^\s*[-*+]\s+(.*)$")  # `  - cell`: the row's next cell


def list_tables_as_pipes(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with each list table as a pipe table (its caption a line above it, its fences and
    options blank); every other line as it is."""
    out: list[tuple[int, str]] = []
    at = 0
    while at < len(lines):
        number, text = lines[at]
        myst, rst = _MYST_OPEN.match(text), _RST_OPEN.match(text)
        if myst is None and rst is None:
            out.append((number, text))
            at += 1
            continue
        if myst is not None:
            fence, caption = myst[2], myst[3]
            end = next(
                (i for i in range(at + 1, len(lines)) if lines[i][1].strip() == fence),
                None,
            )
        else:
            assert rst is not None
            indent, caption = len(rst[1]), rst[2]
            end = next(
                (
                    i
                    for i in range(at + 1, len(lines))
                    if lines[i][1].strip() and len(lines[i][1]) - len(lines[i][1].lstrip()) <= indent
                ),
                len(lines),
            )
        if end is None:  # an unclosed fence: not a table this reader can bound
            out.append((number, text))
            at += 1
            continue
        body = lines[at + 1 : end]
        rows = _rows(body)
        if not rows:
            out.append((number, text))
            at += 1
            continue
        out += [(number, caption.strip()), (number, "")]
        out += pipe_rows([(line, cells, index == 0) for index, (line, cells) in enumerate(rows)])
        last = end if myst is not None else end - 1  # the closing fence, or the body's last line
        out.append((lines[last][0], ""))  # the table ends there
        at = last + 1
    return out


def _rows(body: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """The table's rows: (line of the first cell, cells); a line that continues a cell joins it."""
    rows: list[tuple[int, list[str]]] = []
    for number, text in body:
        if not text.strip() or _OPTION.match(text):
            continue
        row, cell = _ROW.match(text), _CELL.match(text)
        if row is not None:
            rows.append((number, [row[1].strip()]))
        elif cell is not None and rows:
            rows[-1][1].append(cell[1].strip())
        elif rows:
            rows[-1][1][-1] = f"{rows[-1][1][-1]} {text.strip()}".strip()
        else:
            return []  # text before any row: not a list table's body
    width = max((len(cells) for _, cells in rows), default=0)
    return [(number, cells + [""] * (width - len(cells))) for number, cells in rows]
