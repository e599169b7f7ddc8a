"""Status and progress told in prose (colours, "is now blocking us", "is at about 60%"), a pause
announced for later, goals named with their measure, and a prose series that slips in each way."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.mention_layout import find_mentions
from index.ledger.mentions import clean_name
from index.ledger.progress import find_progress
from index.ledger.signals import field_status, find_statuses
from index.ledger.store import Ledger

from .conftest import WriteReport, build


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm moving the project to red until the import has started.", ["off_track"]),
        ("Billing has gone amber since Tuesday.", ["at_risk"]),
        ("Billing is still red but improving.", ["off_track"]),
        ("Billing went back to green after the fix.", ["on_track"]),
        ("the payroll vendor is now blocking us: their API rejects the batch", ["blocked"]),
        ("title-gen: ❌ 砍掉 — 业务方改用外采", ["cancelled"]),
        ("8/5 起暂停，人手在支援别的组", ["paused"]),  # since a past day: paused now
    ],
)
def test_statuses_in_prose(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "进度 60%。人手不够，下期起先暂停，去支援网关",
        "进度 60%，下周开始暂停",
        "The pilot will be paused from next week.",
        "the red team exercise found two issues",  # a colour that is no status
        "no blocking issues this week",
    ],
)
def test_no_current_status(text: str) -> None:
    assert [hit.value for hit in find_statuses(text) if hit.value in ("paused", "off_track", "blocked")] == []


@pytest.mark.parametrize(
    ("value", "expected"), [("Will not complete", "off_track"), ("Won’t complete", "off_track")]
)
def test_a_goal_that_will_not_complete_is_off_track(value: str, expected: str) -> None:
    assert field_status(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" is at about 50% of stores and on track.", [50]),
        (" is about 60% of the way through the stores.", [60]),
        (" is still around 60%. The older stores need a firmware update.", [60]),
        (" is at 60%, no change from last time", [60]),
        ("We're at about 90% of stores", [90]),
        ("App adoption is at 71% and rising", []),  # a metric, named in the clause
        ("error rate is at 2%", []),
    ],
)
def test_progress_stated_of_the_sentences_subject(text: str, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=False)] == expected


def _names(write_report: WriteReport, text: str) -> list[str]:
    return [m.name for m in find_mentions(write_report("2024-03-27-r.md", text))]


def test_a_label_that_is_a_sentence_names_its_subject(write_report: WriteReport) -> None:
    text = (
        "# Weekly — 27 Mar\n\nHi all,\n\n"
        "Card vault migration is done: we moved the last batch yesterday, ahead of the 31st of March deadline.\n"
    )
    assert _names(write_report, text) == ["Card vault migration"]


def test_a_later_sentence_about_a_lowercase_thing_stays_with_the_subject(write_report: WriteReport) -> None:
    text = (
        "# Weekly — 14 Mar\n\nHi all,\n\n"
        "Store sync is at 80% of stores. The firmware roll-out is going well, and we're still aiming for "
        "Friday the 15th for the last stores.\n"
    )
    (mention,) = find_mentions(write_report("2024-03-14-r.md", text))
    assert "Friday the 15th" in mention.units[0].text


def test_a_goal_heading_may_hold_its_measure(write_report: WriteReport) -> None:
    text = (
        "# Goals update\n\n## Ongoing goals\n\n### Goal: Cut build time by 30%\n\n"
        "**Status:** Will not complete\n\n**Progress:** 3/5 tasks (60%)\n"
    )
    assert _names(write_report, text) == ["Cut build time by 30%"]


def _mail(day: str, *paragraphs: str) -> str:
    return f"Subject: Eng weekly — {day}\n\nHi all,\n\n" + "\n\n".join(paragraphs) + "\n\nThanks,\nDan\n"


def test_a_prose_series_slips_in_each_way(ledger: Ledger, write_report: WriteReport) -> None:
    days = ["2024-02-07", "2024-02-14", "2024-02-28", "2024-03-06", "2024-03-14", "2024-03-20"]
    bodies = [
        ("Store sync is at about 50% of stores and on track.", "Card vault is on track for end of March."),
        ("Store sync is about 60% of the way through the stores.", "Card vault is at risk for end of March."),
        ("Store sync is still around 60%. The vendor is now blocking us: the firmware fails.", ""),
        ("Store sync is at 60%, no change from last time.", ""),
        (
            "Store sync is at 80% of stores. The roll-out is going well, and we're still aiming for "
            "Friday the 15th for the last stores.",
            "",
        ),
        (
            "Store sync is not finished. We're at about 90% of stores.",
            "Card vault will not make end of March. I'm moving the project to red.",
        ),
    ]
    reports = [
        write_report(f"{day}.txt", _mail(day, *(p for p in pair if p)))
        for day, pair in zip(days, bodies, strict=True)
    ]
    build(ledger, reports)
    got = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert got == {
        ("Card vault", "status_downgrade", "2024-W07"),
        ("Card vault", "status_downgrade", "2024-W12"),
        ("Store sync", "status_downgrade", "2024-W09"),
        ("Store sync", "stalled", "2024-W10"),
        ("Store sync", "overdue", "2024-W12"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agent on 70% of the build fleet.", [70]),
        ("the new checkout is live across 60% of stores", [60]),
        ("timeouts on 5% of requests", []),  # an event's share, not a rollout's reach
        ("errors on 5% of requests", []),
    ],
)
def test_a_rollouts_reach_is_its_progress(text: str, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=False)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("42/70 templates ported", [60]), ("296 of 340 enrolled", [87]), ("3/5 reviewed", [])],
)
def test_counted_work_in_other_verbs(text: str, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=False)] == expected


def test_a_renamed_projects_gloss_is_no_part_of_its_name(write_report: WriteReport) -> None:
    text = (
        "# Growth update 2024-06-17\n\n## Projects\n\n"
        "- Invite & Earn (formerly Referral Program v2) – 🟡 At risk (ETA: 6/14). Trust asked for one more review.\n"
        "- Pricing page – 🟢 On track (ETA: 6/21).\n"
    )
    assert clean_name("网关（原名 Gateway Mini）") == "网关"
    assert _names(write_report, text) == ["Invite & Earn", "Pricing page"]


def test_a_latin_name_then_a_chinese_predicate(write_report: WriteReport) -> None:
    text = "# 双周报 2024-09-27\n\n## 本期重点\n\n- Relay 推到明年Q1：方案还没定。\n- Beacon 正式取消，并入 Relay。\n"
    assert _names(write_report, text) == ["Relay", "Beacon"]
    assert [hit.value for hit in find_statuses("Beacon 正式取消，并入 Relay。")] == ["cancelled"]


def test_a_bare_is_red_is_no_status() -> None:
    assert find_statuses("CI on main is red since the runner upgrade") == []
