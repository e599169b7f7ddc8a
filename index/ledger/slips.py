"""Derive slips, launches and lifecycle events from one project's observations, oldest first.

The four slip kinds, exactly:
- `date_moved`: a target later than the project's previous target of the same kind (final or interim);
- `overdue`: a report dated after the current final target while the project is not
  launched/done/paused/cancelled; once per (project, target), at the first such report; for a
  sprint or version target, the first report saying that sprint closed or that version shipped;
- `status_downgrade`: on track -> at risk -> off track/blocked (按计划 -> 有风险 -> 延期/受阻),
  against the last health status stated;
- `stalled`: the same progress in 3 consecutive reports that mention the project; once per run,
  at the third.
A launch or completion closes the schedule: a target stated after it belongs to a new phase. A pause
does not: a target re-proposed when the project resumes is later than the one it replaces; but the
paused date is no deadline any more, so it is never overdue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from index.ledger.cadence import has_passed
from index.ledger.phases import other_gate
from index.ledger.signals import FINISHED, RANK, STOPPED
from index.schemas import (
    Citation,
    Launch,
    LaunchVerdict,
    Observation,
    ProjectStatus,
    Slip,
    SlipKind,
    StatusEvent,
    series_of,
)
from index.text.timeexpr import find_dates

STALL_RUN = 3


def _cites(*citations: Citation | None) -> list[Citation]:
    out: list[Citation] = []
    for citation in citations:
        if citation is not None and citation not in out:
            out.append(citation)
    return out


def _quote(obs: Observation) -> str | None:
    return obs.target_evidence.quote if obs.target_evidence is not None else None


def project_slips(
    project: str,
    aliases: list[str],
    observations: list[Observation],
    series_starts: Mapping[str, date] | None = None,
) -> list[Slip]:
    slips: list[Slip] = []

    def add(kind: SlipKind, before: str, after: str, obs: Observation, *evidence: Citation | None) -> None:
        fields = {"project": project, "aliases": aliases, "kind": kind, "from": before, "to": after}
        slips.append(Slip.model_validate({**fields, "week": obs.week, "evidence": _cites(*evidence)}))

    targets: dict[str, Observation] = {}  # kind -> latest observation stating the current target
    said: dict[date, Observation] = {}  # each day a report gave as the target -> the latest such
    ordinals: dict[str, Observation] = {}  # unit (sprint, version) -> latest such target
    health: Observation | None = None
    overdue_seen: set[date] = set()
    passed_seen: set[tuple[str, tuple[int, ...]]] = set()
    run: list[Observation] = []
    # A name only one report gives is often no project at all (a note's heading, a change request
    # over a project's name): a change its own line tells is counted only for a name seen twice.
    recurring = len(observations) > 1
    for obs in observations:
        finished = obs.status in FINISHED or obs.status in STOPPED
        promised = targets.get("final")  # the target as stated before this report
        # A pause that names the date work resumes towards ("on hold; when it resumes we'll aim for
        # the end of September") moves the target in that report. Written from monthly-goals-en.
        replanned = obs.status == "paused" and obs.target is not None
        moved_by_day = False
        if obs.target is not None and obs.target_kind is not None and (not finished or replanned):
            previous = targets.get(obs.target_kind)
            release = ordinals.get("version")
            if previous is None and release is not None and obs.target_kind == "final" and _moved_to(obs):
                # "和3.2一起放", then "不跟3.2了，改到8/9": a release replaced by a day. Written from
                # game-liveops-zh.
                add(
                    "date_moved",
                    str(release.target_text),
                    obs.target.isoformat(),
                    obs,
                    release.target_evidence,
                    obs.target_evidence,
                )
                ordinals.pop("version")
            if (
                previous is not None
                and previous.target is not None
                and obs.target > previous.target
                and not other_gate(_quote(previous), _quote(obs))  # DVT's date, then PVT's: the next gate
                and not _same_period_end(previous, obs)
            ):
                before, after = previous.target.isoformat(), obs.target.isoformat()
                was_cite = previous.target_evidence
                if obs.target_was is not None and previous.target < obs.target_was < obs.target:
                    # `上线目标由 4/30 调整为 5/20`: the line's own old day, where the earlier report's
                    # day was a step's (`到货 4/15`, read as the target, w55-b); cited where it was
                    # promised when a report said it
                    before = obs.target_was.isoformat()
                    promise = said.get(obs.target_was)
                    was_cite = (
                        promise.target_evidence
                        if promise is not None
                        else obs.target_was_evidence or obs.target_evidence
                    )
                add("date_moved", before, after, obs, was_cite, obs.target_evidence)
                moved_by_day = True
            elif (
                previous is None
                and obs.target_was is not None
                and recurring
                and _told_later(obs, series_starts)
            ):
                # `5.31全院上线（原4.30）` with no earlier target read: the line's own old day.
                add(
                    "date_moved",
                    obs.target_was.isoformat(),
                    obs.target.isoformat(),
                    obs,
                    obs.target_was_evidence or obs.target_evidence,
                )
            targets[obs.target_kind] = obs  # the latest statement is the best "before" evidence
            said[obs.target] = obs
        if obs.target_unit and obs.target_order and not finished:
            earlier = ordinals.get(obs.target_unit)
            dated = targets.get("final")
            if (
                earlier is None
                and dated is not None
                and dated.target is not None
                and dated is not obs
                and _moved_to(obs)
            ):
                # "We've missed the end-of-Q3 target …", then "we're now aiming to have it automated
                # for the 4.4 release": a date replaced by a release. Written from monthly-goals-en.
                add(
                    "date_moved",
                    dated.target.isoformat(),
                    str(obs.target_text),
                    obs,
                    dated.target_evidence,
                    obs.target_evidence,
                )
                targets.pop("final")
            stated = earlier.target_order if earlier is not None else obs.target_moved_from
            # (a sprint given with its end day, `Sprint 11（至 31/5）`, that moved in days too is one move)
            if stated is not None and obs.target_order > stated and not moved_by_day:
                was = earlier.target_text if earlier is not None else ".".join(map(str, stated))
                add(
                    "date_moved",
                    str(was),
                    str(obs.target_text),
                    obs,
                    earlier.target_evidence if earlier is not None else None,
                    obs.target_evidence,
                )
            ordinals[obs.target_unit] = obs
        for latest in [] if finished else _passed_now(obs, ordinals, passed_seen):
            after_cite = obs.target_evidence if obs is latest else obs.status_evidence or obs.evidence
            label = str(latest.target_text)
            add("overdue", label, label, obs, latest.target_evidence, after_cite)
        final = targets.get("final")
        due = final.target if final is not None else None
        if (
            final is not None
            and due is not None
            and obs.date > due
            and not finished
            and due not in overdue_seen
        ):
            overdue_seen.add(due)
            after_cite = obs.target_evidence if obs.target == due else obs.status_evidence or obs.evidence
            # The promise is best cited where it was still one: in an earlier report, when this one
            # restates the passed date.
            before_obs = promised if promised is not None and promised.target == due else final
            add("overdue", due.isoformat(), obs.date.isoformat(), obs, before_obs.target_evidence, after_cite)
        if obs.status in _HEALTH_RANK:
            if health is not None and _rank(obs) > _rank(health):
                add(
                    "status_downgrade",
                    _word(health),
                    _word(obs),
                    obs,
                    health.status_evidence,
                    obs.status_evidence,
                )
            elif health is None and _stated_worse(obs) and recurring and _told_later(obs, series_starts):
                # `RED (was AMBER)` with no earlier status read: the line's own old status.
                add(
                    "status_downgrade",
                    str(obs.status_was).replace("_", " "),
                    _word(obs),
                    obs,
                    obs.status_evidence,
                )
            health = obs
        key = obs.progress_key
        same = key is not None and bool(run) and run[-1].progress_key == key
        run = [*run, obs] if same else ([obs] if key else [])
        if len(run) == STALL_RUN and key != (100,) and not finished:
            label = obs.progress_label or ""
            add("stalled", label, label, obs, *(o.progress_evidence for o in run))
        if finished:
            health = None
        if obs.status in STOPPED:  # a pause voids the deadlines, not their memory
            if final is not None and final.target is not None and not (replanned and final is obs):
                overdue_seen.add(final.target)
            if promised is not None and promised.target is not None:
                overdue_seen.add(promised.target)
            passed_seen.update((unit, tuple(o.target_order or ())) for unit, o in ordinals.items())
        if obs.status in FINISHED:
            # A pause keeps its targets: a date re-proposed on resuming moves them.
            targets.clear()
            ordinals.clear()
    return slips


_MOVE_WORDS = re.compile(
    r"\bnow\b|\bnew (?:date|target)\b|\bmov(?:ed|ing)\b|\bslip|\bpush(?:ed|ing)\b|\bshift|\bdeferr|"
    r"推迟|延期|延后|顺延|改到|推到|改为|挪到|放到",
    re.I,
)


_PERIOD_END_DAYS = 3  # a period's last working day and its last day: Fri 3/29 and Sun 3/31


def _same_period_end(previous: Observation, obs: Observation) -> bool:
    """`end of Q1 (Fri 3/29)`, then `End of Q1 holds`: a period's end, stated as its last working
    day and then as the period, is one target, not a move of two days."""
    if previous.target is None or obs.target is None or not obs.target_text:
        return False
    ends = [hit for hit in find_dates(obs.target_text, obs.date) if hit.value == obs.target]
    return (
        bool(ends)
        and ends[0].precision != "day"
        and 0 < (obs.target - previous.target).days <= _PERIOD_END_DAYS
    )


def _moved_to(obs: Observation) -> bool:
    """The release target is told as a move ("now aiming for 4.4", "推迟到 0.10"), not as a restatement."""
    quote = obs.target_evidence.quote if obs.target_evidence is not None else ""
    return bool(_MOVE_WORDS.search(quote))


def _passed_now(
    obs: Observation, ordinals: dict[str, Observation], seen: set[tuple[str, tuple[int, ...]]]
) -> list[Observation]:
    """The sprint or version targets this report says are over ("Active sprint: Sprint 16" over
    sprint 15, "1.85 shipped" over 1.85), each once: the observations that stated them."""
    out: list[Observation] = []
    for unit, latest in ordinals.items():
        order = tuple(latest.target_order or ())
        if order and (unit, order) not in seen and has_passed(list(order), obs.ordinals_passed.get(unit, [])):
            seen.add((unit, order))
            out.append(latest)
    return out


# Work said to be under way is the level a risk falls from (a tracker's `IN PROGRESS` then `AT RISK`,
# w24-f): as good as on track until the report says otherwise.
_HEALTH_RANK: dict[ProjectStatus, int] = {**RANK, "in_progress": 0}


def _stated_worse(obs: Observation) -> bool:
    """The line says the status got worse (`RED (was AMBER)`)."""
    was = _HEALTH_RANK.get(obs.status_was, -1) if obs.status_was else -1
    return was >= 0 and _rank(obs) > was


def _told_later(obs: Observation, series_starts: Mapping[str, date] | None) -> bool:
    """Not the series' first report: a change told there moved before the reports begin, which
    no reader of the series counts as a slip of it."""
    start = series_starts.get(series_of(obs.report)) if series_starts is not None else None
    return start is None or obs.date > start


def _rank(obs: Observation) -> int:
    return _HEALTH_RANK.get(obs.status, -1) if obs.status else -1


def _word(obs: Observation) -> str:
    """The status as written ('按计划', 'At risk'), falling back to its normalised name."""
    return obs.status_text or str(obs.status)


def project_launches(
    project: str,
    aliases: list[str],
    observations: list[Observation],
    series_starts: Mapping[str, date] | None = None,
) -> list[Launch]:
    """Each move into launched/done, judged against the last final target stated before it.

    A thing first named already live, in a series that had reported for a while without it (its
    first report is later than the series' first, `series_starts`), is a task ticked off (an
    action item from a postmortem), not a tracked project launching; unless the report files it
    under a launch heading (`## Shipped`). In a series' first report nothing is known of before,
    so what it says is live counts. Written from meeting-minutes-fintech."""
    launches: list[Launch] = []
    first_target: date | None = None
    target: Observation | None = None
    previous: Observation | None = None
    for index, obs in enumerate(observations):
        if obs.target is not None and obs.target_kind == "final" and obs.status not in FINISHED:
            first_target = first_target or obs.target
            target = obs
        if obs.status in FINISHED and (previous is None or previous.status not in FINISHED):
            if (previous is None and _new_when_live(obs, series_starts)) or _still_running(
                obs, observations[index + 1 :]
            ):
                previous = obs
                continue
            judged = target if target is not None else (obs if obs.target is not None else None)
            due = judged.target if judged is not None else None
            launches.append(
                Launch(
                    project=project,
                    aliases=aliases,
                    week=obs.week,
                    status=obs.status,  # type: ignore[arg-type]
                    launched_on=obs.completed_on or obs.date,
                    target=due,
                    first_target=first_target or due,
                    verdict=_verdict(obs, due, previous),
                    evidence=_cites(
                        judged.target_evidence if judged else None, obs.status_evidence or obs.evidence
                    ),
                )
            )
            target, first_target = None, None
        previous = obs
    return launches


def _still_running(obs: Observation, later: list[Observation]) -> bool:
    """Done only by the heading it was filed under (`本周完成` over `等保：完成防火墙策略梳理`),
    while later reports still give the project a schedule's health: a task of it was done, not
    the project. Written from ascii-grid-txt-zhoubao-citygas-scada-zh."""
    return obs.filed_as in FINISHED and obs.status == obs.filed_as and any(o.status in RANK for o in later)


def _new_when_live(obs: Observation, series_starts: Mapping[str, date] | None) -> bool:
    if series_starts is None or obs.filed_as == "launched":
        return False
    start = series_starts.get(series_of(obs.report))
    return start is not None and obs.date > start


def _verdict(obs: Observation, due: date | None, previous: Observation | None) -> LaunchVerdict:
    if due is None:
        return "no_target"
    if obs.completed_on is not None:
        return "early" if obs.completed_on < due else "on_time" if obs.completed_on == due else "late"
    if obs.date.isocalendar()[:2] < due.isocalendar()[:2]:
        return "early"
    # A report dated on or after the due day that does not say it is done: it was not done by then.
    if previous is not None and previous.date >= due and previous.status not in FINISHED:
        return "late"
    return "on_time"


def project_stops(project: str, aliases: list[str], observations: list[Observation]) -> list[StatusEvent]:
    """Each move into a lifecycle state (launched, done, paused, cancelled)."""
    events: list[StatusEvent] = []
    previous: Observation | None = None
    for obs in observations:
        if obs.status in FINISHED | STOPPED and (previous is None or previous.status != obs.status):
            events.append(
                StatusEvent(
                    project=project,
                    aliases=aliases,
                    status=obs.status,  # type: ignore[arg-type]
                    week=obs.week,
                    report=obs.report,
                    evidence=_cites(obs.status_evidence or obs.evidence),
                )
            )
        previous = obs
    return events
