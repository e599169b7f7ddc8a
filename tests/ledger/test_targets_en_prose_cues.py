"""English prose that names a project's day loosely: a launch said ahead ("goes live on") and a
day called "the new aim"."""

from datetime import date

import pytest

from index.ledger.mentions import valid_name
from index.ledger.targets import classify_dates, pick_target

REF = date(2024, 5, 3)


@pytest.mark.parametrize(
    ("text", "day", "moved"),
    [
        ("The checkout redesign is going live on Tuesday 14th.", date(2024, 5, 14), False),
        ("Barring surprises it goes live on 3 June.", date(2024, 6, 3), False),
        ("end of May is not going to happen; mid-June is the new aim.", date(2024, 6, 15), True),
        ("The 20th is still our target for the export.", date(2024, 5, 20), False),
        # the move's object is vague ("after the freeze"); the day after the dash is the new one
        ("Pushed to after the freeze — realistically Wednesday Sep 10.", date(2024, 9, 10), True),
        ("Still on for the week of the 20th.", date(2024, 5, 20), False),
    ],
)
def test_loose_target_wording(text: str, day: date, moved: bool) -> None:
    picked = pick_target(classify_dates(text, REF))
    assert picked is not None
    assert (picked.hit.value, picked.role, picked.moved) == (day, "target", moved)


@pytest.mark.parametrize(
    "text",
    [
        "The portal went live on Monday 29th.",  # done, not ahead
        "The realistic option, after the call on the 9th, is to wait.",  # a clause break: no date for
        "We met on the 20th to plan the aim of the next phase.",
        "Realistically we met on the 20th and talked.",  # a day told as past, however realistic
    ],
)
def test_no_target_without_the_cue(text: str) -> None:
    assert not [r for r in classify_dates(text, REF) if r.role == "target"]


@pytest.mark.parametrize("heading", ["What's next", "What’s coming up", "Looking ahead", "Next steps"])
def test_a_look_ahead_heading_is_no_project(heading: str) -> None:
    # the next steps of several projects are listed under it; a date there is not the heading's
    assert not valid_name(heading)


def test_a_project_named_next_is_still_one() -> None:
    assert valid_name("Next.js upgrade")
