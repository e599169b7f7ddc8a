"""Vimwiki markup (a Vimwiki page or diary note kept as its source) read as the Markdown it means,
line numbers kept.

A Vimwiki page names itself in placeholders on its first lines (`%title BMS周报 第32期`,
`%date 2025-03-14`, `%template weekly`), hides `%% …` comments, tags itself on a line of colons
(`:周报:BMS:`), writes headings between equals signs (`== 二、项目状态 ==`, one more pair a level
down), links as `[[diary:2025-03-07|第31期]]` and ticks a list's boxes as `[X]` done, `[ ]` open,
`[.]`/`[o]`/`[O]` partly done and `[-]` dropped (shown struck through). Read as plain text its
headings kept their equals signs, its incident headings (`=== 【B类】… ===`) stood at the top level
outside their section, the comment was a line of the report and a partly done box (`[o] HIL 用例迁移`)
a project's name. Each source line becomes the Markdown line that says the same, under its own
number, so citations still point at the file's own lines (the verifier reads the file through this
same conversion).
"""

from __future__ import annotations

import re

from index.moinmoin import PIPED_LINK

_PLACEHOLDER = re.compile(r"^%(title|date|template|nohtml)\b\s*(.*)$")
_COMMENT = re.compile(r"^\s*%%")
_TAGS = re.compile(r"^\s*:(?:[^:\s]+:)+\s*$")
_HEADING = re.compile(r"^\s*(={1,6})\s+(\S.*?)\s+\1\s*$")
_PROPERTY = re.compile(r"^(\s*[^\s:][^:]{0,30})::\s+")
_BOX = re.compile(r"^(\s*(?:[-*#]|\d+[.)])\s+)\[([ .oOX-])\]\s*(.*)$")
_HEAD_LINES = 10


def looks_like_vimwiki(lines: list[str]) -> bool:
    """A `%title` or `%date` placeholder on the first lines and a heading between equals signs."""
    named = any((m := _PLACEHOLDER.match(line)) and m[1] in ("title", "date") for line in lines[:_HEAD_LINES])
    return named and any(_HEADING.match(line) for line in lines)


def _line(line: str) -> str:
    if _COMMENT.match(line) or _TAGS.match(line):
        return ""
    placeholder = _PLACEHOLDER.match(line)
    if placeholder is not None:
        name, value = placeholder[1], placeholder[2].strip()
        return f"# {value}" if name == "title" else f"Date: {value}" if name == "date" and value else ""
    heading = _HEADING.match(line)
    if heading is not None:
        return "#" * len(heading[1]) + " " + PIPED_LINK.sub(r"\1", heading[2])
    line = _PROPERTY.sub(r"\1: ", PIPED_LINK.sub(r"\1", line))
    box = _BOX.match(line)
    if box is not None:
        lead, mark, text = box[1], box[2], box[3]
        if mark == "X":
            return f"{lead}[x] {text}"
        return f"{lead}[ ] ~~{text}~~" if mark == "-" and text else f"{lead}[ ] {text}"
    return line.rstrip()


def read_vimwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The page's lines as Markdown, each under its source line number (1-based)."""
    return [(number, _line(raw)) for number, raw in enumerate(lines, start=1)]
