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


def _width(char: str, wide: bool = True) -> int:
    """Display columns a character takes: two for a wide (Han, full-width) one, unless the table
    was padded by characters (`wide` False: a database client counting a Han character as one)."""
    return 2 if wide and unicodedata.east_asian_width(char) in "WF" else 1


def _pieces(text: str, pattern: re.Pattern[str] = _GAP, wide: bool = True) -> list[_Piece]:
    """The line's pieces (text separated by two or more spaces or a tab), in display columns."""
    columns = [0]
    for char in text:
        if char == "\t":
            columns.append((columns[-1] // _TAB + 1) * _TAB)
        else:
            columns.append(columns[-1] + _width(char, wide))
    return [
        _Piece(columns[match.start()], columns[match.end()], match.start(), match.end())
        for match in pattern.finditer(text)
    ]


def _header(text: str, columns: int = _MIN_COLUMNS) -> list[_Piece] | None:
    if "|" in text:
        return None
    pieces = _pieces(text)
    if len(pieces) < columns:
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


def _corner_header(text: str, below: str) -> list[_Piece] | None:
    """A header over the columns of figures only, the rows' names under a blank corner: a code
    box's `this wk    last wk` over `peak CCU (all regions)  391,775    395,020` (w44-b). The
    corner becomes an empty first column, as wide as the first row's name."""
    pieces = _header(text, _MIN_COLUMNS - 1) if text[:1].isspace() else None
    row = _pieces(below)
    if pieces is None or not row or row[0].start > _SLACK or row[0].end >= pieces[0].start:
        return None
    return [_Piece(0, row[0].end, 0, 0), *pieces]


def _rule_pieces(text: str) -> list[_Piece] | None:
    """A rule line's dash runs ("-----  ----"), when it is one."""
    if not _RULE.match(text):
        return None
    return _pieces(text)


_DASH_RUN = re.compile(r"[-=─━]+")


def _underlined_header(
    text: str, rule: str, wide: bool = True, columns: int = _MIN_COLUMNS
) -> tuple[list[_Piece], list[_Piece]] | None:
    """A header over one dash run per column, the runs one space apart (PowerShell's Format-Table,
    SQL clients: `KPI   ThisWeek LastWeek Target` over `---   -------- -------- ------`): the
    header cut where the runs start, and the runs."""
    if "|" in text or not _RULE.match(rule):
        return None
    runs = _pieces(rule, _DASH_RUN)
    if len(runs) < columns:
        return None
    cells = []
    for run, after in zip(runs, [*runs[1:], None], strict=True):
        within = _words_in(text, run, after, wide)
        if not within:
            return None
        cells.append(_Piece(within[0].start, within[-1].end, within[0].first, within[-1].last))
    return cells, runs


def _words_in(text: str, run: _Piece, after: _Piece | None, wide: bool) -> list[_Piece]:
    """The words of a header line that stand over one dash run (from its start to the next's)."""
    return [
        p
        for p in _pieces(text, _WORD, wide)
        if p.start >= run.start - 1 and (after is None or p.start < after.start)
    ]


def _two_line_header(first: str, second: str, rule: str) -> tuple[list[str], list[_Piece], bool] | None:
    """A header written over two lines above the rule, as SQL*Plus wraps a heading or a report
    script writes it in two languages (`PCT` over `DONE`, `项目名称` over `PROJECT`): each column's
    words from both lines, the dash runs, and whether the table counts a Han character as two
    columns or as one (a client padding by characters lines up only when counted as one)."""
    if "|" in first or "|" in second or _RULE.match(first) or _RULE.match(second) or not _RULE.match(rule):
        return None
    runs = _pieces(rule, _DASH_RUN)
    if len(runs) < _MIN_COLUMNS:
        return None
    wide = _wide([first, second], runs)
    cells = []
    for run, after in zip(runs, [*runs[1:], None], strict=True):
        words = [first[p.first : p.last] for p in _words_in(first, run, after, wide)]
        words += [second[p.first : p.last] for p in _words_in(second, run, after, wide)]
        cells.append(" ".join(words))
    first_line = sum(
        1 for run, after in zip(runs, [*runs[1:], None], strict=False) if _words_in(first, run, after, wide)
    )
    if 2 * first_line < len(runs) or any(len(cell.split()) > 2 * _MAX_HEADER_WORDS for cell in cells):
        return None  # the first line heads too few columns: a title over a one-line header
    return cells, runs, wide


def _exact_starts(text: str, runs: list[_Piece], wide: bool) -> int:
    """How many of the line's words start exactly where a dash run starts."""
    starts = {run.start for run in runs}
    return sum(1 for p in _pieces(text, _WORD, wide) if p.start in starts)


_WORD = re.compile(r"\S+")


def _split_at_columns(text: str, piece: _Piece, starts: list[int], wide: bool = True) -> list[_Piece]:
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
        column += _width(char, wide)
    parts.append(_Piece(start_column, piece.end, first, piece.last))
    return parts


def _row(text: str, starts: list[int], ends: list[int], wide: bool = True) -> list[str] | None:
    """The line cut into one cell per column, or None when its pieces do not sit on the columns:
    each starts where a column starts or, a figure set flush right under its header (PowerShell's
    and SQL clients' tables: `ThisWeek` over `    94.6`), ends where one ends."""
    if not text.strip() or "|" in text or _RULE.match(text):
        return None
    whole = _pieces(text, wide=wide)
    if not whole or starts[0] + _SLACK < whole[0].start < starts[1] - _SLACK:
        return None  # begins inside the first column: a wrapped line, not a row
    pieces = [part for piece in whole for part in _split_at_columns(text, piece, starts, wide)]
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
        ruled_table = _ruled_table(lines, index)
        if ruled_table is not None:
            tables.append(ruled_table[0])
            index = ruled_table[1]
            continue
        # (a corner first: three figure columns over rows named to their left are four columns, the
        # names' own, `          Sched   Lost   Success` over `  HLD       615      2    99.7 %`, w54-a)
        below = lines[index + 1][1] if index + 1 < len(lines) else ""
        header = _corner_header(text, below) or _header(text)
        if header is None:
            index += 1
            continue
        starts = [piece.start for piece in header]
        ends = [piece.end for piece in header]
        narrow = _pieces(text, wide=False)  # the header's pieces counting a Han character as one
        following = index + 1
        ruled = _rule_pieces(lines[following][1]) if following < len(lines) else None
        if ruled and len(ruled) == len(starts):
            starts, ends = [p.start for p in ruled], [p.end for p in ruled]
            narrow = ruled
        grid = _Grid(starts, ends, [p.start for p in narrow], [p.end for p in narrow])
        if ruled:
            following += 1
        lower = _lower_names(lines[following][1], header) if following < len(lines) and not ruled else None
        if lower is not None:
            following += 1  # the header's second line (`S.` over `No.`, `Phy.` over `progress`)
        rows: list[TableRow] = []
        parts: list[tuple[int, list[TableRow]]] = [(number, rows)]  # a table's parts, bands between them
        while following < len(lines):
            line = lines[following][1]
            cells = grid.row(line)
            if cells is None:
                if rows and line[:1].isspace() and line.strip() and not _RULE.match(line):
                    if rows[-1].end:  # the row's `Comments:` wrapped on: still its comment
                        rows[-1].end = lines[following][0]
                    following += 1  # a long cell wrapped onto an indented line: still the table
                    continue
                if _RULE.match(line) and rows:
                    following += 1  # a closing rule
                elif (
                    ((ruled and rows) or not rows)
                    and not line.strip()
                    and _row_follows(lines, following, grid)
                ):
                    # a blank line between a ruled table's rows, or under any header before its
                    # first row (a report writer's listing sets its rows off: w44-e)
                    following += 1
                    continue
                elif rows and (band := _band_at(lines, following, grid)) is not None:
                    # a band between parts of one table (`PART-B : EI COMMISSIONED DURING
                    # 2024-25` over rows in the same columns): the rows after it a table of
                    # their own under the same header, the band standing for that header
                    rows = []
                    number_of_band, following = band
                    parts.append((number_of_band, rows))
                    continue
                break
            if (
                rows
                and not cells[0]
                and (
                    _FIELD_UNDER_ROW.match(line.strip())
                    or _continues(rows[-1].cells, cells, starts, ends, True)
                )
            ):
                rows[-1].end = lines[following][0]  # `Comments: …` set in under its row: the row's own
                following += 1
                continue
            rows.append(TableRow(lines[following][0], cells))
            following += 1
        named = [row for _, part in parts for row in part if row.cells[0]]
        if len(named) >= _MIN_ROWS or (ruled and named):
            names = _with_upper_line(lines[index - 1][1] if index else "", text, header)
            if lower is not None:
                names = [f"{name} {below}".strip() for name, below in zip(names, lower, strict=True)]
            for at, part in parts:
                if part:
                    tables.append(Table(at, names, part))
            index = following
            continue
        index += 1
    return tables


def _lower_names(text: str, header: list[_Piece]) -> list[str] | None:
    """A header's second line (`No.` under `S.`, `progress` under `Phy.`): a few short words, no
    figure, each under a column and fewer than the columns; the words per column, else None."""
    if not text.strip() or any(char.isdigit() for char in text) or "|" in text or _RULE.match(text):
        return None
    pieces = _pieces(text)
    if not pieces or len(pieces) * 2 > len(header):
        return None
    names = [""] * len(header)
    for piece in pieces:
        cell = text[piece.first : piece.last]
        column = next(
            (i for i, p in enumerate(header) if abs(p.start - piece.start) <= _SLACK),
            None,
        )
        if column is None or names[column] or len(cell.split()) > 2 or _NOT_HEADER_CELL.search(cell):
            return None
        names[column] = cell
    return names if names[0] or len(pieces) >= 2 else None


# A band line between a table's parts: a label, a colon or dash, a few words (`PART-B : EI
# COMMISSIONED DURING 2024-25`, `Section 2 - Closed`).
_BAND = re.compile(r"^\S.{0,15}?\s[:：–—-]\s+\S.{0,60}$")


def _band_at(lines: list[tuple[int, str]], index: int, grid: _Grid) -> tuple[int, int] | None:
    """After blank lines, a band line (one run of text, no columns) straight over a row of the same
    columns with its first cell filled: the band's line number and where its rows start."""
    at = _next_filled(lines, index)
    if at == index or at + 1 >= len(lines):
        return None
    band = lines[at][1]
    if len(_pieces(band)) != 1 or not _BAND.match(band.strip()) or band[:1].isspace():
        return None
    cells = grid.row(lines[at + 1][1])
    if cells is None or not cells[0] or sum(1 for cell in cells if cell) < 3:
        return None
    return lines[at][0], at + 1


# A labelled line set in under a table's row (`Comments: No longer blocked …`, `备注：…`): that row's.
_FIELD_UNDER_ROW = re.compile(r"^(?:[A-Z][A-Za-z ]{1,20}|[\u4e00-\u9fff]{2,6})[:：]\s")


def _with_upper_line(upper: str, text: str, header: list[_Piece]) -> list[str]:
    """The header's names, each with the words of a line over it that stand on its column: a report
    writer heads a column in two lines (`Target` over `(as tracker)`, `Pct` over `done`, w44-e). Only
    when every piece of that line sits over a column, so a title over the table stays a title."""
    names = [text[p.first : p.last] for p in header]
    if not upper.strip() or "|" in upper or _RULE.match(upper):
        return names
    over: dict[int, str] = {}
    for piece in _pieces(upper):
        column = next(
            (
                i
                for i, p in enumerate(header)
                if p.start - _SLACK <= piece.start and piece.end <= p.end + _SLACK
            ),
            None,
        )
        if column is None or column in over:
            return names
        over[column] = upper[piece.first : piece.last]
    return [f"{over[i]} {name}" if i in over else name for i, name in enumerate(names)]


def _row_follows(lines: list[tuple[int, str]], index: int, grid: _Grid) -> bool:
    """The next filled line after the blank ones from `index` is a row with its first cell filled."""
    ahead = _next_filled(lines, index)
    if ahead >= len(lines):
        return False
    cells = grid.row(lines[ahead][1])
    return cells is not None and bool(cells[0])


def _next_filled(lines: list[tuple[int, str]], index: int) -> int:
    """The index of the first filled line from `index` on (`len(lines)` when none is)."""
    while index < len(lines) and not lines[index][1].strip():
        index += 1
    return index


@dataclass(frozen=True)
class _Grid:
    """A table's columns measured two ways: counting a Han character as two display columns, and
    as one. A report writer that pads by characters (a Crystal Reports text export: `OreTrack v6.2
    Upgrade 调度系统升级` then its owner) puts every later cell of a line with Chinese in it that many
    columns early; each line (the header too) is cut by the measure it lines up with."""

    starts: list[int]
    ends: list[int]
    narrow_starts: list[int]
    narrow_ends: list[int]

    def row(self, text: str) -> list[str] | None:
        if any(_width(char) == 2 for char in text) and _exact_cells(
            text, self.narrow_starts, self.narrow_ends, False
        ) > _exact_cells(text, self.starts, self.ends, True):
            return _row(text, self.narrow_starts, self.narrow_ends, wide=False)
        return _row(text, self.starts, self.ends)


def _exact_cells(text: str, starts: list[int], ends: list[int], wide: bool) -> int:
    """How many of the row's pieces start where a column starts or end where one ends, give or
    take the slack hand alignment leaves."""
    return sum(
        1
        for p in _pieces(text, wide=wide)
        if any(abs(p.start - s) <= _SLACK for s in starts) or any(abs(p.end - e) <= _SLACK for e in ends)
    )


def _ruled_table(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """A database client's table at `index`: a header of one or two lines over one dash run per
    column (SQL*Plus, psql, PowerShell), its rows under the rule, and the index after them."""
    text = lines[index][1]
    after = [line for _, line in lines[index + 1 : index + 3]]
    if not any(_RULE.match(line) for line in after):
        return None  # no rule under either of the next two lines (most lines): no such table here
    header: list[str] | None = None
    if _RULE.match(after[0]):
        # (two columns when each header word stands exactly over its run, as a client prints them:
        # `TYPE     NOTE` over `-------- ------`)
        runs = _pieces(after[0], _DASH_RUN)
        wide = _wide([text], runs)
        exact = len(runs) == 2 and _exact_starts(text, runs, wide) == 2 == len(_pieces(text, _WORD, wide))
        underlined = _underlined_header(text, after[0], wide, 2 if exact else _MIN_COLUMNS)
        if underlined is not None:
            header = [text[p.first : p.last] for p in underlined[0]]
            runs, following = underlined[1], index + 2
    if header is None and len(after) == 2:
        two = _two_line_header(text, after[0], after[1])
        if two is not None:
            header, runs, wide = two
            following = index + 3
    if header is None:
        return None
    # a header with no Han character in it decides nothing: each row is cut by its own measure (SQL
    # Server's results as text pad a Chinese cell by characters, w44-c)
    measure = wide if any(_width(char) == 2 for char in text) else None
    rows, following = _ruled_rows(lines, following, runs, measure)
    if not any(row.cells[0] for row in rows):
        return None
    return Table(lines[index][0], header, rows), following


def _wide(header: list[str], runs: list[_Piece]) -> bool:
    """Whether the header's lines line up with the rule's runs counting a Han character as two
    columns (else as one)."""
    return sum(_exact_starts(text, runs, True) for text in header) >= sum(
        _exact_starts(text, runs, False) for text in header
    )


def _ruled_rows(
    lines: list[tuple[int, str]], following: int, runs: list[_Piece], measure: bool | None
) -> tuple[list[TableRow], int]:
    """The rows under a ruled header. A client wraps a long cell onto the next lines in the same
    column (`Kiosk check-in Haraholm` / `terminal`): a line whose every filled cell continues the
    cell above (its first word would not have fitted there) is part of that row, not a row of its
    own; a row with an empty first cell that does fit is the next row of the same group (a client
    prints a repeated key once). A blank line between rows keeps the table going when a row follows."""
    starts, ends = [p.start for p in runs], [p.end for p in runs]
    rows: list[TableRow] = []
    last: list[str] = []

    def row_wide(line: str) -> bool:
        """The header's measure, or when it decided none the one the line lines up with."""
        if measure is not None:
            return measure
        if not any(_width(char) == 2 for char in line):
            return True  # (both measures are one for a line without Han)
        return _exact_starts(line, runs, False) <= _exact_starts(line, runs, True)

    while following < len(lines):
        number, line = lines[following]
        wide = row_wide(line)
        if not line.strip():
            ahead = _next_filled(lines, following)
            upcoming = (
                _row(lines[ahead][1], starts, ends, row_wide(lines[ahead][1]))
                if rows and ahead < len(lines)
                else None
            )
            if upcoming is None or (not upcoming[0] and sum(1 for cell in upcoming if cell) < 2):
                break
            following = ahead
            continue
        cells = _row(line, starts, ends, wide)
        if cells is None:
            if rows and line[:1].isspace() and not _RULE.match(line):
                rows[-1].end = number  # a long cell wrapped by hand onto an indented line
                following += 1
                continue
            if _RULE.match(line) and rows:
                following += 1  # a closing rule
            break
        if rows and not cells[0] and _continues(last, cells, starts, ends, wide):
            rows[-1].end = number
            last = [cell or before for cell, before in zip(cells, last, strict=True)]
        else:
            rows.append(TableRow(number, cells))
            last = list(cells)
        following += 1
    return rows, following


def _continues(above: list[str], cells: list[str], starts: list[int], ends: list[int], wide: bool) -> bool:
    """Every filled cell is the rest of the cell above, wrapped: that cell is filled and the
    first word would not have fitted after it in its column. A line filling more than half the
    columns the row above fills is the next row of its group (`CAPA … 马骁 2025-03-28 进行中` under
    `RCA …`), however full the cells above it were."""
    filled = [i for i, cell in enumerate(cells) if cell]
    if 2 * len(filled) > sum(1 for cell in above if cell):
        return False
    for i in filled:
        if i >= len(above) or not above[i]:
            return False
        word = cells[i].split()[0]
        used = sum(_width(char, wide) for char in above[i])
        if used + 1 + sum(_width(char, wide) for char in word) <= ends[i] - starts[i]:
            return False
    return bool(filled)
