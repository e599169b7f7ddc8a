"""Plan a question once: intent, time range, series scope and the projects and metrics it names.

`read_question` understands the words alone against a reference date (pure, testable without an
index); `plan` adds what the index knows: the series the question is about and its latest report
(relative time follows that series, never today's date: an archive of last year's reports must
answer "last month" about its own last month), the ledger's project and metric names, and the
IDF weight of each question term.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from index.lexical import tokenize
from index.text.lang import detect_lang
from index.text.normalise import plain_key
from index.text.weeks import shift_weeks, week_str
from summarizer.planning.intent import detect_intent, list_kinds
from summarizer.planning.projects import ProjectIndex, ProjectRef, link_projects
from summarizer.planning.question_words import strip_question_words
from summarizer.planning.scope import choose_scope, given_scope, index_context, relative_reports
from summarizer.planning.timerange import TimeRange, find_time_range, parse_week_arg
from summarizer.question import QuestionPlan

if TYPE_CHECKING:
    from index.ledger.store import Ledger
    from index.retrieve import Retriever


def read_question(
    question: str,
    *,
    latest: date | None,
    projects: Sequence[ProjectRef] = (),
    week_labels: dict[int, list[int]] | None = None,
    since: str | None = None,
    until: str | None = None,
    keep: Sequence[str] = (),
) -> QuestionPlan:
    """Understand a question's words; explicit `since` / `until` (CLI flags) override its range."""
    linked = link_projects(question, projects)
    found: TimeRange | None = find_time_range(question, latest, week_labels or {}) if latest else None
    since_int = found.since if found else None
    until_int = found.until if found else None
    if since:
        since_int = parse_week_arg(since, latest)
    if until:
        until_int = parse_week_arg(until, latest)
    query = question.replace(found.text, " ").strip() if found and found.text else question
    stripped = question
    for project in projects:
        if project.name in linked:
            for name in (project.name, *project.aliases):
                stripped = stripped.replace(name, " ")
    # Intent words inside a project's name ("数据质量监控平台") say nothing about the question.
    unnamed = stripped.replace(found.text, " ") if found and found.text else stripped
    intent, words = detect_intent(unnamed, bool(linked))
    plan = QuestionPlan(
        question=question,
        intent=intent,
        lang=detect_lang(stripped),
        query=query or question,
        terms=strip_question_words(query or question, keep),
        time_text=found.text if found else "",
        intent_words=words,
        wants=list_kinds(words),
        days=found.days if found and not (since or until) else None,
        asked=strip_question_words(unnamed, keep) if linked else "",
        projects=linked,
        project_names=[n for p in projects if p.name in linked for n in (p.name, *p.aliases)],
    )
    plan.set_weeks(since_int, until_int)
    return plan


def plan(
    question: str,
    retriever: Retriever,
    ledger: Ledger | None,
    since: str | None = None,
    until: str | None = None,
    *,
    series: str | None = None,
    show_all: bool = False,
) -> QuestionPlan:
    """Plan a question against one index and its ledger (None: free questions still work).

    `series` (a folder name or path, `--series`) scopes the question to that team; `show_all`
    (`--all`) lists every item of a list answer."""
    lexical = retriever.lexical
    ctx = index_context(lexical)
    projects = known_projects(ledger)
    keep = known_names(ledger, projects)
    if series is not None:
        scope = given_scope(series, ctx)
    else:
        scope = choose_scope(
            question, ctx, retriever, project_series(ledger, link_projects(question, projects)), keep
        )
    planned = read_question(
        question,
        latest=scope.latest,
        projects=projects,
        week_labels=ctx.labels,
        since=since,
        until=until,
        keep=keep,
    )
    asked_week = planned.since if since is None and until is None and planned.since == planned.until else None
    if asked_week is not None and asked_week not in ctx.weeks(scope.series):
        widen_missing_week(planned)
    planned.series = scope.series
    planned.reports = scope.reports
    planned.prefer_series = scope.prefer
    planned.series_langs = dict(ctx.lang_by_series)
    planned.show_all = show_all
    unscoped = scope.series is None and scope.prefer is None
    per_series = relative_reports(question, ctx) if unscoped and not (since or until) else None
    if per_series is not None:
        # Each team's own "latest" or "last month": filter by reports, show the overall span.
        planned.reports, first, last = per_series
        planned.since = planned.until = planned.days = None
        planned.period = (week_str(first), week_str(last))
    planned.term_weights = {t: lexical.idf(t) for t in dict.fromkeys(tokenize(planned.terms))}
    if planned.intent == "metrics" and ledger is not None:
        planned.metrics = named_metrics(planned.query, ledger)
    return planned


def known_projects(ledger: Ledger | None) -> ProjectIndex:
    """Projects the ledger knows, for linking names in the question (one index per revision)."""
    if ledger is None:
        return ProjectIndex()
    from index.ledger import views

    revision = ledger.revision()
    cached = ledger.cache.get("planning.projects")
    if cached is None or cached[0] != revision:
        refs = [ProjectRef(name, tuple(aliases)) for name, aliases in views.project_names(ledger)]
        cached = (revision, ProjectIndex(refs))
        ledger.cache["planning.projects"] = cached
    return cached[1]  # type: ignore[no-any-return]


def known_names(ledger: Ledger | None, projects: Sequence[ProjectRef]) -> list[str]:
    """Every project name, alias and metric name of the index: words question-word removal
    must never cut ("和解系统", "出金有效成功率")."""
    if ledger is None:
        return []
    from index.ledger import views

    names = [n for p in projects for n in (p.name, *p.aliases)]
    return names + [name for name, _ in views.metric_names(ledger)]


def project_series(ledger: Ledger | None, names: list[str]) -> list[str]:
    """The series (report folders) the named projects are reported in."""
    if ledger is None or not names:
        return []
    from index.ledger import views

    found: set[str] = set()
    for name in names:
        canonical = views.canonical_name(ledger, name)
        if canonical is not None:  # an unknown name says nothing
            found.update(views.project_series(ledger, canonical))
    return sorted(found)


def named_metrics(query: str, ledger: Ledger) -> list[str]:
    """Metric series the question names; one named exactly wins over its near namesakes
    ("出金有效成功率" is not also 入金有效成功率)."""
    from index.ledger import views

    refs = [ProjectRef(name, (key,)) for name, key in views.metric_names(ledger)]
    names = link_projects(query, refs, min_ratio=0.6)
    named = [n for n in names if plain_key(n) in plain_key(query)]
    return named or names


def widen_missing_week(planned: QuestionPlan) -> None:
    """A week with no report ("the week of May 9" in a skipped week) reads its neighbours: a
    report before or after usually says why it is missing ("no report next week: offsite"). The
    plan shows the widened range, so the answer never claims to be about the asked week alone."""
    assert planned.since is not None
    planned.set_weeks(shift_weeks(planned.since, -1), shift_weeks(planned.since, 1))
    planned.days = None
