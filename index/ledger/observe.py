"""Turn a project mention into an `Observation`: progress, target date, status, owner, with evidence.

Head lines (the name line, fields, prose) speak for the whole project; body lines are its
sub-steps. A sub-step's `进度40%` or `延期` still says something about the project, but a
sub-step's `10/25前完成` is that step's deadline, so only a launch date in a step (`预计10/26上线`)
may stand for the project's target, and only when the head gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import cast

from index.ledger.card_cells import card_cells
from index.ledger.evidence import MAX_QUOTE, cite
from index.ledger.field_labels import Piece, field_pieces, find_owner
from index.ledger.mentions import STATUS_SIGNS, Mention, Unit
from index.ledger.ordinal_targets import OrdinalTarget, find_ordinal_targets
from index.ledger.progress import clause_around, count_value, find_progress
from index.ledger.signals import (
    FINISHED,
    RANK,
    REBASELINED,
    STOPPED,
    Span,
    field_status,
    find_statuses,
    labelled_status,
    opening_state,
    worst_status,
)
from index.ledger.stated_before import in_was_aside, status_before, target_before
from index.ledger.status_signs import is_legend
from index.ledger.step_dates import dated_goal, moved_eta, release_day
from index.ledger.targets import DateRole, classify_dates, named_target, pick_target, subjectless_plan
from index.ledger.whose_words import bare_cell, beside_name, quote_names, told_of_another
from index.models import Report
from index.schemas import Citation, Observation, ProjectStatus
from index.text.normalise import LETTER_TAG, PROJECT_KEY
from index.text.shift import Shift, find_shifts
from index.text.timeexpr import find_dates


@dataclass
class _Found:
    unit: Unit
    value: object
    quote: str
    priority: int
    word: str = ""
    bare: bool = False
    """A field's value that is nothing but the date ("8/30", "W29")."""


_EMPHASIS = re.compile(r"[*`]")


def _unlabelled_cell(piece: Piece) -> bool:
    """A cell no label names, a card's (`card_cells` gives its day an empty label) or a field line's
    lone status (`Owner: Ravi / 70% / On track`)."""
    return piece.labelled is None or not piece.labelled.label


def _quote(unit: Unit, start: int, end: int) -> str:
    left, right = clause_around(unit.text, start, end)
    return unit.text[left:right].strip() or unit.text[start:end]


