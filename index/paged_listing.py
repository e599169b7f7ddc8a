"""A report writer's paged listing (a SAS job's `.lst`, a report program's print file saved as text)
read as the report it prints, line numbers kept.

Such a listing starts each page with a form feed and repeats the page's running head on it: the
report's title with the run's time, date and page number at the right margin, its subtitle, then
the page's own title (`Section 2 - Decisioning & model monitoring`). Read as it stands the running
head was body text on every page, its run date the report's (a pack run on Monday for the week
that ended on Friday), and no page title was a heading, so the whole listing was one section named
by its first line. Here the running lines are kept once, the title without its run stamp and page
number; a page's own title becomes a heading.
"""

from __future__ import annotations

import re
from collections import Counter

_FEED = "\f"
_MIN_PAGES = 2
_HEAD_LINES = 6  # a page's head: its first lines up to the first blank one
# the run stamp and page number at a title's right margin: `16:51 Friday, March 21, 2025   1`
_RIGHT_MARGIN = re.compile(r"\s{3,}\S.*$")
_DIGITS = re.compile(r"\d+")
# a legend or a field line in a page's head is no page title: `RAG: G=on track  A=at risk`, `Run: 3`
_NOT_TITLE = re.compile(r"\w\s?=\s?\w|^[^:]{1,12}:\s")


def _pages(lines: list[str]) -> list[int]:
    """The index of each page's first line (the first page's is 0)."""
    return [0] + [at for at, line in enumerate(lines) if at and line.startswith(_FEED)]


def _head(lines: list[str], start: int) -> list[int]:
    """The indexes of a page's head lines: from its first non-blank line to the next blank one."""
    at = start
    while at < len(lines) and not lines[at].replace(_FEED, "").strip():
        at += 1
    head: list[int] = []
    while at < len(lines) and lines[at].replace(_FEED, "").strip() and len(head) < _HEAD_LINES:
        head.append(at)
        at += 1
    return head


def _key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line.replace(_FEED, "")).split())


def looks_like_paged_listing(lines: list[str]) -> bool:
    """Two pages or more, opened by form feeds, whose first lines are the same running title (its
    figures aside: the page number, the run's time)."""
    starts = _pages(lines)
    if len(starts) < _MIN_PAGES or not any(line.startswith(_FEED) for line in lines):
        return False
    firsts = [_key(lines[head[0]]) for start in starts if (head := _head(lines, start))]
    return len(firsts) >= _MIN_PAGES and firsts.count(firsts[0]) >= _MIN_PAGES and len(firsts[0]) > 8


def read_paged_listing(lines: list[str]) -> list[tuple[int, str]]:
    """The listing's lines, each under its source line number (1-based): the running head once (its
    first line a `#` title without the run stamp at its margin), each page's own title a `##` heading."""
    out = [line.replace(_FEED, "").rstrip() for line in lines]
    heads = [_head(lines, start) for start in _pages(lines)]
    seen = Counter(_key(lines[at]) for head in heads for at in head)
    shown: set[str] = set()
    for number, head in enumerate(heads):
        for place, at in enumerate(head):
            key, text = _key(lines[at]), out[at].strip()
            if seen[key] >= _MIN_PAGES:  # a running line: once, the first as the title
                if key in shown:
                    out[at] = ""
                elif number == 0 and place == 0:
                    out[at] = "# " + _RIGHT_MARGIN.sub("", text)
                else:
                    out[at] = text
                shown.add(key)
            elif not _NOT_TITLE.search(text) and len(text) <= 120:
                out[at] = "## " + text
    return list(enumerate(out, start=1))
