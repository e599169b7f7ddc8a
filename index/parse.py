"""Parse a loaded document into a `Report`: date, week label, front matter, section tree, items.

Headings come in many shapes in real reports (`heading_lines.py` reads which line opens a section);
here they become the section tree, and the lines under them items.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from index.assistant_chat import assistant_turns
from index.classify import classify_heading
from index.date_labels import DATE_LABEL, VCS_KEYWORD
from index.date_places import detect_report_date
from index.dialects import MARKDOWN, Dialect, dialect_of, heading_line, org_keywords
from index.errors import ReportDateError
from index.front_matter import split_back_matter, split_front_matter
from index.heading_lines import (
    BULLET,
    LABEL_BULLET,
    NUMBERED,
    bracket_parts,
    column_row,
    heading_of,
    numbered_capitals,
    numbered_sections,
    underlines,
)
from index.line_rewrites import (
    chat_export_lines,
    client_chatter,
    hidden_comments,
    mail_client_marks,
    mind_map_fields,
    new_side_of_diffs,
    notebook_source,
    page_furniture,
    template_tags,
)
from index.load import Document
from index.mail_header import MailHeader, mail_header
from index.models import Item, Report, Section, SectionKind
from index.plain_records import (
    coded_margin_lines,
    hanging_blocks,
    hanging_records,
    keyed_paragraphs,
    keyed_titles,
    stated_leads,
)
from index.report_date import FoundDate, date_from_text, issue_label, names_period, week_label
from index.tables import read_tables
from index.text.normalise import is_ordinal_marker
from index.text.timeexpr import ANY_DAY, find_dates, reading_day_first, writes_day_first

# A wiki macro line (`{{toc}}`) is no title.
_MACRO = re.compile(r"^\{\{.*\}\}$")


_FENCE = re.compile(r"^\s*(```|~~~)")

# Heading paths travel with every chunk (embedded text, Chroma metadata, citations): a heading
# longer than this is cut, so one 1 MB heading line cannot make every chunk under it 1 MB.
MAX_TITLE_CHARS = 200
_LABEL_LINES = 3  # how far under the title a week label may stand
_WEEK_COMMENCING = re.compile(
    r"(?<![A-Za-z])(?:wc|w/c|week\s+(?:commencing|beginning|starting))(?![A-Za-z])", re.I
)
NO_DATE = "no report date found in the title, front matter, a dated header line or file name"


def parse_report(
    doc: Document, source: str, report_date: date | None = None, near: date | None = None
) -> Report:
    """Parse a document; `report_date` overrides detection (the `--date` flag); `near` (a sibling
    report's date) gives the year of a title that writes only day and month."""
    written = [(line.number, line.text) for line in doc.lines]
    # (the body's rewrites never touch front matter: a wiki's metadata comment is no hidden note)
    _, after_front = split_front_matter(written, doc.path)
    head = written[: len(written) - len(after_front)]
    lines = head + chat_export_lines(
        mind_map_fields(
            new_side_of_diffs(
                template_tags(
                    notebook_source(
                        client_chatter(
                            mail_client_marks(page_furniture(hidden_comments(assistant_turns(after_front))))
                        )
                    )
                )
            )
        )
    )
    lines, sources = spread_joined_lines(lines)
    dialect = dialect_of(lines)
    front, body = split_front_matter(lines, doc.path)
    back, body = split_back_matter(body)
    front = {**back, **front}
    if dialect.name == "org":
        org_front, body = org_keywords(body, MAX_TITLE_CHARS)
        front = {**org_front, **front}
    mail = mail_header(body)
    title_heading, title_lines = _find_title(body, dialect, mail)
    if isinstance(front.get("title"), str) and (
        dialect.name == "org" or not _opens_with_heading(body, dialect)
    ):
        # `#+TITLE: Firmware weekly #32`; a wiki page's `title:` over a body with no heading of its
        # own (a note under a quote bar is no title)
        title_heading = str(front["title"])
        title_lines = [title_heading, *title_lines]
    if report_date:
        found: FoundDate | None = FoundDate(report_date, "flag")
    else:
        # All-number days in the report's own order (`14/11/2025` makes its `05/12` 5 December).
        with reading_day_first(writes_day_first(text for _, text in body)):
            found = detect_report_date(
                title_heading, title_lines, {**doc.meta, **front}, doc.path, body, near, mail.sent
            )
    if (
        found is not None
        and found.value.weekday() == 0
        and _WEEK_COMMENCING.search(f"{title_heading} {doc.path.stem}")
    ):
        # `Digital update wc 03-03-25`: the Monday opens the week the report tells (its Wednesday's
        # incident is no future event), written at the week's end; its week is the same
        found = FoundDate(found.value + timedelta(days=4), found.origin)
    if found is None:
        raise ReportDateError(
            doc.path,
            NO_DATE,
            "add a line 'date: 2024-10-18' in front matter, a date in the title, or pass --date",
        )
    label_source = " ".join([title_heading or "", str(front.get("week", "")), doc.path.stem])
    # (the header block's lines under the title too: `周报 Weekly — FW11 | 导出 Exported: 2025/3/21`)
    label = (
        week_label(label_source)
        or week_label(" ".join([text for _, text in body if text.strip()][:_LABEL_LINES]))
        or issue_label([text for _, text in body])
    )
    sections = build_sections(body, title_heading, dialect, mail)
    return Report(
        source=source,
        content_hash=doc.content_hash,
        date=found.value,
        date_origin=found.origin,
        title=(title_heading or doc.path.stem)[:MAX_TITLE_CHARS],
        week_label=label,
        sections=sections,
        lines=lines,
        encoding=doc.encoding,
        front_matter=front,
        line_sources=sources,
    )


_JOINED_LINES = 3


def spread_joined_lines(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], tuple[int, ...]]:
    """A page whose one source line shows several lines (a chat export's message joined by `<br>`,
    a minified page) has all its lines numbered 1, 2, … in order, so the readers, which tell lines
    apart by number, read each; the file's line of each (the second value) gives citations their
    numbers back (`Report.source_line`). Any other report keeps its numbers (and an empty map)."""
    shown = Counter(number for number, text in lines if text.strip() and not text.lstrip().startswith("|"))
    if not shown or max(shown.values()) < _JOINED_LINES:
        return lines, ()
    return [(index, text) for index, (_, text) in enumerate(lines, start=1)], tuple(n for n, _ in lines)