def observe(report: Report, mention: Mention) -> Observation:
    ref = report.date
    section = mention.section.path_text
    progress: list[_Found] = []
    parts: list[_Found] = []
    targets: list[tuple[_Found, DateRole]] = []
    completed: list[_Found] = []
    statuses: list[_Found] = []
    ordinals: list[tuple[_Found, OrdinalTarget]] = []
    moves: list[_Found] = []
    shifts: list[tuple[_Found, Shift]] = []
    owner: str | None = None
    for unit in mention.units:
        if unit is mention.units[0]:
            statuses.extend(_leading_status(unit))
        if unit.skip >= len(unit.text) or is_legend(unit.text):
            continue  # a line that only carries the name (or a whole table row, read cell by cell)
        pieces = _pieces(unit, card=unit is mention.units[0])
        opened = opening_state(unit.text) if len(pieces) == 1 and pieces[0].labelled is None else None
        if opened is not None:
            # `**Amber** · target **31 Mar** · 22/40 nodes live` under the project's heading: a
            # field line whose first, unlabelled field is its state
            statuses.append(_Found(unit, opened[0], unit.text.strip(), 3, opened[1]))
        for piece in pieces:
            field = piece.labelled.field if piece.labelled else None
            if field is None and len(pieces) > 1 and _status_cell(unit.text[piece.start : piece.end]):
                # "Owner: Ravi / Progress: 70% / On track": the unlabelled cell is the status field.
                field = "status"
            if field == "generic" and piece.labelled and dated_goal(piece.labelled, ref):
                field = "target"
            offset = piece.start + (piece.labelled.rest_offset if piece.labelled and field else 0)
            # Markdown emphasis hides cue words (`**Launched on:** June 11`); blank it out, same
            # length, so spans still index the original text the quotes are cut from.
            text = _EMPHASIS.sub(" ", unit.text[offset : piece.end])
            if piece.labelled and field not in (None, "status"):
                statuses.extend(_status_before_label(unit, piece.start, piece.labelled.rest_offset))
            if field == "status":
                label = piece.labelled.label if piece.labelled else ""
                # one of several fields (`状态：进行中    健康度：🟡 有风险`, w26-e): its own value
                own = labelled_status(label, text) if len(pieces) > 1 else None
                status = own or unit.status or labelled_status(label, text)
                if status:
                    # (an unlabelled cell, a card's, is cited with its line: the line names whose it is)
                    whole = piece.end - piece.start == len(unit.text) or _unlabelled_cell(piece)
                    quote = unit.text if whole else unit.text[piece.start : piece.end]
                    statuses.append(_Found(unit, status, quote.strip(), 3, text.strip()))
            elif field in ("target", "generic") and (ended := field_status(text.strip())) in (
                "cancelled",
                "paused",
            ):
                # a forecast cell that holds a state, not a day (`Stopped`, `On hold`); a tracker's
                # `Resolution: Won't Do` under its `Status: Closed`
                quote = unit.text[piece.start : piece.end].strip()
                statuses.append(_Found(unit, ended, quote, 1, text.strip()))
            elif field == "owner" and owner is None:
                owner = re.split(r"(?<=\w)\.\s|[。,，;；(（]", text.strip(" @"))[0].strip() or None
            hits = find_progress(text, allow_bare=unit.head)
            if field == "progress" and not hits:
                hits = _field_number(text, share=piece.labelled is not None and piece.labelled.share)
            for hit in hits:
                found = _Found(unit, hit.value, _quote(unit, offset + hit.start, offset + hit.end), 0)
                if field == "progress" or unit.head:
                    progress.append(_with_priority(found, 2 if field == "progress" else 1))
                else:
                    parts.append(found)
            if field == "actual":
                completed.extend(_actual_dates(unit, text, ref))
                continue
            for role in classify_dates(text, ref, target_field=field == "target"):
                quote = (
                    (unit.text if _unlabelled_cell(piece) else unit.text[piece.start : piece.end]).strip()
                    if field == "target"
                    else _quote(unit, offset + role.hit.start, offset + role.hit.end)
                )
                found = _Found(unit, role.hit.value, quote, 2 if field == "target" else 1 if unit.head else 0)
                found.bare = field == "target" and not re.search(r"[^\W\d_]", text.replace(role.hit.text, ""))
                if unit.head and field != "target" and (role.role == "old" or role.moved):
                    moves.append(found)
                if role.role == "completed" and unit.head:
                    # `已于 9/26 冻结并交付工厂`: a release verb later in the clause is a launch too;
                    # not one told of another thing in a later sentence (`ECO-118 released 9/10`)
                    launch = (role.launch or role.release) and not told_of_another(
                        text, role.hit.start, mention.name
                    )
                    found.word = "launch" if launch else ""
                    completed.append(found)
                elif role.role == "target" and (
                    # a sub-bullet labelled as the target (`- 目标：4/30 首场开播`) is the project's own
                    unit.head
                    or field == "target"
                    or role.launch
                    or moved_eta(role)
                    or release_day(role)
                    or named_target(text, role)
                    or subjectless_plan(text, role)
                ):
                    targets.append((found, role))
            if unit.head and field in (None, "target"):
                for shift in find_shifts(text):
                    quote = _quote(unit, offset + shift.start, offset + shift.end)
                    shifts.append((_Found(unit, shift.days, quote, 1), shift))
            if unit.head or field == "target":
                for ordinal in find_ordinal_targets(text, field=field == "target"):
                    quote = _quote(unit, offset + ordinal.start, offset + ordinal.end)
                    ordinals.append(
                        (_Found(unit, ordinal.order, quote, 2 if field == "target" else 1), ordinal)
                    )
            if field != "status":
                for hit in find_statuses(text):
                    if in_was_aside(text, hit.start):
                        continue  # `RED (was AMBER)`: last week's, not this week's
                    status = cast(ProjectStatus, hit.value)
                    opens = status in STOPPED and not text[: hit.start].strip(" -*>·•:：")
                    if not unit.head and status not in RANK and status != "in_progress" and not opens:
                        continue  # a step's "上线完成" is not the project's; "⏸ Paused since…" under it is
                    if (
                        status not in RANK
                        and unit.lifecycle_until is not None
                        and offset + hit.start >= unit.lifecycle_until
                    ):
                        continue  # "…the vendor shipped a fix": not the subject's own launch
                    if status not in RANK and told_of_another(text, hit.start):
                        continue  # "🟡 At risk. No longer blocked: DKIM records went live"
                    quote = _quote(unit, offset + hit.start, offset + hit.end)
                    # "整体状态我们标为有风险", "CH 项目这周转成有风险了": a status declared in prose
                    # counts as the status field would, over a slip word beside it ("推迟到 0.10").
                    declared = status in RANK and (
                        _DECLARED.search(text[max(0, hit.start - 12) : hit.start])
                        # `…推迟到3月20日，…5月底验收不变，绿灯。`: a light is the state its author set (w46-d)
                        or _LIGHT.fullmatch(hit.text.strip()) is not None
                        or REBASELINED.match(hit.text)
                        # `2. 智能满减助手 🟡` over `- 3/24 灰度可能推迟`: the state the author set
                        # beside the name closes its line, and outranks a step line's wording (w33-g)
                        or (
                            unit is mention.units[0]
                            and beside_name(unit.text, offset + hit.start, offset + hit.end, mention.name)
                        )
                        # `光学溶氧探头换型 #有风险 进度 48%`: the lead's tag is the state its author set
                        or (unit is mention.units[0] and hit.text.startswith("#"))
                    )
                    priority = 3 if declared else 1
                    statuses.append(_Found(unit, status, quote, priority, hit.text.strip(" —–-:：·•")))
            if owner is None and field is None:
                found_owner = find_owner(text)
                owner = str(found_owner.value) if found_owner else None
    # a table's row says what it says (`Live since 23/04/25` under `Closed`): its group only speaks
    # for a row that states nothing of its own state
    row_told = mention.section.in_table(mention.start) and bool(statuses or completed)
    if (
        mention.filed_as is not None
        and not row_told
        and not any(s.priority == 3 for s in statuses)
        and not _still_running(mention, statuses, targets, ref)
    ):
        # Filed under `## Done` or `## Won't Do`: the board's column is the item's status, unless a
        # status field of its own says otherwise.
        statuses.append(
            _Found(
                mention.units[0],
                mention.filed_as,
                mention.units[0].text,
                2,
                mention.filed_by or mention.section.title,
            )
        )
    _cite_the_move(targets, moves)
    obs = _assemble(report, mention, section, progress, parts, targets, completed, statuses, owner)
    if mention.section.in_table(mention.start):
        _cite_the_row(obs, mention, report, section)
    obs.filed_as = None if row_told else mention.filed_as
    _shift_only(obs, shifts, bool(ordinals), report, section)
    moved = [pair for pair in ordinals if pair[1].before is not None]
    # A target field holding a sprint (`计划上线 | Sprint-11`) outranks a day in the row's notes.
    in_field = [pair for pair in ordinals if pair[0].priority == 2]
    # `Sprint 10（至 17/5）`: the day in the sprint's own cell is when that sprint ends, not a rival
    # target; the target is both, each compared with a week that wrote its kind (w50-h's sprint 8
    # before it, govuk-techdocs' `3 March` before `End of sprint 14 (28 March)`). A day in a target
    # field of its own still outranks the sprint.
    sprint_ends = [
        found
        for found, role in targets
        if found.priority == 2
        and any(
            sprint.unit is found.unit and ordinal.unit == "sprint" and role.hit.text in sprint.quote
            for sprint, ordinal in in_field
        )
    ]
    date_in_field = any(found.priority == 2 and found not in sprint_ends for found, _ in targets)
    if in_field and not moved and not date_in_field:
        moved = in_field
    if ordinals and (obs.target is None or moved):
        # "Target: 1.85 → now 1.87" says the target moved; a date elsewhere in the block (a beta
        # branch day) is not the target then.
        found, ordinal = (moved or ordinals)[-1]
        if not (found.priority == 2 and obs.target in {end.value for end in sprint_ends}):
            obs.target = None
        obs.target_text, obs.target_unit, obs.target_order = ordinal.text, ordinal.unit, list(ordinal.order)
        obs.target_moved_from = list(ordinal.before) if ordinal.before else None
        obs.target_kind = "final"
        obs.target_evidence = cite(report, section, found.unit.line, found.unit.line, found.quote)
    return obs


