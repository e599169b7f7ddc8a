"""HTML tables inside a Markdown page, read as the pipe rows Markdown would have written.

A docs tool that syncs pages to Git (GitBook's Git Sync, some wiki exports) writes a table with
widths or colours as raw HTML, often the whole table on one source line, in the middle of
Markdown: `<table><thead><tr><th width="220">Workstream</th>…</tbody></table>`. Read as text it
was one line of tags; read by the HTML reader it is the table a reader sees. Each row keeps the
source line its cells stand on (rows that share a line are a table's rows all the same: the table
reader takes them in order).
"""

from __future__ import annotations

import re

_OPENS = re.compile(r"^\s*<table\b", re.I)
_CLOSES = re.compile(r"</table\s*>", re.I)
_MAX_BLOCK_LINES = 400  # a table left open reads as the text it is


def html_tables_read(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    if not any(_OPENS.match(text) for _, text in lines):
        return lines
    from index.html import read_html

    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        end = _block_end(lines, index) if _OPENS.match(text) else None
        if end is None:
            out.append((number, text))
            index += 1
            continue
        block = "\n".join(t for _, t in lines[index : end + 1])
        rows, _ = read_html(block)
        out += [(number + row_line - 1, row) for row_line, row in rows]
        out.append((lines[end][0], ""))  # the table ends: what follows is no row of it
        index = end + 1
    return out


def _block_end(lines: list[tuple[int, str]], start: int) -> int | None:
    for index in range(start, min(len(lines), start + _MAX_BLOCK_LINES)):
        if _CLOSES.search(lines[index][1]):
            return index
    return None
