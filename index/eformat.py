"""A power dispatch system's E-format file (E语言, the exchange format of China's grid dispatch
systems, Q/GDW 215: an OMS exports its weekly reports in it) read as the Markdown it means, line
numbers kept.

A file opens with `<!System=… !>` and `<!Entity=… time='…'!>` lines, then blocks
`<Project::Entity>` … `</Project::Entity>`; a block's `@` line names its columns (`@ id name
plan_date progress status`), often with a `// 序号 项目名称 计划完成 进度 状态` comment line under
it naming them in words, and each `#` line is a row of fields split by spaces, a field with spaces
in single quotes, `-` for an empty one; an `@@` block is one attribute per row (`# 3 统计周期
2025-03-14~2025-03-20`). Read as it stands, no line was a table, a heading or a field (w45-e): the
projects' targets, states and progress were figures in a line of words.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"^<!\s*(\w+)\s*=(.*?)!>\s*$")
_OPEN = re.compile(r"^<(\w+)::[^>]*>\s*$")
_CLOSE = re.compile(r"^</(\w+)::[^>]*>\s*$")
_FIELD = re.compile(r"'[^']*'|\S+")
_PAIR = re.compile(r"(\w+)\s*=\s*('[^']*'|\S+)")
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{2}:\d{2}(?::\d{2})?)$")
# A first column that only numbers the rows (`id`, `序号`): no part of what a row says.
_ROW_NUMBER = frozenset(["id", "no", "seq", "序号", "顺序", "编号"])
_MIN_BLOCKS = 2


def looks_like_eformat(lines: list[str]) -> bool:
    """Two blocks or more opened and closed by `<Name::…>` / `</Name::…>`, with `@` header rows."""
    opened = sum(bool(_OPEN.match(line.strip())) for line in lines)
    closed = sum(bool(_CLOSE.match(line.strip())) for line in lines)
    headers = sum(line.startswith("@") for line in lines)
    return min(opened, closed) >= _MIN_BLOCKS and headers >= _MIN_BLOCKS


def _fields(text: str) -> list[str]:
    """A row's fields: quotes taken off, `-` empty, a `2025-03-26_10:42` stamp as date and time."""
    out = []
    for field in _FIELD.findall(text):
        value = field[1:-1] if field.startswith("'") and field.endswith("'") and len(field) > 1 else field
        value = "" if value == "-" else value
        out.append(_STAMP.sub(r"\1 \2", value))
    return out


def _title(text: str) -> str:
    """The `<!Entity=江岚地调 type=自动化专业周报 time='2025-03-21 17:05:33'!>` line's values."""
    return " ".join(_fields(" ".join(value for _, value in _PAIR.findall(text))))


def read_eformat(lines: list[str]) -> list[tuple[int, str]]:
    """The file as Markdown: the entity line the title, each block a `##` heading over a pipe table
    headed by its column words (an `@@` block's: name and value); other comments in a block its
    text (`// 本期无异常事件`), those outside blank."""
    out = [""] * len(lines)
    in_block = False
    columns: list[str] = []
    drop_first = False
    titled = False
    delimiters: dict[int, str] = {}  # a header row's index -> the delimiter row it still needs
    for at, raw in enumerate(lines):
        line = raw.strip()
        head, opened, closed = _HEAD.match(line), _OPEN.match(line), _CLOSE.match(line)
        if head:
            if not titled and head[1].casefold() == "entity":
                out[at], titled = f"# {_title(line[2:-2])}", True
        elif opened:
            in_block, columns = True, []
            out[at] = "## " + re.sub(r"(?<=[a-z])(?=[A-Z])", " ", opened[1])
        elif closed:
            in_block = False
        elif not in_block:
            continue
        elif line.startswith("@"):
            # (an `@@` block's rows are named fields, `| 期号 | 第10期 |`: as a table they are no
            # project's card, as `期号：第10期` lines under `Report Info` were)
            columns = _fields(line.lstrip("@"))
            drop_first = bool(columns) and columns[0].casefold() in _ROW_NUMBER
            out[at] = _row(columns[drop_first:])
            delimiters[at] = _row(["---"] * (len(columns) - drop_first))
        elif line.startswith("//"):
            words = line[2:].split()
            if columns and len(words) == len(columns) and out[at - 1]:
                # the columns in words, over the rows; the `@` line above is then the delimiter
                out[at - 1] = _row(words[drop_first:])
                out[at] = delimiters.pop(at - 1)
            else:
                out[at] = line[2:].strip()
        elif line.startswith("#"):
            out[at] = _row(_fields(line[1:])[drop_first:])
    numbered: list[tuple[int, str]] = []
    for at, text in enumerate(out):
        numbered.append((at + 1, text))
        if at in delimiters:  # (the header's own number, as the HTML reader numbers its delimiter)
            numbered.append((at + 1, delimiters[at]))
    return numbered


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"
