"""List answers that scale with the organisation: grouped by team, ranked, capped, counted.

"Which projects slipped?" over twenty teams' five years holds thousands of facts; an executive
reads one screen. Each list answer hands its items here with the team (report series) they
belong to and a rank (most severe, largest, most recent first). Teams come in order: the one the
question is likely about, teams writing the question's language, then the team whose top item
ranks highest. An answer about one team lists its items, one point each; an answer across teams
gives each team one line, named, with its count and its top items in a few words (the teams past
the screen's lines share one closing line: each named with its count and its items' names, so a
question with no team signal never loses a team), the headline counts per team, and what is left out is counted with the options that show it (`--series TEAM`
for one team's items, `--all` for every item).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from index.lexical import tokenize
from summarizer.facts.common import subject_weights
from summarizer.facts.phrases import join
from summarizer.question import QuestionPlan
from summarizer.schemas import Point

# Points of a one-team answer, and team lines of an answer across teams: one screen.
MAX_POINTS = 12
# Items named on one team's line, and team lines in an answer across many teams (a screen:
# ten lines of four items fit 120 x 50 with their citations).
TEAM_ITEMS = 4
TEAM_LINES = 10
# Items of the team a question is likely about, listed one point each before the other teams' lines.
PREFERRED_ITEMS = 6
# Names given for each team past the screen's team lines, how long each may run, and the team
# lines whose room the closing line takes. None: the closing line runs a few rows past the screen
# (120 x 50) rather than drop a team line's details (a room of 1 or 2 kept the screen and cost
# items of the ninth and tenth teams on the zoo).
OTHER_NAMES = TEAM_ITEMS
OTHER_ROOM = 0
OTHER_NAME_CHARS = 40
# Tables (`slips`, `incidents`): rows per team and teams listed.
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
    short: Callable[[], Point] | None = None
    """The item in a few words, with its key citations, for its team's line (else its point)."""
    about: str = ""
    """What the item is called (a project's name): a question naming part of it lists it first."""


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


# A question term this distinctive (BM25 idf; a term in a sixth of the chunks is ~1.8) that an
# item's name holds puts the item, and its team, first.
DISTINCTIVE = 2.0


def relevance(name: str, terms: Mapping[str, float] | None) -> float:
    """How much of a name the question names: the weights of its distinctive terms it holds."""
    if not name or not terms:
        return 0.0
    return sum(terms[t] for t in set(tokenize(name)) if terms.get(t, 0.0) >= DISTINCTIVE)


def select(
    entries: Sequence[Entry],
    *,
    prefer: str | None = None,
    lang: str | None = None,
    langs: Mapping[str, str] | None = None,
    terms: Mapping[str, float] | None = None,
    show_all: bool = False,
    max_points: int = MAX_POINTS,
) -> Listing:
    """Group entries by team, rank teams and entries, cap (see the module docstring).

    Entries whose name holds distinctive question `terms` first; teams: the `prefer`red one, the
    one holding such an entry, those written in `lang`, then by their top entry and size."""

    def named(entry: Entry) -> float:
        return relevance(entry.about, terms)

    by_team: dict[str, list[Entry]] = {}
    for entry in entries:
        by_team.setdefault(entry.series, []).append(entry)
    teams = [
        Team(series, sorted(group, key=lambda e: (-named(e), e.rank))) for series, group in by_team.items()
    ]
    known = langs or {}

    def order(team: Team) -> tuple[Any, ...]:
        written = known.get(team.series) or team.entries[0].lang
        top = team.entries[0]
        return (team.series != prefer, -named(top), written != lang, top.rank, -team.facts, team.name)

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
    entries: Sequence[Entry],
    qp: QuestionPlan,
    unit: tuple[str, str] = ("item(s)", "项"),
    *,
    max_points: int = MAX_POINTS,
    show_all: bool | None = None,
) -> Listing:
    """The points of a list answer: one per item for one team or a few (at most `max_points`,
    shared), one line per team across more teams (at most `TEAM_LINES` teams, `TEAM_ITEMS` items
    named on each, `unit` counting them, en and zh) after the likely team's items (up to
    `PREFERRED_ITEMS`, one point each), or with `show_all` every item; across teams each point
    names its team."""
    everything = qp.show_all if show_all is None else show_all
    listing = select(
        entries,
        prefer=qp.prefer_series,
        lang=qp.lang,
        langs=qp.series_langs,
        terms=subject_weights(qp),
        show_all=True,
        max_points=max_points,
    )
    listing.shown, listing.shown_teams = [], 0
    if everything or len(listing.teams) <= TEAMS or listing.entries <= max_points:
        # Everything fits, or one team or a few: their items one point each, the screen shared.
        room = max_points // max(1, len(listing.teams))
        for i, team in enumerate(listing.teams):
            later = len(listing.teams) - i - 1  # what a team leaves unused goes to the next
            allowed = None if everything else max(room, max_points - len(listing.shown) - room * later)
            for entry in team.entries[:allowed]:
                assert entry.point is not None
                point = entry.point()
                if listing.several:
                    point = point.model_copy(update={"text": f"[{team.name}] {point.text}"})
                listing.points.append(point)
                listing.shown.append(entry)
            listing.shown_teams += 1
        return listing
    # The team the question is likely about (its own series) first, its items one point each:
    # "what launched?" asked in a folder of many teams is about that team, the others are context.
    lines = min(max_points, TEAM_LINES)
    teams = listing.teams
    if qp.prefer_series is not None and teams[0].series == qp.prefer_series:
        first = teams[0]
        for entry in first.entries[:PREFERRED_ITEMS]:
            assert entry.point is not None
            point = entry.point()
            listing.points.append(point.model_copy(update={"text": f"[{first.name}] {point.text}"}))
            listing.shown.append(entry)
        listing.shown_teams += 1
        teams = teams[1:]
        lines -= PREFERRED_ITEMS
    # Team lines run longer than one item's point: never more than `TEAM_LINES` of them, the room
    # of the last two given to the teams past them (`other_teams`) when there are any.
    if OTHER_ROOM and len(teams) > max(lines, 1):
        lines -= OTHER_ROOM
    for team in teams[: max(lines, 1)]:
        # "+1 more" takes about the room of the item it hides: name that item instead.
        named = (
            team.entries[: TEAM_ITEMS + 1]
            if len(team.entries) == TEAM_ITEMS + 1
            else team.entries[:TEAM_ITEMS]
        )
        shorts = [make() for e in named if (make := e.short or e.point) is not None]
        rest = len(team.entries) - len(named)
        more = (f"；另有 {rest} 项" if qp.lang == "zh" else f"; +{rest} more") if rest > 0 else ""
        count = f"{len(team.entries)}{unit[1]}：" if qp.lang == "zh" else f"{len(team.entries)} {unit[0]}: "
        separator = "；" if qp.lang == "zh" else "; "
        listing.points.append(
            Point(
                text=f"[{team.name}] {count}" + separator.join(p.text for p in shorts) + more,
                citations=[c for p in shorts for c in p.citations],
            )
        )
        listing.shown += named
        listing.shown_teams += 1
    rest_line = other_teams(teams[max(lines, 1) :], qp.lang)
    if rest_line is not None:
        listing.points.append(rest_line)
    return listing


