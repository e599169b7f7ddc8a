"""JSPWiki markup (codebeamer, JSPWiki and XWiki 1.0 pages) read as the Markdown it means, line
numbers kept.

An ALM's wiki page saved as its source writes headings by exclamation marks, the most at the top
(`!!! Title`, `!! 2. Status`, `! Done`), tables with `||` header cells and `|` row cells and no
closing bar (`||ID||Project||Status`, `|WS-01|Delta OTA|%%(color:green)G%%`), `__bold__`,
`''italic''`, `%%(style) text%%` spans, `[text|url]` links, `\\\\` line breaks and `[{Plugin}]`
calls. Read as plain text the headings were none, the header row was a row and a coloured status
cell kept its markup. Each source line becomes the Markdown line that says the same, under its own
number, so citations still point at the file's own lines (the verifier reads the file through this
same conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable, split_outside_links, starred_item

_HEADING = re.compile(r"^(!{1,3})\s*([^!\s\[].*?)\s*$")
_LIST = re.compile(r"^([*#]+)\s+(.*)$")
# What only JSPWiki writes: a `||` header row, a `%%` style block or span, a plugin call, `__bold__`.
_CONSTRUCT = re.compile(r"^\|\|[^|]|%%|\[\{\w|(?<!\w)__\S.*?\S__(?!\w)")
_STYLE_SPAN = re.compile(r"%%(?:\([^)]*\)|[\w-]+)\s*(.*?)%%")
_STYLE_LINE = re.compile(r"^%%(?:\([^)]*\)|[\w-]+)?\s*$")
_PLUGIN = re.compile(r"\[\{[^}]*\}\]")
_LINK = re.compile(r"\[([^\[\]|]+)\|[^\[\]]+\]")
_BOLD = re.compile(r"(?<!\w)__(\S(?:.*?\S)?)__(?!\w)")
_ITALIC = re.compile(r"''(\S(?:.*?\S)?)''")


def looks_like_jspwiki(lines: list[str]) -> bool:
    """Two `!` headings and a construct only JSPWiki writes."""
    stripped = [line.strip() for line in lines]
    heads = sum(1 for line in stripped if _HEADING.match(line) and not line.startswith("!["))
    return heads >= 2 and any(_CONSTRUCT.search(line) for line in stripped)


def inline(text: str) -> str:
    """Inline JSPWiki as Markdown: styled spans to their text, links to their text, bold, italic."""
    text = _PLUGIN.sub("", _STYLE_SPAN.sub(r"\1", text))
    text = _LINK.sub(r"\1", text).replace("\\\\", "").rstrip()
    return _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text))


def read_jspwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("|"):
            header = line.startswith("||")
            bar = "||" if header else "|"
            body = line[len(bar) :]
            body = body[: -len(bar)] if body.endswith(bar) else body
            cells = [inline(cell.strip()) for cell in split_outside_links(body, bar)]
            table.add(number, cells, header)
            continue
        table.end()
        heading = _HEADING.match(line)
        if heading and not line.startswith("!["):
            out.append((number, "#" * (4 - len(heading[1])) + " " + inline(heading[2])))
        elif _STYLE_LINE.match(line) or line == "----" or _PLUGIN.fullmatch(line):
            out.append((number, ""))
        elif listed := _LIST.match(line):
            out.append((number, starred_item(listed[1], inline(listed[2]))))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
