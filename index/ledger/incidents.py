"""Extract incidents: when, duration, impact, cause, resolution, severity, each as written.

Incidents live in sections of kind INCIDENTS, or under an item such as `生产稳定性事件：` /
`Incidents:` whose children are the incidents. An incident's follow-up lines (`原因：…`,
`处置：…`, `- Cause: …`) belong to it; a line saying there were none (`本周无事故`) is not one.
Everywhere else an incident is found by its own words (`incident_blocks`); a telling there of
an incident these sections already hold (same day or id) adds nothing.
"""

from __future__ import annotations

import re
from datetime import date

from index.heading_lines import SOURCE_NOTE
from index.ledger.blocks import Block, section_blocks
from index.ledger.evidence import cite
from index.ledger.incident_blocks import DECOR, incidents_anywhere, merge_tellings
from index.ledger.incident_days import RECENT_DAYS, occurred_day
from index.ledger.incident_fields import (
    CAUSE_FREE,
    FIELD_LABEL,
    FIX_FREE,
    SEVERITY,
    clip,
    duration,
    field,
    free,
    impact_of,
    leading_day,
    opening_date,
    title_of,
)
from index.ledger.incident_headings import GROUP, generic_heading, post_header
from index.ledger.incident_titles import event_title, weak
from index.ledger.incident_words import (
    below_the_bar,
    counts_events,
    cue,
    follow_up,
    incident_ids,
    names_no_incidents,
    not_an_event,
    planned_or_dismissed,
    says_none,
    timeline_line,
)
from index.ledger.mentions import line_text
from index.ledger.metric_labels import RECORD_FIELD
from index.models import Item, Report, Section, SectionKind, Table, line_texts
from index.schemas import Incident
from index.tables import column_names_only
from index.text.cjk import has_han
from index.text.eventdates import event_dates
from index.text.normalise import MD_LINK
from index.text.timeexpr import DateHit, find_dates

_NONE = re.compile(
    r"^(?:无|本周无|暂无|没有|none|nil|n/?a|no (?:new |major |production |prod |p[0-4] |sev ?[0-4] |customer[- ]facing )*"
    r"(?:incidents?|outages?|p[0-4](?:\s*[/,&]\s*p[0-4])*s?\b(?!\s*[-–—:]))|nothing)\b|"
    r"^(?:本周)?(?:无|暂无)(?:新增)?\s*(?:P[0-4](?:\s*[/、及和]\s*P[0-4])*\s*级?)?(?:生产|线上)?(?:事故|故障|事件)",
    re.I,
)


# A note beside the record (`备注：同一天的全链路压测是计划内演练，不是故障`) is about something else: it
# does not take the record back.
_ASIDE = re.compile(r"^\W{0,3}(?:备注|附注|注|PS|P\.S\.|N\.?B\.?|(?:side\s+)?note)\s*[:：]", re.I)


def _without_asides(text: str) -> str:
    """An item's text joined with its notes (`；`), the notes beside the record left out (`_ASIDE`)."""
    return "；".join(part for part in text.split("；") if not _ASIDE.match(part))


# A follow-up's line, after at most a word of its kind (`故障复盘会 10/27`, `Incident postmortem`, `PIR
# held Wed`): its day is the meeting's. One after an id (`INC-77 postmortem held Mar 12`) retells that
# incident and is linked to it by the id.
_REMARK = re.compile(
    r"\W{0,3}(?:故障|事故|线上问题|incident\s+)?(?:post-?mortem|post-incident review|PIR|复盘|follow-?ups?|"
    r"action items?|改进项|RCA)(?![A-Za-z])",
    re.I,
)
_SUMMARY = re.compile(r"^(?:本周)?(?:事故|故障|事件|incidents?)\s*(?:数|总数|count|total|合计)", re.I)


def extract_incidents(report: Report) -> list[Incident]:
    """Incidents of incidents sections and groups, then those told anywhere else (one per event)."""
    covered: set[int] = set()
    found = _from_sections(report, covered)
    return merge_tellings(found, incidents_anywhere(report, covered))


