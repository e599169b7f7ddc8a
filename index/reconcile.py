"""Where the ledger and the vector store disagree, and what repairs each disagreement.

Writes go ledger first: a report is marked in the ledger's journal before its chunks are
written or removed, and unmarked in the transaction that finishes it. Whatever a kill leaves is
then one of the problems below; every ingest and `summarizer doctor --repair` repair them. A
report both sides agree on is never touched here, even when its file is gone: that is `--prune`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from index.store import StoredReport

Kind = Literal[
    "pending-write",  # killed while its chunks were being replaced
    "pending-remove",  # killed while it was being pruned
    "ledger-without-chunks",  # facts, no chunks
    "chunks-without-ledger",  # chunks, no facts
    "version-mismatch",  # chunks of one file version, facts of another
    "incomplete-chunks",  # some of its chunks missing, or of two versions
]
Fix = Literal["reingest", "remove"]

DESCRIPTIONS: dict[Kind, str] = {
    "pending-write": "an ingest was killed while writing it",
    "pending-remove": "a prune was killed while removing it",
    "ledger-without-chunks": "in the ledger but not in the vector store",
    "chunks-without-ledger": "in the vector store but not in the ledger",
    "version-mismatch": "the ledger and the vector store hold different versions of it",
    "incomplete-chunks": "some of its chunks are missing",
}


@dataclass(frozen=True)
class Problem:
    """One report the two sides disagree on, and the fix: re-ingest its file, or remove it."""

    report: str
    kind: Kind
    fix: Fix

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self.kind]


def find_problems(
    stored: dict[str, StoredReport],
    ledger: dict[str, tuple[str, str]],
    pending: dict[str, str],
    exists: Callable[[str], bool] = lambda report: Path(report).exists(),
) -> list[Problem]:
    """Every disagreement between the store's reports, the ledger's (source -> (content hash,
    date)) and the journal, sorted by report. A report whose file still exists is re-ingested (both sides
    rebuilt from it); otherwise it is removed from both, which is the only state both can agree on."""
    found: dict[str, Kind] = {}
    for report, op in pending.items():
        found[report] = "pending-remove" if op == "remove" else "pending-write"
    for report in sorted(set(stored) | set(ledger)):
        if report in found:
            continue
        chunks, facts = stored.get(report), ledger.get(report)
        if chunks is None:
            found[report] = "ledger-without-chunks"
        elif facts is None:
            found[report] = "chunks-without-ledger"
        elif not chunks.complete:
            found[report] = "incomplete-chunks"
        elif chunks.report_hash != facts[0]:
            found[report] = "version-mismatch"
    problems = []
    for report, kind in sorted(found.items()):
        fix: Fix = "remove" if kind == "pending-remove" or not exists(report) else "reingest"
        problems.append(Problem(report, kind, fix))
    return problems
