"""Incidents told anywhere in a report: a paragraph, bullet or table row whose own words tell one.

Outside an incidents section a block is an incident when it holds an incident word that its
clause does not take back (`incident_words.cue`) and something an event has: a day on or before
the report date, a clock time, a duration, a severity or a tracker id. Plans, reflections and
metrics sections, and lines labelled as plans, are not read. One report often names an incident
twice (a headline, then the paragraph that tells it); tellings that share a day or an id are one
incident, told by the richest of them, and a block without an incident word that tells the same
day with a duration or a clock range is the fullest telling (`Headline: … an image outage on
Friday` / `On Friday afternoon (the 22nd) product images disappeared … for about 12 minutes`). A
summary's mention with no day of its own is the telling that shares its words; a sentence or item
that refers back (`It was raised as a P2`, `- 定级 P1。`) is told from the one before it with a day
(`incident_days`); an incidents section's line that only points elsewhere (`见议题一`) gives way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from index.classify import classify_heading
from index.ledger.blocks import Block, item_block, section_blocks
from index.ledger.evidence import cite
from index.ledger.field_labels import split_label
from index.ledger.incident_days import (
    BACK_SENTENCES,
    SENTENCE_END,
    bare_weekday,
    heading_day,
    nearest_day,
    opens_with_day,
    refers_back,
    sentence_start,
    told_before,
)
from index.ledger.incident_fields import (
    CAUSE_FREE,
    FIX_FREE,
    SEVERITY,
    TIME,
    clip,
    clock_range,
    duration,
    field,
    free,
    impact_of,
)
from index.ledger.incident_headings import generic_heading, post_header
from index.ledger.incident_links import shared_words
from index.ledger.incident_titles import DETAIL_LABEL, event_title
from index.ledger.incident_words import (
    cue,
    incident_ids,
    names_no_incidents,
    points_elsewhere,
    review_held,
    says_none,
    story,
)
from index.ledger.mentions import line_text
from index.ledger.metric_labels import figure_runs
from index.ledger.table_columns import column_roles, name_column
from index.models import Item, Report, SectionKind, line_texts
from index.schemas import Incident
from index.text.eventdates import event_dates

_NOT_READ = (SectionKind.INCIDENTS, SectionKind.PLANS, SectionKind.REFLECTION, SectionKind.METRICS)
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


# Lines that only wrap what they hold: a code fence, a collapsible block's tags, a blank.
DECOR = re.compile(r"^\s*(?:```.*|~~~.*|</?(?:details|summary)\b.*)?$")


def _detail_field(text: str) -> bool:
    """A field labelled as the week's incident (`Incident details: INC-2025-0312 (Sev 2). …`)."""
    labelled = split_label(text)
    return (
        labelled is not None
        and bool(labelled.rest)
        and DETAIL_LABEL.fullmatch(labelled.label.strip()) is not None
    )


def incidents_anywhere(report: Report, covered: set[int]) -> list[Incident]:
    """Incidents in blocks outside incidents sections and groups (`covered` lines are skipped)."""
    told: list[Incident] = []
    quiet: list[Incident] = []
    mentions: list[Incident] = []
    for section in report.all_sections():
        # a figures part's field that tells the week's incident (an inspection form's `Incident details:
        # INC-2025-0312 (Sev 2). Night shift 11/12 Mar, …` under `Fleet & System Health`, w51-a)
        detail_only = section.kind == SectionKind.METRICS
        if (
            section.kind in _NOT_READ
            and not detail_only
            and not (section.kind == SectionKind.INCIDENTS and names_no_incidents(section.title))
        ):
            continue  # an incidents section is read as one; one about alerts only is read here
        # A figures list's line (`Weather downtime, installation spreads (week): 46 h`) is a metric.
        figures = figure_runs(section)
        texts = line_texts(section.lines)
        for whole in section_blocks(section):
            block = _after_none(_after_post_header(whole))
            if detail_only and (block is None or not _detail_field(block.lines[0][1] if block.lines else "")):
                continue
            if (
                block is None
                or covered.intersection(range(block.start, block.end + 1))
                or _labelled_plan(block)
            ):
                continue
            if figures and figures.issuperset(
                n for n in range(block.start, block.end + 1) if not DECOR.match(texts.get(n, ""))
            ):
                continue  # a figures list, in its code fence or not
            telling = False
            for sub, start, at in _cued(block, report.date):
                if review_held(sub.text[start:]):
                    continue  # `广东故障复盘会 3/18 开完`: the review of one, told in the week's work
                if says_none(_cue_sentence(sub.text[start:], at)):
                    continue  # `… began November 24. The console has run without a system incident.` (w52-a)
                if _cause_of_a_slip(sub.text, start + at):
                    continue  # `QA sign-off slipped from 7/3 to 11/3 (device lab outage)`: why a step slipped
                incident = _read(report, sub, start, at)
                telling = True
                if incident is not None:
                    _goes_on(incident, block, told)
                    told.append(incident)
                    if _mention(sub.text[start:], at, report.date):
                        mentions.append(incident)
            if not telling and block.kind == "paragraph":
                incident = _read(report, block, 0, 0, quiet=True)
                if incident is not None:
                    (told if story(block.text) else quiet).append(incident)
    return _one_per_event(told, quiet, mentions)


