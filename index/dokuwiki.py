"""DokuWiki page source read as the Markdown it means, line numbers kept.

NGO, lab and school wikis run DokuWiki, and a page saved as its source (`.txt`) writes headings
with the most equals signs at the top (`====== Title ======` is the page title, `== x ==` the
smallest), tables with `^` header cells (`^ Workstream ^ RAG ^`), lists indented two spaces per
level, `//italic//`, `[[ns:page|text]]` links, `<del>old</del>` for a struck value and plugin
markup (`<WRAP …>`, `<todo>`, `{{tag>…}}`, a `---- dataentry ----` block of `key : value`
fields). Read as MediaWiki (its headings look alike, and `{{tag>…}}` like a template) the title
became the deepest heading and the first subsection swallowed the page. Each source line becomes
the Markdown line that says the same, under its own number, so citations still point at the
file's own lines (the verifier reads the file through this same conversion).
"""

from __future__ import annotations

import re

from index.wikitext import PipeTable

_HEADING = re.compile(r"^(={2,6})\s*([^=\s].*?)\s*={2,6}\s*$")
_TABLE_ROW = re.compile(r"^[\^|].*[\^|]$")
_LIST = re.compile(r"^( {2,}|\t+)([*-])\s+(.*)$")
# What only DokuWiki writes: a `^` header row, a plugin's markup, a data entry block.
_CONSTRUCT = re.compile(r"^\^.*\^$|^</?WRAP\b|^-{4}\s*dataentry\b|\{\{tag>|<todo\b|</todo>")
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_ITALIC = re.compile(r"(?<![:/])//(\S(?:.*?\S)?)//")
_PLUGIN = re.compile(r"\{\{tag>[^}]*\}\}|\{\{[^}]*\}\}|</?WRAP[^>]*>|<todo[^>]*>|</todo>")
_BREAK = re.compile(r"\\\\(?=\s|$)")  # a forced line break
_DEL = re.compile(r"<del>(.*?)</del>")
_DATA_FIELD = re.compile(r"^([A-Za-z][\w-]*?)(?:_[a-z]{1,4})?\s+:\s+(.*)$")
_DATA_OPEN = re.compile(r"^-{4}\s*dataentry\b.*-{4}$")


def looks_like_dokuwiki(lines: list[str]) -> bool:
    """DokuWiki headings and a construct only DokuWiki writes, or headings whose first, the page's
    title, has the most equals signs (MediaWiki's first heading has the fewest)."""
    stripped = [line.strip() for line in lines]
    heads = [len(m[1]) for line in stripped if (m := _HEADING.match(line))]
    if not heads:
        return False
    if any(_CONSTRUCT.search(line) for line in stripped):
        return True
    return len(set(heads)) >= 2 and heads[0] >= 5 and heads[0] == max(heads) and heads.count(heads[0]) == 1


def inline(text: str) -> str:
    """Inline DokuWiki as Markdown: links to their text, italic, struck values, no plugin markup."""
    text = _LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    text = _DEL.sub(r"~~\1~~", _PLUGIN.sub("", text))
    return _BREAK.sub(" ", _ITALIC.sub(r"*\1*", text)).rstrip()


def read_dokuwiki(lines: list[str]) -> list[tuple[int, str]]:
    """The document's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    in_data = False

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if _TABLE_ROW.match(line):
            cells = [inline(cell.strip()) for cell in re.split(r"[\^|]", line[1:-1])]
            table.add(number, cells, line.startswith("^"))
            continue
        table.end()
        if _DATA_OPEN.match(line):
            in_data = True
            out.append((number, ""))
            continue
        if in_data:
            field = _DATA_FIELD.match(line)
            in_data = line != "----"
            out.append((number, f"{field[1]}: {inline(field[2])}" if field else ""))
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append((number, "#" * (7 - len(heading[1])) + " " + inline(heading[2])))
        elif line == "----":
            out.append((number, ""))  # a rule; under a line Markdown would read it as a heading's
        elif listed := _LIST.match(raw.rstrip()):
            depth = "  " * max(0, len(listed[1].expandtabs(2)) // 2 - 1)
            marker = "-" if listed[2] == "*" else "1."
            out.append((number, f"{depth}{marker} {inline(listed[3])}"))
        else:
            out.append((number, inline(raw)))
    table.end()
    return out