def _opens_with_heading(lines: list[tuple[int, str]], dialect: Dialect) -> bool:
    """The body's first line is a heading (a page's own title over the text)."""
    first = next((text.strip() for _, text in lines if text.strip()), "")
    return heading_line(first, dialect) is not None


def _find_title(
    lines: list[tuple[int, str]], dialect: Dialect = MARKDOWN, mail: MailHeader = MailHeader()
) -> tuple[str | None, list[str]]:
    """The first heading (or first line of a plain-text file, or a mail's subject) and the
    title-like lines near it."""
    title = mail.subject
    candidates: list[str] = [title] if title else []
    dated: str | None = None
    for number, text in lines[:15]:
        stripped = text.strip()
        if not stripped or number in mail.lines:
            continue
        if _MACRO.match(stripped) or VCS_KEYWORD.match(stripped):
            continue  # a wiki's `{{>toc}}`, a file's `$Id: … $` stamp
        found = heading_line(stripped, dialect)
        heading = found[1] if found else None
        if heading and title is None:
            title = heading
        if heading:
            candidates.append(heading)
        elif title is None and not candidates:
            if dated is None and DATE_LABEL.match(stripped):
                # "报告日期：2024-04-12" over the "# …" heading dates the report; it is not its title.
                dated = stripped.strip("*_ ")
                continue
            title = stripped.strip("*_ ")
            candidates.append(title)
    if title is None and dated is not None:
        return dated, [dated]
    return title, candidates


