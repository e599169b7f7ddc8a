"""A line printer's file (a mainframe job's report downloaded as text) read as the plain text it
prints, line numbers kept.

Such a file spends its first column on ASA carriage control, one character telling the printer
what to do before the line: `1` a new page, `0` a blank line first, `-` two blank lines, `+` print
over the line before, a space nothing. Read as it stands every line opened with a stray character
(`0SECTION B - PROJECT REMARKS`, `1CSPWKST …  PAGE 2`), so no line was a heading and a report's
first line was its page header. Each page repeats the header (the job, the title, the run date);
the later copies are the same lines again and are read as blank. A skip before a line (`0`, `-`)
marks the start of a block, as a writer's blank line does; a line that opens a block and reads as
a heading (`SECTION B - PROJECT REMARKS`) becomes one.
"""

from __future__ import annotations

import re

_CONTROL = frozenset(" 01-+")
# A block's title line in capitals: `SECTION C - PRODUCTION PROBLEM LOG (SEV 1-2 OPENED IN PERIOD)`,
# `PART 2: RISKS`; not a legend (`STAT: G=ON PLAN …`) nor a closing banner (`*** END OF REPORT ***`).
_TITLE = re.compile(
    r"^(?:SECTION|PART|APPENDIX|SCHEDULE)\s+[A-Z0-9]{1,3}\b\s*[-–:.]\s*[A-Z][A-Z0-9 &/,()'-]*$"
)
_DIGITS = re.compile(r"\d+")


def looks_like_printout(lines: list[str]) -> bool:
    """Every non-blank line opens with a control character, some with `1` or `0` right against
    text, and the first with `1` (a new page) or a space."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 5 or filled[0][0] not in "1 ":
        return False
    if not all(line[0] in _CONTROL for line in filled):
        return False
    controls = [line for line in filled if line[0] in "01" and len(line) > 1 and not line[1].isspace()]
    return len(controls) >= 2 and any(line[0] == "1" for line in filled)


def read_printout(lines: list[str]) -> list[tuple[int, str]]:
    """The file's lines without their control column, each under its own number (1-based); a
    later page's repeated header blank, a block's capital title a Markdown heading."""
    out: list[tuple[int, str]] = []
    header: list[str] = []  # the first page's header lines, their digits blanked
    page_lines: list[str] | None = None  # the current later page's header, while it repeats
    for number, raw in enumerate(lines, start=1):
        control, text = (raw[0], raw[1:]) if raw else (" ", "")
        key = _DIGITS.sub("#", text.strip())
        if control == "1":
            if not header:
                header.append(key)
            else:
                out.append((number, ""))
                page_lines = [key]
                continue
        elif page_lines is not None:
            if len(page_lines) < len(header) and key == header[len(page_lines)]:
                page_lines.append(key)
                out.append((number, ""))
                continue
            page_lines = None
        elif header and len(header) < 3 and control == " " and number <= 4:
            header.append(key)  # the first page's header: the lines under its `1` line
        if control in "0-" and _TITLE.match(text.strip()):
            out.append((number, "## " + text.strip()))
        else:
            out.append((number, text.rstrip()))
    return out
