"""A writer's regrouping of the risk register applied: entries that are one risk merged, each
group's one-line summary attached, everything else about an entry computed from its sightings.

A writer (an LLM) may say which entries are the same risk and word a summary; it never sets a
status, a severity or a week. A merged entry takes its id, title and category from the member
first seen earliest, its history is every member's sightings in week order, its status is that
of its latest sighting (the most open one when several share that week), its severity the most
severe member's. Entries of different series, and an incident with anything that is not an
incident, are never merged: such a group, like one naming an unknown entry, is not applied and
is counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from index.text.weeks import week_key
from summarizer.schemas import RiskEntry, RiskStatus
from summarizer.summaries.risks import order
from summarizer.summaries.severity import rank

_OPENNESS: dict[RiskStatus, int] = {"open": 0, "mitigated": 1, "resolved": 2}


class RiskGroup(BaseModel):
    """Register entries a writer judged to be one risk, and its one-line summary."""

    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(min_length=1, description="`RiskEntry.id`s of the entries that are this risk.")
    summary: str = Field(min_length=1, description="One line on what the risk is and where it stands.")


def mergeable(members: Sequence[RiskEntry]) -> str | None:
    """Why these entries cannot be one risk, or None when they can."""
    if len({m.series for m in members}) > 1:
        return "entries of different report series are different risks"
    if len({m.category == "incident" for m in members}) > 1:
        return "an incident (an event) is not merged with a risk"
    return None


def merge(members: Sequence[RiskEntry], summary: str | None = None) -> RiskEntry:
    """One entry from several that are the same risk; computed fields from their sightings."""
    ranked = sorted(members, key=lambda e: (week_key(e.first_seen), order(e)))
    lead = ranked[0]
    if len(ranked) == 1:
        return lead.model_copy(update={"summary": summary})
    history = sorted((s for m in ranked for s in m.history), key=lambda s: week_key(s.week))
    last_week = history[-1].week
    status = min((s.status for s in history if s.week == last_week), key=_OPENNESS.__getitem__)
    worst = min(ranked, key=lambda e: rank(e.severity))
    owned = [m for m in sorted(ranked, key=lambda e: week_key(e.last_seen)) if m.owner]
    first, last = history[0], history[-1]
    return lead.model_copy(
        update={
            "project": lead.project or next((m.project for m in ranked if m.project), None),
            "status": status,
            "severity": worst.severity,
            "severity_label": worst.severity_label,
            "first_seen": first.week,
            "last_seen": last.week,
            "owner": owned[-1].owner if owned else None,
            "history": history,
            "citations": [first.citation]
            if first.citation == last.citation
            else [first.citation, last.citation],
            "summary": summary,
            "merged": [i for m in ranked[1:] for i in (m.id, *m.merged)] + list(lead.merged),
        }
    )


def apply(
    entries: list[RiskEntry], counts: dict[str, int], groups: Sequence[RiskGroup]
) -> tuple[list[RiskEntry], dict[str, int], int]:
    """(entries with the groups applied, counts per status adjusted for merges, groups not applied).

    Entries in no group stay as they are; an entry named by two groups stays with the first.
    """
    if not groups:
        return entries, counts, 0
    by_id = {e.id: e for e in entries}
    used: set[str] = set()
    counts = dict(counts)
    out: list[RiskEntry] = []
    lost = 0
    for group in groups:
        ids = list(dict.fromkeys(group.ids))
        if any(i not in by_id or i in used for i in ids):
            lost += 1
            continue
        members = [by_id[i] for i in ids]
        if mergeable(members) is not None:
            lost += 1
            continue
        used.update(ids)
        merged = merge(members, group.summary.strip())
        for member in members:
            counts[member.status] = counts.get(member.status, 0) - 1
        counts[merged.status] = counts.get(merged.status, 0) + 1
        out.append(merged)
    out += [e for e in entries if e.id not in used]
    return sorted(out, key=order), {k: v for k, v in counts.items() if v > 0}, lost
