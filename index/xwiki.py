"""XWiki 2.x markup (an XWiki page saved as its source) read as the Markdown it means, line numbers
kept.

XWiki writes headings between equals signs, the fewest at the top (`= Title =`, `== 3. Status ==`),
tables with `|=` header cells and `|` row cells and no closing bar (`|=ID|=Workstream|=RAG`,
`|WS-01|Antenna|(% style="background-color:#dff0d8" %)GREEN`), `(% … %)` parameters before a block
or inside a cell, `[[label>>Space.Page]]` links, `--struck--` text, `//italic//`, `##monospace##` and
macros (`{{info}}` … `{{/info}}`, `{{toc/}}`, `{{mention reference="XWiki.AnaLopez" …/}}`). Read as
plain text its headings were none, its header row a row and a coloured status cell kept its
parameters. Each source line becomes the Markdown line that says the same, under its own number, so
citations still point at the file's own lines (the verifier reads the file through this same
conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable, split_outside_links

_HEADING = re.compile(r"^(={1,6})\s*([^=\s].*?)\s*=*\s*$")
_LIST = re.compile(r"^(\*+|1+\.)\s+(.*)$")
# What only XWiki 2.x writes: a `|=` header cell, a `>>` link, a `(% … %)` parameter, a closing
# or self-closing macro.
_CONSTRUCT = re.compile(r"^\|=|\[\[[^\]]*>>|\(%[^%]*%\)|\{\{/\w+\}\}|\{\{\w[^{}]*/\}\}")
_PARAMETER = re.compile(r"\(%[^%]*%\)\s*")
_MENTION = re.compile(r"\{\{mention\s+reference=\"(?:[\w.]*\.)?([^\".]+)\"[^{}]*/\}\}")
_MACRO = re.compile(r"\{\{/?\w[^{}]*\}\}")
_LINK = re.compile(r"\[\[(?:([^\]>]+)>>)?([^\]]+)\]\]")
_STRUCK = re.compile(r"(?<![\w-])--(?=\S)([^-\n]+?)(?<=\S)--(?![\w-])")
_ITALIC = re.compile(r"(?<!:)//(?=\S)(.+?)(?<=\S)//")
_MONOSPACE = re.compile(r"##(?=\S)(.+?)(?<=\S)##")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def looks_like_xwiki(lines: list[str]) -> bool:
    """Two `= … =` headings and two constructs only XWiki 2.x writes."""
    stripped = [line.strip() for line in lines]
    heads = sum(1 for line in stripped if _HEADING.match(line) and line.endswith("="))
    return heads >= 2 and sum(1 for line in stripped if _CONSTRUCT.search(line)) >= 2


def inline(text: str) -> str:
    """Inline XWiki as Markdown: parameters dropped, a mention as the person's name, macros and
    links to their text, struck text as Markdown strikethrough, italic, monospace."""
    text = _PARAMETER.sub("", text)
    text = _MENTION.sub(lambda m: _CAMEL.sub(" ", m[1]), text)
    text = _MACRO.sub("", text)
    text = _LINK.sub(lambda m: m[1] or m[2], text).replace("\\\\", "").rstrip()
    text = _STRUCK.sub(r"~~\1~~", text)
    return _MONOSPACE.sub(r"`\1`", _ITALIC.sub(r"*\1*", text))


def _cells(row: str) -> tuple[list[str], bool]:
    """A row's cells split at its bars (not a link's `|`), and whether they are header cells."""
    body = row[1:-1] if row.endswith("|") and len(row) > 1 else row[1:]
    cells = split_outside_links(body, "|")
    header = all(cell.startswith("=") for cell in cells)
    return [inline(cell.lstrip("=").strip()) for cell in cells], header


def read_xwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)

    for number, raw in enumerate(lines, start=1):
        line = _PARAMETER.sub("", raw.strip()) if raw.strip().startswith("(%") else raw.strip()
        if line.startswith("|"):
            cells, header = _cells(line)
            table.add(number, cells, header)
            continue
        table.end()
        heading = _HEADING.match(line)
        if heading and line.endswith("="):
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif line == "----" or _MACRO.fullmatch(line):
            out.append((number, ""))
        elif listed := _LIST.match(line):
            marker = listed[1]
            depth = "  " * ((len(marker) if marker.startswith("*") else len(marker) - 1) - 1)
            out.append((number, f"{depth}{'-' if marker.startswith('*') else '1.'} {inline(listed[2])}"))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
