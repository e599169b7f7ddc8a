"""Wikidot markup (a page's source, as the site's backup or the page's "view source" gives it)
read as the Markdown it means, line numbers kept.

A Wikidot page writes headings by plus signs (`+ Headlines`, `++ Incidents`), tables as
`||~ Header ||` and `|| cell ||` rows, a struck value between double hyphens (`--07/03-- 04/04`),
italics between double slashes, a numbered item by `#`, a user as `[[*user name]]`, a styled
status as `[[span class="rag-a"]]A[[/span]]`, a timestamp as `[[date 1741938300 …]]`, links as
`[[[page|text]]]` and `[url text]`, comments as `[!-- … --]`, and modules, includes and blocks
(`[[include :site:head |no=46 |term=… ]]`, `[[toc]]`, `[[div …]]`). Read as plain text (w45-b)
the headings were none, the rows one run of bars, every status wrapped in its span and a
numbered item a heading.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from index.wikitext import PipeTable, split_outside_links

_HEADING = re.compile(r"^(\+{1,6})\s+(\S.*)$")
_BLOCK_TAG = re.compile(
    r"^\[\[/?(?:include|toc|div|collapsible|footnoteblock|module|size|tabview|tab)\b.*$", re.I
)
# What only Wikidot writes.
_CONSTRUCT = re.compile(
    r"\[\[(?:\*user|include|toc|span|/span|size|date|footnote|collapsible|module)\b", re.I
)
_COMMENT = re.compile(r"\[!--.*?--\]")
_USER = re.compile(r"\[\[\*?user\s+([^\]]+)\]\]", re.I)
_DATE = re.compile(r"\[\[date\s+(\d{9,11})\b[^\]]*\]\]", re.I)
_TAG = re.compile(r"\[\[/?[a-z]+(?:\s[^\]]*)?\]\]", re.I)
_PAGE_LINK = re.compile(r"\[\[\[([^\]|]*)(?:\|([^\]]*))?\]\]\]")
_URL_LINK = re.compile(r"\[(?:https?://|/)\S+\s+([^\]]+)\]")
_STRUCK = re.compile(r"(?<![-\w])--(?=\S)(.+?)(?<=\S)--(?![-\w])")
_ITALIC = re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")
_MONO = re.compile(r"\{\{(.+?)\}\}")
_RAW = re.compile(r"@@(.+?)@@")
_INCLUDE_PARAMETER = re.compile(r"^\|\s*(\w+)\s*=\s*(.*)$")
_MIN_CONSTRUCTS = 2


def looks_like_wikidot(lines: list[str]) -> bool:
    """Wikidot's own tags, and a `+` heading or a `||` row to read."""
    if sum(bool(_CONSTRUCT.search(line)) for line in lines) < _MIN_CONSTRUCTS:
        return False
    return any(_HEADING.match(line) or line.startswith("||") for line in lines)


def _date(match: re.Match[str]) -> str:
    return datetime.fromtimestamp(int(match[1]), UTC).strftime("%Y-%m-%d")


def _inline(text: str) -> str:
    text = _COMMENT.sub("", text)
    text = _USER.sub(r"\1", text)
    text = _DATE.sub(_date, text)
    text = _PAGE_LINK.sub(lambda m: m[2] or m[1], text)
    text = _URL_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRUCK.sub(r"~~\1~~", text)
    text = _ITALIC.sub(r"*\1*", text)
    text = _MONO.sub(r"`\1`", text)
    return _RAW.sub(r"\1", text).rstrip()


def read_wikidot(lines: list[str]) -> list[tuple[int, str]]:
    """The page's lines as Markdown, each under its source line number (1-based); an include's
    parameters as fields (`term: Semester 2, week 7`), comments and block tags blank."""
    out: list[tuple[int, str]] = []
    table = PipeTable(out)
    in_comment = False
    in_include = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if in_comment:
            in_comment = "--]" not in line
            line = line.split("--]", 1)[1] if not in_comment else ""
        if "[!--" in line and "--]" not in line.split("[!--", 1)[1]:
            line, in_comment = line.split("[!--", 1)[0], True
        if line.startswith("||"):
            header = line.startswith("||~")
            cells = split_outside_links(line.strip().strip("|"), "||")
            table.add(number, [_inline(cell.lstrip("~").strip()) for cell in cells], header)
            continue
        table.end()
        if line.lower().startswith("[[include"):
            in_include = not line.endswith("]]")
            out.append((number, ""))
            continue
        if in_include:
            parameter = _INCLUDE_PARAMETER.match(line.strip())
            in_include = not line.strip().endswith("]]")
            out.append((number, f"{parameter[1]}: {_inline(parameter[2])}" if parameter else ""))
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append((number, f"{'#' * len(heading[1])} {_inline(heading[2])}"))
        elif _BLOCK_TAG.match(line.strip()) or re.fullmatch(r"-{4,}", line.strip()):
            out.append((number, ""))
        elif line.startswith("# "):
            out.append((number, f"1. {_inline(line[2:])}"))
        else:
            out.append((number, _inline(line)))
    table.end()
    return out
