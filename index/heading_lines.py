"""Which line of a report opens a section, and at what level: the many shapes a heading takes in real
reports (Markdown and wiki markers, underlines, bold-only lines, Chinese ordinals, bracket labels, capitals,
a plain-text line ending in a colon, a caption over a table) read in one place, apart from the tree built
from them (`parse.py`)."""

from __future__ import annotations

import re

from index.classify import classify_heading
from index.dialects import MARKDOWN, Dialect, heading_line
from index.models import SectionKind
from index.plain_records import RULE_LINE, record_heading
from index.text.cjk import HAN
from index.text.normalise import (
    BULLET_GLYPHS,
    CLOSED_BULLET,
    EMOJI,
    ORDINAL_MARKER,
    OUTLINE_BRANCH,
    title_length,
)
from index.text.quantity import FIGURE_ONLY

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


# Any part's bold title with its aside (`**Numbers** (last 7 days)`): a heading when it names a kind.
_BOLD_PART_ASIDE = re.compile(
    r"^(?:\*\*|__)([^*_]{2,30})(?:\*\*|__)\s*[（(][^（）()]{0,40}[）)]\s*[:：]?\s*$"
)


# A plain-text mail's bold line (Gmail's text version writes bold as single stars: `*二、项目进展*`),
# alone or with the part's aside after it (`*四、核心指标*（晚高峰，周均）`). Written from w42-f.
_STAR_LINE = re.compile(
    r"^\*([^*\s](?:[^*]{0,58}[^*\s])?)\*\s*[:：]?\s*$"
    r"|^\*([一二三四五六七八九十]{1,3}[、.．][^*]{1,30})\*\s*[（(][^（）()]{0,80}[）)]\s*$"
)


_ZH_SUB_ORDINAL = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*(\S.*)$")


# `【项目进展】` alone on its line (an aside in brackets after it, `【运行指标】（本周均值）`, w55-b); a numbered one (`【一、项目状态总览】   灯号：[G]正常 …`) whatever
# follows it (a legend of the section's marks).
_BRACKET_LINE = re.compile(
    r"^【([^】]{1,40})】\s*(?:[（(][^（()）]{1,20}[)）])?\s*[:：]?\s*$|^【([一二三四五六七八九十]{1,3}\s*[、.．][^】]{1,36})】"
    # `【一】本周报送日历执行情况`, `〔二〕工作项`: the ordinal in brackets, the title after it
    r"|^[【〔][一二三四五六七八九十]{1,3}[】〕]\s*([^\s【〔].{0,38})$"
)


# (a level in the brackets, `- 【二级】3.20 阀控指令误下发`, is the event's severity, no section)
LABEL_BULLET = re.compile(
    r"^[-*+•]\s+(【(?!(?:[一二三四五六]级|[A-D]级|重大|较大|一般)】)[^】]{1,40}】)\s*[:：]?\s*(.*)$"
)


# A survey form's answer page heads each answer with its question, numbered and typed (问卷星's
# `7、重点项目状态 [矩阵单选题]`, `第5题 子项目进展（…） [表格组合题]`, w52-b/g): a part, never an item.
_FORM_QUESTION = re.compile(
    rf"^(?:第\s*\d{{1,3}}\s*题|\d{{1,3}}\s*[、.．])\s*(\S.{{0,80}}?)\s*[\[【]\s*[{HAN}]{{1,10}}题\s*[\]】]\s*$"
)


_BRACKET_MARK = r"\[\d{1,2}[a-z]?\]"  # `[1]`, `[1a]`
_BRACKET_NUMBER = re.compile(rf"^{_BRACKET_MARK}\s+\S")
_PART_NUMBER = re.compile(rf"^(?:\d{{1,2}}[.)]|{_BRACKET_MARK})\s+")


# A script's mailed report numbers its parts in brackets (`[1] CAMPAIGNS (Tessera, open)`, `[1a] ON
# HOLD`, a cron job's look-ahead, w52-f): a part titled in capitals or in Chinese, never a footnote's text.
_BRACKET_NUMBERED = re.compile(rf"^{_BRACKET_MARK}\s+((?:[A-Z]{{2}}[\w&/'+-]*\b|[{HAN}]).{{0,58}})$")


