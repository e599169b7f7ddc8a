"""A Windows Notepad time-log: a text file whose first line is `.LOG`.

Notepad stamps such a file with the time and date each time it is opened (`17:05 2025/3/14` in a
Chinese locale, time first; `5:05 PM 3/14/2025` in a US one), and a team that keeps its weekly
report or journal that way writes under the stamps. Read raw, `.LOG` is the report's title and the
stamps are lines nobody dates the report by. Read here: the marker line blank, the first stamp a
dated header line (the day the report was begun, as the file says), the later ones left as they
stand (each day's note under its stamp). Line numbers are kept.
"""

from __future__ import annotations

import re

_MARKER = ".LOG"
_STAMP = re.compile(
    r"^\s*(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)\s+(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\s*$"
)


def looks_like_notepad_log(lines: list[str]) -> bool:
    """The file opens with Notepad's `.LOG` marker and holds at least one of its stamps."""
    return bool(lines) and lines[0].strip() == _MARKER and any(_STAMP.match(line) for line in lines[1:40])


def read_notepad_log(lines: list[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = [(1, "")]
    dated = False
    for number, line in enumerate(lines[1:], start=2):
        stamp = _STAMP.match(line)
        if stamp is not None and not dated:
            out.append((number, f"Date: {stamp[2]} {stamp[1]}"))
            dated = True
        else:
            out.append((number, line))
    return out
