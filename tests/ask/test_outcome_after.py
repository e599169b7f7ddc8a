"""A question about how something went on a day after the last report: no report can say, and the
answer must not pass the last plan off as the outcome, whichever engine wrote it."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.pipelines.ask import reports_end_before
from summarizer.planning.report_choice import outcome_after_reports
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer

LAST = date(2025, 4, 25)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("第二批门店5月19日切换后运行情况如何？", date(2025, 5, 19)),
        ("Did the depot pass the fire inspection on May 6?", date(2025, 5, 6)),
        ("How did the cutover on 3 May go?", date(2025, 5, 3)),
        ("5月2日的验收会结论是什么？", date(2025, 5, 2)),
        # asked of a day the reports cover, or of a plan: the reports can answer
        ("How did the cutover on 18 April go?", None),
        ("第二批门店计划5月19日切换，目前准备得怎么样？", None),
        ("When is the cutover planned?", None),
    ],
)
def test_an_outcome_asked_of_a_day_after_the_last_report(question: str, day: date | None) -> None:
    assert outcome_after_reports(question, LAST) == day


def test_the_answer_says_the_reports_end_before_and_keeps_what_they_last_said() -> None:
    plan = QuestionPlan(question="q", lang="en", outcome_after=(date(2025, 5, 19), LAST))
    told = reports_end_before(
        Answer(answer="Store cutover (latest 2025-W17): on track.", engine="local"), plan
    )
    assert not told.answerable
    assert told.answer.startswith("The reports end on 2025-04-25, before 2025-05-19")
    assert told.answer.endswith("Store cutover (latest 2025-W17): on track.")
    unchanged = Answer(answer="x", engine="local")
    assert reports_end_before(unchanged, QuestionPlan(question="q")) is unchanged
