"""The lexical index kept in step with the store: rebuilt from its chunks after an ingest, marked
stale before one, and opened for a question only when it holds what the store holds.

The store stays the single source of truth; this module is the only one that reads the store to
build the lexical index, and the store's gate orders its saves with readers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from index.failures import store_failure
from index.lexical import LexicalIndex, LexicalRow
from index.lexical_files import FORMAT, load, save
from index.lock import writer_busy, writer_lock_if_free

if TYPE_CHECKING:
    from index.gate import StoreGate
    from index.store import VectorStore


def rows_from_store(store: VectorStore) -> list[LexicalRow]:
    """Every chunk of the collection (one consistent read, paged inside)."""
    rows = [LexicalRow(chunk_id, doc, meta) for chunk_id, meta, doc in store.rows()]
    rows.sort(key=document_order)
    return rows


def index_from_store(store: VectorStore) -> LexicalIndex:
    """The index of every chunk of the collection with its vector (one consistent read), in
    document order, so the dense ranking is exact and the same on every build."""
    import numpy as np

    read = store.rows_with_vectors()
    rows = [LexicalRow(chunk_id, doc, meta) for chunk_id, meta, doc, _ in read]
    order = sorted(range(len(rows)), key=lambda i: document_order(rows[i]))
    vectors = np.stack([read[i][3] for i in order]) if read else None
    return LexicalIndex.build([rows[i] for i in order], vectors)


def document_order(row: LexicalRow) -> tuple[str, str, int, str]:
    """Date, file name, line: ties rank the same wherever the corpus lives on disk.

    Chunk ids hash the absolute path, so ordering by id made tie-breaks (and the eval) depend
    on the checkout's location.
    """
    report = str(row.meta.get("report", "")).replace("\\", "/").rsplit("/", 1)[-1]
    return (str(row.meta.get("date", "")), report, int(row.meta.get("line_start", 0)), row.text)


def lexical_dir(home: Path, collection: str) -> Path:
    return home / "lexical" / collection


def _gate(store: VectorStore) -> StoreGate | None:
    return store.embedded.gate if store.embedded is not None else None


def rebuild(store: VectorStore, folder: Path) -> LexicalIndex:
    """Build from the store's chunks and save; the save holds the store's gate exclusively, so a
    reader never loads half of it."""
    index = index_from_store(store)
    gate = _gate(store)
    if gate is None:
        save(index, folder)
    else:
        with gate.exclusive():
            save(index, folder)
    return index


def rebuild_for_store(store: VectorStore, home: Path) -> LexicalIndex:
    """Called after an ingest that changed chunks: the lexical index follows the store's chunks."""
    try:
        index = rebuild(store, lexical_dir(home, store.name))
        _stale_mark(home, store.name).unlink(missing_ok=True)
        return index
    except OSError as exc:
        raise store_failure(exc, "write the lexical index", lexical_dir(home, store.name), home) from exc


def _stale_mark(home: Path, collection: str) -> Path:
    return home / "lexical" / f"{collection}.stale"


def mark_stale(store: VectorStore, home: Path) -> None:
    """Before an ingest writes: a run killed before its rebuild leaves this mark, so the next run
    rebuilds even when the chunk count happens to match (the count alone cannot tell)."""
    mark = _stale_mark(home, store.name)
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()
    except OSError:
        pass  # a read-only data directory: the ingest itself fails on it, in one line


def clear_stale(store: VectorStore, home: Path) -> None:
    _stale_mark(home, store.name).unlink(missing_ok=True)


def current_for_store(store: VectorStore, home: Path) -> bool:
    """True when the saved index is this format, holds as many chunks as the store (read from its
    small head file, not its rows) and no ingest was killed before rebuilding it: an ingest that
    changed nothing keeps it."""
    if _stale_mark(home, store.name).exists():
        return False
    try:
        head = json.loads((lexical_dir(home, store.name) / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return head.get("format") == FORMAT and int(head.get("count", -1)) == store.count()


def load_for_store(store: VectorStore, folder: Path) -> LexicalIndex | None:
    """The saved index, read while no writer is saving it."""
    gate = _gate(store)
    if gate is None:
        return load(folder)
    with gate.shared():
        return load(folder)


def open_for_store(store: VectorStore, home: Path) -> LexicalIndex:
    """The saved index, when it is in step with the store's chunk count; else one built from the
    store, saved only when no ingest runs and the directory is writable (a reader never waits
    for, or races, a writer).

    During an ingest the saved index is the last complete state and is used as it is: the count
    check would otherwise rebuild it on every question while the ingest writes. The count check
    still catches an ingest killed before its rebuild, or another writer on a shared server.
    """
    folder = lexical_dir(home, store.name)
    index = load_for_store(store, folder)
    if index is not None and (len(index.rows) == store.count() or writer_busy(home)):
        return index
    built = index_from_store(store)
    gate = _gate(store)
    if gate is not None and gate.held():
        return built  # inside a read session: saving would wait for ourselves; the next writer saves
    with writer_lock_if_free(home) as free:
        if free:
            try:
                if gate is None:
                    save(built, folder)
                else:
                    with gate.exclusive():
                        save(built, folder)
            except OSError:
                pass  # kept in memory: the next writer saves it
    return built