_COLON_HEADING = re.compile(rf"^([A-Za-z{HAN}][^:：]{{0,38}})[:：]\s*$")


BULLET = re.compile(rf"^(\s*)([{re.escape(BULLET_GLYPHS)}](?=\s)|{CLOSED_BULLET})\s*(.*)$")


# An outline's sub-number before a capitalised or Chinese title opens an item too (`5.1 Kelbrook valve
# – GREEN`, `2.3 财务系统`); two levels only (`2.3.1 于4月8日发布` is a version). Parse-only: a shown
# line keeps its `1.1 Background`.
_OUTLINE_MARKER = (
    r"\d{1,2}\.\d{1,2}\s+(?=[A-Z\u4e00-\u9fff【「])|"
    # a mind map's or outliner's export numbers every branch (`2.1.`, `2.1.3.`)
    rf"{OUTLINE_BRANCH}(?=\S)"
)


NUMBERED = re.compile(rf"^(\s*)({ORDINAL_MARKER}|{_OUTLINE_MARKER})(.*)$")


PSEUDO_LEVEL_OFFSET = 1


def heading_of(
    lines: list[tuple[int, str]],
    index: int,
    atx_level: int,
    plain_text: bool,
    dialect: Dialect = MARKDOWN,
    numbered: frozenset[int] = frozenset(),
    records: frozenset[int] = frozenset(),
    numbered_level: int = 1,
) -> tuple[int, str] | None:
    """(level, title) when the line at `index` starts a section, else None. `numbered_level`: the
    level of a numbered part before any heading (the text's top heading level, so its first
    heading closes the part)."""
    text = lines[index][1]
    stripped = text.strip()
    atx = heading_line(stripped, dialect)
    if atx and not text.startswith("    ") and not column_row(text):
        return atx
    question = _FORM_QUESTION.match(stripped)
    if question:
        return atx_level + PSEUDO_LEVEL_OFFSET, question[1].strip()
    if (plain_text and numbered_capitals(stripped)) or index in numbered:
        # `2. PROJECT STATUS`, over a rule or not: one level, like its siblings; named without its number
        level = atx_level + PSEUDO_LEVEL_OFFSET if atx_level else numbered_level
        return level, _PART_NUMBER.sub("", stripped)
    if index + 1 < len(lines) and stripped and not BULLET.match(text) and not NUMBERED.match(text):
        underline = lines[index + 1][1].strip()
        # the wrapped tail of a header block's field (`Distribution: …` / `(Corn Exchange, …)`)
        # over a rule is no title
        after_field = index > 0 and bool(_FIELD_LINE.match(lines[index - 1][1].strip()))
        if (
            underlines(underline, stripped)
            and not text.startswith(" ")
            # a plain-text table's header or row over its rule (`Path    Owner    Required    Status`
            # between dashed rules, as CLI tools print tables): columns, not a title
            and len(_COLUMN_GAPS.findall(stripped)) < 3
            and not _FIELD_LINE.match(stripped)
            and not after_field
            and not (plain_text and _NOTE_LINE.match(stripped))
        ):
            return _UNDERLINE_LEVELS.get(underline[0], 5), stripped
    if index + 1 < len(lines) and NUMBERED.match(text) and not text.startswith(" "):
        # `1. Headline` over `===========` as long as it: a reStructuredText report's numbered section
        underline = lines[index + 1][1].strip()
        # (a `---` under a Markdown list item is a rule; plain text has none)
        if (
            len(underline) >= max(3, len(stripped))
            and (plain_text or not underline.startswith("-"))
            and underlines(underline, stripped)
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
    if index in records and not plain_text:
        return atx_level + PSEUDO_LEVEL_OFFSET, stripped  # a plain-text body's record in a page (w41-f)
    match = LABEL_BULLET.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, match[1].strip()
    match = _BRACKET_LINE.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, (match[1] or match[2] or match[3]).strip()
    match = _BOLD_LINE.match(stripped)
    if match and title_length(match[1]) <= 60 and not FIGURE_ONLY.fullmatch(match[1].strip()):
        zero = _ZERO_NUMBERED.match(match[1].strip())  # `**02 数说本周**`
        return atx_level + PSEUDO_LEVEL_OFFSET, (zero[2] if zero else match[1]).strip()
    match = _BOLD_ORDINAL_ASIDE.match(stripped) or _BOLD_PART_ASIDE.match(stripped)
    if match and (match.re is _BOLD_ORDINAL_ASIDE or classify_heading(match[1]) is not SectionKind.OTHER):
        # `**二、各工作线**（状态：○正常 …）`; a part named by its kind (`**Numbers** (last 7 days)`, w47-g)
        return atx_level + PSEUDO_LEVEL_OFFSET, match[1].strip()
    match = _STAR_LINE.match(stripped) if plain_text else None
    if match and not FIGURE_ONLY.fullmatch((match[1] or match[2]).strip()):
        return atx_level + PSEUDO_LEVEL_OFFSET, (match[1] or match[2]).strip()
    match = _ZH_ORDINAL.match(stripped)
    if match and len(stripped) <= 40:
        return atx_level + PSEUDO_LEVEL_OFFSET, stripped
    match = _ZH_SUB_ORDINAL.match(stripped)
    if match and len(stripped) <= 40:
        return atx_level + PSEUDO_LEVEL_OFFSET + 1, stripped
    match = _ZERO_NUMBERED.match(stripped)
    if match:
        return atx_level + PSEUDO_LEVEL_OFFSET, match[2].strip()
    if plain_text and (glyph := _glyph_heading(lines, index) or _emoji_heading(lines, index)):
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
            # (a recording's chapters sit under the part that lists them, `章节速览`)
            chapter = _RECORDING_OFFSET.match(stripped) is not None
            return atx_level + PSEUDO_LEVEL_OFFSET + chapter, title
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
        or BULLET.match(text)
        or NUMBERED.match(text)
        or re.search(r"[.。!！?？;；,，]$", title)
        or re.search(r"[|｜]", title)
        or (not chapter and re.search(r"[:：]\s*\S", title))  # a record's line of fields, not a title
        or index + 1 >= len(lines)
    ):
        return None
    below = lines[index + 1][1]
    if below[:1].isspace() and BULLET.match(below):
        return title
    # A recording's chapter, its offset to the second, over a paragraph of prose (Tencent Meeting's
    # `章节速览`: `00:04:51 卷包数采与MES升级` over what was said, w46-d): a title with no clause in it.
    recorded = chapter and _RECORDING_OFFSET.match(text.strip()) is not None
    if (
        recorded
        and below.strip()
        and not _CHAPTER_TIME.match(below.strip())
        and not re.search(r"[,，:：;；]", title)
    ):
        return title
    return None