def _cue_sentence(text: str, at: int) -> str:
    """The sentence the incident word at `at` stands in, to its text's end. (Not
    `incident_days.sentence_start`: a full stop after a day ends a sentence here, `began November 24.
    The console has run without a system incident`, where that reader keeps a dotted day whole.)"""
    return text[max(text.rfind(stop, 0, at) for stop in ".。;；!！?？") + 1 :].strip()


_SLIP_VERB = re.compile(r"\b(?:slipped|slips|delayed|pushed|moved|postponed)\b|推迟|延期|顺延|延后", re.I)


def _cause_of_a_slip(text: str, at: int) -> bool:
    """The incident word stands in the brackets after a slip, giving its reason (w46 read again on
    airtable-email: a lab's outage that moved a sign-off is no incident of the team's)."""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    if opened < 0 or max(text.rfind(")", opened, at), text.rfind("）", opened, at)) >= 0:
        return False
    return _SLIP_VERB.search(text[max(0, opened - 60) : opened]) is not None


def _after_post_header(block: Block) -> Block | None:
    if not block.lines or not post_header(block.lines[0][1]):
        return block
    rest = block.lines[1:]
    return replace(block, start=rest[0][0], lines=rest) if rest else None


def _after_none(block: Block | None) -> Block | None:
    """A block opening with a line that says nothing happened (`No new production incidents this
    period.`), under its title at most (`4. Production Issues`), tells what follows that line, if
    anything: a follow-up of an older incident, a planned window."""
    if block is None:
        return None
    if block.kind == "row" and block.row is not None:
        # `| 生产事件 / 故障 | 本期无。（5/3 … 不计入系统事件。） |`: the kind's label, then a cell saying none
        cells = [cell for cell in block.row.cells if cell.strip()]
        said_row = len(cells) >= 2 and generic_heading(cells[0]) and says_none(cells[1])
        return None if said_row else block
    said = next((i for i, (_, text) in enumerate(block.lines[:2]) if says_none(text)), None)
    if said is None:
        return block
    rest = block.lines[said + 1 :]
    return replace(block, kind="paragraph", item=None, start=rest[0][0], lines=rest) if rest else None


def _goes_on(incident: Incident, block: Block, told: list[Incident]) -> None:
    """A telling with no day of its own right after one with a day goes on about that incident
    (`Postmortem for the Sunday 19th outage is done.` / `Root cause: … 2h55m, SEV2 confirmed.`)."""
    if incident.when is not None or not told:
        return
    last = told[-1]
    adjacent = 0 < block.start - last.evidence.lines[-1] <= 2
    if last.when is not None and last.evidence.section == incident.evidence.section and adjacent:
        incident.when, incident.when_text = last.when, last.when_text


# An event named as one already told (`dragged down by the outage`, `Postmortem for the gate outage on
# Thursday`, `该故障`): a line about it, not another one, beside an incidents section that tells it
# (w19-b).
_REFERS_BACK = re.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:outage|incident|failure|disruption)\b|"
    # (`the postmortem from last week’s outage`, a bulletin's lead over its postmortem part, w52-d)
    r"\b(?:the|that|this)\s+(?:post-?mortem|review|rca)\s+(?:of|from|for|on)\s+(?:[\w'’-]+\s+){0,3}(?:outage|incident|failure|disruption)\b|"
    r"(?:该|此次|这次|上述|那次)(?:故障|事故|事件|中断)",
    re.I,
)


