"""BBCode text (a forum post's or an electronic logbook's source: phpBB, Discuz, SMF, ELOG's ELCode)
read as the Markdown it means, line numbers kept.

Such a source marks up with bracketed tags, `[B]…[/B]`, `[COLOR=orange]AMBER[/COLOR]`,
`[URL=…]text[/URL]`, a list as `[LIST]` over `[*] item` lines, and ELOG a table as `[TABLE]` over
rows whose cells are split by bars, a `|-` line between rows (phpBB and Bitrix24 a row per line, its
cells in `[TD]` tags, the first row the header). Read raw, the tags split the words a
reader looks for (`[COLOR=orange]AMBER[/COLOR]` is no status word, `[B]2. Upgrade projects[/B]` no
heading) and a table is no table. Each source line becomes the Markdown line that says the same,
under its own number; a row separator says nothing and is left out (the header's becomes the
Markdown table's rule), so citations still point at the file's own lines.
"""

from __future__ import annotations

import re

from index.wikitext import starred_item

_TAG = re.compile(
    r"\[/?(?:b|i|u|s|size|color|colour|font|center|left|right|quote|code|list|url|img|email|table|line|h[1-6])"
    r"(?:=[^\]]*)?\]|\[\*\]",
    re.I,
)
_TAGS_TO_TELL = 6  # tags at least, of two kinds or more, before a text is read as BBCode
_BOLD = re.compile(r"\[b\](.*?)\[/b\]", re.I)
_ITALIC = re.compile(r"\[i\](.*?)\[/i\]", re.I)
_LINK = re.compile(r"\[url=[^\]]*\](.*?)\[/url\]|\[url\](.*?)\[/url\]", re.I)
_EMAIL = re.compile(r"\[email(?:=[^\]]*)?\](.*?)\[/email\]", re.I)
_IMAGE = re.compile(r"\[img(?:=[^\]]*)?\].*?\[/img\]", re.I)
_PLAIN_TAG = re.compile(
    r"\[/?(?:u|s|size|color|colour|font|center|left|right|quote|code|user|h[1-6])(?:=[^\]]*)?\]", re.I
)
# An attachment the portal shows as a file box (Bitrix24's `[DISK FILE ID=n48211]`): no words.
_ATTACHMENT = re.compile(r"\[disk\s+file\s+id=[^\]]*\]", re.I)
# A row written with its cell tags on one line (phpBB's and Bitrix24's `[TR][TD]…[/TD][/TR]`).
_TAGGED_CELL = re.compile(r"\[t[dh](?:=[^\]]*)?\](.*?)\[/t[dh]\]", re.I)
_TAGGED_ROW = re.compile(r"^\s*\[tr\]", re.I)
_LIST_LINE = re.compile(r"^\s*\[/?list(?:=[^\]]*)?\]\s*$", re.I)
_ITEM = re.compile(r"^\s*\[\*\]\s*")
_TABLE_OPEN = re.compile(r"^\s*\[table(?:\s[^\]]*|=[^\]]*)?\]\s*(.*)$", re.I)
_TABLE_CLOSE = re.compile(r"^(.*?)\[/table\]\s*$", re.I)
_ROW_RULE = re.compile(r"^\s*\|-+\s*$")
_RULE = re.compile(r"^\s*\[line\]\s*$", re.I)


def looks_like_bbcode(lines: list[str]) -> bool:
    """Enough bracketed tags, of more than one kind, to be a BBCode source."""
    found = [m[0].lower().strip("[]/").split("=")[0] for line in lines for m in _TAG.finditer(line)]
    return len(found) >= _TAGS_TO_TELL and len(set(found)) >= 2


def inline(text: str) -> str:
    """Inline BBCode as Markdown: bold and italic kept, links to their text, the rest to its words."""
    text = _ATTACHMENT.sub("", _IMAGE.sub("", text))
    text = _LINK.sub(lambda m: m[1] if m[1] is not None else m[2], text)
    text = _EMAIL.sub(r"\1", text)
    text = _PLAIN_TAG.sub("", text)
    text = _BOLD.sub(r"**\1**", text)
    return _ITALIC.sub(r"*\1*", text)


def _cells(text: str) -> list[str]:
    tagged = _TAGGED_CELL.findall(text) if _TAGGED_ROW.match(text) else []
    return [inline(cell).strip().strip("*").strip() for cell in tagged or text.split("|")]


def read_bbcode(lines: list[str]) -> list[tuple[int, str]]:
    """Each line as Markdown under its 1-based number; a table's rows as Markdown rows."""
    out: list[tuple[int, str]] = []
    in_table = False
    header_ruled = False
    width = 0
    for number, raw in enumerate(lines, start=1):
        opened = _TABLE_OPEN.match(raw)
        if opened and not in_table:
            in_table, header_ruled, width = True, False, 0
            raw = opened[1]
            if not raw.strip():
                out.append((number, ""))
                continue
        if in_table:
            closed = _TABLE_CLOSE.match(raw)
            row = closed[1] if closed else raw
            if _ROW_RULE.match(row):
                if not header_ruled and width:
                    out.append((number, "| " + " | ".join(["---"] * width) + " |"))
                    header_ruled = True
            elif row.strip():
                cells = _cells(row)
                out.append((number, "| " + " | ".join(cells) + " |"))
                if not width and _TAGGED_ROW.match(row):
                    # (rows in cell tags have no rule line under the header: the first row is it)
                    out.append((number, "| " + " | ".join(["---"] * len(cells)) + " |"))
                    header_ruled = True
                width = width or len(cells)
            else:
                out.append((number, ""))
            if closed:
                in_table = False
            continue
        if _LIST_LINE.match(raw) or _RULE.match(raw):
            out.append((number, ""))
            continue
        item = _ITEM.match(raw)
        text = starred_item("*", raw[item.end() :]) if item else raw
        out.append((number, inline(text).rstrip()))
    return out
