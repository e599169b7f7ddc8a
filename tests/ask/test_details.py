"""A subject's own block: the lines under its heading, item or paragraph that carry a detail."""

from __future__ import annotations

import pytest

from index.retrieve import Hit
from index.schemas import Citation
from summarizer.engines.local.details import (
    beside_facts,
    carries_detail,
    figures_left_out,
    is_topic,
    own_lines,
    report_events,
    subject_details,
)
from summarizer.schemas import Point


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


def _cited(point_text: str, report: str, week: str, line: int, quote: str) -> Point:
    citation = Citation(
        report=report, week=week, section="Goals > Goal: fmt 2.0", lines=(line, line), quote=quote
    )
    return Point(text=point_text, citations=[citation])


def test_an_events_note_beside_its_line_is_added() -> None:
    lines = {
        1: "### Goal: fmt 2.0",
        2: "**Status:** Completed",
        3: "",
        4: "fmt 2.0 was released on March 19, five days after the March 14 target.",
    }
    points = [_cited("fmt 2.0: launched 2025-03-19 (late)", "/r.md", "2025-W14", 2, "Status: Completed")]
    added = beside_facts(points, {"/r.md": lines}, "1 project launched")
    assert [p.citations[0].lines for p in added] == [(4, 4)]
    assert "March 19" in added[0].text


def test_a_metric_rows_neighbour_is_no_note() -> None:
    lines = {1: "## Cycle stats", 2: "- Completed: 37 (86%)", 3: "- p95 latency (public API): 179 ms"}
    points = [_cited("metric changes: Completed 34 → 37", "/r.md", "2025-W21", 2, "Completed: 37 (86%)")]
    assert beside_facts(points, {"/r.md": lines}, "") == []


def test_a_note_already_shown_is_not_repeated() -> None:
    lines = {
        1: "### KR1",
        2: "- 状态：✅ 已完成",
        3: "- 说明：8/29正式切换为同城双活，写流量可在5分钟内切换。",
    }
    points = [_cited("完成: KR1", "/r.md", "2024-W36", 2, "状态：✅ 已完成")]
    assert len(beside_facts(points, {"/r.md": lines}, "")) == 1
    assert (
        beside_facts(points, {"/r.md": lines}, "说明：8/29正式切换为同城双活，写流量可在5分钟内切换。") == []
    )


def test_an_incidents_figures_the_summary_leaves_out_are_quoted() -> None:
    lines = {
        5: "9/9 10:05，接入层证书轮换后，约 8% 的网关断连，持续 40 分钟，定级 P2。重新下发证书链后恢复。",
    }
    point = Point(
        text="2024-W37 接入层证书轮换后 (P2; 9/9 10:05; 持续 40 分钟)",
        citations=[
            Citation(
                report="/r.md", week="2024-W37", section="现网问题", lines=(5, 5), quote="接入层证书轮换后"
            )
        ],
    )
    added = figures_left_out([point], {"/r.md": lines}, point.text)
    assert len(added) == 1 and "8%" in added[0].text
    # "8" of "2024-W38" is no "8%": figures are compared whole.
    assert figures_left_out([point], {"/r.md": lines}, point.text + " 2024-W38") != []
    assert figures_left_out([point], {"/r.md": lines}, point.text + " 8%") == []


def test_what_changed_is_the_newest_reports_status_lines_one_block_at_a_time() -> None:
    old = {1: "## Projects", 2: "- search-v2: 60%, eta 3/20"}
    new = {
        1: "## Projects",
        2: "| 项目 | 负责人 | 状态 |",
        3: "| --- | --- | --- |",
        4: "| 积分商城 | 何川 | 暂停 |",
        5: "- title-gen: ❌ 砍掉 — 改用外采 API",
        6: "- kiln-mig: 全量切换 4/16 ✅",
        7: "- done ✅:",
        8: "- Owner: Dana",
    }
    hits = [
        _hit("/t/old.md", "2025-W15", "Projects", (2, 2)),
        _hit("/t/new.md", "2025-W16", "Projects", (2, 8)),
    ]
    found = report_events(hits, {"/t/old.md": old, "/t/new.md": new}, "")
    assert [d.line for d in found] == [4, 5, 6]  # no header row, no bare label, no owner line
    other = _hit("/u/r.md", "2025-W16", "Projects", (1, 1))
    assert (
        report_events([*hits, other], {"/t/old.md": old, "/t/new.md": new, "/u/r.md": {1: "x 暂停"}}, "")
        == []
    )


def test_why_a_day_was_missed_reads_the_first_report_after_that_day() -> None:
    from datetime import date

    def report(body: str) -> dict[int, str]:
        return {1: "## Gateway", 2: "- Gateway: freeze firmware 8/16", 3: f"  - {body}"}

    sources = {
        "/g/0802.md": report("Zigbee soak test passed on 7/30."),
        "/g/0830.md": report("8/9 lab test: radiated emissions failed certification; freeze moves to 9/27."),
        "/g/0913.md": report("Retest passed 9/10; certificate due end of September."),
    }
    hits = [
        Hit(
            "a",
            "/g/0802.md",
            "2024-W31",
            "Gateway",
            ["Gateway"],
            (2, 3),
            "",
            0.0,
            "projects",
            date="2024-08-02",
        ),
        Hit(
            "b",
            "/g/0830.md",
            "2024-W35",
            "Gateway",
            ["Gateway"],
            (2, 3),
            "",
            0.0,
            "projects",
            date="2024-08-30",
        ),
        Hit(
            "c",
            "/g/0913.md",
            "2024-W37",
            "Gateway",
            ["Gateway"],
            (2, 3),
            "",
            0.0,
            "projects",
            date="2024-09-13",
        ),
    ]
    newest = subject_details(hits, sources, ["Gateway"], {}, "")
    assert {d.hit.report for d in newest} == {"/g/0913.md"}
    missed = subject_details(hits, sources, ["Gateway"], {}, "", after=date(2024, 8, 16))
    assert {d.hit.report for d in missed} == {"/g/0830.md"}
    assert any("radiated emissions" in d.quote for d in missed)


def test_what_changed_reads_a_change_said_in_prose() -> None:
    """Notes say what changed without a status word: "unpaused as of today", "GA moves to end of
    April", "Kestrel moved Thu 6 Mar"; a line saying nothing changed is still left out."""
    new = {
        1: "Weekly sync",
        2: "dashcam (jun): unpaused as of today, back on it full time",
        3: "Copilot 2: GA moves to end of April",
        4: "billing: Kestrel moved Thu 6 Mar, the last one",
        5: "lunch order goes to Sam this week",
    }
    found = report_events([_hit("/t/new.md", "2025-W11", "Sync", (1, 5))], {"/t/new.md": new}, "")
    assert [d.line for d in found] == [2, 3, 4]


def test_what_changed_reads_a_chat_logs_lines_and_its_decisions() -> None:
    """A chat log's clock ("[14:02]") is no metric row's label, and a decision ("#agreed …",
    "landed in main") is news of the meeting."""
    log = {
        1: "[14:00] <kim> #topic follow-ups",
        2: "[14:02] <ola> done. all 12 screens ported, review is up",
        3: "[14:03] #agreed the beta channel is renamed to preview",
        4: "[14:04] <ola> the cache fix landed in main yesterday",
        5: "[14:05] <kim> thanks all",
    }
    found = report_events([_hit("/t/log.md", "2025-W11", "Log", (1, 5))], {"/t/log.md": log}, "")
    assert [d.line for d in found] == [2, 3, 4]