def other_teams(teams: Sequence[Team], lang: str) -> Point | None:
    """One closing line for the teams past the screen's team lines: each named, with its count
    and its top items' names (no details). A question with no team signal over many teams is
    about one of them; an answer that drops a team's items leaves its reader nothing to ask next."""
    if not teams:
        return None
    parts = []
    for team in teams:
        names = list(dict.fromkeys(e.about for e in team.entries if e.about))
        names = names if len(names) == OTHER_NAMES + 1 else names[:OTHER_NAMES]  # not "+1 more"
        shown = [n if len(n) <= OTHER_NAME_CHARS else n[: OTHER_NAME_CHARS - 1] + "…" for n in names]
        more = len(team.entries) - len(shown)
        if lang == "zh":
            tail = "等" if shown and more > 0 else ""
            inner = f"（{'、'.join(shown)}{tail}）" if shown else ""
            parts.append(f"{team.name} {len(team.entries)}{inner}")
        else:
            tail = ", …" if shown and more > 0 else ""  # the count says how many
            inner = f" ({', '.join(shown)}{tail})" if shown else ""
            parts.append(f"{team.name} {len(team.entries)}{inner}")
    head = "其余团队：" if lang == "zh" else "Other teams: "
    return Point(text=head + ("；" if lang == "zh" else "; ").join(parts))


def team_counts(
    listing: Listing, lang: str, unit_en: str, unit_zh: str, facts_en: str = "", facts_zh: str = ""
) -> str:
    """Per-team counts for a headline: "payments-zh 15 projects (120 slips), growth-zh 12 …"."""
    parts = []
    for team in listing.teams[: min(max(listing.shown_teams, 1), TEAMS)]:
        entries = len(team.entries)
        if lang == "zh":
            extra = f"（{team.facts}{facts_zh}）" if facts_zh and team.facts != entries else ""
            parts.append(f"{team.name} {entries}{unit_zh}{extra}")
        else:
            extra = f" ({team.facts} {facts_en})" if facts_en and team.facts != entries else ""
            parts.append(f"{team.name} {entries}{' ' + unit_en if unit_en else ''}{extra}")
    rest = len(listing.teams) - min(max(listing.shown_teams, 1), TEAMS)
    if rest > 0:
        parts.append(f"其余 {rest} 个团队" if lang == "zh" else f"{rest} more team{'s' if rest > 1 else ''}")
    return join(parts, lang)  # type: ignore[arg-type]


def left_out(listing: Listing, lang: str, order_en: str, order_zh: str) -> str:
    """What a capped answer leaves out and how to see it; empty when nothing is left out."""
    if not listing.capped:
        return ""
    hidden = listing.entries - len(listing.shown)
    if lang == "zh":
        return (
            f" 按{order_zh}排列，另有 {hidden} 项未列出；用 --series 团队名 查看一个团队，用 --all 查看全部。"
        )
    return (
        f" {order_en.capitalize()} first; {hidden} more not listed: --series TEAM lists one team's,"
        " --all lists every one."
    )