# A recording's offset (`00:04:51`, `1:02:07`): hours, minutes and seconds.
_RECORDING_OFFSET = re.compile(r"^\d{1,2}:\d{2}:\d{2}\s")


_COLUMN_GAPS = re.compile(r"\S {2,}(?=\S)")


def column_row(text: str) -> bool:
    """An indented line of columns set apart by runs of spaces (`  #  Workstream    Lead  Status`):
    a plain-text table's header whose first column is `#`, not a Markdown heading."""
    return text.startswith(" ") and len(_COLUMN_GAPS.findall(text.strip())) >= 2


_CAPTION_MAX = 40
# A table drawn with box characters opens with its top rule (`┏━━━┳━━━┓`, Rich's console tables, w47-h).
_BOX_TOP = re.compile(r"^\s*[┏┌╔╭┍┎╒╓][━─═┳┬╤╦┯┰╥ ]{3,}")
_KIND_CAPTION_MAX = 64


SOURCE_NOTE = re.compile(r"^\s*(?:source|data source|数据来源|来源)\s*[:：]", re.I)


def _next_filled(lines: list[tuple[int, str]], start: int) -> tuple[int, str] | None:
    """The first of the two lines from `start` that holds text, with its place."""
    return next(
        ((i, text) for i, (_, text) in enumerate(lines[start : start + 2], start) if text.strip()), None
    )


