"""One observation per project per report, merged from its mentions in that report.

A report can tell a project in several places (a table row, a heading, a prose line); the views
compare one observation per report, so the richest mention leads and the others fill its gaps,
field group by field group, and a rules fact is never overwritten by a model's.
"""

from __future__ import annotations

from index.ledger.signals import worst_status
from index.schemas import Observation

_GROUPS: tuple[tuple[str, ...], ...] = (
    ("progress", "progress_parts", "progress_evidence"),
    (
        "target",
        "target_text",
        "target_kind",
        "target_evidence",
        "target_shift_days",
        "target_unit",
        "target_order",
        "target_moved_from",
        "target_was",
        "target_was_evidence",
    ),
    ("owner",),
    ("completed_on",),
)


_RUNNING = ("on_track", "at_risk", "off_track", "blocked", "in_progress")


def _richness(obs: Observation) -> int:
    return sum(
        value is not None for value in (obs.progress, obs.target, obs.status, obs.completed_on)
    ) + bool(obs.progress_parts)


def filler(obs: Observation) -> Observation:
    """A prose observation kept only to fill a report's mention's empty target and progress."""
    return obs.model_copy(
        update={
            "status": None,
            "status_text": None,
            "status_evidence": None,
            "status_was": None,
            "completed_on": None,
            "owner": None,
        }
    )


def merge_observations(observations: list[Observation], canonical: str) -> Observation:
    """One observation per report: the richest mention, its gaps filled from the others.

    The rules' mentions come before a model's (`source="llm"`), which only fill what they leave
    empty: a model's fact never overwrites a rules fact, whatever the richness.
    """
    # ties go to the mention written first in the report, whatever order the ledger read them in
    observations = sorted(observations, key=lambda obs: obs.evidence.lines[0])
    ranked = sorted(
        enumerate(observations),
        key=lambda pair: (pair[1].source == "llm", pair[1].origin == "prose", -_richness(pair[1]), pair[0]),
    )
    merged = ranked[0][1].model_copy(update={"canonical": canonical})
    for _, other in ranked[1:]:
        for group in _GROUPS:
            lead = group[0]
            # a target is a day or a sprint/version (`target_order`): either one fills the group
            key = ("target", "target_order") if lead == "target" else (lead,)
            empty = all(getattr(merged, name) in (None, []) for name in key)
            if empty and any(getattr(other, name) not in (None, []) for name in key):
                for name in group:
                    setattr(merged, name, getattr(other, name))
    shifted = next((o for _, o in ranked if o.target_shift_days is not None), None)
    if merged.target is None and merged.target_shift_days is None and shifted is not None:
        # A move by an amount ("往后拖两周") when no mention gives a date: dated on the timeline.
        for name in ("target_shift_days", "target_text", "target_kind", "target_evidence"):
            setattr(merged, name, getattr(shifted, name))
    # A field or a heading's own status outranks a status a prose lead picked up in the same report.
    stated = [o for o in observations if o.status is not None]
    rules = [o for o in stated if o.source == "rules"]
    statuses = [o for o in rules if o.origin == "structure"] or rules or stated
    # A line filed under `本周完成 / Done` beside the project's own status field (`RedCap TBOX 台架
    # provisioning 完成` over the row's `A 有风险`): a task of it done, the field tells the project.
    statuses = [o for o in statuses if not (o.filed_as == "done" and o.status == "done")] or statuses
    # A step's `对接完成` under the project's heading, beside its row at `50% | 绿`: the row's
    # running state and part-way progress tell the project; the step was done, not the project
    # (nor is a first part's go-live, `四川 3/13 投产` beside `进行中 | 1/8`, w26-h).
    running = [o for o in statuses if o.status in _RUNNING and o.progress is not None and o.progress < 100]
    statuses = [o for o in statuses if not (running and o.status in ("done", "launched"))] or statuses
    status = worst_status([o.status for o in statuses if o.status is not None])
    # Of the lines that state it, the one that also says when it launched is the better evidence.
    said = [o for o in statuses if o.status == status]
    source = next((o for o in said if o.completed_on is not None), said[0] if said else None)
    if source is not None:
        merged.status, merged.status_text, merged.status_evidence, merged.status_was = (
            source.status,
            source.status_text,
            source.status_evidence,
            source.status_was,
        )
    return merged
