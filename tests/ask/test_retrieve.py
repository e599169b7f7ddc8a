from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from index import lexical_files
from index.lexical import LexicalIndex, LexicalRow
from index.lexical_store import lexical_dir, open_for_store
from index.retrieve import rrf, week_where


def test_rrf_rewards_agreement() -> None:
    scores = rrf([["a", "b", "c"], ["b", "d"]], k=60)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["a"] == pytest.approx(1 / 61)
    assert max(scores, key=scores.__getitem__) == "b"


def test_week_where_shapes() -> None:
    assert week_where(None, None) is None
    assert week_where(202410, None) == {"week_int": {"$gte": 202410}}
    assert week_where(202410, 202411) == {
        "$and": [{"week_int": {"$gte": 202410}}, {"week_int": {"$lte": 202411}}]
    }


def _row(i: str, text: str, week: int) -> LexicalRow:
    return LexicalRow(i, text, {"week_int": week, "week": f"{week // 100}-W{week % 100:02d}", "sections": ""})


def test_lexical_week_filter() -> None:
    index = LexicalIndex.build(
        [_row("a", "积分商城联调", 202409), _row("b", "积分商城测试", 202411), _row("c", "日活用户", 202411)]
    )
    assert {r.id for r, _ in index.search("积分商城")} == {"a", "b"}
    assert [r.id for r, _ in index.search("积分商城", since=202410)] == ["b"]
    assert [r.id for r, _ in index.search("积分商城", until=202410)] == ["a"]
    assert index.search("unknown words") == []


def test_lexical_persisted_and_reloaded(workspace: Any) -> None:
    folder = lexical_dir(workspace.home, workspace.store.name)
    assert (folder / "rows.sqlite").exists() and (folder / "index.json").exists()
    loaded = lexical_files.load(folder)
    assert loaded is not None and len(loaded.rows) == workspace.store.count()
    hits = open_for_store(workspace.store, workspace.home).search("deploy frequency", k=1)
    assert hits
    built = LexicalIndex.build(list(loaded.rows))  # what a loaded index says, one built in memory says
    assert (built.reports(), built.series_langs()) == (loaded.reports(), loaded.series_langs())
    assert dict(built.doc_freq().items()) == dict(loaded.doc_freq().items()) != {}
    assert [r.id for r, _ in built.search("deploy frequency", k=3)] == [
        r.id for r, _ in loaded.search("deploy frequency", k=3)
    ]


def test_nearest_is_exact_inside_the_filters_and_breaks_ties_in_row_order() -> None:
    rows = [_row("a", "x", 202409), _row("b", "y", 202410), _row("c", "z", 202410), _row("d", "w", 202411)]
    # b and c point the same way (a tie), d is nearest overall but outside the range asked.
    vectors = np.asarray([[1.0, 0.0], [3.0, 3.0], [0.5, 0.5], [0.0, 2.0]], dtype=np.float32)
    index = LexicalIndex.build(rows, vectors)
    query = np.asarray([0.2, 1.0], dtype=np.float32)
    assert [r.id for r, _ in index.nearest(query, 4)] == ["d", "b", "c", "a"]
    ranked = index.nearest(query, 4, since=202410, until=202410)
    assert [r.id for r, _ in ranked] == ["b", "c"]  # a tie keeps row order, never the vectors' length
    assert ranked[0][1] == pytest.approx(1.2 / (2**0.5 * 1.04**0.5), rel=1e-5)  # a cosine
    assert index.nearest(query, 4, since=202412) == []
    with pytest.raises(ValueError):
        LexicalIndex.build(rows).nearest(query, 4)


def test_dense_search_ranks_every_chunk_of_a_report_exactly(workspace: Any) -> None:
    """The dense side is exact: under a filter to one report it ranks that report's chunks as a
    full scan of their stored vectors does (Chroma's filtered graph walk could skip some)."""
    rows = workspace.store.rows_with_vectors()
    report = str(rows[0][1]["report"])
    mine = [(chunk_id, vector) for chunk_id, meta, _, vector in rows if meta["report"] == report]
    query = workspace.embedder.embed_query("project progress and risks")
    unit = query / np.linalg.norm(query)
    expected = sorted(mine, key=lambda r: -float(r[1] @ unit / np.linalg.norm(r[1])))
    hits = workspace.retriever.search(
        "project progress and risks", k=len(mine), mode="dense", reports={report}
    )
    assert [h.chunk_id for h in hits] == [chunk_id for chunk_id, _ in expected]
    loaded = open_for_store(workspace.store, workspace.home)
    assert loaded.vectors is not None and loaded.vectors.shape == (workspace.store.count(), len(query))


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_search_respects_week_range(workspace: Any, mode: str) -> None:
    hits = workspace.retriever.search("积分商城 进度", k=8, since=202410, until=202410, mode=mode)
    assert hits
    assert {h.week for h in hits} == {"2024-W10"}


