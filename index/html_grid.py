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
