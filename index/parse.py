"""Parse a loaded document into a `Report`: date, week label, front matter, section tree, items.

Headings come in many shapes in real reports: Markdown `#`, setext underlines, a bold-only line,
Chinese ordinals (`一、`), Notion's bracket labels (`- 【商户服务重构】`), and, in plain-text
files without any Markdown heading, a short line ending in a colon. All become sections.
"""

from __future__ import annotations

import re
from datetime import date

from index.classify import classify_heading
from index.date_places import detect_report_date
from index.dialects import MARKDOWN, Dialect, dialect_of, heading_line, org_keywords
from index.errors import ReportDateError
from index.front_matter import split_back_matter, split_front_matter
from index.line_rewrites import (
    chat_export_lines,
    hidden_comments,
    mind_map_fields,
    new_side_of_diffs,
    notebook_source,
    template_tags,
)
from index.load import Document
from index.mail_header import MailHeader, mail_header
from index.models import Item, Report, Section, SectionKind
from index.plain_records import (
    RULE_LINE,
    coded_margin_lines,
    hanging_blocks,
    hanging_records,
    keyed_paragraphs,
    keyed_titles,
    record_heading,
)
from index.report_date import (
    DATE_LABEL,
    FoundDate,
    date_from_text,
    issue_label,
    week_label,
)
from index.tables import read_tables
from index.text.cjk import HAN
from index.text.normalise import BULLET_GLYPHS, CLOSED_BULLET, ORDINAL_MARKER, is_ordinal_marker
from index.text.timeexpr import reading_day_first, writes_day_first

# A wiki macro line (`{{toc}}`) is no title.
_MACRO = re.compile(r"^\{\{.*\}\}$")


_SETEXT = re.compile(r"^(=+|-+)\s*$")
# reStructuredText underlines its headings with any punctuation, at least as long as the title:
# `=` over `-` over `~` over `^` is the usual order of levels.
_RST_UNDERLINE = re.compile(r"^(~+|\^+|\++|\"+|'+|`+)\s*$")
_UNDERLINE_LEVELS = {"=": 1, "-": 2, "~": 3, "^": 4}
_BOLD_LINE = re.compile(r"^\s{0,3}(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:：]?\s*$")
# (the formal numerals too: an official letter's or a Taiwanese mail's `壹、KPI`, `貳、專案總覽`)
# (and a Korean or Japanese template's Roman numeral: `Ⅱ. 项目现况 (Project Status)`)
_ZH_ORDINAL = re.compile(
    r"^([一二三四五六七八九十]+|[壹贰叁参肆伍陆柒捌玖拾]{1,2}|[\u2160-\u216b])[、.．]\s*(\S.*)$"
)
# A newsletter's numbered part, its number zero-padded (`02 数说本周`, `03 Project updates`): a heading.
_ZERO_NUMBERED = re.compile(r"^(0[1-9])\s+([^\s\d|｜].{0,23})$")
# A numbered part's bold title with an aside after it, the part's legend (w27-h).
_BOLD_ORDINAL_ASIDE = re.compile(
    r"^(?:\*\*|__)([一二三四五六七八九十]{1,3}[、.．][^*_]{1,30})(?:\*\*|__)\s*[（(][^（）()]{0,80}[）)]\s*$"
)
_ZH_SUB_ORDINAL = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*(\S.*)$")
# `【项目进展】` alone on its line; a numbered one (`【一、项目状态总览】   灯号：[G]正常 …`) whatever
# follows it (a legend of the section's marks).
_BRACKET_LINE = re.compile(
    r"^【([^】]{1,40})】\s*[:：]?\s*$|^【([一二三四五六七八九十]{1,3}\s*[、.．][^】]{1,36})】"
    # `【一】本周报送日历执行情况`, `〔二〕工作项`: the ordinal in brackets, the title after it
    r"|^[【〔][一二三四五六七八九十]{1,3}[】〕]\s*([^\s【〔].{0,38})$"
)
_LABEL_BULLET = re.compile(r"^[-*+•]\s+(【[^】]{1,40}】)\s*[:：]?\s*(.*)$")
_COLON_HEADING = re.compile(rf"^([A-Za-z{HAN}][^:：]{{0,38}})[:：]\s*$")
_BULLET = re.compile(rf"^(\s*)([{re.escape(BULLET_GLYPHS)}](?=\s)|{CLOSED_BULLET})\s*(.*)$")
# An outline's sub-number before a capitalised or Chinese title opens an item too (`5.1 Kelbrook valve
# – GREEN`, `2.3 财务系统`); two levels only (`2.3.1 于4月8日发布` is a version). Parse-only: a shown
# line keeps its `1.1 Background`.
_OUTLINE_MARKER = r"\d{1,2}\.\d{1,2}\s+(?=[A-Z\u4e00-\u9fff【「])"
_NUMBERED = re.compile(rf"^(\s*)({ORDINAL_MARKER}|{_OUTLINE_MARKER})(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")

