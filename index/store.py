"""What the index stores in Chroma and reads back: a report's chunks replaced as one, the
stored-report manifest, queries, all under the store gate.

The client and the collection (embedded or a `chroma run` server, named by a hash of the
settings that shape vectors) are `chroma_client.py`'s. Chroma itself is the source of truth for
what a report has indexed (no side manifest to drift from a shared server).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from index.chroma_client import Embedded, describe_client, local_path, open_collection
from index.chunk import Chunk
from index.crash import write_point
from index.errors import StoreError
from index.failures import store_failure

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

T = TypeVar("T")


class StaleRead(Exception):
    """A read named a chunk the store no longer has: the reader's view is stale."""


# A failed read is retried this many times (reopening the store in between), with short pauses.
READ_ATTEMPTS = 3
READ_BACKOFF_S = (0.05, 0.2)


@dataclass
class StoredReport:
    """What the store holds for one report: its content hash, chunk ids and whether it is complete."""

    report: str
    report_hash: str
    chunk_ids: list[str]
    complete: bool
    date: str
    week: str
    week_label: str


def chunk_metadata(chunk: Chunk, chunk_count: int) -> dict[str, str | int]:
    """Chroma metadata (no None values: Chroma rejects them)."""
    return {
        "report": chunk.report,
        "report_hash": chunk.report_hash,
        "chunk_count": chunk_count,
        "date": chunk.date,
        "week": chunk.week,
        "week_int": chunk.week_int,
        "week_label": chunk.week_label,
        "section": chunk.section,
        "sections": " || ".join(chunk.sections),
        "kind": chunk.kind,
        "line_start": chunk.start,
        "line_end": chunk.end,
    }


