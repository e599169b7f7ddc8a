"""Typst markup (a report kept as its `.typ` source) read as the Markdown it means, line numbers kept.

A Typst report opens with its template (`#import "tpl.typ": *`, `#show: zhoubao.with(qihao: 14,
riqi: datetime(year: 2024, month: 10, day: 12), …)`), writes headings as `= 一、总体情况` (one more
sign a level down), bold as `*…*`, a struck old value as `#strike[11月10日] 11月30日`, numbered items
as `+ …`, comments as `// …`, and its tables as calls whose cells are content blocks
(`#table(columns: 5, table.header[*序号*][*工作项*]…, [1], [站点接入], zt[正常], [12月31日], …)`)
laid out one row a line or not at all. Read as plain text none of that was a table, a heading or a
date: the report's only day was the template's `datetime(…)` argument. Each source line becomes the
Markdown line that says the same, under its own number (a table's row under its first cell's
line), so citations still point at the file's own lines (the verifier reads the file through this
same conversion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DIRECTIVE = re.compile(
    r'^#(?:import\s+"|include\s+"|set\s+[\w.]+\(|show\s*[\w.]*\s*:|let\s+[\w.]+\s*(?:=|\())'
)
_STRUCTURE = re.compile(r"^\s*#(?:table|grid|figure)\(|^=+\s+\S")
_HEADING = re.compile(r"^(=+)\s+(\S.*)$")
_NUMBERED = re.compile(r"^(\s*)\+\s+(.*)$")
_TERM = re.compile(r"^(\s*)/\s+([^:]+):\s*(.*)$")
_LINE_COMMENT = re.compile(r"^\s*//")
_TRAILING_COMMENT = re.compile(r"\s+//(?!/).*$")
_CALL_OPEN = re.compile(r"^\s*#(?:show:\s*)?([\w.]+)(?:\.with)?\(")
_DATETIME = re.compile(
    r"datetime\(\s*year:\s*(\d{4})\s*,\s*month:\s*(\d{1,2})\s*,\s*day:\s*(\d{1,2})\s*(?:,[^)]*)?\)"
)
_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_ESCAPE = re.compile(r"\\([#*_\[\]$@<>`\\~/=+-])")
_NAMED_ARG = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:(?!:)\s*(.*)$", re.S)
_TABLES = ("table", "grid")
_SET_DOCUMENT = re.compile(r"^\s*#set\s+document\(")
_HEAD_LINES = 30


def looks_like_typst(lines: list[str]) -> bool:
    """A template directive (`#import`, `#set`, `#show`, `#let`) near the top and a heading or a
    table call: Markdown writes no `#import`, and a shell or Python comment no `= Heading`."""
    directives = sum(1 for line in lines[:_HEAD_LINES] if _DIRECTIVE.match(line))
    return directives >= 1 and any(_STRUCTURE.match(line) for line in lines)


def _structure(text: str, start: int = 0, quotes: bool = True) -> Iterator[tuple[int, str, int]]:
    """Each bracket and comma from `start` on, outside escapes (and strings, with `quotes`), with
    the nesting depth after it."""
    depth, at, quoted = 0, start, False
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if quoted:
            quoted = char != '"'
        elif char == '"' and quotes:
            quoted = True
        elif char in "[(,])":
            depth += 1 if char in "[(" else -1 if char in "])" else 0
            yield at, char, depth
        at += 1


def _bracket_end(text: str, start: int) -> int:
    """The index of the bracket closing the one at `start` (`[`, `(`; strings heeded inside
    parentheses only: content brackets hold prose), the text's end when it never closes."""
    for at, char, depth in _structure(text, start, quotes=text[start] == "("):
        if char in "])" and depth == 0:
            return at
    return len(text)


def _call(text: str, at: int) -> tuple[str, str, list[str], int]:
    """The call starting at `at` (its name already there): name, arguments, content blocks, end."""
    name = _NAME.match(text, at)
    assert name is not None
    end = name.end()
    arguments = ""
    if end < len(text) and text[end] == "(":
        close = _bracket_end(text, end)
        arguments, end = text[end + 1 : close], close + 1
    blocks: list[str] = []
    while end < len(text) and text[end] == "[":
        close = _bracket_end(text, end)
        blocks.append(text[end + 1 : close])
        end = close + 1
    return name[0], arguments, blocks, end


