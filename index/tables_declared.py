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
    rows are the numbered entries below it with as many cells; or a round robin's format told as
    names between slashes and the messages that follow it (`slashed_rows`)."""
    tables: list[Table] = []
    for index, (number, text) in enumerate(lines):
        header = _header(text)
        slashed = None if header is not None else _slashed_header(text)
        if header is not None:
            rows = _entries(lines[index + 1 :], len(header))
        elif slashed is not None:
            header, rows = slashed, _slashed_rows(lines[index + 1 :], len(slashed))
        else:
            continue
        if len(rows) >= _MIN_ROWS:
            tables.append(Table(number, header, rows, scattered=True))
    return tables


# A meeting's round robin told in its topic or opening (`round robin: workstream / G-Y-R / target /
# notes`): each person's message then gives those fields between slashes (`(08:34:02 AM) tbell: P2
# build-out / Y / 4/30 / going yellow…`, a Pidgin log, w51-d). A slash between spaces parts fields;
# `4/30` and `51/60` are values.
_SLASH = re.compile(r"\s+/\s+")
_SLASHED_FORMAT = re.compile(
    r"(?:[:：|｜]\s*)((?:[^\s/|｜:：][^/|｜:：]{0,14}?\s+/\s+){2,}[^\s/|｜:：][^/|｜:：]{0,14}?)\s*(?:[|｜]|$)"
)
# a chat line's stamp and speaker before the message (`(08:34:02 AM) tbell:`, `[09:12] Ana:`)
_SPEAKER = re.compile(r"^\s*[(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?[)\]]?\s*[\w.@-]{1,30}:\s*", re.I)
_FIELD_CHARS = 40


def _slashed_header(text: str) -> list[str] | None:
    """The field names a format line gives between slashes after its label (`round robin: …`), three
    or more, short, no figure; a message that opens with slashed fields is a row."""
    speaker = _SPEAKER.match(text)
    found = _SLASHED_FORMAT.search(text[speaker.end() :] if speaker else text)
    if found is None:
        return None
    names = [name.strip() for name in _SLASH.split(found[1])]
    ok = len(names) >= _MIN_COLUMNS and all(
        0 < len(name) <= _COLUMN_CHARS and not re.search(r"\d", name) for name in names
    )
    return names if ok else None


def _slashed_rows(lines: list[tuple[int, str]], width: int) -> list[TableRow]:
    """The messages giving the format's fields in its order: a short first field and, of the others,
    at least all but the last (a stopped item may give one fewer, its reason where the target would
    stand: `Community Smoke Alerts / PAUSED / counsel review…`); the last field holds the rest of
    the message, slashes and all."""
    rows: list[TableRow] = []
    for number, text in lines:
        if _slashed_header(text) is not None:
            break
        speaker = _SPEAKER.match(text)
        body = text[speaker.end() :] if speaker else text
        cells = [cell.strip() for cell in _SLASH.split(body.strip(), maxsplit=width - 1)]
        if len(cells) >= width - 1 and 0 < len(cells[0]) <= _FIELD_CHARS and len(cells[1]) <= _COLUMN_CHARS:
            rows.append(TableRow(number, cells + [""] * (width - len(cells))))
    return rows


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