def _from_sections(report: Report, covered: set[int]) -> list[Incident]:
    lines = line_texts(report.lines)
    out: list[Incident] = []
    told: list[Incident] = []  # in paragraphs of incidents sections
    tabled: set[str] = set()  # the tracker keys of incidents read from a table's rows
    for section in report.all_sections():
        if _tracker_key(section.title) in tabled:
            continue  # more of a row read already: a digest's `<details>` per issue under its table (w50-a)
        if section.kind == SectionKind.INCIDENTS and not names_no_incidents(section.title):
            told_here = any(text.strip() for number, text in section.lines if number != section.start)
            rows = _from_table(report, section)
            tabled.update(key for row in rows if (key := _tracker_key(row.title)) is not None)
            if (
                not rows
                and section.children
                and not section.items
                and not (
                    told_here and not any(child.kind == SectionKind.INCIDENTS for child in section.children)
                )
            ):
                # incidents are in the subsections, visited on their own; but a lead story's own
                # paragraph over the other parts is its incident (w47-e); but a table of its
                # own lists them, its subsections telling more of its rows (a digest's `<details>`
                # under its incident table, w50-a)
                continue
            if not rows and _all_dismissed(section):
                continue  # a log of planned works only: its heading tells no incident either
            out.extend(rows)
            if _one_incident(report, section) or (not section.items and not rows and _one_paragraph(section)):
                own = _without_dismissed(section)
                body = "\n".join(text for number, text in own if number != section.start)
                # a section whose one paragraph tells a drill or planned work (`…SCADA主备服务器切换演练…
                # 属计划内演练，非故障。`) holds none
                whole = (
                    None
                    if not_an_event(body.strip())
                    else _from_lines(report, section, own, lines, title_line=section.start)
                )
                out.extend([whole] if whole is not None else [])
                continue
            items, paragraphs = _from_blocks(report, section, lines, rows)
            out.extend(items)
            told.extend(paragraphs)
        else:
            # a log's table (`| Log ID | Date | Start | Sev | Duration (mins) | Description |`) tells
            # incidents under any heading, or none (a report writer's untagged title line above it)
            logs = [t for t in section.tables if _log_columns(t.header)]
            out.extend(
                _from_table(report, section, logs) if logs and section.kind != SectionKind.RISKS else []
            )
            for item in section.items:
                for node in item.walk():
                    if _is_group(node) and node.children:
                        covered.update(range(node.start, node.end + 1))
                        for child in node.children:
                            out.extend(_from_item(report, section, child, lines, grouped=False))
    # A paragraph telling the day another section tells (`【事故复盘】12/3入金网关事故定级B级…`) retells it.
    out.extend(p for p in told if p.when is None or not any(p.when == o.when for o in out))
    return out


# A tracker's reasons for closing an issue that was no incident after all.
_DISMISSED_CLOSE = re.compile(
    r"\b(?:not planned|won'?t (?:fix|do)|invalid|duplicate|cannot reproduce|not an incident)\b", re.I
)
# A title's opening tracker key: an issue number (`#212`) or a project key's (`OPS-212`).
_TRACKER_KEY = re.compile(r"^\W*?(#\d+|[A-Z][A-Z0-9]{1,9}-\d+)\b")


def _tracker_key(title: str) -> str | None:
    found = _TRACKER_KEY.match(title)
    return found[1] if found else None


