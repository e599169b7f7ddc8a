"""The lines of a subject's own block that carry what a reader asks after: dates, numbers, ids,
status words.

A report states a project once (a heading, a bullet, a table row) and puts its facts under it:
"- rec-v3: ✅ 全量 3/20" then "  - AB 最终: CTR +2.1%, GMV +1.3%", or "### KR2.2 潮汐" then
"- 说明：9/10稳定性评审…". Ranking lines by how many question words they hold finds the line that
names the subject and misses the ones below it, which name nothing but say the date, the figure
or the next step. Those are read here by the block's shape (a heading's body, an item's deeper
lines, a paragraph's next sentences), never by a series' wording.

Four readers share that: `subject_details` (a question about one subject: its newest block),
`beside_facts` (a short list of events: the note beside each event's line), `figures_left_out`
(a short incident list: the figures each incident's line holds beyond its summary) and
`report_events` ("what changed?": the newest report's own status lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from index.retrieve import Hit
from index.schemas import Citation, series_of
from index.text.normalise import plain_key, plain_line
from summarizer.engines.local.extractive import (
    Evidence,
    ReportLines,
    Sources,
    block_reason,
    clauses,
    coverage,
    header_row,
    table_row,
)
from summarizer.schemas import Point

_HEADING = re.compile(r"^\s*#{1,6}\s")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)、])\s")
# What a reader asks after about a subject: a figure, a day, an id, a version (all carry a digit),
# or a status word in either language.
_STATUS = re.compile(
    r"暂停|取消|砍掉|上线|完成|延期|推迟|顺延|阻塞|受阻|卡住|风险|逾期|下线|全量|回滚|"
    r"\b(?:blocked|on track|off track|at risk|done|paused|cancel+ed|shipped|live|launched|delayed|"
    r"slipped|released|rolled (?:out|back)|red|amber|green)\b|[✅❌⏸🔴🟡🟢]",
    re.I,
)
# What a report says changed, in prose beyond the status words ("unpaused as of today", "GA moves
# to end of April", "Kestrel moved Thu 6 Mar"): a "what changed?" answer reads these too; an
# answer about one subject keeps to status lines, its figures and dates being what it adds.
_CHANGE = re.compile(
    _STATUS.pattern
    + r"|\b(?:un-?paused|unblocked|resum(?:ed|es)|finished|completed?|moved|moves|slid(?:es)?|signed off|approved"
    + r"|agreed|decided|landed|tagged|merged)\b|决定|同意|批准|敲定|拍板",
    re.I,
)
# Lines read below a lead line: a block is a screenful at most.
REACH = 12
# Lines added to an answer about one subject.
DETAIL_POINTS = 3


@dataclass(frozen=True)
class Detail:
    """One line of a subject's block, cut to a quote, with the hit it was read from."""

    hit: Hit
    line: int
    quote: str


def carries_detail(text: str) -> bool:
    """A line that states a date, a number, an id or a status, not only a name or an opinion."""
    return any(c.isdigit() for c in text) or bool(_STATUS.search(text))


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def own_lines(lines: ReportLines, lead: int, reach: int = REACH) -> list[int]:
    """The lines a lead line heads: a heading's body up to the next heading, an item's deeper
    lines (not its siblings), a paragraph up to the blank line; a table row is its own block."""
    raw = lines.get(lead, "")
    if table_row(raw):
        return [lead]
    out = [lead]
    heading = bool(_HEADING.match(raw))
    item = bool(_BULLET.match(raw))
    for number in range(lead + 1, lead + 1 + reach):
        text = lines.get(number)
        if text is None or _HEADING.match(text):
            break
        if not text.strip():
            if heading:
                continue  # a heading's body may hold blank lines between its items
            break
        if item and _indent(text) <= _indent(raw) and _BULLET.match(text):
            break  # the next item at the same level: another subject
        if table_row(text) and not heading:
            break
        out.append(number)
    return out


# How far into a line its subject may be named for the line to be about it ("- rec-v3: …",
# "Express Checkout is still red…"), not one mention among others ("Headline: stock sync and PCI
# are finished, the Express Checkout card migration…").
TOPIC_CHARS = 24


def is_topic(text: str, subject_names: Sequence[str], subject: dict[str, float]) -> bool:
    """True when a line is about the subject: it opens with one of its names or most of its words
    (a heading, an item's label, a row's first cell, a paragraph's subject)."""
    plain = plain_line(text)
    head = plain_key(plain[: TOPIC_CHARS + max((len(n) for n in subject_names), default=0)])
    if any(plain_key(n) and plain_key(n) in head for n in subject_names):
        return True
    return bool(subject) and coverage(plain[: TOPIC_CHARS * 2], subject) >= 0.5


