"""Which words of a question can tell one team's reports from the others'.

A word every team writes ("projects", "period") names no team; a Latin word only one team writes,
in every form of it, is that team's own ("relaunch", "i18n"). `scope.py` weighs these beside the
vote of the question's hits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from index.lexical import tokenize
from index.text.cjk import has_han
from index.text.normalise import stem
from summarizer.planning.question_words import FUNCTION_CHARS

if TYPE_CHECKING:
    from index.lexical import LexicalIndex

# Words every team's work and reports are ("projects", "period", "项目"), as index tokens: one team
# writing them (the plural, say) is its style, not its name. A team's own unit of work ("KR",
# "sprint", "迭代", "issue") does tell teams apart and is not here.
_FRAME_TEXT = "project projects item items task tasks work thing things period time report reports update updates 项目 事项 工作 任务 周报 报告 期间 时间"
_FRAME_TOKENS = frozenset(t for w in _FRAME_TEXT.split() for t in tokenize(w))


def names(term: str) -> bool:
    """Whether a question term can tell one team from the others: not a word of every team's
    work ("projects", "period") and not a bigram with a function character ("报里" of
    "这几期双周报里": a seam of the question's cutting)."""
    if term in _FRAME_TOKENS:
        return False
    return not (has_han(term) and bool(FUNCTION_CHARS.intersection(term)))


_LONE_WORD = re.compile(r"(?=[a-z0-9]*[a-z])[a-z0-9]{4,}")


_SUFFIXES = ("s", "es", "e", "ed", "d", "ing")


def word_forms(term: str) -> set[str]:
    """The index tokens a Latin word may be written as ("initiatives": "initiative", "caused":
    "cause", "launched": "launches"): a word one team writes in one form and others in another is
    no team's own word."""
    bases = {term, stem(term)}
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) > len(suffix) + 2:
            bases.add(term[: -len(suffix)])
    return bases | {b + suffix for b in bases for suffix in _SUFFIXES}


def lone_word_team(
    holders: Mapping[str, set[str]], lexical: LexicalIndex, votes: Mapping[str, float]
) -> str | None:
    """The one team that alone writes the question's Latin words that only one team writes
    ("relaunch", "Trailpoints", "i18n") when the vote chose none: no other team's reports hold the
    word, so no other team's passages can answer about it, and leaving the index unscoped lets
    every team's lines that share the question's common words crowd it out. None when such words
    point at two teams, or there are none. A Han bigram only one team writes never chooses (a seam
    of the question's cutting, "日网" of "3月4日网站", is as often held by one team by chance), but
    one held by another team than the word's is mixed evidence, and nothing is chosen."""
    teams: set[str] = set()
    against: set[str] = set()
    for term, series in holders.items():
        if len(series) != 1 or not names(term):
            continue
        if not _LONE_WORD.fullmatch(term):
            against |= series  # a Han term only one other team writes ("日活") speaks against it
            continue
        held = set().union(*(lexical.series_holding(f) for f in word_forms(term)))
        if held == series:
            teams |= series
    if against - teams:
        return None
    # The team must also be among the question's own top hits: a word of one English team
    # ("stability") says nothing of a question about a team that writes it in another language.
    return next(iter(teams)) if len(teams) == 1 and votes.get(next(iter(teams)), 0.0) > 0 else None