# Table headers by the part they play; a row is read as "date severity summary duration; impact: …".
_COLUMNS = (
    (
        "id",
        re.compile(
            r"^\W*(?:(?:log|incident|event|case)\s+)?(?:id|ticket|ref|no\.?)\W*$|^\W*(?:编号|单号|工单)\W*$|"
            # a tracker's key column (`PRB#`, `INC #`)
            r"^\W*[A-Za-z]{1,8}\s?#\W*$",
            re.I,
        ),
    ),
    (
        "when",
        re.compile(
            # (a script's `ts` column, the event's timestamp, w52-f)
            r"date|time|when|start|began|detected|opened|raised|logged|reported|日期|时间|发生(?!原因)|^\W*ts\W*$",
            re.I,
        ),
    ),
    # (`Cat`: a harbour's or a utility's incident category, `Cat B`)
    ("severity", re.compile(r"sev|severity|level|priority|级别|等级|定级|^\W*cat\.?\W*$", re.I)),
    # (a tracker's `Issue` column: its key and title, `[#212](…) Kestrel 5 collectors stopped`)
    (
        "title",
        re.compile(
            r"summary|title|incident|description|what|^\W*issues?\W*$|事件|故障|问题|描述|概述|现象", re.I
        ),
    ),
    # with no summary column, what went down names the event (`| Ref | When | System | Cat | Duration |`)
    (
        "system",
        re.compile(
            r"^\W*(?:affected\s+)?(?:system|service|component|application|app)s?\W*$|^\W*(?:系统|服务|模块)\W*$",
            re.I,
        ),
    ),
    ("duration", re.compile(r"duration|length|时长|持续|^\W*dur\.?\W*$", re.I)),
    ("impact", re.compile(r"impact|影响", re.I)),
    ("cause", re.compile(r"cause|原因|根因", re.I)),
    ("resolution", re.compile(r"fix|resolution|mitigation|处置|处理|解决", re.I)),
)
_LABELS = {"impact": "Impact: ", "cause": "Cause: ", "resolution": "Fix: "}


def _roles(header: list[str]) -> list[str | None]:
    return [next((role for role, pattern in _COLUMNS if pattern.search(c)), None) for c in header]


def _log_columns(header: list[str]) -> bool:
    """A table that logs incidents by its columns alone: a severity, how long, and what happened."""
    roles = set(_roles(header))
    return {"severity", "duration"} <= roles and bool(roles & {"title", "system"})


def _from_table(report: Report, section: Section, tables: list[Table] | None = None) -> list[Incident]:
    """`| Date | Severity | Summary | Duration |` rows: one incident each, cited on its own row.

    Each row is rewritten in the order the line reader expects (date first, labelled impact,
    cause and fix) and quoted by its summary cell, text that stands in the file as written.
    """
    out: list[Incident] = []
    for table in section.tables if tables is None else tables:
        roles = _roles(table.header)
        for row in table.rows:
            by_role = _row_roles(table.header, roles, row.cells)
            if "title" not in by_role and "system" in by_role and "duration" in roles:
                # (only a whole record: without its duration a printed row's text wraps onto the
                # lines below it, which the line reader joins to the row)
                by_role["title"] = by_role.pop("system")
            by_role.pop("system", None)
            if "title" not in by_role:
                continue
            if _dismissed_row(by_role, row.cells):
                continue
            order = ("when", "severity", "title", "duration", "impact", "cause", "resolution")
            # (a cell's Markdown link read as its text: `[#212](https://…/issues/212) Kestrel 5 …`)
            line = "，".join(
                _LABELS.get(role, "") + MD_LINK.sub(r"\1", by_role[role]) for role in order if role in by_role
            )
            incident = _from_lines(
                report, section, [(row.line, line)], {row.line: line}, title_line=None, marked=False
            )
            if incident is not None:
                incident.evidence = cite(report, section.path_text, row.line, row.line, by_role["title"])
                if "id" in by_role:  # the id ties later tellings to this one
                    incident.title = f"{by_role['id']} {incident.title}"
                out.append(incident)
    return out


def _dismissed_row(by_role: dict[str, str], cells: list[str]) -> bool:
    """A logged row that is no incident: closed as none (`closed (not planned)`, a tracker's close
    reason, w50-a), or planned works logged beside the events, graded `PLN` (a cron job's look-ahead, w52-f)."""
    title = by_role.get("title", "")
    return any(_DISMISSED_CLOSE.search(cell) for cell in cells if cell != title) or bool(
        _PLANNED_GRADE.fullmatch(by_role.get("severity", ""))
    )


