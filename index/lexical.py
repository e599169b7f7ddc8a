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
import os
import re
import shutil
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from index.crash import write_point
from index.failures import store_failure
from index.lock import writer_busy, writer_lock_if_free
from index.text.cjk import SCRIPTS
from index.text.lang import Lang, detect_lang

if TYPE_CHECKING:
    import numpy as np

    from index.gate import StoreGate
    from index.store import VectorStore

FORMAT = "lexical-v5"  # bump when tokenization, row order or the files change: old indexes then rebuild
# Per-row columns the filters compare, stored beside the rows so a loaded index need not read them.
_FIELDS = ("report", "series", "kind")
# A report as the index knows it: (report, series, date, week_int, week label, top headings).
ReportEntry = tuple[str, str, str, int, str, str]
# Chunks per series whose text tells the series' language.
LANG_SAMPLE = 20
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


class _Rows(Sequence[LexicalRow]):
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


class _DocFreq(Mapping[str, int]):
    """A token's document frequency is the length of its postings list: `indptr` differences."""

    def __init__(self, model: Any) -> None:
        self._vocab: dict[str, int] = model.vocab_dict if model is not None else {}
        self._indptr = model.scores["indptr"] if model is not None else None

    def __getitem__(self, token: str) -> int:
        at = self._vocab[token]
        assert self._indptr is not None
        if at + 1 >= len(self._indptr):
            return 0  # bm25s keeps a token of its own ("") past the last postings list
        return int(self._indptr[at + 1] - self._indptr[at])

    def __iter__(self) -> Iterator[str]:
        return iter(self._vocab)

    def __len__(self) -> int:
        return len(self._vocab)

    def items(self) -> Iterator[tuple[str, int]]:  # type: ignore[override]
        if self._indptr is None:
            return iter(())
        import numpy as np

        counts = np.diff(np.asarray(self._indptr))
        return ((token, int(counts[at]) if at < len(counts) else 0) for token, at in self._vocab.items())


