"""'What changed?' answered from the ledger: a project back on track is a change too."""

from __future__ import annotations

from datetime import date

from index.ledger.store import Ledger
from summarizer.facts import lookup
from summarizer.planning.planner import known_projects, read_question

from .conftest import WriteReport, build

WEEK = """
    # Weekly update {day}

    ## In progress
    - **Push v2** — Status: {push}; target 2026-04-30
    - **Dark mode** — Status: {dark}; target 2026-05-15
    """


def test_a_project_back_on_track_is_listed_with_the_report_words(
    write_report: WriteReport, ledger: Ledger
) -> None:
    build(
        ledger,
        [
            write_report("2026-03-06.md", WEEK.format(day="2026-03-06", push="On track", dark="On track")),
            write_report("2026-03-13.md", WEEK.format(day="2026-03-13", push="At risk", dark="On track")),
            write_report("2026-03-20.md", WEEK.format(day="2026-03-20", push="On track", dark="On track")),
        ],
    )
    ledger.derive()
    qp = read_question(
        "What changed in the latest update?", latest=date(2026, 3, 20), projects=known_projects(ledger)
    )
    facts = lookup(qp, ledger)
    assert facts.headline and "recovered 1" in facts.headline
    back = [p for p in facts.points if p.text.startswith("recovered")]
    assert [p.text for p in back] == ["recovered: Push v2 At risk → On track"]
    assert {c.report.rsplit("/", 1)[-1] for c in back[0].citations} == {"2026-03-13.md", "2026-03-20.md"}
    assert not any("Dark mode" in p.text for p in facts.points)  # on track all along: no change


def test_a_slip_shows_its_new_date_as_the_report_wrote_it(write_report: WriteReport, ledger: Ledger) -> None:
    week = """
        # Weekly update {day}

        ## In progress
        - **Push v2** — Status: On track; ETA: {eta}
        """
    build(
        ledger,
        [
            write_report("2026-03-06.md", week.format(day="2026-03-06", eta="Apr 30")),
            write_report("2026-03-13.md", week.format(day="2026-03-13", eta="May 15")),
        ],
    )
    ledger.derive()
    qp = read_question(
        "What changed in the latest update?", latest=date(2026, 3, 13), projects=known_projects(ledger)
    )
    slipped = [p.text for p in lookup(qp, ledger).points if p.text.startswith("slipped")]
    # Both dates as the reports wrote them: a reader knows the old target as "Apr 30" too.
    assert slipped == ["slipped: Push v2 2026-04-30 «Apr 30» → 2026-05-15 «May 15»"]