def _all_dismissed(section: Section) -> bool:
    """The section's incident log lists rows, each of them no incident."""
    logs = [table for table in section.tables if _log_columns(table.header) and table.rows]
    return bool(logs) and all(
        _dismissed_row(_row_roles(table.header, _roles(table.header), row.cells), row.cells)
        for table in logs
        for row in table.rows
    )


_PLANNED_GRADE = re.compile(r"\W*(?:pln|plan(?:ned)?|maint(?:enance)?|计划内?|计划停机)\W*", re.I)
_MINUTES_HEADER = re.compile(r"\b(?:mins?|minutes)\b|分钟", re.I)
_HOURS_HEADER = re.compile(r"\b(?:hrs?|hours)\b|小时", re.I)
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _row_roles(header: list[str], roles: list[str | None], cells: list[str]) -> dict[str, str]:
    """A row's cells by the part they play: the last column of a part wins, but the first of the
    days, a start clock in a column of its own joining it (`04/03/2024`, `16:05`); a bare number
    under `Duration (mins)` takes its unit from the header."""
    out: dict[str, str] = {}
    for name, role, cell in zip(header, roles, cells, strict=False):
        if not role or not cell.strip():
            continue
        if role == "duration" and _BARE_NUMBER.fullmatch(cell.strip()):
            cell = f"{cell.strip()}{_header_unit(name)}"
        if role == "when" and "when" in out:
            if _CLOCK.fullmatch(cell.strip()):
                out["when"] = f"{out['when']} {cell.strip()}"
            continue
        out[role] = cell  # (a later column of a part says it better: `事件单` is an id, `描述` the title)
    return out


def _header_unit(name: str) -> str:
    """The unit a duration column's name gives its bare figures, in the name's own language (`40`
    under `时长（分钟）` is `40 分钟`, under `Duration (mins)` `40 min`)."""
    for pattern, latin in ((_MINUTES_HEADER, " min"), (_HOURS_HEADER, " h")):
        if found := pattern.search(name):
            return f" {found[0]}" if has_han(found[0]) else latin
    return ""


def _lately(hit: DateHit, report: Report) -> bool:
    return hit.precision == "day" and 0 <= (report.date - hit.value).days <= RECENT_DAYS


def _lately_day(text: str, report: Report) -> tuple[date | None, str | None]:
    """The text's first day of the report's weeks, and how it is written."""
    day = next((h for h in find_dates(text, report.date, "past") if _lately(h, report)), None)
    return (day.value, day.text) if day else (None, None)


# A metrics list's line: a label, a leader (dots, a colon, a gap), a figure (`Crash-free sessions ......
# 99.63%`, `Bursts repaired (wk) ......... 29`); never an incident record's field (duration, times).
_FIGURE_LINE = re.compile(
    r"^\s*[^\d\s][^:：]{0,50}?(?:\s*\.{2,}\s*|\s*[:：]\s*|\s{2,})[-+~≈]?\d[\d.,]*(?!\d)"
)


def _figures_only(lines: list[str]) -> bool:
    """Two or more lines, each a metric's label and figure, none an incident record's field or a time;
    under a first line that tells no incident (the list's own title, `BY THE NUMBERS (week ending …)`)."""
    lines = [line for line in lines if not DECOR.match(line)]  # a dashboard pasted in a code block
    if len(lines) >= 3 and cue(lines[0]) is None and _figures_only(lines[1:]):
        return True
    return len(lines) >= 2 and all(
        _FIGURE_LINE.match(line) and not RECORD_FIELD.search(line) and not re.search(r"\d:\d\d", line)
        for line in lines
    )


_RECORD_LINES = 3
_KEYED_TITLE = re.compile(r"^\W{0,4}(?:INC|PD|PIR|IR|SEV|OUT)-\d", re.I)