def _leading_status(unit: Unit) -> list[_Found]:
    """`- 🟡 滴液机联机`, `P2 [Y] H2Go 预约`: the sign or the legend's tag before the name is the
    status its author set, as one after it is; a tick says finished, the words say how (`✅ Tern —
    GA 26 Mar`: launched), so it ranks below them."""
    sign = _LEADING_SIGN.match(unit.text)
    if sign is None or is_legend(unit.text):
        return []
    tagged = field_status(sign[2]) if sign[2] else None
    values = [tagged] if tagged else [hit.value for hit in find_statuses(sign[1] or "")]
    return [
        _Found(
            unit, cast(ProjectStatus, value), unit.text.strip(), 1 if value == "done" else 3, sign[0].strip()
        )
        for value in values
    ]


# A status sign opening a lead line, before the name (`🟡 滴液机联机`, `✅ Label API`), or a letter tag
# after the project's key (`P2 [Y] H2Go 预约`).
_LEADING_SIGN = re.compile(rf"^\W{{0,3}}?(?:([{STATUS_SIGNS}])\ufe0f?|(?:{PROJECT_KEY}\s+)?({LETTER_TAG}))\s")


# The words that declare a status: "状态标为", "调成了", "转成", "status is now", "marking it".
_LIGHT = re.compile(r"亮?[红黄绿橙]灯")
_DECLARED = re.compile(
    r"(?:状态|标记)\S{0,6}?(?:标为|标成|标记为|调成|调为|调整为|改为|改成|定为)(?:了)?\s*$|"
    r"(?:转成|转为|标成|标为|调成)(?:了)?\s*$|"
    # "审核还没过，状态还是🟡": the status restated is the writer's verdict, over a move's verb
    r"状态\s*(?:还是|仍是|仍然是|依然是|仍为|维持|保持)\s*$|"
    r"\b(?:status\s+(?:is\s+)?(?:now\s+)?(?:set\s+to\s+|changed\s+to\s+|moved\s+to\s+)?|"
    r"(?:marking|marked|flagging|flagged|moving|moved)\s+(?:it|this|the project)\s+(?:as\s+|to\s+)?)$",
    re.I,
)
# Words saying part of the work is still open: "还差两组没跑", "尚未完成", "still need the docs".
_UNFINISHED = re.compile(
    r"还差|还没|尚未|仍需|还需要?|未完成|\bnot (?:yet )?(?:done|finished|complete)\b|\bstill (?:need|needs|missing)\b|"
    # a release to a few is not the launch: `in private beta with 12 workspaces`, `early access`
    r"\b(?:private|closed|limited|internal|invite-only)\s+(?:beta|preview|alpha)\b|\bearly access\b|内测|"
    # a first batch or round of the work done (`HY-40首批8台挂牌入列`, `first batch of 8 delivered`):
    # a step of it, the rest still ahead
    r"首批|第一批|头一批|首轮|第一轮|\bfirst\s+(?:batch|wave|tranche|lot|round)\b",
    re.I,
)


