"""Words of a status change and of a missed day, read as people write them. Written from two blind
series of wave 18 (a codebeamer page in Chinese, a DokuWiki page in English); the sentences below
are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger.incident_words import incident_ids, not_an_event
from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates


def _statuses(text: str) -> list[str]:
    return [str(hit.value) for hit in find_statuses(text)]


def test_a_colour_changed_in_chinese_prose_is_the_status() -> None:
    assert _statuses("车机互联 3.0 转红：芯片还没到") == ["off_track"]
    assert _statuses("地图引擎状态转黄") == ["at_risk"]
    assert _statuses("已恢复绿灯") == ["on_track"]
    assert _statuses("午饭吃了转黄瓜") == []  # a word that only starts like one


def test_a_cancelled_thing_in_another_clause_is_not_the_project() -> None:
    # the colour is the project's, the cancelled visit is not
    assert _statuses("Kiosk rollout goes AMBER: the 12 May site visit was cancelled by Facilities") == [
        "at_risk"
    ]
    assert _statuses("Kiosk rollout: the pilot was cancelled by the sponsor") == ["cancelled"]
    assert _statuses("The kiosk pilot was cancelled last week.") == ["cancelled"]
    # the project's own text after its name: `Kiosk rollout: the install visit … was cancelled`
    assert _statuses("the install visit on 18 Mar was cancelled by the vendor") == []


def test_a_day_not_made_is_the_old_target_not_a_launch() -> None:
    for text in ("控制台 MVP 未能按 6/12 上线", "控制台 MVP 没能在 6/12 上线"):
        roles = classify_dates(text, date(2025, 6, 13))
        assert [(r.role, r.hit.text) for r in roles] == [("old", "6/12")]
    roles = classify_dates("控制台没有按6月初切换，上线改到7月上旬", date(2025, 6, 13))
    assert [(r.role, r.hit.text) for r in roles] == [("old", "6月初"), ("target", "7月上旬")]
    assert [r.role for r in classify_dates("控制台 MVP 已于 6/12 上线", date(2025, 6, 13))] == ["completed"]


def test_a_tracker_id_with_a_year_is_one_id() -> None:
    assert incident_ids("INC-2024-031 follow-up") == {"INC-2024-031"}
    assert incident_ids("INC-2024-031 and INC-2024-032") == {"INC-2024-031", "INC-2024-032"}


def test_a_line_labelled_as_planned_work_tells_no_incident() -> None:
    assert not_an_event("Planned: database patch on Sat 14 Jun, 06:00-08:00, no impact expected.")
    assert not_an_event("**Scheduled:** firewall change window Sun 02:00")
    assert not not_an_event("Payments API down for 40 minutes after the planned patch failed")
