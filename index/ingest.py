"""Ingest: files -> load -> parse -> chunk -> embed -> store (+ ledger and lexical hooks).

One bad file never stops the others: each failure becomes a skipped outcome with its reason.
An unchanged report (same content hash, complete in the store and current in the ledger) costs a
file read and two lookups: it is not even parsed. Small reports are embedded together, a batch of
files per call, since an embedding call per report (~6 chunks) is what collapses on a busy CPU.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

import numpy as np

from index.chunk import Chunk, TokenLimit, chunk_report
from index.embed import Embedder
from index.errors import InputError, ReportDateError, SummarizerError
from index.load import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, content_hash, load_document
from index.models import Report
from index.parse import NO_DATE, parse_report
from index.reconcile import Problem, find_problems
from index.store import StoredReport, VectorStore
from index.walk import Skip, walk_reports

Status = Literal["added", "updated", "unchanged", "skipped"]
T = TypeVar("T")

# Per-file budgets. Tokens are the embedder's own (deterministic, checked before any embedding);
# seconds are a backstop checked between stages and embedding batches. The largest example report
# is under 1,000 e5 tokens; 50,000 takes one to two minutes to embed on 2 CPUs.
DEFAULT_MAX_FILE_TOKENS = 50_000
DEFAULT_MAX_FILE_SECONDS = 120.0
# Embedder tokens per embedding call (at least one chunk): every chunk fits one 512-token window,
# so a call holds at most four windows' worth (a few seconds at worst on 2 CPUs), and the time
# budget is checked between calls. Ordinary chunks are ~80 tokens: ~25 of them share a call, and
# reports smaller than this share calls with the next reports (`Ingestor.ingest`).
EMBED_BATCH_TOKENS = 2048


class Journal(Protocol):
    """The ledger as the ingest sees it: per-report facts, kept in step with the store, and the
    journal that makes the two crash-consistent (index/reconcile.py).

    Two phases, so that a report whose facts cannot be extracted is skipped before anything is
    written: `prepare` does the pure work and returns the write (None when nothing changed). The
    write, `remove_report` and `finish` clear the report's journal mark; `begin` sets it.
    """

    def prepare(self, report: Report) -> Callable[[], None] | None: ...

    def remove_report(self, source: str) -> None: ...

    def begin(self, source: str, op: str) -> None: ...

    def finish(self, source: str) -> None: ...

    def pending(self) -> dict[str, str]: ...

    def stored(self) -> dict[str, tuple[str, str]]: ...


# A journal may also say `current(source, content_hash) -> bool`: this exact content's facts are
# stored, so an unchanged file need not be parsed at all (the ledger does).


@dataclass(frozen=True)
class Repair:
    """A disagreement between ledger and store that a run found, and what it did about it."""

    report: str
    problem: str
    action: str


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


@dataclass(frozen=True)
class DateWarning:
    """A report that went in with a date that is probably wrong (a typo, a template's date)."""

    path: str
    date: str
    message: str


# A report dated more than this after today, or before EARLIEST, is reported as suspicious.
FUTURE_SLACK = timedelta(days=365)
EARLIEST = date(2000, 1, 1)


def date_warnings(outcomes: Iterable[FileOutcome], today: date) -> list[DateWarning]:
    """Suspicious dates among the reports that went in (or were already in)."""
    found = []
    for outcome in outcomes:
        if outcome.status == "skipped" or not outcome.date:
            continue
        day = date.fromisoformat(outcome.date)
        if day > today + FUTURE_SLACK:
            why = f"more than a year after today ({today.isoformat()})"
        elif day < EARLIEST:
            why = f"before {EARLIEST.year}"
        else:
            continue
        found.append(
            DateWarning(
                outcome.path,
                outcome.date,
                f"dated {outcome.date}, {why}: check the date in its title, front matter or file name"
                " (relative questions use the latest report not in the future)",
            )
        )
    return found


@dataclass
class IngestSummary:
    """What one run did. `error` is set when the run stopped early on a store-wide failure
    (the files before it went in; the summary still says which)."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    repaired: list[Repair] = field(default_factory=list)
    warnings: list[DateWarning] = field(default_factory=list)
    chunks_pruned: int = 0
    error: SummarizerError | None = None

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
            "reports_repaired": len(self.repaired),
        }

    def as_dict(self) -> dict[str, Any]:
        error = None
        if self.error is not None:
            error = {"type": type(self.error).__name__, "message": str(self.error)}
        return {
            "totals": self.totals(),
            "files": [o.__dict__ for o in self.outcomes],
            "pruned": self.pruned,
            "repaired": [r.__dict__ for r in self.repaired],
            "warnings": [w.__dict__ for w in self.warnings],
            "error": error,
        }


class Budget:
    """A file's time budget: `check` raises `InputError` once it is spent."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def check(self, stage: str) -> None:
        if time.monotonic() > self.deadline:
            raise InputError(
                self.path,
                f"took over {self.seconds:g} s to index, stopped while {stage}",
                "split the file, or raise max_file_seconds in summarizer.toml",
            )


@dataclass
class _Pending:
    """A report loaded, parsed, its facts extracted and its chunks counted: waiting to be embedded
    (alone, or with the next small reports) and written."""

    path: Path
    report: Report
    chunks: list[Chunk]
    tokens: int
    stored: StoredReport | None
    outcome: FileOutcome
    write_facts: Callable[[], None] | None
    budget: Budget
    written: bool = False


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
    below = sum(1 for other in names if other < path.name) - 0.5
    position = min(range(len(names)), key=lambda i: (abs(below - i), i))
    return siblings[position][1]


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
    ledger: Journal | None = None
    chunk_tokens: int = 400
    min_chunk_tokens: int = 40
    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_file_tokens: int = DEFAULT_MAX_FILE_TOKENS
    max_file_seconds: float = DEFAULT_MAX_FILE_SECONDS
    today: Callable[[], date] = date.today

    def ingest_file(
        self, path: Path, report_date: date | None = None, near: date | None = None
    ) -> FileOutcome:
        """Ingest one file now; whatever goes wrong with this file becomes its skip reason.

        Only errors of the index itself (`SummarizerError` other than `InputError`: the store or
        ledger cannot be written) propagate, because every following file would meet them too.
        """
        prepared = self._prepare(path, report_date, near)
        if isinstance(prepared, FileOutcome):
            return prepared
        return self._flush([prepared])[0]

    def _guard(self, source: str, work: Callable[[], T]) -> T | FileOutcome:
        """Run one file's work; its failures become its skipped outcome."""
        try:
            return work()
        except ReportDateError as exc:
            return FileOutcome(source, "skipped", reason=exc.reason + f" ({exc.hint})", undated=True)
        except InputError as exc:
            reason = exc.reason + (f" ({exc.hint})" if exc.hint else "")
            return FileOutcome(source, "skipped", reason=reason)
        except SummarizerError:
            raise
        except OSError as exc:
            return FileOutcome(source, "skipped", reason=f"cannot read: {exc.strerror or exc}")
        except Exception as exc:
            # A bug or a limit this input found (RecursionError, a decoder's error...): the file
            # is skipped with the exception's type so the report can be fixed, the run goes on.
            return FileOutcome(source, "skipped", reason=f"{type(exc).__name__}: {_short(exc)}")

    def _prepare(
        self,
        path: Path,
        report_date: date | None,
        near: date | None = None,
        stored: dict[str, StoredReport] | None = None,
    ) -> FileOutcome | _Pending:
        """Everything before the embedding, or the file's outcome when nothing is left to do
        (skipped, or unchanged). `stored`: the store's reports, when read once for a folder."""
        source = source_name(path)
        known = stored.get(source) if stored is not None else None
        if stored is None:
            known = self._guard(source, lambda: self.store.stored_report(source))  # type: ignore[assignment]
            if isinstance(known, FileOutcome):
                return known
        current = getattr(self.ledger, "current", None)
        if known is not None and known.complete and report_date is None and near is None:
            digest = _file_hash(path, self.max_file_bytes)
            if digest == known.report_hash and (self.ledger is None or (current and current(source, digest))):
                return FileOutcome(
                    source,
                    "unchanged",
                    week=known.week,
                    date=known.date,
                    chunks_unchanged=len(known.chunk_ids),
                )
        return self._guard(source, lambda: self._load(path, source, report_date, near, known))

    def _load(
        self,
        path: Path,
        source: str,
        report_date: date | None,
        near: date | None,
        stored: StoredReport | None,
    ) -> FileOutcome | _Pending:
        budget = Budget(path, self.max_file_seconds)
        doc = load_document(path, self.max_file_bytes)
        report = parse_report(doc, source, report_date, near)
        budget.check("parsing")
        # The ledger's pure work (fact extraction) before any write: a report whose facts cannot
        # be extracted is skipped whole instead of leaving chunks without facts.
        write_facts = self.ledger.prepare(report) if self.ledger is not None else None
        budget.check("extracting facts")
        outcome = FileOutcome(source, "added", week=report.week, date=report.date.isoformat())
        if stored is not None and stored.complete and stored.report_hash == report.content_hash:
            outcome.status = "unchanged"
            outcome.chunks_unchanged = len(stored.chunk_ids)
            if write_facts is not None:
                write_facts()
            return outcome
        # The document's own count first: a file far over the budget is refused before chunking.
        self._check_tokens(path, self._count_upto(doc.text, self.max_file_tokens))
        limit = TokenLimit(self.embedder.count_tokens, self.embedder.window)
        chunks = chunk_report(report, self.chunk_tokens, self.min_chunk_tokens, limit)
        budget.check("chunking")
        tokens = sum(c.embed_tokens or self.embedder.count_tokens(c.embed_text) for c in chunks)
        self._check_tokens(path, tokens)
        return _Pending(path, report, chunks, tokens, stored, outcome, write_facts, budget)

    def _flush(self, batch: list[_Pending]) -> list[FileOutcome]:
        """Embed the batch (one report: in bounded calls within its time budget; several small
        ones: together), then write each report; a failure of one report skips only that one."""
        if len(batch) == 1:
            pending = batch[0]
            source = pending.report.source
            vectors = self._guard(source, lambda: self._embed(pending.path, pending.chunks, pending.budget))
            if isinstance(vectors, FileOutcome):
                return [vectors]
            return [self._write(pending, vectors)]
        try:
            texts = [c.embed_text for p in batch for c in p.chunks]
            counts = [
                c.embed_tokens or self.embedder.count_tokens(c.embed_text) for p in batch for c in p.chunks
            ]
            everything = self._embed_texts(texts, counts, None)
        except SummarizerError as exc:
            if isinstance(exc, InputError):
                return [o for p in batch for o in self._flush([p])]
            raise
        except Exception:
            # Which report broke the shared call is unknown: each goes alone, so only it is skipped.
            return [o for p in batch for o in self._flush([p])]
        out, start = [], 0
        for pending in batch:
            vectors = everything[start : start + len(pending.chunks)]
            start += len(pending.chunks)
            out.append(self._write(pending, vectors))
        return out

    def _write(self, pending: _Pending, vectors: np.ndarray) -> FileOutcome:
        source = pending.report.source

        def write() -> FileOutcome:
            stored, chunks, outcome = pending.stored, pending.chunks, pending.outcome
            kept = set(stored.chunk_ids) if stored else set()
            # Ledger first: the mark says "being written" until the facts below are stored.
            if self.ledger is not None:
                self.ledger.begin(source, "write")
            written, removed = self.store.replace_report(source, chunks, vectors)
            outcome.status = "updated" if stored is not None else "added"
            outcome.chunks_unchanged = sum(1 for c in chunks if c.id in kept)
            outcome.chunks_added = written - outcome.chunks_unchanged
            outcome.chunks_removed = removed
            if pending.write_facts is not None:
                pending.write_facts()  # clears the mark in the same transaction
            elif self.ledger is not None:
                self.ledger.finish(source)
            pending.written = True
            return outcome

        return self._guard(source, write)  # type: ignore[return-value]

    def remove(self, source: str) -> int:
        """Remove a report from both sides, crash-consistently; returns the chunks removed.

        The mark comes first and goes with the ledger's rows, so a kill anywhere in between
        leaves a `pending-remove` that the next run finishes.
        """
        if self.ledger is not None:
            self.ledger.begin(source, "remove")
        removed = self.store.remove_report(source)
        if self.ledger is not None:
            self.ledger.remove_report(source)
        return removed

    def problems(self) -> tuple[list[Problem], dict[str, StoredReport]]:
        """Where ledger and store disagree now (nothing without a ledger), and the store's reports."""
        stored = self.store.stored_reports()
        if self.ledger is None:
            return [], stored
        return find_problems(stored, self.ledger.stored(), self.ledger.pending()), stored

    def reconcile(self) -> list[Repair]:
        """Repair every disagreement: re-ingest the report from its file when it exists (with the
        date the store knew, if the file needed `--date`), else remove it from both sides."""
        problems, stored = self.problems()
        dates = {report: facts[1] for report, facts in (self.ledger.stored() if self.ledger else {}).items()}
        dates.update({report: known.date for report, known in stored.items()})
        repairs = []
        for problem in problems:
            action = "removed"
            if problem.fix == "reingest":
                path = Path(problem.report)
                outcome = self.ingest_file(path)
                day = dates.get(problem.report)
                if outcome.status == "skipped" and day and outcome.reason.startswith(NO_DATE):
                    outcome = self.ingest_file(path, date.fromisoformat(day))
                if outcome.status != "skipped":
                    if self.ledger is not None and problem.kind == "pending-write":
                        self.ledger.finish(problem.report)  # re-ingest found nothing left to write
                    repairs.append(Repair(problem.report, problem.description, "re-ingested"))
                    continue
                action = f"removed (its file cannot be ingested: {outcome.reason})"
            self.remove(problem.report)
            repairs.append(Repair(problem.report, problem.description, action))
        return repairs

    def _count_upto(self, text: str, limit: int, block: int = 65_536) -> int:
        """The text's token count, summed over blocks and stopped once past `limit`."""
        total = 0
        for start in range(0, len(text), block):
            total += self.embedder.count_tokens(text[start : start + block])
            if total > limit:
                break
        return total

    def _check_tokens(self, path: Path, tokens: int) -> None:
        if tokens > self.max_file_tokens:
            raise InputError(
                path,
                f"needs at least {tokens:,} embedder tokens, over the per-file budget of {self.max_file_tokens:,}",
                "split the file, or raise max_file_tokens in summarizer.toml",
            )

    def _embed(self, path: Path, chunks: Sequence[Chunk], budget: Budget) -> np.ndarray:
        """Vectors for the chunks, within the file's token budget, in bounded calls."""
        counts = [c.embed_tokens or self.embedder.count_tokens(c.embed_text) for c in chunks]
        self._check_tokens(path, sum(counts))
        return self._embed_texts([c.embed_text for c in chunks], counts, budget)

    def _embed_texts(self, texts: list[str], counts: list[int], budget: Budget | None) -> np.ndarray:
        """Vectors in calls of at most `EMBED_BATCH_TOKENS` (or one text), the budget checked
        between calls."""
        parts = []
        start = 0
        while start < len(texts):
            end, used = start + 1, counts[start]
            while end < len(texts) and used + counts[end] <= EMBED_BATCH_TOKENS:
                used += counts[end]
                end += 1
            if budget is not None:
                budget.check(f"embedding ({start} of {len(texts)} chunks done)")
            parts.append(self.embedder.embed_passages(texts[start:end]))
            start = end
        return np.vstack(parts) if parts else self.embedder.embed_passages([])

    def ingest(
        self,
        paths: Iterable[Path],
        report_date: date | None = None,
        prune: bool = False,
        on_file: Callable[[Path], None] | None = None,
        on_done: Callable[[FileOutcome], None] | None = None,
    ) -> IngestSummary:
        """Ingest files and folders; a store-wide failure stops the run and is kept in
        `summary.error` (never raised), so callers can always show what went in."""
        summary = IngestSummary()
        batch: list[tuple[int, _Pending]] = []
        try:
            summary.repaired = self.reconcile()
            undated: list[tuple[int, Path]] = []
            found_paths = list(walk_reports(paths))
            # Many files: one read of the store's bookkeeping instead of one query per file.
            files = sum(1 for f in found_paths if not isinstance(f, Skip))
            stored = self.store.stored_reports() if files > 20 else None

            def flush() -> None:
                for (index, _), outcome in zip(batch, self._flush([p for _, p in batch]), strict=True):
                    summary.outcomes[index] = outcome
                    if on_done:
                        on_done(outcome)
                batch.clear()

            try:
                for found in found_paths:
                    if isinstance(found, Skip):
                        summary.outcomes.append(
                            FileOutcome(source_name(found.path), "skipped", reason=found.reason)
                        )
                        continue
                    if on_file:
                        on_file(found)
                    prepared = self._prepare(found, report_date, None, stored)
                    index = len(summary.outcomes)
                    if isinstance(prepared, FileOutcome):
                        if prepared.undated:
                            undated.append((index, found))
                        summary.outcomes.append(prepared)
                        if on_done:
                            on_done(prepared)
                        continue
                    summary.outcomes.append(prepared.outcome)
                    batch.append((index, prepared))
                    if sum(p.tokens for _, p in batch) >= EMBED_BATCH_TOKENS:
                        flush()
                flush()
            except SummarizerError:
                for index, pending in batch:
                    if pending.written:
                        continue
                    # Prepared, never written: the run stopped first.
                    summary.outcomes[index] = FileOutcome(
                        summary.outcomes[index].path, "skipped", reason="not written: the run stopped"
                    )
                raise
            # A title that writes only day and month ("Cycle 24 (Mar 17 – Mar 28)") takes its
            # year from the nearest sibling report that has one, once the folder's dates are known.
            for index, path in undated:
                near = nearest_sibling_date(path, summary.outcomes)
                if near is not None:
                    summary.outcomes[index] = self.ingest_file(path, report_date, near)
            if prune:
                # After reconcile both sides hold the same reports; prune the ones whose file is gone.
                for report in sorted(self.store.stored_reports()):
                    if not Path(report).exists():
                        summary.chunks_pruned += self.remove(report)
                        summary.pruned.append(report)
        except InputError:
            raise  # never escapes ingest_file; a bug if it does
        except SummarizerError as exc:
            summary.error = exc
        summary.warnings = date_warnings(summary.outcomes, self.today())
        return summary


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
