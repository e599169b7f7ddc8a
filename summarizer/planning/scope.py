"""Which reports a question is about: the report series (one team's folder) and its latest date.

One index often holds several teams' weeklies. "Which projects slipped?" asked in English of an
index holding a Chinese payments series and an English platform series means the platform team,
and "last month" means the last month of that team's reports, not of the newest file anywhere.
The series is chosen by evidence in this order: a series named in the question ("payments"),
the series of a project the question names, then a clear majority of the question's own top
search hits, unless the question's language alone explains that majority (the only English
team wins every English question). When none of them is clear the whole index stays in
scope, and relative time ("last month") is resolved per series.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from index.lexical import tokenize
from index.schemas import series_of
from index.text.lang import detect_lang
from summarizer.errors import ConfigError
from summarizer.planning.file_names import file_name_team
from summarizer.planning.index_context import GENERIC_FOLDER_WORDS, IndexContext, noun
from summarizer.planning.question_words import strip_question_words
from summarizer.planning.team_words import lone_word_team, names

if TYPE_CHECKING:
    from index.lexical import LexicalIndex
    from index.retrieve import Retriever

# Share of the rank-weighted vote the leading series needs before the others are left out.
MAJORITY = 0.75
# Share of the index's teams that may hold a question term for it to tell one of them from the rest
# ("infrastructure" of two teams' goal posts among twenty; "June" or "incidents" tell nothing).
FEW_TEAMS = 0.1
# Share of the index's teams whose reports write a folder word for it to be a topic rather than
# that team's name ("data" or "release" of half the teams' reports; not "digest" of three of 26).
COMMON_TEAMS = 0.25
# Teams a project name may be reported by for the question to be scoped to them.
PROJECT_TEAMS = 3


def named_teams(question: str, series: Sequence[str]) -> list[str]:
    """The series whose folder name has a distinctive word the question uses as a word, plurals
    folded ("the latest weeknote" names `weeknotes-blog`)."""
    words = {noun(w) for w in re.findall(r"[a-z0-9]+", question.casefold())}
    return [
        s
        for s in series
        if any(noun(w) in words for w in folder_words(s))
        or ((name := file_name_team(s)) and name in question)
    ]


@lru_cache(maxsize=8192)
def folder_words(series: str) -> tuple[str, ...]:
    """The words of a series' folder name that may name it: four letters or more, not generic
    (memoised: every question looks at every team's folder)."""
    return tuple(
        w
        for w in re.findall(r"[a-z0-9]+", os.path.basename(series).casefold())
        if len(w) >= 4 and w not in GENERIC_FOLDER_WORDS
    )


def named_series(
    question: str, series: Sequence[str], votes: Mapping[str, float] | None = None
) -> str | None:
    """The one series whose folder name has a distinctive word the question uses as a word. When
    several folders hold the word ("goals" of two teams' goal posts), the word narrows the teams
    and the question's hits choose among them: the named one holding a clear majority of the
    named teams' vote."""
    named = named_teams(question, series)
    if len(named) == 1:
        return named[0]
    among = {s: (votes or {}).get(s, 0.0) for s in named}
    if not among or not sum(among.values()):
        return None
    best = max(sorted(among), key=among.__getitem__)
    return best if among[best] >= MAJORITY * sum(among.values()) else None


def series_votes(question: str, retriever: Retriever, k: int = 8) -> dict[str, float]:
    """Rank-weighted votes of the question's unfiltered top hits, by series."""
    votes: dict[str, float] = {}
    for rank, hit in enumerate(retriever.search(question, k=k)):
        series = series_of(hit.report)
        votes[series] = votes.get(series, 0.0) + 1.0 / (rank + 1)
    return votes


def series_with_term(term: str, ctx: IndexContext, lexical: LexicalIndex) -> set[str]:
    """The series with a chunk holding the term (any of its tokens): from the term's postings,
    not one search per series."""
    held: set[str] = set()
    for token in tokenize(term):
        held |= lexical.series_holding(token)
    return held & set(ctx.reports_by_series)


def term_holders(
    question: str, ctx: IndexContext, lexical: LexicalIndex, keep: Sequence[str] = ()
) -> dict[str, set[str]]:
    """The question's distinctive terms (held by some series, not all) -> the series holding each."""
    everyone = len(ctx.reports_by_series)
    out: dict[str, set[str]] = {}
    for term in dict.fromkeys(tokenize(strip_question_words(question, keep))):
        holders = series_with_term(term, ctx, lexical)
        if holders and len(holders) < everyone:
            out[term] = holders
    return out


def term_support(
    holders: Mapping[str, set[str]], ctx: IndexContext, lexical: LexicalIndex
) -> dict[str, float]:
    """Per series, the IDF-weighted share of the question's terms that only some series contain
    (`holders`, from `term_holders`).

    A term every series has says nothing about which team is meant; "SEV2" or "p99 checkout
    latency" found in one series only says a lot, whatever language the question is in.
    """
    support = dict.fromkeys(ctx.reports_by_series, 0.0)
    for term, series in holders.items():
        for one in series:
            support[one] += lexical.idf(term)
    return support


def contradicted(
    leader: str,
    holders: Mapping[str, set[str]],
    lexical: LexicalIndex,
    by_language: bool = True,
    teams: int = 0,
) -> bool:
    """True when a series other than the vote's leader holds distinctive terms of the question
    that the leader lacks ("SEV2" asked in Chinese of a Chinese and an English series): the vote
    then reflects the question's language, not its subject, and scoping would hide the answer.

    `by_language`: the leader is the only series in the question's language, so its vote may be
    the language's alone and any term elsewhere contradicts it. When other series share that
    language the vote already weighed the subject; in a crowded index some other series always
    holds a word of the question ("逾期", "latest"), so the leader is contradicted only by a
    series whose terms the leader lacks weigh as much as the terms the leader holds and it lacks
    (a name only one team writes, "白鹭", outweighs a common word that only a few reports happen
    to use; "infrastructure" that two teams' goal posts write is the leader's against any third
    team, though not its alone). A series holding every term the leader holds is a tie, and a
    leader holding no term that few teams (`FEW_TEAMS` of the `teams`) write has no word that
    tells it apart: "which production incidents happened in June?" matches every team that
    writes incidents by month, and the vote between them is the wording's, not the subject's.
    """
    others = {s for series in holders.values() for s in series} - {leader}
    if by_language:
        return bool(others)
    few = max(1, int(FEW_TEAMS * teams))
    if not any(leader in series and len(series) <= few and names(t) for t, series in holders.items()):
        return bool(others)  # no word of the question tells the leader from most teams
    for other in others:
        # Terms both hold say nothing between the two; a crowded index shares most words with
        # some third team, so "its own" terms are those this other team lacks, not those no team has.
        lacking = sum(
            lexical.idf(t) for t, series in holders.items() if other in series and leader not in series
        )
        own = sum(lexical.idf(t) for t, series in holders.items() if leader in series and other not in series)
        if lacking >= own:
            return True  # as close a match as the leader, or closer: the vote is the wording's
    return False


def own_name(
    leader: str, holders: Mapping[str, set[str]], lexical: LexicalIndex, teams: int, by_language: bool = False
) -> bool:
    """True when the vote's leader, however slight its lead, is the only team writing a term of the
    question and no other team matches the question as well: a code name ("QN2现在是什么情况？")
    is the team's own word, while the rest of the question ("现在是什么情况") draws every chatty
    team's passages into the vote."""
    alone = any(series == {leader} and names(t) for t, series in holders.items())
    return alone and not contradicted(leader, holders, lexical, by_language=by_language, teams=teams)


# A code name as teams write them: CamelCase ("LedgerSync"), letters with digits ("DSv2", "QN2"),
# or capitals ("SCIM"): no word of a language, so the team that writes it is the one asked about.
# One letter and a number ("P1", "Q3", "W16", "H1") is a level, quarter or week every team writes.
_CODE_NAME = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z]\w*|[A-Za-z]{2,}\d\w*|[A-Z]{3,})(?![\w-])")


