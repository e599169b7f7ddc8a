"""Plain-text records: the lines that head a project's record in a report with no heading markup.

A tracker's plain-text export writes each project as a record: a margin line over indented field
lines (`LIMS-R3 | Mosaic LIMS …` over `  Owner: …` / `  Health: A`), a work breakdown's numbered line
set in a little over its lined-up fields (`  1  名称` over `     状态：预警    完成：50%`), or a bracketed
key over a paragraph (`[A04] LIVE PAGES V3     owner  03:00`). `parse.build_sections` makes each
head a section. Split from `parse.py`: one job, which lines head records.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import partial
from itertools import takewhile

from index.text.cjk import HAN

# A rule line: `---`, `===`, `___`, `***`, `~~~` (a plain-text report's section divider).
RULE_LINE = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,}|~{3,})\s*$")

# An indented field line of a record: `  PROGRESS : 6/9 STATIONS LIVE`, `    Target: 30 Apr`, `  负责人：周航`.
_INDENTED_FIELD = re.compile(rf"^\s{{2,}}(?:[A-Za-z][\w /&.-]{{0,24}}?|[{HAN}]{{2,8}})\s*[:：]\s+\S")
_TRAILING_FIELD = re.compile(r"\S\s{4,}(?:[A-Za-z][\w ]{0,14}|[\u4e00-\u9fff]{1,6}):\s*\S{1,12}\s*$")


_LISTED_MARGIN = re.compile(
    r"^(?:\d{1,2}[.)、]\s|[-*•+]\s|[(（]\d{1,2}[)）])"
)  # `（2）1104自动化`: a list item
# A work-breakdown line set in a little (`  1  HIS药事模块升级（…）` over `     状态：预警    完成：50%`):
# its number, a gap, its name; its fields stand further in. Written from w20-a.
_WBS_HEAD = re.compile(r"^ {1,4}\d{1,2}(?:\.\d{1,2})*\s{2,}\S")
_FIELD_CELL = re.compile(rf"^(?:[A-Za-z][\w /&.-]{{0,24}}?|[{HAN}]{{2,8}})\s*[:：]\s*\S")
_CELL_BAR = re.compile(r"\s[|｜]\s|\s{3,}")


def _indented_fields(line: str) -> int:
    """How many fields an indented line holds: one (`  Owner: Dana`), or each cell of a row of
    labelled cells (`  Owner：韩立涛 | Due：2025/04/30 | 灯号：G`, a tracking list's record line,
    whose full-width colons take no space, w20-d; `  基线完成：2024-04-20    当前预测：…`, cells lined
    up with spaces, w20-a). A lone `标签：…` without a space
    after its colon is prose as often as a field, so it counts only among its row's equals."""
    if not line[:2].isspace():
        return 0
    cells = _CELL_BAR.split(line.strip())
    if len(cells) >= 2 and all(_FIELD_CELL.match(cell) for cell in cells):
        return len(cells)
    return 1 if _INDENTED_FIELD.match(line) else 0


def _set_in(depth: int, line: tuple[int, str]) -> bool:
    """The line is filled and set in at least `depth` spaces: under a record's head."""
    return bool(line[1].strip()) and line[1][:depth].isspace()


