"""A form's printout as text (a survey tool's "PDF of all instruments" through `pdftotext -layout`),
read as the fields it holds, line numbers kept.

Such a file sets each field's label at the margin and its value at one column further right
(`Status this week                              On track`), a long value running on at that column,
a form's title centred over its fields (`Project Update (#3)`), a choice field in the full print as
all its options with an `X` before the chosen one, and each page's running header and footer (the
form's title, `Page 2`, the download stamp) between the fields. Read as it stands a field was one
line of words with a gap, the project's name a value like any other, every option of a choice a
status, and the download stamp a date in the text. Here a field becomes an item `- label: value`
(a value wrapped at the page's width joined on its line, so each field is read apart: a form's `Incident summary` is
no part of the `Any production incident this week?: Yes` above it; the form's opening fields, its
record number, day and author, stay lines of its header), a name
field (`Project / workstream`) the heading of its form, a centred title a heading over it, a choice
its chosen option, and a page's running lines blank (the first, the report's title, kept as its
title). The verifier reads the file through this same conversion.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from index.text.normalise import PAGE_NUMBER_LINE

# A field line: a label at the margin, a gap of two spaces or more, the value.
_FIELD = re.compile(r"^(?P<label>\S(?:\S| (?! ))*)\s{2,}(?P<value>\S.*?)\s*$")
# A field that names what its form is about: the heading of the form's fields.
_NAME_LABEL = re.compile(
    r"^(?:project|workstream|initiative|program(?:me)?|project\s*/\s*workstream|项目|项目名称|名称)\b", re.I
)
_CHOSEN = re.compile(r"^X\s{2,}(\S.*)$")
# The form's own bookkeeping (REDCap's `Complete?  Complete` closing every form): no project's state.
_FORM_STATUS = re.compile(r"^(?:complete\?|form\s+status|record\s+status)$", re.I)
_BLANK_VALUE = re.compile(r"^_{3,}$")  # an empty field's rule line
_SPREAD = re.compile(r"\S\s{10,}\S")
_DIGITS = re.compile(r"\d+")
_MIN_FIELDS = 8
_MIN_COLUMN = 20
_CENTRED = 15


def _value_column(line: str) -> int | None:
    """Where a field line's value starts; None for any other line (a table's row, whose value
    holds further gaps: `Power & cooling  DV     2025-06-06  On track`)."""
    match = _FIELD.match(line)
    if match is None or (re.search(r"\s{2}", match["value"]) and not _CHOSEN.match(match["value"])):
        return None
    return match.start("value")


def _main_column(columns: list[int | None]) -> tuple[int, int] | None:
    """Of the lines' value columns, the one most field values start at, and how many do."""
    counted = Counter(column for column in columns if column is not None)
    return counted.most_common(1)[0] if counted else None


# A numbered part of an inspection form with its score at the right margin (SafetyCulture's
# `1. Fleet & System Health      0 / 1 (0%)`, w51-a): the part's heading, its score no field.
_SCORED_PART = re.compile(
    r"^\d{1,2}\.\s+(?P<title>\S.{0,60}?)\s{3,}\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\s*\(\d+(?:\.\d+)?%\)\s*$"
)
# A page's running head or foot recurs once a page: never on lines this close together (a form's
# flagged items, `2. Projects / Project 1 / Status … At risk` over `… / Project 3 / …`, look alike
# with their numbers set aside).
_PAGE_APART = 10


def _running_lines(text: list[str], columns: list[int | None], fields: tuple[int, int]) -> Counter[str]:
    """How often each spread line outside the field column recurs (numbers set aside), counting
    only lines a page apart."""
    places: dict[str, list[int]] = {}
    for index, (line, at) in enumerate(zip(text, columns, strict=True)):
        if _SPREAD.search(line) and at not in fields:
            places.setdefault(_DIGITS.sub("#", line.strip()), []).append(index)
    return Counter(
        {
            key: len(at)
            for key, at in places.items()
            if len(at) < 2 or min(b - a for a, b in pairwise(at)) >= _PAGE_APART
        }
    )