def _rendered_call(name: str, arguments: str, blocks: list[str]) -> str:
    """What a call shows: its content, struck or bold where the function says so; a link's text (or
    its address); a day as its ISO form; nothing for a call that lays out or signs (`#v(1em)`,
    `#pagebreak()`, a template's `#qianfa()`)."""
    inner = " ".join(markup(block) for block in blocks)
    base = name.rsplit(".", 1)[-1]
    if base == "strike":
        return f"~~{inner}~~" if inner.strip() else ""
    if base == "strong":
        return f"**{inner}**" if inner.strip() else ""
    if base == "link" and not inner:
        address = re.match(r'\s*"([^"]*)"', arguments)
        return address[1] if address else ""
    if base == "datetime":
        day = _DATETIME.search(f"datetime({arguments})")
        return f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}" if day else ""
    if not blocks:
        # `#text(fill: red, "延期")`, `#emph("…")`: a string argument is the shown text
        shown = re.search(r'(?:^|,)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)', arguments)
        return shown[1] if shown and base in ("text", "emph", "highlight", "underline", "smallcaps") else ""
    return inner


def markup(text: str, code: bool = False) -> str:
    """Inline Typst as Markdown: calls (`#strike[…]`, in code `zt[正常]`) as what they show,
    `*strong*` as `**strong**`, `_emphasis_` as its words, a non-breaking `~` a space, `--`/`---`
    dashes, escapes as their characters; raw text in backticks as written."""
    out: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "`":
            close = text.find("`", at + 1)
            close = len(text) - 1 if close < 0 else close
            out.append(text[at : close + 1])
            at = close + 1
            continue
        if char == "\\" and at + 1 < len(text):
            out.append(text[at : at + 2])
            at += 2
            continue
        call_at = at + 1 if char == "#" else at if code else -1
        if call_at >= 0 and _NAME.match(text, call_at) and (char == "#" or not text[at - 1 : at].isalnum()):
            name, arguments, blocks, end = _call(text, call_at)
            if char == "#" or blocks or (end > call_at and text[end - 1 : end] == ")"):
                out.append(_rendered_call(name, arguments, blocks))
                at = end
                continue
        if char == "[" and code:
            close = _bracket_end(text, at)
            out.append(markup(text[at + 1 : close]))
            at = close + 1
            continue
        out.append(" " if char == "~" else char)  # (a non-breaking space)
        at += 1
    shown = "".join(out)
    shown = re.sub(r"(?<![\w*\\])\*(?!\s)([^*\n]+?)(?<![\s\\])\*(?![\w*])", r"**\1**", shown)
    shown = re.sub(r"(?<![\w\\])_(?!\s)([^_\n]+?)(?<![\s\\])_(?!\w)", r"\1", shown)
    shown = shown.replace("---", "—").replace("--", "–")
    return _ESCAPE.sub(r"\1", shown)


def _arguments(text: str) -> list[tuple[int, str]]:
    """A call's top-level arguments, each with its offset in `text`."""
    parts: list[tuple[int, str]] = []
    start = 0
    for at, char, depth in _structure(text):
        if char == "," and depth == 0:
            parts.append((start, text[start:at]))
            start = at + 1
    parts.append((start, text[start:]))
    return [(offset, part) for offset, part in parts if part.strip()]


def _column_count(value: str) -> int:
    value = value.strip()
    if value.isdigit():
        return int(value)
    if value.startswith("("):
        return len(_arguments(value[1 : _bracket_end(value, 0)]))
    return 0


def _table(text: str, line_of: list[int]) -> list[tuple[int, str]]:
    """A table call's rows as pipe rows, each under its first cell's line, a header row over its
    delimiter row; `line_of[i]` is the source line of `text[i]`."""
    open_at = text.index("(")
    body = text[open_at + 1 : _bracket_end(text, open_at)]
    base = open_at + 1
    columns = 0
    header: tuple[int, list[str]] | None = None
    cells: list[tuple[int, str]] = []
    for offset, part in _arguments(body):
        lead = len(part) - len(part.lstrip())
        where = line_of[min(base + offset + lead, len(line_of) - 1)]
        named = _NAMED_ARG.match(part)
        if named and not part.lstrip().startswith(("[", '"')):
            if named[1] == "columns":
                columns = _column_count(named[2])
            continue
        stripped = part.strip()
        if re.match(r"(?:table|grid)\.(?:hline|vline)\b", stripped):
            continue
        if re.match(r"(?:table|grid)\.header\b", stripped):
            _, arguments, blocks, _ = _call(stripped, 0)
            texts = [markup(block) for block in blocks] or [
                markup(argument.strip(), code=True) for _, argument in _arguments(arguments)
            ]
            # (a header cell set bold, `[*序号*]`, is its words: a header row is bold by its style)
            header = (where, [" ".join(cell.split()).removeprefix("**").removesuffix("**") for cell in texts])
            continue
        cells.append((where, " ".join(markup(stripped, code=True).split())))
    columns = columns or (len(header[1]) if header else 0) or 1
    rows: list[tuple[int, str]] = []
    if header is not None:
        rows.append((header[0], "| " + " | ".join(header[1]) + " |"))
        rows.append((header[0], "| " + " | ".join("---" for _ in header[1]) + " |"))
    for start in range(0, len(cells), columns):
        row = cells[start : start + columns]
        rows.append((row[0][0], "| " + " | ".join(cell for _, cell in row) + " |"))
    return rows


