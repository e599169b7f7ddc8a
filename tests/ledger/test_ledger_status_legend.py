"""A report's own status words, declared in its legend, are read as that legend says."""

from __future__ import annotations

from index.ledger.extract import extract_facts
from index.ledger.signals import field_status
from index.ledger.status_legend import read_status_words
from index.ledger.status_signs import reading_status_words

from .conftest import WriteReport

HEAD = (
    "DIGITAL PRODUCT BUDGET -- FRIDAY, FEB. 21, 2025\n"
    "KEY: ON DEADLINE = on track / TIGHT = at risk / LATE = off track\n"
    "     HOLD = paused / SPIKED = killed / MOVED = live for readers\n\n"
)


def test_a_legend_over_two_lines_defines_the_reports_words(write_report: WriteReport) -> None:
    words = read_status_words(write_report("budget.txt", HEAD + "## Projects\n\n- x\n"))
    assert words == {
        "on deadline": "on_track",
        "tight": "at_risk",
        "late": "off_track",
        "hold": "paused",
        "spiked": "cancelled",
        "moved": "launched",
    }


def test_a_status_field_reads_the_legends_word_only_while_its_report_is_read() -> None:
    assert field_status("TIGHT") is None
    with reading_status_words({"tight": "at_risk", "on deadline": "on_track"}):
        assert field_status("TIGHT (feed from Subscriptions)") == "at_risk"
        assert field_status("ON DEADLINE") == "on_track"
        assert field_status("Amber") == "at_risk"  # words the legend leaves out keep their meaning
    assert field_status("TIGHT") is None


def test_projects_of_a_report_with_a_legend(write_report: WriteReport) -> None:
    body = HEAD + "## Projects\n\n### PAYWALL-METER\nStatus: TIGHT | ETA: Tuesday, March 11\n"
    (found,) = extract_facts(write_report("budget.txt", body)).observations
    assert (found.project, found.status) == ("PAYWALL-METER", "at_risk")


def test_a_slug_before_a_double_dash_opens_a_projects_paragraph(write_report: WriteReport) -> None:
    body = (
        HEAD + "PROJECTS\n\nPAYWALL-METER -- Replace the flat meter with a dynamic\nmeter that flexes.\n"
        "   Status: TIGHT | ETA: Tuesday, March 11\n\nWe shipped it -- finally.\n"
    )
    found = {o.project: o.status for o in extract_facts(write_report("budget.txt", body)).observations}
    assert found == {"PAYWALL-METER": "at_risk"}  # "We shipped it" is a sentence, not a name


def test_a_footer_legend_that_wraps_and_a_heading_in_its_words(write_report: WriteReport) -> None:
    """A legend may close the report and wrap mid-entry; a heading made of its word ("DOCKED THIS
    WEEK") files what is under it as that status."""
    text = (
        "Harbour weekly 2025-11-14\n\nDOCKED THIS WEEK\n * Crane telemetry - live on all berths since Tue.\n\n"
        "NOTES\n - nothing else\n\n"
        "Condition key: CALM = on track | CHOPPY = at risk | STORM = off\ntrack or blocked | DOCKED = live /\n"
        "done | MOORED = parked for now\n"
    )
    report = write_report("h.txt", text)
    words = read_status_words(report)
    assert words["storm"] == "off_track" and words["docked"] == "launched" and words["moored"] == "paused"
    found = {o.project: o.status for o in extract_facts(report).observations}
    assert found.get("Crane telemetry") == "launched"
    assert not any(name.startswith("Condition") for name in found)


