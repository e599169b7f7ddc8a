"""A post archived from an API as its record: field lines, then the post's text under a marker line.

An archiver that pulls posts through a portal's REST API (a Bitrix24 feed's `log.blogpost.get`, a
forum's or CMS's post export) writes each one as the record the API returned: `ID: 18211`,
`TITLE: Weekly Flash #31`, `DATE_PUBLISH: 2025-03-07T17:48:05+04:00`, ... then `==== DETAIL_TEXT ====`
over the post's own text (often in the portal's BBCode), the comments under `==== COMMENTS (1) ====`,
each headed `#77410 | AUTHOR_ID 64 | AUTHOR_NAME … | <stamp>`. Read raw, the archiver's banner line is
the title, its run stamp the report's day, and `ID: 18211` a metric. Read here: the title field is
the title, the publish stamp the report's day, the other fields blank, the markers blank (the comments
one a heading), each comment's header a line naming its author and day; the text read as BBCode when
it is. Each line keeps its number.
"""

from __future__ import annotations

import re

from index.bbcode import looks_like_bbcode, read_bbcode

# An API field as the record writes it: an upper-case name, a colon, its value.
_FIELD = re.compile(r"^([A-Z][A-Z0-9_]{1,40}):\s?(.*)$")
_MARKER = re.compile(r"^\s*={3,}\s*([A-Z][A-Z_]*(?:\s*\(\d+\))?)\s*={3,}\s*$")
_BANNER = re.compile(r"^\s*#")  # the archiver's own comment line over the record
_FIELDS_TO_TELL = 5
_TITLE_KEYS = frozenset(["TITLE", "SUBJECT", "NAME"])
_DATE_KEY = re.compile(r"(?:^|_)(?:DATE|PUBLISHED|CREATED|POSTED)(?:_|$)")
_COMMENT_HEAD = re.compile(r"^#\d+\s*\|(.*)$")
_AUTHOR = re.compile(r"AUTHOR_NAME\s+([^|]+)")


def looks_like_record_dump(lines: list[str]) -> bool:
    """A run of field lines at the top (a banner line may stand over it) closed by a marker line."""
    start = 1 if lines and _BANNER.match(lines[0]) else 0
    fields = 0
    for line in lines[start : start + 60]:
        if _FIELD.match(line):
            fields += 1
            continue
        return fields >= _FIELDS_TO_TELL and _MARKER.match(line) is not None
    return False


def read_record_dump(lines: list[str]) -> list[tuple[int, str]]:
    """The record as a report: its title a heading, its publish day a dated line, its text."""
    out: list[tuple[int, str]] = []
    start = 1 if _BANNER.match(lines[0]) else 0
    out += [(1, "")] * start
    number = start
    dated = False
    for number, line in enumerate(lines[start:], start=start + 1):
        field = _FIELD.match(line)
        if field is None:
            break
        key, value = field[1], field[2].strip()
        if key in _TITLE_KEYS and value:
            out.append((number, f"# {value}"))
        elif _DATE_KEY.search(key) and value and not dated:
            out.append((number, f"Date: {value}"))
            dated = True
        else:
            out.append((number, ""))
    # (`number` is the marker line's: the loop stops there, `looks_like_record_dump` saw one)
    text = lines[number - 1 :]
    read = read_bbcode(text) if looks_like_bbcode(text) else list(enumerate(text, start=1))
    for index, line in read:
        source = index + number - 1
        out.append((source, _body_line(lines[source - 1], line)))
    return out


def _body_line(raw: str, read: str) -> str:
    marker = _MARKER.match(raw)
    if marker is not None:
        return "## Comments" if marker[1].startswith("COMMENTS") else ""
    head = _COMMENT_HEAD.match(raw)
    if head is not None:
        author = _AUTHOR.search(head[1])
        stamp = head[1].rsplit("|", 1)[-1].strip()
        return f"Comment by {author[1].strip() if author else 'a reader'}, {stamp}:"
    return read