def looks_like_form_print(lines: list[str]) -> bool:
    """Eight fields or more whose values start at one column, well right of the margin, under
    labels of their own (an aligned table's rows share their cells' columns too, but hold several
    gaps)."""
    text = [line.replace("\f", "") for line in lines]
    found = _main_column([_value_column(line) for line in text])
    if found is None:
        return False
    column, count = found
    if column < _MIN_COLUMN or count < _MIN_FIELDS:
        return False
    labels = {m["label"] for line in text if (m := _FIELD.match(line)) and m.start("value") == column}
    rows = [line for line in lines if re.search(r"\S\s{3,}\S.*\S\s{3,}\S", line)]
    return len(labels) >= _MIN_FIELDS // 2 and len(rows) < count


def read_form_print(lines: list[str]) -> list[tuple[int, str]]:
    """The printout's lines as Markdown fields, each under its source line number (1-based)."""
    text = [line.replace("\f", "").rstrip() for line in lines]
    columns = [_value_column(line) for line in text]
    found = _main_column(columns)
    if found is None:
        return list(enumerate(text, start=1))
    column = found[0]
    fields = (column, column + 3)  # a value at the column, or a choice's first option after its mark's room
    running = _running_lines(text, columns, fields)
    out: list[str] = []
    choice_at: int | None = None  # the output index of a choice field's label line
    seen_title = False
    item = ""  # a field's item mark: none among the form's opening fields (record, day, author)
    field_at: int | None = None  # the output index of the field a run-on line continues
    for line, at in zip(text, columns, strict=True):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped or PAGE_NUMBER_LINE.match(line):
            out.append("")
            choice_at = None if not stripped else choice_at
            field_at = None if not stripped else field_at
            continue
        if at not in fields and running[_DIGITS.sub("#", stripped)] >= 2:
            footer = next((i for i in range(len(out) - 1, -1, -1) if out[i]), None)
            if seen_title and footer is not None and _SPREAD.search(out[footer]) and ": " not in out[footer]:
                out[footer] = ""  # the page's footer, over the next page's running head
            # (the first page's head, the report's title, opens the text; a page's foot comes after fields)
            opens = not any(out)
            out.append("" if seen_title or indent or not opens else "# " + re.split(r"\s{10,}", stripped)[0])
            seen_title = True
            continue
        if indent >= column:  # a value running on, or a choice's option
            chosen = _CHOSEN.match(line[column:]) if indent == column else None
            if choice_at is not None and (chosen or indent > column):
                if chosen:
                    out[choice_at] += chosen[1]
                out.append("")
                continue
            if field_at is not None:  # the field's value wrapped at the page's width: one line again
                out[field_at] += " " + stripped
                out.append("")
            else:
                out.append(stripped)
            continue
        field = _FIELD.match(line)
        if indent == 0 and field and field.start("value") in fields:
            label, value = field["label"].rstrip(":："), field["value"]
            value = "" if _BLANK_VALUE.match(value) else value
            field_at = None
            if _FORM_STATUS.match(label):
                out.append("")
                continue
            chosen = _CHOSEN.match(value)
            if chosen or field.start("value") == column + 3:  # a choice: its options follow
                choice_at = len(out)
                out.append(f"{item}{label}: {chosen[1] if chosen else ''}")
                continue
            choice_at = None
            named = _NAME_LABEL.match(label) is not None
            item = "- " if named else item
            field_at = None if named else len(out)
            out.append(f"### {value}" if named else f"{item}{label}: {value}")
            continue
        choice_at = field_at = None
        scored = _SCORED_PART.match(line)
        if scored is not None:
            out.append(
                "## " + scored["title"]
            )  # `1. Fleet & System Health      0 / 1 (0%)`: a part and its score
            item = "- "
            continue
        if indent >= _CENTRED and not stripped.endswith((".", "。")) and len(stripped) <= 60:
            out.append("## " + stripped)
        elif (
            indent == 0
            and not field
            and len(stripped) <= 60
            and not stripped.endswith((".", "。", ":", "："))
        ):
            out.append("### " + stripped)
            item = "- "
        else:
            out.append(stripped if indent >= _CENTRED else line)
    return list(enumerate(out, start=1))
