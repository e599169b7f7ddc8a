"""The ledger's facts read once and arranged for the views: projects linked, one observation per report.

Built from facts sorted by report date, so every derived view is independent of ingestion order;
cached on the `Ledger` until it (or another writer) changes the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.ledger.identity import AliasConfig, Identity, NameStat, build_identity
from index.ledger.signals import worst_status
from index.ledger.store import Ledger
from index.schemas import Incident, MetricPoint, Note, Observation, ReportRef, series_of
from index.text.weeks import week_key

_GROUPS: tuple[tuple[str, ...], ...] = (
    ("progress", "progress_parts", "progress_evidence"),
    ("target", "target_text", "target_kind", "target_evidence"),
    ("owner",),
    ("completed_on",),
)


@dataclass
class Snapshot:
    reports: list[ReportRef]
    identity: Identity
    timelines: dict[str, list[Observation]] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)
    metrics: list[MetricPoint] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def week_of(self) -> dict[str, int]:
        return {ref.source: week_key(ref.week) for ref in self.reports}

    def aliases(self, canonical: str) -> list[str]:
        return self.identity.aliases.get(canonical, [])


def snapshot_of(ledger: Ledger) -> Snapshot:
    """The cached snapshot, rebuilt when the ledger file has changed."""
    generation = ledger.generation
    cached = ledger.cache.get("snapshot")
    if cached is not None and cached[0] == generation:
        return cached[1]  # type: ignore[no-any-return]
    snapshot = build_snapshot(ledger)
    ledger.cache["snapshot"] = (generation, snapshot)
    return snapshot


def build_snapshot(ledger: Ledger) -> Snapshot:
    data = ledger.load()
    stats: dict[str, NameStat] = {}
    seen: set[tuple[str, str]] = set()
    for obs in data.observations:
        stat = stats.setdefault(obs.project, NameStat(obs.project, obs.date, 0))
        stat.series.add(series_of(obs.report))
        if (obs.project, obs.report) not in seen:
            seen.add((obs.project, obs.report))
            stat.count += 1
    identity = build_identity(
        stats.values(),
        AliasConfig.load(ledger.aliases_path),
        ledger.embed,
        ledger.embed_threshold,
        renames=[(r.old, r.new) for r in data.renames],
    )
    per_report: dict[str, dict[str, list[Observation]]] = {}
    for obs in data.observations:
        canon = identity.canonical(obs.project)
        per_report.setdefault(canon, {}).setdefault(obs.report, []).append(obs)
    order = {ref.source: index for index, ref in enumerate(data.reports)}
    timelines: dict[str, list[Observation]] = {}
    for canon in sorted(per_report):
        observations = [o for by_report in per_report[canon].values() for o in by_report]
        if len(per_report[canon]) < 2 and all(o.origin == "lead" for o in observations):
            continue  # a name only a line's lead gave, in one report: not shown to be a project
        reports = sorted(per_report[canon], key=lambda source: order[source])
        timelines[canon] = [merge_observations(per_report[canon][source], canon) for source in reports]
    return Snapshot(data.reports, identity, timelines, data.incidents, data.metrics, data.notes)


def _richness(obs: Observation) -> int:
    return sum(value is not None for value in (obs.progress, obs.target, obs.status)) + bool(
        obs.progress_parts
    )


def merge_observations(observations: list[Observation], canonical: str) -> Observation:
    """One observation per report: the richest mention, its gaps filled from the others.

    The rules' mentions come before a model's (`source="llm"`), which only fill what they leave
    empty: a model's fact never overwrites a rules fact, whatever the richness.
    """
    ranked = sorted(
        enumerate(observations), key=lambda pair: (pair[1].source == "llm", -_richness(pair[1]), pair[0])
    )
    merged = ranked[0][1].model_copy(update={"canonical": canonical})
    for _, other in ranked[1:]:
        for group in _GROUPS:
            lead = group[0]
            empty = getattr(merged, lead) in (None, [])
            if empty and getattr(other, lead) not in (None, []):
                for name in group:
                    setattr(merged, name, getattr(other, name))
    # A field or a heading's own status outranks a status a prose lead picked up in the same report.
    stated = [o for o in observations if o.status is not None]
    rules = [o for o in stated if o.source == "rules"]
    statuses = [o for o in rules if o.origin == "structure"] or rules or stated
    status = worst_status([o.status for o in statuses if o.status is not None])
    source = next((o for o in statuses if o.status == status), None)
    if source is not None:
        merged.status, merged.status_text, merged.status_evidence = (
            source.status,
            source.status_text,
            source.status_evidence,
        )
    return merged
