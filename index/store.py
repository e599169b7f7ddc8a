"""The Chroma side of the index: one cosine collection per (embedder, chunking settings).

Embedded `PersistentClient` by default, `HttpClient` for a `chroma run` server. The collection
name is derived from a hash of the settings that shape vectors, so changing the embedder or the
chunk size never mixes incompatible vectors in one collection. Chroma itself is the source of
truth for what a report has indexed (no side manifest to drift from a shared server).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

from index.chunk import CHUNK_VERSION, Chunk
from index.crash import write_point

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
from index.errors import ConfigError, StoreError

# Bump when what is embedded changes, so old and new vectors never share a collection.
SCHEMA = "v1"


def collection_name(embedder: str, chunk_tokens: int, min_chunk_tokens: int) -> str:
    shape = f"{SCHEMA}|{CHUNK_VERSION}|{embedder}|{chunk_tokens}|{min_chunk_tokens}"
    digest = hashlib.sha256(shape.encode()).hexdigest()[:10]
    slug = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in embedder)[:40]
    return f"reports-{slug}-{digest}"


def make_client(chroma_path: Path, chroma_url: str | None) -> ClientAPI:
    """An embedded client at `chroma_path`, or an HTTP client when a server URL is given."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    try:
        if chroma_url:
            parsed = urlparse(chroma_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ConfigError(f"--chroma-url must look like http://host:port, got '{chroma_url}'")
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=settings,
            )
        chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(chroma_path), settings=settings)
    except ConfigError:
        raise
    except Exception as exc:
        where = chroma_url or str(chroma_path)
        raise StoreError(f"cannot open the Chroma store at {where}: {exc}") from exc


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
    """A Chroma collection of report chunks with report-level bookkeeping."""

    def __init__(self, client: ClientAPI, name: str, embedder_name: str) -> None:
        self.client = client
        self.name = name
        try:
            self.collection = client.get_or_create_collection(
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": embedder_name, "schema": SCHEMA},
            )
        except Exception as exc:
            raise StoreError(f"cannot open collection {name}: {exc}") from exc
        self.batch_size = max(1, min(int(client.get_max_batch_size()), 1000))

    def count(self) -> int:
        return int(self.collection.count())

    def stored_reports(self) -> dict[str, StoredReport]:
        """Every report in the collection, read from chunk metadata."""
        metas_by_report: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        total = self.count()
        for offset in range(0, total, 5000):
            page = self.collection.get(include=["metadatas"], limit=5000, offset=offset)
            for chunk_id, meta in zip(page["ids"], page["metadatas"] or [], strict=False):
                metas_by_report.setdefault(str(meta["report"]), []).append((chunk_id, dict(meta)))
        return {report: _summarise(report, rows) for report, rows in metas_by_report.items()}

    def ids(self) -> set[str]:
        """Every chunk id in the collection, paged."""
        found: set[str] = set()
        for offset in range(0, self.count(), 5000):
            found.update(self.collection.get(include=[], limit=5000, offset=offset)["ids"])
        return found

    def stored_report(self, report: str) -> StoredReport | None:
        page = self.collection.get(where={"report": report}, include=["metadatas"])
        if not page["ids"]:
            return None
        rows = [(i, dict(m)) for i, m in zip(page["ids"], page["metadatas"] or [], strict=False)]
        return _summarise(report, rows)

    def replace_report(self, report: str, chunks: Sequence[Chunk], vectors: np.ndarray) -> tuple[int, int]:
        """Upsert a report's chunks, then delete its stale ones; returns (written, removed).

        Upsert-then-delete means a crash in between leaves extra chunks, never missing ones, and
        the mixed hashes mark the report incomplete so the next ingest redoes it.
        """
        before = self.stored_report(report)
        ids = [c.id for c in chunks]
        for start in range(0, len(chunks), self.batch_size):
            batch = chunks[start : start + self.batch_size]
            write_point(f"chroma upsert {report}")
            self.collection.upsert(
                ids=[c.id for c in batch],
                embeddings=vectors[start : start + len(batch)].tolist(),
                documents=[c.body for c in batch],
                metadatas=[chunk_metadata(c, len(chunks)) for c in batch],  # type: ignore[misc]
            )
        stale = [i for i in (before.chunk_ids if before else []) if i not in set(ids)]
        self.delete_ids(stale)
        return len(chunks), len(stale)

    def delete_ids(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), self.batch_size):
            write_point("chroma delete")
            self.collection.delete(ids=list(ids[start : start + self.batch_size]))

    def remove_report(self, report: str) -> int:
        stored = self.stored_report(report)
        if stored is None:
            return 0
        self.delete_ids(stored.chunk_ids)
        return len(stored.chunk_ids)

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float, dict[str, Any], str]]:
        """(id, cosine similarity, metadata, document) of the k nearest chunks."""
        if self.count() == 0:
            return []
        result = self.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=k,
            where=where,
            include=["metadatas", "documents", "distances"],
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        metas = (result["metadatas"] or [[]])[0]
        docs = (result["documents"] or [[]])[0]
        return [
            (i, 1.0 - float(d), dict(m), doc)
            for i, d, m, doc in zip(ids, distances, metas, docs, strict=False)
        ]


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
