"""A programme's own words for finishing and for what others owe it: "Practical Completion
achieved", "handed over to", a dashed "– complete 14/01" field are the project done; an RFI's
"response was due 20/11" is another party's reply, not the project's target."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates
from index.text.timeexpr import reading_day_first


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("B1 car park – Practical Completion achieved 18/12 – handed over to the operator", "done"),
        ("Block B piling – complete 14/01 (184 of 184 piles)", "done"),
        ("Block A – 100% complete – frame handed over to façade and fit-out trades 11/12", "done"),
    ],
)
def test_a_programme_finish_is_done(line: str, expected: str) -> None:
    assert expected in [s.value for s in find_statuses(line)]


@pytest.mark.parametrize(
    "line",
    [
        "Façade – 62% complete – forecast 30/01",  # progress
        "The car park will be handed over to the client on 12/12",  # ahead
        "Basement car park – forecast Practical Completion 12/12",  # a forecast
    ],
)
def test_progress_and_plans_are_not_done(line: str) -> None:
    assert "done" not in [s.value for s in find_statuses(line)]


def test_a_reply_owed_by_another_party_is_no_target() -> None:
    with reading_day_first(True):
        roles = classify_dates(
            "RFI-112 (sprinkler riser clash L3) – response was due 20/11, still outstanding",
            date(2025, 11, 21),
        )
    assert [r.role for r in roles if r.role == "target"] == []


@pytest.mark.parametrize(
    ("line", "done"),
    [
        ("机房空调改造已于2月6日完成改造并通过验收", True),
        ("云核心网建设工程已于3月5日完成全部网元迁移", True),
        ("计划3月14日通过验收", False),  # a plan to pass acceptance
        ("已于1月15日完成设备到货", False),  # one delivery, not the whole project
    ],
)
def test_a_works_project_finished_in_official_wording(line: str, done: bool) -> None:
    assert ("done" in [s.value for s in find_statuses(line)]) is done


def test_a_statistic_named_by_how_it_is_counted_is_a_metric() -> None:
    from index.ledger.metric_naming import metric_name

    assert metric_name("Average daily labour on site", prose=True) == ("Average daily labour on site", "")
    assert metric_name("Cumulative weather days lost", prose=True) is not None