def code_name_team(question: str, holders: Mapping[str, set[str]]) -> str | None:
    """The one team writing every code name of the question ("LedgerSync 导出为什么晚了？" asked in
    Chinese of an English team: the vote follows the language, the name says whose); None when
    the question has none, or they point at no team or at several."""
    teams: set[str] | None = None
    for name in dict.fromkeys(m.casefold() for m in _CODE_NAME.findall(question)):
        held = {s for token in tokenize(name) for s in holders.get(token, set())}
        if not held:
            continue  # a name no report writes, or one every team writes (no holder kept)
        teams = held if teams is None else teams & held
    return next(iter(teams)) if teams is not None and len(teams) == 1 else None


def language_explains(question: str, leader: str, ctx: IndexContext) -> bool:
    """True when the leader is the only series written in the question's language: an English
    "which projects slipped?" then ranks the English team first whatever it is about, and
    the head of a bilingual organisation asking it means every team."""
    lang = detect_lang(question)
    others = [ctx.lang_by_series.get(s) for s in ctx.lang_by_series if s != leader]
    return ctx.lang_by_series.get(leader) == lang and lang not in others


@dataclass
class Scope:
    """The series a question is scoped to (None: whole index) and the date relative time uses."""

    series: str | None
    latest: date | None
    reports: set[str] | None = None
    prefer: str | None = None
    """A likely series that is not a filter: its facts are listed first."""


