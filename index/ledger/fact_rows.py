"""Facts as the ledger's rows and back: one JSON payload per fact, with its kind, order and subject.

`store.py` writes and reads the rows; this module is what a row holds, so the two directions
(`fact_rows`; `rules_facts_of`, `ledger_data`) cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from index.ledger.extract import ReportFacts
from index.ledger.prose import Passage
from index.schemas import Incident, MetricPoint, Note, Observation, Rename, ReportRef

Fact = Observation | Incident | MetricPoint | Note | Rename | Passage
Row = tuple[str, str, int, str | None, str]
"""(source, kind, seq, subject, payload): one row of the `facts` table."""

# Model facts are stored after the rules' in each kind (`load` orders by kind, then seq).
MODEL_SEQ = 100_000
FACT_MODELS: dict[str, type[Observation] | type[Incident] | type[MetricPoint] | type[Note] | type[Rename]] = {
    "observation": Observation,
    "incident": Incident,
    "metric": MetricPoint,
    "note": Note,
    "rename": Rename,
}


@dataclass
class LedgerData:
    """Everything stored, read once; reports oldest first, facts in report order then text order."""

    reports: list[ReportRef] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    metrics: list[MetricPoint] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)


def fact_rows(source: str, groups: Iterable[tuple[str, Sequence[Fact]]], start: int = 0) -> list[Row]:
    """The rows of a report's facts, numbered from `start` within each kind."""
    rows: list[Row] = []
    for kind, items in groups:
        for seq, item in enumerate(items, start):
            rows.append((source, kind, seq, subject(item), item.model_dump_json()))
    return rows


def rules_facts_of(rows: Iterable[tuple[str, str]]) -> ReportFacts:
    """The rules' facts among one report's (kind, payload) rows, in row order."""
    facts = ReportFacts()
    groups: dict[str, list[Any]] = {
        "observation": facts.observations,
        "incident": facts.incidents,
        "metric": facts.metrics,
        "note": facts.notes,
        "rename": facts.renames,
    }
    for kind, payload in rows:
        if kind in FACT_MODELS:
            item = FACT_MODELS[kind].model_validate_json(payload)
            if getattr(item, "source", "rules") == "rules":
                groups[kind].append(item)
    return facts


def ledger_data(reports: Iterable[ReportRef], rows: list[Any]) -> LedgerData:
    """All facts of the (source, kind, seq, payload) rows, oldest report first; a file stored under
    two paths counts once (first path wins)."""
    data = LedgerData()
    seen_hashes: set[str] = set()
    keep: set[str] = set()
    for ref in reports:
        if ref.content_hash in seen_hashes:
            continue
        seen_hashes.add(ref.content_hash)
        keep.add(ref.source)
        data.reports.append(ref)
    order = {ref.source: index for index, ref in enumerate(data.reports)}
    rows.sort(key=lambda r: (order.get(r[0], -1), r[1], r[2]))
    targets: dict[str, list[Any]] = {
        "observation": data.observations,
        "incident": data.incidents,
        "metric": data.metrics,
        "note": data.notes,
        "rename": data.renames,
    }
    for source, kind, _, payload in rows:
        if source in keep and kind in FACT_MODELS:
            targets[kind].append(FACT_MODELS[kind].model_validate_json(payload))
    return data


def subject(item: Observation | Incident | MetricPoint | Note | Rename | Passage) -> str | None:
    if isinstance(item, Observation):
        return item.project
    if isinstance(item, MetricPoint):
        return item.key
    if isinstance(item, Note):
        return item.kind
    return None
