"""A TaskJuggler time sheet (`tj3ts_sender`'s template, filled in and mailed back as `.tji`) read as
the Markdown it means, line numbers kept.

A time sheet is a weekly status report by design: `timesheet hollis 2025-03-03-00:00-+0000 -
2025-03-10-00:00-+0000 {` opens it, each task the resource worked on is a `task mxt.occ {` block
under a `# Task: OCC flight hours/cycles interface` comment the template writes, with the hours
booked (`work 15%`: a share of the week, not the task's progress), the effort left or the new end
date (`remaining 24.0d`, `end 2025-04-18`) and a `status red "BLOCKED – …" {` headline over
`summary -8<-` … `->8-` text in TaskJuggler's own rich text (`== Heading ==`, `* bullet`). Read
as Markdown, the template's comments were headings, the hours booked a progress figure, the status
colour a bare word and the text under four spaces a code block. Each source line becomes the
Markdown line that says the same, under its own number, so citations still point at the file's
own lines (the verifier reads the file through this same conversion).
"""

from __future__ import annotations

import re

_SHEET = re.compile(r"^\s*timesheet\s+[\w.]+\s+(\d{4}-\d{2}-\d{2}\S*)\s+-\s+(\d{4}-\d{2}-\d{2}\S*)\s*\{?\s*$")
_TASK_NAME = re.compile(r"^\s*#\s*Task:\s*(\S.*?)\s*$")
_COMMENT_HEADING = re.compile(r"^\s{0,4}#\s+([A-Z][\w ]{2,40})\s*$")  # `# Personal notes`
_COMMENT = re.compile(r"^\s*#")
_TASK = re.compile(r"^\s*task\s+[\w.]+\s*\{\s*$")
_NEW_TASK = re.compile(r'^\s*newtask\s+[\w.]+\s+"([^"]+)"\s*\{?\s*$')
_STATUS = re.compile(r'^\s*status\s+(green|yellow|red)\s+"([^"]*)"\s*\{?\s*$', re.I)
_END = re.compile(r"^\s*end\s+(\d{4}-\d{2}-\d{2})\S*\s*$")
_REMAINING = re.compile(r"^\s*remaining\s+(\d+(?:\.\d+)?)([hdwmy])\s*$")
_BOOKED = re.compile(r"^\s*work\s+\d+(?:\.\d+)?[%hd]?\s*$")
_TEXT_OPEN = re.compile(r"^\s*(?:summary|details)\s+-8<-\s*$")
_TEXT_CLOSE = re.compile(r"^\s*->8-\s*$")
_CLOSE = re.compile(r"^\s*\}\s*$")
_RICH_HEADING = re.compile(r"^(={2,4})\s*(\S.*?)\s*\1$")
_RICH_NUMBERED = re.compile(r"^#\s+(\S.*)$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks", "m": "months", "y": "years"}


def looks_like_taskjuggler(lines: list[str]) -> bool:
    """A `timesheet <resource> <start> - <end>` line and a task or status block under it."""
    return any(_SHEET.match(line) for line in lines[:40]) and any(
        _TASK.match(line) or _STATUS.match(line) for line in lines
    )


def _rich(text: str) -> str:
    """A line of TaskJuggler's rich text (inside `-8<-` … `->8-`) as Markdown."""
    heading = _RICH_HEADING.match(text)
    if heading is not None:
        return "#" * (len(heading[1]) + 1) + " " + heading[2]
    numbered = _RICH_NUMBERED.match(text)
    return f"1. {numbered[1]}" if numbered else text


def read_taskjuggler(lines: list[str]) -> list[tuple[int, str]]:
    """The sheet's lines as Markdown, each under its source line number (1-based)."""
    out: list[tuple[int, str]] = []
    in_text = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if in_text:
            in_text = not _TEXT_CLOSE.match(line)
            out.append((number, _rich(line) if in_text else ""))
            continue
        if _TEXT_OPEN.match(line):
            in_text = True
            out.append((number, ""))
        elif sheet := _SHEET.match(line):
            out.append((number, f"Time sheet period: {sheet[1]} - {sheet[2]}"))
        elif name := _TASK_NAME.match(line) or _NEW_TASK.match(line):
            out.append((number, f"## {name[1]}"))
        elif status := _STATUS.match(line):
            # (the headline's own words first: `LIVE Wed 30/04` under a green light is a launch)
            out.append((number, f"- {status[2]} · Status: {status[1].casefold()}"))
        elif end := _END.match(line):
            out.append((number, f"- Target: {end[1]}"))
        elif left := _REMAINING.match(line):
            out.append((number, f"- Effort remaining: {left[1]} {_UNITS[left[2]]}"))
        elif heading := _COMMENT_HEADING.match(raw):
            out.append((number, f"## {heading[1]}"))
        elif _COMMENT.match(line) or _TASK.match(line) or _CLOSE.match(line) or _BOOKED.match(line):
            out.append((number, ""))
        else:
            out.append((number, line))
    return out
