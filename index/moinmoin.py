"""MoinMoin 1.9 markup (a MoinMoin page saved as its source) read as the Markdown it means, line
numbers kept.

A MoinMoin page opens with processing instructions (`#acl …`, `#format wiki`, `#pragma …`) and may
carry `## …` comments nobody sees; it writes headings between equals signs (`= Title =`,
`== Workstreams ==`), tables as `||cell||cell||` rows whose cells open with their looks
(`<#ffeb9c>`, `<rowbgcolor="#e8e8e8">`, `<-2>`), bullets indented by a space (` * …`, ` 1. …`),
`'''bold'''`, `''italic''`, `--(struck)--`, `~-small-~`, `[[Page|label]]` links, `<<Macro(…)>>`
calls (`<<BR>>` a break, `<<DateTime(2025-03-20T23:02:44Z)>>` a stamp) and smileys for states
(`(./)`, `/!\\`, `{X}`, `{OK}`). Read as plain text its tables were none and a cell's status kept
its colour code. Each source line becomes the Markdown line that says the same, under its own
number, so citations still point at the file's own lines (the verifier reads the file through this
same conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable

_HEADING = re.compile(r"^(={1,5})\s+(\S.*?)\s+\1\s*$")
_INSTRUCTION = re.compile(r"^#(?:acl|format|language|pragma|redirect|deprecated|refresh)\b", re.I)
_COMMENT = re.compile(r"^##(?:\s|$)")
_LIST = re.compile(r"^(\s+)(\*|\d+\.|[a-zA-Z]\.|\.)\s*(.*)$")
# What only MoinMoin writes: a processing instruction, a `||` row with a cell's looks, a macro call,
# a smiley for a state.
_CONSTRUCT = re.compile(r"^#(?:acl|format|pragma)\b|^\|\|<[^>]*>|<<[A-Z]\w*(?:\(|>>)|\(\./\)|\{OK\}|/!\\")
_CELL_LOOKS = re.compile(r"^\s*(?:<[^<>]*>\s*)+")
_MACRO = re.compile(r"<<(\w+)(?:\(([^()]*)\))?>>")
# `[[Page|label]]` as its label, `[[Page]]` as its name (Vimwiki writes its links so too).
PIPED_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]+)\]\]")
_STRUCK = re.compile(r"--\((.+?)\)--")
_SIZED = re.compile(r"~[-+](.+?)[-+]~")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_PREFORMATTED = re.compile(r"^\s*\{\{\{(?:#!\S+(?:\s+\S+)*)?\s*$|^\s*\}\}\}\s*$")
# MoinMoin's smileys as the signs a reader sees: a status key names what each means in its page.
_SMILEYS = {"(./)": "✔", "/!\\": "⚠", "{X}": "❌", "{OK}": "👍", "(!)": "❗", "{i}": "ℹ"}
_SMILEY = re.compile("|".join(re.escape(s) for s in _SMILEYS))


def looks_like_moinmoin(lines: list[str]) -> bool:
    """A processing instruction or a `||` table, and two constructs only MoinMoin writes."""
    stripped = [line.strip() for line in lines]
    framed = any(_INSTRUCTION.match(line) for line in stripped[:8]) or any(
        line.startswith("||") and line.endswith("||") for line in stripped
    )
    return framed and sum(1 for line in stripped if _CONSTRUCT.search(line)) >= 2


def _macro(match: re.Match[str]) -> str:
    name, argument = match[1].lower(), (match[2] or "").strip()
    if name == "br":
        return " "
    return argument if name in ("datetime", "date") else ""


def inline(text: str) -> str:
    """Inline MoinMoin as Markdown: macros to what they show, links to their text, struck text as
    Markdown strikethrough, small and big text as text, bold, italic, smileys as signs."""
    text = _MACRO.sub(_macro, text)
    text = PIPED_LINK.sub(r"\1", text)
    text = _STRUCK.sub(r"~~\1~~", _SIZED.sub(r"\1", text))
    text = _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text))
    return _SMILEY.sub(lambda m: _SMILEYS[m[0]], text).rstrip()


def _cells(row: str) -> tuple[list[str], bool]:
    """A row's cells without their looks, and whether it is a header row (every cell bold)."""
    cells = [_CELL_LOOKS.sub("", cell).strip() for cell in row.strip()[2:-2].split("||")]
    header = all(re.fullmatch(r"'''[^']+'''", cell) for cell in cells if cell) and any(cells)
    return [inline(cell.strip("'") if header else cell) for cell in cells], header


def read_moinmoin(lines: list[str]) -> list[tuple[int, str]]:
    """The page's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("||") and line.endswith("||") and len(line) > 3:
            cells, header = _cells(line)
            table.add(number, cells, header and not table.rows)
            continue
        table.end()
        heading = _HEADING.match(line)
        if _INSTRUCTION.match(line) or _COMMENT.match(line) or _PREFORMATTED.match(line) or line == "----":
            out.append((number, ""))
        elif heading:
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif listed := _LIST.match(raw.rstrip()):
            depth = "  " * (len(listed[1].expandtabs(1)) - 1)
            marker = "-" if listed[2] in ("*", ".") else "1."
            out.append((number, f"{depth}{marker} {inline(listed[3])}"))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
