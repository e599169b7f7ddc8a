"""Which heading syntax a report writes, and its heading lines read in that syntax.

Markdown is the default; Textile (Redmine wikis: `h2. Title`, where a `# ` line is a numbered item)
and Emacs org-mode (`** Title`, where a `# ` line is a comment and `#+KEY:` lines are metadata) are
told apart once per document so that `parse` reads every line the way its author wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import FrontValue

_ATX = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# A heading's attribute block (Pandoc, kramdown, Docusaurus, Wiki.js: `## 假期值班 {#oncall}`, `# 指标
# {.tabset}`): an anchor and a class, no words of its title (`oncall` made it an incidents heading).
_HEADING_ATTRIBUTES = re.compile(r"\s*\{\s*[#.][\w:.-]+(?:\s+[#.]?[\w:.=\"'-]+)*\s*\}\s*$")
# Textile's headings (Redmine and Textpattern wikis): `h2. Tracked workstreams`.
_TEXTILE = re.compile(r"^h([1-6])\.\s+(\S.*?)\s*$")
# AsciiDoc: `= Document title`, `== Section`, `=== Subsection` (no closing run: `== X ==` is a wiki's).
_ASCIIDOC = re.compile(r"^(={1,6})\s+(\S(?:.*?[^=\s])?)\s*$")
_ASCIIDOC_ATTRIBUTE = re.compile(r"^:[\w-]+:(?:\s|$)")


# Emacs org-mode: `#+TITLE:` keyword lines, headings by stars (`** WIP [#A] BLE updates [3/7]
# :ota:`) whose title sits between a TODO keyword and a priority before it and tags after it.
_ORG_KEYWORD_LINE = re.compile(r"^#\+([A-Za-z_]+):\s*(.*?)\s*$")
_ORG_HEADING = re.compile(r"^(\*+)\s+(\S.*?)\s*$")
_ORG_PRIORITY = re.compile(r"^\[#[A-Z0-9]\]\s*")
_ORG_TAGS = re.compile(r"\s+:(?:[\w@#%]+:)+$")
ORG_TODO_WORDS = frozenset(
    [
        "TODO",
        "NEXT",
        "DOING",
        "STARTED",
        "WIP",
        "WAIT",
        "WAITING",
        "HOLD",
        "BLOCKED",
        "DONE",
        "CANCELLED",
        "CANCELED",
    ]
)


@dataclass(frozen=True)
class Dialect:
    """Which heading syntax a document writes: Markdown (the default), Textile (`h2. Title`, a
    `# ` line is a numbered item), org-mode (`** Title`, a `# ` line is a comment) or AsciiDoc
    (`== Title`)."""

    name: str = "markdown"
    todo_words: frozenset[str] = ORG_TODO_WORDS


MARKDOWN = Dialect()


def dialect_of(lines: list[tuple[int, str]]) -> Dialect:
    org_keywords = [m for _, text in lines[:40] if (m := _ORG_KEYWORD_LINE.match(text))]
    if org_keywords and any(_ORG_HEADING.match(text) for _, text in lines):
        declared = {
            word.upper()
            for m in org_keywords
            if m[1].upper() in ("TODO", "SEQ_TODO", "TYP_TODO")
            for word in re.findall(r"[A-Za-z]+", m[2])
        }
        return Dialect("org", ORG_TODO_WORDS | declared)
    if any(_TEXTILE.match(text) for _, text in lines):
        return Dialect("textile")
    if _asciidoc(lines):
        return Dialect("asciidoc")
    return MARKDOWN


def _asciidoc(lines: list[tuple[int, str]]) -> bool:
    """An AsciiDoc document: its first line a `= Title`, and `== Section` lines or `:attribute:`
    lines (`:revdate: 06/09/2024`) under it."""
    texts = [text for _, text in lines if text.strip()]
    if not texts or not re.match(r"^=\s+\S", texts[0]):
        return False
    sections = sum(1 for text in texts if (m := _ASCIIDOC.match(text)) and len(m[1]) >= 2)
    return sections >= 1 or any(_ASCIIDOC_ATTRIBUTE.match(text) for text in texts[1:6])


def org_title(title: str, todo_words: frozenset[str] = ORG_TODO_WORDS) -> str:
    """An org heading's title without its TODO keyword, priority and tags (the keyword is read as
    the item's state by `mention_layout`)."""
    keyword, _, rest = title.partition(" ")
    if keyword in todo_words and rest.strip():
        title = rest.strip()
    return _ORG_TAGS.sub("", _ORG_PRIORITY.sub("", title)).strip()


def heading_line(stripped: str, dialect: Dialect = MARKDOWN) -> tuple[int, str] | None:
    """(level, title) of a Markdown `## Title`, a Textile `h2. Title` or an org `** Title` line."""
    if dialect.name == "org":
        match = _ORG_HEADING.match(stripped)
        if match is None:
            return None
        title = org_title(match[2], dialect.todo_words)
        return (len(match[1]), title) if title else None
    if dialect.name == "asciidoc":
        found = _ASCIIDOC.match(stripped)
        return (len(found[1]), found[2]) if found else None
    match = None if dialect.name == "textile" else _ATX.match(stripped)
    if match and match[2].count("|") >= 2:
        match = None  # `# | Issue | Owner | Termin`: a table's `#` column header, not a heading
    if match:
        return len(match[1]), _HEADING_ATTRIBUTES.sub("", match[2]).strip()
    match = _TEXTILE.match(stripped)
    return (int(match[1]), match[2]) if match else None


def org_keywords(
    lines: list[tuple[int, str]], limit: int
) -> tuple[dict[str, FrontValue], list[tuple[int, str]]]:
    """An org file's leading `#+KEY: value` lines (`#+DATE: <2024-09-13 Fri>`) as front matter:
    the report's metadata, never a project's field line."""
    front: dict[str, FrontValue] = {}
    for index, (_, text) in enumerate(lines):
        match = _ORG_KEYWORD_LINE.match(text.strip())
        if match is not None:
            front.setdefault(match[1].lower(), match[2].strip("<>[] ")[:limit])
        elif text.strip():
            return front, lines[index:]
    return front, []
