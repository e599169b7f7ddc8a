"""A Roam Research page exported as Markdown, read as the Markdown it means, line numbers kept.

Roam writes a page as one outline: every line is a `- ` bullet indented four spaces a level, a
heading is a bullet whose text opens with `#` marks (`- ## 项目 Status 一览`), a field is a bullet
`Status:: #[[🟢 On Track]]`, pages and tags are `[[links]]` and `#[[tags]]`, a day is its daily
page's link (`[[March 13th, 2026]]`), a task is `{{[[TODO]]}}` / `{{[[DONE]]}}`, and a table is a
`{{[[table]]}}` bullet whose children are its rows, each row's cells a chain of single children.
Read as plain Markdown the page was one section, its headings bullets, its fields `Key::` and its
tables a ladder of cells. Here a heading bullet becomes a heading with its children one list under
it, a field `Key: value`, a link its text, a task a box, a table a pipe table under its first row's
line, and an embed or a block reference (`((uid))`), which shows another page's block, nothing.
"""

from __future__ import annotations

import re

from index.text.timeexpr import MONTH_PATTERN
from index.wikitext import PipeTable

_BULLET = re.compile(r"^( *)- (.*)$")
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
_FIELD = re.compile(r"^([^\s:`\[][^:`]{0,40}?)::\s*(.*)$")
_TAG_LINK = re.compile(r"#?\[\[([^\[\]]+)\]\]")
_ALIAS = re.compile(r"\[([^\[\]]+)\]\((?:\[\[[^\[\]]+\]\]|\(\([\w-]+\)\))\)")
_BLOCK_REF = re.compile(r"\(\([\w-]{6,}\)\)")
_COMMAND = re.compile(r"\{\{\[\[(\w+)\]\]:?(?:[^{}]|\{[^{}]*\})*\}\}")
_DAILY_PAGE = re.compile(rf"\[\[(?:{MONTH_PATTERN}) \d{{1,2}}(?:st|nd|rd|th), \d{{4}}\]\]", re.I)
_HIGHLIGHT = re.compile(r"\^\^(.+?)\^\^")
_ITALIC = re.compile(r"(?<!_)__(?!_)(.+?)__")
_BOX = {"TODO": "[ ]", "DONE": "[x]"}
# A block that opens with a page's link is about that page: `[[卖品POS迁移]] → Poplite Cloud` is the
# item 卖品POS迁移, its link the name a Markdown writer would set in bold.
_OPENING_LINK = re.compile(r"^\[\[([^\[\]]+)\]\](?=\s|$)")


def looks_like_roam(lines: list[str]) -> bool:
    """An outline of `- ` bullets, nearly every line one, with something only Roam writes: a
    `{{[[command]]}}`, a block reference, a field bullet (`- Status:: …`) or a daily page's link."""
    written = [line for line in lines if line.strip()]
    if len(written) < 5:
        return False
    bullets = [match[2] for line in written if (match := _BULLET.match(line))]
    if len(bullets) < 0.9 * len(written):
        return False
    return any(
        _COMMAND.search(text) or _BLOCK_REF.search(text) or _FIELD.match(text) or _DAILY_PAGE.search(text)
        for text in bullets
    )


def inline(text: str) -> str:
    """A block's text as a reader sees it: links and tags as their text, a task as its box, an embed,
    a query or a block reference as nothing."""
    text = _COMMAND.sub(lambda m: _BOX.get(m[1].upper(), ""), text)
    text = _ALIAS.sub(r"\1", text)
    text = _BLOCK_REF.sub("", text)
    text = _TAG_LINK.sub(r"\1", text)
    text = _HIGHLIGHT.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text).rstrip()


def read_roam(lines: list[str]) -> list[tuple[int, str]]:
    """The page's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    headings: list[int] = []  # the indents of the heading bullets the line is under
    table = PipeTable(out)  # the open `{{[[table]]}}`'s rows, its bullet at `table_indent`
    table_indent: int | None = None
    for number, raw in enumerate(lines, start=1):
        bullet = _BULLET.match(raw)
        if bullet is None:
            out.append((number, inline(raw)))
            continue
        indent, text = len(bullet[1]), bullet[2]
        if table_indent is not None:
            if indent > table_indent:
                if indent == table_indent + 4 or not table.rows:
                    table.add(number, [inline(text)], not table.rows)  # a row, the first the header
                else:
                    table.rows[-1][1].append(inline(text))  # the row's next cell
                continue
            table.end()
            table_indent = None
        while headings and indent <= headings[-1]:
            headings.pop()
        depth = (indent - (headings[-1] + 4 if headings else 0)) // 4
        command = _COMMAND.fullmatch(text.strip())
        if command and command[1].lower() == "table":
            table_indent = indent
            out.append((number, ""))
            continue
        heading = _HEADING.match(text)
        if heading:
            headings.append(indent)
            out.append((number, f"{heading[1]} {inline(heading[2])}"))
            continue
        field = _FIELD.match(text)
        body = f"{field[1]}: {inline(field[2])}" if field else inline(_OPENING_LINK.sub(r"**\1**", text))
        out.append((number, f"{'  ' * max(depth, 0)}- {body}" if body else ""))
    table.end()
    return out