def _caption_over_table(lines: list[tuple[int, str]], index: int) -> bool:
    """A short line right over a table that names a kind of section (`明细表3：生产事件记录`,
    `Status as of Friday`) or is a bare title between tables (`流转意见`): the table's caption, so its rows are filed under it, not under the
    caption's label as a project of its own."""
    # (numbered as a report's parts are: `6. Programme KPIs` over its table)
    stripped = re.sub(r"^\d{1,2}[.)]\s+(?=\S)", "", lines[index][1].strip())
    kind = classify_heading(stripped) if stripped else SectionKind.OTHER
    if (
        not stripped
        # a kind's name may say what it covers (`Production incidents (P1–P3) – Keystone and RTAS estates`)
        or len(stripped) > (_KIND_CAPTION_MAX if kind is not SectionKind.OTHER else _CAPTION_MAX)
        or stripped.startswith(("|", "#", "-", "*", "+"))
        or re.search(r"[。!！?？;；]|\.(?:\s|$)", stripped)
    ):
        return False
    below = _next_filled(lines, index + 1)
    if below is not None and SOURCE_NOTE.match(below[1]):
        below = _next_filled(
            lines, below[0] + 1
        )  # `Source: ServiceNow, period 01/03 – 07/03` before the table
    if below is None:
        return False
    # (a table lined up with spaces at the margin, `序号  子项目  状态灯  计划完成  进度`, w46-d: a kind's
    # caption over it only)
    aligned = (
        not below[1].startswith(" ")
        and not lines[index][1].startswith((" ", "\t"))  # a wrapped cell of the table above, not a caption
        and len(_COLUMN_GAPS.findall(below[1].strip())) >= 3
        and not _COLUMN_GAPS.search(stripped)
        and not re.search(r"[:：=]", stripped)  # a legend's or a field's line over it (`状态图例: G=正常 …`)
    )
    tabled = below[1].lstrip().startswith("|") or _BOX_TOP.match(below[1]) is not None
    if not tabled and not (aligned and kind is not SectionKind.OTHER):
        return False
    if kind is not SectionKind.OTHER:
        return True  # a kind's name (`明细表2：系统运行指标`), not a field (`填报人：张三`)
    # a bare title between two tables (`流转意见` under a form's last table), not a paragraph's
    # line over its table ("Intro line")
    above = next((text for _, text in reversed(lines[max(0, index - 2) : index]) if text.strip()), "")
    return not re.search(r"[:：]", stripped) and above.lstrip().startswith("|")


def underlines(underline: str, title: str) -> bool:
    """A Markdown setext underline (`===`, `---`) or a reStructuredText one (`~~~~`, `^^^^`, as
    long as its title: shorter, `~~~` opens a code block)."""
    if _SETEXT.match(underline):
        return len(underline) >= 3
    return bool(_RST_UNDERLINE.match(underline)) and len(underline) >= max(3, len(title))


# Plain-text e-mails mark their sections in capitals ("KEY METRICS", "INCIDENTS") or between rules
# ("=== Risks ===", "--- 问题与风险 ---").
_CAPITALS = re.compile(r"^[A-Z][A-Z0-9&/' -]{1,40}(?:\s*\([^()]{0,40}\))?$")


_NUMBERED_TITLE = re.compile(r"^\d{1,2}[.)]\s+([^(（]{3,60}?)\s*(?:[(（].*)?$")


# (`4. MILESTONES - NEXT 28 DAYS AND DONE SINCE LAST REPORT`: a report script's section names its
# view in full)
_NUMBERED_TITLE_WORDS = 10


def numbered_capitals(stripped: str) -> bool:
    """`1. HEADLINES`, `3. GxP SYSTEM EVENTS`, `4. SITE KPIs (source: QA dashboard)`: a plain-text
    e-mail's numbered section, its title in capitals."""
    match = _NUMBERED_TITLE.match(stripped)
    if match is None or len(match[1].split()) > _NUMBERED_TITLE_WORDS:
        return False
    if re.search(r"[:：]\s*\S", match[1]):
        return False  # `1. RRS: LIVE` (a dot leader read as a colon, w47-d): a name and its value
    if re.search(r"\s(?:--|[–—])\s*\S{1,8}$", match[1]):
        return False  # `1. SRTE -- G` (a status e-mail's item, its state after a dash, w50-c)
    title = match[1]
    glossed = _GLOSSED_CAPITALS.fullmatch(title.strip())
    if glossed and sum(c.isalpha() for c in glossed[1]) >= _GLOSSED_LETTERS:
        title = glossed[1]  # `7. RISKS & ASKS 风险与需协调事项`: a capitals title and its Chinese gloss
    letters = [c for c in title if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 3 and upper >= 0.75 * len(letters) and letters[0].isupper()


_GLOSSED_LETTERS = 6  # `RMS 上线准备` is an item led by a system's name; `SAFETY 安全` a title
# (a gloss of two words, `INCIDENTS 事件/故障`, `RISKS 风险、问题`)
_GLOSSED_CAPITALS = re.compile(
    r"([A-Z][A-Z0-9&/' -]*[A-Z0-9])\s+[\u4e00-\u9fff]{2,12}(?:[/／、][\u4e00-\u9fff]{2,8})?"
)


_SECTION_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(\S.{0,58})$")


_MARGIN_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.。;；,，!！?？]$")
_SIGN_FIRST = re.compile(rf"^[{EMOJI}]")