def _leads(
    hits: Sequence[Hit], lines: ReportLines, names: Sequence[str], subject: dict[str, float]
) -> list[int]:
    """Lines of these hits that open the subject's block; a hit whose own heading names the
    subject is its block from its first line."""
    out: list[int] = []
    for hit in hits:
        leaf = hit.section.split(" > ")[-1]
        if is_topic(leaf, names, subject):
            out.append(hit.lines[0])
            continue
        start, end = hit.lines
        out += [
            n
            for n in range(start, end + 1)
            if lines.get(n, "").strip() and is_topic(lines[n], names, subject)
        ]
    return sorted(set(out))


def subject_details(
    hits: Sequence[Hit],
    sources: Sources,
    subject_names: Sequence[str],
    subject: dict[str, float],
    said: str,
    limit: int = DETAIL_POINTS,
    after: date | None = None,
) -> list[Detail]:
    """The newest report's lines under the subject's lead line that carry a detail the answer does
    not show yet, in report order. The newest report is the subject's current state; an older
    block restates what a later one replaced. With `after` (the day a "why did it miss 8/16?"
    names), the first report written on or after that day is read first: it tells what happened
    to the date."""
    if not subject_names and not subject:
        return []
    shown = plain_key(said)
    by_week = sorted({h.report: h for h in hits}.values(), key=lambda h: (h.week, h.report), reverse=True)
    if after is not None:
        later = sorted((h for h in by_week if h.date and h.date >= after.isoformat()), key=lambda h: h.date)
        by_week = [*later, *(h for h in by_week if h not in later)]
    for newest in by_week:
        lines = sources.get(newest.report, {})
        mine = [h for h in hits if h.report == newest.report]
        leads = _leads(mine, lines, subject_names, subject)
        if not leads:
            continue
        whole = {
            h.lines[0]: h.lines[1]
            for h in mine
            if is_topic(h.section.split(" > ")[-1], subject_names, subject)
        }
        out: list[Detail] = []
        seen: set[str] = set()
        for lead in leads:
            block = range(lead, whole[lead] + 1) if lead in whole else own_lines(lines, lead)
            for number in block:
                raw = lines.get(number, "")
                if not raw.strip() or _HEADING.match(raw):
                    continue
                for quote in clauses(plain_line(raw)):
                    key = plain_key(quote)
                    if not key or key in seen or key in shown or not carries_detail(quote):
                        continue
                    seen.add(key)
                    holder = next((h for h in mine if h.lines[0] <= number <= h.lines[1]), mine[0])
                    out.append(Detail(holder, number, quote))
        return out[:limit]
    return []


# A metric's row ("5xx rate: 0.06%", "Completed: 37 (86%)", "周均告警量|980条"; not a day, "ETA: 8/31"):
# the line beside one is the next metric, not a note.
# A metric row ("p99: 182ms", "| 可用性 | 99.9%"); a chat line's clock ("[16:04] <ana> done") is none.
_METRIC_ROW = re.compile(r"^(?![\[(]?\d{1,2}:\d{2})[^:：|]{1,40}[:：|]\s*[~约≈<>]?\d[\d.,]*(?![\d/月日号.-])")
# Fact points whose block notes are added to a ledger answer, at most.
BESIDE_POINTS = 4
# A ledger answer with more points than this is a list across projects: one note each is a wall.
BESIDE_MAX_FACTS = 6
MIN_NOTE_CHARS = 8


def beside_facts(points: Sequence[Point], sources: Sources, said: str) -> list[Point]:
    """For a short ledger answer about events (finished, slipped, launched, paused), what each
    event's newest report says beside the line the ledger read: "Status: Completed" is followed by
    "brindle fmt 2.0 was released on March 19, five days after the March 14 target". The ledger
    keeps the event and its ISO date; the note keeps the report's own day, version and next step.
    Metric rows are left alone: the line beside one is the next metric."""
    events = [
        (point, max(point.citations, key=lambda c: (c.week, c.lines))) for point in points if point.citations
    ]
    events = [(p, c) for p, c in events if not _METRIC_ROW.match(plain_line(c.quote))]
    if len(events) > BESIDE_MAX_FACTS:
        return []
    shown = plain_key(said)
    out: list[Point] = []
    for _point, cited in events:
        if len(out) >= BESIDE_POINTS:
            break
        found = block_reason(sources.get(cited.report, {}), cited.lines[1], MIN_NOTE_CHARS)
        if found is None:
            continue
        number, quote = found
        if plain_key(quote) in shown or not carries_detail(quote) or _METRIC_ROW.match(quote):
            continue
        shown += " " + plain_key(quote)
        out.append(_cited_point(cited, number, quote))
    return out