def _one_incident(report: Report, section: Section) -> bool:
    """The items are one incident's lines, told under its own heading, not incidents of their own:
    the heading names the day (`### 8月6日决策引擎超时复盘结论`), or the items are its fields
    (`- 时间：…` `- 定级：P2` `- 处置：…`)."""
    if section.tables:
        return False
    if opening_date(section.title, report.date)[0] is not None or _KEYED_TITLE.match(section.title):
        return True  # (or the heading is the event's id: `INC-25-07 — M5-01 crash … (P2)`, w46-b)
    # `线上故障：巴西区播放失败`, `Incident: checkout 502s`: the kind, then the one event it is
    head, colon, what = re.sub(r"[(（][^)）]*[)）]\s*$", "", section.title).partition(
        "：" if "：" in section.title else ":"
    )
    if (
        colon
        and what.strip()
        and cue(head) is not None
        and generic_heading(head)
        and not generic_heading(what)
    ):
        return True
    labelled = sum(1 for item in section.items if FIELD_LABEL.match(item.text))
    return labelled >= 2 and labelled * 2 >= len(section.items)


def _one_paragraph(section: Section) -> bool:
    """A section of one paragraph (or none) is one telling, its heading the incident's title."""
    return sum(1 for block in section_blocks(section) if block.kind == "paragraph") <= 1


def _without_dismissed(section: Section) -> list[tuple[int, str]]:
    """The section's lines without a later paragraph of its own that sets something else aside
    (`Planned maintenance, not an incident: Postgres 15 upgrade …, Sat 3/23 01:00–03:00 PT` under
    the incident's record): that paragraph is no part of the incident, nor a reason to drop it."""
    kept: list[tuple[int, str]] = []
    paragraph: list[tuple[int, str]] = []
    first = True
    for number, text in [*section.lines, (-1, "")]:
        if text.strip():
            paragraph.append((number, text))
            continue
        joined = " ".join(line_text(t) for _, t in paragraph)
        body = [n for n, _ in paragraph if n != section.start]
        if paragraph and not (not first and body and planned_or_dismissed(joined)):
            kept.extend(paragraph)
        first = first and not body
        paragraph = []
        if number != -1:
            kept.append((number, text))
    return kept


def _record_detail(record: str, text: str, ref: date) -> bool:
    """An item under a paragraph that opens as an incident's record (`**INC-0431 · SEV-3 · Mon 4/15,
    13:40–16:50 PT** — …`) and tells no day, clock, level or id of its own (`~5,200 customers got
    their email late`): a line of that record, not another incident."""
    opening = line_text(record)
    if not incident_ids(opening[:40]):
        return False
    own = line_text(text)
    return not (incident_ids(own) or SEVERITY.search(own) or _CLOCK.search(own) or find_dates(own, ref))


# A line labelled as another part's (`Risk: …`, `Ask: …`, `Next week: …`, `风险：…`): a part headed
# `Incidents / risks / asks / next week` (w54-f) files them with its incidents.
_OTHER_KIND = re.compile(
    r"^\W{0,3}(?:risks?|asks?|issues?|help needed|next week|plans?|decisions?|风险|求助|协调|下周(?:计划)?|计划)\s*[:：]",
    re.I,
)


