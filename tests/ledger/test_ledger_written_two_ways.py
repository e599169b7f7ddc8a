"""One state, one name or one target written two ways in the same series: a sign and its word closing
a line, a heading's state after its sign, a rename in a bare `(was …)`, a sprint numbered within its
year, a period's end written as its last working day and then as the period. Written from a blind
series (wave 37: a pet-food subscription team's Dropbox Paper docs); the texts are this test's own."""

from __future__ import annotations

import pytest

from index.classify import classify_heading
from index.ledger import views
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.renames import rename_pairs
from index.ledger.signals import field_status, find_statuses
from index.models import SectionKind

from .conftest import Series


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("**卖品到座** In-seat delivery ✅ 上线", "launched"),
        ("Checkout rewrite 🟡 At Risk", "at_risk"),
        ("cold-start 🔴 blocked", "blocked"),  # the word says which state, not the sign's colour
        ("海韵店 ✅ 南山店", None),  # a store ticked off: no state word after the sign
        ("评审通过 ✅", None),
    ],
)
def test_a_sign_and_its_word_closing_a_line_are_its_status(text: str, status: str | None) -> None:
    found = find_statuses(text)
    assert (found[-1].value if found else None) == status


@pytest.mark.parametrize(
    ("cell", "status"),
    [("▲关注", "at_risk"), ("◆暂缓", "paused"), ("■滞后", "off_track"), ("★已完成", "done")],
)
def test_a_legends_shape_before_its_word_is_the_word(cell: str, status: str) -> None:
    # `状态说明：●正常 ▲关注 ■滞后 ◆暂缓 ★已完成`: a court's OA form marks its states with shapes
    assert field_status(cell) == status


def test_a_headings_state_after_its_sign_names_no_section_kind() -> None:
    assert classify_heading("Pup Profile (was Onboarding Quiz v2) — 🟡 At risk") == SectionKind.OTHER
    assert classify_heading("⚠️ Risks / asks") == SectionKind.RISKS


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Pup Profile (was Onboarding Quiz v2) — 🟡 At risk", [("Onboarding Quiz v2", "Pup Profile")]),
        ("Checkout (was Amber) now red", []),  # the state before
        ("Release train (was May)", []),  # the month before
        ("Target sprint 15 (was Sprint 14)", []),
        ("Harbour app (was v4.12)", []),
        ("Vela (formerly Version Control Tool)", [("Version Control Tool", "Vela")]),
    ],
)
def test_a_bare_was_before_a_name_is_a_rename(text: str, pairs: list[tuple[str, str]]) -> None:
    assert rename_pairs(text) == pairs


def test_a_sprint_numbered_within_its_year_keeps_both_numbers() -> None:
    (moved,) = find_ordinal_targets("Moving the target from sprint 24.07 to **sprint 24.09** (ends 5/14)")
    assert (moved.order, moved.before, moved.text) == ((24, 9), (24, 7), "sprint 24.09")
    (stated,) = find_ordinal_targets("Sprint 24.07 target at risk")
    assert stated.order == (24, 7)


def _weekly(day: str, target: str) -> str:
    return f"# Billing weekly {day}\n\n## Projects\n\n### Ledger migration — 🟢 On track\n- {target}\n"


def test_a_periods_end_as_its_last_working_day_then_as_the_period_is_no_move(series: Series) -> None:
    ledger = series(
        [
            ("w07.md", _weekly("2024-02-15", "Target: every sub migrated by end of Q1 (Fri 3/29)")),
            ("w08.md", _weekly("2024-02-22", "Target: end of Q1 holds")),
            ("w09.md", _weekly("2024-02-29", "Target: moved to end of April")),
        ]
    )
    moves = [(s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moves == [("2024-03-31", "2024-04-30")]
