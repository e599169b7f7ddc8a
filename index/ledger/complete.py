"""A model's verified facts completing the rules' facts of one report: gaps only, never overwrites.

The rules are deterministic and their evidence exact, so they keep every field they state. A model's
fact adds a project the rules did not find in the report, or a field (progress, target, status,
owner, launch day) the rules left empty for a project they did find; a field both state is kept out
(and counted as a conflict when the values differ). Incidents and metrics the rules already have
(the same lines, the same day or the same metric) are kept out the same way.

Pure: the ledger stores what `complete` returns beside the rules' rows, marked `source="llm"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.ledger.extract import ReportFacts
from index.schemas import Citation, Incident, MetricPoint, Observation
from index.text.normalise import name_key

# The fields of an observation that travel together: the value first, then its wording and evidence.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("progress", "progress_parts", "progress_evidence"),
    (
        "target",
        "target_text",
        "target_kind",
        "target_unit",
        "target_order",
        "target_moved_from",
        "target_was",
        "target_was_evidence",
        "target_evidence",
    ),
    ("status", "status_text", "status_was", "status_evidence"),
    ("owner",),
    ("completed_on",),
)
_EMPTY: tuple[Any, ...] = (None, [])
# Below this many characters a name key is too short to say one name contains the other.
_MIN_CONTAINED = 4


@dataclass
class Completion:
    """What a model's facts add to one report, and what was kept out because the rules state it."""

    observations: list[Observation] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    metrics: list[MetricPoint] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    """Facts or fields the model stated differently from the rules (the rules' value kept)."""
    duplicates: int = 0
    """Facts the rules already held with the same values."""

    @property
    def added(self) -> int:
        return len(self.observations) + len(self.incidents) + len(self.metrics)


def complete(rules: ReportFacts, found: ReportFacts) -> Completion:
    """The model's facts (`found`, already verified) reduced to what the rules lack."""
    done = Completion()
    for obs in found.observations:
        _complete_observation(obs, rules.observations, done)
    for incident in found.incidents:
        if any(_same_incident(incident, known) for known in rules.incidents):
            done.duplicates += 1
        else:
            done.incidents.append(incident.model_copy(update={"source": "llm"}))
    for metric in found.metrics:
        known = next((m for m in rules.metrics if m.key == metric.key), None)
        if known is None:
            done.metrics.append(metric.model_copy(update={"source": "llm"}))
        elif known.value == metric.value:
            done.duplicates += 1
        else:
            done.conflicts.append(f"metric {metric.name}: {metric.value:g} (rules: {known.value:g})")
    return done


def _complete_observation(obs: Observation, rules: list[Observation], done: Completion) -> None:
    matches = [known for known in rules if _same_project(obs, known)]
    if not matches:
        done.observations.append(obs.model_copy(update={"source": "llm"}))
        return
    update: dict[str, Any] = {"source": "llm", "project": matches[0].project}
    filled = conflicted = False
    for group in _GROUPS:
        lead = group[0]
        mine = getattr(obs, lead)
        if mine in _EMPTY:
            continue
        stated = [getattr(known, lead) for known in matches if getattr(known, lead) not in _EMPTY]
        if not stated:
            filled = True
            continue
        if mine not in stated:
            conflicted = True
            done.conflicts.append(f"{matches[0].project}: {lead} {_text(mine)} (rules: {_text(stated[0])})")
        update.update({name: [] if name == "progress_parts" else None for name in group})
    if filled:
        done.observations.append(obs.model_copy(update=update))
    elif not conflicted:
        done.duplicates += 1


def _same_project(obs: Observation, known: Observation) -> bool:
    """One project in one report: equal or contained names, or the rules' mention on the same lines."""
    mine, theirs = name_key(obs.project), name_key(known.project)
    if mine == theirs:
        return True
    shorter, longer = sorted((mine, theirs), key=len)
    if len(shorter) >= _MIN_CONTAINED and shorter in longer:
        return True
    return _overlap(obs.evidence, known.evidence)


def _same_incident(incident: Incident, known: Incident) -> bool:
    if _overlap(incident.evidence, known.evidence):
        return True
    return incident.when is not None and incident.when == known.when


def _overlap(a: Citation, b: Citation) -> bool:
    return a.report == b.report and a.lines[0] <= b.lines[1] and b.lines[0] <= a.lines[1]


def _text(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