def numbered_sections(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Plain-text sections numbered at the margin over indented bodies (`1. Summary / 本周概况`,
    then ` - …` lines; `2. Project Overview`, then a table): the indices of those heading lines.

    A run counts when it goes 1, 2, 3… (at least three), each title short and no sentence, each
    followed by an indented, bulleted or piped line (a numbered list of news at the margin, `1.
    Alpha is 60% done.`, has no indented body), and half its titles name a part of a report.
    """
    found: list[tuple[int, int, str]] = []
    sentences: set[int] = set()  # numbers of margin paragraphs that are a sentence, no title
    for index, (_, text) in enumerate(lines):
        numbered = _MARGIN_NUMBER.match(text)
        if numbered is not None and _SENTENCE_END.search(numbered[2].strip()):
            sentences.add(int(numbered[1]))
            continue
        match = _SECTION_NUMBER.match(text)
        if match is None or text[:1].isspace():
            continue
        title = match[2].strip()
        if len(title.split()) > 8 or re.search(r"[:：]\s*\S", title):
            continue
        body = next((t for _, t in lines[index + 1 :] if t.strip()), "")
        # (or lines each opening with its state, `[On track] FX Engine — 95%`, `🟢 Refund API — …`)
        if (
            body[:1].isspace()
            or body.lstrip().startswith(("-", "*", "•", "|", "["))
            or _SIGN_FIRST.match(body)
        ):
            found.append((int(match[1]), index, title))
    run: list[tuple[int, str]] = []
    last = 0
    for number, index, title in found:
        # (one number skipped when it is a letter's paragraph that is a sentence, `2. Station-wise
        # position … is enclosed at Annexure-A.`, between its titled parts; a long title skipped
        # breaks the run: `2. Project Overview / 项目总览 (short version this week, …)`)
        if (number == 1 and not run) or (
            run and (number == last + 1 or (number == last + 2 and last + 1 in sentences))
        ):
            run.append((index, title))
            last = number
    # A report's parts are named for what they hold (`Summary`, `Incidents`, `下周计划`); a run whose
    # titles mostly name nothing of the kind is a numbered list of projects (`1. OTA rollout`).
    kinds = sum(classify_heading(title) != SectionKind.OTHER for _, title in run)
    return frozenset(index for index, _ in run) if len(run) >= 3 and 2 * kinds >= len(run) else frozenset()


def bracket_parts(lines: list[tuple[int, str]]) -> frozenset[int]:
    """A plain text's parts numbered in brackets, each over lines set flush left (a table's column
    names, `(none)`, a plain line): the indices of those heading lines. Every bracket-numbered line
    of the text must be so, two at least; one over indented field lines (`[3] DSCSA Aggregation` /
    `    Lead: … Status: ON TRACK`), bullets (`[3] PD` / `- Setup WNS …`) or an underline makes them
    all projects' records, read as such."""
    found = [index for index, (_, text) in enumerate(lines) if _BRACKET_NUMBER.match(text)]
    parts = [
        index
        for index in found
        if _BRACKET_NUMBERED.match(lines[index][1]) and not _SENTENCE_END.search(lines[index][1].strip())
    ]
    flush = all(_over_flush_lines(lines, index) for index in found)
    return frozenset(parts) if flush and len(parts) >= 2 and len(parts) == len(found) else frozenset()


