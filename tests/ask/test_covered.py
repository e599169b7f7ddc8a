"""The month a monthly post covers, and a report named by its title ("the October update")."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.planning.covered import covered_month
from summarizer.planning.index_context import IndexContext, fold_title, titled_reports


@pytest.mark.parametrize(
    ("report", "title", "posted", "month"),
    [
        ("/r/october-update.md", "October update", date(2025, 11, 4), (2025, 10)),
        ("/r/june.md", "Goals update: June", date(2025, 7, 2), (2025, 6)),
        ("/r/december.md", "December update", date(2026, 1, 5), (2025, 12)),  # the year before
        ("/r/2025-09.md", "9月月报", date(2025, 10, 3), (2025, 9)),
        ("/r/w12.md", "3月5日周报", date(2025, 3, 7), None),  # a day, not a month covered
        ("/r/plans.md", "Plans for October", date(2025, 9, 20), None),  # after the post: plans
        ("/r/x.md", "Weekly notes", date(2025, 9, 20), None),
        ("/r/x.md", "May and June recap", date(2025, 7, 2), None),  # two months: no one month
    ],
)
def test_the_month_a_title_names(
    report: str, title: str, posted: date, month: tuple[int, int] | None
) -> None:
    found = covered_month(report, title, posted)
    assert (None if found is None else (found[0].year, found[0].month)) == month


def test_a_post_titled_with_its_month_is_that_months_though_published_after_it() -> None:
    ctx = IndexContext(
        date_of_report={"/a/october-update.md": date(2025, 11, 4), "/a/september.md": date(2025, 10, 2)},
        month_of_report={
            "/a/october-update.md": (date(2025, 10, 1), date(2025, 10, 31)),
            "/a/september.md": (date(2025, 9, 1), date(2025, 9, 30)),
        },
    )
    assert ctx.dated_in(date(2025, 10, 1), date(2025, 10, 31)) == {"/a/october-update.md"}


def test_a_question_names_a_report_by_its_title() -> None:
    ctx = IndexContext(
        title_of_report={
            "/a/october-update.md": fold_title("october-update | October update"),
            "/b/w43.md": fold_title("w43 | 周报 10月第4周"),
        }
    )
    pool = set(ctx.title_of_report)
    assert titled_reports("What changed in the October update?", "October", pool, ctx) == {
        "/a/october-update.md"
    }
    assert titled_reports("What broke in October?", "October", pool, ctx) == set()
    # The pool is the period's reports: no December post, nothing named.
    assert titled_reports("What did the December update say?", "December", {"/b/w43.md"}, ctx) == set()


def test_a_question_names_a_team_by_what_its_report_files_are_called() -> None:
    """ "the latest issue" of a newsletter whose files are issue-17.md, issue-18.md; a word of a
    report's first sentence ("has") or a month names no team's files."""
    ctx = IndexContext(
        title_of_report={
            "/news/issue-18.md": fold_title("issue-18 | 社区双周报 第18期"),
            "/ops/w16.md": fold_title("w16 | The team has shipped the new router"),
        }
    )
    pool = set(ctx.title_of_report)
    assert titled_reports("Which items are at risk in the latest issue?", "latest issue", pool, ctx) == {
        "/news/issue-18.md"
    }
    assert titled_reports("How many PRs were merged in the March issues?", "March", pool, ctx) == {
        "/news/issue-18.md"
    }
    assert titled_reports("Since mid-April, has anything broken?", "Since mid-April", pool, ctx) == set()


def test_reports_named_by_their_files_must_fall_in_the_period_asked() -> None:
    """ "the January meetings" of a series whose files are meeting-*.md but which starts in
    February names no report: a file noun says whose, the month still says when."""
    ctx = IndexContext(
        title_of_report={
            "/log/meeting-2025-02-04.md": fold_title("meeting-2025-02-04 | Community meeting"),
            "/log/meeting-2025-03-04.md": fold_title("meeting-2025-03-04 | Community meeting"),
        },
        week_of_report={"/log/meeting-2025-02-04.md": 202506, "/log/meeting-2025-03-04.md": 202510},
    )
    pool = set(ctx.title_of_report)
    asked = "What did the January meetings decide?"
    assert titled_reports(asked, "January", pool, ctx, (202501, 202505)) == set()
    assert titled_reports("What did the March meetings decide?", "March", pool, ctx, (202509, 202513)) == {
        "/log/meeting-2025-03-04.md"
    }