def test_hybrid_hits_carry_spans_and_sections(workspace: Any) -> None:
    hits = workspace.retriever.search("Log pipeline migration ETA", k=3)
    top = hits[0]
    assert top.report.endswith("infra-en/2024-03-08.md") or top.report.endswith("infra-en/2024-03-15.md")
    assert top.sections == ["Projects"]
    assert top.lines[0] <= top.lines[1]
    assert "Log pipeline migration" in top.text


def test_where_combines_reports_and_kinds() -> None:
    assert week_where(None, None, reports={"/b.md", "/a.md"}, kinds={"metrics"}) == {
        "$and": [{"report": {"$in": ["/a.md", "/b.md"]}}, {"kind": {"$in": ["metrics"]}}]
    }


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_search_stays_inside_the_given_reports(workspace: Any, mode: str) -> None:
    """A question scoped to one team never sees another team's chunks, on either side."""
    everything = workspace.retriever.search("进度 ETA progress", k=20, mode=mode)
    growth = {h.report for h in everything if "growth-zh" in h.report}
    assert growth and len(growth) < len({h.report for h in everything})
    hits = workspace.retriever.search("进度 ETA progress", k=20, mode=mode, reports=growth)
    assert hits and {h.report for h in hits} <= growth
    assert workspace.retriever.search("进度", k=5, mode=mode, reports=set()) == []


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_preferred_kinds_lift_sections_of_that_kind(workspace: Any, mode: str) -> None:
    """A metric question should reach the metric sections even when its words sit closer to
    another section ("本周进展" reads like a progress heading)."""
    plain = workspace.retriever.search("本周进展", k=4, mode=mode)
    lifted = workspace.retriever.search("本周进展", k=4, mode=mode, prefer_kinds=("metrics",))
    assert "metrics" not in {h.kind for h in plain}
    assert "metrics" in {h.kind for h in lifted}


def test_preferred_kinds_never_invent_lexical_matches(workspace: Any) -> None:
    """BM25 only lifts chunks that contain the words: no metric section says 进展."""
    plain = workspace.retriever.search("本周进展", k=4, mode="lexical")
    lifted = workspace.retriever.search("本周进展", k=4, mode="lexical", prefer_kinds=("metrics",))
    assert [h.chunk_id for h in lifted] == [h.chunk_id for h in plain]


def test_chunks_covering_a_citation(workspace: Any) -> None:
    hit = workspace.retriever.search("Mean time to restore", k=1, mode="lexical")[0]
    found = workspace.retriever.chunks_covering(hit.report, (hit.lines[0], hit.lines[0]))
    assert [h.chunk_id for h in found] == [hit.chunk_id]
    assert workspace.retriever.chunks_covering(hit.report, (9999, 9999)) == []


def test_postings_count_documents_and_name_series(workspace) -> None:  # type: ignore[no-untyped-def]
    """Document frequencies, the series holding a term and a report's rows come from the BM25
    postings and per-row codes, and agree with reading every row."""
    import os

    from index.lexical import _indexed_text, tokenize

    lexical = workspace.retriever.lexical
    holders: dict[str, set[int]] = {}
    for i, row in enumerate(lexical.rows):
        for token in set(tokenize(_indexed_text(row))):
            holders.setdefault(token, set()).add(i)
    for token, rows in holders.items():
        assert set(lexical.postings(token).tolist()) == rows, token
        expected = {os.path.dirname(str(lexical.rows[i].meta["report"])) for i in rows}
        assert lexical.series_holding(token) == expected, token
    assert len(lexical.postings("no-such-token")) == 0
    report = str(lexical.rows[0].meta["report"])
    assert lexical.rows_with("report", report) == [r for r in lexical.rows if r.meta["report"] == report]