def named_unless_beside(
    question: str,
    named: str,
    leader: str,
    votes: Mapping[str, float],
    ctx: IndexContext,
    lexical: LexicalIndex,
    keep: Sequence[str],
) -> str | None:
    """The series a folder word names, unless that word is the question's subject rather than a
    team: "why did the hardware key rollout move?" uses the word of a `hardware` team's folder,
    but when a clear majority of the hits belongs to another team and the named team's reports
    hold none of the question's distinctive terms, the question is about that other team's
    hardware keys. A vote the question's language alone explains ("which payments project was
    paused?" asked in English of one English and one Chinese team) leaves the name standing."""
    if language_explains(question, leader, ctx):
        return named  # a vote the question's language alone explains
    holders = term_holders(question, ctx, lexical, keep)
    # The folder word itself is no evidence: "data" of `feishu-table-data` is a word most teams
    # write ("the data-sharing agreement with …"), "release" one every changelog and goal post
    # writes ("the 4.2 release"); the named team must hold other terms of the question.
    own = {noun(w) for w in folder_words(named)}
    rest = {t: series for t, series in holders.items() if noun(t) not in own}
    if votes[leader] >= MAJORITY * sum(votes.values()):
        # A clear vote for another team: the name stands only when the named team holds terms the
        # leader lacks weighing as much as those the leader holds and it lacks.
        mine = sum(lexical.idf(t) for t, series in rest.items() if named in series and leader not in series)
        theirs = sum(lexical.idf(t) for t, series in rest.items() if leader in series and named not in series)
        held = any(named in series for series in rest.values())
        return named if held and mine >= theirs else None
    # No clear vote: a folder word that many teams write is a topic ("data lake spend") unless the
    # named team also holds another term of the question. A word a few teams write ("digest" of
    # three teams' digests) is a kind of report, which still says whose.
    many = COMMON_TEAMS * len(ctx.reports_by_series)
    common = any(noun(t) in own and len(series) > many for t, series in holders.items())
    return None if common and not any(named in series for series in rest.values()) else named


