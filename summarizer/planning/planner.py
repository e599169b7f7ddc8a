"""Plan a question once: intent, time range, series scope and the projects and metrics it names.

`read_question` understands the words alone against a reference date (pure, testable without an
index); `plan` adds what the index knows: the series the question is about and its latest report
(relative time follows that series, never today's date: an archive of last year's reports must
answer "last month" about its own last month), the ledger's project and metric names, and the
IDF weight of each question term.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from index.lexical import tokenize
from index.text.cjk import has_han
from index.text.hant import simplified
from index.text.lang import detect_lang
from index.text.weeks import week_str
from summarizer.facts.glossary import chinese_synonyms
from summarizer.planning.cantonese import as_mandarin
from summarizer.planning.code_names import code_name_synonyms
from summarizer.planning.file_names import file_name_team, file_name_words
from summarizer.planning.index_context import (
    index_context,
    relative_reports,
)
from summarizer.planning.intent import (
    LAUNCH_NOUNS,
    asks_which,
    asks_why,
    decision_words,
    detect_intent,
    event_family,
    list_kinds,
    vocabulary,
)
from summarizer.planning.metric_names import as_trend, metric_teams, named_metrics
from summarizer.planning.projects import (
    NAME_STOP,
    ProjectIndex,
    ProjectRef,
    link_projects,
    unglossed,
    whole_links,
    written_short,
)
from summarizer.planning.question_words import (
    PERIOD_FRAMES,
    strip_question_words,
    subject_terms,
)
from summarizer.planning.renames import other_names
from summarizer.planning.report_choice import (
    after_the_last_report,
    outcome_after_reports,
    read_dated,
    read_labelled,
    read_named_report,
    read_titled,
    widen_missing_week,
    with_previous,
    with_what_followed,
)
from summarizer.planning.scope import choose_scope, given_scope, metric_team
from summarizer.planning.series_labels import find_series_label
from summarizer.planning.term_weights import term_weights
from summarizer.planning.timerange import (
    REPORT_NOUNS,
    TimeRange,
    find_time_range,
    plan_date_texts,
    target_dates,
)
from summarizer.planning.translated import ABOUT_ONE_PROJECT, named_across_languages
from summarizer.planning.week_refs import parse_week_arg
from summarizer.question import QuestionPlan

if TYPE_CHECKING:
    from index.ledger.store import Ledger
    from index.lexical import LexicalIndex
    from index.retrieve import Retriever


_REPORT_AFTER = rf"(?:\s*(?:'s\s*)?(?:{REPORT_NOUNS})s?\b|\s*的?(?:周报|双周报|月报|报告|纪要|简报))?"


# A team named by a system's word (`EDC 平台组`, `the Atlas team`): the team asked about, not a project
# holding that word (`HN-EDC V5.3 版本发布`). (`平台组件` is a component, not a team.)
_TEAM_NAME = re.compile(
    r"[A-Za-z][\w-]*\s*[\u4e00-\u9fff]{0,3}?(?:团队|小组|组)(?![件合织建成长员])|"
    r"\b[A-Za-z][\w-]*\s+(?:team|squad|tribe)\b",
    re.I,
)


def _without(terms: str, texts: Sequence[str]) -> str:
    for text in texts:
        terms = re.sub(re.escape(text), " ", terms, flags=re.I)
    return terms


def read_question(
    question: str,
    *,
    latest: date | None,
    projects: Sequence[ProjectRef] = (),
    week_labels: dict[int, list[int]] | None = None,
    since: str | None = None,
    until: str | None = None,
    keep: Sequence[str] = (),
    label_kinds: Collection[str] = (),
    named_by_meaning: str | None = None,
) -> QuestionPlan:
    """Understand a question's words; explicit `since` / `until` (CLI flags) override its range.

    `label_kinds` are the kinds of own numbering the index's reports carry ("issue" for 第7期):
    a question naming such a number ("第七期", "Cycle 24") is about that report, before any
    calendar or ISO-week reading of its words.
    """
    linked = link_projects(_TEAM_NAME.sub(" ", question), projects) or (
        [named_by_meaning] if named_by_meaning else []
    )
    label = find_series_label(question, label_kinds) if not (since or until) else None
    ranged = find_time_range(question, latest, week_labels or {}) if latest else None
    if label is not None and ranged is not None and label.text in ranged.text and ranged.text != label.text:
        # "国庆节后第一期": the first issue after the holiday, not the series' issue 1
        label = None
    found = TimeRange(None, None, label.text) if label is not None else ranged
    # (the fiscal year a week counts in is part of its words: `FY24/25 第三週`, w46-e)
    fiscal = (
        re.search(rf"\bFY\s?\d{{2}}(?:\s?[/-]\s?\d{{2,4}})?\s*{re.escape(found.text)}", question, re.I)
        if found and found.text
        else None
    )
    if found is not None and fiscal is not None:
        found = replace(found, text=fiscal[0])
    since_int = found.since if found else None
    until_int = found.until if found else None
    if since:
        since_int = parse_week_arg(since, latest)
    if until:
        until_int = parse_week_arg(until, latest)
    # A year alone stays in the words searched: reports title their annual reviews with it ("2024年度回顾").
    bare_year = bool(found and re.fullmatch(r"(?:in\s+)?20\d{2}\s*年?度?", found.text, re.I))
    # "the week 26 update", "3月的周报": the report word after a period names where to look, not what
    query = (
        re.sub(re.escape(found.text) + _REPORT_AFTER, " ", question, count=1).strip()
        if found and found.text and not bare_year
        else question
    )
    stripped = question
    renamed: dict[str, tuple[str, ...]] = {}
    unworded = question  # without the words of a name it wrote in part: what it asks of the project
    for project in projects:
        if project.name in linked:
            names = (project.name, *project.aliases)
            for name in (*names, *filter(None, map(unglossed, names))):
                stripped = stripped.replace(name, " ")
                short = written_short(stripped, name)
                stripped = stripped.replace(short, " ") if short else stripped
                unworded = unworded.replace(name, " ")
                unworded = unworded.replace(short, " ") if short else unworded
                written = _without_name_words(unworded, name)
                others = tuple(" ".join(tokenize(n)) for n in names if n != name)
                if written != unworded and others:
                    # "the freezer migration" of a project since renamed `Cold Storage Migration`:
                    # a line saying any of its names says the words the question named it by
                    for word in set(tokenize(unworded)) - set(tokenize(written)):
                        renamed[word] = tuple(dict.fromkeys([*renamed.get(word, ()), *others]))
                unworded = written
    # Intent words inside a project's name ("数据质量监控平台") say nothing about the question.
    unnamed = stripped.replace(found.text, " ") if found and found.text else stripped
    # (the name's words stay in what the intent is read from: `go-live` of "the Vantra OCC go-live")
    unasked = unworded.replace(found.text, " ") if found and found.text else unworded
    intent, words = detect_intent(unnamed, bool(linked))
    terms = strip_question_words(query or question, keep)
    launch_list = "launched" in list_kinds(words)
    plan = QuestionPlan(
        question=question,
        intent=intent,
        lang=detect_lang(stripped),
        query=query or question,
        terms=terms,
        subject=subject_terms(
            _without(terms, plan_date_texts(question)),
            [*vocabulary(intent), *(LAUNCH_NOUNS if launch_list else ())],
        ),
        synonyms={**intent_synonyms([*words, *decision_words(unnamed)]), **renamed},
        time_text=found.text if found else "",
        intent_words=words,
        wants=list_kinds(words),
        wants_reason=asks_why(question),
        asks_which=asks_which(question),
        days=found.days if found and not (since or until) else None,
        asked=subject_terms(strip_question_words(unasked, keep), [*vocabulary(intent), *words])
        if linked
        else "",
        projects=linked,
        project_names=[n for p in projects if p.name in linked for n in (p.name, *p.aliases)],
        label=(label.kind, label.number) if label else None,
    )
    plan.set_weeks(since_int, until_int)
    if plan.lang == "en" and not has_han(question):
        # "the T-Box online rate" of `T-Box 在线率`: a Chinese line writes the word its own way
        plan.synonyms = {**chinese_synonyms(tokenize(question)), **plan.synonyms}
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
    # A question in Traditional characters reads the reports as the index holds them (Simplified).
    question = as_mandarin(simplified(question))
    lexical = retriever.lexical
    ctx = index_context(lexical)
    projects = known_projects(ledger)
    keep = known_names(ledger, projects)
    if series is not None:
        scope = given_scope(series, ctx)
    else:
        linked = [n for n in whole_links(question, projects) if not shared_word(n, lexical)]
        scope = choose_scope(question, ctx, retriever, project_series(ledger, linked), keep)
    scoped_projects = team_projects(ledger, projects, scope.series)
    reading = partial(
        read_question,
        question,
        latest=scope.latest,
        projects=scoped_projects,
        week_labels=ctx.week_labels(scope.series),
        since=since,
        until=until,
        keep=keep,
        label_kinds=ctx.label_kinds(scope.reports),
    )
    planned = reading()
    if (
        scope.series is not None
        and not planned.projects
        and planned.intent in ABOUT_ONE_PROJECT
        and not (planned.asks_which or planned.wants)
    ):
        named = named_across_languages(question, scoped_projects, retriever.embedder)
        if named is not None:
            planned = reading(named_by_meaning=named)
    after = outcome_after_reports(question, scope.latest)
    planned.outcome_after = (after, scope.latest) if after is not None and scope.latest is not None else None
    asked_week = planned.since if since is None and until is None and planned.since == planned.until else None
    weeks = ctx.weeks(scope.series)
    if (
        asked_week is not None
        and asked_week not in weeks
        and not after_the_last_report(planned, asked_week, weeks)
    ):
        widen_missing_week(planned)
    planned.series = scope.series
    if scope.series is not None:
        planned.subject = without_team_words(planned.subject, scope.series)
    planned.reports = scope.reports
    planned.prefer_series = scope.prefer
    planned.series_langs = dict(ctx.lang_by_series)
    planned.show_all = show_all
    unscoped = scope.series is None and scope.prefer is None
    # One week or one day asked, before each series' own reading of it replaces the range.
    one_week = planned.since is not None and planned.since == planned.until
    asked_day = planned.days[0] if planned.days is not None and planned.days[0] == planned.days[1] else None
    per_series = relative_reports(question, ctx) if unscoped and not (since or until) else None
    if per_series is not None:
        # Each team's own "latest" or "last month": filter by reports, show the overall span.
        planned.reports, first, last = per_series
        planned.since = planned.until = planned.days = None
        planned.period = (week_str(first), week_str(last))
    elif planned.label is not None:
        read_labelled(planned, ctx)
    elif planned.days is not None and planned.days[0] != planned.days[1]:
        read_dated(planned, ctx)
    if not (since or until):
        read_named_report(planned, ctx, asked_day if one_week else None, one_week)
        read_titled(planned, ctx)
    if planned.intent == "changes" and planned.reports is not None and planned.reports:
        with_previous(planned, ctx)
    elif not (since or until):
        with_what_followed(planned, ctx)
    # A target date the question states ("was due by mid-March") is no word the answer must hold.
    planned.term_weights = term_weights(without_targets(planned.terms, question), lexical)
    planned.unseen = frozenset(t for t in planned.term_weights if not lexical.doc_freq().get(t))
    planned.subject = without_places(planned.subject, question, planned.unseen)
    if not planned.projects:
        with_other_names(planned, lexical)
        for term, codes in code_name_synonyms(planned.term_weights, scoped_projects).items():
            planned.synonyms[term] = tuple(dict.fromkeys([*planned.synonyms.get(term, ()), *codes]))
    if planned.intent == "changes" and not planned.projects and ledger is not None:
        as_trend(planned, ledger)
    if planned.intent == "metrics" and ledger is not None:
        planned.metrics = named_metrics(planned.query, ledger)
        if planned.metrics and planned.series is None and planned.prefer_series is None:
            planned.prefer_series = metric_team(
                planned.query, planned.metrics[0], metric_teams(planned.metrics[0], ledger), lexical
            )
    return planned


# Chunks searched for lines that rename what the question names.
RENAME_DEPTH = 12


def with_other_names(planned: QuestionPlan, lexical: LexicalIndex) -> None:
    """A name the question uses that the reports renamed ("qt-migrate" -> "Ferry"), or gave a short
    name: the other name is searched too, and a line saying it counts as saying the asked name
    (a synonym of each of its terms), so the latest lines, which use only the new name, answer."""
    rows = lexical.search(planned.terms, RENAME_DEPTH, reports=planned.reports)
    for named, other in other_names(planned.question, (row.text for row, _ in rows)):
        spelled = " ".join(tokenize(other))
        if not spelled:
            continue
        planned.query = f"{planned.query} {other}"
        planned.terms = f"{planned.terms} {other}"
        for token in tokenize(named):
            planned.synonyms[token] = tuple(dict.fromkeys([*planned.synonyms.get(token, ()), spelled]))


def without_team_words(subject: str, series: str) -> str:
    """The subject without the words of the team's folder name the question used to name the team:
    in "what security incidents did we have?" asked of `security-weekly`, 'security' chose the
    team and is not what the incidents must mention."""
    team = {t for t in tokenize(series.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " "))}
    team |= set(tokenize(file_name_team(series) or ""))  # 网信中心 of `网信中心周报_…` files
    team |= {token for word in file_name_words(series) for token in tokenize(word)}  # and EMS, 调度接入
    return " ".join(t for t in subject.split() if t not in team)


# Where a Chinese question looks before it asks which ("作战图里哪些任务", "看板上哪几张卡片"):
# the report's own part, not what the answer is about.
_PLACE_BEFORE_WHICH = re.compile(r"([\u4e00-\u9fff]{2,6}?[里中上])(?=哪)")


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")


def _without_name_words(question: str, name: str) -> str:
    """The question without the words of a Latin name it wrote in part ("the freezer migration" of
    `WS4 Freezer Inventory Migration`, two or more of its words, or its first capitalised): they
    name the project, they ask nothing of it."""
    written = [w.casefold() for w in _LATIN_WORD.findall(name) if w.casefold() not in NAME_STOP]
    words = set(written)
    hits = [m for m in _LATIN_WORD.finditer(question) if m[0].casefold() in words]
    # (or its first word alone, capitalised as a code name: "Bastion" of `Bastion relay`)
    head = len(hits) == 1 and hits[0][0][:1].isupper() and hits[0][0].casefold() == written[0]
    if len(hits) < 2 and not head:
        return question
    for hit in reversed(hits):
        question = question[: hit.start()] + " " * len(hit[0]) + question[hit.end() :]
    return question


def without_places(subject: str, question: str, unseen: frozenset[str]) -> str:
    """The subject without the words of the place a question looks in before it asks which, when
    the reports write them (w19-a's "这几个月作战图里哪些任务延期"); a place the reports never
    write stays, so a question about something they lack is still refused."""
    for frame in sorted(PERIOD_FRAMES, key=len, reverse=True):
        question = question.replace(frame, " ")  # "这几个月作战图里": the period is no place
    place = {t for m in _PLACE_BEFORE_WHICH.finditer(question) for t in tokenize(m[1])}
    if not place or place & unseen - {t for t in place if t[-1] in "里中上"}:
        return subject
    return " ".join(t for t in subject.split() if t not in place)


def without_targets(terms: str, question: str) -> str:
    """The terms without the target dates the question states (timerange.target_dates)."""
    for text in target_dates(question):
        terms = terms.replace(text, " ")
    return terms


def intent_synonyms(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each token of the event words the question used -> every token of that word's family, so
    "为什么延期" is covered by a line saying "顺延" and "why did it slip" by "pushed back"."""
    out: dict[str, tuple[str, ...]] = {}
    for word in words:
        family = tuple(dict.fromkeys(t for w in event_family(word) for t in tokenize(w)))
        for token in tokenize(word):
            if family:
                out[token] = tuple(dict.fromkeys([*out.get(token, ()), *family]))
    return out


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


def team_projects(ledger: Ledger | None, projects: ProjectIndex, series: str | None) -> ProjectIndex:
    """A question about one team names that team's projects: another team's project holding one
    of its names ("Beacon" of a growth team, "BEACON" of a vendor's board) is not the one asked
    about. A team with no projects in the ledger keeps them all."""
    if ledger is None or series is None:
        return projects
    from index.ledger import views

    revision = ledger.revision()
    cached = ledger.cache.get(f"planning.team_projects:{series}")
    if cached is None or cached[0] != revision:
        own = views.series_projects(ledger, series)
        chosen = ProjectIndex([p for p in projects if p.name in own]) if own else projects
        cached = (revision, chosen)
        ledger.cache[f"planning.team_projects:{series}"] = cached
    return cached[1]  # type: ignore[no-any-return]


def known_names(ledger: Ledger | None, projects: Sequence[ProjectRef]) -> list[str]:
    """Every project name, alias and metric name of the index: words question-word removal
    must never cut ("和解系统", "出金有效成功率")."""
    if ledger is None:
        return []
    from index.ledger import views

    names = [n for p in projects for n in (p.name, *p.aliases)]
    return names + [name for name, _ in views.metric_names(ledger)]


def shared_word(name: str, lexical: LexicalIndex) -> bool:
    """True when a project's name is one word other teams write too ("GPU" of one team's board,
    beside another team's "GPU 集群"): it names that project in the ledger, not the team asked
    about, so it does not scope the question."""
    tokens = tokenize(name)
    return len(tokens) == 1 and len(lexical.series_holding(tokens[0])) > 1


def project_series(ledger: Ledger | None, names: list[str]) -> list[str]:
    """The series (report folders) the named projects are reported in: those reporting the most
    of the names. "云擎 (OTA)" names one team's platform by its new and its old name; another
    team reporting an "OTA" of its own holds one of the names, not both."""
    if ledger is None or not names:
        return []
    from index.ledger import views

    held: dict[str, int] = {}
    for name in names:
        canonical = views.canonical_name(ledger, name)
        if canonical is not None:  # an unknown name says nothing
            for series in views.project_series(ledger, canonical):
                held[series] = held.get(series, 0) + 1
    most = max(held.values(), default=0)
    return sorted(s for s, count in held.items() if count == most)