PSEUDO_LEVEL_OFFSET = 1
# Heading paths travel with every chunk (embedded text, Chroma metadata, citations): a heading
# longer than this is cut, so one 1 MB heading line cannot make every chunk under it 1 MB.
MAX_TITLE_CHARS = 200
_LABEL_LINES = 3  # how far under the title a week label may stand
NO_DATE = "no report date found in the title, front matter, a dated header line or file name"


def parse_report(
    doc: Document, source: str, report_date: date | None = None, near: date | None = None
) -> Report:
    """Parse a document; `report_date` overrides detection (the `--date` flag); `near` (a sibling
    report's date) gives the year of a title that writes only day and month."""
    lines = chat_export_lines(
        mind_map_fields(
            new_side_of_diffs(
                template_tags(
                    notebook_source(hidden_comments([(line.number, line.text) for line in doc.lines]))
                )
            )
        )
    )
    dialect = dialect_of(lines)
    front, body = split_front_matter(lines, doc.path)
    back, body = split_back_matter(body)
    front = {**back, **front}
    if dialect.name == "org":
        org_front, body = org_keywords(body, MAX_TITLE_CHARS)
        front = {**org_front, **front}
    mail = mail_header(body)
    title_heading, title_lines = _find_title(body, dialect, mail)
    if dialect.name == "org" and isinstance(front.get("title"), str):
        title_heading = str(front["title"])  # `#+TITLE: Firmware weekly #32`
        title_lines = [title_heading, *title_lines]
    if report_date:
        found: FoundDate | None = FoundDate(report_date, "flag")
    else:
        # All-number days in the report's own order (`14/11/2025` makes its `05/12` 5 December).
        with reading_day_first(writes_day_first(text for _, text in body)):
            found = detect_report_date(
                title_heading, title_lines, {**doc.meta, **front}, doc.path, body, near, mail.sent
            )
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
    )


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
        if _MACRO.match(stripped):
            continue  # a wiki's `{{>toc}}`
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


def _is_title_heading(text: str, title: str | None) -> bool:
    return title is not None and (text == title or date_from_text(text) is not None) and len(text) < 80


