"""The Chroma client an index opens: embedded `PersistentClient` at a path (shared per process and
ordered with other processes by the store gate) or `HttpClient` for a `chroma run` server, and the
one cosine collection per (embedder, chunking settings) it holds: the name is a hash of the
settings that shape vectors, so changing the embedder or the chunk size never mixes incompatible
vectors in one collection.

Apart from `store.py` (what is stored and read), because opening, naming and reopening a client
is Chroma's lifecycle, not the index's contents.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlparse

from index.chunk import CHUNK_VERSION
from index.errors import ConfigError
from index.failures import store_failure
from index.gate import StoreGate

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

# Bump when what is embedded changes, so old and new vectors never share a collection.
SCHEMA = "v1"


def collection_name(embedder: str, chunk_tokens: int, min_chunk_tokens: int) -> str:
    shape = f"{SCHEMA}|{CHUNK_VERSION}|{embedder}|{chunk_tokens}|{min_chunk_tokens}"
    digest = hashlib.sha256(shape.encode()).hexdigest()[:10]
    slug = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in embedder)[:40]
    return f"reports-{slug}-{digest}"


def _settings() -> Any:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False)


def make_client(chroma_path: Path, chroma_url: str | None) -> ClientAPI:
    """An embedded client at `chroma_path`, or an HTTP client when a server URL is given."""
    import chromadb

    settings = _settings()
    if chroma_url:
        parsed = urlparse(chroma_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ConfigError(f"--chroma-url must look like http://host:port, got '{chroma_url}'")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=settings,
            )
        except Exception as exc:
            raise store_failure(exc, "open the vector store", chroma_url) from exc
    try:
        chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(chroma_path), settings=settings)
    except Exception as exc:
        raise store_failure(exc, "open the vector store", chroma_path, chroma_path) from exc


class Embedded:
    """The embedded Chroma at one path, shared by every `VectorStore` of this process, and the
    gate (index/gate.py) that orders it with the other processes reading or writing that path.

    Chroma caches one system per path per process; a reader's HNSW copy in it goes stale when
    another process writes, so it is reopened (the cached system stopped and replaced) when the
    gate's generation moved. All stores on the path share this object, so none keeps a
    collection of a stopped system.
    """

    _open: ClassVar[dict[str, Embedded]] = {}
    _registry = threading.Lock()

    def __init__(self, path: Path, gate: StoreGate) -> None:
        self.path = path
        self.gate = gate
        self.client: ClientAPI | None = None
        self.seen = -1
        self.collections: dict[str, Collection] = {}

    @classmethod
    def at(cls, path: Path, gate: StoreGate) -> Embedded:
        key = str(path)
        with cls._registry:
            if key not in cls._open:
                cls._open[key] = cls(path, gate)
            return cls._open[key]

    def reopen(self) -> None:
        """A fresh client on the path: the caller holds the gate exclusively."""
        from chromadb.api.shared_system_client import SharedSystemClient

        if self.client is not None:
            # Stop the cached system whatever its reference count: every client of it is stale.
            system = SharedSystemClient._identifier_to_system.pop(str(self.path), None)
            SharedSystemClient._identifier_to_refcount.pop(str(self.path), None)
            if system is not None:
                system.stop()
        self.client = None
        self.collections = {}
        self.client = make_client(self.path, None)

    def collection(self, name: str, embedder_name: str) -> Collection:
        if self.client is None:
            self.reopen()
        assert self.client is not None
        if name not in self.collections:
            self.collections[name] = open_collection(self.client, name, embedder_name)
        return self.collections[name]

    def close(self) -> None:
        with self.gate.exclusive():
            if self.client is not None:
                getattr(self.client, "close", lambda: None)()
            self.client = None
            self.collections = {}
            self.seen = -1


def open_collection(client: ClientAPI, name: str, embedder_name: str) -> Collection:
    return client.get_or_create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"embedder": embedder_name, "schema": SCHEMA},
    )


def describe_client(client: ClientAPI | None) -> str:
    settings = getattr(client, "get_settings", lambda: None)()
    host = getattr(settings, "chroma_server_host", None)
    if host:
        return f"http://{host}:{getattr(settings, 'chroma_server_http_port', '')}"
    return str(getattr(settings, "persist_directory", "") or "the vector store")


def local_path(client: ClientAPI | None) -> Path | None:
    settings = getattr(client, "get_settings", lambda: None)()
    if getattr(settings, "chroma_server_host", None):
        return None
    directory = getattr(settings, "persist_directory", None)
    return Path(directory) if directory else None
