"""List answers over many teams fit one screen: grouped by team, ranked, capped, counted.

A generated organisation (bench/corpus.py: teams writing Chinese and English weeklies about
their own projects, incidents and metrics) is built into a ledger; the ledger's answers are
read the way `ask` reads them, from a plan of the question.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterator

import pytest

from bench.corpus import generate_org_corpus
from index.ledger import views
from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report
from summarizer.facts import Facts, lookup
from summarizer.facts.grouped import MAX_POINTS, OTHER_ROOM, TEAM_ITEMS, TEAM_LINES
from summarizer.planning.planner import known_projects, read_question
from summarizer.question import QuestionPlan

TEAM = re.compile(r"^\[([a-z]+-(?:zh|en))\] ")


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    folder = tmp_path_factory.mktemp("org")
    paths = generate_org_corpus(folder / "reports", teams=20, weeks=8, seed=5)
    with Ledger.open(folder / "ledger.sqlite") as ledger:
        for path in paths:
            ledger.upsert_report(parse_report(load_document(path), str(path)))
        ledger.derive()
        yield ledger


def plan(ledger: Ledger, question: str, **changes: object) -> QuestionPlan:
    qp = read_question(question, latest=views.reports(ledger)[-1].date, projects=known_projects(ledger))
    qp.series_langs = {s: "zh" if s.endswith("-zh") else "en" for s in views.series_names(ledger)}
    for name, value in changes.items():
        setattr(qp, name, value)
    return qp


OTHERS = ("Other teams: ", "其余团队：")


def teams_of(points: list) -> list[str]:  # type: ignore[type-arg]
    """The teams of the points with a team line each (the closing line of the other teams aside)."""
    found = [TEAM.match(p.text) for p in points if not p.text.startswith(OTHERS)]
    assert all(found), [p.text for p in points if not TEAM.match(p.text)]
    return [m[1] for m in found if m]


def team_points(points: list) -> list:  # type: ignore[type-arg]
    return [p for p in points if not p.text.startswith(OTHERS)]


# One screen: a terminal 120 columns wide and 50 rows high.
COLUMNS, ROWS = 120, 50
# Rows past the screen the closing line naming the teams past the team lines may run.
OTHERS_ROWS = 5


def screen_rows(facts: Facts) -> int:
    """Rows the answer takes in the terminal: headline, a blank row, each point wrapped with its
    row of citations under it when it has any (wide CJK characters take two columns)."""

    def rows(text: str) -> int:
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        return max(1, math.ceil(width / COLUMNS))

    return rows(facts.headline or "") + 1 + sum(rows("• " + p.text) + bool(p.citations) for p in facts.points)


def on_screen(facts: Facts) -> bool:
    """One screen, but for the closing line naming the teams past the team lines (a few rows more)."""
    last = facts.points[-1].text if facts.points else ""
    if not last.startswith(OTHERS):
        return screen_rows(facts) <= ROWS
    rest = dataclasses.replace(facts, points=facts.points[:-1])
    return screen_rows(rest) <= ROWS and screen_rows(facts) <= ROWS + OTHERS_ROWS


def test_which_projects_slipped_fits_one_screen(org: Ledger) -> None:
    facts = lookup(plan(org, "which projects slipped?"), org)
    assert facts.found and facts.headline
    assert len(facts.points) <= MAX_POINTS
    assert on_screen(facts)
    teams = teams_of(facts.points)  # one line per team, each naming its team
    assert len(teams) == len(set(teams)) == TEAM_LINES - OTHER_ROOM
    others = facts.points[-1].text  # no team falls off: the rest are named on one closing line
    assert others.startswith(OTHERS) and all(
        name.rsplit("/", 1)[-1] in others
        for name in views.series_names(org)
        if name.rsplit("/", 1)[-1] not in teams
    )
    assert "across 20 teams" in facts.headline and "16 more teams" in facts.headline  # 4 counted there
    assert sum(team in facts.headline for team in teams) >= 4  # counts per team in the headline
    assert "--all" in facts.headline and "--series" in facts.headline  # the rest, and how to see it
    for point in team_points(facts.points):
        named = re.findall(r"\(([^()]*?) (\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})", point.text)
        assert 0 < len(named) <= TEAM_ITEMS + 1, point.text  # a fifth item rather than "+1 more"
        assert "+1 more" not in point.text
        assert len(named) <= TEAM_ITEMS or "more" not in point.text, point.text
        days = [_days(a, b) for _, a, b in named]
        assert days == sorted(days, reverse=True), point.text  # the largest slip first
        assert point.citations


def _days(a: str, b: str) -> int:
    from datetime import date

    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def test_last_months_incidents_in_chinese_name_their_teams(org: Ledger) -> None:
    qp = plan(org, "上个月有哪些线上问题？")
    facts = lookup(qp, org)
    assert facts.headline and len(facts.points) <= MAX_POINTS
    assert on_screen(facts)
    teams = teams_of(facts.points)
    assert len(teams) == len(set(teams))  # one line per team, each naming its team
    assert teams[0].endswith("-zh")  # a Chinese question lists the Chinese teams first
    assert "个团队共" in facts.headline and "按级别" in facts.headline


def test_all_lists_every_project_and_one_team_needs_no_names(org: Ledger) -> None:
    everything = lookup(plan(org, "which projects slipped?", show_all=True), org)
    rows = views.slip_rows(org)
    assert len(everything.points) == len({(r.series, r.project) for r in rows})
    team = views.series_names(org)[0]
    reports = {r.source for r in views.reports(org, series=team)}
    one = lookup(plan(org, "which projects slipped?", series=team, reports=reports), org)
    assert one.points and not any(TEAM.match(p.text) for p in one.points)
    assert "across" not in (one.headline or "")


def test_the_likely_team_lists_its_items_before_the_other_teams_lines(org: Ledger) -> None:
    team = views.series_names(org)[3]
    facts = lookup(plan(org, "which projects slipped?", prefer_series=team), org)
    teams = teams_of(facts.points)
    name = team.rsplit("/", 1)[-1]
    mine = [p for p, t in zip(team_points(facts.points), teams, strict=True) if t == name]
    assert teams[: len(mine)] == [name] * len(mine) and len(mine) > 1  # its items, one point each
    assert len(set(teams[len(mine) :])) == len(teams) - len(mine)  # then one line per other team
    assert on_screen(facts)


def _latest_two(org: Ledger, teams: list[str]) -> set[str]:
    """Each team's latest report and the one before it: what the planner reads for "what changed
    in the latest report?" asked of many teams."""
    chosen: set[str] = set()
    for team in teams:
        chosen |= {r.source for r in views.reports(org, series=team)[-2:]}
    return chosen


def test_what_changed_in_the_latest_report_is_each_teams_own_change(org: Ledger) -> None:
    teams = views.series_names(org)
    facts = lookup(plan(org, "What changed in the latest report?", reports=_latest_two(org, teams)), org)
    assert facts.found and facts.headline and "teams" in facts.headline
    listed = teams_of(facts.points)
    assert len(listed) == len(set(listed)) > 1  # one line per team, each naming its team
    assert on_screen(facts)
    for point, team in zip(
        team_points(facts.points), listed, strict=True
    ):  # a team's line cites its own reports
        assert all(f"/{team}/" in c.report for c in point.citations)


def test_what_changed_for_one_team_lists_its_changes_one_point_each(org: Ledger) -> None:
    team = views.series_names(org)[0]
    one = lookup(plan(org, "What changed in the latest report?", reports=_latest_two(org, [team])), org)
    assert one.headline and "teams" not in one.headline
    assert one.points and not any(TEAM.match(p.text) for p in one.points)