def _heading_of(
    lines: list[tuple[int, str]],
    index: int,
    atx_level: int,
    plain_text: bool,
    dialect: Dialect = MARKDOWN,
    numbered: frozenset[int] = frozenset(),
    records: frozenset[int] = frozenset(),
) -> tuple[int, str] | None:
    """(level, title) when the line at `index` starts a section, else None."""
    text = lines[index][1]
    stripped = text.strip()
    atx = heading_line(stripped, dialect)
    if atx and not text.startswith("    ") and not column_row(text):
        return atx
    if plain_text and (numbered_capitals(stripped) or index in numbered):
        # `2. PROJECT STATUS`, over a rule or not: one level, like its siblings; named without its number
        return 1, re.sub(r"^\d{1,2}[.)]\s+", "", stripped)
    if index + 1 < len(lines) and stripped and not _BULLET.match(text) and not _NUMBERED.match(text):
        underline = lines[index + 1][1].strip()
        # the wrapped tail of a header block's field (`Distribution: …` / `(Corn Exchange, …)`)
        # over a rule is no title
        after_field = index > 0 and bool(_FIELD_LINE.match(lines[index - 1][1].strip()))
        if (
            _underlines(underline, stripped)
            and not text.startswith(" ")
            # a plain-text table's header or row over its rule (`Path    Owner    Required    Status`
            # between dashed rules, as CLI tools print tables): columns, not a title
            and len(_COLUMN_GAPS.findall(stripped)) < 3
            and not _FIELD_LINE.match(stripped)
            and not after_field
            and not (plain_text and _NOTE_LINE.match(stripped))
        ):
            return _UNDERLINE_LEVELS.get(underline[0], 5), stripped
    if index + 1 < len(lines) and _NUMBERED.match(text) and not text.startswith(" "):
        # `1. Headline` over `===========` as long as it: a reStructuredText report's numbered section
        underline = lines[index + 1][1].strip()
        # (a `---` under a Markdown list item is a rule; plain text has none)
        if (
            len(underline) >= max(3, len(stripped))
            and (plain_text or not underline.startswith("-"))
            and _underlines(underline, stripped)
        ):
            return _UNDERLINE_LEVELS.get(underline[0], 5), re.sub(r"^\d{1,2}[.)]\s+", "", stripped)
    if _caption_over_table(lines, index):
        return atx_level + PSEUDO_LEVEL_OFFSET, stripped.rstrip(":：")
    if records and text.startswith(" "):
        if index in records:
            return atx_level + PSEUDO_LEVEL_OFFSET, stripped  # a work-breakdown record set in a little
        # `  【本周关闭】` / `  【暂停 / 取消】` between a tracking list's records: a group's label,
        # which ends the record above it (its words are no news of that record). Written from w20-d.
        group = _BRACKET_LINE.match(stripped) if len(text) - len(text.lstrip(" ")) <= 4 else None
        if group and group[1]:
            return atx_level + PSEUDO_LEVEL_OFFSET, group[1].strip()
    if text.startswith(" "):
        return None
    match = _LABEL_BULLET.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, match[1].strip()
    match = _BRACKET_LINE.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, (match[1] or match[2] or match[3]).strip()
    match = _BOLD_LINE.match(stripped)
    if match and len(match[1]) <= 60:
        zero = _ZERO_NUMBERED.match(match[1].strip())  # `**02 数说本周**`
        return atx_level + PSEUDO_LEVEL_OFFSET, (zero[2] if zero else match[1]).strip()
    match = _BOLD_ORDINAL_ASIDE.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, match[1].strip()  # `**二、各工作线**（状态：○正常 …）`
    match = _ZH_ORDINAL.match(stripped)
    if match and len(stripped) <= 40:
        return atx_level + PSEUDO_LEVEL_OFFSET, stripped
    match = _ZH_SUB_ORDINAL.match(stripped)
    if match and len(stripped) <= 40:
        return atx_level + PSEUDO_LEVEL_OFFSET + 1, stripped
    match = _ZERO_NUMBERED.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, match[2].strip()
    if plain_text and (glyph := _glyph_heading(lines, index)):
        return atx_level + PSEUDO_LEVEL_OFFSET, glyph
    starred = _STARRED_HEADING.match(stripped)
    if starred and not text.startswith(" "):
        # `** 1. Summary`, `*** Done (今回完了)`: a Backlog or Textile-like wiki's heading (never a
        # Markdown bullet, which is one star; never bold, which closes its stars)
        return atx_level + PSEUDO_LEVEL_OFFSET + len(starred[1]) - 2, starred[2].strip()
    ruled = _RULED_HEADING.match(stripped)
    if ruled and stripped.startswith("=="):
        # `== WORKSTREAMS ==` in a mail's preformatted body (a list archive's page is HTML, the
        # mail inside it plain text): no Markdown writes a line so
        return atx_level + PSEUDO_LEVEL_OFFSET, ruled[1].strip()
    if _opens_bullet_list(lines, index):
        return atx_level + PSEUDO_LEVEL_OFFSET, stripped.split(maxsplit=1)[1].rstrip(":：")
    if plain_text:
        match = _COLON_HEADING.match(stripped)
        if match:
            return atx_level + PSEUDO_LEVEL_OFFSET, match[1].strip()
        dotted = _DOTTED_HEADING.match(stripped)
        if dotted:
            return atx_level + PSEUDO_LEVEL_OFFSET, dotted[1].strip()
        ruled = _RULED_HEADING.match(stripped)
        if ruled or _capital_heading(lines, index) or record_heading(lines, index) or index in records:
            return atx_level + PSEUDO_LEVEL_OFFSET, (ruled[1] if ruled else stripped).strip()
        title = _list_title(lines, index)
        if title is not None:
            return atx_level + PSEUDO_LEVEL_OFFSET, title
    return None