def _still_running(
    mention: Mention, statuses: list[_Found], targets: list[tuple[_Found, DateRole]], ref: date
) -> bool:
    """An item filed under a finished heading ("## 本周完成", "Done this week") that says in its own
    words it is still under way (on track, at risk, a target still ahead, work still open) is work
    done on a running project this week, not a finished one: the heading is the default, the
    item's words win. Written from research-lab-mixed."""
    if mention.filed_as not in FINISHED:
        return False
    own = [s.value for s in statuses if s.priority == 1]
    return (
        any(s in RANK or s == "in_progress" for s in own)
        or any(role.role == "target" and role.hit.value > ref for _, role in targets)
        or any(_UNFINISHED.search(unit.text[unit.skip :]) for unit in mention.units)
    )


def _shift_only(
    obs: Observation, shifts: list[tuple[_Found, Shift]], ordinal: bool, report: Report, section: str
) -> None:
    """A move by an amount and no new date (`上线又往后拖了两周`, `slipped another week`): the
    target is the last stated one plus the amount, known when the timeline is derived. A vague
    amount (`晚几天`) gives nothing: no date can be stated for it. A date written in the same
    report wins over the amount."""
    definite = [(found, shift) for found, shift in shifts if shift.days is not None]
    if obs.target is not None or ordinal or not definite or obs.status in FINISHED:
        return
    found, shift = definite[-1]
    obs.target_shift_days, obs.target_text, obs.target_kind = shift.days, shift.text, "final"
    obs.target_evidence = cite(report, section, found.unit.line, found.unit.line, found.quote)


