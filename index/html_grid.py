"""Bands that group a table's rows, read back into the table they group.

A spreadsheet saved as a web page (Google Sheets' download, an Excel grid with group rows) keeps
one header at the top and titles each group of rows with a band merged across the sheet
(`▌进行中 In flight`, `▌已完成 Done`). The HTML reader makes every band a heading and starts a new
table after it, which is right for a report generator's parts (a band over a header of its own) but
would make a group's first row the header of its rows. Here a band that stands right under a
table's header marks the table as grouped: each band of it whose next row has the header's shape
heads a copy of that header, so every group is a table of its own under its band's heading.
"""

from __future__ import annotations

import re

_DELIMITER_START = "| ---"
_MATCH = 0.7  # so much of the row's and the header's filled cells must coincide


def _is_delimiter(text: str) -> bool:
    return text.startswith(_DELIMITER_START)


def _shaped_like(row: tuple[bool, ...], header: tuple[bool, ...]) -> bool:
    """A row of the header's table: as many cells, text where the header's first named column has
    one, and mostly the same cells filled (a KPI block's own header, its first cell empty, is not)."""
    if len(row) != len(header) or True not in header or not row[header.index(True)]:
        return False
    filled = {i for i, full in enumerate(row) if full}
    named = {i for i, full in enumerate(header) if full}
    return len(filled & named) / len(filled | named) >= _MATCH


# (a row with no figure anywhere under a band is a new table's own header, not a group's first row:
# a report engine's `三、生产运行指标` part under the grouped projects, `| 序号 | 指标 | 单位 | 本期 |`)
def regroup_bands(
    lines: list[tuple[int, str]], patterns: dict[int, tuple[bool, ...]]
) -> list[tuple[int, str]]:
    """The lines with each group band of a grouped table followed by a copy of the table's header
    (numbered as the band, so source lines never decrease), and the delimiter row written under the
    group's first row, which made it a header, dropped. `patterns` says which cells of each table
    row (by index into `lines`) hold text."""
    out: list[tuple[int, str]] = []
    header: tuple[str, tuple[bool, ...]] | None = None  # the last table header written
    grouped = False  # the last header's table has group bands
    index = 0
    while index < len(lines):
        number, text = lines[index]
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if index in patterns and _is_delimiter(following):
            row = patterns[index]
            if (
                header is not None
                and grouped
                and out
                and out[-1][1].startswith("#")
                and _shaped_like(row, header[1])
                and re.search(r"\d", text) is not None
            ):
                out += [(out[-1][0], header[0]), (out[-1][0], following), (number, text)]
                index += 2
                continue
            header, grouped = (text, row), False
        elif header is not None and text.startswith("## ") and out and _is_delimiter(out[-1][1]):
            grouped = out[-2][1] == header[0]  # a band right under the header: its rows are grouped
        out.append((number, text))
        index += 1
    return out


# A first column that says which part of the report a row belongs to (a FileMaker or Access export
# sorted and grouped by a `Section` field writes its value on the group's first row only).
_PART_COLUMN = re.compile(r"section|group|category|part|分类|类别|板块|部分|栏目", re.I)


def _first_cell(row: str) -> str:
    return row.strip().strip("|").split("|")[0].strip(" *")


def part_column_groups(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with a table grouped by a part column (`| Section | Item | Status |` over `| 1 Summary
    | … |`, `| | … |`, `| 2 Active | … |`) split at each part: its value as a heading, then a copy
    of the header. Read whole, one table held the summary, the projects, the incidents, the metrics
    and the risks under one heading, so none of them was read as its own kind of part (w42-g)."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        split = _split_by_part(lines, index)
        if split is None:
            out.append(lines[index])
            index += 1
        else:
            written, index = split
            out += written
    return out


def _split_by_part(lines: list[tuple[int, str]], index: int) -> tuple[list[tuple[int, str]], int] | None:
    """The table whose header is at `index` split by its part column, and the index after it; None
    when it has no such column. Only a column whose values stand on some rows and not on others,
    each value once, is read so: a column filled on every row is a field of the rows."""
    header = lines[index][1]
    delimiter = lines[index + 1] if index + 1 < len(lines) else (0, "")
    if not (
        header.startswith("|") and _is_delimiter(delimiter[1]) and _PART_COLUMN.fullmatch(_first_cell(header))
    ):
        return None
    end = index + 2
    while end < len(lines) and lines[end][1].startswith("|"):
        end += 1
    rows = lines[index + 2 : end]
    parts = [_first_cell(row) for _, row in rows]
    named = [part for part in parts if part]
    # Each part's heading and header copy take a source line of their own, the one before the
    # part's first row, when no text was read from it (a page writing a cell per line leaves it
    # free): on the row's own line the verifier would read the row as that heading's line.
    before = [delimiter[0]] + [number for number, _ in rows[:-1]]
    free = all(number - 1 > last for (number, _), last, part in zip(rows, before, parts, strict=True) if part)
    if not (free and parts and parts[0] and 2 <= len(named) < len(rows) and len(set(named)) == len(named)):
        return None
    out: list[tuple[int, str]] = []
    for (number, row), part in zip(rows, parts, strict=True):
        if part:
            out += [(number - 1, f"## {part}"), (number - 1, header), (number - 1, delimiter[1])]
        out.append((number, row))
    return out, end