# A meeting summary's chapter starts at the minute it was discussed (`00:15:40 Paywall 2.0（Maya）`).
_CHAPTER_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s+")
_LIST_TITLE_MAX = 50
_PERSON = r"(?:[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
_PRESENTERS = re.compile(rf"\s*[(（]\s*{_PERSON}(?:\s*[/、,，&]\s*{_PERSON})*\s*[)）]\s*$")


def _list_title(lines: list[tuple[int, str]], index: int) -> str | None:
    """A short line at the margin with indented bullets straight under it titles them, as a heading
    would, when it is a chapter of an AI meeting summary (`00:15:40 Paywall 2.0（Maya Lin）` over
    its points) or names a part of a report (`待办` over `  - [ ] …`). Not a sentence (no end
    mark), not a bullet or a numbered line itself. Written from a blind wave's meeting minutes."""
    text = lines[index][1]
    title = _CHAPTER_TIME.sub("", text.strip()).strip()
    chapter = title != text.strip()
    if chapter:  # a chapter's presenters (`（Maya Lin / 韩冬）`) are not its topic
        title = _PRESENTERS.sub("", title) or title
    # Only a chapter's time or a report part's name (`待办`, `Next steps`) says so: a project's own
    # lead line over its news (`✅ 评价治理专项 已上线` over `   - 4/24 全量上线`) is read as one.
    if not chapter and classify_heading(title) is SectionKind.OTHER:
        return None
    if (
        not title
        or len(title) > _LIST_TITLE_MAX
        or _BULLET.match(text)
        or _NUMBERED.match(text)
        or re.search(r"[.。!！?？;；,，]$", title)
        or re.search(r"[|｜]", title)
        or (not chapter and re.search(r"[:：]\s*\S", title))  # a record's line of fields, not a title
        or index + 1 >= len(lines)
    ):
        return None
    below = lines[index + 1][1]
    return title if below[:1].isspace() and _BULLET.match(below) else None


_COLUMN_GAPS = re.compile(r"\S {2,}(?=\S)")


def column_row(text: str) -> bool:
    """An indented line of columns set apart by runs of spaces (`  #  Workstream    Lead  Status`):
    a plain-text table's header whose first column is `#`, not a Markdown heading."""
    return text.startswith(" ") and len(_COLUMN_GAPS.findall(text.strip())) >= 2


_CAPTION_MAX = 40


