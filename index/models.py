"""The parsed shape of a report: sections with heading paths and items with original line spans.

Plain dataclasses on purpose: they are built for every file on every ingest and never cross a
process boundary; the pydantic contracts live in `summarizer.schemas`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from index.tables import Table
from index.text.timeexpr import writes_day_first
from index.text.weeks import week_int, week_of

# A front matter value as kept: a scalar, text capped (index/front_matter.py).
FrontValue = str | int | float | bool | date | None


def line_texts(lines: list[tuple[int, str]]) -> dict[int, str]:
    """Each source line's text, for readers that look a line up by its number. A reader may set a
    blank line on the source line of the text before it (an HTML layout card's end, `html_layout.py`):
    the text stays that line's, never the blank after it."""
    out: dict[int, str] = {}
    for number, text in lines:
        if text.strip() or not out.get(number, "").strip():
            out[number] = text
    return out


class SectionKind(StrEnum):
    """What a section is about, from its heading keywords (zh and en)."""

    PROJECTS = "projects"
    METRICS = "metrics"
    INCIDENTS = "incidents"
    RISKS = "risks"
    PLANS = "plans"
    REFLECTION = "reflection"
    OTHER = "other"
    QUOTED = "quoted"
    """An e-mail's quote of the message it replies to (`On Fri, Ana wrote:`, `-----Original
    Message-----` and all below): indexed, never read for this report's facts."""


@dataclass
class Item:
    """A bullet or numbered line with its continuation lines; `end` covers its children too."""

    text: str
    start: int
    end: int
    depth: int
    marker: str
    children: list[Item] = field(default_factory=list)

    def walk(self) -> list[Item]:
        """This item and all its descendants in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Section:
    """A heading (Markdown, setext, bold line, Chinese ordinal) or a Notion bracket label.

    `lines` holds the section's own body (not its subsections) as (original line number, text).
    """

    title: str
    level: int
    path: tuple[str, ...]
    start: int
    end: int
    kind: SectionKind = SectionKind.OTHER
    lines: list[tuple[int, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def in_table(self, line: int) -> bool:
        return any(line in table.span for table in self.tables)

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)

    def walk(self) -> list[Section]:
        """This section and all its descendants in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Report:
    """One parsed report file.

    `source` is the path as ingested (what citations show); `week` is the ISO week of `date`;
    `week_label` is the report's own label ("第43周", "Week 14"), which may differ from ISO.
    """

    source: str
    content_hash: str
    date: date
    date_origin: str
    title: str
    week_label: str | None
    sections: list[Section]
    lines: list[tuple[int, str]]
    encoding: str = "utf-8"
    front_matter: dict[str, FrontValue] = field(default_factory=dict)
    # The file's line of each line the readers number (1, 2, …) when the parser numbered the lines
    # one source line shows apart (`parse.spread_joined_lines`); empty when the numbers are the file's.
    line_sources: tuple[int, ...] = ()

    def source_line(self, number: int) -> int:
        """The file's own line number of a line as the readers number it."""
        if not self.line_sources:
            return number
        return self.line_sources[min(max(number, 1), len(self.line_sources)) - 1]

    def reader_line(self, number: int) -> int:
        """The first line the readers number within the file's line `number`."""
        if not self.line_sources:
            return number
        return bisect_left(self.line_sources, number) + 1

    @property
    def week(self) -> str:
        return week_of(self.date)

    @property
    def day_first(self) -> bool:
        """The report writes its all-number days day first (`30/01`, `14/11/2025`): its `05/12`
        is then 5 December. Read with `reading_day_first`."""
        return writes_day_first(text for _, text in self.lines)

    @property
    def week_int(self) -> int:
        return week_int(self.date)

    def all_sections(self) -> list[Section]:
        out: list[Section] = []
        for section in self.sections:
            out.extend(section.walk())
        return out

    def line_text(self, start: int, end: int) -> str:
        """The normalised text of the original lines start..end (inclusive)."""
        return "\n".join(text for number, text in self.lines if start <= number <= end)