def choose_scope(
    question: str,
    ctx: IndexContext,
    retriever: Retriever,
    project_series: Sequence[str] = (),
    keep: Sequence[str] = (),
) -> Scope:
    if len(ctx.latest_by_series) <= 1:
        return Scope(None, ctx.latest)
    votes = series_votes(question, retriever)
    chosen = named_series(question, sorted(ctx.latest_by_series), votes)
    leader = max(sorted(votes), key=votes.__getitem__) if votes else None
    voted = leader
    if chosen is not None and leader is not None and leader != chosen:
        chosen = named_unless_beside(question, chosen, leader, votes, ctx, retriever.lexical, keep)
    if len(set(project_series)) == 1 and chosen not in project_series:
        # A project the question names is one team's work; a folder word ("release" of a
        # changelog team's folder in "why did the async router miss the 4.2 release?") is a
        # word others write too.
        chosen = project_series[0]
    if chosen is None and 1 < len(set(project_series)) <= PROJECT_TEAMS and leader not in project_series:
        # A project name a few teams report ("Audit log export" of an API team and of its
        # changelog) while the vote went elsewhere (a Chinese question's vote goes to Chinese
        # teams, not to the project's): those teams' reports, the likelier first. A vote for one
        # of them is weighed below like any other.
        return several(sorted(set(project_series)), votes, ctx)
    named = named_teams(question, sorted(ctx.latest_by_series)) if chosen is None else []
    if len(named) > 1 and leader is not None:
        # Each folder word must name its team as a lone one would ("security incident or data
        # leak" names neither the security team nor the data team when both are topics here).
        lexical = retriever.lexical
        named = [
            s
            for s in named
            if s == leader or named_unless_beside(question, s, leader, votes, ctx, lexical, keep)
        ]
    if len(named) > 1:
        # The folder word narrows the teams, the vote did not choose: those teams' reports, the
        # likelier one first ("which goals were completed?" of two teams that post goals).
        return several(named, votes, ctx)
    holders = term_holders(question, ctx, retriever.lexical, keep) if chosen is None else {}
    support = term_support(holders, ctx, retriever.lexical)
    lone = leader is not None and language_explains(question, leader, ctx)
    if (
        leader is not None
        and holders
        and contradicted(leader, holders, retriever.lexical, lone, len(ctx.reports_by_series))
    ):
        # Mixed evidence: search everything, but relative time follows the distinctive terms.
        leader = max(sorted(support), key=support.__getitem__)
    elif chosen is None and leader is not None and votes[leader] >= MAJORITY * sum(votes.values()):
        if lone:
            # Likely that team, but only by language: list it first and hide nothing.
            return Scope(None, ctx.latest_by_series.get(leader, ctx.latest), prefer=leader)
        chosen = leader
    if (
        chosen is None
        and voted is not None
        and own_name(
            voted,
            holders,
            retriever.lexical,
            len(ctx.reports_by_series),
            language_explains(question, voted, ctx),
        )
    ):
        chosen = voted
    if chosen is None:
        chosen = code_name_team(question, holders)
    if chosen is None:
        chosen = lone_word_team(holders, retriever.lexical, votes)
    if chosen is None:
        # No clear team: relative time still follows the likeliest series.
        return Scope(None, ctx.latest_by_series.get(leader or "", ctx.latest))
    return Scope(chosen, ctx.latest_by_series.get(chosen, ctx.latest), ctx.reports_by_series.get(chosen))


def several(teams: Sequence[str], votes: Mapping[str, float], ctx: IndexContext) -> Scope:
    """The scope of a few teams the question narrowed to: their reports, the likeliest listed first."""
    first = max(teams, key=lambda s: (votes.get(s, 0.0), s))
    reports = set().union(*(ctx.reports_by_series.get(s, set()) for s in teams))
    return Scope(None, ctx.latest_by_series.get(first, ctx.latest), reports, prefer=first)


def given_scope(wanted: str, ctx: IndexContext) -> Scope:
    """The scope `--series` names: a folder name (`payments-zh`) or path; a usage error otherwise."""
    key = wanted.rstrip("/")
    known = sorted(ctx.reports_by_series)
    hits = [s for s in known if s == key or os.path.basename(s) == key or s.endswith("/" + key)]
    if len(hits) != 1:
        names = ", ".join(sorted(os.path.basename(s) for s in known)) or "none indexed"
        raise ConfigError(f"--series: no single series '{wanted}' (known: {names})")
    chosen = hits[0]
    return Scope(chosen, ctx.latest_by_series.get(chosen, ctx.latest), ctx.reports_by_series.get(chosen))


def metric_team(question: str, metric: str, teams: Sequence[str], lexical: LexicalIndex) -> str | None:
    """Of the teams that report one metric name ("Conversion" of a shop's weekly and of an agency's
    campaign), the one the question's other words are written by ("conversion on the campaign
    landing pages"): the team holding the most IDF weight of the question terms beyond the
    metric's own name, among terms the teams do not all hold; None when no team leads."""
    if len(teams) < 2:
        return None
    own = set(tokenize(metric))
    support = dict.fromkeys(teams, 0.0)
    for term in dict.fromkeys(tokenize(strip_question_words(question))):
        if term in own or not names(term):
            continue
        holders = lexical.series_holding(term) & set(teams)
        if holders and len(holders) < len(teams):
            for team in holders:
                support[team] += lexical.idf(term)
    ranked = sorted(teams, key=lambda t: (-support[t], t))
    if support[ranked[0]] <= 0.0 or support[ranked[0]] == support[ranked[1]]:
        return None
    return ranked[0]
