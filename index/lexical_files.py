"""The saved lexical index: a folder of rows (SQLite), per-row columns and vectors (NumPy), a head
(JSON) and the BM25 model, written beside the store and swapped in whole.

Kept apart from the index itself: searching does not depend on how the index is kept on disk, and
a loaded index reads its rows lazily through `Rows`, so loading costs the head and the model only.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from index.crash import write_point
from index.lexical import FIELDS, LexicalIndex, LexicalRow

FORMAT = "lexical-v6"  # bump when tokenization, row order or the files change: old indexes then rebuild


class Rows(Sequence[LexicalRow]):
    """The rows of a saved index, read from its SQLite file when asked for (a search reads its k
    hits, a citation one report's chunks), never all at once on load."""

    def __init__(self, path: Path, count: int) -> None:
        self._path = path
        self._count = count
        self._db: sqlite3.Connection | None = None
        self._cache: dict[int, LexicalRow] = {}
        # Opened now, with the rest of the index: a writer that swaps the folder in later leaves
        # this reader on the file it loaded (the open file outlives the swap), never on new rows.
        self._conn().execute("PRAGMA schema_version").fetchone()

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
        return self._db

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> LexicalRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[LexicalRow]: ...

    def __getitem__(self, index: int | slice) -> LexicalRow | list[LexicalRow]:
        if isinstance(index, slice):
            return self.take(range(len(self))[index])
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self.take([index])[0]

    def take(self, indices: Iterable[int]) -> list[LexicalRow]:
        wanted = [int(i) for i in indices]
        missing = sorted({i for i in wanted if i not in self._cache})
        for start in range(0, len(missing), 900):
            group = missing[start : start + 900]
            marks = ",".join("?" * len(group))
            for i, chunk_id, text, meta in self._conn().execute(
                f"SELECT i, id, text, meta FROM rows WHERE i IN ({marks})", group
            ):
                self._cache[i] = LexicalRow(chunk_id, text, json.loads(meta))
        return [self._cache[i] for i in wanted]

    def __iter__(self) -> Iterator[LexicalRow]:
        for i, chunk_id, text, meta in self._conn().execute("SELECT i, id, text, meta FROM rows ORDER BY i"):
            yield self._cache.get(i) or LexicalRow(chunk_id, text, json.loads(meta))


def save(index: LexicalIndex, folder: Path) -> None:
    """Write atomically enough: build in a sibling folder, then swap it in."""
    import numpy as np

    write_point(f"lexical save {folder}")
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with sqlite3.connect(tmp / "rows.sqlite") as db:
        db.execute("CREATE TABLE rows (i INTEGER PRIMARY KEY, id TEXT, text TEXT, meta TEXT)")
        db.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?)",
            ((i, r.id, r.text, json.dumps(r.meta, ensure_ascii=False)) for i, r in enumerate(index.rows)),
        )
    db.close()
    np.savez(
        tmp / "columns.npz",
        weeks=index.weeks,
        report=index.codes("report")[1],
        series=index.codes("series")[1],
        kind=index.codes("kind")[1],
    )
    head = {
        "format": FORMAT,
        "count": len(index.rows),
        "values": {field: index.codes(field)[0] for field in FIELDS},
        "reports": index.reports(),
        "langs": index.series_langs(),
    }
    (tmp / "index.json").write_text(json.dumps(head, ensure_ascii=False), encoding="utf-8")
    if index.vectors is not None:
        np.save(tmp / "vectors.npy", np.asarray(index.vectors, dtype=np.float32))
    if index.model is not None:
        index.model.save(str(tmp / "bm25"), show_progress=False)
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def load(folder: Path) -> LexicalIndex | None:
    """The saved index, or None when missing or written by another format version. The rows
    stay on disk until a search or a citation asks for some of them."""
    import numpy as np

    try:
        head = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        if head.get("format") != FORMAT:
            return None
        with np.load(folder / "columns.npz") as stored:
            columns: dict[str, Any] = {name: stored[name] for name in ("weeks", *FIELDS)}
    except (OSError, ValueError, KeyError):
        return None
    columns.update(values=head["values"], reports=head["reports"], langs=head["langs"])
    count = int(head["count"])
    vectors = None
    if (folder / "vectors.npy").exists():
        try:
            # Mapped, not read: a search reads the rows its filters keep.
            vectors = np.load(folder / "vectors.npy", mmap_mode="r")
        except (OSError, ValueError):
            return None
        if vectors.shape[0] != count:
            return None
    model = None
    if count:
        import bm25s

        try:
            model = bm25s.BM25.load(str(folder / "bm25"), show_progress=False)
        except (OSError, ValueError):
            return None
    return LexicalIndex(Rows(folder / "rows.sqlite", count), model, columns, vectors)
