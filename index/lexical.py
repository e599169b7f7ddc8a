"""The lexical side of retrieval: BM25 (bm25s) over CJK-aware tokens, persisted beside the index.

Local Chroma has no sparse or full-text ranking (FACTS.md), and on zh/en weekly reports BM25
over CJK character bigrams matches or beats dense retrieval, so we keep our own. Chinese has no
spaces, so a CJK run becomes overlapping character bigrams (no dictionary, works for any
vocabulary: project code names, people, new jargon); other text becomes lowercase words and
numbers. The index is rebuilt from the store's chunks after every ingest (milliseconds) and
loaded lazily at query time; the store stays the single source of truth. This module is the
tokenizer and the index in memory; `lexical_files.py` saves and loads it, `lexical_store.py` keeps
it in step with the store.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.text.cjk import SCRIPTS
from index.text.lang import Lang, detect_lang

if TYPE_CHECKING:
    import numpy as np

# Per-row columns the filters compare, stored beside the rows so a loaded index need not read them.
FIELDS = ("report", "series", "kind")
# A report as the index knows it: (report, series, date, week_int, week label, top headings).
ReportEntry = tuple[str, str, str, int, str, str]
# Chunks per series whose text tells the series' language.
LANG_SAMPLE = 20
# (a Latin word keeps its accented letters, `dématérialisé`, and is matched without them: `glissé`
# is the `glisse` of a report's sentence)
_LATIN = "a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(rf"[{SCRIPTS}]+|[{_LATIN}]+(?:[._][{_LATIN}]+)*", re.IGNORECASE)
_CJK_RUN = re.compile(rf"^[{SCRIPTS}]+$")
# English function words, and the French ones that are no English word or code (`ce`, `le`, `son`,
# `est` stay: `CE Ingest` is a project): they carry no topic and would let any chunk match a question ("what
# did the update say about …" asks what a report says, as "tell" does).
_STOP_TEXT = """
a an the of to in on at for and or is are was were be been by with what which who whom when where
why how did do does has have had this that these those it its from as any all our we you i me my
there their they them about tell show list give please happen happened happens occur occurred
say says said
les une été ils elle elles cette leur leurs dans sur pour avec quel quelle quels quelles pourquoi
comment quand quoi où
"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


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
                tokens.append(_unaccented(word) if not word.isascii() else word)
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
    """A BM25 index over chunk rows, with week-range filtering applied as a score mask; with the
    rows' vectors beside them, the exact dense ranking under the same mask.

    The dense side ranks here rather than in Chroma's HNSW graph because a filtered graph search
    is approximate in the worst way for us: one team's series or a few weeks are a small share
    of a shared index, and a graph walk under such a filter misses near chunks (and which ones it
    misses depends on the order the graph was built in, so two fresh indexes of the same reports
    answered differently). A scan of the masked rows is exact, the same on every build, and cheap
    at report scale (a matrix product over thousands of rows).
    """

    def __init__(
        self,
        rows: Sequence[LexicalRow],
        model: Any = None,
        columns: dict[str, Any] | None = None,
        vectors: np.ndarray | None = None,
    ) -> None:
        self.rows = rows
        self.model = model
        # Unit-length row vectors (float32, one per row, row order), or None when not kept.
        self.vectors = vectors
        self._weeks: np.ndarray | None = None
        self._codes: dict[str, tuple[list[str], np.ndarray]] = {}
        self._lookup: dict[str, dict[str, int]] = {}
        self._reports: list[ReportEntry] | None = None
        self._langs: dict[str, Lang] | None = None
        if columns is not None:
            self._weeks = columns["weeks"]
            self._codes = {f: (columns["values"][f], columns[f]) for f in FIELDS}
            self._reports = [tuple(r) for r in columns["reports"]]  # type: ignore[misc]
            self._langs = columns["langs"]
        # Derived once per loaded index by callers that need a whole-index view (question planning).
        self.derived: dict[str, Any] = {}

    @classmethod
    def build(cls, rows: list[LexicalRow], vectors: np.ndarray | None = None) -> LexicalIndex:
        """The index of these rows; `vectors` (one per row, in row order) enables `nearest`."""
        import bm25s

        from index.vectors import unit_rows

        model = None
        if rows:
            model = bm25s.BM25()
            # bm25s needs at least one token per document; the chunk id is a harmless filler.
            corpus = [tokenize(_indexed_text(r)) or [r.id] for r in rows]
            model.index(corpus, show_progress=False)
        return cls(rows, model, vectors=None if vectors is None else unit_rows(vectors))

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
        take = getattr(rows, "take", None)  # rows on disk (`lexical_files.Rows`): one query for all
        if take is not None:
            return take(indices)
        return [rows[int(i)] for i in indices]

    def _member(self, field: str, wanted: Collection[str]) -> np.ndarray:
        import numpy as np

        values, column = self.codes(field)
        chosen = [i for i, value in enumerate(values) if value in wanted]
        return np.isin(column, np.asarray(chosen, dtype=np.int32))

    def postings(self, token: str) -> np.ndarray:
        """Row indices of the chunks holding a token (empty when no chunk does)."""
        import numpy as np

        vocab = self.model.vocab_dict if self.model is not None else {}
        if token not in vocab:
            return np.zeros(0, dtype=np.int32)
        scores = self.model.scores
        at = vocab[token]
        if at + 1 >= len(scores["indptr"]):
            return np.zeros(0, dtype=np.int32)
        return np.asarray(scores["indices"][scores["indptr"][at] : scores["indptr"][at + 1]])

    def doc_freq(self) -> Mapping[str, int]:
        """Chunks holding each token, read from the postings' offsets (no pass over the rows)."""
        return _DocFreq(self.model)

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

        if self.model is None or not self.rows:
            return []
        vocab = self.model.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return []
        scores = np.asarray(self.model.get_scores(tokens), dtype=np.float64)
        scores = np.where(self._mask(since, until, reports, kinds), scores, 0.0)
        top = [int(i) for i in best_first(scores, k) if scores[i] > 0]
        return list(zip(self._take(top), (float(scores[i]) for i in top), strict=True))

    def nearest(
        self,
        vector: np.ndarray,
        k: int,
        since: int | None = None,
        until: int | None = None,
        reports: Collection[str] | None = None,
        kinds: Collection[str] | None = None,
    ) -> list[tuple[LexicalRow, float]]:
        """The k rows whose vectors are nearest the query vector (cosine similarity, best first,
        ties in row order) inside the same filters as `search`. Needs `vectors`."""
        import numpy as np

        from index.vectors import unit_rows

        if self.vectors is None:
            raise ValueError("this index keeps no vectors")
        inside = np.flatnonzero(self._mask(since, until, reports, kinds))
        if not len(inside):
            return []
        query = unit_rows(np.asarray(vector, dtype=np.float32).reshape(1, -1))[0]
        # (all rows: the product over the mapped file itself, not over a copy of it)
        chosen = self.vectors if len(inside) == len(self.rows) else self.vectors[inside]
        similarity = np.asarray(chosen @ query, dtype=np.float64)
        order = best_first(similarity, k)
        return list(zip(self._take(inside[order]), (float(similarity[i]) for i in order), strict=True))

    def _mask(
        self,
        since: int | None,
        until: int | None,
        reports: Collection[str] | None,
        kinds: Collection[str] | None,
    ) -> np.ndarray:
        """Which rows the filters keep (each None for all)."""
        import numpy as np

        mask = np.ones(len(self.rows), dtype=bool)
        if since is not None:
            mask &= self.weeks >= since
        if until is not None:
            mask &= self.weeks <= until
        if reports is not None:
            mask &= self._member("report", reports)
        if kinds is not None:
            mask &= self._member("kind", kinds)
        return mask

    def idf(self, token: str) -> float:
        """BM25 inverse document frequency; a term no chunk contains gets the highest weight."""
        import math

        df = len(self.postings(token))
        n = len(self.rows)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _field(row: LexicalRow, field: str) -> str:
    report = str(row.meta.get("report", ""))
    return os.path.dirname(report) if field == "series" else str(row.meta.get(field, ""))


def _indexed_text(row: LexicalRow) -> str:
    """Headings are part of what a chunk is about ("风险", "Incidents"), so index them with the body."""
    return f"{row.meta.get('sections', '')}\n{row.meta.get('week_label', '')}\n{row.text}"


def best_first(scores: np.ndarray, k: int) -> np.ndarray:
    """The indices of the k highest scores, best first, ties in index order: what a stable sort of
    every score gives, with the sort kept to the scores that can make the top k (a question's
    search ranks the whole index's ~22,000 chunks to keep eight)."""
    import numpy as np

    if 0 < k < len(scores):
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        candidates = np.flatnonzero(scores >= kth)
    else:
        candidates = np.arange(len(scores))
    return candidates[np.argsort(-scores[candidates], kind="stable")][:k]
