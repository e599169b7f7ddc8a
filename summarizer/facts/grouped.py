"""List answers that scale with the organisation: grouped by team, ranked, capped, counted.

"Which projects slipped?" over twenty teams' five years holds thousands of facts; an executive
reads one screen. Each list answer hands its items here with the team (report series) they
belong to and a rank (most severe, largest, most recent first). Teams come in order: the one the
question is likely about, teams writing the question's language, then the team whose top item
ranks highest. A multi-team answer shows a few items per team for a few teams, each item naming
its team, and its headline counts per team; what is left out is counted, with the options that
show it (`--series TEAM`, `--all`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.facts.phrases import join
from summarizer.question import QuestionPlan
from summarizer.schemas import Point

MAX_POINTS = 12
# A multi-team answer: items per team and teams shown, so that it fits one screen.
PER_TEAM = 3
TEAMS = 4


def team_of(series: str) -> str:
    """A team's display name: its report folder's name."""
    return os.path.basename(series) or series or "—"


@dataclass
class Entry:
    """One item of a list answer: a point about one project or incident of one team, made only
    when the answer shows it (the facts behind it are parsed then)."""

    series: str
    rank: tuple[Any, ...]
    """Sort key within the team: smaller is shown first."""
    point: Callable[[], Point] | None = None
    facts: int = 1
    """How many facts the item stands for (the slips of one project)."""
    lang: str | None = None
    """The language the item is written in, when known without making the point."""
    value: Any = None
    """What a command lists for it (rows of the ledger)."""


@dataclass
class Team:
    series: str
    entries: list[Entry]

    @property
    def name(self) -> str:
        return team_of(self.series)

    @property
    def facts(self) -> int:
        return sum(e.facts for e in self.entries)


@dataclass
class Listing:
    """The items an answer shows, in order, and what it counts and leaves out."""

    teams: list[Team]
    points: list[Point]
    shown: list[Entry]
    """The entries behind `points`, in the same order."""
    shown_teams: int

    @property
    def several(self) -> bool:
        return len(self.teams) > 1

    @property
    def entries(self) -> int:
        return sum(len(t.entries) for t in self.teams)

    @property
    def facts(self) -> int:
        return sum(t.facts for t in self.teams)

    @property
    def capped(self) -> bool:
        return len(self.shown) < self.entries


def select(
    entries: Sequence[Entry],
    *,
    prefer: str | None = None,
    lang: str | None = None,
    langs: Mapping[str, str] | None = None,
    show_all: bool = False,
    max_points: int = MAX_POINTS,
) -> Listing:
    """Group entries by team, rank teams and entries, cap (see the module docstring).

    Teams: the `prefer`red one, those written in `lang`, then by their top entry and size."""
    by_team: dict[str, list[Entry]] = {}
    for entry in entries:
        by_team.setdefault(entry.series, []).append(entry)
    teams = [Team(series, sorted(group, key=lambda e: e.rank)) for series, group in by_team.items()]
    known = langs or {}

    def order(team: Team) -> tuple[Any, ...]:
        written = known.get(team.series) or team.entries[0].lang
        return (team.series != prefer, written != lang, team.entries[0].rank, -team.facts, team.name)

    teams.sort(key=order)
    several = len(teams) > 1
    per_team = max(PER_TEAM, max_points // min(len(teams), TEAMS)) if several else max_points
    shown: list[Entry] = []
    shown_teams = 0
    for team in teams:
        if not show_all and (len(shown) >= max_points or shown_teams >= TEAMS):
            break
        room = len(team.entries) if show_all else min(per_team, max_points - len(shown))
        shown += team.entries[:room]
        shown_teams += 1
    return Listing(teams, [], shown, shown_teams)


def arrange(
    entries: Sequence[Entry], qp: QuestionPlan, *, max_points: int = MAX_POINTS, show_all: bool | None = None
) -> Listing:
    """`select` for a question, with its points made; each names its team when the answer spans
    several teams. A few teams share the points; many show `PER_TEAM` each."""
    listing = select(
        entries,
        prefer=qp.prefer_series,
        lang=qp.lang,
        langs=qp.series_langs,
        show_all=qp.show_all if show_all is None else show_all,
        max_points=max_points,
    )
    for entry in listing.shown:
        assert entry.point is not None
        point = entry.point()
        if listing.several:
            point = point.model_copy(update={"text": f"[{team_of(entry.series)}] {point.text}"})
        listing.points.append(point)
    return listing


def team_counts(
    listing: Listing, lang: str, unit_en: str, unit_zh: str, facts_en: str = "", facts_zh: str = ""
) -> str:
    """Per-team counts for a headline: "payments-zh 15 projects (120 slips), growth-zh 12 …"."""
    parts = []
    for team in listing.teams[: max(listing.shown_teams, 1)]:
        entries = len(team.entries)
        if lang == "zh":
            extra = f"（{team.facts}{facts_zh}）" if facts_zh and team.facts != entries else ""
            parts.append(f"{team.name} {entries}{unit_zh}{extra}")
        else:
            extra = f" ({team.facts} {facts_en})" if facts_en and team.facts != entries else ""
            parts.append(f"{team.name} {entries}{' ' + unit_en if unit_en else ''}{extra}")
    rest = len(listing.teams) - max(listing.shown_teams, 1)
    if rest > 0:
        parts.append(f"其余 {rest} 个团队" if lang == "zh" else f"{rest} more team{'s' if rest > 1 else ''}")
    return join(parts, lang)  # type: ignore[arg-type]


def left_out(listing: Listing, lang: str, order_en: str, order_zh: str) -> str:
    """What a capped answer leaves out and how to see it; empty when nothing is left out."""
    if not listing.capped:
        return ""
    hidden = listing.entries - len(listing.shown)
    if lang == "zh":
        return f" 按{order_zh}排列，未列出 {hidden} 项；用 --series 团队名 查看一个团队，用 --all 查看全部。"
    return (
        f" {order_en.capitalize()} first; {hidden} more not listed: --series TEAM shows one team, --all shows"
        " every item."
    )
