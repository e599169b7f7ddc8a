"""A table whose columns a text extraction flattened to single spaces, read by what its cells hold.

A scanned form's OCR (CamScanner's "export TXT") and a PDF's text without its layout write a table's
row as its cells one space apart:

    序号 项目 Project 负责人 目标日期 进度 状态 说明 Remarks
    1 BladeTrace 2.0 叶片全生命周期追溯 周立恒 2025.04.30 68% Y 集团SAP S/4升级，变更冻结
    传输至生产系统；已申请冻结期例外

No gap says where a cell ends, so `tables_aligned` sees no columns. The header still names them,
in order, and the cells between the row's number and its remark each hold one word of a known
shape: the owner a name, the target a day, the progress a share, the status a short word. Read
from the day (the row's anchor), the name is what stands between the number and the owner, the
remark what follows the status, and a line under a row that opens with no number is its remark
wrapped. Cells are the row's own words, so every quote cut from one checks out.
"""

from __future__ import annotations

import re

from index.tables import Table, TableRow

# Column names a flattened header writes, by the part they play (a bilingual form writes two).
_ROLES = (
    ("no", re.compile(r"序号|编号|no\.?|#", re.I)),
    ("name", re.compile(r"项目|项目名称|名称|工作项|project|item|workstream", re.I)),
    ("owner", re.compile(r"负责人|责任人|owner|lead", re.I)),
    ("target", re.compile(r"目标日期|计划完成|截止日期|目标|target|due|eta", re.I)),
    ("progress", re.compile(r"进度|完成度|progress|%", re.I)),
    ("status", re.compile(r"状态|status|rag", re.I)),
    ("remark", re.compile(r"说明|备注|remarks?|notes?|comments?", re.I)),
)
_SINGLE = ("owner", "target", "progress", "status")  # one word each, between the name and the remark
_MIN_ROLES = 5
_ROW = re.compile(r"^(\d{1,3})\s+\S")
_DAY = re.compile(
    r"^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|[—–-]{1,2}|tbd|待定)$", re.I
)
_SHARE = re.compile(r"^(?:\d{1,3}(?:\.\d)?%|\d{1,4}/\d{1,4}|[—–-]{1,2}|n/?a)$", re.I)
_STATE = re.compile(r"^[^\d\s]{1,6}$")
_OWNER = re.compile(r"^[^\d\s%]{1,12}$")
_CHECKS = {"owner": _OWNER, "target": _DAY, "progress": _SHARE, "status": _STATE}
_WRAPPED = 2  # lines a row's remark may wrap onto


def read_flat_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """Every flattened table in these lines: a header naming five or more columns, one space apart,
    over numbered rows."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        found = _header(lines[index][1])
        if found is None:
            index += 1
            continue
        roles, names = found
        following = index + 1
        if following < len(lines) and _all_column_names(lines[following][1]):
            following += 1  # the header's other language on a line of its own
        rows: list[TableRow] = []
        while following < len(lines):
            number, text = lines[following]
            cells = _cells(text, roles) if _ROW.match(text.strip()) else None
            if cells is not None:
                rows.append(TableRow(number, cells))
            elif (
                rows
                and text.strip()
                and following - (rows[-1].end or rows[-1].line) <= _WRAPPED
                and _wraps(text)
            ):
                rows[-1].cells[-1] = f"{rows[-1].cells[-1]} {text.strip()}".strip()
                rows[-1].end = number
            else:
                break
            following += 1
        if rows:
            tables.append(Table(lines[index][0], names, rows))
        index = max(following, index + 1)
    return tables


def _header(text: str) -> tuple[list[str], list[str]] | None:
    """The header's roles in order and the name each column is given, when it names five or more
    with the number and the name first and the remark, if any, last."""
    roles: list[str] = []
    names: list[str] = []
    for word in text.split():
        role = next((role for role, pattern in _ROLES if pattern.fullmatch(word)), None)
        if role is None or role in roles:
            if role is None and not re.fullmatch(r"[A-Za-z.]+", word):
                return None  # a word no column is called: a sentence, not a header
            continue
        roles.append(role)
        names.append(word)
    if (
        len(roles) < _MIN_ROLES
        or roles[:2] != ["no", "name"]
        or ("remark" in roles and roles[-1] != "remark")
    ):
        return None
    if any(role not in _SINGLE for role in roles[2:-1]):
        return None
    return roles, names


def _all_column_names(text: str) -> bool:
    words = text.split()
    return bool(words) and all(any(p.fullmatch(w) for _, p in _ROLES) for w in words)


def _cells(text: str, roles: list[str]) -> list[str] | None:
    """The row's cells by role: the number, the name up to the first run of words that fits the
    single columns' shapes, those words, and the rest as the remark."""
    words = text.split()
    singles = [role for role in roles if role in _SINGLE]
    for start in range(2, len(words) - len(singles) + 1):
        run = words[start : start + len(singles)]
        if all(_CHECKS[role].match(word) for role, word in zip(singles, run, strict=True)):
            if "target" in singles and not _DAY.match(run[singles.index("target")]):
                continue
            rest = " ".join(words[start + len(singles) :])
            cells = [words[0], " ".join(words[1:start]), *run]
            return [*cells, rest] if "remark" in roles else cells
    return None


def _wraps(text: str) -> bool:
    """A line under a row that continues its remark: no number opening it, no section's ordinal."""
    stripped = text.strip()
    return not re.match(r"^(?:\d{1,3}\s|[一二三四五六七八九十]+、|第\s*\d+\s*页)", stripped)
