"""Reading a folder's reports in worker processes changes nothing but the time it takes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import index.ingest as ingest_module
from index.chroma_client import collection_name, make_client
from index.embed import CachedEmbedder, LocalEmbedder
from index.ingest import Ingestor
from index.ledger.store import Ledger
from index.parallel_load import ReadJob, read_all
from index.store import VectorStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


def _ingestor(home: Path, jobs: int, cache: Path) -> Ingestor:
    embedder = CachedEmbedder(LocalEmbedder(), cache)
    store = VectorStore(
        make_client(home / "chroma", None), collection_name(embedder.name, 400, 40), embedder.name
    )
    return Ingestor(store, embedder, ledger=Ledger.open(home / "ledger.sqlite"), jobs=jobs, parallel_from=2)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    shutil.copytree(EXAMPLES, reports)
    (reports / "payments-zh" / "2025-W03.md").write_bytes(b"\x00\x01PK\x03\x04" * 64)  # binary
    (reports / "platform-en" / "2025-06-06.md").write_text("", encoding="utf-8")  # empty
    (reports / "platform-en" / "notes.md").write_text("# Notes\n\n- nothing dated here\n", encoding="utf-8")
    return reports


def _state(ingestor: Ingestor) -> tuple[object, ...]:
    assert ingestor.ledger is not None
    page = ingestor.store.collection.get(include=["documents"])
    return (
        sorted(zip(page["ids"], page["documents"], strict=True)),
        sorted(ingestor.ledger._conn.execute("SELECT source, kind, seq, subject, payload FROM facts")),  # type: ignore[attr-defined]
    )


def test_workers_read_a_folder_into_the_same_index_and_ledger(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_by_workers: list[int] = []

    def counted(jobs: list[ReadJob], workers: int) -> Iterator[object]:
        read_by_workers.append(len(jobs))
        return read_all(jobs, workers)

    monkeypatch.setattr(ingest_module, "read_all", counted)
    # One embedding cache: the vectors are a function of the text (the second run embeds nothing);
    # what is compared is what the workers read, chunk and store.
    cache = tmp_path / "embeddings.sqlite"
    alone, together = _ingestor(tmp_path / "one", 1, cache), _ingestor(tmp_path / "two", 2, cache)
    serial = alone.ingest([folder])
    assert read_by_workers == []
    parallel = together.ingest([folder])
    assert read_by_workers == [25]  # every file the walk found, the bad ones too

    def outcomes(summary: object) -> list[tuple[str, str, str, str | None]]:
        return [(Path(o.path).name, o.status, o.reason, o.week) for o in summary.outcomes]  # type: ignore[attr-defined]

    assert outcomes(parallel) == outcomes(serial)
    skipped = {name: reason for name, status, reason, _ in outcomes(parallel) if status == "skipped"}
    assert set(skipped) == {"2025-W03.md", "2025-06-06.md", "notes.md"}  # the others all went in
    assert parallel.totals()["added"] == 22
    assert _state(together) == _state(alone)
    # a second run reads nothing again: every report is unchanged, in the workers' path too
    assert together.ingest([folder]).totals()["unchanged"] == 22
