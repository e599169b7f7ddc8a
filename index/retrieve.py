"""Hybrid retrieval: dense (exact cosine over the vectors Chroma stores) and lexical (BM25)
rankings fused by reciprocal rank.

RRF needs no score calibration between a cosine and a BM25 score, which differ in scale per
query and per corpus; that is what lets the same code work on report series we never saw.
Both sides apply the same ISO-week range (`week_int`, e.g. 202442) before ranking, so a time
filter never lets an out-of-range chunk crowd the top k.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from index.text.weeks import week_key

if TYPE_CHECKING:
    from index.embed import Embedder
    from index.lexical import LexicalIndex
    from index.store import VectorStore

Mode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60


@dataclass
class Hit:
    """One retrieved chunk. `kind` is the section kind; `score` is RRF (hybrid) or the side's own.

    `dense` / `lexical` keep each side's raw score (0 when that side did not return the chunk);
    engines use them to judge whether the evidence is strong enough to answer at all.
    """

    chunk_id: str
    report: str
    week: str
    section: str
    sections: list[str]
    lines: tuple[int, int]
    text: str
    score: float
    kind: str
    date: str = ""
    week_label: str = ""
    dense: float = 0.0
    lexical: float = 0.0

    @property
    def week_int(self) -> int:
        return week_key(self.week)


def hit_from(chunk_id: str, meta: dict[str, Any], text: str) -> Hit:
    sections = [s for s in str(meta.get("sections", "")).split(" || ") if s]
    return Hit(
        chunk_id=chunk_id,
        report=str(meta.get("report", "")),
        week=str(meta.get("week", "")),
        section=str(meta.get("section", sections[0] if sections else "")),
        sections=sections or [str(meta.get("section", ""))],
        lines=(int(meta.get("line_start", 0)), int(meta.get("line_end", 0))),
        text=text,
        score=0.0,
        kind=str(meta.get("kind", "other")),
        date=str(meta.get("date", "")),
        week_label=str(meta.get("week_label", "")),
    )


def week_where(
    since: int | None,
    until: int | None,
    reports: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> dict[str, Any] | None:
    """A Chroma `where` for the week range, report scope and section kinds; several need `$and`."""
    conditions: list[dict[str, Any]] = []
    if reports is not None:
        conditions.append({"report": {"$in": sorted(reports)}})
    if kinds is not None:
        conditions.append({"kind": {"$in": sorted(kinds)}})
    if since is not None:
        conditions.append({"week_int": {"$gte": since}})
    if until is not None:
        conditions.append({"week_int": {"$lte": until}})
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


@dataclass(frozen=True)
class Filters:
    """What a search may return: an ISO week range, a set of reports, a set of section kinds
    (None for no limit). Both rankers apply the same filters before ranking."""

    since: int | None = None
    until: int | None = None
    reports: Collection[str] | None = None
    kinds: Collection[str] | None = None


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: each list adds 1 / (k + rank) for every id it holds (rank from 1)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


class Retriever:
    """Searches one index; the lexical side is built or loaded only when first needed."""

    def __init__(
        self, store: VectorStore, embedder: Embedder, lexical: LexicalIndex | Callable[[], LexicalIndex]
    ) -> None:
        self.store = store
        self.embedder = embedder
        self._lexical = lexical
        self._vectors: dict[str, Any] = {}  # a question is often searched twice (plan, then answer)

    @property
    def lexical(self) -> LexicalIndex:
        # A zero-argument callable lets the workspace defer the load until the first lexical query.
        if callable(self._lexical):
            self._lexical = self._lexical()
        return self._lexical

    def chunks_covering(self, report: str, lines: tuple[int, int]) -> list[Hit]:
        """The indexed chunks of `report` that overlap a line span (a citation's evidence)."""
        found = []
        for row in self.lexical.rows_with("report", report):
            start, end = int(row.meta.get("line_start", 0)), int(row.meta.get("line_end", 0))
            if start <= lines[1] and lines[0] <= end:
                found.append(hit_from(row.id, row.meta, row.text))
        return found

    def dense_search(self, query: str, k: int, where: Filters) -> list[Hit]:
        vector = self._vectors.get(query)
        if vector is None:
            if len(self._vectors) > 256:
                self._vectors.clear()
            vector = self._vectors[query] = self.embedder.embed_query(query)
        if self.lexical.vectors is not None:
            # Exact, over the snapshot's vectors (why not Chroma's graph: `LexicalIndex`).
            found = [
                (row.id, similarity, row.meta, row.text)
                for row, similarity in self.lexical.nearest(
                    vector, k, where.since, where.until, where.reports, where.kinds
                )
            ]
        else:
            found = self.store.query(
                vector, k, week_where(where.since, where.until, where.reports, where.kinds)
            )
        hits = []
        for chunk_id, similarity, meta, doc in found:
            hit = hit_from(chunk_id, meta, doc)
            hit.dense = hit.score = similarity
            hits.append(hit)
        return hits

    def lexical_search(self, query: str, k: int, where: Filters) -> list[Hit]:
        hits = []
        for row, score in self.lexical.search(query, k, where.since, where.until, where.reports, where.kinds):
            hit = hit_from(row.id, row.meta, row.text)
            hit.lexical = hit.score = score
            hits.append(hit)
        return hits

    def search(
        self,
        query: str,
        k: int = 8,
        since: int | None = None,
        until: int | None = None,
        mode: Mode = "hybrid",
        lexical_query: str | None = None,
        reports: Collection[str] | None = None,
        prefer_kinds: Collection[str] | None = None,
    ) -> list[Hit]:
        """The k best chunks for the query inside the week range (inclusive ISO week ints).

        `lexical_query` lets the caller give BM25 the question without its question words while
        the embedder keeps the natural sentence. `reports`, when given, is the only reports
        searched (one team's series in a shared index); an empty collection finds nothing.
        `prefer_kinds` adds, per side, a ranking restricted to those section kinds to the fusion:
        an incident question should reach the incident sections of every week, not only the one
        week whose wording happens to be closest, yet still see other sections when they match.
        """
        if reports is not None and not reports:
            return []
        terms = lexical_query or query
        depth = max(k * 4, 30)  # fuse deeper lists than we return: RRF rewards agreement
        plain = Filters(since, until, reports)
        wheres = [plain, Filters(since, until, reports, prefer_kinds)] if prefer_kinds else [plain]
        rankings: list[list[Hit]] = []
        if mode in ("dense", "hybrid"):
            rankings += [self.dense_search(query, depth, where) for where in wheres]
        if mode in ("lexical", "hybrid"):
            rankings += [self.lexical_search(terms, depth, where) for where in wheres]
        if len(rankings) == 1:
            return rankings[0][:k]
        fused = rrf([[h.chunk_id for h in ranking] for ranking in rankings])
        by_id: dict[str, Hit] = {}
        for ranking in rankings:
            for hit in ranking:
                known = by_id.setdefault(hit.chunk_id, hit)
                known.dense = max(known.dense, hit.dense)
                known.lexical = max(known.lexical, hit.lexical)
        # Ties break by date, file name and line, never by id (ids hash the absolute path).
        ranked = sorted(
            by_id.values(),
            key=lambda h: (-fused[h.chunk_id], h.date, h.report.rsplit("/", 1)[-1], h.lines[0]),
        )[:k]
        for hit in ranked:
            hit.score = fused[hit.chunk_id]
        return ranked
