"""`doctor`: does the index agree with itself? The ledger and the vector store (index/reconcile.py),
the journal of killed runs, and the lexical index against the store's chunks; `--repair` fixes
what it finds under the writer lock, exactly as the next ingest would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index import lexical_files
from index.ingest import Ingestor
from index.lexical_store import lexical_dir, rebuild_for_store
from index.lock import writer_lock
from index.outcomes import Repair
from summarizer.pipelines.ingest import ingestor_for
from summarizer.workspace import Workspace


@dataclass
class Finding:
    """One problem: the report (or index part) it concerns, what is wrong, and what fixes it."""

    report: str
    kind: str
    description: str
    fix: str


@dataclass
class Diagnosis:
    """What doctor found (and, with --repair, did)."""

    index: str
    ledger: str
    reports_in_store: int = 0
    reports_in_ledger: int = 0
    chunks: int = 0
    lexical_rows: int | None = None
    problems: list[Finding] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    repaired: list[Repair] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        return data


def diagnose(workspace: Workspace) -> Diagnosis:
    """Read-only: every disagreement between ledger, vector store and lexical index."""
    settings = workspace.settings
    found = Diagnosis(index=workspace.describe(), ledger=str(settings.ledger_path))
    ingestor = ingestor_for(workspace, with_ledger=settings.ledger_path.exists())
    with workspace.reading():
        return _diagnose(workspace, found, ingestor)


def _diagnose(workspace: Workspace, found: Diagnosis, ingestor: Ingestor) -> Diagnosis:
    problems, stored = ingestor.problems()
    ledger = workspace.ledger.stored() if ingestor.ledger is not None else {}
    found.index = workspace.describe()  # now that the store is open (a read-only copy says so)
    found.reports_in_store, found.reports_in_ledger = len(stored), len(ledger)
    found.problems = [Finding(p.report, p.kind, p.description, p.fix) for p in problems]
    # Both sides agree on these, but their files are gone: `ingest --prune` removes them.
    found.gone = sorted(r for r in set(stored) & set(ledger) if not Path(r).exists())
    ids = workspace.store.ids()
    found.chunks = len(ids)
    lexical = lexical_files.load(lexical_dir(workspace.home, workspace.store.name))
    found.lexical_rows = None if lexical is None else len(lexical.rows)
    if lexical is None or {row.id for row in lexical.rows} != ids:
        found.problems.append(
            Finding(
                "(lexical index)",
                "lexical-out-of-step",
                "missing" if lexical is None else "its chunks are not the vector store's chunks",
                "rebuild",
            )
        )
    return found


def repair(workspace: Workspace, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Diagnosis:
    """Fix what `diagnose` finds (as the writer: other ingests wait or we fail fast), then look again."""
    with writer_lock(workspace.home, wait=wait, on_wait=on_wait):
        repaired = ingestor_for(workspace).reconcile()
        rebuild_for_store(workspace.store, workspace.home)
    after = diagnose(workspace)
    after.repaired = repaired
    return after