def _from_blocks(
    report: Report, section: Section, lines: dict[int, str], rows: list[Incident]
) -> tuple[list[Incident], list[Incident]]:
    """An incidents section's items and paragraphs (returned apart), each an incident of its own; a status-page
    update (`14:06 UTC — Investigating: …`) belongs to the paragraph above it, and a paragraph that
    tells planned maintenance or a scare that was nothing is none. A paragraph that tells the day
    an earlier one (or a table row, `rows`) did is that incident again (`… on 17 June.` / `The
    17 June RCA is up`), and so is a postmortem's remark that gives no day (`P0复盘要点：…`)."""
    tellings: list[tuple[Block, list[tuple[int, str]]]] = []
    for block in section_blocks(section):
        if post_header(block.text):
            break  # a forum thread's next post (`作者: … 时间: …`) tells its own news
        if block.kind == "row":
            continue
        span = [(n, lines[n]) for n in range(block.start, block.end + 1) if n in lines]
        if (
            block.kind == "item"
            and tellings
            and tellings[-1][0].kind == "paragraph"
            and (timeline_line(block.text) or _record_detail(tellings[-1][0].text, block.text, report.date))
        ):
            tellings[-1][1].extend(span)
        else:
            tellings.append((block, span))
    items: list[Incident] = []
    paragraphs: list[Incident] = []
    titled = not generic_heading(section.title)
    # the lines straight under a table's last row (`Impact: …`, `Certificate renewed at 09:30`) go
    # on telling that row's incident
    row_ends = {max(table.lines) + 1 for table in section.tables} if rows else set()
    first = tellings[0][0] if tellings else None
    # an item's own words, without its marker (`3.1 None this week.`)
    opening = "" if first is None else _row_text(first.item.text if first.item else line_text(first.text))
    opening = re.sub(r"^\d{1,2}(?:\.\d{1,2})+\s+", "", opening)  # `- 3.1 None this week.`
    said_none = bool(_NONE.search(opening) or says_none(opening))
    for index, (block, span) in enumerate(tellings):
        if block.start in row_ends:
            continue
        if index and said_none and cue(block.text) is None and not follow_up(block.text):
            continue  # after `None.`, a block naming no incident is news (`The pre-flight check went live`)
        # after `None.`, one that follows an earlier incident up retells it; a day it names as an
        # earlier update's (`3.2 Further to paragraph 3.1 of the update of 30 October: the hang on 28
        # October`) is no day of the incident: tied to its first telling by its words instead
        retold = bool(index and said_none and follow_up(block.text))
        if _OTHER_KIND.match(line_text(block.text)) and cue(block.text) is None:
            continue  # `Ask: sponsor to confirm … by 20sep2024` where a part lists incidents, risks and asks
        if block.kind == "item" and block.item is not None:
            # `• Action: …`, `• Root cause: …` under a postmortem's line: its fields, no incidents
            if not (
                timeline_line(block.text)
                or FIELD_LABEL.match(line_text(block.text))
                or planned_or_dismissed(
                    _without_asides(line_text(block.text))
                )  # `Networks did planned work on …`
                or _ROSTER.match(
                    line_text(block.text)
                )  # `周末值班：3/15–3/16 林晓峰 / 吴德彬`: who is on duty
            ):
                found = _from_item(report, section, block.item, lines, grouped=True)
                items.extend(_undated(i) if retold and _document_day(i, block.text) else i for i in found)
            continue
        if not_an_event(block.text):
            continue
        if (index and FIELD_LABEL.match(line_text(block.text))) or (rows and _ROSTER.match(block.text)):
            # `Cause: the feed re-sends …` under the incident's item (w19-b), `值班：…` under its table: a field
            continue
        title_line = section.start if titled and index == 0 else None
        incident = _from_lines(report, section, span, lines, title_line=title_line, day_anywhere=not titled)
        if incident is None or (incident.when is None and follow_up(block.text)):
            continue
        if not any(incident.when and incident.when == o.when for o in [*rows, *items, *paragraphs]):
            paragraphs.append(incident)
    return items, paragraphs


# A day named as a document's: "the update of 30 October", "our note of 3 May", "the RCA dated 2 June".
_DOCUMENT_DAY = re.compile(
    r"\b(?:update|report|note|memo|e-?mail|letter|minutes|bulletin|rca|review)\s+(?:of|dated|from)\s+$", re.I
)


def _document_day(incident: Incident, text: str) -> bool:
    at = text.find(incident.when_text) if incident.when_text else -1
    return at > 0 and _DOCUMENT_DAY.search(text[max(0, at - 30) : at]) is not None


def _undated(incident: Incident) -> Incident:
    return incident.model_copy(update={"when": None, "when_text": None})