def merge_tellings(found: list[Incident], extra: list[Incident]) -> list[Incident]:
    """`found` (incidents sections) as they are, plus the `extra` that tell none of them."""
    found = [_fuller(f, extra) for f in found]
    kept = [
        i
        for i in extra
        if not any(_same_event(i, f) for f in found)
        # (only beside a telling the section gives: with none, the line is all the report says)
        and not (found and _REFERS_BACK.search(i.evidence.quote))
        and not (found and points_elsewhere(i.evidence.quote))  # `Not our finest hour; see Incidents.`
        # an opening paragraph's mention (`Launch week brought a sign-in outage the next evening`)
        # of the incident the section records with its time and level
        and not (i.duration_minutes is None and i.severity is None and any(_names(i, f) for f in found))
    ]
    if not kept:
        return found
    return sorted([*found, *kept], key=lambda incident: incident.evidence.lines[0])


def _fuller(found: Incident, extra: list[Incident]) -> Incident:
    """An incidents section's line that only points elsewhere (`9月3日误拒问题见议题一，本节不重复`)
    gives way to the telling it points at, found by its words elsewhere in the report."""
    if not points_elsewhere(found.evidence.quote):
        return found
    return next((i for i in extra if _same_event(i, found) and _richness(i) > _richness(found)), found)


def _labelled_plan(block: Block) -> bool:
    labelled = split_label(block.text)
    return bool(labelled) and classify_heading(labelled.label) in (SectionKind.PLANS, SectionKind.REFLECTION)  # type: ignore[union-attr]


def _cued(block: Block, ref: date) -> Iterator[tuple[Block, int, int]]:
    """The parts of a block that tell an incident: (part, where its telling starts, the word)."""
    if block.kind == "item" and block.item is not None:
        for part, start, at in _cued_items(block, block.item):
            yield _with_items_before(part, at, ref) if part.item is block.item else (part, start, at)
        return
    match = cue(block.text)
    if match is not None and (_project_label(block.text, match) or _in_name_cell(block, match[0])):
        return
    if match is not None:
        start = sentence_start(block.text, match.start()) if block.kind == "paragraph" else 0
        if start and opens_with_day(block.text, ref) and not event_dates(block.text[start:], ref):
            start = 0  # `On April 15 we published 4.1.3 … We yanked it two hours later.`
        elif start and (
            refers_back(block.text, start, match)
            or (_LEVEL.search(match[0]) and not _tells_alone(block.text[start:], ref))
        ):
            told = told_before(block.text, start, ref)
            if told is not None:  # `… the batch failed on the night of the 6th. It was raised as a P2.`
                yield block, told[0], told[1] - told[0]
                return
            start = sentence_start(block.text, start - 1)  # `前后 27 分钟，约3.2%的下单失败。定级 P2。`
        yield block, start, match.start() - start


# A project's status line: its name as the label, then a share done or a target (`DOWNTIME IMAGE
# VIEWER REFRESH: Unremarkable. 35%. Target 05/16/2025.`): the incident word names the project.
_LABEL = re.compile(r"^\W{0,3}([^:：。.!?]{3,48})[:：]\s")
_STATUS_AFTER = re.compile(r"\d{1,3}(?:\.\d)?\s*%|\b(?:target|ETA|due|go-?live)\b|目标|计划|预计", re.I)


def _project_label(text: str, match: re.Match[str]) -> bool:
    label = _LABEL.match(text)
    if label is None or match.end() > label.end(1) or generic_heading(label[1]):
        return False
    status = _STATUS_AFTER.search(text, label.end(), label.end() + 80)
    if status is None:
        return False
    # (`PagerDuty: [SEV3] label-svc 5xx rate > 5% — triggered 14:40`: an alert before the figure it quotes)
    before = text[label.end() : status.start()]
    return not (SEVERITY.search(before) or duration(before)[0] or _CLOCK.search(before))


def _in_name_cell(block: Block, word: str) -> bool:
    """The incident word is in a project table's name cell (`| IT-24102 | OCC Outage Status Board |
    INPRG | GREEN | 80 | 3/28/25 |`): it names the project, and the row tells its progress."""
    if block.kind != "row" or block.row is None or block.table is None:
        return False
    name = name_column(block.table)
    cells = block.row.cells
    if name is None or name >= len(cells) or word not in cells[name]:
        return False
    # a name, not a sentence a page's layout put in the column (`1、两票：… 3、备件云仓问题复盘（见生产事件栏）。`)
    named = len(cells[name]) <= _NAME_CELL_CHARS and not re.search(r"[。；;]", cells[name])
    return named and "status" in column_roles(block.table)


