"""What an incidents section's own title, header lines and none lines are not: incidents (zh, en, ja).

A section heading that names the kind with its severities (`OUTAGES (P1/P2)`), a printed table's
column names, a forum post's header, a project whose name holds an incident word and a period's
"none" line each once became an incident of their own, beside or instead of the real one.
"""

from __future__ import annotations

import pytest

from index.ledger.extract import extract_facts
from index.ledger.incident_words import says_none
from index.verify import Verifier

from .conftest import WriteReport


def _incidents(write_report: WriteReport, name: str, text: str) -> list[tuple[str | None, str]]:
    report = write_report(name, text)
    incidents = extract_facts(report).incidents
    assert all(Verifier().check(i.evidence) for i in incidents)
    return [(str(i.when) if i.when else None, i.title) for i in incidents]


def test_a_heading_naming_the_kind_and_its_severities_is_no_title(write_report: WriteReport) -> None:
    text = (
        "FIELD SYSTEMS WEEKLY                         Week ending 06/13/25\n\n"
        "OUTAGES (P1/P2)\n"
        "---------------\n"
        "  TCK-2291  P2  06/11/25 2:05-3:40 PM ET  Dispatch board frozen for all depots.\n"
        "  Restarted the queue worker; cause still open.\n\n"
        "NEXT WEEK\n"
        "---------\n"
        "  Board v3 pilot at two depots.\n"
    )
    ((when, title),) = _incidents(write_report, "fs.txt", text)
    assert when == "2025-06-11"
    assert "OUTAGES" not in title and "TCK-2291" in title


def test_a_printed_tables_column_names_are_not_the_title(write_report: WriteReport) -> None:
    text = (
        "STORE SYSTEMS STATUS RUN 06/13/25\n\n"
        "SECTION B - PRODUCTION PROBLEM LOG (SEV 1-2 OPENED IN PERIOD)\n"
        " TICKET      SEV  START           SYSTEM\n"
        " ----------  ---  --------------  ----------------\n"
        " PRB0007712   1   06/10/25 09:14  POS GATEWAY EAST\n"
        "              CARD AUTHORISATIONS DECLINED FOR 38 MIN.\n"
    )
    ((when, title),) = _incidents(write_report, "run.txt", text)
    assert when == "2025-06-10"
    assert title.startswith("PRB0007712")


def test_a_review_day_after_the_review_word_is_not_the_incidents(write_report: WriteReport) -> None:
    text = "# 物业平台周报 2024-03-29\n\n## 本周完成\n1. 3.21停车道闸故障复盘（3.27），结论见附件\n"
    assert [when for when, _ in _incidents(write_report, "w.md", text)] == ["2024-03-21"]


def test_a_version_beside_the_day_dates_nothing(write_report: WriteReport) -> None:
    text = (
        "# 调度周报 2025-04-11\n\n"
        "- ## 线上问题\n"
        "\t- 4/9（周三）07:10–08:25 RouteHub 2.8 调度服务不可用约 75 分钟，P1；约 140 单延迟\n"
    )
    ((when, title),) = _incidents(write_report, "j.md", text)
    assert when == "2025-04-09"
    assert "线上问题" not in title


def test_a_forum_posts_header_starts_no_incident(write_report: WriteReport) -> None:
    text = (
        "物业数字化周报（3.18-3.22）\n\n"
        "【线上故障】\n"
        "3.20（周三）07:40—08:10，停车缴费网关证书过期，扫码缴费全部失败，持续30分钟。定级P2。\n\n"
        "作者: 王晓    时间: 2024-3-22 17:48\n"
        "App 4.1：开门链路联调完成。\n"
        "计划3.29提测。\n"
    )
    assert [when for when, _ in _incidents(write_report, "thread.txt", text)] == ["2024-03-20"]


@pytest.mark.parametrize(
    "text",
    [
        # a project whose name holds an incident word, on its status line
        "# Imaging IT weekly 2025-03-28\n\n## Projects\n\nDOWNTIME VIEWER REFRESH: On track. 35%. Target 05/16/2025. "
        "Read stations delivered; cache sized for 72 h of studies.\n",
        # a key-value table's incidents row that says none
        "# 运维周报 2025-05-09\n\n| 项目 | 内容 |\n|---|---|\n| 生产事件 / 故障 | 本期无。 |\n| 风险 | 无 |\n",
        # a none line after the period it covers
        "# 车联网周报 2025-06-13\n\n## 质量\n5/31 ~ 6/13 无 P1/P2/P3 线上问题。\n",
    ],
)
def test_no_incident(write_report: WriteReport, text: str) -> None:
    assert _incidents(write_report, "r.md", text) == []


@pytest.mark.parametrize(
    ("line", "none"),
    [
        ("5/31 ~ 6/13 无 P1/P2/P3 线上问题。", True),
        ("l\t本周无A/B类异常。", True),  # a Word bullet exported as its Wingdings letter
        (
            "Quiet week on the production side – no P1/P2 incidents, and the depot board ran every shift.",
            True,
        ),
        ("今週なし. 4/9(水) 01:00～02:00 の DB 計画メンテ は予定通り完了.", True),
        ("Quiet week overall apart from the checkout outage on Tue (P2, 35 min).", False),
        ("No incidents this week, but the P2 outage on Tuesday hit payments for 40 min.", False),
    ],
)
def test_says_none(line: str, none: bool) -> None:
    assert says_none(line) is none


RECORD_THEN_ASIDE = """# Eng weekly 2024-03-21

## Incidents

**INC-0419 · SEV-1 · Fri 3/15, 09:14–09:36 PT (22 min)**
- Checkout returned 502s for all web traffic after a CDN rule change
- ~310 orders lost; rolled back by Hannah

Planned maintenance, not an incident: Postgres 15 upgrade, Sat 3/23 01:00–03:00 PT, maintenance page on.

## Risks
- none
"""


def test_a_paragraph_setting_something_else_aside_keeps_the_incident_above_it(
    write_report: WriteReport,
) -> None:
    """The aside is no part of the incident's record, nor a reason to drop it."""
    (incident,) = extract_facts(write_report("r.md", RECORD_THEN_ASIDE)).incidents
    assert (str(incident.when), incident.severity, incident.duration_minutes) == ("2024-03-15", "SEV-1", 22)
    assert incident.evidence.lines[1] < 9  # the maintenance line is not cited as part of it


RECORD_WITH_ITEMS = """# Eng weekly 2024-04-18

## Incidents

**INC-0431 · SEV-3 · Mon 4/15, 13:40–16:50 PT** — shipping-confirmation emails delayed
- Webhook backlog after the mail provider changed its rate limits
- ~5,200 customers got their "your box shipped" email late; 38 tickets
"""


def test_the_items_under_an_incidents_record_are_its_lines(write_report: WriteReport) -> None:
    (incident,) = extract_facts(write_report("r.md", RECORD_WITH_ITEMS)).incidents
    assert str(incident.when) == "2024-04-15" and incident.severity == "SEV-3"
