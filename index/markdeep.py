"""Markdeep documents (`report.md.html`): Markdown text saved as an HTML file, which a script at
its foot turns into a page in the browser. Read as HTML, its text is one run of characters with no
lines (no block tags), so it is read as the Markdown it is, under its own line numbers: the
page's `<meta>` line and the script footer blank, the indented title block a heading, Markdeep's
own blocks (`!!! Note: …` admonitions, `****` diagrams, `(insert … here)` lines) as a reader
sees them."""

from __future__ import annotations

import re

_FOOTER = re.compile(r"<!--\s*Markdeep:|<script[^>]*\bmarkdeep\b", re.I)
_TAGS_ONLY = re.compile(r"^\s*(?:<[^>]*>\s*)+$")
_INSERT = re.compile(r"^\s*\(insert\s+\S+\s+here\)\s*$", re.I)
_DIAGRAM_RULE = re.compile(r"^\*{5,}\s*$")
_ADMONITION = re.compile(r"^!!!\s*(.*)$")
_TITLE = re.compile(r"^\s{4,}\*\*(.+?)\*\*\s*$")
_BLOCK_TAGS = re.compile(r"<(?:p|div|table|h[1-6]|li|br)\b", re.I)


def looks_like_markdeep(text: str) -> bool:
    """Markdeep's footer is the mark (its script and the `<!-- Markdeep: -->` comment), on a page
    with hardly any block tags of its own: a page that merely links the script is still HTML."""
    return bool(_FOOTER.search(text)) and len(_BLOCK_TAGS.findall(text)) < 3


def markdeep_source(lines: list[str]) -> list[str]:
    """The document's lines as Markdown, one for one (line numbers stay the file's)."""
    out: list[str] = []
    in_diagram = False
    title_done = False
    in_title = False
    indented_block = False
    for line in lines:
        if in_diagram:
            in_diagram = not _DIAGRAM_RULE.match(line)
            out.append("")
            continue
        if _DIAGRAM_RULE.match(line):
            in_diagram = True
            out.append("")
            continue
        if _TAGS_ONLY.match(line) or _FOOTER.search(line) or _INSERT.match(line):
            # the page's <meta>, the script footer, a comment, an include the browser fills in
            out.append("")
            continue
        if not title_done and line.strip():
            title = _TITLE.match(line)
            if title and not in_title:
                in_title = True
                out.append(f"# {title[1].strip()}")
                continue
            if in_title and line.startswith("    "):
                out.append(line.strip())
                continue
            title_done = True
        elif not line.strip() and in_title:
            title_done = True
        admonition = _ADMONITION.match(line)
        if admonition:
            indented_block = True
            out.append(admonition[1].strip())
            continue
        if indented_block and line.startswith("    "):
            out.append(line.strip())  # an admonition's body, indented under it
            continue
        indented_block = False
        out.append(line)
    return out