class VectorStore:
    """A Chroma collection of report chunks with report-level bookkeeping.

    With an `Embedded` handle every read holds the gate shared and every group of writes holds it
    exclusively, so a reader never sees half a write and never keeps a stale view; reads that
    fail anyway (a store written by a program that does not take the gate) are retried, bounded,
    after reopening. Against a server, reads are retried on its transient errors. Every failure
    left is a `StoreError` saying what could not be done.
    """

    def __init__(
        self, client: ClientAPI | None, name: str, embedder_name: str, embedded: Embedded | None = None
    ) -> None:
        self._client = client
        self.name = name
        self.embedder_name = embedder_name
        self.embedded = embedded
        self.where = str(embedded.path) if embedded else describe_client(client)
        self._local = embedded.path if embedded else local_path(client)
        self._collection: Collection | None = None
        self._seen_chunks = False
        if embedded is None:
            if client is None:
                raise ValueError("a VectorStore needs a client or an Embedded handle")
            try:
                self._collection = open_collection(client, name, embedder_name)
                self.batch_size = max(1, min(int(client.get_max_batch_size()), 1000))
            except Exception as exc:
                raise store_failure(exc, f"open collection {name}", self.where, self._local) from exc
        else:
            # A read: opening (and creating) the collection happens under the gate held exclusively.
            self._read(lambda c: c.count())
            assert embedded.client is not None
            self.batch_size = max(1, min(int(embedded.client.get_max_batch_size()), 1000))

    @property
    def client(self) -> ClientAPI | None:
        return self.embedded.client if self.embedded is not None else self._client

    @property
    def collection(self) -> Collection:
        """The current collection object (reopened stores give a new one). Not gated: for tests
        and single-process callers; everything here goes through `_read` and `_write`."""
        if self.embedded is None:
            assert self._collection is not None
            return self._collection
        return self.embedded.collection(self.name, self.embedder_name)

    @contextmanager
    def session(self) -> Iterator[None]:
        """Read several times from one state: the gate is held shared for the whole block (a
        writer waits for it, and queued writers keep new sessions out), after reopening once if
        the view was stale. An `ask` runs in one session: its reads cannot straddle a write, and
        it reopens the store at most once however much the ingest writes meanwhile."""
        handle = self.embedded
        if handle is None or handle.gate.held():
            yield
            return
        while True:
            with handle.gate.shared() as generation:
                if handle.client is not None and handle.seen == generation:
                    yield
                    return
            with handle.gate.exclusive() as generation:
                if handle.client is None or handle.seen != generation:
                    handle.reopen()
                    self.collection.count()  # Chroma replays its log here: under the lock
                    handle.seen = generation

    def _read(self, fn: Callable[[Collection], T]) -> T:
        failures: list[Exception] = []
        while True:
            try:
                if self.embedded is None:
                    return fn(self.collection)
                handle = self.embedded
                if handle.gate.held():
                    return fn(self.collection)  # inside a session (or a write): its state is current
                if not failures:
                    with handle.gate.shared() as generation:
                        if handle.client is not None and handle.seen == generation:
                            return fn(self.collection)
                with handle.gate.exclusive() as generation:
                    if failures or handle.client is None or handle.seen != generation:
                        handle.reopen()
                        self.collection.count()  # Chroma replays its log here: under the lock
                        handle.seen = generation
                    return fn(self.collection)  # still exclusive: no writer in between
            except StoreError:
                raise
            except Exception as exc:
                failures.append(exc)
                if len(failures) >= READ_ATTEMPTS:
                    if isinstance(exc, StaleRead):
                        raise StoreError(
                            f"the vector store at {self.where} kept changing while read"
                        ) from exc
                    raise store_failure(exc, "read the vector store", self.where, self._local) from exc
                time.sleep(READ_BACKOFF_S[min(len(failures), len(READ_BACKOFF_S)) - 1])

    def _write(self, fn: Callable[[Collection], T]) -> T:
        try:
            if self.embedded is None:
                return fn(self.collection)
            handle = self.embedded
            with handle.gate.exclusive(bump=True) as generation:
                if handle.client is None or handle.seen != generation:
                    handle.reopen()
                try:
                    return fn(self.collection)
                finally:
                    handle.seen = generation + 1  # our own writes: our view is current
        except StoreError:
            raise
        except Exception as exc:
            raise store_failure(exc, "write the vector store", self.where, self._local) from exc

    def count(self) -> int:
        return self._read(lambda c: int(c.count()))

    def stored_reports(self) -> dict[str, StoredReport]:
        """Every report in the collection, read from chunk metadata (one consistent read)."""

        def read(collection: Collection) -> dict[str, StoredReport]:
            metas_by_report: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for chunk_id, meta, _, _ in _pages(collection, ["metadatas"]):
                metas_by_report.setdefault(str(meta["report"]), []).append((chunk_id, meta))
            return {report: _summarise(report, rows) for report, rows in metas_by_report.items()}

        return self._read(read)

    def ids(self) -> set[str]:
        """Every chunk id in the collection."""
        return self._read(lambda c: {chunk_id for chunk_id, _, _, _ in _pages(c, [])})

    def rows(self) -> list[tuple[str, dict[str, Any], str]]:
        """(id, metadata, document) of every chunk (one consistent read)."""
        return self._read(lambda c: [row[:3] for row in _pages(c, ["documents", "metadatas"])])

    def rows_with_vectors(self) -> list[tuple[str, dict[str, Any], str, np.ndarray]]:
        """(id, metadata, document, vector) of every chunk (one consistent read): what an exact
        dense ranking needs beside the rows."""

        def read(collection: Collection) -> list[tuple[str, dict[str, Any], str, np.ndarray]]:
            rows = []
            for chunk_id, meta, doc, vector in _pages(collection, ["documents", "metadatas", "embeddings"]):
                if vector is None:
                    raise StaleRead("a chunk without its vector")
                rows.append((chunk_id, meta, doc, vector))
            return rows

        return self._read(read)

    def stored_report(self, report: str) -> StoredReport | None:
        return self._read(lambda c: _stored_report(c, report))

    def replace_report(self, report: str, chunks: Sequence[Chunk], vectors: np.ndarray) -> tuple[int, int]:
        """Upsert a report's chunks, then delete its stale ones; returns (written, removed)."""
        return self.replace_reports([(report, chunks, vectors)])[0]

    def replace_reports(
        self, reports: Sequence[tuple[str, Sequence[Chunk], np.ndarray]]
    ) -> list[tuple[int, int]]:
        """Upsert the reports' chunks, then delete their stale ones; (written, removed) per report.

        One group of writes: readers wait for it (milliseconds) instead of seeing half of it.
        Upsert-then-delete means a crash in between leaves extra chunks, never missing ones, and
        the mixed hashes mark a report incomplete so the next ingest redoes it. Several reports
        share calls: an embedded upsert costs ~50 ms whatever it holds, which was most of an
        ingest of many small reports (one call per report: 110 s of the zoo's 2,237).
        """

        def write(collection: Collection) -> list[tuple[int, int]]:
            before = _stored_reports(collection, [report for report, _, _ in reports])
            rows = [
                (chunk, vector, len(chunks))
                for _, chunks, vectors in reports
                for chunk, vector in zip(chunks, vectors, strict=True)
            ]
            for start in range(0, len(rows), self.batch_size):
                batch = rows[start : start + self.batch_size]
                write_point(f"chroma upsert {batch[0][0].report}")
                collection.upsert(
                    ids=[chunk.id for chunk, _, _ in batch],
                    embeddings=[vector.tolist() for _, vector, _ in batch],
                    documents=[chunk.body for chunk, _, _ in batch],
                    metadatas=[chunk_metadata(chunk, count) for chunk, _, count in batch],  # type: ignore[misc]
                )
            counts, stale = [], []
            for report, chunks, _ in reports:
                ids = {c.id for c in chunks}
                gone = [i for i in (before[report].chunk_ids if report in before else []) if i not in ids]
                stale += gone
                counts.append((len(chunks), len(gone)))
            self._delete(collection, stale)
            return counts

        return self._write(write)

    def _delete(self, collection: Collection, ids: Sequence[str]) -> None:
        self._seen_chunks = False
        for start in range(0, len(ids), self.batch_size):
            write_point("chroma delete")
            collection.delete(ids=list(ids[start : start + self.batch_size]))

    def delete_ids(self, ids: Sequence[str]) -> None:
        self._write(lambda c: self._delete(c, ids))

    def remove_report(self, report: str) -> int:
        def write(collection: Collection) -> int:
            stored = _stored_report(collection, report)
            if stored is None:
                return 0
            self._delete(collection, stored.chunk_ids)
            return len(stored.chunk_ids)

        return self._write(write)

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float, dict[str, Any], str]]:
        """(id, cosine similarity, metadata, document) of the k nearest chunks."""

        def read(collection: Collection) -> list[tuple[str, float, dict[str, Any], str]]:
            if not self._seen_chunks:
                # An empty collection has nothing to rank; checked once per handle (until it
                # deletes), since `count()` is not free on a large collection.
                if collection.count() == 0:
                    return []
                self._seen_chunks = True
            result = collection.query(
                query_embeddings=[vector.tolist()],
                n_results=k,
                where=where,
                include=["metadatas", "documents", "distances"],
            )
            ids = result["ids"][0]
            distances = (result["distances"] or [[]])[0]
            metas = (result["metadatas"] or [[]])[0]
            docs = (result["documents"] or [[]])[0]
            if any(meta is None for meta in metas):
                raise StaleRead("a hit without metadata: deleted since this view was loaded")
            return [
                (i, 1.0 - float(d), dict(m), doc or "")
                for i, d, m, doc in zip(ids, distances, metas, docs, strict=False)
            ]

        return self._read(read)


