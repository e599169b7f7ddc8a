"""Ingest: files -> load -> parse -> chunk -> embed -> store (+ ledger and lexical hooks).

One bad file never stops the others: each failure becomes a skipped outcome with its reason.
An unchanged report (same content hash, complete in the store and current in the ledger) costs a
file read and two lookups: it is not even parsed. Small reports are embedded together, a batch of
files per call, since an embedding call per report (~6 chunks) is what collapses on a busy CPU.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

import numpy as np

from index.chunk import Chunk, TokenLimit, chunk_report
from index.embed import Embedder
from index.embed_batches import (
    DEFAULT_MAX_FILE_SECONDS,
    DEFAULT_MAX_FILE_TOKENS,
    EMBED_BATCH_TOKENS,
    Budget,
    check_tokens,
    count_upto,
    embed_texts,
)
from index.errors import InputError, SummarizerError
from index.load import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, content_hash
from index.models import Report
from index.outcomes import (
    ASSUMED_YEAR_CENTRE,
    FileOutcome,
    IngestSummary,
    Repair,
    assumed_year_rereads,
    date_warnings,
    guessed_warnings,
    isolate,
    nearest_sibling_date,
    numbered_warnings,
    year_warnings,
)
from index.parallel_load import ReadJob, ReadReport, read_all, read_report
from index.parse import NO_DATE
from index.reconcile import Problem, find_problems
from index.series_numbers import numbered_date
from index.store import StoredReport, VectorStore
from index.walk import Skip, source_name, walk_reports

# Embedded reports written together once they hold this many chunks (~30 ordinary reports): an
# embedded Chroma upsert costs ~50 ms however little it holds, so writing report by report was
# most of the ingest of a folder of small reports. A run that stops loses at most this much work.
WRITE_BATCH_CHUNKS = 256


class Journal(Protocol):
    """The ledger as the ingest sees it: per-report facts, kept in step with the store, and the
    journal that makes the two crash-consistent (index/reconcile.py).

    Two phases, so that a report whose facts cannot be extracted is skipped before anything is
    written: `prepare` does the pure work and returns the write (None when nothing changed). The
    write, `remove_report` and `finish` clear the report's journal mark; `begin` sets it.
    """

    def prepare(self, report: Report, facts: object | None = None) -> Callable[[], None] | None: ...

    def remove_report(self, source: str) -> None: ...

    def begin(self, source: str, op: str) -> None: ...

    def finish(self, source: str) -> None: ...

    def pending(self) -> dict[str, str]: ...

    def stored(self) -> dict[str, tuple[str, str]]: ...


# A journal may also say `current(source, content_hash) -> bool`: this exact content's facts are
# stored, so an unchanged file need not be parsed at all (the ledger does); and `extractor`, the
# module-level function `prepare` extracts facts with, so that workers can extract them beforehand
# and hand them to `prepare` (index/parallel_load.py).

# A folder with at least this many files to read is read by worker processes: below it, starting
# them (~2 s each, spawned) costs more than they save.
PARALLEL_FROM = 48


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
    jobs: int = 1
    """Processes that read (parse and extract) a folder's files; 1 reads them in this one."""
    parallel_from: int = PARALLEL_FROM

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
            known = isolate(source, lambda: self.store.stored_report(source))  # type: ignore[assignment]
            if isinstance(known, FileOutcome):
                return known
        if report_date is None and near is None and (same := self._unchanged(path, source, known)):
            return same
        return isolate(source, lambda: self._load(path, source, report_date, near, known))

    def _readings(
        self, found_paths: list[Path | Skip], report_date: date | None, stored: dict[str, StoredReport] | None
    ) -> Iterator[FileOutcome | _Pending]:
        """What `_prepare` makes of each found file that is not a `Skip`, in order. With `jobs` > 1
        and many files to read, worker processes load, parse and extract them (index/parallel_load.py)."""
        files = [found for found in found_paths if not isinstance(found, Skip)]
        if self.jobs < 2 or len(files) < self.parallel_from:
            for path in files:
                yield self._prepare(path, report_date, None, stored)
            return
        stored = stored if stored is not None else self.store.stored_reports()
        unchanged: dict[Path, FileOutcome] = {}
        jobs: list[ReadJob] = []
        extract = getattr(self.ledger, "extractor", None)
        for path in files:
            source = source_name(path)
            if report_date is None and (same := self._unchanged(path, source, stored.get(source))):
                unchanged[path] = same
            else:
                jobs.append(
                    ReadJob(path, source, report_date, self.max_file_bytes, self.max_file_seconds, extract)
                )
        reads = read_all(jobs, min(self.jobs, len(jobs))) if len(jobs) >= self.parallel_from else None
        try:
            for path in files:
                if path in unchanged:
                    yield unchanged[path]
                    continue
                source = source_name(path)
                read = next(reads) if reads is not None else None
                if isinstance(read, FileOutcome):
                    yield read
                    continue
                load = functools.partial(
                    self._load, path, source, report_date, None, stored.get(source), read
                )
                yield isolate(source, load)
        finally:
            if reads is not None:
                reads.close()

    def _unchanged(self, path: Path, source: str, known: StoredReport | None) -> FileOutcome | None:
        """The outcome of a file whose exact content is complete in the store and current in the
        ledger (no parsing needed), else None."""
        current = getattr(self.ledger, "current", None)
        if known is None or not known.complete:
            return None
        digest = _file_hash(path, self.max_file_bytes)
        if digest != known.report_hash or (
            self.ledger is not None and not (current and current(source, digest))
        ):
            return None
        return FileOutcome(
            source, "unchanged", week=known.week, date=known.date, chunks_unchanged=len(known.chunk_ids)
        )

    def _load(
        self,
        path: Path,
        source: str,
        report_date: date | None,
        near: date | None,
        stored: StoredReport | None,
        read: ReadReport | None = None,
    ) -> FileOutcome | _Pending:
        """Everything before the embedding; `read`: a worker already loaded, parsed and extracted."""
        if read is None:
            job = ReadJob(path, source, report_date, self.max_file_bytes, self.max_file_seconds, None, near)
            read = read_report(job)
        budget = Budget(path, self.max_file_seconds, read.spent)
        text, report = read.text, read.report
        # The ledger's pure work (fact extraction) before any write: a report whose facts cannot
        # be extracted is skipped whole instead of leaving chunks without facts.
        write_facts = self.ledger.prepare(report, read.facts) if self.ledger is not None else None
        budget.check("extracting facts")
        outcome = FileOutcome(
            source, "added", week=report.week, date=report.date.isoformat(), date_from=report.date_origin
        )
        if (
            stored is not None
            and stored.complete
            and stored.report_hash == report.content_hash
            and stored.date == report.date.isoformat()  # (read again in another year: rewritten)
        ):
            outcome.status = "unchanged"
            outcome.chunks_unchanged = len(stored.chunk_ids)
            if write_facts is not None:
                write_facts()
            return outcome
        # The document's own count first: a file far over the budget is refused before chunking.
        check_tokens(path, count_upto(self.embedder, text, self.max_file_tokens), self.max_file_tokens)
        # Memoised for this file: the chunker counts a chunk's text once to fit it and again for
        # its `embed_tokens`, and the tokenizer costs ~0.7 ms a call.
        limit = TokenLimit(
            functools.lru_cache(maxsize=None)(self.embedder.count_tokens), self.embedder.window
        )
        chunks = chunk_report(report, self.chunk_tokens, self.min_chunk_tokens, limit)
        budget.check("chunking")
        tokens = sum(c.embed_tokens or self.embedder.count_tokens(c.embed_text) for c in chunks)
        check_tokens(path, tokens, self.max_file_tokens)
        return _Pending(path, report, chunks, tokens, stored, outcome, write_facts, budget)

    def _flush(self, batch: list[_Pending]) -> list[FileOutcome]:
        """Embed the batch, then write it (`ingest_file`: one report)."""
        embedded = self._embed_batch(batch)
        ready = [(p, v) for p, v in zip(batch, embedded, strict=True) if not isinstance(v, FileOutcome)]
        written = iter(self._write_many(ready))
        return [v if isinstance(v, FileOutcome) else next(written) for v in embedded]

    def _embed_batch(self, batch: list[_Pending]) -> list[np.ndarray | FileOutcome]:
        """Vectors per report (one report: in bounded calls within its time budget; several small
        ones: together); a failure of one report becomes only its skipped outcome."""
        if len(batch) == 1:
            pending = batch[0]
            source = pending.report.source
            return [isolate(source, lambda: self._embed(pending.path, pending.chunks, pending.budget))]
        try:
            texts = [c.embed_text for p in batch for c in p.chunks]
            counts = [
                c.embed_tokens or self.embedder.count_tokens(c.embed_text) for p in batch for c in p.chunks
            ]
            everything = embed_texts(self.embedder, texts, counts, None)
        except SummarizerError as exc:
            if isinstance(exc, InputError):
                return [v for p in batch for v in self._embed_batch([p])]
            raise
        except Exception:
            # Which report broke the shared call is unknown: each goes alone, so only it is skipped.
            return [v for p in batch for v in self._embed_batch([p])]
        out: list[np.ndarray | FileOutcome] = []
        start = 0
        for pending in batch:
            out.append(everything[start : start + len(pending.chunks)])
            start += len(pending.chunks)
        return out

    def _write_many(self, ready: list[tuple[_Pending, np.ndarray]]) -> list[FileOutcome]:
        """Write embedded reports: every journal mark, the chunks of all in shared store calls,
        then each report's facts (which clear its mark). A crash anywhere leaves marks that the
        next run's reconcile finishes; a failure of one report's facts skips only that one."""
        if not ready:
            return []
        if self.ledger is not None:
            for pending, _ in ready:
                self.ledger.begin(pending.report.source, "write")
        counts = self.store.replace_reports([(p.report.source, p.chunks, v) for p, v in ready])
        return [self._finish(pending, *count) for (pending, _), count in zip(ready, counts, strict=True)]

    def _finish(self, pending: _Pending, written: int, removed: int) -> FileOutcome:
        source = pending.report.source

        def finish() -> FileOutcome:
            stored, chunks, outcome = pending.stored, pending.chunks, pending.outcome
            kept = set(stored.chunk_ids) if stored else set()
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

        return isolate(source, finish)  # type: ignore[return-value]

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

    def _embed(self, path: Path, chunks: Sequence[Chunk], budget: Budget) -> np.ndarray:
        """Vectors for the chunks, within the file's token budget, in bounded calls."""
        counts = [c.embed_tokens or self.embedder.count_tokens(c.embed_text) for c in chunks]
        check_tokens(path, sum(counts), self.max_file_tokens)
        return embed_texts(self.embedder, [c.embed_text for c in chunks], counts, budget)

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
        batch: list[tuple[int, _Pending]] = []  # prepared, waiting to be embedded
        ready: list[tuple[int, _Pending, np.ndarray]] = []  # embedded, waiting to be written
        assumed: list[int] = []  # outcomes whose year no report of their folder wrote
        numbered: list[int] = []  # outcomes dated by their number among their siblings
        try:
            summary.repaired = self.reconcile()
            undated: list[tuple[int, Path]] = []
            found_paths = list(walk_reports(paths))
            # Many files: one read of the store's bookkeeping instead of one query per file.
            files = sum(1 for f in found_paths if not isinstance(f, Skip))
            stored = self.store.stored_reports() if files > 20 else None

            def done(index: int, outcome: FileOutcome) -> None:
                summary.outcomes[index] = outcome
                if on_done:
                    on_done(outcome)

            def write() -> None:
                outcomes = self._write_many([(p, v) for _, p, v in ready])
                for (index, _, _), outcome in zip(ready, outcomes, strict=True):
                    done(index, outcome)
                ready.clear()

            def flush() -> None:
                embedded = self._embed_batch([p for _, p in batch])
                for (index, pending), vectors in zip(batch, embedded, strict=True):
                    if isinstance(vectors, FileOutcome):
                        done(index, vectors)
                    else:
                        ready.append((index, pending, vectors))
                batch.clear()
                if sum(len(p.chunks) for _, p, _ in ready) >= WRITE_BATCH_CHUNKS:
                    write()

            try:
                readings = self._readings(found_paths, report_date, stored)
                for found in found_paths:
                    if isinstance(found, Skip):
                        summary.outcomes.append(
                            FileOutcome(source_name(found.path), "skipped", reason=found.reason)
                        )
                        continue
                    if on_file:
                        on_file(found)
                    prepared = next(readings)
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
                write()
            except SummarizerError:
                for index, pending in [*batch, *((i, p) for i, p, _ in ready)]:
                    if pending.written:
                        continue
                    # Prepared, never written: the run stopped first.
                    summary.outcomes[index] = FileOutcome(
                        summary.outcomes[index].path, "skipped", reason="not written: the run stopped"
                    )
                raise
            # A title that writes only day and month ("Cycle 24 (Mar 17 – Mar 28)") takes its
            # year from the nearest sibling report that has one, once the folder's dates are known.
            # Siblings lend only the years their own text wrote, never one lent or assumed here.
            nears = [nearest_sibling_date(path, summary.outcomes) for _, path in undated]
            for (index, path), near in zip(undated, nears, strict=True):
                if near is None:
                    # No report in its folder writes a year: the day and month are read in the
                    # year that puts them within the last twelve months, and the summary says so.
                    near = self.today() - ASSUMED_YEAR_CENTRE
                    assumed.append(index)
                summary.outcomes[index] = self.ingest_file(path, report_date, near)
            undated_paths = dict(undated)
            for index, near in assumed_year_rereads(assumed, summary.outcomes):
                # A weekday settles some of the folder's years (`Fri 2/7` is 2025's); the rest are
                # read again in the year that puts them beside their series, not beside today.
                first, again = (
                    summary.outcomes[index],
                    self.ingest_file(undated_paths[index], report_date, near),
                )
                if first.status == "added" and again.status == "unchanged":
                    continue  # its weekday kept its day: the first reading stands
                if first.status == "added" and again.status == "updated":
                    again.status = "added"  # (added by this run, then re-dated)
                summary.outcomes[index] = again
            numbers: dict[Path, int | None] = {}  # each file's own number, read once
            for index, path in undated:
                # Still no date: an issue numbered like its dated siblings (`第7期`) falls between them.
                left = summary.outcomes[index]
                if left.status != "skipped" or not left.reason.startswith(NO_DATE):
                    continue
                by_number = numbered_date(path, summary.outcomes, numbers)
                if by_number is not None:
                    summary.outcomes[index] = self.ingest_file(path, by_number)
                    numbered.append(index)
                    assumed = [i for i in assumed if i != index]  # its year came from its siblings
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
        summary.warnings += year_warnings(summary.outcomes[i] for i in assumed)
        summary.warnings += numbered_warnings(summary.outcomes[i] for i in numbered)
        summary.warnings += guessed_warnings(summary.outcomes)
        return summary