# An incident's own title, not a part listing incidents: it writes a figure (`22 分钟`, `3/12`) or a
# headline's colon (`季尾赛马日：WagerGo 登入故障`), its numbering aside (`4. Incidents` is a part).
_PART_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)、]?|[一二三四五六七八九十]{1,3}[、.．])\s*")


def _incident_title(title: str) -> bool:
    told = _PART_NUMBER.sub("", title)
    return re.search(r"\d", told) is not None or re.search(r"\S\s*(?:：|:\s)\s*\S", told) is not None


def _is_title_heading(text: str, title: str | None, told: bool = False) -> bool:
    """The report's first heading is its title when it repeats the title, names a day or the period
    it covers: a script's banner over its parts (`O&M look-ahead :: PW15 (07/04-20/04)`, its days
    yearless, w52-f) tells what the whole report is, not what kind its parts are. (One yearless day,
    `## 3月5日订单库主从延迟`, is an event's; `told`: text stood above it and it is not ruled off as a banner is (a script's warning line may
    stand over its banner).)"""
    days = [hit for hit in find_dates(text, ANY_DAY) if hit.precision == "day"]
    # (a period after the text has begun, `一、数据（4/11-4/17）` under `日期：…`, heads a part)
    dated = date_from_text(text) is not None or (not told and (len(days) >= 2 or names_period(text)))
    return title is not None and (text == title or dated) and len(text) < 80


# A banner's parts (`KrishiScope Geo · Delivery & Ops weekly · Kharif 2025`), one naming the report.
_BANNER_PARTS = re.compile(r"\s+(?:·|\||::|—|–)\s+")
# (a report's period word: `_STATUS_REPORT` is these and the words for any status report)
_PERIODIC_WORDS = r"\b(?:weekly|bi-?weekly|fortnightly|monthly)\b|周报|月报|周会"
_PERIODIC = re.compile(_PERIODIC_WORDS, re.I)


def _banner(text: str) -> bool:
    """A first heading, nothing told above it, that names the report among its parts (the team, the
    report, the season): what the whole report is, not a projects part because a part says
    `Delivery` (w55-d), so the parts under it (`KPI snapshot`) are of their own kinds."""
    parts = _BANNER_PARTS.split(text)
    return len(parts) >= 3 and any(_PERIODIC.search(part) for part in parts)