def _is_group(item: Item) -> bool:
    head = item.text.strip()
    return head.endswith((":", "：")) and len(head) <= 24 and bool(GROUP.search(head))


def _from_item(
    report: Report, section: Section, item: Item, lines: dict[int, str], grouped: bool
) -> list[Incident]:
    if grouped and _is_group(item) and item.children:
        return [i for child in item.children for i in _from_item(report, section, child, lines, False)]
    span = [(n, lines[n]) for n in range(item.start, item.end + 1) if n in lines]
    # an incident's id line over its notes (`IR-LST-25-006  Sev: P2` over `- 19-MAR, at sea, 0645-0920: …`):
    # dated by the notes when its own line names no day
    undated_head = bool(item.children) and not event_dates(item.text, report.date)
    incident = _from_lines(report, section, span, lines, title_line=None, day_anywhere=undated_head)
    return [incident] if incident is not None else []


# Who was on call and how it was found, under an incidents table: the rows' fields, no incident.
_ROSTER = re.compile(
    r"^\W{0,3}(?:(?:周末|本周|下周|节假日|假期)?值班(?:人员?|安排|表)?|on-?call(?:\s+(?:rota|roster))?|duty\s+roster|"
    r"发现途径|发现方式|detected by)\s*[:：]",
    re.I,
)
# A plain-text table's header line: three or more short names set apart by runs of spaces, no figures.
_COLUMN_NAMES = re.compile(r"\s*[^\W\d][^\s\d]{0,11}(?:\s{2,}[^\W\d][^\s\d]{0,11}){2,}\s*")
_RULE = re.compile(r"[\s=_~-]{3,}")
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}|={1,6}|h[1-6]\.)\s+")  # Markdown, AsciiDoc, Textile
_PLACEHOLDER_CELL = re.compile(r"[-–—/\\.\s]*")


def _row_text(text: str) -> str:
    """A table row's filled cells as one text (`| — | 本周无四级及以上生产事件。` -> the sentence),
    so a row that says there was nothing reads as the sentence it is; other text as it is."""
    if not text.lstrip().startswith("|"):
        return text
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return " ".join(cell for cell in cells if not _PLACEHOLDER_CELL.fullmatch(cell))