def _over_flush_lines(lines: list[tuple[int, str]], index: int) -> bool:
    following = _next_filled(lines, index + 1)
    if following is None:
        return False
    text = following[1]
    return (
        not text.startswith((" ", "\t"))
        and not _SETEXT.match(text.strip())
        and not _RST_UNDERLINE.match(text.strip())
        and not BULLET.match(text)
    )


# `Classification: Internal` over a `=====` rule: a header block's field line, not a heading.
# A header field (`Prepared by: …`, `收件：…`) over a rule is a header block's last line, not a title.
_FIELD_LINE = re.compile(rf"^(?:[A-Za-z][\w ]{{0,30}}:\s+|[{HAN}](?:\s*[{HAN}]){{0,7}}\s*[：:]\s*)\S")


# A forecast bulletin's section (`.KEY MESSAGES...`, `.DISCUSSION /WORKSTREAMS/...`), as a weather
# service's discussion product writes them.
_DOTTED_HEADING = re.compile(r"^\.([A-Z][A-Z0-9 &/()-]{2,50}?)\.{3}\s*$")


_STARRED_HEADING = re.compile(r"^(\*{2,4})\s+((?:(?!\*\*).)+)$")


# (a form digest names each response by its title and what it was called before: `--- [2] WagonSense
# rollout (was: Wagon GPS retrofit) -----`)
_RULED_HEADING = re.compile(r"^[=\-#*~]{2,}\s*([^\s=#*~-](?:(?![=#*~-]{2}).){0,60}?)\s*[=\-#*~]{2,}$")


_COLUMN_RULE = re.compile(r"^\s*-{2,}(?: -{2,})+\s*$")


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
        # (over a dash run per column, `TYPE     NOTE` over `-------- -------`, it is a table's header)
        return not RULE_LINE.match(below[0]) and not _COLUMN_RULE.match(below[0])
    # Over a blank line: only a title of two words or more ("NOTE FROM CORINNE"; "FYI" alone over
    # "Thanks" is a sign-off), or one word naming a section's kind ("PROJECTS", "INCIDENTS").
    return (
        (len(words) >= 2 or classify_heading(stripped) is not SectionKind.OTHER)
        and len(below) == 2
        and bool(below[1].strip())
        and not RULE_LINE.match(below[1])
    )


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


# `🚢 Headlines`, `📊 Numbers (w/e 15 Mar)`, `🚨 Incident — Tue 12 Mar, Sev-2`: a post's parts, each
# opened by its icon; never a status light and its project (`🟢 Refund API — …`).
_EMOJI_TITLE = re.compile(rf"^[{EMOJI}]\ufe0f?\s*(\S.{{0,58}})$")
_STATE_LIGHTS = "🟢🟡🔴🟠🔵🟣⚪⚫🟤⏸"


def _emoji_heading(lines: list[tuple[int, str]], index: int) -> str | None:
    """A plain-text post's part behind its icon (a Workplace or Slack post pasted as text, w50-d):
    a title that names a part of a report, or a short title over a list."""
    text = lines[index][1]
    match = _EMOJI_TITLE.match(text)
    if match is None or text[0] in _STATE_LIGHTS:
        return None
    title = match[1].strip()
    following = next((t for _, t in lines[index + 1 :] if t.strip()), "")
    if not following or following.startswith((" ", "\t")) or following.lstrip().startswith(text[0]):
        return None
    if classify_heading(title) is not SectionKind.OTHER:
        return title
    listed = BULLET.match(following) is not None or NUMBERED.match(following) is not None
    short = len(title.split()) <= 4 and not re.search(r"\d|[:：,，.。!！?？]", title)
    return title if listed and short else None


def _opens_bullet_list(lines: list[tuple[int, str]], index: int) -> bool:
    """`1. 生产稳定性事件：` followed by `- …` bullets at the same indent names a block, like a heading.

    Writers use a numbered line ending in a colon as a sub-heading for a list of bullets; making
    it a section gives that list its own chunk and kind instead of burying it in its neighbour.
    """
    text = lines[index][1]
    match = NUMBERED.match(text)
    if not match or match[1] or not match[3].rstrip().endswith((":", "：")) or len(match[3]) > 30:
        return False
    following = next((t for _, t in lines[index + 1 :] if t.strip()), "")
    return bool(BULLET.match(following)) and not following.startswith(" ")
