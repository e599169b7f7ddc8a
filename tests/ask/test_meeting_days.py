"""A day in a question names a report when a meeting or memo word follows it, and a planned event
when an event noun does; decision words are matched by the reports' own decision words."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.planning.intent import decision_words
from summarizer.planning.planner import read_question, without_targets
from summarizer.planning.timerange import find_time_range, target_dates

LATEST = date(2025, 5, 30)


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("What changed at the April 1 meeting?", (202514, 202514)),
        ("What did the board decide at its 8 May meeting?", (202519, 202519)),
        ("3月4日的例会定了什么？", (202510, 202510)),
        ("What changed on April 1?", (202514, 202514)),  # unchanged: "on" a day
    ],
)
def test_a_day_before_a_meeting_word_is_that_reports_week(question: str, weeks: tuple[int, int]) -> None:
    found = find_time_range(question, LATEST, {})
    assert found is not None and (found.since, found.until) == weeks


@pytest.mark.parametrize(
    "question",
    [
        "What are the risks to the end of July run?",
        "Is the 15 April release still on?",
        "Who owns April 1?",  # a bare day with no report or 'on' word is no period (unchanged)
    ],
)
def test_a_day_before_an_event_noun_is_no_period(question: str) -> None:
    assert find_time_range(question, LATEST, {}) is None


def test_decision_words_find_the_reports_decision_words() -> None:
    assert decision_words("What was decided at the last meeting?") == ["decided"]
    assert decision_words("Which projects slipped?") == []
    plan = read_question("What was decided at the meeting?", latest=LATEST)
    assert "agreed" in plan.synonyms["decided"]


@pytest.mark.parametrize(
    "question",
    ["这两个月哪些项目延期了？", "这几个月哪些项目延期了？", "Which projects slipped over these updates?"],
)
def test_the_period_the_reports_cover_is_no_subject(question: str) -> None:
    """ "这两个月" asks over the reports' own period, as "these updates" does: a slip list answers
    it whole, and no line need name "两个月"."""
    assert read_question(question, latest=LATEST).subject == ""


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("i18n was due by mid-March - is it late?", ["due by mid-March"]),
        ("原定10月上线的积分商城延期了吗", ["原定10月"]),
        # A move's dates are what the line telling of it writes: kept.
        ("Why did v3 slip from April to May?", []),
        ("Which projects slipped in March?", []),
    ],
)
def test_a_stated_target_date_is_read_with_its_cue(question: str, targets: list[str]) -> None:
    assert target_dates(question) == targets


def test_a_stated_target_date_weighs_nothing_in_what_an_answer_must_cover() -> None:
    assert (
        "march"
        not in without_targets(
            "i18n was due by mid-March - is it late?", "i18n was due by mid-March - is it late?"
        ).casefold()
    )