def _from_lines(
    report: Report,
    section: Section,
    span: list[tuple[int, str]],
    lines: dict[int, str],
    title_line: int | None,
    marked: bool = True,
    day_anywhere: bool = False,
) -> Incident | None:
    """`marked`: the lines are the file's, with list markup to strip (a table row's cells are not);
    `day_anywhere`: a paragraph under a heading that only says incidents, dated by any of its days."""
    # a table's header with no rows under it (`| 发生日期 | 故障现象 | … |` over "本周无故障") tells nothing
    texts = [
        (n, line_text(t) if marked else t.strip())
        for n, t in span
        if _row_text(t).strip() and not column_names_only(t)
    ]
    if title_line is not None and title_line in lines:
        # (an outliner's heading is a bullet first: `- ## 线上问题`)
        heading = _HEADING_MARK.sub("", line_text(_HEADING_MARK.sub("", lines[title_line]).strip()))
        texts.insert(0, (title_line, heading))
    if title_line is not None:
        # the listing's source under its title (`Source: ServiceNow, period 01/03 – 07/03`) tells nothing
        texts = texts[:1] + [(n, t) for i, (n, t) in enumerate(texts[1:]) if i or not SOURCE_NOTE.match(t)]
    body = texts[1:] if title_line is not None else texts
    opening_text = _row_text(body[0][1]) if body else ""
    if not body or _NONE.search(opening_text) or says_none(opening_text) or _SUMMARY.search(opening_text):
        return None
    if below_the_bar("；".join(text for _, text in body if not _ASIDE.match(text))):
        return None  # a rule of the on-call process, a blip below an incident's bar
    if len(body) == 1 and counts_events(opening_text):
        return None  # `本周一般缺陷 6 条，已消缺 6 条。`: a count, whatever severity word it holds
    if _figures_only([text for _, text in body]):
        return None  # `On-call pages ...... 2`, `Supply interruptions >3h, YTD .. 3,560`: a metrics list
    told_below = False
    if (
        body is not texts
        and generic_heading(texts[0][1])
        and opening_date(texts[0][1], report.date)[0] is None
    ):
        # a heading that only says incidents (`INCIDENTS / DEVIATIONS`): the body tells it, after
        # the column names of a printed table (`PRB#   SEV  START   END   DUR   SYSTEM`) if any
        told_below = opening_date(body[0][1], report.date)[0] is None
        skip = 1 if len(body) > 1 and _COLUMN_NAMES.fullmatch(body[0][1]) else 0
        while skip and skip < len(body) - 1 and _RULE.fullmatch(body[skip][1]):
            skip += 1  # the rule under the column names
        texts = body[skip:]
    first_line, first = texts[0]
    whole = "；".join(text for _, text in texts)  # a field never runs into the next line
    when, when_text, rest = opening_date(first, report.date)
    opening = leading_day(body[0][1], report.date) if when is None and body is not texts else None
    if opening is not None:  # `## Incident: 4.2.2 session cookies` / `On July 22, 4.2.2 went out …`
        when, when_text = opening.value, opening.text
    occurred = occurred_day(whole, report.date) if when is None else None
    if occurred is not None:  # `NC-2024-017｜发生时间：2024-03-20 02:14｜…`: the record's own field
        when, when_text = occurred.value, occurred.text
    # (or a heading that is the record's: `Incident — P1, /jobs/tdw full` over what happened)
    record = bool(incident_ids(body[0][1]) or SEVERITY.search(body[0][1])) or (
        title_line is not None
        and not generic_heading(texts[0][1])
        and SEVERITY.search(texts[0][1]) is not None
    )
    if when is None and title_line is not None and body is not texts and record:
        # under a heading that gives no day (`6. LIVE OPERATIONS - INCIDENTS & POSSESSIONS`), the day
        # of the record's first line (`INC-2025-0306-01 | Cat 1 | Thu 06/03/25 05:40-06:55 | …`), or of
        # the first line under a card's tags that has one (`#35 · 🏷 incident · 🏷 P2` over `- 4/22（周二）…`)
        for _, text in body[:_RECORD_LINES]:
            when, when_text = _lately_day(text, report)
            if when is not None:
                break
    if when is None and (told_below or day_anywhere):
        # "Temperature excursion, Tallinn: … recorded up to 11.4°C … on Tue 08-Apr": the paragraph's
        # first day of the report's weeks, wherever its sentence puts it
        when, when_text = _lately_day(" ".join(t for _, t in texts), report)
    duration_text, minutes = duration(whole)
    severity = SEVERITY.search(whole)
    impact = impact_of(whole)
    if when is None and duration_text is None and severity is None and impact is None:
        return None  # a follow-up action or remark, not an incident
    if duration_text is None and severity is None and impact is None and _REMARK.match(body[0][1]):
        return None  # `Postmortem is Thursday; owner Dee R.`: a day, but of the follow-up
    title = title_of(rest, severity[0] if severity else None, duration_text)
    if not title or weak(title, report.date):  # `On October 8, the package index …` → `On`
        title = event_title(whole, 0, report.date)
    return Incident(
        title=clip(title or first, 100),
        report=report.source,
        week=report.week,
        date=report.date,
        when=when,
        when_text=when_text,
        duration_minutes=minutes,
        duration_text=duration_text,
        impact=impact,
        severity=severity[0] if severity else None,
        cause=field("cause", whole) or free(CAUSE_FREE, whole.replace(when_text or "\0", "", 1), group=1),
        resolution=field("resolution", whole) or free(FIX_FREE, whole),
        evidence=cite(report, section.path_text, first_line, texts[-1][0], first),
    )
