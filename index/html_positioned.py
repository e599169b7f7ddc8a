"""A report generator's page of positioned boxes read as the tables it draws.

FastReport's, Crystal's and many other generators' "HTML (layers)" export sets every text box as
a `<div>` of its own at `left:…px;top:…px`: a table is a grid of bordered boxes, one per cell, with
no `<table>` around them, so a row read in source order is one line per cell and a project's name,
target and status are never on one line. Here the boxes that share a top on a page and are
framed (a border from their class or their own style) become one row of a `<table>`, rows under
one another one table; every other box stays as it was. The markup is rewritten in place, each
box's span replaced by one with as many line breaks, so every line keeps its number and a quote
is verified on the line the file holds. Written from w47-f (FastReport .NET, a coal group's
weekly report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOX = re.compile(
    r"<div\b(?P<attrs>[^>]*\bstyle\s*=\s*\"(?P<style>[^\"]*)\"[^>]*)>(?P<inner>(?:(?!<div\b|</div>).)*)</div>",
    re.I | re.S,
)
_LEFT = re.compile(r"(?:^|;)\s*left\s*:\s*(-?[\d.]+)px", re.I)
_TOP = re.compile(r"(?:^|;)\s*top\s*:\s*(-?[\d.]+)px", re.I)
_ANY_TOP = re.compile(r"\btop\s*:", re.I)
_CLASS = re.compile(r"\bclass\s*=\s*\"([^\"]*)\"", re.I)
_FRAMED_RULE = re.compile(r"\.([\w-]+)\s*\{[^{}]*\bborder(?:-(?:left|right))?\s*:\s*(?!none|0)[^;{}]*", re.I)
_FRAMED_STYLE = re.compile(r"\bborder(?:-(?:left|right))?\s*:\s*(?!none|0)", re.I)
_MIN_BOXES = 20  # fewer positioned boxes than this: a page with a few floats, not a generator's
_SAME_TOP = 2.0  # px: boxes of one row share their top


@dataclass(frozen=True)
class _Box:
    start: int
    end: int
    left: float
    top: float
    framed: bool
    inner: str


def positioned_tables(html: str) -> str:
    """The page with its framed boxes regrouped into table rows (see the module); unchanged when it
    is not laid out in positioned boxes."""
    if len(_ANY_TOP.findall(html)) < _MIN_BOXES:
        return html  # (every page but a generator's: no box scan)
    boxes = _boxes(html)
    if len(boxes) < _MIN_BOXES:
        return html
    out: list[str] = []
    cursor = 0
    for table in _tables(_rows(boxes)):
        for index, row in enumerate(table):
            cells = sorted(row, key=lambda box: box.left)
            for position, box in enumerate(row):  # (a row's boxes stand in source order)
                out.append(html[cursor : box.start])
                breaks = "\n" * html.count("\n", box.start, box.end)
                opening = "<table>" if index == 0 and position == 0 else ""
                if position == 0:
                    cells_markup = "".join(f"<td>{cell.inner}</td>" for cell in cells)
                    out.append(f"{opening}<tr>{cells_markup}</tr>")
                closing = "</table>" if index == len(table) - 1 and position == len(row) - 1 else ""
                out.append(breaks + closing)
                cursor = box.end
    out.append(html[cursor:])
    return "".join(out)


def _boxes(html: str) -> list[_Box]:
    framed_classes = {match[1] for match in _FRAMED_RULE.finditer(html)}
    boxes: list[_Box] = []
    for match in _BOX.finditer(html):
        style = match["style"]
        left, top = _LEFT.search(style), _TOP.search(style)
        if left is None or top is None:
            continue
        classes = _CLASS.search(match["attrs"])
        framed = bool(_FRAMED_STYLE.search(style)) or bool(
            classes and framed_classes.intersection(classes[1].split())
        )
        boxes.append(_Box(match.start(), match.end(), float(left[1]), float(top[1]), framed, match["inner"]))
    return boxes


def _rows(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes in source order grouped by the top they share (a page's next band, or the next page,
    starts a row of its own)."""
    rows: list[list[_Box]] = []
    for box in boxes:
        last = rows[-1] if rows else None
        if last is not None and abs(box.top - last[0].top) <= _SAME_TOP:
            last.append(box)
        else:
            rows.append([box])
    return rows


def _tables(rows: list[list[_Box]]) -> list[list[list[_Box]]]:
    """Runs of rows of two or more framed boxes each, every box of the row framed: the tables."""
    tables: list[list[list[_Box]]] = []
    current: list[list[_Box]] = []
    for row in rows:
        if len(row) >= 2 and all(box.framed for box in row):
            current.append(row)
            continue
        if current:
            tables.append(current)
        current = []
    if current:
        tables.append(current)
    return tables
