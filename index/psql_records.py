"""A database client's expanded display (psql's and openGauss gsql's `\\x`) read as field lines.

A report script that queries a tracking table with expanded display on prints one block per row:

    -[ RECORD 1 ]-----------------------------
    项目名称  | 第三批地市切换上线
    状态      | 有风险
    本周进展  | 回退演练 3/16 完成；              +
              | 临川市 3/30 切换准备就绪

Read as it stands, each block's first line became a heading of its own and no field was labelled:
the bar is the client's, between a column's name and its value. Read as what it prints, a record is
a card of `name: value` lines (`项目名称: 第三批地市切换上线`), a value the client wrapped goes on
under its field, and the banner between records is a blank line. The verifier reads the same
lines, so every quote cut from them checks out. Aligned results keep their table form; only the
client's row count under one (`(4 rows)`) is no text of the report.
"""

from __future__ import annotations

import re

_RECORD_BANNER = re.compile(r"^-\[\s*RECORD\s+\d+\s*\]-*\s*$")
# `编号      | YB-01`, `持续(分钟) | 37`, `风险/求助 | ` (NULL), `          | 临川市 …` (a wrapped value)
_FIELD = re.compile(r"^([^|]*?)\s*\|\s?(.*?)\s*(?:\s\+)?$")
_ROW_COUNT = re.compile(r"^\s*\((?:\d+\s+rows?|no\s+rows)\)\s*$", re.I)
_MIN_BANNERS = 2


def looks_like_psql_records(lines: list[str]) -> bool:
    """Two or more record banners, each followed by a `name | value` line."""
    banners = [i for i, line in enumerate(lines) if _RECORD_BANNER.match(line.strip())]
    fielded = [i for i in banners if i + 1 < len(lines) and "|" in lines[i + 1]]
    return len(fielded) >= _MIN_BANNERS


def read_psql_records(lines: list[str]) -> list[tuple[int, str]]:
    """Each line under its own number (1-based): a banner blank, a record's `name | value` line as
    `name: value` (blank when the value is NULL), a wrapped value's line indented under its field, a
    row count blank."""
    out: list[tuple[int, str]] = []
    in_record = False
    for number, line in enumerate(lines, start=1):
        text = line.rstrip()
        if _RECORD_BANNER.match(text.strip()):
            in_record = True
            out.append((number, ""))
            continue
        if _ROW_COUNT.match(text):
            out.append((number, ""))
            continue
        field = _FIELD.match(text) if in_record and text.strip() else None
        if field is None:
            # a blank line or a line of no record's form (a section's title, an aligned table) ends it
            in_record = False
            out.append((number, text))
            continue
        name, value = field[1].strip(), field[2]
        # (a NULL, `风险/求助 | `, says nothing: a label alone would read as a heading over the next field)
        out.append((number, "" if not value else f"{name}: {value}" if name else f"    {value}"))
    return out
