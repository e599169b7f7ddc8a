"""`ingest`: files -> index and ledger under the writer lock; the ledger derived, the lexical index
rebuilt when chunks changed.

The one way reports go in: the CLI, the eval runner, the benchmarks and the tests all call
`ingest_paths`, so they cannot drift apart (they had: the eval skipped the lexical rebuild
when nothing changed, the CLI did not).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from index.errors import StoreError, SummarizerError
from index.ingest import Ingestor
from index.lexical_store import clear_stale, current_for_store, mark_stale, rebuild_for_store
from index.lock import writer_lock
from index.outcomes import FileOutcome, IngestSummary, coverage_warnings
from summarizer.extraction.extractor import Extractor
from summarizer.workspace import Workspace


def ingestor_for(workspace: Workspace, with_ledger: bool = True) -> Ingestor:
    """An `Ingestor` with the workspace's store, embedder, ledger and chunk settings."""
    settings = workspace.settings
    return Ingestor(
        workspace.store,
        workspace.embedder,
        ledger=workspace.ledger if with_ledger else None,
        chunk_tokens=settings.chunk_tokens,
        min_chunk_tokens=settings.min_chunk_tokens,
        max_file_bytes=settings.max_file_bytes,
        max_file_tokens=settings.max_file_tokens,
        max_file_seconds=settings.max_file_seconds,
        jobs=settings.ingest_jobs or min(4, os.cpu_count() or 1),
    )


def ingest_paths(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    report_date: date | None = None,
    prune: bool = False,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_done: Callable[[FileOutcome], None] | None = None,
    with_ledger: bool = True,
    extractor: Extractor | None = None,
) -> IngestSummary:
    """Ingest files and folders; a path that does not exist is one skipped outcome (its reason
    says so), a file that cannot be read is another, and the rest still go in.

    The lexical index is always rebuilt for what went in, even when the run stopped early on a
    store-wide failure (kept in `summary.error`, never raised, so the summary can be shown).

    With an `extractor` (`--extract llm|both`), a model then completes the ledger's facts of every
    report that went in, under the same writer lock; what it did is in `extractor.summary`, and an
    error every report would meet (no key, endpoint down, a replay miss) ends up in `summary.error`.
    """
    with writer_lock(workspace.home, wait=wait, on_wait=on_wait):
        return ingest_locked(
            workspace,
            paths,
            report_date=report_date,
            prune=prune,
            on_file=on_file,
            on_done=on_done,
            with_ledger=with_ledger,
            extractor=extractor,
        )


def ingest_locked(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    report_date: date | None = None,
    prune: bool = False,
    on_file: Callable[[Path], None] | None = None,
    on_done: Callable[[FileOutcome], None] | None = None,
    with_ledger: bool = True,
    extractor: Extractor | None = None,
) -> IngestSummary:
    """`ingest_paths` for a caller that already holds the writer lock and does more under it
    (`digest` ingests, then publishes and records; the lock is not reentrant across handles)."""
    if with_ledger:  # set on every run: a workspace may ingest again with other options
        workspace.ledger.rules = extractor is None or extractor.mode != "llm"
    # Read before this run marks it stale: a mark left here means a run died before rebuilding.
    was_current = current_for_store(workspace.store, workspace.home)
    mark_stale(workspace.store, workspace.home)
    summary = ingestor_for(workspace, with_ledger).ingest(
        paths, report_date=report_date, prune=prune, on_file=on_file, on_done=on_done
    )
    if extractor is not None and with_ledger and summary.error is None:
        try:
            extractor.extract_ingested(workspace.ledger, summary.outcomes)
        except SummarizerError as exc:
            summary.error = exc
    try:
        if with_ledger:
            workspace.ledger.derive()  # what changed is linked and derived now, not by the first reader
            summary.warnings += coverage_warnings(summary.outcomes, workspace.ledger.schedule_counts())
        totals = summary.totals()
        changed = totals["chunks_added"] or totals["chunks_removed"] or summary.pruned or summary.repaired
        # An ingest that changed nothing keeps the saved index (at 2,600 reports its rebuild was
        # most of a re-ingest); one that stopped early still rebuilds for what went in.
        if changed or summary.error is not None or not was_current:
            rebuild_for_store(workspace.store, workspace.home)
        else:
            clear_stale(workspace.store, workspace.home)
    except SummarizerError as exc:
        summary.error = summary.error or exc
    except OSError as exc:
        summary.error = summary.error or StoreError(f"cannot write the lexical index: {exc}")
    return summary


def reingest_known(workspace: Workspace, wait: bool = False) -> IngestSummary:
    """Ingest the folders the index already holds again: new and changed reports go in.

    What `serve --allow-ingest` offers over HTTP: a client names no path, so it can only make
    the server look again where it already looks.
    """
    folders = sorted({os.path.dirname(ref.source) for ref in workspace.ledger.reports()})
    return ingest_paths(workspace, [Path(folder) for folder in folders], wait=wait)
