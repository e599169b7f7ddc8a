"""A Stata log (`log using …, text`: a do-file run each week that prints a team's tracker and
notes) read as the report it prints, line numbers kept.

Read as it stands the report hid behind the session: every command echoed after its `. ` prompt
(`. use "$trk\\ws_tracker.dta", clear`, `. quietly count if …`), the team's notes only as comments
on those prompts (`. * WS02 HEARTSAFE: Amber - UAT raised …`) and wrapped onto `> ` lines mid-
sentence, the tracker as `list`'s box (`| WS01    FALCON-2 database lock      29nov2024   Green |`)
whose columns only spaces part (w54-f). Here a comment is a note (a list item: each its own, not
one paragraph with the next), its wrapped lines joined to it
(they stand blank); a `---- 2. Query metrics ----` comment is a heading; every other command, the
log's own header lines and rules are blank; a listing's box is a pipe table under its header row.
What a command printed (`display`'s lines, `tab`'s counts) stays as printed.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(?:name|log|log type|opened on|closed on):\s")
_PROMPT = re.compile(r"^\. ?(.*)$")
_COMMENT = re.compile(r"^\*+\s?(.*)$")
_CONTINUED = re.compile(r"^> ?(.*)$")
_SECTION = re.compile(r"^(?:-{2,}|={2,})\s*(.+?)\s*(?:-{2,}|={2,})$")
_RULE = re.compile(r"^\s*-{20,}\s*$")
_BOX_EDGE = re.compile(r"^\s*\+-+\+\s*$")
_BOX_RULE = re.compile(r"^\s*\|-+\|\s*$")
_BOX_ROW = re.compile(r"^\s*(?:\d+\.\s*)?\|(.*)\|\s*$")
_COLUMN_GAP = re.compile(r"\s{2,}")
_LABEL = re.compile(r"^\(.*\)$")


def looks_like_stata_log(lines: list[str]) -> bool:
    """The log's header (`log type:  text`, `opened on:  27 Sep 2024, 10:05:33`) in its first
    lines, and commands after the `. ` prompt below it."""
    head = [line.strip() for line in lines[:12]]
    if not any(line.startswith("log type:") for line in head):
        return False
    if not any(line.startswith("opened on:") for line in head):
        return False
    return sum(line.startswith(". ") for line in lines) >= 3


def read_stata_log(lines: list[str]) -> list[tuple[int, str]]:
    """The printed report: notes, headings, a listing as a pipe table, printed output; each line
    under its own number (1-based), the lines joined to a note blank."""
    out: list[tuple[int, str]] = []
    joined_to: int | None = None  # the index in `out` of the note a `> ` line continues
    command = ""  # the last command's text (a dataset's label line follows `use`)
    columns = 0  # the open listing's columns, once its header row is read
    opened = False  # the first session's `opened on:` line is kept; a later session's is blank
    separated = False  # the header's rule is the delimiter row; later rules (`sep(5)`) are blank
    for number, line in enumerate(lines, start=1):
        continued = _CONTINUED.match(line)
        if continued and joined_to is not None:
            if joined_to >= 0:
                at, text = out[joined_to]
                out[joined_to] = (at, f"{text} {continued[1].strip()}".rstrip())
            out.append((number, ""))
            continue
        joined_to = None
        prompt = _PROMPT.match(line) if line.startswith(".") else None
        if prompt is not None:
            command = prompt[1].strip()
            comment = _COMMENT.match(command)
            if comment is None:
                joined_to = -1  # a command wrapped onto `> ` lines: blank too
                out.append((number, ""))
                continue
            text = comment[1].strip()
            section = _SECTION.match(text)
            if section:
                text = ("# " if text.startswith("=") else "## ") + section[1]
            elif text:
                text = f"- {text}"  # each comment a note of its own, not one paragraph with the next
            out.append((number, text))
            joined_to = len(out) - 1 if text and not section else -1
            continue
        if _HEADER.match(line):
            first_opening = not opened and line.lstrip().startswith("opened on")
            opened = opened or first_opening
            # (the first session's opening stamp stays: the log's day)
            out.append((number, line if first_opening else ""))
            continue
        if _RULE.match(line) or _BOX_EDGE.match(line):
            if _BOX_EDGE.match(line):
                columns, separated = 0, False
            out.append((number, ""))
            continue
        if _BOX_RULE.match(line):
            out.append((number, "|" + " --- |" * columns if columns and not separated else ""))
            separated = separated or bool(columns)
            continue
        row = _BOX_ROW.match(line)
        if row:
            cells = [cell for cell in _COLUMN_GAP.split(row[1].strip()) if cell]
            columns = columns or len(cells)
            out.append((number, "| " + " | ".join(cells) + " |"))
            continue
        if command.startswith("use") and _LABEL.match(line.strip()):
            out.append((number, ""))  # the dataset's label, printed as it is opened
            continue
        out.append((number, line))
    return out