def build_sections(
    lines: list[tuple[int, str]],
    title: str | None,
    dialect: Dialect = MARKDOWN,
    mail: MailHeader = MailHeader(),
) -> list[Section]:
    """Build the section tree; body lines before the first heading go to a section named by the
    title. A mail's header block is no part of any section, and its subject, the title, tells what
    the whole mail is about ("ClinOps weekly update (EDC outage summary inside)"), not what kind
    its opening lines are."""
    # every heading line once: (index, level)
    headed = [
        (i, found[0])
        for i, (_, text) in enumerate(lines)
        if (found := heading_line(text.strip(), dialect)) and not column_row(text)
    ]
    plain_text = not headed
    # (numbered parts may stand before a text's first heading: a letter's `1.     Highlights of the
    # week:` over its annexure's title, as pdftotext sets it; under a heading a numbered list is
    # that part's items, `1. 连锁版（阿凯）有风险` under `## 【产品研发】`)
    first_text = next((i for i, (_, text) in enumerate(lines) if text.strip()), 0)
    parts_end = next((i for i, _ in headed if i != first_text), len(lines))  # (the title heads them all)
    numbered = numbered_sections(lines[:parts_end]) | (bracket_parts(lines) if plain_text else frozenset())
    numbered_level = min((level for _, level in headed), default=1)
    records = (
        hanging_records(lines)
        | keyed_paragraphs(lines)
        | coded_margin_lines(lines)
        | hanging_blocks(lines)
        | keyed_titles(lines)
        if plain_text
        else frozenset()
    ) | stated_leads(lines)
    root = Section(title="", level=0, path=(), start=0, end=0)
    stack: list[Section] = [root]
    name = (title or "(untitled)")[:MAX_TITLE_CHARS]
    preamble = Section(title=name, level=1, path=(name,), start=0, end=0)
    current: Section = preamble
    atx_level = 0
    in_fence = False
    skip_next = False
    seen_content_heading = False
    told = False  # a line of text read before the heading at hand
    quoted_from: int | None = None
    for index, (number, text) in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if _FENCE.match(text):
            in_fence = not in_fence
        heading = (
            None
            if in_fence
            else heading_of(lines, index, atx_level, plain_text, dialect, numbered, records, numbered_level)
        )
        if quoted_from is None and not in_fence and _REPLY_ATTRIBUTION.match(text.strip()):
            quoted_from, heading = number, (1, text.strip())
        if heading is None:
            if not seen_content_heading and title and text.strip().strip("*_ ") == title:
                continue  # a plain-text title line is the report's title, not body text
            if number in mail.lines:
                continue
            current.lines.append((number, text))
            told = told or bool(text.strip())
            continue
        level, heading_text = heading
        if (
            index + 1 < len(lines)
            and underlines(lines[index + 1][1].strip(), text.strip())
            and not heading_line(text.strip(), dialect)
        ):
            skip_next = True
        if heading_line(text.strip(), dialect) or (
            skip_next and not (plain_text and (numbered_capitals(text.strip()) or index in numbered))
        ):
            atx_level = level
        if (
            not seen_content_heading
            and quoted_from != number
            and _is_title_heading(heading_text, title, told and not skip_next)
        ):
            continue
        heading_text = heading_text[:MAX_TITLE_CHARS]
        banner = not seen_content_heading and not told and _banner(heading_text)
        seen_content_heading = True
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        parent_kind = parent.kind if parent is not root else None
        if parent_kind is SectionKind.INCIDENTS and _incident_title(parent.title):
            # A newsletter's lead story on an outage (`# 季尾赛马日：WagerGo 登入故障 22 分钟`) over the
            # issue's other parts set a level lower (`## 项目状态一览 Project Dashboard`, w47-e): a
            # part that names its own kind is that part, not a step of the incident.
            own = classify_heading(heading_text)
            parent_kind = None if own in (SectionKind.PROJECTS, SectionKind.METRICS) else parent_kind
        section = Section(
            title=heading_text,
            level=level,
            path=(*parent.path, heading_text),
            start=number,
            end=number,
            kind=SectionKind.OTHER if banner else classify_heading(heading_text, parent_kind),
        )
        parent.children.append(section)
        stack.append(section)
        current = section
        label = LABEL_BULLET.match(text.strip())
        if label and label[2].strip():
            # `- 【X】：inline text`: the label names the section, the text is its first body line.
            section.lines.append((number, text))
    sections = root.children
    if any(text.strip() for _, text in preamble.lines):
        # The title names the team and the report ("数据平台部周报"): a metric word in a team's
        # name does not make the text before the first heading a metrics section.
        # Nor does an incident word in the name of a status report (`IT Weekly Status - Outage & Work
        # Management Systems`: a plant's planned outage names the team's work, w39-g).
        kind = SectionKind.OTHER if mail.subject else classify_heading(preamble.title)
        status_report = kind is SectionKind.INCIDENTS and _STATUS_REPORT.search(preamble.title) is not None
        preamble.kind = SectionKind.OTHER if kind is SectionKind.METRICS or status_report else kind
        sections = [preamble, *sections]
    for section in sections:
        _finish(section)
        if quoted_from is not None and section.start >= quoted_from:
            _mark_quoted(section)
    return sections


# A title that names a periodic status report, whatever its team's name holds.
_STATUS_REPORT = re.compile(rf"{_PERIODIC_WORDS}|\b(?:status|update|digest|newsletter)\b|简报|周刊", re.I)


# Where an e-mail starts quoting the message it replies to; everything below is that message.
_REPLY_ATTRIBUTION = re.compile(
    r"^>?\s*(?:On\s.{4,160}\swrote:|在\s*.{2,120}写道[:：]|"
    r"-{2,}\s*(?:Original Message|Forwarded message|原始邮件|转发的邮件)\s*-{2,})$",
    re.I,
)