def _cite_the_move(targets: list[tuple[_Found, DateRole]], moves: list[_Found]) -> None:
    """A target cell holding only its value (`ETA | W29`) beside a cell of the same row saying the
    date moved (`Moved from end of Q2: …`): that cell is the better evidence, it states the move
    and why. Only on the same line: a paragraph below the field line is where an answer looks for
    the reason, and it must not be the citation itself.
    Written from confluence-html-security."""
    for found, _ in targets:
        move = next((m for m in reversed(moves) if m.unit.line == found.unit.line), None)
        if found.bare and move is not None:
            found.unit, found.quote = move.unit, move.quote


def _cite_the_row(obs: Observation, mention: Mention, report: Report, section: str) -> None:
    """A table cell cited alone (`2025-04-11`, `40`, `28-Mar-2025`, a light's `Y`) does not say whose
    date, share or status it is: the row, which opens with the project's name, does. Written from
    notion-db-health; the status from kw-ampel-autojv-mixed (`|   Y   |` was a slip's whole quote)."""
    row = mention.units[0].text
    for attr in ("target_evidence", "progress_evidence", "status_evidence"):
        cited: Citation | None = getattr(obs, attr)
        if cited is None or cited.lines[0] != mention.start or quote_names(cited.quote, mention.name):
            continue
        # (`| HC7 upgrade | Red | 18/05/2025 (was 27/04) | <a long note> |`: the row up to the cell
        # when the whole row is longer than a quote may be; w33-a)
        end = row.find(cited.quote) + len(cited.quote)
        quote = row if len(row.strip()) <= MAX_QUOTE or end < len(cited.quote) else row[:end]
        setattr(obs, attr, cite(report, section, mention.start, mention.start, quote))


def _actual_dates(unit: Unit, text: str, ref: date) -> list[_Found]:
    """A table's actual-launch cell (`实际上线 | 2024-04-28`): its date is the day the project went
    live, whatever words surround it; an empty or `—` cell says it has not."""
    return [
        _Found(unit, hit.value, unit.text.strip(), 3, word="launch")
        for hit in find_dates(text, ref, "past")
        if hit.precision == "day"
    ]