_NAME_CELL_CHARS = 60


# A cue that is only a level ("Logged as P2", "SEV2"): the event is told around it, not by it.
_LEVEL = re.compile(r"\b(?:P[0-4]|SEV[- ]?[0-4])\b", re.I)


def _tells_alone(text: str, ref: date) -> bool:
    """The text says when or how long (`Logged as P2 by web eng` does not: the sentences before it
    told the event, `product pages … threw 500 errors for ~15 min on Wed 5/7`)."""
    return bool(event_dates(text, ref) or duration(text)[0] or _CLOCK.search(text))


def _with_items_before(block: Block, at: int, ref: date) -> tuple[Block, int, int]:
    """An item that only gives the level of what the items before it told (`- 9月3日上午，规则误配…`
    `- 13:20 回滚，误拒持续约 3 小时` `- 定级 P1。`) is told from the nearest of them with a day."""
    text = block.text
    match = cue(text)
    if match is None or not refers_back(text, 0, match) or event_dates(text, ref) or duration(text)[0]:
        return block, 0, at
    siblings = block.section.items
    index = next((i for i, item in enumerate(siblings) if item is block.item), 0)
    for back in range(index - 1, max(-1, index - 1 - BACK_SENTENCES), -1):
        days = event_dates(item_block(block.section, siblings[back]).text, ref)
        if days:
            parts = [item_block(block.section, item) for item in siblings[back:index]]
            lines = [line for part in [*parts, block] for line in part.lines]
            whole = Block("item", block.section, parts[0].start, block.end, lines, item=siblings[back])
            return whole, 0, days[0].start
    return block, 0, at


def _cued_items(block: Block, item: Item) -> Iterator[tuple[Block, int, int]]:
    """The outermost items whose own line holds an incident word (their children are its fields)."""
    match = cue(item.text)
    if match is not None and item.children and generic_heading(line_text(item.text)):
        match = None  # `4. Incidents & Complaints / 异常与客诉` over its incidents: a section's title
    if match is not None:
        part = item_block(block.section, item)
        yield part, 0, part.text.find(match[0])
        return
    for child in item.children:
        yield from _cued_items(block, child)


def _read(report: Report, block: Block, start: int, at: int, quiet: bool = False) -> Incident | None:
    """The incident a block tells from `start`, its incident word at `at` (relative to start)."""
    text = block.text[start:]
    when = nearest_day(text, at, report)
    duration_text, minutes = duration(text)
    span_text, span_minutes = clock_range(text)
    if duration_text is None and span_text is not None:
        duration_text, minutes = span_text, span_minutes
    severity = SEVERITY.search(text)
    clock = _CLOCK.search(text)
    if quiet and (when is None or (duration_text is None and span_text is None)):
        return None
    if when is None and duration_text is None and clock is None:
        return None  # a mention (`busy with the SEV1`, `covered INC-208`), not a telling
    when_text = None
    heading = None
    if when is not None:
        time = TIME.match(text, when.end)
        when_text = text[when.start : time.end() if time else when.end].strip()
    else:
        when = heading_day(block, report.date)
        when_text = when.text if when else None
        heading = block.section.title if when else None
    line, quote = _quote(block, start)
    return Incident(
        title=clip(event_title(text, max(at, 0), report.date, heading), 100),
        report=report.source,
        week=report.week,
        date=report.date,
        when=when.value if when else None,
        when_text=when_text,
        duration_minutes=minutes,
        duration_text=duration_text,
        impact=impact_of(text),
        severity=severity[0] if severity else None,
        cause=field("cause", text) or free(CAUSE_FREE, text, group=1),
        resolution=field("resolution", text) or free(FIX_FREE, text),
        evidence=cite(report, block.section.path_text, line, block.end, quote),
    )


def _quote(block: Block, start: int) -> tuple[int, str]:
    """The line the telling starts on and text from there, as it stands in the file."""
    if block.kind == "row" and block.row is not None:
        cells = [c for c in block.row.cells if c]
        best = next((c for c in cells if cue(c)), max(cells, key=len))
        return block.start, best
    if block.kind == "item":
        return block.lines[0][0], block.lines[0][1]
    offset = 0
    for number, text in block.lines:
        if start < offset + len(text) + 1:
            return number, " ".join(t for n, t in block.lines if n >= number)[start - offset :]
        offset += len(text) + 1
    return block.start, block.text


