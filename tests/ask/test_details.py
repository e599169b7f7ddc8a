"""A subject's own block: the lines under its heading, item or paragraph that carry a detail."""

from __future__ import annotations

import pytest

from index.retrieve import Hit
from summarizer.engines.local.details import carries_detail, is_topic, own_lines, subject_details


def _hit(report: str, week: str, section: str, lines: tuple[int, int]) -> Hit:
    return Hit("id-" + report + week, report, week, section, [section], lines, "", 0.0, "projects")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ETA moved to 6/14", True),
        ("Status: paused", True),
        ("状态：暂停", True),
        ("Owner: Dana", False),
        ("负责人：李雷", False),
    ],
)
def test_carries_detail(text: str, expected: bool) -> None:
    assert carries_detail(text) is expected


def test_an_item_owns_its_deeper_lines_not_its_siblings() -> None:
    lines = {
        1: "- search-v2: done 3/20",
        2: "  - AB final: CTR +2.1%",
        3: "  - old model kept 1 week",
        4: "- billing: 40%",
        5: "  - eta 4/30",
    }
    assert own_lines(lines, 1) == [1, 2, 3]
    assert own_lines(lines, 4) == [4, 5]


def test_a_heading_owns_its_body_up_to_the_next_heading() -> None:
    lines = {1: "### Tide", 2: "- Owner: Li", 3: "", 4: "- Note: review on 9/10", 5: "### Other", 6: "- 20%"}
    assert own_lines(lines, 1) == [1, 2, 4]


def test_a_line_is_about_what_it_opens_with() -> None:
    assert is_topic("Express Checkout is still red but improving.", ["Express Checkout"], {})
    assert not is_topic(
        "Headline: stock sync and PCI are both finished, and the Express Checkout migration started.",
        ["Express Checkout"],
        {},
    )


def test_details_come_from_the_newest_block_and_skip_what_is_shown() -> None:
    old = {1: "## Projects", 2: "- search-v2: 60%, eta 3/20", 3: "  - AB running on 5%"}
    new = {
        1: "## Projects",
        2: "- search-v2: done 3/20",
        3: "  - AB final: CTR +2.1%, GMV +1.3%",
        4: "  - Owner: Dana",
        5: "- billing: eta 4/30",
    }
    hits = [_hit("/old.md", "2025-W10", "Projects", (2, 3)), _hit("/new.md", "2025-W12", "Projects", (2, 5))]
    found = subject_details(hits, {"/old.md": old, "/new.md": new}, ["search-v2"], {}, "search-v2: done 3/20")
    assert [(d.hit.report, d.line, d.quote) for d in found] == [
        ("/new.md", 3, "AB final: CTR +2.1%, GMV +1.3%")
    ]


def test_a_hit_under_the_subjects_heading_is_its_block() -> None:
    lines = {10: "### KR2 Tide", 11: "- Owner: Li", 12: "- Status: paused", 13: "- Note: review on 9/10"}
    hits = [_hit("/r.md", "2025-W12", "O2 > KR2 Tide", (11, 13))]
    found = subject_details(hits, {"/r.md": lines}, ["Tide"], {}, "Tide: paused")
    assert [d.quote for d in found] == ["Status: paused", "Note: review on 9/10"]
