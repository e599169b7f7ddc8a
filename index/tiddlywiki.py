"""TiddlyWiki markup (a tiddler saved as its `.tid` text) read as the Markdown it means, line
numbers kept.

A tiddler opens with its fields, one `name: value` per line (`created: 20250321100518266`, a UTC
stamp to the millisecond; `title:`, `tags:`, `type: text/vnd.tiddlywiki`), then a blank line and
the text: headings by exclamation marks, the fewest at the top (`! Title`, `!! 一、项目看板`),
tables whose header cells open with `!` and whose rows may close with a letter saying what the row
is (`|h` header, `|c` caption, `|f` footer, `|k` class), `''bold''`, `//italic//`, `[[text|link]]`,
`<<<` quote blocks, `#` numbered items and macro calls (`<<st warn 关注>>`, a team's status macro
whose last word is what the page shows). Read as plain text its headings were none, its header
row a row, its numbered items Markdown headings and its status cells macro calls. Each line
becomes the Markdown line that says the same under its own number, so citations still point at
the file's own lines (the verifier reads the file through this same conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable, starred_item

_FIELD = re.compile(r"^([a-z][\w.-]*):\s?(.*)$")
_TYPE = re.compile(r"^type:\s*text/(?:vnd\.tiddlywiki|x-tiddlywiki)\s*$")
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})\d{2,5}$")
_HEADING = re.compile(r"^(!{1,6})\s*(\S.*?)\s*$")
_ROW = re.compile(r"^\|(.*)\|([hcfk]?)\s*$")
_LIST = re.compile(r"^([*#]+)\s+(.*)$")
_MACRO = re.compile(r"<<([^<>]*)>>")
_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]")
_BOLD = re.compile(r"''(\S(?:.*?\S)?)''")
_ITALIC = re.compile(r"(?<![:/])//(\S(?:.*?\S)?)//")


def looks_like_tiddlywiki(lines: list[str]) -> bool:
    """A tiddler's fields declaring its type, or fields then `!` headings and `|…|h` rows."""
    head = [line.strip() for line in lines[:20]]
    if any(_TYPE.match(line) for line in head):
        return True
    fields = sum(1 for line in head if _FIELD.match(line))
    stripped = [line.strip() for line in lines]
    headings = sum(1 for line in stripped if _HEADING.match(line) and not line.startswith("!["))
    header_rows = sum(1 for line in stripped if (row := _ROW.match(line)) and row[2] == "h")
    return fields >= 3 and headings >= 2 and header_rows >= 1


def _macro_text(match: re.Match[str]) -> str:
    """A macro call as what it shows: a status macro's label (`<<st warn 关注>>` → `关注`), its last
    bare word; a call whose arguments are quoted or absent (`<<now "YYYY">>`, `<<toc>>`) shows
    nothing a reader would quote."""
    words = match[1].split()
    last = words[-1] if len(words) > 1 else ""
    return "" if not last or last[0] in "\"'[{" else last


def inline(text: str) -> str:
    """Inline TiddlyWiki as Markdown: macros to their labels, links to their text, bold, italic."""
    text = _LINK.sub(r"\1", _MACRO.sub(_macro_text, text))
    return _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text))


def _field_line(name: str, value: str) -> str:
    """A field as a labelled line; a TiddlyWiki stamp (`20250321100518266`, UTC) as a date."""
    stamp = _STAMP.match(value.strip())
    if stamp:
        value = f"{stamp[1]}-{stamp[2]}-{stamp[3]} {stamp[4]}:{stamp[5]} UTC"
    return f"{name}: {value}"


def read_tiddlywiki(lines: list[str]) -> list[tuple[int, str]]:
    """The tiddler's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    in_fields = True

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if in_fields:
            field = _FIELD.match(line)
            if field:
                # the day it was made and its title are the report's; the rest (tags, creator,
                # modified) is the wiki's bookkeeping, and a tag (`事故`) tells no event
                kept = field[1] in ("created", "title")
                out.append((number, _field_line(field[1], field[2]) if kept else ""))
                continue
            in_fields = False
        row = _ROW.match(line)
        if row and row[2] in ("", "h"):
            cells = [cell.strip() for cell in row[1].split("|")]
            header = row[2] == "h" or all(cell.startswith("!") for cell in cells if cell)
            table.add(number, [inline(cell.lstrip("!").strip()) for cell in cells], header)
            continue
        table.end()
        heading = _HEADING.match(line)
        if row:  # a caption, footer or class row: its words, not a row
            out.append((number, inline(row[1].strip(" |"))))
        elif heading and not line.startswith("!["):
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif line == "<<<" or line.startswith("<<<"):
            out.append((number, inline(line[3:].strip())))
        elif listed := _LIST.match(line):
            out.append((number, starred_item(listed[1], inline(listed[2]))))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