def _document_call(text: str, line_of: list[int]) -> list[tuple[int, str]]:
    """A template's show rule or a `#set document(…)`: its day (a `datetime(…)` argument) as the
    report's `Date:` line and its title as the title; its other arguments are the template's."""
    open_at = text.index("(")
    body = text[open_at + 1 : _bracket_end(text, open_at)]
    out: list[tuple[int, str]] = []
    dated = False
    for offset, part in _arguments(body):
        named = _NAMED_ARG.match(part)
        if named is None:
            continue
        where = line_of[min(open_at + 1 + offset + len(part) - len(part.lstrip()), len(line_of) - 1)]
        day = _DATETIME.search(named[2])
        if day is not None and not dated:
            out.append((where, f"Date: {day[1]}-{int(day[2]):02d}-{int(day[3]):02d}"))
            dated = True
        elif named[1] in ("title", "subject"):
            title = re.match(r'\s*"((?:[^"\\]|\\.)*)"', named[2])
            out.append((where, f"# {title[1]}" if title else markup(named[2].strip("[] \n"))))
    return out


def read_typst(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    kept = [_uncommented(line) for line in _without_block_comments(lines)]
    numbered_at: dict[int, int] = {}
    index = 0
    while index < len(kept):
        line, number = kept[index], index + 1
        call = _CALL_OPEN.match(line)
        table = call is not None and call[1] in _TABLES
        if table or (call is not None and line.lstrip().startswith("#show:")) or _SET_DOCUMENT.match(line):
            last, text, line_of = _gathered(kept, index)
            rows = _table(text, line_of) if table else _document_call(text, line_of)
            taken = {where for where, _ in rows}
            out.extend(rows)
            out.extend((n, "") for n in range(number, last + 2) if n not in taken)
            index = last + 1
            continue
        out.append((number, _line(line, numbered_at)))
        index += 1
    return out


def _gathered(lines: list[str], first: int) -> tuple[int, str, list[int]]:
    """The lines from `first` to the one closing the call opened there: the last one's index, their
    text joined, and the source line of each character."""
    text, line_of = "", []
    for index in range(first, len(lines)):
        piece = lines[index] + "\n"
        text += piece
        line_of.extend([index + 1] * len(piece))
        open_at = text.index("(")
        if _bracket_end(text, open_at) < len(text):
            return index, text, line_of
    return len(lines) - 1, text, line_of


def _without_block_comments(lines: list[str]) -> list[str]:
    out: list[str] = []
    inside = False
    for line in lines:
        if inside:
            if "*/" in line:
                inside = False
                line = line.split("*/", 1)[1]
            else:
                out.append("")
                continue
        if "/*" in line and "*/" not in line.split("/*", 1)[1]:
            inside = True
            line = line.split("/*", 1)[0]
        out.append(re.sub(r"/\*.*?\*/", "", line))
    return out


def _uncommented(line: str) -> str:
    if _LINE_COMMENT.match(line):
        return ""
    return _TRAILING_COMMENT.sub("", line) if "://" not in line else line


def _line(line: str, numbered_at: dict[int, int]) -> str:
    stripped = line.strip()
    if not stripped or _DIRECTIVE.match(stripped):
        numbered_at.clear()
        return ""
    heading = _HEADING.match(stripped)
    if heading is not None:
        numbered_at.clear()
        return "#" * len(heading[1]) + " " + markup(heading[2])
    numbered = _NUMBERED.match(line)
    if numbered is not None:
        depth = len(numbered[1])
        numbered_at[depth] = numbered_at.get(depth, 0) + 1
        for deeper in [d for d in numbered_at if d > depth]:
            del numbered_at[deeper]
        return f"{numbered[1]}{numbered_at[depth]}. {markup(numbered[2])}"
    term = _TERM.match(line)
    if term is not None:
        return f"{term[1]}- {markup(term[2].strip())}: {markup(term[3])}"
    if re.fullmatch(r"#[\w.]+\([^()\[\]]*\)", stripped):
        return ""  # a layout or signature call alone on its line (`#pagebreak()`, `#qianfa()`)
    return markup(line.rstrip())
