"""What a release table says shipped: one launched mention per row that names a project.

Generated digests and changelogs list releases as rows under a `## Released` / `## 已发布`
heading (`| v2.8.0 | 2025-01-22 | &15 Leaderboard Sharding — all boards on 8 shards |`), with no
`Project` column for the table reader: the project is the name that opens the contents cell.
A row that is a fix or a chore (`fix: party invite race (#493)`) ships no project.
"""

from __future__ import annotations

import re

from index.ledger.mentions import Mention, Unit, clean_name, line_text, valid_name
from index.ledger.signals import heading_status
from index.models import Section

# The column that says what a release holds.
_CONTENTS = re.compile(
    r"contents?|changes?|summary|description|highlights?|what(?:'s| is)? (?:new|shipped)|notes?|scope|"
    r"内容|发布内容|变更|变更内容|说明|功能|上线内容",
    re.I,
)
# Conventional-commit and changelog prefixes: a fix or housekeeping, not a project going live.
_NOT_A_PROJECT = re.compile(
    r"^\s*(?:fix|hotfix|bugfix|chore|docs?|refactor|perf|test|build|ci|style|revert|deps|security)\b"
    r"(?:\([^)]*\))?\s*[:：]|^\s*(?:修复|热修复|bug\s*修复)",
    re.I,
)
# The name ends where the description begins: a dash, a gloss, a comma, "at 100%", "to all …".
_NAME_END = re.compile(
    r"\s+[—–-]\s+|\s*——|\s*[(（,，;；:：]|\s+(?:at|to|for|in|on|with)\s+\S|"
    r"\s+(?:is\s+)?(?:complete[d]?|done|finished|shipped|released|live|GA)\b|\s*(?:上线|发布|全量|完成)",
    re.I,
)


# A launched heading's Chinese ordinal and an archive it shares (`三、已上线 / 归档`).
_ORDINAL_AND_ARCHIVE = re.compile(
    r"^\s*[一二三四五六七八九十]{1,3}[、.．]\s*|\s*[/／]\s*(?:归档|存档|archived?)\s*$", re.I
)
# A column that names the project (`| 项目 | 完成日期 | 说明 |`): the row's name, whatever the notes say.
_PROJECT_COLUMN = re.compile(r"项目|项目名称|project|initiative|workstream", re.I)


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    """The first column whose name (bold or not) is one the pattern names."""
    return next((i for i, name in enumerate(header) if pattern.fullmatch(name.strip(" *"))), None)


def release_mentions(section: Section, lines: dict[int, str]) -> list[Mention]:
    """Under a heading that files its items as launched, each release row's named project."""
    if heading_status(_ORDINAL_AND_ARCHIVE.sub("", section.title)) != "launched":
        return []
    out: list[Mention] = []
    for table in section.tables:
        named = _column(table.header, _PROJECT_COLUMN)
        column = named if named is not None else _column(table.header, _CONTENTS)
        if column is None:
            continue
        for row in table.rows:
            cell = row.cells[column] if column < len(row.cells) else ""
            if not cell or _NOT_A_PROJECT.match(cell):
                continue
            end = None if named is not None else _NAME_END.search(cell)
            name = clean_name(cell[: end.start()] if end else cell)
            if not valid_name(name) or len(name.split()) > 6:
                continue
            text = lines.get(row.line, "").strip()
            unit = Unit(row.line, text, head=True, skip=len(text))
            out.append(Mention(name, section, row.line, row.line, [unit], filed_as="launched"))
    return out


# A heading over the news of versions ("## 版本发布", "## Releases"): each of its paragraphs tells
# of the version its sentence opens with, not of the heading.
_RELEASES_HEADING = re.compile(
    r"(?:版本)?发布(?:记录|动态|情况|说明)?|新版本|版本(?:动态|更新|记录)|发版(?:记录)?|releases?|release notes|"
    r"new releases?",
    re.I,
)
# A versioned subject at a clause's start: "青檀 0.9.0 于3月6日正式发布", "qingtan-py 1.0 已于…",
# "0.9.1 补丁版本预计4月上旬发布", "Relay 2.1 shipped". A pre-release ("0.9.0-rc1") is no release.
_VERSIONED = re.compile(
    r"(?:^|(?<=[，,。；;]))\s*((?:[\w\u4e00-\u9fff][\w.\-\u4e00-\u9fff]{0,20}\s*)?v?\d+(?:\.\d+){1,2})"
    r"(?![\w.\-])",
    re.I,
)


def release_sentences(section: Section, lines: dict[int, str]) -> list[Mention]:
    """Under a releases heading, one mention per paragraph line whose clause opens with a version
    ("0.9.1 于4月8日发布", "0.9.0 的正式版推迟到2月底"): the version is the project the line is about."""
    if not _RELEASES_HEADING.fullmatch(section.title.strip(" #*")):
        return []
    out: list[Mention] = []
    for number, raw in section.lines:
        if number == section.start or section.in_table(number) or _in_item(section, number):
            continue  # a list of releases is read as items are
        text = line_text(raw)
        match = _VERSIONED.search(text)
        if match is None:
            continue
        name = clean_name(match[1])
        if not name or not valid_name(name):
            continue
        unit = Unit(number, text, head=True, skip=match.end(1))
        out.append(Mention(name, section, number, number, [unit], origin="lead"))
    return out


def _in_item(section: Section, number: int) -> bool:
    return any(item.start <= number <= item.end for item in section.items)
