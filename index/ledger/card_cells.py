"""A card line's unlabelled cells read as the fields they are.

A chat relay or a wiki page writes a workstream as one line: its name, then cells set off by bars
or middle dots, none labelled (`RoomBridge 双向直连 — 🟡 at risk | 75% | go-live 28/3`, `Stagehand:
Red · 2025.04 drop · 62%.`). Read as one field the line gave only what a cue word announced; read by
its cells, a status cell is the status, a percentage cell the progress, a cell that is a day, a
sprint or a release the target. Only a project's own first line is read so (`observe._pieces`): a
continuation line may be another project's card.
"""

from __future__ import annotations

import re
from datetime import date

from index.ledger.field_labels import Labelled, Piece
from index.ledger.ordinal_targets import FIELD_SPRINT, find_ordinal_targets
from index.ledger.signals import field_status
from index.text.timeexpr import find_dates

_CARD_BAR = re.compile(r"\s*[|｜]\s*|\s+[·•]\s+")
_CELL_NOTE = re.compile(r"\s*[(（,，;；]")  # where a cell's note after its value opens
_PERCENT_CELL = re.compile(r"(\d{1,3}(?:\.\d+)?\s*%)(?=\s*(?:$|[|｜·•]|[.,，;；。](?:\s|$)))")
_FRACTION_CELL = re.compile(r"\d{1,3}\s*/\s*\d{1,3}")  # `5/9`: in a card, done of all as often as a day
_ANY_REF = date(2000, 1, 1)  # only where a day is written matters here, not which day
# what may stand beside a card's day in its cell: its weekday, `end of` (`Tue 4 Mar`, `end of Q1`)
_DAY_LEFTOVER = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|end\s+of|by|(?:周|星期)[一二三四五六日天])?", re.I
)
_RELEASE_REST = re.compile(r"\s*(?:drop|release|train|版本?)?\s*", re.I)  # `2025.04 drop`, never `0.8/6万亩`
_STATE_CELL = 16  # a cell no longer than this that is a status (`Amber`, `🟡 at risk`) makes a card


def card_cells(text: str, start: int) -> list[Piece] | None:
    """A card line's unlabelled cells (`RoomBridge 双向直连 — 🟡 at risk | 75% | go-live 28/3`,
    `PRM v2 — 🟢 | 60% | end of March (proxy pool 采购中)`, `🟡 | 7/9 | Sprint 26 (5/12–5/23), 只剩 X`,
    `Stagehand: Red · 2025.04 drop · 62%. Cache rewrite merged`):
    a cell that opens with only a day, a sprint or a release, a note after it, is the card's target, as a
    target column's cell is; beside it, a bare fraction is how much is done, not a day, as a bare
    percentage is in any card. Three cells at least, one of them a status or a share done: a name
    and its day alone (`上线 | 3/28`), or a byline's (`Prepared by … · Thu 20/03/2025 · FY25 Wk 45`),
    say nothing of where work stands. Written from w34-c (Telegram workstream cards)."""
    bounds, position = [], start
    for match in _CARD_BAR.finditer(text, start):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    # (the name's dash is no part of its first cell: `— 🟢`)
    cells = [
        (a + len(text[a:b]) - len(text[a:b].lstrip(" —–-")), b) for a, b in bounds if text[a:b].strip(" —–-")
    ]
    if len(cells) < 3 or text.lstrip().startswith("|"):
        return None  # (a table's row is read by its columns)
    states = sum(1 for a, b in cells if b - a <= _STATE_CELL and field_status(text[a:b].strip()))
    if states > 1:
        return None  # a key to the signs (`G on track · Y at risk · DONE`), no card
    pieces: list[Piece] = []
    aimed = False  # a cell that names the target in words (`目标提前到 Sprint 25`)
    for a, b in cells:
        aimed = aimed or bool(find_ordinal_targets(text[a:b]))
        share = _PERCENT_CELL.match(text, a)
        if share is not None and share.end(1) <= b:
            # `75%`, `55%. 400-core test ran`: a cell that opens with only a percentage is how much is done
            pieces.append(Piece(a, share.end(1), Labelled("", share[1], 0, "progress")))
            if text[share.end(1) : b].strip(" .,，;；。"):
                pieces.append(Piece(share.end(1), b, None))
            continue
        head = _CELL_NOTE.split(text[a:b], maxsplit=1)[0].strip()
        hits = find_dates(head, _ANY_REF) if not _FRACTION_CELL.fullmatch(head) else []
        day = len(hits) == 1 and _DAY_LEFTOVER.fullmatch(head.replace(hits[0].text, "").strip()) is not None
        release = next(iter(find_ordinal_targets(head, field=True)), None)
        released = release is not None and release.start == 0 and _RELEASE_REST.fullmatch(head[release.end :])
        if day or FIELD_SPRINT.fullmatch(head) or released:
            end = text.index(head, a) + len(head)
            pieces.append(Piece(a, end, Labelled("", text[a:end], 0, "target")))
            if text[end:b].strip(" ,，;；"):
                pieces.append(Piece(end, b, None))
        else:
            pieces.append(Piece(a, b, None))
    shares = any(p.labelled is not None and p.labelled.field == "progress" for p in pieces)
    if not states and not shares:
        return None  # a card says where its work stands: a byline's `Prepared by … · Thu 20/03/2025` is none
    targeted = aimed or any(p.labelled is not None and p.labelled.field == "target" for p in pieces)
    return [
        Piece(p.start, p.end, Labelled("", text[p.start : p.end], 0, "progress"))
        if targeted and p.labelled is None and _FRACTION_CELL.fullmatch(text[p.start : p.end].strip())
        else p
        for p in pieces
    ]
