"""TWiki and Foswiki topic markup (TML, a topic's `.txt` as the wiki stores it) read as the
Markdown it means, line numbers kept.

A topic writes headings as `---+` with one `+` per level (`---+!! Title` keeps it out of the table
of contents), bullets indented by three spaces (`   * `, `      * `, `   1. `), tables whose header
cells are bold (`| *RAG* | *Target* |`), `*bold*`, `_italic_`, `=fixed=`, links
`[[Topic][text]]`, colours `%GREEN%G%ENDCOLOR%`, icons `%X%` (alert) and `%Y%` (done), other
variables (`%TOC%`, `%INCLUDE{…}%`) and `<!-- … -->` settings blocks; its metadata sits on
`%META:…%` lines, the form's fields among them (`%META:FIELD{name="WeekEnding" title="Week ending"
value="07 Mar 2025"}%`). Read as plain text its headings and header rows were none and a status
cell kept its colour markup. Each line becomes the Markdown line that says the same under its own
number; a form field becomes a labelled line (`Week ending: 07 Mar 2025`), the rest of the
metadata (save stamps, attachments) a blank line: when the topic was saved is not what it reports.
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable

_META = re.compile(r"^%META:(\w+)\{(.*)\}%\s*$")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_HEADING = re.compile(r"^---(\++)(?:!!)?\s*(.*?)\s*$")
_LIST = re.compile(r"^((?:   )+)(\*|\d+\.|[aAiI]\.)\s+(.*)$")
_COLOURED = re.compile(r"%([A-Z]+)%(.*?)%ENDCOLOR%")
_ICONS = {"X": "⚠️", "Y": "✅", "ICON{warning}": "⚠️", "ICON{done}": "✅"}
_VARIABLE = re.compile(r"%([A-Z][A-Z0-9_]*(?:\{[^{}%]*\})?)%")
_LINK = re.compile(r"\[\[([^\[\]]+)\]\[([^\[\]]+)\]\]|\[\[([^\[\]]+)\]\]")
_BOLD = re.compile(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(\S(?:[^_]*?\S)?)_(?![\w_])")
_FIXED = re.compile(r"(?<![\w=])=(\S(?:[^=]*?\S)?)=(?![\w=])")


def looks_like_foswiki(lines: list[str]) -> bool:
    """A topic's `%META:TOPICINFO{…}%`, or two `---+` headings."""
    if any(line.startswith("%META:TOPICINFO{") for line in lines[:5]):
        return True
    return sum(1 for line in lines if _HEADING.match(line.strip()) and line.startswith("---+")) >= 2


def _variable(match: re.Match[str]) -> str:
    return _ICONS.get(match[1], "")


def inline(text: str) -> str:
    """Inline TML as Markdown: colours to their words, icons to signs, links to their text, bold,
    italic and fixed to Markdown, other variables dropped."""
    text = _COLOURED.sub(r"\2", text)
    text = _VARIABLE.sub(_variable, text)
    text = _LINK.sub(lambda m: m[2] or m[3], text)
    text = _FIXED.sub(r"`\1`", _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text)))
    return text.rstrip()


def _meta_line(kind: str, body: str) -> str:
    if kind != "FIELD":
        return ""
    attributes = dict(_ATTRIBUTE.findall(body))
    label = attributes.get("title") or attributes.get("name") or ""
    value = attributes.get("value", "")
    return f"{label}: {value}" if label and value else ""


def _cells(row: str) -> tuple[list[str], bool]:
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    header = all(re.fullmatch(r"\*[^*]+\*", cell) for cell in cells if cell) and any(cells)
    return [inline(cell.strip("*") if header else cell) for cell in cells], header


def read_foswiki(lines: list[str]) -> list[tuple[int, str]]:
    """The topic's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    in_comment = False

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if in_comment or line.startswith("<!--"):
            in_comment = "-->" not in line
            out.append((number, ""))
            continue
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            cells, header = _cells(line)
            table.add(number, cells, header and not table.rows)
            continue
        table.end()
        meta = _META.match(line)
        heading = _HEADING.match(line)
        listed = _LIST.match(raw.rstrip())
        if meta:
            out.append((number, _meta_line(meta[1], meta[2])))
        elif heading and raw.startswith("---+"):
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif listed:
            depth = "  " * (len(listed[1]) // 3 - 1)
            marker = "-" if listed[2] == "*" else "1."
            out.append((number, f"{depth}{marker} {inline(listed[3])}"))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
