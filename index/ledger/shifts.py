"""Targets told as a move by an amount ('往后拖两周', 'pushed back a week'), dated on the timeline.

Only the project's timeline knows the date that moved: the last final target stated before the
report (a launch or completion ends that schedule, so a later move has nothing to move). An
observation with a date of its own keeps it; one with a move and no earlier target stays
without a target rather than guessing one.
"""

from __future__ import annotations

from datetime import timedelta

from index.ledger.signals import FINISHED
from index.schemas import Observation


def resolve_shifts(timeline: list[Observation]) -> list[Observation]:
    """The timeline (oldest first) with each amount-only move turned into its target date."""
    last: Observation | None = None
    for obs in timeline:
        if obs.target is None and obs.target_shift_days is not None and last is not None:
            assert last.target is not None
            obs.target = last.target + timedelta(days=obs.target_shift_days)
        if obs.target is not None and obs.target_kind == "final" and obs.target_unit is None:
            last = obs
        if obs.status in FINISHED:
            last = None
    return timeline
