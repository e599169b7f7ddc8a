"""Tables written with spaces instead of pipes: a plain-text e-mail's milestone tracker.

    Workstream            Owner     Baseline    Forecast    Status
    --------------------  --------  ----------  ----------  ------
    Power commissioning   R. Singh  2025-06-13  2025-06-27  Amber
    Network fit-out       T. Osei   2025-06-20  2025-06-20  Green

Plain-text reports (e-mails, Word exports, a fenced block in Markdown) line their columns up by
hand, and Chinese ones by display width (a Han character takes two columns). Such a table is the
same `Table` a pipe table becomes, so every reader of tables reads it: a header of short cells
that are no field line (`Status: green   Owner: Ana` is one), then rows whose pieces start where
the header's columns (or the rule's dashes) start. A cell is always a verbatim slice of its line,
so a quote taken from it verifies. Chosen for precision: aligned prose, a key-value block
(`Uptime ........ 99.9%`) and a two-column list are no tables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from index.tables import Table, TableRow

_MIN_COLUMNS = 3
_MIN_ROWS = 2
_MAX_HEADER_CELL = 24  # display columns: a header names a column, it says nothing
_MAX_HEADER_WORDS = 4
_SLACK = 2  # a piece may start this many display columns off its column (hand alignment)
_GAP = re.compile(r"\S+(?: \S+)*")  # pieces: runs of text with single spaces inside
_TAB = 4
_RULE = re.compile(r"^\s*[-=─━_—]{3,}(?:\s+[-=─━_—]{3,})*\s*$")
_NOT_HEADER_CELL = re.compile(r"[:：。！？!?;；]|^[-*+•#>]\s|^\d+[.)]\s")


@dataclass(frozen=True)
class _Piece:
    start: int  # display column
    end: int
    first: int  # character offsets into the line
    last: int


def _width(char: str) -> int:
    """Display columns a character takes: two for a wide (Han, full-width) one."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _pieces(text: str, pattern: re.Pattern[str] = _GAP) -> list[_Piece]:
    """The line's pieces (text separated by two or more spaces or a tab), in display columns."""
    columns = [0]
    for char in text:
        if char == "\t":
            columns.append((columns[-1] // _TAB + 1) * _TAB)
        else:
            columns.append(columns[-1] + _width(char))
    return [
        _Piece(columns[match.start()], columns[match.end()], match.start(), match.end())
        for match in pattern.finditer(text)
    ]


def _header(text: str) -> list[_Piece] | None:
    if "|" in text:
        return None
    pieces = _pieces(text)
    if len(pieces) < _MIN_COLUMNS:
        return None
    cells = [text[piece.first : piece.last] for piece in pieces]
    for piece, cell in zip(pieces, cells, strict=True):
        if (
            piece.end - piece.start > _MAX_HEADER_CELL
            or len(cell.split()) > _MAX_HEADER_WORDS
            or _NOT_HEADER_CELL.search(cell)
        ):
            return None
    # a `%` or `#` column is a column; a line of figures is a row, not a header
    worded = sum(1 for cell in cells if any(char.isalpha() for char in cell))
    return pieces if 3 * worded >= 2 * len(cells) else None


def _rule_pieces(text: str) -> list[_Piece] | None:
    """A rule line's dash runs ("-----  ----"), when it is one."""
    if not _RULE.match(text):
        return None
    return _pieces(text)


_DASH_RUN = re.compile(r"[-=─━]+")


def _underlined_header(text: str, rule: str) -> tuple[list[_Piece], list[_Piece]] | None:
    """A header over one dash run per column, the runs one space apart (PowerShell's Format-Table,
    SQL clients: `KPI   ThisWeek LastWeek Target` over `---   -------- -------- ------`): the
    header cut where the runs start, and the runs."""
    if "|" in text or not _RULE.match(rule):
        return None
    runs = _pieces(rule, _DASH_RUN)
    if len(runs) < _MIN_COLUMNS:
        return None
    cells = []
    for run, after in zip(runs, [*runs[1:], None], strict=True):
        within = [
            p
            for p in _pieces(text, _WORD)
            if p.start >= run.start - 1 and (after is None or p.start < after.start)
        ]
        if not within:
            return None
        cells.append(_Piece(within[0].start, within[-1].end, within[0].first, within[-1].last))
    return cells, runs


_WORD = re.compile(r"\S+")


def _split_at_columns(text: str, piece: _Piece, starts: list[int]) -> list[_Piece]:
    """A piece cut where a column starts right after a single space: a cell that filled its
    column ("门店POS对接 赵强") leaves one space before the next."""
    parts: list[_Piece] = []
    first, column = piece.first, piece.start
    start_column = piece.start
    for offset in range(piece.first, piece.last):
        char = text[offset]
        if offset > first and text[offset - 1] == " " and char != " " and column in starts:
            parts.append(_Piece(start_column, column - 1, first, offset - 1))
            first, start_column = offset, column
        column += _width(char)
    parts.append(_Piece(start_column, piece.end, first, piece.last))
    return parts


def _row(text: str, starts: list[int], ends: list[int]) -> list[str] | None:
    """The line cut into one cell per column, or None when its pieces do not sit on the columns:
    each starts where a column starts or, a figure set flush right under its header (PowerShell's
    and SQL clients' tables: `ThisWeek` over `    94.6`), ends where one ends."""
    if not text.strip() or "|" in text or _RULE.match(text):
        return None
    whole = _pieces(text)
    if not whole or starts[0] + _SLACK < whole[0].start < starts[1] - _SLACK:
        return None  # begins inside the first column: a wrapped line, not a row
    pieces = [part for piece in whole for part in _split_at_columns(text, piece, starts)]
    aligned = [
        p
        for p in pieces
        if any(abs(p.start - s) <= _SLACK for s in starts) or any(abs(p.end - e) <= _SLACK for e in ends)
    ]
    if 2 * len(aligned) < len(pieces) or not aligned:
        return None
    if len(pieces) == 1 and sum(1 for s in starts if pieces[0].start < s < pieces[0].end) >= 2:
        return None  # a sentence running across the columns: the paragraph after the table
    cells: list[list[_Piece]] = [[] for _ in starts]
    for piece in pieces:
        column = max((i for i, s in enumerate(starts) if s <= piece.start + _SLACK), default=0)
        cells[column].append(piece)
    if sum(1 for group in cells if group) < 2 and not (cells[0] == [] and any(cells)):
        return None  # one filled cell at the row's head: a list line, not a row
    return [text[group[0].first : group[-1].last] if group else "" for group in cells]


def read_aligned_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Every space-aligned table in these (line number, text) lines, in order."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        header = _header(text)
        underlined = (
            _underlined_header(text, lines[index + 1][1])
            if header is None and index + 1 < len(lines)
            else None
        )
        if underlined is not None:
            header = underlined[0]
        if header is None:
            index += 1
            continue
        starts = [piece.start for piece in header]
        ends = [piece.end for piece in header]
        following = index + 1
        if underlined is not None:
            ruled: list[_Piece] | None = underlined[1]
        else:
            ruled = _rule_pieces(lines[following][1]) if following < len(lines) else None
        if ruled and len(ruled) == len(starts):
            starts, ends = [p.start for p in ruled], [p.end for p in ruled]
        if ruled:
            following += 1
        rows: list[TableRow] = []
        while following < len(lines):
            line = lines[following][1]
            cells = _row(line, starts, ends)
            if cells is None:
                if rows and line[:1].isspace() and line.strip() and not _RULE.match(line):
                    following += 1  # a long cell wrapped onto an indented line: still the table
                    continue
                if _RULE.match(line) and rows:
                    following += 1  # a closing rule
                break
            rows.append(TableRow(lines[following][0], cells))
            following += 1
        named = [row for row in rows if row.cells[0]]
        if len(named) >= _MIN_ROWS or (ruled and named):
            tables.append(Table(number, [text[p.first : p.last] for p in header], rows))
            index = following
            continue
        index += 1
    return tables