_FIGURE = re.compile(r"\d+(?:[.,:/]\d+)*\s*%?")
# Incidents whose lines are quoted for the figures their one-line summary leaves out, at most.
FIGURE_POINTS = 4


def _figures(text: str) -> list[str]:
    """The figures a text writes, spaces dropped ("8 %" is "8%"), each a whole token."""
    return [re.sub(r"\s+", "", f) for f in _FIGURE.findall(text)]


def figures_left_out(points: Sequence[Point], sources: Sources, said: str) -> list[Point]:
    """For a short incident answer, the sentence of each incident's own line that holds figures
    its summary leaves out ("约 8% 的网关断连", "约3.1%的邀请点击失败", "for 47 minutes (16:32–17:19
    UTC)"): how much it hurt is what follows "which incidents", and the summary keeps only the
    fields the extractor knows."""
    if not 0 < len(points) <= FIGURE_POINTS:
        return []
    shown = set(_figures(said))
    out: list[Point] = []
    for point in points:
        if not point.citations:
            continue
        cited = max(point.citations, key=lambda c: (c.week, c.lines))
        lines = sources.get(cited.report, {})
        for number in range(cited.lines[0], cited.lines[1] + 1):
            sentence = next(
                (
                    part
                    for part in clauses(plain_line(lines.get(number, "")))
                    if any(f not in shown for f in _figures(part))
                ),
                None,
            )
            if sentence is None:
                continue
            shown.update(_figures(sentence))
            out.append(_cited_point(cited, number, sentence))
            break
    return out


# Status lines of the newest report added to a "what changed" answer, at most.
EVENT_POINTS = 5


def report_events(
    hits: Sequence[Hit], sources: Sources, said: str, limit: int = EVENT_POINTS
) -> list[Detail]:
    """For "what changed in the latest report?" about one series: the newest report's lines that
    state an event or a status ("11.19全量完成", "改版正式砍掉", "Not blocked anymore: …"), in report
    order, that the answer does not show yet. The ledger's change list holds what its extractors
    read (often only the metrics of a table); the report says the rest in its own words.
    Passages from several series are no one report's news: nothing is added."""
    if not hits or len({series_of(h.report) for h in hits}) != 1:
        return []
    newest = max(hits, key=lambda h: (h.week, h.report)).report
    mine = sorted((h for h in hits if h.report == newest), key=lambda h: h.lines)
    lines = sources.get(newest, {})
    shown = plain_key(said)
    found: list[tuple[int, Detail]] = []
    seen: set[int] = set()
    for hit in mine:
        order = 0  # each block's first status line before any block's second: one item does not fill it
        for number in range(hit.lines[0], hit.lines[1] + 1):
            raw = lines.get(number, "")
            if number in seen or not raw.strip() or _HEADING.match(raw) or header_row(lines, number):
                continue
            seen.add(number)
            quote = next(
                (c for c in clauses(plain_line(raw)) if _CHANGE.search(c) and not _METRIC_ROW.match(c)), None
            )
            if quote is None or len(quote) < MIN_NOTE_CHARS or plain_key(quote) in shown:
                continue  # "done ✅:" labels a list, it says nothing itself
            found.append((order, Detail(hit, number, quote)))
            order += 1
    ranked = sorted(found, key=lambda f: f[0])[:limit]
    return [d for _, d in sorted(ranked, key=lambda f: f[1].line)]


def _cited_point(cited: Citation, number: int, quote: str) -> Point:
    """A point quoting one more line of the report a fact cites, under the fact's section."""
    where = Citation(
        report=cited.report, week=cited.week, section=cited.section, lines=(number, number), quote=quote
    )
    return Point(text=f"{cited.week} {cited.section.split(' > ')[-1]}: {quote}", citations=[where])


def as_evidence(detail: Detail, section: str) -> Evidence:
    """A detail as evidence, to be cited and shown like any other line."""
    return Evidence(detail.hit, 0, detail.line, detail.quote, 0.0, section)
