"""Tables as parse output: header cells and rows, each row with its original line number.

markdown-it-py reads GFM pipe tables (escaped pipes, alignment rows, ragged rows) and gives every
row its line; the extractors read `Table` objects instead of splitting lines on `|` themselves.
One rule of ours on top: a row ends the table at the first line that has no `|` at all (GFM
would make it a one-cell row; in reports it is the next paragraph). HTML tables reach this
reader as pipe rows with a delimiter row after the header (`index/html.py` writes them so).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from index.text.quantity import ungrouped

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from markdown_it import MarkdownIt


@dataclass
class TableRow:
    """One body row: its original line number and its cells, stripped; `end`, the last line of a
    row wrapped over several (0: the row is one line)."""

    line: int
    cells: list[str]
    end: int = 0

    @property
    def numbers(self) -> range:
        return range(self.line, max(self.line, self.end) + 1)


@dataclass
class Table:
    """A pipe table: the header row's line and cells, and the body rows in order. `scattered`: its
    rows stand apart, other lines between them (a relay's entries under its declared columns)."""

    header_line: int
    header: list[str]
    rows: list[TableRow] = field(default_factory=list)
    scattered: bool = False

    @property
    def lines(self) -> set[int]:
        return {self.header_line, *(number for row in self.rows for number in row.numbers)}

    @property
    def span(self) -> Collection[int]:
        """Header to last row (the delimiter row included); only its own lines when scattered."""
        return self.lines if self.scattered else range(self.header_line, max(self.lines) + 1)

    def column(self, *names: str) -> int | None:
        """The first column whose header matches one of `names` (case-insensitive, exact)."""
        wanted = {name.casefold() for name in names}
        return next((i for i, h in enumerate(self.header) if h.strip(" *_`").casefold() in wanted), None)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def read_tables(lines: list[tuple[int, str]], caption: str = "", caption_line: int = 0) -> list[Table]:
    """Every table in these (line number, text) lines, in order: rows under a caption that names
    their columns, pipe tables, and tables lined up with spaces (`tables_aligned`) in the lines no
    pipe table holds."""
    from index.tables_aligned import read_aligned_tables
    from index.tables_declared import read_declared_tables
    from index.tables_flat import read_flat_tables

    captioned = _captioned(lines, caption, caption_line)
    if captioned is not None:
        lines = [(number, text) for number, text in lines if number not in captioned.lines]
    piped = _pipe_tables(lines) + ([captioned] if captioned is not None else [])
    taken = {number for table in piped for number in table.span}
    piped += _bare_pipe_tables([(number, text) for number, text in lines if number not in taken])
    taken = {number for table in piped for number in table.span}
    piped += _csv_tables([(number, text) for number, text in lines if number not in taken])
    taken = {number for table in piped for number in table.span}
    piped += read_declared_tables([(number, text) for number, text in lines if number not in taken])
    taken = {number for table in piped for number in table.span}
    aligned = read_aligned_tables([(number, text) for number, text in lines if number not in taken])
    taken |= {number for table in aligned for number in table.span}
    aligned += read_flat_tables([(number, text) for number, text in lines if number not in taken])
    return sorted((_unmargined(_lettered(t)) for t in piped + aligned), key=lambda table: table.header_line)


# A caption that names the columns of the rows under it: `■ Workstreams 总览 (Bucket | Label |
# Checklist | Target | Note)` over rows with no header of their own (w23-c).
_CAPTION_COLUMNS = re.compile(r"[(（]([^()（）]*\|[^()（）]*)[)）]")


def _captioned(lines: list[tuple[int, str]], caption: str, caption_line: int) -> Table | None:
    """The rows that open a section whose caption lists their columns: as many cells as it names,
    the first a record and not column names. Even one such row is a table."""
    match = _CAPTION_COLUMNS.search(caption)
    if match is None:
        return None
    names = [cell.strip() for cell in match[1].split("|")]
    if len(names) < _MIN_BARE_CELLS or not all(map(_column_name, names)):
        return None
    rows: list[TableRow] = []
    for number, text in lines:
        if not text.strip() and not rows:
            continue
        cells = _bare_cells(text)
        if cells is None or len(cells) != len(names):
            break
        rows.append(TableRow(number, cells))
    if not rows or all(_column_name(cell) for cell in rows[0].cells if cell.strip()):
        return None  # no rows, or they bring a header of their own
    return Table(caption_line, names, rows)


def _lettered(table: Table) -> Table:
    """A spreadsheet export's column letters over its own header (`| A | B | C |` then
    `| Metric | This week | Last week |`): the first row is the header."""
    letters = [cell.strip() for cell in table.header]
    if len(letters) < 2 or letters != [chr(ord("A") + i) for i in range(len(letters))] or not table.rows:
        return table
    first, *rest = table.rows
    return Table(first.line, first.cells, rest)


def _unmargined(table: Table) -> Table:
    """A sheet's empty margin column (`| | 指标 KPI | 本周 |`, every row's first cell empty too) is
    no column: the first column with text is the one that names the rows."""
    margin = 0
    while (
        margin < len(table.header) - 1
        and not table.header[margin].strip()
        and all(len(row.cells) > margin and not row.cells[margin].strip() for row in table.rows)
    ):
        margin += 1
    if not margin:
        return table
    rows = [TableRow(row.line, row.cells[margin:]) for row in table.rows]
    return Table(table.header_line, table.header[margin:], rows)


_MIN_BARE_ROWS = 2
_MIN_BARE_CELLS = 3


def _bare_pipe_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Pipe rows with no delimiter row under the header, as a tracker's plain-text export writes
    them (`编号 | 需求名称 | 状态 | 完成度`) and `load` writes a tab-separated row: a run of
    consecutive lines that split into the same number of cells (at least three), a header and at
    least two rows, or one under a header of four or more column names (an incident log with
    this period's one entry). A lone piped line (an incident's `BUG#8870 | 一般 | …`) is no table."""
    return _row_runs(
        lines, _bare_cells, skip=lambda text: bool(_RULE.match(text.strip())), one_row=_names_columns
    )


_WIDE_HEADER = 4
_HEADER_CELL = 20


def column_names_only(text: str) -> bool:
    """A piped line of three or more short column names and nothing else (`| 发生日期 | 时间段 |
    系统 | 故障现象 |` over "本周无生产故障"): a table's header with no rows, which tells nothing."""
    named = [cell for cell in _bare_cells(text) or [] if cell]
    return len(named) >= _MIN_BARE_CELLS and all(map(_column_name, named))


def _names_columns(cells: list[str]) -> bool:
    """Four or more short column names, no figure or day among them (a sheet's trailing empties aside)."""
    named = [cell for cell in cells if cell]
    return len(named) >= _WIDE_HEADER and not any(cells[len(named) :]) and all(map(_column_name, named))


def _column_name(cell: str) -> bool:
    return len(cell) <= _HEADER_CELL and not re.search(r"\d", cell)


def _row_runs(
    lines: list[tuple[int, str]],
    cells_of: Callable[[str], list[str] | None],
    skip: Callable[[str], bool] = lambda text: False,
    header_ok: Callable[[str, list[str]], bool] = lambda text, cells: True,
    one_row: Callable[[list[str]], bool] = lambda cells: False,
) -> list[Table]:
    """Tables from runs of consecutive lines that split (`cells_of`) into the same number of
    cells: a header and at least two rows. A line `skip` passes inside a run (a grid table's
    rule) neither ends nor joins it."""
    tables: list[Table] = []
    run: list[tuple[int, list[str]]] = []
    texts = dict(lines)

    def close() -> None:
        enough = len(run) > _MIN_BARE_ROWS or (len(run) == _MIN_BARE_ROWS and one_row(run[0][1]))
        if enough and header_ok(texts[run[0][0]], run[0][1]):
            header_line, header = run[0]
            tables.append(Table(header_line, header, [TableRow(n, cells) for n, cells in run[1:]]))
        run.clear()

    for number, text in lines:
        if run and skip(text):
            continue
        cells = cells_of(text)
        if cells is not None and run and len(cells) == len(run[0][1]) - 1 and text.rstrip().endswith("|"):
            cells = [*cells, ""]  # AsciiDoc opens every cell with a bar: a last bar opens an empty one
        if cells is None or (run and len(cells) != len(run[0][1])):
            close()
        if cells is not None and len(run) > 1 and _wrapped_row(text, cells):
            continue
        if cells is not None:
            run.append((number, cells))
    close()
    return tables


def _wrapped_row(text: str, cells: list[str]) -> bool:
    """A box-drawn table's row that only carries the words wrapped from the row above (`│   │
    (WebRTC)   │   │ …`: a console table wraps long cells onto lines of their own, its first
    column empty, most others too, w47-h): no row of its own."""
    boxed = "│" in text or "┃" in text
    empty = sum(1 for cell in cells[1:] if not cell)
    return boxed and not cells[0] and empty * 2 >= len(cells) - 1


# Grid tables drawn in text: ASCII (`+-----+-----+`, psql, prettytable, reStructuredText) or with
# box-drawing characters (`┌──┬──┐`, `│ a │ b │`, a command-line tool's output pasted in).
# A `序号` / `No.` cell: it counts the table's rows (1, 2, 3), the row's name comes after it.
ROW_NUMBER = re.compile(r"\d{1,3}\.?")
# (a heavy head's rule under it too: `┡━━━╇━━━┩`, Rich's console tables)
_RULE = re.compile(r"^[+|┌├└╞╘╒┏┣┗╔╠╚┡┢]?[-=+:─━┬┼┴═╤╪╧┳╋┻╦╬╩╇╈ ]{3,}[+|┐┤┘╡╛╕┓┫┛╗╣╝┩┪]?$")
_BOX_BARS = str.maketrans("│┃║", "|||")


_TRAC_HEADER = re.compile(r"^=\s*(.*?)\s*=$")


def _bare_cells(text: str) -> list[str] | None:
    stripped = text.strip().translate(_BOX_BARS)
    if stripped.startswith("||"):
        stripped = stripped.replace("||", "|")  # Jira's and Confluence's header row: `||Epic||RAG||`
    if stripped.count("|") < _MIN_BARE_CELLS - 1 or set(stripped) <= set("|-: "):
        return None
    # a Textile header cell is marked `|_. Subject |`, a Trac wiki's `||= Health =||` (w26-b)
    cells = [
        _TRAC_HEADER.sub(r"\1", re.sub(r"^_\.\s*", "", cell.strip()))
        for cell in stripped.strip("|").split("|")
    ]
    return cells if len(cells) >= _MIN_BARE_CELLS else None


def _csv_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Comma-separated rows pasted as text (a spreadsheet's CSV export in an e-mail): a run of lines
    that parse into the same number of fields (at least three), under a header of short labels
    written without a space after the comma, as CSV is and prose never is."""
    return _row_runs(lines, _csv_cells, header_ok=_csv_header)


def _csv_cells(text: str) -> list[str] | None:
    if text.count(",") < _MIN_BARE_CELLS - 1 or "|" in text:
        return None
    cells = [cell.strip() for cell in next(csv.reader([text.strip()]))]
    return cells if len(cells) >= _MIN_BARE_CELLS else None


def _csv_header(text: str, cells: list[str]) -> bool:
    return ", " not in text and all(0 < len(cell) <= 30 for cell in cells)


_DELIMITER_CELL = re.compile(r"^:?-{3,}:?$")


def _pipe_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Every pipe table in these lines, in order; cheap when there is none."""
    if not any("|" in text for _, text in lines):
        return []
    numbers = [number for number, _ in lines]
    texts = [text for _, text in lines]
    tables: list[Table] = []
    current: Table | None = None
    in_head = in_cell = False
    cells: list[str] = []
    row_index = 0
    for token in _parser().parse("\n".join(texts)):
        if token.type == "table_open":
            current, in_head = None, False
        elif token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "tr_open":
            cells = []
            row_index = token.map[0] if token.map else 0
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("_open")
        elif token.type == "inline" and in_cell:
            cells.append(ungrouped(token.content.strip()))
        elif token.type == "tr_close":
            if in_head:
                current = Table(numbers[row_index], cells)
                tables.append(current)
            elif current is not None:
                if "|" not in texts[row_index]:
                    current = None  # the paragraph after the table, not a row
                elif (
                    current.rows and any(cells) and all(_DELIMITER_CELL.match(cell) for cell in cells if cell)
                ):
                    # a delimiter row among the rows: the row above it heads a table of its own
                    # (two tables with no blank line between, as a page's reader writes them)
                    head = current.rows.pop()
                    current = Table(head.line, head.cells)
                    tables.append(current)
                else:
                    current.rows.append(TableRow(numbers[row_index], cells))
    return tables
