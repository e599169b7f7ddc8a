"""A MySQL command-line client's printout (`mysql -t -vvv … < report.sql > zb.txt`) read as sections.

A team that keeps its tracker in a database and mails the output of a scheduled script gets a file
of statements, each echoed between rules and followed by its result: a `+---+` table, a `\\G` record
(`*** 1. row ***` over right-aligned `字段: 值` lines), or `Empty set`; with the client's warning,
its timings and `Bye` around them. Read as it stands, the echoed statements were text of the report
and the record's fields were no labelled lines. Read as what it prints, each query is a section
headed by the names it selects (`编号 · 项目名称 · 状态 · 进度 · 计划完成`, the report's own words for
its columns), a record is a card of `name: value` lines, and the client's chatter is blank. The
line numbers stay the file's, so the verifier reads the same lines. Written from w46-a.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^-{10,}$")
_SELECT = re.compile(r"^\s*SELECT\s+(.*?)(?:\s+FROM\b|;?\s*$)", re.I)
_ALIAS = re.compile(r"\bAS\s+[`'\"]?([^\s,`'\"]+)", re.I)
_RECORD_BANNER = re.compile(r"^\*{5,}\s*\d+\.\s*row\s*\*{5,}$")
_RECORD_FIELD = re.compile(r"^\s*([^\s:][^:]{0,40}):\s(.*)$")
_CHATTER = re.compile(
    r"^(?:mysql:\s*\[Warning\].*|\d+\s+rows?\s+in\s+set.*|Empty\s+set.*|Query\s+OK.*|"
    r"Rows\s+matched:.*|Bye)$",
    re.I,
)
_MIN_RESULTS = 2
_BORDER = re.compile(r"^\+(?:-+\+)+$")
_ROW = re.compile(r"^\|.*\|$")
# (a change the script makes says something of the tracker: `UPDATE xm SET xmmc = '新名' WHERE …`)
_KEPT_STATEMENT = re.compile(r"^(?:UPDATE|INSERT|DELETE)\b", re.I)


def looks_like_mysql_client(lines: list[str]) -> bool:
    """Statements echoed between the client's rules, with its result lines (`3 rows in set`)."""
    rules = sum(1 for line in lines if _RULE.match(line.strip()))
    results = sum(
        1 for line in lines if _CHATTER.match(line.strip()) and not line.lower().startswith("mysql")
    )
    return rules >= 2 * _MIN_RESULTS and results >= _MIN_RESULTS


def read_mysql_client(lines: list[str]) -> list[tuple[int, str]]:
    """Each line under its own number (1-based): a SELECT's echo as a heading of its column names
    (any other statement blank: `SET @d0 = …` is the script's, an `UPDATE` kept as it is written),
    a table's border under its header as a Markdown rule and its other borders blank, a record's
    field as `name: value`, the client's rules, banners and chatter blank."""
    out: list[tuple[int, str]] = []
    in_statement = in_record = False
    table = (
        ""  # where a printed table is: "" outside, "top" after its first border, "body" after its header's
    )
    for number, line in enumerate(lines, start=1):
        text = line.rstrip()
        stripped = text.strip()
        if _BORDER.match(stripped):
            header_rule = table == "top"
            out.append((number, "|" + "---|" * (stripped.count("+") - 1) if header_rule else ""))
            table = "body" if header_rule else ("" if table == "body" else "top")
            continue
        if not _ROW.match(stripped):
            table = ""
        if _RULE.match(stripped):
            in_statement = not in_statement
            in_record = False
            out.append((number, ""))
        elif in_statement:
            selected = _SELECT.match(stripped)
            names = _ALIAS.findall(selected[1]) if selected else []
            kept = stripped if _KEPT_STATEMENT.match(stripped) else ""
            out.append((number, "## " + " · ".join(names) if names else kept))
        elif _RECORD_BANNER.match(stripped):
            in_record = True
            out.append((number, ""))
        elif _CHATTER.match(stripped):
            in_record = False
            out.append((number, ""))
        elif in_record and (field := _RECORD_FIELD.match(text)):
            out.append((number, f"{field[1].strip()}: {field[2].strip()}"))
        else:
            out.append((number, text))
    return out