class LexicalIndex:
    """A BM25 index over chunk rows, with week-range filtering applied as a score mask."""

    def __init__(
        self, rows: Sequence[LexicalRow], model: Any = None, columns: dict[str, Any] | None = None
    ) -> None:
        self.rows = rows
        self._model = model
        self._weeks: np.ndarray | None = None
        self._codes: dict[str, tuple[list[str], np.ndarray]] = {}
        self._lookup: dict[str, dict[str, int]] = {}
        self._reports: list[ReportEntry] | None = None
        self._langs: dict[str, Lang] | None = None
        if columns is not None:
            self._weeks = columns["weeks"]
            self._codes = {f: (columns["values"][f], columns[f]) for f in _FIELDS}
            self._reports = [tuple(r) for r in columns["reports"]]  # type: ignore[misc]
            self._langs = columns["langs"]
        # Derived once per loaded index by callers that need a whole-index view (question planning).
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

    def reports(self) -> list[ReportEntry]:
        """(report, series, date, week_int, week label, top headings) once per report, in row
        order; the top headings of its section paths joined by " || " (a title written as a
        heading carries a series' own numbering: "Cycle 21 (Feb 3 – …)")."""
        if self._reports is None:
            seen: dict[str, ReportEntry] = {}
            titles: dict[str, dict[str, None]] = {}
            for row in self.rows:
                report = str(row.meta.get("report", ""))
                heads = titles.setdefault(report, {})
                for path in str(row.meta.get("sections", "")).split(" || "):
                    if path:
                        heads.setdefault(path.split(" > ")[0], None)
                if report not in seen:
                    meta = row.meta
                    seen[report] = (
                        report,
                        os.path.dirname(report),
                        str(meta.get("date", "")),
                        row.week_int,
                        str(meta.get("week_label", "")),
                        "",
                    )
            self._reports = [(*entry[:5], " || ".join(titles[r])) for r, entry in seen.items()]
        return self._reports

    def series_langs(self) -> dict[str, Lang]:
        """The language each series is written in, from the text of its first chunks."""
        if self._langs is None:
            samples: dict[str, list[str]] = {}
            for row in self.rows:
                sample = samples.setdefault(os.path.dirname(str(row.meta.get("report", ""))), [])
                if len(sample) < LANG_SAMPLE:
                    sample.append(row.text)
            self._langs = {series: detect_lang(" ".join(texts)) for series, texts in samples.items()}
        return self._langs

    @property
    def weeks(self) -> np.ndarray:
        import numpy as np

        if self._weeks is None:
            self._weeks = np.asarray([r.week_int for r in self.rows], dtype=np.int64)
        return self._weeks

    def codes(self, field: str) -> tuple[list[str], np.ndarray]:
        """A metadata field as codes: its distinct values and, per row, the index of its value;
        what filters compare instead of the rows themselves (built once per loaded index)."""
        import numpy as np

        if field not in self._codes:
            values: dict[str, int] = {}
            column = [values.setdefault(_field(row, field), len(values)) for row in self.rows]
            self._codes[field] = (list(values), np.asarray(column, dtype=np.int32))
        return self._codes[field]

    def rows_with(self, field: str, value: str) -> list[LexicalRow]:
        """The rows whose metadata field has this value, in row order."""
        import numpy as np

        values, column = self.codes(field)
        if field not in self._lookup:
            self._lookup[field] = {v: i for i, v in enumerate(values)}
        code = self._lookup[field].get(value)
        return [] if code is None else self._take(np.flatnonzero(column == code))

    def _take(self, indices: Iterable[int]) -> list[LexicalRow]:
        rows = self.rows
        if isinstance(rows, _Rows):
            return rows.take(indices)
        return [rows[int(i)] for i in indices]

    def _member(self, field: str, wanted: Collection[str]) -> np.ndarray:
        import numpy as np

        values, column = self.codes(field)
        chosen = [i for i, value in enumerate(values) if value in wanted]
        return np.isin(column, np.asarray(chosen, dtype=np.int32))

    def postings(self, token: str) -> np.ndarray:
        """Row indices of the chunks holding a token (empty when no chunk does)."""
        import numpy as np

        vocab = self._model.vocab_dict if self._model is not None else {}
        if token not in vocab:
            return np.zeros(0, dtype=np.int32)
        scores = self._model.scores
        at = vocab[token]
        if at + 1 >= len(scores["indptr"]):
            return np.zeros(0, dtype=np.int32)
        return np.asarray(scores["indices"][scores["indptr"][at] : scores["indptr"][at + 1]])

    def doc_freq(self) -> Mapping[str, int]:
        """Chunks holding each token, read from the postings' offsets (no pass over the rows)."""
        return _DocFreq(self._model)

    def series_holding(self, token: str) -> set[str]:
        """The series (report folders) with a chunk holding the token: from its postings, not a
        search per series."""
        import numpy as np

        values, column = self.codes("series")
        return {values[i] for i in np.unique(column[self.postings(token)])}

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
            mask &= self._member("report", reports)
        if kinds is not None:
            mask &= self._member("kind", kinds)
        scores = np.where(mask, scores, 0.0)
        top = [int(i) for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]
        return list(zip(self._take(top), (float(scores[i]) for i in top), strict=True))

    def idf(self, token: str) -> float:
        """BM25 inverse document frequency; a term no chunk contains gets the highest weight."""
        import math

        df = len(self.postings(token))
        n = len(self.rows)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def save(self, folder: Path) -> None:
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
                ((i, r.id, r.text, json.dumps(r.meta, ensure_ascii=False)) for i, r in enumerate(self.rows)),
            )
        db.close()
        np.savez(
            tmp / "columns.npz",
            weeks=self.weeks,
            report=self.codes("report")[1],
            series=self.codes("series")[1],
            kind=self.codes("kind")[1],
        )
        head = {
            "format": FORMAT,
            "count": len(self.rows),
            "values": {field: self.codes(field)[0] for field in _FIELDS},
            "reports": self.reports(),
            "langs": self.series_langs(),
        }
        (tmp / "index.json").write_text(json.dumps(head, ensure_ascii=False), encoding="utf-8")
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
        """The saved index, or None when missing or written by another format version. The rows
        stay on disk until a search or a citation asks for some of them."""
        import numpy as np

        try:
            head = json.loads((folder / "index.json").read_text(encoding="utf-8"))
            if head.get("format") != FORMAT:
                return None
            with np.load(folder / "columns.npz") as stored:
                columns: dict[str, Any] = {name: stored[name] for name in ("weeks", *_FIELDS)}
        except (OSError, ValueError, KeyError):
            return None
        columns.update(values=head["values"], reports=head["reports"], langs=head["langs"])
        count = int(head["count"])
        model = None
        if count:
            import bm25s

            try:
                model = bm25s.BM25.load(str(folder / "bm25"), show_progress=False)
            except (OSError, ValueError):
                return None
        return cls(_Rows(folder / "rows.sqlite", count), model, columns)


def _field(row: LexicalRow, field: str) -> str:
    report = str(row.meta.get("report", ""))
    return os.path.dirname(report) if field == "series" else str(row.meta.get(field, ""))


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
