"""Tables that lay a page out rather than hold data, read as the blocks they frame.

An HTML e-mail (an Atlas or Jira digest, a Power Automate flow, a newsletter) is built from tables
of one column: each row a card holding a title, a status line and an update, each a <div> or <p>
of its own. Read as a data table every card became one pipe row, its title run into its status and
its news, and nothing marked where an item began. A table none of whose rows has two cells holds
no columns to read; its cells' blocks are lines, each under its own source line, and a short block
set bold by its style (`font:600 16px Arial`) or called a title by its class is a bold line, as
Markdown writes a title. The HTML reader notes where each block of a lone cell opens (`Block`)
and, once the table has closed with no second column, calls `card_lines` for each of its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

_BOLD_CHARS = 80  # a bold block up to so long is a title


@dataclass(frozen=True)
class Block:
    """One block of a cell: its source line, whether it is set as a title, and its text."""

    line: int
    titled: bool
    text: str
    level: int = 0
    """A heading's level (an `<h3>` in the cell), 0 for any other block."""
    item: bool = False
    """A list's item (an `<li>` in the cell), written as Markdown writes one."""
    typed: bool = False
    """A line of preformatted text (a `<pre>` in the cell: a build mail's status.md, a pasted
    log), kept as typed, a blank line too: its Markdown is read as Markdown."""


def card_lines(blocks: list[Block]) -> list[tuple[int, str]]:
    """A one-column table's row as its blocks' lines, then a blank line: the card ends, and its
    last block leads no next one. Source lines never decrease."""
    out: list[tuple[int, str]] = []
    last = 0
    for index, block in enumerate(blocks):
        text = block.text.lstrip().removeprefix("|") if index == 0 else block.text  # the cell's opener
        if block.typed:
            last = max(last, block.line)
            out.append((last, text.strip()))
            continue
        words = " ".join(text.split())
        if not words:
            continue
        if block.level:
            words = "#" * block.level + " " + words  # a cell's own heading stays one (an e-mail's `<h3>`)
        elif block.titled and len(words) <= _BOLD_CHARS and not words.startswith("**"):
            words = f"**{words}**"
        elif block.item:
            words = f"- {words}"
        last = max(last, block.line)
        if out and out[-1][1].startswith("- ") and not block.item:
            out.append((last, ""))  # the list ends: the block after it is no item's continuation
        out.append((last, words))
    if out:
        out.append((last, ""))
    return out
