"""What planning knows of an index, per series: its reports' dates, weeks, own numbers and titles,
and which reports a period or a title names ("last month" of each team, "the October update").

Built once per loaded lexical index (`index_context`) and read by the scope (`scope.py`) and the
planner; nothing here votes on which team a question is about.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from index.schemas import series_of
from index.text.lang import Lang
from index.text.normalise import stem
from index.text.timeexpr import MONTHS
from summarizer.planning.covered import covered_month
from summarizer.planning.series_labels import SeriesLabel, series_labels, title_codes
from summarizer.planning.timerange import TimeRange, find_time_range

if TYPE_CHECKING:
    from index.lexical import LexicalIndex

# Median days between a series' reports from which it is read as monthly.
MONTHLY_GAP = 25

# Folder-name words too generic to say which team a question means.
# "update" is what most teams call their reports ("the latest update"), not one team's name.
GENERIC_FOLDER_WORDS = {
    *["report", "reports", "weekly", "weeklies", "status", "team", "notes", "docs", "examples"],
    *["update", "updates"],
}


@dataclass
class IndexContext:
    """What planning needs from the index: report dates per series, week labels, series members."""

    latest: date | None = None
    latest_by_series: dict[str, date] = field(default_factory=dict)
    labels: dict[int, list[int]] = field(default_factory=dict)
    labels_by_series: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    """The same per series: one team's own "W34" is no other team's week 34."""
    reports_by_series: dict[str, set[str]] = field(default_factory=dict)
    weeks_by_series: dict[str, set[int]] = field(default_factory=dict)
    week_of_report: dict[str, int] = field(default_factory=dict)
    date_of_report: dict[str, date] = field(default_factory=dict)
    lang_by_series: dict[str, Lang] = field(default_factory=dict)
    report_labels: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    """The series' own numbering: (kind, number) -> reports carrying it ("第7期" is ("issue", 7)),
    read from each report's file name, stored week label and title."""
    title_of_report: dict[str, str] = field(default_factory=dict)
    """Per report, its title (the first top heading) and file name, folded: "october update"."""
    month_of_report: dict[str, tuple[date, date]] = field(default_factory=dict)
    """Per report, the month its title names when that is not the month it is dated in
    (`covered_month`: "October update" posted November 4)."""
    label_forms: dict[str, set[str]] = field(default_factory=dict)
    """Per report, how it writes its numbers (`label_form`: "第#周", "w#"): a question that writes
    a number the way one team does ("第22周") means that team's report, not another's "W22"."""

    def label_kinds(self, reports: Collection[str] | None = None) -> set[str]:
        """The kinds of own numbering the reports (all when None) carry."""
        return {k for (k, _), rs in self.report_labels.items() if reports is None or rs & set(reports)}

    def dated_in(self, first: date, last: date, reports: Collection[str] | None = None) -> set[str]:
        """Reports (of `reports`, else all) dated within [first, last]: "the October update" of a
        monthly series dated Oct 31 is October's, though its ISO week's Friday is in November;
        one whose title names the month it covers ("October update", posted November 4) is that
        month's, whatever its date."""
        pool = self.date_of_report if reports is None else {r: self.date_of_report.get(r) for r in reports}
        out = set()
        for report, day in pool.items():
            covers = self.month_of_report.get(report)
            if covers is not None:
                if covers[0] <= last and first <= covers[1]:
                    out.add(report)
            elif day is not None and first <= day <= last:
                out.add(report)
        return out

    def monthly(self) -> set[str]:
        """Series published about once a month (median gap of 25 days or more): a month names their
        report dated in it, not the weeks whose Friday falls in it."""
        out = set()
        for series, reports in self.reports_by_series.items():
            days = sorted({self.date_of_report[r] for r in reports if r in self.date_of_report})
            gaps = sorted((b - a).days for a, b in pairwise(days))
            if gaps and gaps[(len(gaps) - 1) // 2] >= MONTHLY_GAP:
                out.add(series)
        return out

    def add_label(self, series: str, number: int, week: int) -> None:
        for labels in (self.labels, self.labels_by_series.setdefault(series, {})):
            weeks = labels.setdefault(number, [])
            if week not in weeks:
                weeks.append(week)

    def week_labels(self, series: str | None) -> dict[int, list[int]]:
        """Own week labels -> ISO weeks of one series, or (None) of the whole index."""
        return self.labels if series is None else self.labels_by_series.get(series, {})

    def weeks(self, series: str | None) -> set[int]:
        """ISO week ints with a report, in one series or (None) in the whole index."""
        if series is not None:
            return self.weeks_by_series.get(series, set())
        return set().union(*self.weeks_by_series.values()) if self.weeks_by_series else set()


def index_context(lexical: LexicalIndex) -> IndexContext:
    """Built once per loaded lexical index (from its per-report table) and kept on it."""
    cached = lexical.derived.get("index_context")
    if isinstance(cached, IndexContext):
        return cached
    ctx = _build_context(lexical)
    lexical.derived["index_context"] = ctx
    return ctx


def today() -> date:
    """Today's date (a function, so tests can move it)."""
    return date.today()


def _build_context(lexical: LexicalIndex) -> IndexContext:
    """Per series: reports, weeks, language, and the latest report date. The latest is the latest
    report *not in the future*: one report dated 2099 (a typo) must not become "this week" for
    every relative question; a series with only future dates keeps its own latest."""
    ctx = IndexContext()
    now = today()
    future: dict[str, date] = {}
    titled: list[tuple[str, str, str]] = []
    for report, series, day, week, label, titles in lexical.reports():
        ctx.reports_by_series.setdefault(series, set()).add(report)
        ctx.weeks_by_series.setdefault(series, set()).add(week)
        ctx.week_of_report[report] = week
        titled.append((report, series, f"{Path(report).stem} | {titles.split(' || ')[0]}"))
        ctx.title_of_report[report] = fold_title(titled[-1][2])
        if day:
            value = date.fromisoformat(day)
            ctx.date_of_report[report] = value
            covers = covered_month(report, titles.split(" || ")[0], value)
            if covers is not None and not covers[0] <= value <= covers[1]:
                ctx.month_of_report[report] = covers
            latest = ctx.latest_by_series if value <= now else future
            if series not in latest or value > latest[series]:
                latest[series] = value
        match = re.search(r"\d{1,2}", label)
        if match and not any(own.kind != "week" for own in series_labels(label)):
            ctx.add_label(series, int(match[0]), week)  # a week label; an issue's number (`第9期`) is not one
        for own in own_labels(report, {"week_label": label, "sections": titles}):
            ctx.report_labels.setdefault((own.kind, own.number), set()).add(report)
            ctx.label_forms.setdefault(report, set()).add(label_form(own.text))
            if own.kind == "week":
                ctx.add_label(series, own.number, week)
    add_code_numbering(ctx, titled)
    present = list(ctx.latest_by_series.values())
    for series, value in future.items():
        ctx.latest_by_series.setdefault(series, value)
    ctx.latest = max(present or ctx.latest_by_series.values(), default=None)
    ctx.lang_by_series = dict(lexical.series_langs())
    return ctx


def add_code_numbering(ctx: IndexContext, titled: Iterable[tuple[str, str, str]]) -> None:
    """From (report, series, file name and title): a title code is a series' numbering ("PW11",
    "PW12" of a pilot's weeks) when two or more of its reports carry the prefix with different
    numbers, each number on one or two reports; a code every report carries (a team's "R2" room)
    names none of them."""
    codes: dict[tuple[str, str], dict[int, set[str]]] = {}
    for report, series, text in titled:
        for code in title_codes(text):
            codes.setdefault((series, code.kind), {}).setdefault(code.number, set()).add(report)
    for (_, kind), numbers in codes.items():
        if len(numbers) >= 2 and all(len(reports) <= 2 for reports in numbers.values()):
            for number, reports in numbers.items():
                ctx.report_labels.setdefault((kind, number), set()).update(reports)


def fold_title(text: str) -> str:
    """Words of a title or question, lowercase, single-spaced: what `titled_reports` compares."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def titled_reports(
    question: str,
    time_text: str,
    pool: Collection[str],
    ctx: IndexContext,
    weeks: tuple[int | None, int | None] = (None, None),
) -> set[str]:
    """Reports of `pool` whose title holds the question's time words together with the word
    beside them ("the October update" -> a post titled "October update"): the question names
    the report by its title, so it is that post and not every team's report of the month.

    `weeks`: the period the time words name, if any. A report named by what its files are called
    ("the January meetings": meeting-*.md) must also fall in it; a title that holds the time words
    names its report whenever it was posted ("October update" posted in November)."""
    if not time_text.strip():
        return set()
    asked = fold_title(question)
    when = fold_title(time_text)
    found: set[str] = set()
    nouns: list[str] = []
    for match in re.finditer(rf"(?:(\w+) )?{re.escape(when)}(?: (\w+))?", asked):
        for word in (match[1], match[2]):
            if word and len(word) >= 3 and word not in _STOP and word not in _TIME_WORDS and word.isascii():
                nouns.append(word)
                phrase = f"{when} {word}" if word == match[2] else f"{word} {when}"
                found |= {
                    r
                    for r in pool
                    if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", ctx.title_of_report.get(r, ""))
                }
    if found:
        return found
    # "in the latest issue", "the March issues": the word beside (or inside) the time words is
    # what one team calls its report files (issue-17.md, issue-18.md), though they hold no time
    # words. File names only: a title may be a report's first sentence, whose words name nothing.
    nouns += [w for w in when.split() if w.isalpha() and w.isascii() and w not in _TIME_WORDS]
    for kind in dict.fromkeys(noun(n) for n in nouns if n not in GENERIC_FOLDER_WORDS):
        named = {r for r in pool if kind in {noun(t) for t in fold_title(Path(r).stem).split()}}
        if len({series_of(r) for r in named}) == 1:
            return {r for r in named if _within(ctx.week_of_report.get(r), weeks)}
    return set()


def _within(week: int | None, weeks: tuple[int | None, int | None]) -> bool:
    """Whether a report's week falls in the (since, until) weeks; open ends and unknown weeks do."""
    since, until = weeks
    if week is None:
        return True
    return (since is None or week >= since) and (until is None or week <= until)


def noun(word: str) -> str:
    """A title or question word with its plural folded ("issues" -> "issue")."""
    return stem(word[:-1] if word.endswith("s") and len(word) > 4 else word)


# Words of a time phrase that say when, not which kind of report ("the latest issue": issue).
_TIME_WORDS = frozenset(
    [
        *[
            "latest",
            "last",
            "this",
            "previous",
            "next",
            "first",
            "recent",
            "most",
            "newest",
            "week",
            "weeks",
            "month",
            "months",
        ],
        *[
            "year",
            "quarter",
            "the",
            "in",
            "of",
            "since",
            "ago",
            "early",
            "late",
            "mid",
            "end",
            "start",
            "beginning",
        ],
        *list(MONTHS),
    ]
)
# Words beside a time phrase that name no report ("in October", "the October").
_STOP = frozenset(["the", "in", "on", "at", "of", "for", "since", "until", "from", "and", "this", "that"])


def own_labels(report: str, meta: Mapping[str, object]) -> list[SeriesLabel]:
    """A report's own numbering: from its file name, its stored week label and the top heading of
    each section path (the title when the title is a heading): "第7期.md", "Cycle 21 (Feb 3 – …)"."""
    titles = {path.split(" > ")[0] for path in str(meta.get("sections", "")).split(" || ") if path}
    texts = [Path(report).stem, str(meta.get("week_label", "")), *sorted(titles)]
    return [label for text in texts for label in series_labels(text)]


def label_form(text: str) -> str:
    """A label's way of writing a number: digits and spacing folded ("第 22 周" -> "第#周")."""
    return re.sub(r"\d+", "#", re.sub(r"[\s_-]+", "", text.casefold()))


def relative_reports(question: str, ctx: IndexContext) -> tuple[set[str], int, int] | None:
    """For relative time asked of several series ("the latest report", "last month"), each
    series' own period: the reports inside it, and the overall first and last week.

    None when the question's time does not depend on the series (absolute or no time).
    """
    # Read once per (latest date, own labels): most teams share one with some other team.
    read: dict[tuple[object, ...], TimeRange | None] = {}
    ranges: dict[str, TimeRange | None] = {}
    for series, latest in ctx.latest_by_series.items():
        labels = ctx.week_labels(series)
        key = (latest, *sorted((week, tuple(numbers)) for week, numbers in labels.items()))
        if key not in read:
            read[key] = find_time_range(question, latest, labels)
        ranges[series] = read[key]
    if len({(r.since, r.until) if r else None for r in ranges.values()}) <= 1:
        return None
    reports: set[str] = set()
    weeks: list[int] = []
    monthly = ctx.monthly()
    for series, found in ranges.items():
        if found is None:
            continue
        members = ctx.reports_by_series.get(series, set())
        # A month of a monthly series is its report dated in it (see report_choice.read_dated).
        days = found.days
        calendar = days is not None and days[0] != days[1] and series in monthly
        dated = ctx.dated_in(days[0], days[1], members) if days is not None and calendar else None
        chosen = set()
        for report in members:
            week = ctx.week_of_report.get(report, 0)
            inside = (found.since is None or week >= found.since) and (
                found.until is None or week <= found.until
            )
            if report in dated if dated is not None else inside:
                chosen.add(report)
        if not chosen and days is not None:
            chosen = telling_report(members, days, ctx)
        reports |= chosen
        weeks += [ctx.week_of_report.get(r, 0) for r in chosen]
    return (reports, min(weeks), max(weeks)) if weeks else None


# Days after a period within which a team's next report still tells what happened in it.
TELLING_GAP = 16


def telling_report(members: Collection[str], days: tuple[date, date], ctx: IndexContext) -> set[str]:
    """A team that wrote no report in a period it was active in (a biweekly team's "end of July"
    falls between its Jul 26 and Aug 9 reports) tells that period's events in its next report:
    that report, when it follows within `TELLING_GAP` days and an earlier report shows the team
    was writing before the period; else none."""
    dated = sorted((ctx.date_of_report[r], r) for r in members if r in ctx.date_of_report)
    if not any(day < days[0] for day, _ in dated):
        return set()
    after = [(day, r) for day, r in dated if day > days[1]]
    if after and (after[0][0] - days[1]).days <= TELLING_GAP:
        return {after[0][1]}
    return set()