def _caption_over_table(lines: list[tuple[int, str]], index: int) -> bool:
    """A short line right over a table that names a kind of section (`明细表3：生产事件记录`,
    `Status as of Friday`) or is a bare title between tables (`流转意见`): the table's caption, so its rows are filed under it, not under the
    caption's label as a project of its own."""
    stripped = lines[index][1].strip()
    if (
        not stripped
        or len(stripped) > _CAPTION_MAX
        or stripped.startswith(("|", "#", "-", "*", "+"))
        or re.search(r"[。!！?？;；]|\.(?:\s|$)", stripped)
    ):
        return False
    below = next((text for _, text in lines[index + 1 : index + 3] if text.strip()), "")
    if not below.lstrip().startswith("|"):
        return False
    if classify_heading(stripped) is not SectionKind.OTHER:
        return True  # a kind's name (`明细表2：系统运行指标`), not a field (`填报人：张三`)
    # a bare title between two tables (`流转意见` under a form's last table), not a paragraph's
    # line over its table ("Intro line")
    above = next((text for _, text in reversed(lines[max(0, index - 2) : index]) if text.strip()), "")
    return not re.search(r"[:：]", stripped) and above.lstrip().startswith("|")


def _underlines(underline: str, title: str) -> bool:
    """A Markdown setext underline (`===`, `---`) or a reStructuredText one (`~~~~`, `^^^^`, as
    long as its title: shorter, `~~~` opens a code block)."""
    if _SETEXT.match(underline):
        return len(underline) >= 3
    return bool(_RST_UNDERLINE.match(underline)) and len(underline) >= max(3, len(title))


# Plain-text e-mails mark their sections in capitals ("KEY METRICS", "INCIDENTS") or between rules
# ("=== Risks ===", "--- 问题与风险 ---").
_CAPITALS = re.compile(r"^[A-Z][A-Z0-9&/' -]{1,40}(?:\s*\([^()]{0,40}\))?$")
_NUMBERED_TITLE = re.compile(r"^\d{1,2}[.)]\s+([^(（]{3,50}?)\s*(?:[(（].*)?$")


