"""Plain-text templates bullet with shapes (`▶ SH-017 静安嘉里店：…`, `● …`, `■ …`): each is an item,
so its project is read as a bulleted one is; a store opening (`已于1月17日试营业`) is its launch; a
level given after the sentence that told the event (`Logged as P2 by web eng`) refers back to it."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.signals import find_statuses
from index.parse import parse_items

from .conftest import Series, WriteReport


def test_shape_bullets_are_items() -> None:
    lines = list(
        enumerate(["▶ SH-017 静安嘉里店：装修进度50%", "   状态：正常", "● 第二项", "■ 第三项"], start=1)
    )
    items = parse_items(lines)
    assert [item.text.split("：")[0] for item in items] == ["SH-017 静安嘉里店", "第二项", "第三项"]


def _store(day: str, body: str) -> str:
    other = "▶ NJ-002 南京新街口德基店：装修进度10%，目标5月1日开业\n   状态：正常"
    return f"华东拓展双周报 | {day}\n\n二、门店筹备\n\n{body}\n\n{other}\n"


def test_a_store_under_a_shape_bullet_slips_and_opens(series: Series) -> None:
    ledger = series(
        [
            (
                "第1期.txt",
                _store("2024-01-05", "▶ SZ-003 苏州观前街店：装修进度40%，目标2月底开业\n   状态：正常"),
            ),
            (
                "第2期.txt",
                _store(
                    "2024-01-19", "▶ SZ-003 苏州观前街店：装修进度60%，开业顺延至3月22日\n   状态：有风险"
                ),
            ),
            ("第3期.txt", _store("2024-02-02", "▶ SZ-003 苏州观前街店：已于1月31日试营业\n   状态：已开业")),
        ]
    )
    kinds = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("SZ-003 苏州观前街店", "date_moved", "2024-W03") in kinds
    assert [(x.project, x.week) for x in views.launches(ledger)] == [("SZ-003 苏州观前街店", "2024-W05")]


def test_a_target_day_to_open_is_no_opening() -> None:
    assert [s.value for s in find_statuses("目标3月30日开业")] == []
    assert [s.value for s in find_statuses("HZ-004 西湖银泰店：已于1月17日试营业，计划1月27日正式开业")] == [
        "launched"
    ]


def test_a_level_told_after_the_event_refers_back_to_it(write_report: WriteReport) -> None:
    report = write_report(
        "digest-2025-05-09.md",
        "# Portfolio digest — May 9, 2025\n\n**Heads-up:** product pages threw 500 errors for ~15 min on Wed 5/7,"
        " starting around 11:20am PT. Logged as P2 by web eng; the limit has been raised.\n",
    )
    [incident] = extract_facts(report).incidents
    assert incident.when == date(2025, 5, 7) and incident.duration_minutes == 15


def test_a_demo_that_went_down_well_is_no_incident(write_report: WriteReport) -> None:
    report = write_report(
        "2025-03-21-weeknote-32.md",
        "# Weeknote 32 — 21 March 2025\n\nShow and tell on Thursday was busy (31 people on Teams). The demo"
        " of the Repairs booking journey went down well. Repairs is on track for the beta.\n",
    )
    assert extract_facts(report).incidents == []


def test_a_digests_own_parts_are_no_projects() -> None:
    """ "Snapshot" and "Note from Corinne" head a digest's counts and its editor's letter: the
    letter's news names projects, the heading names none (both had become projects, "Note from
    Corinne" a launched one)."""
    from index.ledger.mentions import valid_name

    for title in ("Snapshot", "SNAPSHOT", "Weekly snapshot", "Note from Corinne", "A note from the CEO"):
        assert not valid_name(title), title
    for title in ("Snapshot Service migration", "Tidewell cutover"):
        assert valid_name(title), title


def test_a_section_of_bold_led_projects_is_no_project_itself(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A check-in's answer headed "**Heads up on Wednesday's blip**" holds three bold-led projects
    (`**Pricing page** — Status: At risk`): they are the projects, not its title (which had become
    one project, with the last one's target and none of their own)."""
    from index.ledger.mention_layout import find_mentions
    from index.load import load_document
    from index.parse import parse_report

    path = tmp_path / "2025-03-14.md"
    path.write_text(
        "# What moved this week?\n\n## Friday, March 14\n\n"
        "**Heads up on Wednesday's blip**\nThe registration page was down for 47 minutes.\n\n"
        "**Corvida Summit 2025** — Status: On track\n- All 18 speakers confirmed\n\n"
        "**EMEA Partner Roadshow** — Status: On track\n- Still planning to wrap by May 9.\n\n"
        "**Pricing page refresh** — Status: At risk\nMar 31 is tight now.\n",
        encoding="utf-8",
    )
    names = [m.name for m in find_mentions(parse_report(load_document(path), path.name))]
    assert {"Corvida Summit 2025", "EMEA Partner Roadshow", "Pricing page refresh"} <= set(names)
    assert "Heads up on Wednesday's blip" not in names
