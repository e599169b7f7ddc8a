"""A section's body as blocks: paragraphs, list items and table rows, each with its line span.

A block is the unit a fact is told in when no heading says what kind of fact it is: an e-mail's
paragraph, a bullet with its sub-bullets, a table row. Readers that look for a fact's own
vocabulary anywhere in a report walk these instead of a template's fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from index.ledger.mentions import line_text
from index.models import Item, Section, line_texts
from index.tables import Table, TableRow

BlockKind = Literal["paragraph", "item", "row"]


@dataclass
class Block:
    """Lines `start..end` of one section; `lines` holds their text without list markup."""

    kind: BlockKind
    section: Section
    start: int
    end: int
    lines: list[tuple[int, str]]
    item: Item | None = None
    row: TableRow | None = None
    table: Table | None = None
    children: list[Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Prose wraps join with a space; an item's sub-lines are fields, joined with `；`."""
        joiner = " " if self.kind == "paragraph" else "；"
        return joiner.join(text for _, text in self.lines if text)


def section_blocks(section: Section) -> Iterator[Block]:
    """The section's table rows, top-level items and paragraphs, in text order."""
    lines = line_texts(section.lines)
    taken: set[int] = set()
    found: list[Block] = []
    for table in section.tables:
        taken.update(table.span)
        for row in table.rows:
            text = "，".join(cell for cell in row.cells if cell)
            found.append(Block("row", section, row.line, row.line, [(row.line, text)], row=row, table=table))
    in_tables = section_tables(section)
    for item in section.items:
        span = range(item.start, item.end + 1)
        taken.update(span)
        texts = [(n, line_text(lines[n])) for n in span if n in lines and n not in in_tables]
        found.append(Block("item", section, item.start, item.end, texts, item=item, children=item.children))
    paragraph: list[tuple[int, str]] = []
    for number, raw in [*section.lines, (-1, "")]:
        text = line_text(raw) if number not in taken else ""
        if text:
            paragraph.append((number, text))
            continue
        if paragraph:
            found.append(Block("paragraph", section, paragraph[0][0], paragraph[-1][0], paragraph))
            paragraph = []
    yield from sorted(found, key=lambda block: block.start)


def item_block(section: Section, item: Item) -> Block:
    """One item (a nested one too) with its children as a block of its own."""
    lines = line_texts(section.lines)
    texts = [(n, line_text(lines[n])) for n in range(item.start, item.end + 1) if n in lines]
    return Block("item", section, item.start, item.end, texts, item=item, children=item.children)


def section_tables(section: Section) -> set[int]:
    return {n for table in section.tables for n in table.span}