def _pieces(unit: Unit, card: bool = False) -> list[Piece]:
    """The unit's fields: several on a `·`-separated field line, or a card's cells on the project's
    own first line (`card`), else the unit as it was labelled."""
    pieces = field_pieces(unit.text, unit.skip)
    if card and len(pieces) == 1 and pieces[0].labelled is None:
        pieces = card_cells(unit.text, unit.skip) or pieces
    if len(pieces) == 1:
        labelled = unit.labelled if unit.labelled and unit.labelled.field else None
        if labelled is None and not unit.head and pieces[0].labelled and pieces[0].labelled.field:
            labelled = pieces[0].labelled  # a field line under the project without its colon (`目标 5/31`)
        return [Piece(0 if labelled else unit.skip, len(unit.text), labelled)]
    return pieces


def _opens_with_lifecycle(found: _Found) -> bool:
    """A launch or completion word that opens its own line ("Went live Mon 31/03 …")."""
    opening = found.unit.text[found.unit.skip :].lstrip(" -*>·•:：").casefold()
    return found.value in ("launched", "done") and opening.startswith(found.word.casefold())


# A field line's unlabelled cell holding only a status ("🟡", "🟢 正常", "On track").
_STATUS_CELL_CHARS = 12


def _status_cell(text: str) -> bool:
    """An unlabelled cell of a field line that is nothing but a status: the line's status field."""
    cell = text.strip(" *_`")
    return 0 < len(cell) <= _STATUS_CELL_CHARS and field_status(cell) is not None


def _field_number(text: str, share: bool = False) -> list[Span]:
    """`% complete: 70`, `Progress: 5/6 tasks (83%)`, `里程碑 5/8`: a progress field's value needs no percent
    sign, and a fraction in it is the share done; in a column of shares (`share`) a whole `1` is
    all of it and `0` none."""
    whole = re.fullmatch(r"\s*([01])\s*", text) if share else None
    if whole:
        return [Span(100 * int(whole[1]), whole.start(1), whole.end(1), whole[1])]
    # (what it counts may stand before it: `里程碑 5/8`, `整改项24/34`, `Milestones: 5/8`; w33-b, w33-c)
    fraction = re.match(
        r"\s*(?:[^\W\d_][^\d/%]{0,11}?\s*[:：]?\s*)?"
        r"(?P<done>\d{1,3}(?:,\d{3})+|\d{1,5})\s*(?:/|\bof\b)\s*(?P<total>\d{1,3}(?:,\d{3})+|\d{1,5})(?![\d/])",
        text,
    )
    # the total in an aside after the count (`5 家 (共 14 家)`, `9 stores (of 14)`)
    fraction = fraction or re.match(
        r"\s*(?P<done>\d{1,5})\s*(?P<unit>[\u4e00-\u9fff]|[A-Za-z]{2,12})?\s*[(（]\s*(?:共|总共|合计|out of|of)\s*"
        r"(?P<total>\d{1,5})\s*(?P=unit)?\s*[)）]",
        text,
        re.I,
    )
    done, total = (count_value(fraction["done"]), count_value(fraction["total"])) if fraction else (0, 0)
    if fraction and total > 0 and done <= total:  # `1,112 / 2,400 drawers`, `10 of 14 modules mapped`
        value = round(100 * done / total)
        return [Span(value, fraction.start("done"), fraction.end("total"), fraction[0].strip())]
    decimal = re.fullmatch(r"\s*(0?\.\d{1,4}|1\.0{1,4})\s*", text)
    if decimal:  # a list's percent column stores the share: `0.55` is 55% (w28-b)
        return [Span(round(100 * float(decimal[1])), decimal.start(1), decimal.end(1), decimal[1])]
    match = re.match(r"\s*(\d{1,3})(?:\.\d+)?\s*%?\s*(?:$|[(（,，;；])", text)
    if match and int(match[1]) <= 100:
        return [Span(int(match[1]), match.start(1), match.end(1), match[1])]
    return []


def _with_priority(found: _Found, priority: int) -> _Found:
    found.priority = priority
    return found