def _mark_quoted(section: Section) -> None:
    section.kind = SectionKind.QUOTED
    for child in section.children:
        _mark_quoted(child)


def _finish(section: Section) -> None:
    """Trim blank edges, compute spans bottom-up and parse items."""
    while section.lines and not section.lines[-1][1].strip():
        section.lines.pop()
    while section.lines and not section.lines[0][1].strip():
        section.lines.pop(0)
    for child in section.children:
        _finish(child)
    numbers = [n for n, _ in section.lines] + [c.end for c in section.children]
    starts = [n for n, _ in section.lines] + [c.start for c in section.children]
    if section.start == 0 and starts:
        section.start = min(starts)
    section.end = max([section.start, *numbers])
    section.items = parse_items(section.lines)
    section.tables = read_tables(section.lines, section.title, section.start)


def parse_items(lines: list[tuple[int, str]]) -> list[Item]:
    """Bullets and numbered lines as a tree by indentation; continuation lines extend their item."""
    roots: list[Item] = []
    stack: list[tuple[float, Item]] = []
    previous_blank = True
    for at, (number, text) in enumerate(lines):
        if not text.strip():
            previous_blank = True
            continue
        indent = len(text) - len(text.lstrip(" "))
        match = BULLET.match(text) or NUMBERED.match(text)
        if not match and previous_blank and _heads_list(indent, text, lines[at + 1 : at + 2]):
            # A plain line right over a list indented deeper heads it (a plain-text form's
            # `[P-031] LEO Link Upgrade ..... OT` over its `   - …` notes): an item, the list its children.
            while stack and stack[-1][0] >= indent:
                stack.pop()
            item = Item(text=text.strip(), start=number, end=number, depth=len(stack), marker="")
            (stack[-1][1].children if stack else roots).append(item)
            for _, ancestor in stack:
                ancestor.end = number
            stack.append((float(indent), item))
        elif match and match[3].strip():
            marker = match[2].strip()
            level = float(indent)
            while stack and stack[-1][0] >= level:
                top_level, top = stack[-1]
                if top_level == level and _opens_list(top, marker):
                    # `1. 生产稳定性事件：` followed by `- ...` bullets at the same indent: children.
                    level += 0.5
                    break
                stack.pop()
            item = Item(text=match[3].strip(), start=number, end=number, depth=len(stack), marker=marker)
            if stack:
                stack[-1][1].children.append(item)
            else:
                roots.append(item)
            for _, ancestor in stack:
                ancestor.end = number
            stack.append((level, item))
        elif stack and (indent > stack[-1][0] or not previous_blank):
            # A continuation line: deeper than its item, or glued to it (Notion puts a label's
            # prose on the next line without indentation).
            while len(stack) > 1 and indent <= stack[-1][0] and previous_blank:
                stack.pop()
            owner = stack[-1][1]
            owner.text = f"{owner.text} {text.strip()}"
            for _, ancestor in stack:
                ancestor.end = number
        else:
            stack.clear()
        previous_blank = False
    return roots


def _heads_list(indent: int, text: str, below: list[tuple[int, str]]) -> bool:
    """The plain line is a short line straight over a bullet or numbered line indented deeper;
    never one laid out in columns (a page's running footer, `内部资料 注意保密      2025/4/25      3`,
    over the list the page break cut)."""
    if not below or len(text.strip()) > 120 or "   " in text.strip():
        return False
    next_text = below[0][1]
    match = BULLET.match(next_text) or NUMBERED.match(next_text)
    return bool(match and match[3].strip()) and len(next_text) - len(next_text.lstrip(" ")) > indent


def _opens_list(item: Item, marker: str) -> bool:
    """An item ending in a colon opens a nested list of the other marker type at its own indent."""
    return item.text.endswith((":", "：")) and is_ordinal_marker(item.marker) != is_ordinal_marker(marker)
