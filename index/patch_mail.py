"""A patch mailed as a report (`git format-patch` of a status file a team keeps in git, sent to a
list each week): the report is the lines the patch adds.

The mail's diff carries the week's section as added lines (`+## CW06 …`, `+1. **TCU5 delta
updates** — GREEN — 55 %`) between the file names, hunk heads and the unchanged lines around them,
which are last week's text (a stale `Overall: GREEN` under the new section), and ends with git's
signature (`-- ` / `2.39.5`). Read as it is, every line was text, the `+` hid headings and
bullets, and last week's context was this week's. The message before the diff (a note, git's
`Notes:`) stays as written; in the diff each added line is shown without its `+` under its own
number and every other line is blank, so citations still point at the file's own lines (the
verifier reads the file through this same conversion).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DIFF = re.compile(r"^diff --git ")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@")


def is_patch(lines: Sequence[str]) -> bool:
    """A `diff --git` header and a hunk under it."""
    return any(_DIFF.match(line) for line in lines) and any(_HUNK.match(line) for line in lines)


def added_lines(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The message as written; from the `---` that ends it (over the diffstat) on, each added line
    without its `+`, every other line blank."""
    first_diff = next((i for i, (_, line) in enumerate(numbered) if _DIFF.match(line)), len(numbered))
    ends = [i for i, (_, line) in enumerate(numbered[:first_diff]) if line.rstrip() == "---"]
    start = ends[-1] if ends else first_diff
    out = numbered[:start]
    for number, line in numbered[start:]:
        added = line.startswith("+") and not line.startswith("+++ ")
        out.append((number, line[1:] if added else ""))
    return out
