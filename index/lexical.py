"""The lexical side of retrieval: BM25 (bm25s) over CJK-aware tokens, persisted beside the index.

Local Chroma has no sparse or full-text ranking (FACTS.md), and on zh/en weekly reports BM25
over CJK character bigrams matches or beats dense retrieval, so we keep our own. Chinese has no
spaces, so a CJK run becomes overlapping character bigrams (no dictionary, works for any
vocabulary: project code names, people, new jargon); other text becomes lowercase words and
numbers. The index is rebuilt from the store's chunks after every ingest (milliseconds) and
loaded lazily at query time; the store stays the single source of truth.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.crash import write_point
from index.failures import store_failure
from index.lock import writer_busy, writer_lock_if_free
from index.text.cjk import SCRIPTS

if TYPE_CHECKING:
    import numpy as np

    from index.gate import StoreGate
    from index.store import VectorStore

FORMAT = "lexical-v3"  # bump when tokenization or row order changes: old indexes then rebuild
_TOKEN = re.compile(rf"[{SCRIPTS}]+|[a-z0-9]+(?:[._][a-z0-9]+)*", re.IGNORECASE)
_CJK_RUN = re.compile(rf"^[{SCRIPTS}]+$")
# English function words only: they carry no topic and would let any chunk match a question.
_STOP_TEXT = """
a an the of to in on at for and or is are was were be been by with what which who whom when where
why how did do does has have had this that these those it its from as any all our we you i me my
there their they them about tell show list give please happen happened happens occur occurred
"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def tokenize(text: str) -> list[str]:
    """CJK runs -> character bigrams (a lone character stays a unigram); the rest -> words/numbers."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        run = match.group(0)
        if _CJK_RUN.match(run):
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            word = run.lower()
            if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
                tokens.append(word)
    return tokens


@dataclass
class LexicalRow:
    """What a lexical hit needs to stand alone (no second store round trip)."""

    id: str
    text: str
    meta: dict[str, Any]

    @property
    def week_int(self) -> int:
        return int(self.meta.get("week_int", 0))


class LexicalIndex:
    """A BM25 index over chunk rows, with week-range filtering applied as a score mask."""

    def __init__(self, rows: list[LexicalRow], model: Any = None) -> None:
        self.rows = rows
        self._model = model
        self._weeks: np.ndarray | None = None
        # Derived once per loaded index by callers that read every row (question planning).
        self.derived: dict[str, Any] = {}

    @classmethod
    def build(cls, rows: list[LexicalRow]) -> LexicalIndex:
        import bm25s

        model = None
        if rows:
            model = bm25s.BM25()
            # bm25s needs at least one token per document; the chunk id is a harmless filler.
            corpus = [tokenize(_indexed_text(r)) or [r.id] for r in rows]
            model.index(corpus, show_progress=False)
        return cls(rows, model)

    @property
    def weeks(self) -> np.ndarray:
        import numpy as np

        if self._weeks is None:
            self._weeks = np.asarray([r.week_int for r in self.rows], dtype=np.int64)
        return self._weeks

    def search(
        self,
        query: str,
        k: int = 8,
        since: int | None = None,
        until: int | None = None,
        reports: Collection[str] | None = None,
        kinds: Collection[str] | None = None,
    ) -> list[tuple[LexicalRow, float]]:
        """The k best rows with positive BM25 score inside the week range, reports and section
        kinds (each None for all), best first."""
        import numpy as np

        if self._model is None or not self.rows:
            return []
        vocab = self._model.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return []
        scores = np.asarray(self._model.get_scores(tokens), dtype=np.float64)
        mask = np.ones(len(self.rows), dtype=bool)
        if since is not None:
            mask &= self.weeks >= since
        if until is not None:
            mask &= self.weeks <= until
        if reports is not None:
            mask &= np.asarray([str(r.meta.get("report", "")) in reports for r in self.rows], dtype=bool)
        if kinds is not None:
            mask &= np.asarray([str(r.meta.get("kind", "")) in kinds for r in self.rows], dtype=bool)
        scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:k]
        return [(self.rows[i], float(scores[i])) for i in top if scores[i] > 0]

    def idf(self, token: str) -> float:
        """BM25 inverse document frequency; a term no chunk contains gets the highest weight."""
        import math

        df = self.doc_freq().get(token, 0)
        n = len(self.rows)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def doc_freq(self) -> dict[str, int]:
        if not hasattr(self, "_df"):
            df: dict[str, int] = {}
            for row in self.rows:
                for token in set(tokenize(_indexed_text(row))):
                    df[token] = df.get(token, 0) + 1
            self._df = df
        return self._df

    def save(self, folder: Path) -> None:
        """Write atomically enough: build in a sibling folder, then swap it in."""
        write_point(f"lexical save {folder}")
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        rows = [{"id": r.id, "text": r.text, "meta": r.meta} for r in self.rows]
        (tmp / "rows.json").write_text(
            json.dumps({"format": FORMAT, "rows": rows}, ensure_ascii=False), encoding="utf-8"
        )
        if self._model is not None:
            self._model.save(str(tmp / "bm25"), show_progress=False)
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None when missing or written by another format version."""
        try:
            data = json.loads((folder / "rows.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != FORMAT:
            return None
        rows = [LexicalRow(r["id"], r["text"], r["meta"]) for r in data["rows"]]
        model = None
        if rows:
            import bm25s

            try:
                model = bm25s.BM25.load(str(folder / "bm25"), show_progress=False)
            except (OSError, ValueError):
                return None
        return cls(rows, model)


def _indexed_text(row: LexicalRow) -> str:
    """Headings are part of what a chunk is about ("风险", "Incidents"), so index them with the body."""
    return f"{row.meta.get('sections', '')}\n{row.meta.get('week_label', '')}\n{row.text}"


def rows_from_store(store: VectorStore) -> list[LexicalRow]:
    """Every chunk of the collection (one consistent read, paged inside)."""
    rows = [LexicalRow(chunk_id, doc, meta) for chunk_id, meta, doc in store.rows()]
    rows.sort(key=document_order)
    return rows


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
    index = LexicalIndex.build(rows_from_store(store))
    gate = _gate(store)
    if gate is None:
        index.save(folder)
    else:
        with gate.exclusive():
            index.save(folder)
    return index


def rebuild_for_store(store: VectorStore, home: Path) -> LexicalIndex:
    """Called after every ingest: the lexical index follows the store's chunks."""
    try:
        return rebuild(store, lexical_dir(home, store.name))
    except OSError as exc:
        raise store_failure(exc, "write the lexical index", lexical_dir(home, store.name), home) from exc


def load_for_store(store: VectorStore, folder: Path) -> LexicalIndex | None:
    """The saved index, read while no writer is saving it."""
    gate = _gate(store)
    if gate is None:
        return LexicalIndex.load(folder)
    with gate.shared():
        return LexicalIndex.load(folder)


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
    built = LexicalIndex.build(rows_from_store(store))
    gate = _gate(store)
    if gate is not None and gate.held():
        return built  # inside a read session: saving would wait for ourselves; the next writer saves
    with writer_lock_if_free(home) as free:
        if free:
            try:
                if gate is None:
                    built.save(folder)
                else:
                    with gate.exclusive():
                        built.save(folder)
            except OSError:
                pass  # kept in memory: the next writer saves it
    return built
