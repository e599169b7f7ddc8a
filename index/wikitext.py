"""MediaWiki wikitext read as the Markdown the rest of the reader knows, line numbers kept.

Team wikis on MediaWiki keep their weekly pages as wikitext, and a page saved or exported as its
source (`.txt`) writes headings as `== Workstreams ==`, tables as `{| … |- | a || b |}`, bold as
`'''…'''`, numbered items as `# …` (a Markdown heading otherwise) and fields inside templates:
`{{WS status|rag=A|target=29 February 2024|lead=…}}`, a page header `{{Weekly status\\n|date=26
January 2024\\n}}`. Each source line becomes the Markdown line(s) that say the same, under its own
line number, so every citation still points at the file's own lines (the verifier reads the file
through this same conversion): headings `##`, table rows `| a | b |`, template fields as
`field: value` lines, list markers as Markdown's. A document is wikitext only when it writes
wikitext headings and a construct only wikitext writes (a table, a template, bold in
triple quotes): a Markdown page or a plain-text mail with `== Tracker ==` lines is left as it is.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(={2,6})\s*([^=\s].*?)\s*\1\s*$")
# What only wikitext writes: a table's opening, a template, bold in triple quotes, a magic word.
# (A plain-text mail's `== Tracker ==` or a reStructuredText table's `=====  =====` is no page.)
_CONSTRUCT = re.compile(r"^\{\||^\{\{|'''|^__[A-Z]+__$")
_MAGIC = re.compile(r"^__[A-Z]+__$")
_LIST = re.compile(r"^([*#:;]+)\s*(.*)$")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_EXTERNAL = re.compile(r"\[(https?://[^\s\]]+)\s+([^\]]+)\]")
_INLINE_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_FIELD = re.compile(r"^\s*([\w .-]{1,40}?)\s*=\s*(.*)$", re.S)


def looks_like_wikitext(lines: list[str]) -> bool:
    """Wikitext headings and a construct only wikitext writes."""
    if not any(_HEADING.match(line.strip()) for line in lines):
        return False
    return any(_CONSTRUCT.search(line.strip()) for line in lines)


def _split_params(body: str) -> list[str]:
    """A template's parts split at its own pipes, not at those inside links or nested templates."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for index, char in enumerate(body):
        pair = body[index : index + 2]
        if pair in ("[[", "{{"):
            depth += 1
        elif pair in ("]]", "}}") and depth:
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _field_lines(params: list[str]) -> list[str]:
    """`rag=A` -> `rag: A`; a positional parameter stays as its text."""
    out = []
    for param in params:
        field = _FIELD.match(param)
        if field and field[2].strip():
            out.append(f"{field[1].strip()}: {inline(field[2].strip())}")
        elif param.strip() and not field:
            out.append(inline(param.strip()))
    return out


def _inline_template(match: re.Match[str]) -> str:
    """`{{done}}` -> "done", `{{status|amber}}` -> "status amber": the words a reader sees."""
    parts = _split_params(match[1])
    values = [field[2].strip() if (field := _FIELD.match(p)) else p.strip() for p in parts]
    return " ".join(v for v in values if v)


def inline(text: str) -> str:
    """Inline wikitext as Markdown: bold, italic, external links, templates inside a line."""
    text = _INLINE_TEMPLATE.sub(_inline_template, text)
    text = _EXTERNAL.sub(r"[\2](\1)", text)
    return _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text))


def _cells(text: str, separator: str) -> list[str]:
    """A row's cells (`a || b`), each without its attributes (`style="…" | text`)."""
    cells = []
    for cell in text.split(separator):
        parts = _split_params(cell)
        cells.append(inline(parts[-1].strip()))
    return cells


def pipe_rows(rows: list[tuple[int, list[str], bool]]) -> list[tuple[int, str]]:
    """A wiki table's (line, cells, is header) rows as Markdown pipe rows; a header row first in its
    table gets the delimiter row Markdown needs, under its own line number."""
    out: list[tuple[int, str]] = []
    for index, (number, cells, header) in enumerate(rows):
        out.append((number, "| " + " | ".join(cells) + " |"))
        if header and index == 0:
            out.append((number, "| " + " | ".join("---" for _ in cells) + " |"))
    return out