def _assemble(
    report: Report,
    mention: Mention,
    section: str,
    progress: list[_Found],
    parts: list[_Found],
    targets: list[tuple[_Found, DateRole]],
    completed: list[_Found],
    statuses: list[_Found],
    owner: str | None,
) -> Observation:
    def evidence(found: _Found | None) -> Citation | None:
        return cite(report, section, found.unit.line, found.unit.line, found.quote) if found else None

    obs = Observation(
        project=mention.name,
        report=report.source,
        week=report.week,
        date=report.date,
        owner=owner,
        evidence=_mention_evidence(report, section, mention),
        origin=mention.origin,
        item_key=mention.key or None,
    )
    chosen_progress = _best(progress)
    if chosen_progress is None and len(parts) == 1:
        chosen_progress = parts[0]
    if chosen_progress is not None:
        obs.progress = int(chosen_progress.value)  # type: ignore[call-overload]
        obs.progress_evidence = evidence(chosen_progress)
    elif parts:
        obs.progress_parts = [int(p.value) for p in parts]  # type: ignore[call-overload]
        obs.progress_evidence = cite(report, section, parts[0].unit.line, parts[-1].unit.line, parts[0].quote)
    target = _pick(targets)
    if target is not None:
        found, role = target
        obs.target, obs.target_text, obs.target_kind = role.hit.value, role.hit.text, role.kind
        obs.target_evidence = evidence(found)
        was = target_before(found.unit.text, report.date, role.hit.value)
        if was is not None:
            obs.target_was = was.value
            if was.text not in found.quote:  # `0.9.0 推迟到2月底` of a line that wrote the old day first
                line = found.unit.line
                obs.target_was_evidence = cite(report, section, line, line, found.unit.text)
    field_statuses = [s for s in statuses if s.priority == 3]
    head_progress = _best(progress)
    unfinished = _unfinished(
        head_progress.value if head_progress else None,  # a step's own share says nothing here
        obs.target if target is not None and (target[1].launch or target[1].release) else None,
        obs.target_kind,
        report.date,
    )
    if unfinished and not field_statuses:
        # "规则迁移 45%，比对工具已上线", "影子模式上线…10月15日全量上线不变": a part went live.
        statuses = [s for s in statuses if s.value != "launched"]
    if field_statuses and not mention.section.in_table(mention.start):
        # A block's first status field is its project's; later ones are often its sub-items'. (Its
        # line may hold two: `状态：进行中    健康度：🟡 有风险`, w26-e.)
        field_statuses = [s for s in field_statuses if s.unit is field_statuses[0].unit]
    if field_statuses and all(s.value in RANK for s in field_statuses) and not unfinished:
        # "health:: 🟢 on track" over "- Went live Mon 31/03 …": the health field was not updated,
        # the line that opens with the launch tells what happened (a lifecycle state wins).
        field_statuses += [s for s in statuses if s.priority == 1 and _opens_with_lifecycle(s)][:1]
    ended = [s for s in statuses if s.value in ("cancelled", "paused")]
    if ended and field_statuses and all(_CLOSURE.fullmatch(s.word.strip(" *_`")) for s in field_statuses):
        # `Closed` beside `Stopped` in its row, or over `Resolution: Won't Do`: how it closed
        field_statuses = ended[:1]
    # A table row's Status and Health columns each say something about the one project: the
    # lifecycle state or the worse health wins, as among prose status words.
    status: ProjectStatus | None = worst_status(
        [s.value for s in (field_statuses or statuses)]  # type: ignore[misc]
    )
    if status is None and obs.progress == 100:
        status = "done"
        obs.status_evidence = obs.progress_evidence
    if status is not None:
        obs.status = status  # type: ignore[assignment]
        source = next((s for s in field_statuses + statuses if s.value == status), None)
        if source is not None:
            obs.status_text = source.word
            obs.status_evidence = evidence(source)
            obs.status_was = status_before(source.unit.text, source.word)
    _completion(obs, completed, report, section, bool(field_statuses) or unfinished)
    return obs


# A closing word, which says the work ended but not whether it was finished or dropped.
_CLOSURE = re.compile(r"closed?|已?关闭|已?结束", re.I)


