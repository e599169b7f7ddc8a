"""One incident told in several weeks is one incident; a later telling may add its cause."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.store import Ledger

from .conftest import WriteReport, build

CASES = [
    # the same tracker id; the postmortem's own day (Mar 12) is not the incident's
    (
        "# API weekly 2025-03-07\n\n## Incidents\n"
        "- **INC-77** · Sev 2 · 25 min — 502s on the orders API (Mar 4, 10:05–10:30 UTC).\n",
        "# API weekly 2025-03-14\n\n## Incidents\n- No new incidents.\n"
        "- **INC-77 postmortem** held Mar 12. Root cause: a connection pool limit set during a load test.\n",
        1,
    ),
    # the same day, told again with the improvements
    (
        "# 增长组周报 2025-03-07\n\n本周完成工作：\n"
        "故障复盘：3.4（周二）晚20:15左右，消息推送服务Redis主从切换，约1.2万用户收到重复推送，持续30分钟。定级P2。\n",
        "# 增长组周报 2025-03-14\n\n本周完成工作：\n上周推送重复发送故障（3.4，P2）的4条改进项已完成3条，根因：计数未持久化。\n",
        1,
    ),
    # a retelling by its words: `the 1st` is the day, the words tie it as well
    (
        "# Eng weekly 2025-03-05\n\nOn Saturday morning the promo code service fell over for about 40 minutes;"
        " around 900 customers paid full price. We're treating it as a Sev1.\n",
        "# Eng weekly 2025-03-12\n\nFollow-up on the promo code incident: the postmortem found the service"
        " failed open. The service now fails closed.\n",
        1,
    ),
    # a new incident on another day is another incident
    (
        "# API weekly 2025-03-07\n\n## Incidents\n- Sev 2 · 25 min — 502s on the orders API (Mar 4).\n",
        "# API weekly 2025-03-14\n\n## Incidents\n- Sev 3 · 10 min — 502s on the orders API again (Mar 11).\n",
        2,
    ),
]


@pytest.mark.parametrize(("first", "second", "count"), CASES)
def test_a_retelling_counts_once(
    ledger: Ledger, write_report: WriteReport, first: str, second: str, count: int
) -> None:
    build(ledger, [write_report("team/w1.md", first), write_report("team/w2.md", second)])
    found = views.incidents(ledger)
    assert len(found) == count
    assert found[0].report.endswith("w1.md")


def test_a_retelling_adds_the_cause_and_changes_lists_it_once(
    ledger: Ledger, write_report: WriteReport
) -> None:
    first, second, _ = CASES[0]
    build(ledger, [write_report("team/w1.md", first), write_report("team/w2.md", second)])
    (incident,) = views.incidents(ledger)
    assert incident.when == date(2025, 3, 4)
    assert incident.cause == "a connection pool limit set during a load test"
    assert views.changes(ledger, "previous", "latest").new_incidents == []


def test_the_same_id_in_another_team_is_another_incident(ledger: Ledger, write_report: WriteReport) -> None:
    first, second, _ = CASES[0]
    build(ledger, [write_report("api/w1.md", first), write_report("web/w2.md", second)])
    assert len(views.incidents(ledger)) == 2


def test_a_postmortem_adds_its_follow_ups_to_the_nights_fix(
    ledger: Ledger, write_report: WriteReport
) -> None:
    first = (
        "# 运营周报 2025-03-28\n\n## 事故 Incidents\n"
        "- [P1] 3/26 14:20-16:35 面单接口全渠道报错，持续 2小时15分。\n  - 临时处理：16:35 重启网关后恢复。\n"
    )
    second = (
        "# 运营周报 2025-04-04\n\n## 事故 Incidents\n- 本周无新增事故。\n"
        "- 3/26 面单接口故障 复盘 Postmortem（4/2 出报告）：\n  - 根因：网关连接池耗尽。\n  - 改进：4/10 前网关加限流；连接池告警阈值调到 70%。\n"
    )
    build(ledger, [write_report("team/w1.md", first), write_report("team/w2.md", second)])
    (incident,) = views.incidents(ledger)
    assert incident.cause == "网关连接池耗尽"
    assert incident.resolution is not None
    assert "重启网关" in incident.resolution and "限流" in incident.resolution


def test_a_follow_up_after_none_names_an_update_day_not_a_new_incident(
    ledger: Ledger, write_report: WriteReport
) -> None:
    # Written from imanage-word-html (a regression the whole-zoo run showed): `None this week.`, then
    # `Further to … the update of 30 October: the hang on 28 October …` retells the 28 October one.
    first = (
        "# Weekly update 2025-10-31\n\n## 3. Service interruptions\n"
        "- 3.1 Tuesday 28 October 2025, 09:05 to 09:50 (P3): the mail client hung on start-up for 60 users.\n"
    )
    second = (
        "# Weekly update 2025-11-07\n\n## 3. Service interruptions\n- 3.1 None this week.\n"
        "- 3.2 Further to paragraph 3.1 of the update of 30 October: the mail client start-up hang on"
        " 28 October was caused by a cache rebuild.\n"
    )
    build(ledger, [write_report("km/v8.md", first), write_report("km/v9.md", second)])
    (incident,) = views.incidents(ledger)
    assert incident.when == date(2025, 10, 28)