def _same_event(a: Incident, b: Incident) -> bool:
    if a.when is not None and a.when == b.when:
        return True
    # `an outage on Tuesday` and `On Tuesday 15 April, uploads failed` in one report: the bare
    # weekday was read as the last Tuesday before the report date, the dated telling is exact
    if (
        a.when is not None
        and b.when is not None
        and abs((a.when - b.when).days) == 7
        and (bare_weekday(a.when_text) or bare_weekday(b.when_text))
    ):
        return True
    if (
        (a.when is None or b.when is None)
        and a.severity is not None
        and (a.severity or "").upper() == (b.severity or "").upper()
        and a.duration_minutes is not None
        and a.duration_minutes == b.duration_minutes
    ):
        return True  # a summary's `SEV2 Wed: signups failed for 26 min` and the incidents section's line
    if (
        a.when is not None
        and b.when is not None
        and abs((a.when - b.when).days) <= _RETOLD_DAYS
        and _no_other_level(a, b)
        and a.duration_minutes is not None
        and a.duration_minutes == b.duration_minutes
        and shared_words(a, b) >= 1
    ):
        # a chat's recap (`Recap of Wed incident: 14:05-14:52 ICT SiamQR callback timeouts, 47 min`,
        # dated by the message) and the report's line (`3/12 15:05–15:52 (北京时间) SiamQR 回调超时
        # 47 分钟`): one outage of the same length on the same system, told in two time zones
        return True
    return bool(incident_ids(_words(a)) & incident_ids(_words(b)))


_RETOLD_DAYS = 6  # within one report's week


def _no_other_level(a: Incident, b: Incident) -> bool:
    return a.severity is None or b.severity is None or a.severity.upper() == b.severity.upper()


def _names(mention: Incident, telling: Incident) -> bool:
    """`mention` names `telling`: they share distinctive words and no different level."""
    return _no_other_level(mention, telling) and shared_words(mention, telling) >= _SHARED


def _words(incident: Incident) -> str:
    return " ".join(filter(None, (incident.title, incident.evidence.quote, incident.impact)))


def _richness(incident: Incident) -> float:
    fields = (incident.when, incident.duration_minutes, incident.severity, incident.impact, incident.cause)
    clock = 0.5 if incident.when_text and ":" in incident.when_text else 0.0
    return sum(value is not None for value in (*fields, incident.resolution)) + clock


def _mention(text: str, at: int, ref: date) -> bool:
    """The incident word's sentence names an incident but tells nothing of it: no day, no
    duration, no clock time (`There was also one P3 incident on the legacy broker portal.`)."""
    left = sentence_start(text, max(at, 0))
    end = SENTENCE_END.search(text, max(at, 0))
    sentence = text[left : end.start() if end else len(text)]
    return not event_dates(sentence, ref) and duration(sentence)[0] is None and not _CLOCK.search(sentence)


_SHARED = 2  # distinctive words a mention shares with the telling it names


def _one_per_event(told: list[Incident], quiet: list[Incident], mentions: list[Incident]) -> list[Incident]:
    """Tellings of one event (a shared day or id) become one incident, the richest telling; a
    mention (a summary's `one P3 incident on the legacy broker portal`, its day borrowed from a
    sentence about something else) is the telling elsewhere in the report that shares its words."""
    groups: list[list[Incident]] = []
    for incident in told:
        group = next((g for g in groups if any(_same_event(incident, other) for other in g)), None)
        if group is None and any(incident is m for m in mentions):
            group = next((g for g in groups if any(_names(incident, other) for other in g)), None)
        if group is None:
            groups.append([incident])
        else:
            group.append(incident)
    for index, group in enumerate(groups):  # a mention told before its telling
        if len(group) == 1 and any(group[0] is m for m in mentions):
            other = next((g for g in groups[index + 1 :] if any(_names(group[0], o) for o in g)), None)
            if other is not None:
                other.append(group.pop())
    groups = [g for g in groups if g]
    for incident in quiet:
        group = next((g for g in groups if any(_same_event(incident, other) for other in g)), None)
        if group is not None:
            group.append(incident)
    return [max(group, key=_richness) for group in groups]
