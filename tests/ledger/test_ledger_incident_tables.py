"""Incident tables in other teams' words: 现象/Start/ID columns, dotted days, a row's cells as written."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.extract import extract_facts
from index.verify import Verifier

from .conftest import WriteReport

ZH_TABLE = """
# 数据组周报 2025-04-11

## 四、线上问题
| 时间 | 级别 | 现象 | 影响 | 时长 | 根因 / 跟进 |
| --- | --- | --- | --- | --- | --- |
| 4.9 02:10 | S2 | 调度进程OOM退出，凌晨批任务未调起 | 日报延迟到10:40发出 | 约3小时 | 内存上限调大 |
"""

EN_TABLE = """
# Security weekly 2025-04-11

## Incidents
| Start | ID | Severity | Duration | Summary | Status |
|---|---|---|---|---|---|
| 2025-04-09 14:20 UTC | SIR-0412 | Sev 2 | 95 min | Credential-stuffing burst against login. | Contained |
"""

EN_LINE = """
# API cycle update 2025-05-23

## Incidents & follow-ups
- **INC-244** · Sev 3 · 18 min — tenants hit spurious 429s after a config push (May 20, 16:02–16:20 UTC).
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ZH_TABLE, (date(2025, 4, 9), "4.9 02:10", "S2", 180.0, "调度进程OOM退出", "日报延迟到10:40发出")),
        (
            EN_TABLE,
            (
                date(2025, 4, 9),
                "2025-04-09 14:20 UTC",
                "Sev 2",
                95.0,
                "SIR-0412 Credential-stuffing burst against login",
                None,
            ),
        ),
        (
            EN_LINE,
            (
                date(2025, 5, 20),
                "May 20, 16:02",
                "Sev 3",
                18.0,
                "INC-244 — tenants hit spurious 429s after a config push",
                None,
            ),
        ),
    ],
)
def test_incident_rows_and_lines(write_report: WriteReport, text: str, expected: tuple[object, ...]) -> None:
    (incident,) = extract_facts(write_report("r.md", text)).incidents
    got = (
        incident.when,
        incident.when_text,
        incident.severity,
        incident.duration_minutes,
        incident.title,
        incident.impact,
    )
    assert got == expected
    assert Verifier().check(incident.evidence)