def numbered_capitals(stripped: str) -> bool:
    """`1. HEADLINES`, `3. GxP SYSTEM EVENTS`, `4. SITE KPIs (source: QA dashboard)`: a plain-text
    e-mail's numbered section, its title in capitals."""
    match = _NUMBERED_TITLE.match(stripped)
    if match is None or len(match[1].split()) > 6:
        return False
    letters = [c for c in match[1] if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 3 and upper >= 0.75 * len(letters) and letters[0].isupper()


_SECTION_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(\S.{0,58})$")
_SENTENCE_END = re.compile(r"[.。;；,，!！?？]$")


def numbered_sections(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Plain-text sections numbered at the margin over indented bodies (`1. Summary / 本周概况`,
    then ` - …` lines; `2. Project Overview`, then a table): the indices of those heading lines.

    A run counts when it goes 1, 2, 3… (at least three), each title short and no sentence, each
    followed by an indented, bulleted or piped line (a numbered list of news at the margin, `1.
    Alpha is 60% done.`, has no indented body), and half its titles name a part of a report.
    """
    found: list[tuple[int, int, str]] = []
    for index, (_, text) in enumerate(lines):
        match = _SECTION_NUMBER.match(text)
        if match is None or text[:1].isspace():
            continue
        title = match[2].strip()
        if len(title.split()) > 8 or _SENTENCE_END.search(title) or re.search(r"[:：]\s*\S", title):
            continue
        body = next((t for _, t in lines[index + 1 :] if t.strip()), "")
        if body[:1].isspace() or body.lstrip().startswith(("-", "*", "•", "|")):
            found.append((int(match[1]), index, title))
    run: list[tuple[int, str]] = []
    for number, index, title in found:
        if number == len(run) + 1:
            run.append((index, title))
    # A report's parts are named for what they hold (`Summary`, `Incidents`, `下周计划`); a run whose
    # titles mostly name nothing of the kind is a numbered list of projects (`1. OTA rollout`).
    kinds = sum(classify_heading(title) != SectionKind.OTHER for _, title in run)
    return frozenset(index for index, _ in run) if len(run) >= 3 and 2 * kinds >= len(run) else frozenset()


# `Classification: Internal` over a `=====` rule: a header block's field line, not a heading.
# A header field (`Prepared by: …`, `收件：…`) over a rule is a header block's last line, not a title.
_FIELD_LINE = re.compile(rf"^(?:[A-Za-z][\w ]{{0,30}}:\s+|[{HAN}](?:\s*[{HAN}]){{0,7}}\s*[：:]\s*)\S")
# A forecast bulletin's section (`.KEY MESSAGES...`, `.DISCUSSION /WORKSTREAMS/...`), as a weather
# service's discussion product writes them.
_DOTTED_HEADING = re.compile(r"^\.([A-Z][A-Z0-9 &/()-]{2,50}?)\.{3}\s*$")
_STARRED_HEADING = re.compile(r"^(\*{2,4})\s+((?:(?!\*\*).)+)$")
_RULED_HEADING = re.compile(r"^[=\-#*~]{2,}\s*([^\s=#*~-](?:(?![=#*~-]{2}).){0,40}?)\s*[=\-#*~]{2,}$")


def _capital_heading(lines: list[tuple[int, str]], index: int) -> bool:
    """A line in capitals alone after a blank line, a rule (`-----`: a digest e-mail's project
    blocks) or the top, over its first body line or a blank line and then its body."""
    stripped = lines[index][1].strip()
    words = re.sub(r"\([^()]*\)\s*$", "", stripped).split()  # `HOUSE COUNT (week to Thursday 6 Feb)`
    if not _CAPITALS.match(stripped) or not re.search(r"[A-Z]{2}", stripped) or len(words) > 6:
        return False
    above = lines[index - 1][1] if index > 0 else ""
    if above.strip() and not RULE_LINE.match(above):
        return False
    below = [text for _, text in lines[index + 1 : index + 3]]
    if not below:
        return False
    if below[0].strip():
        return not RULE_LINE.match(below[0])
    # Over a blank line: only a title of two words or more ("NOTE FROM CORINNE"; "FYI" alone over
    # "Thanks" is a sign-off), or one word naming a section's kind ("PROJECTS", "INCIDENTS").
    return (
        (len(words) >= 2 or classify_heading(stripped) is not SectionKind.OTHER)
        and len(below) == 2
        and bool(below[1].strip())
        and not RULE_LINE.match(below[1])
    )


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
    plain_text = not any(heading_line(text.strip(), dialect) and not column_row(text) for _, text in lines)
    numbered = numbered_sections(lines) if plain_text else frozenset()
    records = (
        hanging_records(lines)
        | keyed_paragraphs(lines)
        | coded_margin_lines(lines)
        | hanging_blocks(lines)
        | keyed_titles(lines)
        if plain_text
        else frozenset()
    )
    root = Section(title="", level=0, path=(), start=0, end=0)
    stack: list[Section] = [root]
    name = (title or "(untitled)")[:MAX_TITLE_CHARS]
    preamble = Section(title=name, level=1, path=(name,), start=0, end=0)
    current: Section = preamble
    atx_level = 0
    in_fence = False
    skip_next = False
    seen_content_heading = False
    quoted_from: int | None = None
    for index, (number, text) in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if _FENCE.match(text):
            in_fence = not in_fence
        heading = (
            None if in_fence else _heading_of(lines, index, atx_level, plain_text, dialect, numbered, records)
        )
        if quoted_from is None and not in_fence and _REPLY_ATTRIBUTION.match(text.strip()):
            quoted_from, heading = number, (1, text.strip())
        if heading is None:
            if not seen_content_heading and title and text.strip().strip("*_ ") == title:
                continue  # a plain-text title line is the report's title, not body text
            if number in mail.lines:
                continue
            current.lines.append((number, text))
            continue
        level, heading_text = heading
        if (
            index + 1 < len(lines)
            and _underlines(lines[index + 1][1].strip(), text.strip())
            and not heading_line(text.strip(), dialect)
        ):
            skip_next = True
        if heading_line(text.strip(), dialect) or (
            skip_next and not (plain_text and (numbered_capitals(text.strip()) or index in numbered))
        ):
            atx_level = level
        if not seen_content_heading and quoted_from != number and _is_title_heading(heading_text, title):
            continue
        heading_text = heading_text[:MAX_TITLE_CHARS]
        seen_content_heading = True
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        parent_kind = parent.kind if parent is not root else None
        section = Section(
            title=heading_text,
            level=level,
            path=(*parent.path, heading_text),
            start=number,
            end=number,
            kind=classify_heading(heading_text, parent_kind),
        )
        parent.children.append(section)
        stack.append(section)
        current = section
        label = _LABEL_BULLET.match(text.strip())
        if label and label[2].strip():
            # `- 【X】：inline text`: the label names the section, the text is its first body line.
            section.lines.append((number, text))
    sections = root.children
    if any(text.strip() for _, text in preamble.lines):
        # The title names the team and the report ("数据平台部周报"): a metric word in a team's
        # name does not make the text before the first heading a metrics section.
        kind = SectionKind.OTHER if mail.subject else classify_heading(preamble.title)
        preamble.kind = SectionKind.OTHER if kind is SectionKind.METRICS else kind
        sections = [preamble, *sections]
    for section in sections:
        _finish(section)
        if quoted_from is not None and section.start >= quoted_from:
            _mark_quoted(section)
    return sections


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
    for number, text in lines:
        if not text.strip():
            previous_blank = True
            continue
        indent = len(text) - len(text.lstrip(" "))
        match = _BULLET.match(text) or _NUMBERED.match(text)
        if match and match[3].strip():
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


# A plain-text section mark: `■ TL;DR`, `◆ 风险 Risks`, `■ Workstreams 总览 (Bucket | Label | …)`.
_GLYPH_HEADING = re.compile(r"^[■□◆◇▌▍]\s*([^，。；！!？?]{1,80}?)\s*[:：]?$")
# A line that is one parenthesised note (`（明天 3/28 审厂，本期提前一天发）`) over a rule: no title.
_NOTE_LINE = re.compile(r"^[(（].*[)）]$")


def _glyph_heading(lines: list[tuple[int, str]], index: int) -> str | None:
    """A short line behind a block glyph is a section's title when what follows is not set in under
    it (that is a record: `■ CLMX-01 车险小额案件自动理赔` over its indented fields) and is no
    sibling behind the same glyph (a list of them). Written from w23-c."""
    match = _GLYPH_HEADING.match(lines[index][1])
    if match is None:
        return None
    following = next((t for _, t in lines[index + 1 :] if t.strip()), "")
    if (
        not following
        or following.startswith((" ", "\t"))
        or following.lstrip().startswith(lines[index][1][0])
    ):
        return None
    return match[1].strip()


def _opens_list(item: Item, marker: str) -> bool:
    """An item ending in a colon opens a nested list of the other marker type at its own indent."""
    return item.text.endswith((":", "：")) and is_ordinal_marker(item.marker) != is_ordinal_marker(marker)


def _opens_bullet_list(lines: list[tuple[int, str]], index: int) -> bool:
    """`1. 生产稳定性事件：` followed by `- …` bullets at the same indent names a block, like a heading.

    Writers use a numbered line ending in a colon as a sub-heading for a list of bullets; making
    it a section gives that list its own chunk and kind instead of burying it in its neighbour.
    """
    text = lines[index][1]
    match = _NUMBERED.match(text)
    if not match or match[1] or not match[3].rstrip().endswith((":", "：")) or len(match[3]) > 30:
        return False
    following = next((t for _, t in lines[index + 1 :] if t.strip()), "")
    return bool(_BULLET.match(following)) and not following.startswith(" ")
