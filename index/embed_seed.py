"""Seed vectors: embeddings computed once and shipped, so a fresh checkout need not recompute them.

The style zoo embeds about 24,000 chunks, the largest cost of `make test` on a fresh machine (CI
always starts with an empty embedding cache). The vectors are a pure function of (model, text),
so a file of them, written from a run and committed beside the reports, fills the cache before
ingest: every chunk whose text is unchanged is a cache hit, and a changed or new one misses and
is embedded as usual. A stale or missing seed only costs time, never changes a result; a seed of
another model is not read at all.

The zoo also asks every gold question twice (and the planner's rewrites of it): ~6,000 question
vectors at ~20 ms each, a tenth of its question time, so the seed holds those too, apart from the
passages (E5 embeds a question unlike the same text as a passage).

The file is NumPy's `.npz` (no pickle): the model name, the SHA-256 digests of the texts as 32
raw bytes each (a uint8 row: NumPy's byte strings drop trailing zero bytes), sorted, and the
float32 vectors in the same order, exactly as the model produced them (no rounding, so a seeded
run ranks passages as a cold one does); then the questions' digests and vectors the same way.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import numpy as np

from index.embed import CREATE_VECTORS, query_model, read_vectors

_EPOCH = (1980, 1, 1, 0, 0, 0)  # a fixed member time, so the same vectors make the same bytes


def prime_cache(cache_file: Path, seed_file: Path, model: str, questions: bool = True) -> int:
    """Copy the seed's vectors into the embedding cache (rows it already has are kept); returns
    how many the seed held for `model` (0 when the file is missing or is for another model).
    `questions=False` leaves its question vectors out (a rewrite of the seed asks them afresh)."""
    if not seed_file.is_file():
        return 0
    with np.load(seed_file, allow_pickle=False) as seed:
        if str(seed["model"]) != model:
            return 0
        rows = _rows(model, seed["digests"], seed["vectors"])
        if questions and "query_digests" in seed.files:  # (an older seed holds no questions)
            rows += _rows(query_model(model), seed["query_digests"], seed["query_vectors"])
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(cache_file)) as db, db:
        db.execute(CREATE_VECTORS)
        db.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)
    return len(rows)


def _rows(model: str, digests: np.ndarray, vectors: np.ndarray) -> list[tuple[str, str, bytes]]:
    return [
        (model, d.tobytes().hex(), v.tobytes())
        for d, v in zip(digests, vectors.astype(np.float32), strict=True)
    ]


def write_seed(
    cache_file: Path, digests: Iterable[str], model: str, seed_file: Path, queries: Iterable[str] = ()
) -> int:
    """Write the cache's vectors of `model` for the given passage digests (hex), and of the
    questions with the `queries` digests, to `seed_file`, each sorted by digest so that a rewrite
    after a small change differs little; returns how many vectors it holds."""
    with closing(sqlite3.connect(f"file:{cache_file}?mode=ro", uri=True)) as db:
        passages = _kept(db, model, digests)
        questions = _kept(db, query_model(model), queries)
    arrays = {"model": np.array(model)}
    for prefix, (kept, vectors) in (("", passages), ("query_", questions)):
        arrays[f"{prefix}digests"] = np.array([list(bytes.fromhex(d)) for d in kept], dtype=np.uint8).reshape(
            -1, 32
        )
        arrays[f"{prefix}vectors"] = vectors.astype(np.float32)
    seed_file.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(seed_file, "w") as archive:  # what np.savez writes, minus its clock
        for name, array in arrays.items():
            member = io.BytesIO()
            np.save(member, array, allow_pickle=False)
            archive.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=_EPOCH), member.getvalue())
    return len(passages[0]) + len(questions[0])


def cached_digests(cache_file: Path, model: str) -> list[str]:
    """Every digest the cache holds a vector of `model` for (a scratch cache: what one run asked)."""
    with closing(sqlite3.connect(f"file:{cache_file}?mode=ro", uri=True)) as db:
        return [digest for (digest,) in db.execute("SELECT digest FROM vectors WHERE model = ?", [model])]


def _kept(db: sqlite3.Connection, model: str, digests: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """The digests the cache holds a vector of `model` for, sorted, and those vectors."""
    wanted = sorted(set(digests))
    found = read_vectors(db, model, wanted)
    kept = [d for d in wanted if d in found]
    return kept, np.vstack([found[d] for d in kept]) if kept else np.zeros((0, 0))