def _status_before_label(unit: Unit, start: int, rest: int) -> list[_Found]:
    """A status badge the line opens with, run into the first field's label (`ON TRACK Target date:
    18 Apr 2025 · Owner: …`, a digest's lozenge before its fields): the item's status field."""
    label = unit.text[start : start + rest]
    hits = [
        hit for hit in find_statuses(label) if hit.value in RANK and not label[: hit.start].strip(" [(*_")
    ]
    return [
        _Found(
            unit,
            cast(ProjectStatus, hit.value),
            _quote(unit, start + hit.start, start + hit.end),
            3,
            hit.text,
        )
        for hit in hits[:1]
    ]


def _unfinished(progress: object, release: date | None, kind: str | None, today: date) -> bool:
    """The head says the project itself is not live yet: its own progress under 100%, or a
    release date (`…上线`, `go-live`) still ahead of the report. A launch word in its prose then
    names a part (a tool, a shadow run, a pilot), which reports tell beside the project's own
    numbers in every layout. A later date for something else (`报告9/30前提交`) says nothing of
    the launch. Written from meeting-minutes-fintech."""
    if isinstance(progress, int) and progress < 100:
        return True
    return release is not None and kind == "final" and release > today


def _mention_evidence(report: Report, section: str, mention: Mention) -> Citation:
    """The name line; when it holds nothing but the name (`- 【海外收单】`), through the first line after it."""
    if not mention.units:
        return cite(report, section, mention.start, mention.start, mention.name)
    first = mention.units[0]
    if len(first.text) - first.skip < 2 and len(mention.units) > 1:
        second = mention.units[1]
        if second.line == first.line and bare_cell(second.text, mention.name):
            # a table row read cell by cell: its first other cell (`1` of a `序号` column, an
            # owner) says nothing of whose row it is; the row does
            return cite(report, section, first.line, first.line, first.text)
        return cite(report, section, first.line, second.line, second.text)
    return cite(report, section, first.line, first.line, first.text)


def _best(found: list[_Found]) -> _Found | None:
    return max(found, key=lambda f: f.priority) if found else None


def _pick(targets: list[tuple[_Found, DateRole]]) -> tuple[_Found, DateRole] | None:
    if not targets:
        return None
    top = max(found.priority for found, _ in targets)
    candidates = [(found, role) for found, role in targets if found.priority == top]
    role = pick_target([role for _, role in candidates])
    chosen = next((pair for pair in candidates if pair[1] is role), None)
    if chosen is None or role is None or role.moved:
        return chosen
    # A field's date that a sentence of the same project says it moved to ("**预计完成** 8/30" and
    # "预计完成从8/15调整到8/30"): the same target, better cited by the sentence that tells the move.
    # Written from wecom-okr-infra.
    told = [
        pair
        for pair in targets
        if pair[1].moved and pair[1].hit.value == role.hit.value and pair[1].kind == role.kind
    ]
    return told[-1] if told else chosen


def _completion(
    obs: Observation, completed: list[_Found], report: Report, section: str, stated: bool = False
) -> None:
    """A stated launch date: `10/12已上线`, or a target field date when the status says launched.

    A date that says the project went live (`已于9月10日上线`, `launched on June 11`) is itself the
    launched status when no other lifecycle word was written."""
    finished: tuple[ProjectStatus, ...] = ("launched", "done")
    launched = [f for f in completed if f.word == "launch"]
    # Not over a status field of its own ("状态：有风险" beside "配置中心双活8/20上线": a part went live).
    if obs.status not in finished and obs.status not in ("paused", "cancelled") and launched and not stated:
        found = launched[-1]
        obs.status, obs.status_text = "launched", found.quote
        obs.status_evidence = cite(report, section, found.unit.line, found.unit.line, found.quote)
    if obs.status not in finished:
        return
    if completed:
        top = max(found.priority for found in completed)  # an actual-launch field over prose
        value = [found for found in completed if found.priority == top][-1].value
        assert isinstance(value, date)
        obs.completed_on = value
    elif obs.target is not None and obs.target <= obs.date:
        obs.completed_on = obs.target
