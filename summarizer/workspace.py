"""Open the pieces of one index (embedder, Chroma store, ledger) from resolved settings.

Everything is opened lazily: `ask` against the ledger never loads the embedding model, and
`--help` imports none of this.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import SummarizerError
from index.verify import Verifier
from summarizer.config import Settings

if TYPE_CHECKING:
    from index.embed import Embedder
    from index.ledger.store import Ledger
    from index.retrieve import Retriever
    from index.store import VectorStore


class Workspace:
    """The data directory of one index and the handles opened on it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._snapshot: tempfile.TemporaryDirectory[str] | None = None

    @property
    def home(self) -> Path:
        return self.settings.home

    @cached_property
    def embedder(self) -> Embedder:
        from index.embed import make_embedder

        key = self.settings.openai_api_key
        return make_embedder(
            self.settings.embedder,
            self.settings.cache_dir,
            model=self.settings.embedding_model,
            api_key=key.get_secret_value() if key else None,
            base_url=self.settings.openai_base_url,
            timeout=self.settings.llm_timeout,
            max_retries=self.settings.llm_max_retries,
        )

    @cached_property
    def store(self) -> VectorStore:
        """The collection for these settings: on the Chroma server when one is configured, else
        the embedded store shared by this process and ordered with other processes by the gate."""
        from index.chroma_client import Embedded, collection_name, make_client
        from index.gate import StoreGate
        from index.store import VectorStore

        name = collection_name(self.embedder.name, self.settings.chunk_tokens, self.settings.min_chunk_tokens)
        if self.settings.chroma_url:
            client = make_client(self.settings.chroma_path, self.settings.chroma_url)
            return VectorStore(client, name, self.embedder.name)
        path, gate = self.settings.chroma_path, StoreGate(self.home / "store.lock")
        if not writable(path):
            # Embedded Chroma cannot even open a store it cannot write (its log is replayed on
            # open): read a copy, taken while no ingest writes (the gate is shared read-only).
            self._snapshot = tempfile.TemporaryDirectory(prefix="summarizer-readonly-")
            copy = Path(self._snapshot.name)
            with gate.shared():
                if path.is_dir():
                    shutil.copytree(path, copy / "chroma", copy_function=shutil.copyfile)
            for folder, _, _ in os.walk(copy):
                os.chmod(folder, 0o700)  # copytree copied the read-only modes of the folders
            path, gate = copy / "chroma", StoreGate(copy / "store.lock")
        return VectorStore(None, name, self.embedder.name, Embedded.at(path, gate))

    @cached_property
    def retriever(self) -> Retriever:
        """Hybrid retriever; the lexical index loads on first lexical query, not here."""
        from index.lexical_store import open_for_store
        from index.retrieve import Retriever

        store = self.store
        return Retriever(store, self.embedder, lambda: open_for_store(store, self.home))

    @cached_property
    def ledger(self) -> Ledger:
        from index.ledger.store import Ledger

        self.home.mkdir(parents=True, exist_ok=True)
        return Ledger.open(self.settings.ledger_path)

    @cached_property
    def ledger_or_none(self) -> Ledger | None:
        """The ledger, or None when it cannot be opened: free questions still work without it."""
        try:
            return self.ledger
        except SummarizerError:
            return None

    @cached_property
    def verifier(self) -> Verifier:
        """One verifier per workspace: every citation shown passes it, files read once."""
        return Verifier()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Read the index from one state for the whole block (index/store.py `session`)."""
        with self.store.session():
            yield

    def close(self) -> None:
        """Release what was opened: the Chroma client (its system stops and flushes when no other
        client in this process holds the same path), the ledger and the embedding cache."""
        opened = self.__dict__
        if "ledger" in opened:
            opened.pop("ledger").close()
        opened.pop("ledger_or_none", None)
        if "embedder" in opened:
            close = getattr(opened.pop("embedder"), "close", None)
            if close is not None:
                close()
        opened.pop("retriever", None)
        if "store" in opened:
            store = opened.pop("store")
            if store.embedded is not None:
                store.embedded.close()
            elif store.client is not None:
                getattr(store.client, "close", lambda: None)()
        if self._snapshot is not None:
            self._snapshot.cleanup()
            self._snapshot = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        where = self.settings.chroma_url or str(self.settings.chroma_path)
        if self._snapshot is not None:
            where += " (read-only: a copy)"
        return f"index {where} · embedder {self.settings.embedder}"


def writable(folder: Path) -> bool:
    """Whether this process can write in `folder` (or create it), tried rather than inferred:
    permission bits say nothing to root, and a read-only mount says nothing to `os.access`."""
    target = folder if folder.exists() else next((p for p in folder.parents if p.exists()), folder)
    try:
        with tempfile.TemporaryFile(dir=target):
            pass
        database = folder / "chroma.sqlite3"
        if database.exists():
            os.close(os.open(database, os.O_RDWR))
    except OSError:
        return False
    return True
