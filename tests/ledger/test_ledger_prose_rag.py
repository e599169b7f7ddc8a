"""Project health and moved dates told in English prose: RAG colours said of a subject or by the
writer's judgement, a new date said as what it "now looks like", a missed date, and a label that
opens a line of news. Snippets are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.identity import NameStat, build_identity
from index.ledger.progress import find_progress
from index.ledger.prose import _title_line
from index.ledger.prose_names import clause_openings
from index.ledger.signals import find_statuses, heading_status
from index.ledger.targets import classify_dates, pick_target

from .conftest import Series


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The billing service is green.", "on_track"),
        ("Search v3 is also green this week.", "on_track"),
        ("Search v3: green.", "on_track"),
        ("Green, but the vendor is slow.", "on_track"),
        ("I'd call the importer wobbly now.", "at_risk"),
        ("I'm downgrading the audit to amber.", "at_risk"),
        ("We're calling Atlas red until legal signs off.", "off_track"),
        ("Mobile is back to green after the fix.", "on_track"),
        # a board's capitals for the colours, as a sentence of their own (w20-e)
        ("Waiting on the audio sync, 03/03. AMB.", "at_risk"),
        ("No change. GRN.", "on_track"),
    ],
)
def test_a_colour_said_of_a_project_is_its_health(text: str, status: str) -> None:
    assert [hit.value for hit in find_statuses(text)][:1] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "The nightly build is red again.",
        "we found out when the contract tests went red",
        "I wouldn't call it red, the fix is small.",
        "The red team found two issues.",
        "Red Hat images are updated.",
        "the green energy tariff started",
        "Amb. Kim visited the depot.",
    ],
)
def test_a_colour_that_is_no_projects_health(text: str) -> None:
    assert find_statuses(text) == []


def _target(text: str, ref: date) -> tuple[str, bool] | None:
    picked = pick_target(classify_dates(text, ref))
    return (picked.hit.text.rstrip("."), picked.moved) if picked else None


def test_the_date_it_now_looks_like_is_the_new_target() -> None:
    text = "We promised the client a go-live on 15 April; that now looks like the 29th."
    assert _target(text, date(2025, 3, 31)) == ("the 29th", True)


def test_a_realistic_date_beside_the_one_set_aside() -> None:
    text = "Sync is still blocked on the certs, realistic date is now end of Feb, not end of Jan."
    roles = {r.hit.text.rstrip("."): r.role for r in classify_dates(text, date(2025, 1, 21))}
    assert roles == {"end of Feb": "target", "end of Jan": "old"}
    assert _target(text, date(2025, 1, 21)) == ("end of Feb", True)


def test_a_missed_date_is_no_launch_day() -> None:
    roles = classify_dates("The portal did not make the 11 April GA.", date(2025, 4, 14))
    assert [(r.hit.text, r.role) for r in roles] == [("11 April", "target")]


def test_a_label_opening_a_line_of_news_is_a_subject() -> None:
    assert clause_openings("Search re-index: green, 9 of 22 shards done.") == ["Search re-index"]
    assert clause_openings("Assignee: Ines Aldana, Kofi Mensah") == []


def test_names_of_two_series_join_only_when_written_whole() -> None:
    day = date(2025, 1, 6)
    identity = build_identity(
        [
            NameStat("LedgerSync export", day, 3, {"team-a"}),
            NameStat("Ledger", day, 3, {"team-b"}),
            NameStat("Ledger export", day, 1, {"team-a"}),
        ]
    )
    assert identity.canonical_of["Ledger"] != identity.canonical_of["LedgerSync export"]
    assert identity.canonical_of["Ledger export"] != identity.canonical_of["Ledger"]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("Beta to partners on 21 March, GA end of March, both unchanged.", date(2025, 3, 10), "end of March"),
        ("Beta mid-Feb is still the plan, GA end of Q1.", date(2025, 1, 28), "Q1"),
        (
            "The beta ships on 21 March, and general availability is planned for end of March.",
            date(2025, 3, 3),
            "end of March",
        ),
    ],
)
def test_ga_before_a_date_is_the_release_target(text: str, ref: date, expected: str) -> None:
    picked = pick_target(classify_dates(text, ref))
    assert picked is not None and picked.hit.text.rstrip(".") == expected and picked.release


def test_a_sub_bullet_giving_the_ga_date_moves_the_project(series: Series) -> None:
    first = """\
    # Eng sync, Tue 7 Jan 2025

    ## Projects

    - Route planner (ana): on track. beta mid-Feb, GA end of Q1.
    - Billing export (li): 3 of 9 reports moved.
    - Search (bo): nothing new.
    """
    second = """\
    # Eng sync, Tue 14 Jan 2025

    ## Projects

    - Route planner (ana): beta slips a week because of the sync bug.
      - knock-on: GA looking like mid-April rather than end of Q1
      - rollout to the first 10% on Thu 23rd
    - Billing export (li): 5 of 9 reports moved.
    - Search (bo): nothing new.
    """
    ledger = series([("w1.txt", first), ("w2.txt", second)])
    moved = [(s.kind, s.week, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("date_moved", "2025-W03", "2025-04-15")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("1. Route planner", "Route planner"),
        ("-- Route planner --", "Route planner"),
        ("ROUTE PLANNER (FYI, closed)", "ROUTE PLANNER"),
        ("1. We shipped it.", None),
        ("Priya: back on track", None),
    ],
)
def test_a_title_line_of_a_plain_text_block(line: str, title: str | None) -> None:
    assert _title_line(line) == title


def test_lines_under_a_title_naming_no_project_are_the_titles(series: Series) -> None:
    first = """\
    # Eng sync, Tue 7 Jan 2025

    ## Projects

    - Route planner: on track for end of Feb.
    - Billing export: 3 of 9 reports moved.
    - Search (bo): nothing new.
    """
    second = """\
    Eng sync, Tue 14 Jan 2025

    1. ROUTE PLANNER
       The vendor fix needs a week on canary, so the 100% step is off.
       New date for 100% is Fri 14 Mar.

    2. Billing export
       Still paused.
    """
    ledger = series([("w1.txt", first), ("w2.txt", second)])
    moved = [(s.project, s.kind, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("Route planner", "date_moved", "2025-03-14")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We're calling the cost project done; infra owns drift from here.", ["done"]),
        ("That is not enough to call it done by the end of December.", []),
        ("Billing: the vendor's fix shipped Fri, so we're unblocked.", []),
        ("Dark mode shipped Fri.", ["launched"]),
    ],
)
def test_a_verdict_of_done_and_a_fix_that_is_no_launch(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


def test_a_release_heading_with_its_period_and_a_weeks_done_list() -> None:
    assert heading_status("Shipped this week") == "launched"
    assert heading_status("Done this week") is None  # the week's activities, not finished projects


def test_a_share_as_of_a_day_is_progress() -> None:
    assert [hit.value for hit in find_progress("100% as of Mon 10 Mar.", True)] == [100]
    assert find_progress("CPU 75% as of today", True) == []


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # the weekday alone would be Monday 28 April, the nearest one
        ("Permits is on track for Monday 19 May.", date(2025, 4, 25), (date(2025, 5, 19), False)),
        (
            "Still at risk, still aiming for week commencing 28 April.",
            date(2025, 4, 4),
            (date(2025, 4, 28), False),
        ),
        (
            "We've had to push the private beta back again, by about a week, to Tuesday 6 May.",
            date(2025, 4, 25),
            (date(2025, 5, 6), True),
        ),
    ],
)
def test_weekday_days_weeks_and_push_backs(text: str, ref: date, expected: tuple[date, bool]) -> None:
    picked = pick_target(classify_dates(text, ref))
    assert picked is not None and (picked.hit.value, picked.moved) == expected
