"""Renames announced in prose: the old and the new name, never a preposition or a status heading."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.renames import extract_renames, rename_pairs
from index.ledger.store import Ledger
from summarizer.facts import lookup
from summarizer.facts.naming import named
from summarizer.planning.planner import known_projects, read_question

from .conftest import WriteReport, build


def test_renamed_from_under_a_project_heading(write_report: WriteReport) -> None:
    report = write_report(
        "2026-03-06.md",
        """
        # Weekly update 2026-03-06

        ## Ledger Sync
        - Renamed from "Books bridge". Dry run passed on staging.
        """,
    )
    pairs = {(r.old, r.new) for r in extract_renames(report)}
    assert pairs == {("Books bridge", "Ledger Sync")}


def test_renamed_from_under_a_status_heading_names_nothing(write_report: WriteReport) -> None:
    report = write_report(
        "2026-03-13.md",
        """
        # Weekly update 2026-03-13

        ## In Progress
        - Ledger Sync: renamed from "Books bridge". Cutover planned for 3/27.
        """,
    )
    names = {name for r in extract_renames(report) for name in (r.old, r.new)}
    assert "from" not in {n.lower() for n in names}
    assert "In" not in names and "In Progress" not in names


def test_a_renamed_project_is_listed_under_both_names(write_report: WriteReport, ledger: Ledger) -> None:
    first = """
        # Weekly update {day}

        ## {name}
        - Status: on track, target 2026-04-30
        - Owner: Priya
        """
    build(
        ledger,
        [
            write_report("2026-03-06.md", first.format(day="2026-03-06", name="Books bridge")),
            write_report("2026-03-13.md", first.format(day="2026-03-13", name="Books bridge")),
            write_report(
                "2026-03-20.md",
                first.format(day="2026-03-20", name='Ledger Sync (formerly "Books bridge")'),
            ),
            write_report("2026-03-27.md", first.format(day="2026-03-27", name="Ledger Sync")),
        ],
    )
    canonical = views.canonical_name(ledger, "Ledger Sync")
    assert canonical == views.canonical_name(ledger, "Books bridge") == "Books bridge"
    assert named(ledger, canonical, "en") == "Books bridge (now Ledger Sync)"
    assert named(ledger, canonical, "zh") == "Books bridge（现名 Ledger Sync）"
    assert named(ledger, "Nothing tracked", "en") == "Nothing tracked"
    # A status question asked by the new name is answered under both names.
    qp = read_question(
        "What is the status of Ledger Sync?", latest=date(2026, 3, 27), projects=known_projects(ledger)
    )
    facts = lookup(qp, ledger)
    assert facts.headline and facts.headline.startswith("Books bridge (now Ledger Sync)")


def test_a_short_name_announced_for_later(write_report: WriteReport) -> None:
    report = write_report(
        "接龙-0307.txt",
        """
        2025年3月7日 周报接龙

        1. 王磊：订单中心改造（后面简称订单2.0）联调完了，整体七成
        """,
    )
    pairs = {(r.old, r.new) for r in extract_renames(report)}
    assert pairs == {("订单中心改造", "订单2.0")}


def test_a_second_name_glossed_in_passing(write_report: WriteReport) -> None:
    report = write_report(
        "week07.md",
        """
        2025/10/17 周五

        · OC 项目（就是订单中心改造，对方都这么叫）：这周在准备评审材料。
        """,
    )
    pairs = {(r.old, r.new) for r in extract_renames(report)}
    assert pairs == {("订单中心改造", "OC 项目")}


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        # the old name's own "former" marker is not part of it
        ("另外，原 hx-sync 项目更名为 Tern，下一节细说。", ("hx-sync", "Tern")),
        # the cue opens a parenthesis after the name, the new name in bold
        ("Pocket Mode (now called **Travel Kit** after the review)", ("Pocket Mode", "Travel Kit")),
        # a rename told of "it": the quoted name before the cue is the old one
        (
            '**Beacon.** "The Halvard bridge" kept confusing buyers, so we are calling it Beacon now.',
            ("Halvard bridge", "Beacon"),
        ),
        # ... or the line's subject before its colon
        (
            'Rider app refresh: marketing has officially named it "Nova 3" for the launch.',
            ("Rider app refresh", "Nova 3"),
        ),
        # a name the team started using, quoted after the old one
        (
            'Marketing has started calling the onboarding revamp "Harbor" in every meeting.',
            ("onboarding revamp", "Harbor"),
        ),
        # "is officially X now", the new name in bold; and a heading's own "née" gloss
        (
            "The ingress migration is officially **Project Turnstile** now.",
            ("ingress migration", "Project Turnstile"),
        ),
        ("Turnstile (née ingress migration)", ("ingress migration", "Turnstile")),
        # colloquial Chinese renames
        ("对账工具现在改叫 Tally 了，文档还没改。", ("对账工具", "Tally")),
        ("老的发布平台的新名字叫“启航”。", ("老的发布平台", "启航")),
    ],
)
def test_one_line_announces_a_rename(line: str, pair: tuple[str, str]) -> None:
    assert rename_pairs(line) == [pair]


@pytest.mark.parametrize(
    "line",
    [
        "The search beta missed its date, and we are now calling it delayed.",  # a status, lowercase
        "灰度发布现在叫停了，等下周再看。",  # 叫停 halts, it does not name
        "我们以后叫它小助手吧",  # a pronoun is no old name
        'We renamed this goal because "audit trail" kept confusing people.',  # the phrase is no name
        'Support keeps calling it "the new thing" in tickets.',  # "it": `_IT_NAMED`'s, lowercase
    ],
)
def test_no_rename_in_a_line_that_only_looks_like_one(line: str) -> None:
    assert rename_pairs(line) == []


def test_reingest_after_a_rename_no_line_writes_yet(write_report: WriteReport, ledger: Ledger) -> None:
    """An incremental derive (one report changed) over a ledger that holds a rename whose new name
    no line writes yet: that name has no series of its own. It crashed every later ingest."""
    body = """
        # Weekly update {day}

        ## Books bridge
        - Status: on track, target 2026-04-30
        {extra}
        """
    build(
        ledger,
        [
            write_report("2026-03-06.md", body.format(day="2026-03-06", extra="")),
            write_report(
                "2026-03-13.md",
                body.format(day="2026-03-13", extra='- We renamed Books bridge to "Ledger Sync" this week.'),
            ),
        ],
    )
    ledger.derive()
    ledger.upsert_report(write_report("2026-03-06.md", body.format(day="2026-03-06", extra="- Owner: Priya")))
    derived = ledger.derive()
    assert derived is not None and not derived.full and derived.dirty == 1
    assert [p.name for p in views.projects(ledger)] == ["Books bridge"]
    assert views.canonical_name(ledger, "Ledger Sync") == "Books bridge"