def starred_item(marks: str, text: str) -> str:
    """A wiki's list line by its marks (`** item`, `# step`) as Markdown: two spaces a level past
    the first, `-` for stars and `1.` for hashes (JSPWiki, PmWiki and TiddlyWiki write them alike)."""
    return f"{'  ' * (len(marks) - 1)}{'-' if marks[-1] == '*' else '1.'} {text}"


class PipeTable:
    """A wiki table's rows gathered line by line, written out as Markdown when a line that is no
    row ends it: the wiki readers walk their lines once and a table is known whole only then."""

    def __init__(self, out: list[tuple[int, str]]) -> None:
        self.out = out
        self.rows: list[tuple[int, list[str], bool]] = []

    def add(self, number: int, cells: list[str], header: bool) -> None:
        self.rows.append((number, cells, header))

    def end(self) -> None:
        self.out.extend(pipe_rows(self.rows))
        self.rows.clear()


def split_outside_links(row: str, bar: str) -> list[str]:
    """A row's cells split at `bar`, not at a bar inside a bracketed link (`[text|url]`,
    `[[label>>Page|…]]`), which wikis that write cells between bars also write."""
    cells, current, depth = [], "", 0
    index = 0
    while index < len(row):
        char = row[index]
        depth += char == "["
        depth -= char == "]" and depth > 0
        if depth == 0 and row.startswith(bar, index):
            cells.append(current)
            current, index = "", index + len(bar)
            continue
        current += char
        index += 1
    cells.append(current)
    return cells


def read_wikitext(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    row: list[str] = []
    row_line = 0
    header_row = False
    in_template = False  # inside a template whose `}}` is on a later line

    def end_row() -> None:
        nonlocal row, header_row
        if row:
            out.extend(pipe_rows([(row_line, row, header_row)]))
        row, header_row = [], False

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if in_template:
            closing = line.endswith("}}") and line.count("}}") > line.count("{{")
            body = line[:-2] if closing else line
            if body.startswith("|"):
                out.extend((number, text) for text in _field_lines([body[1:]]))
            elif body:
                out.append((number, inline(body)))
            elif not closing:
                out.append((number, ""))
            in_template = not closing
            continue
        if line.startswith("{{") and "}}" not in line:  # a template opened here, closed lines below
            in_template = True
            params = _split_params(line[2:])
            out.extend((number, text) for text in _field_lines(params[1:]))
            continue
        if line.startswith("{{") and line.endswith("}}") and line.count("{{") == 1:
            params = _split_params(line[2:-2])
            out.append((number, " · ".join(_field_lines(params[1:]))))
            continue
        if line.startswith(("{|", "|}")):  # a table opens or closes
            end_row()
            out.append((number, ""))
            continue
        if line.startswith("|-"):
            end_row()
            continue
        if line.startswith("|+"):
            out.append((number, inline(line[2:].strip())))
            continue
        if line.startswith("!") or (line.startswith("|") and not line.startswith("||")):
            if not row:
                row_line, header_row = number, line.startswith("!")
            separator = "!!" if line.startswith("!") else "||"
            row.extend(_cells(line[1:], separator))
            continue
        end_row()
        heading = _HEADING.match(line)
        if heading:
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif _MAGIC.match(line):
            out.append((number, ""))
        elif listed := _LIST.match(line):
            marks, text = listed[1], inline(listed[2])
            depth = "  " * (len(marks) - 1)
            last = marks[-1]
            if last == "*":
                out.append((number, f"{depth}- {text}"))
            elif last == "#":
                out.append((number, f"{depth}1. {text}"))
            elif last == ";":
                out.append((number, f"**{text}**"))
            else:  # `:` indents a line of text
                out.append((number, f"{depth}{text}"))
        else:
            out.append((number, inline(raw.rstrip())))
    end_row()
    return out
