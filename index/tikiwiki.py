"""Tiki Wiki pages as Tiki dumps them (a MIME envelope per page version, `application/x-tikiwiki`,
PhpWiki's format) read as the Markdown they mean, line numbers kept.

The envelope is the dump's, not the report's: its `Date:` is the day the page was exported (every
page of a dump shares it), so its lines are left out, and of a page dumped with its history only
the newest version (the highest `version=`) is read: an older draft below it says what the page
no longer says. Tiki writes headings by exclamation marks, the fewest at the top (`!! Workstreams`),
a table as one `||…||` block whose rows are lines and whose cells are split by single bars,
`__bold__`, coloured text as `~~#E69500:AMBER~~`, `%%%` for a line break in a cell, `~tc~ … ~/tc~`
comments nobody sees, `((Page))` links and `{maketoc}`-style plugins. Each source line becomes the
Markdown line that says the same, under its own number, so citations still point at the file's
own lines (the verifier reads the file through this same conversion).
"""

from __future__ import annotations

import re

from index.wikitext import pipe_rows, starred_item

_PAGE_TYPE = re.compile(r"^Content-Type:\s*application/x-(?:tiki|php)wiki\b", re.I)
_BOUNDARY = re.compile(r"^--=?_[\w.=-]*$")
_VERSION = re.compile(r"^\s+version=(\d+)", re.I)
_HEADING = re.compile(r"^(!{1,6})[-+]?\s*(\S.*?)\s*$")
_LIST = re.compile(r"^([*#]+)\s*(.*)$")
_PLUGIN_LINE = re.compile(r"^\{[A-Za-z_]+(?:\([^)]*\))?\}$|^-{3,}$")
_COMMENT = re.compile(r"~tc~.*?~/tc~")
_COLOURED = re.compile(r"~~(?:#[0-9a-f]{3,6}|[a-z]+)(?::|,)\s*(.*?)~~", re.I)
_NO_PARSE = re.compile(r"~/?np~")
_BOLD = re.compile(r"__(.+?)__")
_ITALIC = re.compile(r"''(.+?)''")
_WIKI_LINK = re.compile(r"\(\(([^()|]*?)(?:\|([^()]*?))?\)\)")
_LINK = re.compile(r"\[(?:https?://|mailto:)[^\]|]*\|([^\]]*)\]")
_TITLE_BAR = re.compile(r"-=(.+?)=-")
_MONO = re.compile(r"-\+(.+?)\+-")


def looks_like_tikiwiki(lines: list[str]) -> bool:
    """A page dumped by Tiki (or PhpWiki): its MIME part's content type says so near the top."""
    return any(_PAGE_TYPE.match(line) for line in lines[:12])


def inline(text: str) -> str:
    """Inline Tiki as Markdown: comments gone, coloured text to its text, links to their text."""
    text = _COMMENT.sub("", text)
    text = _COLOURED.sub(r"\1", _NO_PARSE.sub("", text))
    text = _WIKI_LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    text = _LINK.sub(r"\1", text)
    text = _MONO.sub(r"`\1`", _TITLE_BAR.sub(r"\1", text))
    text = text.replace("%%%", "; ")
    text = _BOLD.sub(r"**\1**", text)
    return _ITALIC.sub(r"*\1*", text).rstrip()


def _parts(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first body line, end, version) of each page version in the dump, 0-based and end-exclusive."""
    starts = [i for i, line in enumerate(lines) if _PAGE_TYPE.match(line)]
    parts = []
    for k, start in enumerate(starts):
        version, body = 0, start
        while body < len(lines) and lines[body].strip():
            found = _VERSION.match(lines[body])
            version = int(found[1]) if found else version
            body += 1
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while end > body and (_BOUNDARY.match(lines[end - 1].strip()) or not lines[end - 1].strip()):
            end -= 1  # the boundary before the next part
        parts.append((body, end, version))
    return parts


def read_tikiwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The newest page version's lines as Markdown, each under its source line number (1-based);
    the envelope and older versions blank."""
    parts = _parts(lines)
    first, end, _ = max(parts, key=lambda part: part[2]) if parts else (0, len(lines), 0)
    out: list[tuple[int, str]] = [(n, "") for n in range(1, first + 1)]
    rows: list[tuple[int, list[str], bool]] = []  # the open table's, until its closing `||`
    for index in range(first, end):
        number, raw = index + 1, lines[index].rstrip("\r\n")
        line = raw.strip()
        if line.startswith("||") or rows:
            body = line[2:] if line.startswith("||") and not rows else line
            closes = body.endswith("||")
            raw_cells = (body[:-2] if closes else body).split("|")
            header = not rows and all(c.strip().startswith("__") for c in raw_cells if c.strip())
            cells = [inline(cell.strip()) for cell in raw_cells]
            rows.append((number, [c.replace("**", "") if header else c for c in cells], header))
            if closes:
                out.extend(pipe_rows(rows))
                rows.clear()
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append((number, "#" * len(heading[1]) + " " + inline(heading[2])))
        elif _PLUGIN_LINE.match(line) or _BOUNDARY.match(line) or not _COMMENT.sub("", line).strip():
            out.append((number, ""))
        elif listed := _LIST.match(line):
            out.append((number, starred_item(listed[1], inline(listed[2]))))
        else:
            out.append((number, inline(raw)))
    out.extend(pipe_rows(rows))
    out += [(n, "") for n in range(end + 1, len(lines) + 1)]
    return out
