"""PmWiki markup (a page's source, as `?action=source` or the wiki's own `wiki.d` text shows it)
read as the Markdown it means, line numbers kept.

A PmWiki page writes headings by exclamation marks, the fewest at the top (`!! Headlines`,
`!!! Projects`: JSPWiki counts the other way), tables as `||cell ||cell ||` rows under an
attributes line (`||border=1 cellpadding=4`) with `||!Header ||` cells, `'''bold'''` and
`''italic''`, a moved value struck through and its successor after it (`{-1/24-} 2/7`), styled
spans (`%amber%A%%`, `%sa% A %%` after a `%define=sa …%`), `[[Page|text]]` links, a signature
link `[[~Name]]` before its timestamp, and directives (`(:title …:)`, `(:toc:)`, `>>frame<<`).
Read as plain text the headings were none, the rows a single run of bars and a status cell kept
its markup. Each source line becomes the Markdown line that says the same, under its own number,
so citations still point at the file's own lines (the verifier reads the file through this same
conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable, split_outside_links, starred_item

_HEADING = re.compile(r"^(!{1,6})\s*([^!\s\[].*?)\s*$")
_LIST = re.compile(r"^([*#]+)\s*(.*)$")
_DIRECTIVE = re.compile(r"\(:(\w[\w-]*)(?:[\s:](.*?))?:\)")
_TITLE = re.compile(r"^\s*\(:title\s+(.*?):\)\s*$", re.I)
# What only PmWiki writes: a directive on a line of its own, a style definition, a div's `>>…<<`,
# a table's attributes line.
_CONSTRUCT = re.compile(
    r"^\(:(?:title|description|toc|notoc|comment|include|summary|keywords|table|cell|div|if)\b|"
    r"^%define=|^>>[\w\s=#%;:.-]*<<$|^\|\|(?:border|cellpadding|cellspacing|width|class)=",
    re.I,
)
_ATTRIBUTES = re.compile(r"^\|\|\s*(?:\w+=\S+\s*)+$")
_DIV = re.compile(r"^>>[^<>]*<<$")
_STYLE_SPAN = re.compile(r"%(?!%)[\w=#.;:\s-]{1,60}?%\s*(.*?)\s*%%")
_STYLE_MARK = re.compile(r"%(?:define=[^%]*|[a-z][\w=#.;-]*)%", re.I)
_DELETED = re.compile(r"\{-(.+?)-\}")
_INSERTED = re.compile(r"\{\+(.+?)\+\}")
_BIG_SMALL = re.compile(r"\[([+-]{1,2})(.+?)\1\]")
_CODE = re.compile(r"@@(.+?)@@")
# `[[Page|text]]`, `[[text -> Page]]`, `[[Page]]`, `[[~Author]]` (a profile), `[[!Category]]`,
# `[[#anchor]]` (an anchor, which shows nothing)
_LINK = re.compile(r"\[\[([^\[\]]*?)\]\]")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")


def looks_like_pmwiki(lines: list[str]) -> bool:
    """A construct only PmWiki writes, and a `!` heading or a `||` row to read."""
    stripped = [line.strip() for line in lines]
    if not any(_CONSTRUCT.match(line) for line in stripped):
        return False
    return any(
        (_HEADING.match(line) and not line.startswith("![")) or line.startswith("||") for line in stripped
    )


def _link(match: re.Match[str]) -> str:
    target = match[1].strip()
    if target.startswith("#"):
        return ""
    if "->" in target:
        return target.split("->", 1)[0].strip()
    if "|" in target:
        return target.split("|", 1)[1].strip()
    page = target.lstrip("~!")
    return page.rsplit("/", 1)[-1].rsplit(".", 1)[-1] if not target.startswith("~") else page


def inline(text: str) -> str:
    """Inline PmWiki as Markdown: directives gone, styled spans to their text, a struck value
    struck as Markdown strikes it, links to their text, bold, italic."""
    text = _DIRECTIVE.sub("", text)
    text = _STYLE_SPAN.sub(r"\1", text)
    text = _STYLE_MARK.sub("", text)
    text = _DELETED.sub(lambda m: f"~~{m[1].strip()}~~", _INSERTED.sub(r"\1", text))
    text = _CODE.sub(r"`\1`", _BIG_SMALL.sub(r"\2", text))
    text = _LINK.sub(_link, text).replace("\\\\", "").rstrip(" \\")
    text = _BOLD.sub(r"**\1**", text)
    return _ITALIC.sub(r"*\1*", text)


def _cells(line: str) -> tuple[list[str], bool]:
    body = line.strip()[2:]
    body = body[:-2] if body.endswith("||") else body
    raw = split_outside_links(body, "||")
    header = all(cell.strip().startswith("!") for cell in raw if cell.strip())
    return [inline(cell.strip().removeprefix("!").strip()) for cell in raw], header


def read_pmwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based); the page's
    `(:title …:)` its title heading."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("||") and not _ATTRIBUTES.match(line):
            cells, header = _cells(line)
            table.add(number, cells, header)
            continue
        table.end()
        title = _TITLE.match(line)
        heading = _HEADING.match(line)
        if title:
            out.append((number, "# " + inline(title[1])))
        elif heading and not line.startswith("!["):
            # below the page's title, which is its `#`
            out.append((number, "#" * min(len(heading[1]) + 1, 6) + " " + inline(heading[2])))
        elif _ATTRIBUTES.match(line) or _DIV.match(line) or line == "----" or _CONSTRUCT.match(line):
            out.append((number, ""))
        elif listed := _LIST.match(line):
            out.append((number, starred_item(listed[1], inline(listed[2]))))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