def test_a_legend_with_no_label_or_no_equals_sign_is_still_read(write_report: WriteReport) -> None:
    """`附: 状态沿用球色 —— BLUE=正常 / YELLOW=有风险` (no legend label) and `Hl: OC On Course | CA
    Caution | JE Jeopardy` (a column's abbreviation, codes and words between bars), written after
    wave 29 was measured; the lines below are this test's own."""
    words = read_status_words(
        write_report(
            "log.txt", "FLEET LOG 2025-03-07\n附: 状态沿用球色 —— BLUE=正常 / YELLOW=有风险 / RED=延期\n"
        )
    )
    assert words["blue"] == "on_track"  # the legend's word, not `附: …球色 —— blue`
    assert words["yellow"] == "at_risk"
    words = read_status_words(
        write_report("imsr.txt", "IMSR 2025-03-07\nHl: OC On Course | CA Caution | JE Jeopardy | HD Held\n")
    )
    assert [words[code] for code in ("oc", "ca", "je", "hd")] == [
        "on_track",
        "at_risk",
        "off_track",
        "paused",
    ]
    assert field_status("On Course") == "on_track" and field_status("in jeopardy") == "off_track"
    plain = write_report("plain-2025-03-07.txt", "Plan: G=Alice | A=Bob\nNotes on the depot work\n")
    assert read_status_words(plain) == {}  # names after the signs say no status


def test_a_legend_whose_entries_stand_two_spaces_apart_and_a_bracketed_code(
    write_report: WriteReport,
) -> None:
    """A board's footer `BRAG: B = complete/closed  G = on plan  A = at risk`, its codes written `[B]`
    beside each item (written after wave 30 was measured; the lines are this test's own)."""
    report = write_report(
        "board-2025-07-09.txt",
        "DEPOT REVIEW 2025-07-09\n\nD3  Tablets    [B]\n\nBRAG: B = complete/closed  G = on plan  A = at risk\n"
        "      R = off plan  H = on hold\n",
    )
    words = read_status_words(report)
    assert {code: words.get(code) for code in "bgarh"} == {
        "b": "done",
        "g": "on_track",
        "a": "at_risk",
        "r": "off_track",
        "h": "paused",
    }
    with reading_status_words(words):
        assert field_status("[B]") == "done"
    assert field_status("[B]") is None  # without the legend a B says nothing


def test_a_legend_written_tight_one_space_between_entries(write_report: WriteReport) -> None:
    # a generated report's footer: each word joined to its meaning, entries one space apart
    text = "编译农场周报 2025-03-28\n\n- FARM: 进行中\n\n状态图例: OK=按计划 WARN=有风险 FAIL=延期/受阻 HOLD=暂停 DROP=取消\n"
    assert read_status_words(write_report("r.txt", text)) == {
        "ok": "on_track",
        "warn": "at_risk",
        "fail": "off_track",
        "hold": "paused",
        "drop": "cancelled",
    }


def test_a_key_of_codes_set_apart_by_middle_dots(write_report: WriteReport) -> None:
    """`OT = on track · AR = at risk · OFF = off track`: each dot ends an entry, so `AR` is at risk
    (read as one run, `at risk · OFF` became one word meaning off track)."""
    text = (
        "# Release train sync\n\nThu 2025-06-12\n"
        "Status key: OT = on track · AR = at risk · OFF = off track · ⏸ = paused\n\n"
        "## Board\n\n| Feature | Target | Health |\n|---|---|---|\n"
        "| Claims intake | 2025-07-01 | AR |\n| Ledger bridge | 2025-08-01 | OT |\n"
    )
    report = write_report("sync.md", text)
    assert read_status_words(report) == {"ot": "on_track", "ar": "at_risk", "off": "off_track", "⏸": "paused"}
    found = {o.project: o.status for o in extract_facts(report).observations}
    assert found == {"Claims intake": "at_risk", "Ledger bridge": "on_track"}


def test_the_state_after_a_legends_light_says_which_of_its_meanings() -> None:
    """`Grey = paused or closed`: `Grey – Cancelled` is cancelled, `Grey – Closed` done; a light
    followed by a sentence keeps the legend's meaning."""
    with reading_status_words({"grey": "paused", "amber": "at_risk"}):
        assert field_status("Grey – Cancelled") == "cancelled"
        assert field_status("Grey – Closed") == "done"
        assert field_status("Grey") == "paused"
        assert field_status("Amber – on track next week") == "at_risk"
