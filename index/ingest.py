"""Ingest: files -> load -> parse -> chunk -> embed -> store (+ ledger and lexical hooks).

One bad file never stops the others: each failure becomes a skipped outcome with its reason.
An unchanged report (same content hash, complete in the store) costs a file read and a lookup.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

from index.chunk import Chunk, chunk_report
from index.embed import Embedder
from index.errors import InputError, ReportDateError
from index.load import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, content_hash, iter_report_files, load_document
from index.models import Report
from index.parse import parse_report
from index.store import StoredReport, VectorStore

Status = Literal["added", "updated", "unchanged", "skipped"]


class ReportSink(Protocol):
    """Something else that keeps per-report state in step with the store (the ledger)."""

    def upsert_report(self, report: Report) -> bool: ...

    def remove_report(self, source: str) -> None: ...


# A sink may also say `current(source, content_hash) -> bool`: this exact content is stored, so an
# unchanged file need not be parsed at all (the ledger does).


# Chunks embedded in one call: the embedder's matrix products grow with the batch instead of
# synchronising its threads once per report (~6 chunks), which is what collapses on a busy CPU.
EMBED_BATCH = 128


@dataclass
class FileOutcome:
    path: str
    status: Status
    week: str = ""
    date: str = ""
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_unchanged: int = 0
    reason: str = ""
    undated: bool = False


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    chunks_pruned: int = 0

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "skipped"]

    def totals(self) -> dict[str, int]:
        return {
            "reports": sum(1 for o in self.outcomes if o.status != "skipped"),
            "added": sum(1 for o in self.outcomes if o.status == "added"),
            "updated": sum(1 for o in self.outcomes if o.status == "updated"),
            "unchanged": sum(1 for o in self.outcomes if o.status == "unchanged"),
            "skipped": len(self.skipped),
            "chunks_added": sum(o.chunks_added for o in self.outcomes),
            "chunks_unchanged": sum(o.chunks_unchanged for o in self.outcomes),
            "chunks_removed": sum(o.chunks_removed for o in self.outcomes) + self.chunks_pruned,
            "reports_pruned": len(self.pruned),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "totals": self.totals(),
            "files": [o.__dict__ for o in self.outcomes],
            "pruned": self.pruned,
        }


@dataclass
class _Pending:
    """A parsed, chunked report waiting for its batch to be embedded."""

    report: Report
    chunks: list[Chunk]
    stored: StoredReport | None
    outcome: FileOutcome


def _file_hash(path: Path, max_bytes: int) -> str | None:
    """The content hash of a file that could be ingested (what the store and ledger key on)."""
    try:
        if (
            not path.is_file()
            or path.suffix.lower() not in SUPPORTED_SUFFIXES
            or path.stat().st_size > max_bytes
        ):
            return None
        return content_hash(path.read_bytes())
    except OSError:
        return None


def _current(sink: ReportSink, source: str, digest: str) -> bool:
    current = getattr(sink, "current", None)
    return bool(current(source, digest)) if current is not None else False


def nearest_sibling_date(path: Path, outcomes: list[FileOutcome]) -> date | None:
    """The date of the report in the same folder whose file name sorts nearest to this one."""
    folder = source_name(path.parent)
    siblings = sorted(
        (Path(o.path).name, date.fromisoformat(o.date))
        for o in outcomes
        if o.date and os.path.dirname(o.path) == folder
    )
    if not siblings:
        return None
    names = [name for name, _ in siblings]
    position = min(range(len(names)), key=lambda i: (abs(_rank(names, path.name) - i), i))
    return siblings[position][1]


def _rank(names: list[str], name: str) -> float:
    """Where `name` would sort among `names` (between two neighbours: x.5)."""
    below = sum(1 for other in names if other < name)
    return below - 0.5


def source_name(path: Path) -> str:
    """The absolute path of the file: what citations show and the verifier re-reads.

    A path as typed (`examples/reports/x.md`) would stop verifying as soon as `ask` runs from
    another directory, and every citation would be dropped.
    """
    return os.path.normpath(os.path.abspath(path))


@dataclass
class Ingestor:
    store: VectorStore
    embedder: Embedder
    sinks: list[ReportSink] = field(default_factory=list)
    chunk_tokens: int = 400
    min_chunk_tokens: int = 40
    max_file_bytes: int = DEFAULT_MAX_BYTES

    def ingest_file(
        self, path: Path, report_date: date | None = None, near: date | None = None
    ) -> FileOutcome:
        """Ingest one file now (the batch of one)."""
        prepared = self._prepare(path, report_date, near, None)
        if isinstance(prepared, FileOutcome):
            return prepared
        return self._store([prepared])[0]

    def _prepare(
        self, path: Path, report_date: date | None, near: date | None, stored: dict[str, StoredReport] | None
    ) -> FileOutcome | _Pending:
        """Load, parse and chunk a file, or finish it here: skipped, or unchanged (in the store
        and every sink: then it is not even parsed). `stored`: the store's reports when known."""
        source = source_name(path)
        known = stored.get(source) if stored is not None else self.store.stored_report(source)
        if known is not None and known.complete and report_date is None:
            digest = _file_hash(path, self.max_file_bytes)
            if digest == known.report_hash and all(_current(sink, source, digest) for sink in self.sinks):
                return FileOutcome(
                    source,
                    "unchanged",
                    week=known.week,
                    date=known.date,
                    chunks_unchanged=len(known.chunk_ids),
                )
        try:
            doc = load_document(path, self.max_file_bytes)
            report = parse_report(doc, source, report_date, near)
        except ReportDateError as exc:
            return FileOutcome(source, "skipped", reason=exc.reason + f" ({exc.hint})", undated=True)
        except InputError as exc:
            reason = exc.reason + (f" ({exc.hint})" if exc.hint else "")
            return FileOutcome(source, "skipped", reason=reason)
        except OSError as exc:
            return FileOutcome(source, "skipped", reason=f"cannot read: {exc.strerror or exc}")
        outcome = FileOutcome(source, "added", week=report.week, date=report.date.isoformat())
        if known is not None and known.complete and known.report_hash == report.content_hash:
            outcome.status = "unchanged"
            outcome.chunks_unchanged = len(known.chunk_ids)
            for sink in self.sinks:
                sink.upsert_report(report)
            return outcome
        chunks = chunk_report(report, self.chunk_tokens, self.min_chunk_tokens)
        return _Pending(report, chunks, known, outcome)

    def _store(self, batch: list[_Pending]) -> list[FileOutcome]:
        """Embed the batch's chunks in one call, then store each report whole, in order."""
        vectors = self.embedder.embed_passages([c.embed_text for p in batch for c in p.chunks])
        start = 0
        out = []
        for pending in batch:
            mine = vectors[start : start + len(pending.chunks)]
            start += len(pending.chunks)
            kept = set(pending.stored.chunk_ids) if pending.stored else set()
            written, removed = self.store.replace_report(pending.report.source, pending.chunks, mine)
            outcome = pending.outcome
            outcome.status = "updated" if pending.stored is not None else "added"
            outcome.chunks_unchanged = sum(1 for c in pending.chunks if c.id in kept)
            outcome.chunks_added = written - outcome.chunks_unchanged
            outcome.chunks_removed = removed
            for sink in self.sinks:
                sink.upsert_report(pending.report)
            out.append(outcome)
        return out

    def ingest(
        self,
        paths: Iterable[Path],
        report_date: date | None = None,
        prune: bool = False,
        on_file: Callable[[Path], None] | None = None,
        on_done: Callable[[FileOutcome], None] | None = None,
    ) -> IngestSummary:
        summary = IngestSummary()
        undated: list[tuple[int, Path]] = []
        files = list(iter_report_files(paths))
        # Many files: one read of the store's bookkeeping instead of one query per file.
        stored = self.store.stored_reports() if len(files) > 20 else None
        pending: list[tuple[int, _Pending]] = []

        def flush() -> None:
            for (index, _), outcome in zip(pending, self._store([p for _, p in pending]), strict=True):
                summary.outcomes[index] = outcome
                if on_done:
                    on_done(outcome)
            pending.clear()

        for path in files:
            if on_file:
                on_file(path)
            prepared = self._prepare(path, report_date, None, stored)
            index = len(summary.outcomes)
            if isinstance(prepared, FileOutcome):
                if prepared.undated:
                    undated.append((index, path))
                summary.outcomes.append(prepared)
                if on_done:
                    on_done(prepared)
                continue
            summary.outcomes.append(prepared.outcome)
            pending.append((index, prepared))
            if sum(len(p.chunks) for _, p in pending) >= EMBED_BATCH:
                flush()
        flush()
        # A title that writes only day and month ("Cycle 24 (Mar 17 – Mar 28)") takes its year
        # from the nearest sibling report that has one: retried once the folder's dates are known.
        for index, path in undated:
            near = nearest_sibling_date(path, summary.outcomes)
            if near is not None:
                summary.outcomes[index] = self.ingest_file(path, report_date, near)
        if prune:
            for report in sorted(self.store.stored_reports()):
                if not Path(report).exists():
                    summary.chunks_pruned += self.store.remove_report(report)
                    for sink in self.sinks:
                        sink.remove_report(report)
                    summary.pruned.append(report)
        return summary