def _pages(
    collection: Collection, include: list[str]
) -> Iterator[tuple[str, dict[str, Any], str, np.ndarray | None]]:
    """(id, metadata, document, vector) of every chunk, 5,000 at a time; what `include` leaves
    out is empty (the vector None)."""
    total = int(collection.count())
    for offset in range(0, total, 5000):
        page = collection.get(include=include, limit=5000, offset=offset)  # type: ignore[arg-type]
        blank: list[Any] = [None] * len(page["ids"])
        metas: list[Any] = list(page["metadatas"] or blank)
        docs: list[Any] = list(page["documents"] or blank)
        embeddings = page.get("embeddings")
        vectors: list[Any] = blank if embeddings is None else list(embeddings)
        for chunk_id, meta, doc, vector in zip(page["ids"], metas, docs, vectors, strict=False):
            if "metadatas" in include and meta is None:
                raise StaleRead("a chunk without metadata")
            array = None if vector is None else np.asarray(vector, dtype=np.float32)
            yield str(chunk_id), dict(meta or {}), str(doc or ""), array


def _stored_report(collection: Collection, report: str) -> StoredReport | None:
    return _stored_reports(collection, [report]).get(report)


def _stored_reports(collection: Collection, reports: Sequence[str]) -> dict[str, StoredReport]:
    """The named reports that have chunks stored: one read, whatever their number."""
    if not reports:
        return {}
    wanted = list(dict.fromkeys(reports))
    where: dict[str, Any] = {"report": wanted[0] if len(wanted) == 1 else {"$in": wanted}}
    page = collection.get(where=where, include=["metadatas"])  # type: ignore[arg-type]
    by_report: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for chunk_id, meta in zip(page["ids"], page["metadatas"] or [], strict=False):
        row = dict(meta or {})
        by_report.setdefault(str(row.get("report", "")), []).append((chunk_id, row))
    return {report: _summarise(report, rows) for report, rows in by_report.items() if report in wanted}


def _summarise(report: str, rows: list[tuple[str, dict[str, Any]]]) -> StoredReport:
    """A report is complete when all its chunks share one hash and their count matches chunk_count."""
    hashes = {str(meta["report_hash"]) for _, meta in rows}
    expected = {int(meta.get("chunk_count", 0)) for _, meta in rows}
    first = rows[0][1]
    return StoredReport(
        report=report,
        report_hash=next(iter(hashes)) if len(hashes) == 1 else "",
        chunk_ids=[chunk_id for chunk_id, _ in rows],
        complete=len(hashes) == 1 and expected == {len(rows)},
        date=str(first["date"]),
        week=str(first["week"]),
        week_label=str(first.get("week_label", "")),
    )
