"""The embedding cache: seed vectors fill a fresh one exactly (never for another model), and a
question asked again is not embedded again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from index.embed import CachedEmbedder, LocalEmbedder
from index.embed_seed import prime_cache, write_seed

TEXTS = ["支付网关 灰度 30%，目标 11 月底上线", "Ledger migration: target moved to 14 March", "第二段"]


def _warm_cache(path: Path) -> tuple[CachedEmbedder, np.ndarray]:
    embedder = CachedEmbedder(LocalEmbedder(), path)
    return embedder, embedder.embed_passages(TEXTS)


def test_a_primed_cache_embeds_nothing_and_returns_the_same_vectors(tmp_path: Path) -> None:
    warm, vectors = _warm_cache(tmp_path / "warm.sqlite")
    assert write_seed(tmp_path / "warm.sqlite", warm.asked, warm.name, tmp_path / "seed.npz") == 3

    assert prime_cache(tmp_path / "cold.sqlite", tmp_path / "seed.npz", warm.name) == 3
    cold = CachedEmbedder(LocalEmbedder(), tmp_path / "cold.sqlite")
    again = cold.embed_passages(TEXTS)
    assert cold.misses == 0 and cold.hits == 3
    assert np.array_equal(again, vectors)  # bit for bit: a seeded run ranks as a cold one does


def test_a_seed_holds_only_the_texts_asked_for(tmp_path: Path) -> None:
    warm, _ = _warm_cache(tmp_path / "warm.sqlite")
    warm.embed_passages(["an old chunk the zoo no longer has"])
    asked_now = {CachedEmbedder._digest(t) for t in TEXTS}
    assert write_seed(tmp_path / "warm.sqlite", asked_now, warm.name, tmp_path / "seed.npz") == 3


def test_a_seed_of_another_model_or_no_seed_primes_nothing(tmp_path: Path) -> None:
    warm, _ = _warm_cache(tmp_path / "warm.sqlite")
    write_seed(tmp_path / "warm.sqlite", warm.asked, warm.name, tmp_path / "seed.npz")
    assert prime_cache(tmp_path / "cold.sqlite", tmp_path / "seed.npz", "text-embedding-3-small") == 0
    assert prime_cache(tmp_path / "cold.sqlite", tmp_path / "missing.npz", warm.name) == 0
    cold = CachedEmbedder(LocalEmbedder(), tmp_path / "cold.sqlite")
    cold.embed_passages(TEXTS)
    assert cold.misses == 3


def test_a_digest_ending_in_zero_bytes_survives_and_rewrites_are_byte_identical(tmp_path: Path) -> None:
    digest = "ab" * 30 + "0000"  # NumPy byte strings would drop these two bytes
    cache = tmp_path / "cache.sqlite"
    with sqlite3.connect(cache) as db:
        db.execute("CREATE TABLE vectors (model TEXT, digest TEXT, vector BLOB, PRIMARY KEY (model, digest))")
        db.execute("INSERT INTO vectors VALUES ('m', ?, ?)", (digest, np.ones(4, np.float32).tobytes()))
    db.close()
    write_seed(cache, [digest], "m", tmp_path / "a.npz")
    write_seed(cache, [digest], "m", tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    prime_cache(tmp_path / "fresh.sqlite", tmp_path / "a.npz", "m")
    with sqlite3.connect(tmp_path / "fresh.sqlite") as db:
        assert [row[0] for row in db.execute("SELECT digest FROM vectors")] == [digest]
    db.close()


class _QueryCounting:
    """The real embedder, counting the questions it embeds."""

    def __init__(self, inner: LocalEmbedder) -> None:
        self.inner, self.name, self.window, self.queries = inner, inner.name, inner.window, 0

    def embed_query(self, text: str) -> np.ndarray:
        self.queries += 1
        return self.inner.embed_query(text)


def test_a_question_asked_again_is_embedded_once(tmp_path: Path) -> None:
    counting = _QueryCounting(LocalEmbedder())
    embedder = CachedEmbedder(counting, tmp_path / "cache.sqlite")  # type: ignore[arg-type]
    first = embedder.embed_query("哪些项目延期了？")
    first[:] = 0  # a caller writing into its vector must not change the remembered one
    again = embedder.embed_query("哪些项目延期了？")
    other = embedder.embed_query("which launches were late?")
    assert counting.queries == 2
    assert np.allclose(again, counting.inner.embed_query("哪些项目延期了？"))
    assert not np.allclose(again, other)


def test_a_question_is_kept_on_disk_apart_from_the_same_text_as_a_passage(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    first = CachedEmbedder(LocalEmbedder(), cache)
    asked = first.embed_query(TEXTS[0])
    passage = first.embed_passages([TEXTS[0]])[0]
    assert not np.array_equal(asked, passage)  # E5's query and passage vectors of one text differ
    first.close()

    counting = _QueryCounting(LocalEmbedder())
    later = CachedEmbedder(counting, cache)  # type: ignore[arg-type]  # another process, the next command
    assert np.array_equal(later.embed_query(TEXTS[0]), asked)
    assert counting.queries == 0 and later.queries_embedded == 0
    assert np.array_equal(later.embed_passages([TEXTS[0]])[0], passage)  # the passage row untouched


def test_a_seed_carries_the_questions_asked_and_primes_them_only_when_asked_to(tmp_path: Path) -> None:
    warm, _ = _warm_cache(tmp_path / "warm.sqlite")
    question = warm.embed_query("哪些项目延期了？")
    questions = [CachedEmbedder._digest("哪些项目延期了？")]
    assert write_seed(tmp_path / "warm.sqlite", warm.asked, warm.name, tmp_path / "seed.npz", questions) == 4

    assert prime_cache(tmp_path / "cold.sqlite", tmp_path / "seed.npz", warm.name) == 4
    counting = _QueryCounting(LocalEmbedder())
    cold = CachedEmbedder(counting, tmp_path / "cold.sqlite")  # type: ignore[arg-type]
    assert np.array_equal(cold.embed_query("哪些项目延期了？"), question) and counting.queries == 0

    assert prime_cache(tmp_path / "bare.sqlite", tmp_path / "seed.npz", warm.name, questions=False) == 3
    bare = CachedEmbedder(counting, tmp_path / "bare.sqlite")  # type: ignore[arg-type]
    bare.embed_query("哪些项目延期了？")
    assert counting.queries == 1