def hanging_records(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that head plain-text records hanging under them (`LIMS-R3 | Mosaic LIMS
    Release 3 -- …` over indented `Owner: …`, a ladder line and `Health: A (was G).`): where two
    or more margin lines each stand over two or more indented field lines, every margin line
    between the first and the last of them that has indented lines under it heads one, fields or
    not (`[2] R&R REQUEST FORM` over one line of news is its sibling's equal, not its body), and
    so does one after the last with a field line of its own (`FRZ | …` over `Health: CANCELLED`).
    Written from w19-f (a lab-informatics bulletin)."""
    heads: list[tuple[int, int]] = []  # (index, field lines under it)
    for index, (_, text) in enumerate(lines):
        if not text.strip() or len(text.strip()) > 120 or RULE_LINE.match(text):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent and not _WBS_HEAD.match(text):
            continue
        if _LISTED_MARGIN.match(text):
            continue  # `1. OTA rollout` over its notes: a numbered section's (`numbered_sections`)
        block = list(takewhile(partial(_set_in, indent + 2), lines[index + 1 :]))
        if block:
            heads.append((index, sum(_indented_fields(line) for _, line in block)))
    qualifying = [index for index, fields in heads if fields >= 2]
    if len(qualifying) < 2:
        return frozenset()
    # (after the last, one with a field of its own: `FRZ | …` over `Health: CANCELLED …` alone; before
    # the first, one whose own line sets its fields off to the right, `P1 [Y] 站控迁移    负责: 周蔚    目标: 06/30`
    # over notes only)
    return frozenset(
        index
        for index, fields in heads
        if qualifying[0] <= index <= qualifying[-1]
        or (index > qualifying[-1] and fields >= 1)
        or (index < qualifying[0] and _TRAILING_FIELD.search(lines[index][1]) is not None)
    )


# A board's upper-case code in brackets (`[RK2]`, `[BPL]`, `[SEPA-I]`, `[A04]`), and the word tags a
# line files itself under that are no code (`[WIP]`, `[DONE]`): shared with the ledger's tracker ids.
BOARD_CODE = r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,6})?"
WORD_TAGS = r"WIP|DONE|TODO|NEW|FYI|ASK|RISK|BLOCKED|INFO|NOTE|UPDATE|OK|NA|TBD|FIX|BUG"
# A record's key in brackets at the margin: `[A04] LIVE PAGES V3`, `[#07] …`, `[OPS-12] …`, `[P1]` a
# project's number over its block.
_KEYED_LINE = re.compile(
    rf"^\[(?!(?:{WORD_TAGS})\])(?:[A-Z]{{1,4}}[-#]?\d{{1,4}}|#\d{{1,4}}|{BOARD_CODE})\]\s+\S"
)
_KEYED_RECORDS = 3


def keyed_paragraphs(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that open with a bracketed key (`[A04] LIVE PAGES V3     P.NANDAKUMAR  03:00`)
    over a paragraph of their own: where three or more stand so, each heads one record, as a
    rundown's or a tracker's page per item does. Written from w20-e (a newsroom rundown print)."""
    heads = [
        index
        for index, (_, text) in enumerate(lines)
        if _KEYED_LINE.match(text)
        and index + 1 < len(lines)
        and lines[index + 1][1].strip()
        and not _KEYED_LINE.match(lines[index + 1][1])
    ]
    return frozenset(heads) if len(heads) >= _KEYED_RECORDS else frozenset()


# A record's code at the margin, unbracketed, set off by two spaces: `WS3  Hartley digitisation
# A  (G)`, `KR2  Recall model v3`, `P-07  Depot chargers`.
_CODED_LINE = re.compile(r"^(?:[A-Z]{1,4}-?\d{1,3}[a-z]?)\s{2,}\S")


def coded_margin_lines(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that open with a code set off by spaces (`WS1  Catalogue migration     A
    (A)`) over indented lines of their own: where three or more stand so, each heads one record,
    as a programme's plain-text update lists its workstreams. Written from w26-d (a mailing list's
    weekly log)."""
    heads = [
        index
        for index, (_, text) in enumerate(lines)
        if _CODED_LINE.match(text)
        and index + 1 < len(lines)
        and lines[index + 1][1][:1].isspace()
        and lines[index + 1][1].strip()
        and not _under_column_header(lines, index)
    ]
    if len(heads) >= _KEYED_RECORDS:
        return frozenset(heads)
    # (a meeting pad's workstreams, each code one space from its name over its bullets: `WS2 Content
    # migration [G] – target 14/03` over `* Wave 1 trial load …`, `P1 [Y] 站控迁移    负责: …` over
    # `   - …`): the codes of one series, `WS1`…`WS7`
    listed = [
        (index, code[1])
        for index, (_, text) in enumerate(lines)
        if (code := _CODE_OVER_LIST.match(text))
        and index + 1 < len(lines)
        and _MARGIN_BULLET.match(lines[index + 1][1])
    ]
    prefixes = Counter(prefix for _, prefix in listed)
    return frozenset(index for index, prefix in listed if prefixes[prefix] >= _KEYED_RECORDS)


_CODE_OVER_LIST = re.compile(
    r"^([A-Z]{1,4})-?\d{1,3}[a-z]?\s+(?:[\[(（【][A-Z]{1,3}[\])）】]\s+)?(?=[^\W\d_])"
)
_MARGIN_BULLET = re.compile(r"^\s*[*\-•+]\s+\S")


_COLUMN_GAP = re.compile(r"\S {2,}(?=\S)")
_HEADER_GAPS = 3
# A table's rule under its header: one line of dashes, or a dash run per column (`---- ------ ---`).
_TABLE_RULE = re.compile(r"^\s*[-=─━]{3,}(?:\s+[-=─━]{3,})*\s*$")


def _under_column_header(lines: list[tuple[int, str]], index: int) -> bool:
    """The line is a row of a table whose header of columns over a rule stands above it, blank
    lines and rows (filled margin lines) between (`ID   Project   Owner   Status   Target` between
    rules, then `FMS-01   OreTrack v6.2 …` over its indented `Comments:`): a report writer's
    table, each row with its comment under it, not a record heading its own section."""
    for above in range(index - 1, -1, -1):
        text = lines[above][1]
        if _TABLE_RULE.match(text) and above > 0:
            # (the header's first line, or its second when a client wrapped it: `PCT` over `DONE`)
            headers = [t for _, t in lines[max(0, above - 2) : above] if not _TABLE_RULE.match(t)]
            return any(len(_COLUMN_GAP.findall(header.strip())) >= _HEADER_GAPS for header in headers)
        if text.strip() and not text[:1].isspace() and not _CODED_LINE.match(text):
            return False
    return False


# A record's light at the margin, set off from its name by a gap (`YELLOW   增量 Cook（IncCook）
# owner: 周沐` over `         进度 3/5 阶段 | 目标 S24 末（4/18）`): a column of lights, whatever the tool.
_LIGHT_HEAD = re.compile(
    r"^(?:[🟢🟡🟠🔴🔵⚪⚫]\ufe0f?|(?i:green|amber|yellow|red|blue|grey|gray|orange|black)|绿灯?|黄灯?|红灯?)"
    r"\s{2,}\S"
)
_LIGHT_RECORDS = 3
_HEAD_CHARS = 120


def hanging_blocks(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that open with a light set off by a gap, most of them over a block set in:
    where three or more stand so (two or more with lines of their own), each heads one record, a
    light's column read as a list of items, as a build board or a status printout writes it. (A
    head with no lines of its own is a record too: left out, its neighbour's section would take it.)"""
    heads = [
        index
        for index, (_, text) in enumerate(lines)
        if len(text.strip()) <= _HEAD_CHARS and _LIGHT_HEAD.match(text)
    ]
    with_blocks = [i for i in heads if i + 1 < len(lines) and _set_in(2, lines[i + 1])]
    if len(heads) < _LIGHT_RECORDS or len(with_blocks) < 2:
        return frozenset()
    return frozenset(heads)


# An item's title with its tracker key at its end (`📡 IP playout migration (Ostrel)  ·  MSC-7`,
# `Roster build on Aerolyne  TWD-5`, `Checkout v2 (#1423)`): a digest's or tracker export's item.
_KEY_AT_END = re.compile(
    r"^\S.{2,100}?\s(?:[·•|–—-]\s*)?[(（\[]?(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}|#\d{2,6})[)）\]]?\s*$"
)


def keyed_titles(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that end with a tracker key and have lines of their own under them: where
    three or more stand so, each heads one record, as an Atlas, Jira or Linear digest titles each
    item it lists."""
    heads = [
        index
        for index, (_, text) in enumerate(lines)
        if not text[:1].isspace()
        and _KEY_AT_END.match(text.strip())
        and not _LISTED_MARGIN.match(text)
        and index + 1 < len(lines)
        and lines[index + 1][1].strip()
        and not _KEY_AT_END.match(lines[index + 1][1].strip())  # a list of keyed lines (a changelog) is none
    ]
    return frozenset(heads) if len(heads) >= _KEYED_RECORDS else frozenset()


# A project's line with its state after a dash or a colon (`Sorrel Phase 2 (GPU) - RED`, `Bracken
# decommission - ON HOLD`, `统一门户 — 有风险`), or in brackets (`Lumen data copy [AMBER]`).
_STATE_WORD = (
    r"(?i:green|amber|yellow|red|grey|gray|on[ -]hold|on[ -]track|off[ -]track|at[ -]risk|done|"
    r"complete[d]?|closed|cancell?ed|blocked|paused|live|launched|delayed|late)|"
    r"正常|有风险|风险|延期|延迟|暂停|已完成|已上线|阻塞|受阻|取消|已取消"
)
_STATED_LEAD = re.compile(
    rf"^\S.{{1,80}}?(?:\s+[-–—:：|｜]\s*(?:{_STATE_WORD})|\s*[\[(（【]\s*(?:{_STATE_WORD})\s*[\])）】])\W{{0,3}}$"
)


# A Markdown list item (`7. **Signal logger v2** — GREEN` over its indented lines): the list's own,
# its bold lead the name (a record made of it was named `7. **Signal logger v2** — GREEN`).
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-*+•])\s")


def stated_leads(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Margin lines that name a project and its state (`RDS migration to Lumen - AMBER`) over
    indented lines of their own (its bullets): where three or more stand so, each heads one record,
    as a plain-text weekly inside a mail archive's page writes its projects (w41-f). Read in any
    document: such a body is often plain text inside an HTML page."""
    heads = [
        index
        for index, (_, text) in enumerate(lines)
        if not text[:1].isspace()
        and len(text) <= _HEAD_CHARS
        and not _LIST_ITEM.match(text)
        and _STATED_LEAD.match(text.strip())
        and index + 1 < len(lines)
        and lines[index + 1][1][:1].isspace()
        and lines[index + 1][1].strip()
    ]
    return frozenset(heads) if len(heads) >= _KEYED_RECORDS else frozenset()


def record_heading(lines: list[tuple[int, str]], index: int) -> bool:
    """A line at the margin with its own field set off to the right, over indented field lines
    (`ITEM 02  REC  RECORDS MIGRATION   STATUS: SD` over `  PROGRESS : 21/38` and `  TARGET   :
    CUTOVER 30 APR 2025`): a plain-text record, the line its title. (A form's own header fields are
    no record: they stand at the margin.)"""
    text = lines[index][1]
    if not text.strip() or text[:1].isspace() or len(text.strip()) > 120 or RULE_LINE.match(text):
        return False
    # (a bare `[2] NAME` over field lines is read by the ledger's record blocks, with its siblings
    # that have none: made a heading, it would swallow the next one)
    below = lines[index + 1][1] if index + 1 < len(lines) else ""
    return bool(_TRAILING_FIELD.search(text)) and bool(_INDENTED_FIELD.match(below))
