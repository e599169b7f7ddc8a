"""Ingest against a real embedded Chroma and the real local embedder: idempotence and recovery."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from index.chroma_client import collection_name, make_client
from index.chunk import chunk_report
from index.embed import CachedEmbedder, LocalEmbedder
from index.ingest import Ingestor
from index.load import load_document
from index.parse import parse_report
from index.store import VectorStore


@pytest.fixture
def corpus(tmp_path: Path, fixtures: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("zh_notion.md", "en_blocks.md", "nested.md"):
        shutil.copy(fixtures / name, folder / name)
    return folder


@pytest.fixture
def ingestor(tmp_path: Path) -> Ingestor:
    embedder = CachedEmbedder(LocalEmbedder(), tmp_path / "cache" / "embeddings.sqlite")
    client = make_client(tmp_path / "chroma", None)
    store = VectorStore(client, collection_name(embedder.name, 400, 40), embedder.name)
    return Ingestor(store, embedder)


def _snapshot(store: VectorStore) -> dict[str, tuple[str, str]]:
    page = store.collection.get(include=["documents", "metadatas"])
    return {
        chunk_id: (doc, meta["report_hash"])
        for chunk_id, doc, meta in zip(page["ids"], page["documents"], page["metadatas"], strict=True)
    }


def test_ingesting_twice_changes_nothing(ingestor: Ingestor, corpus: Path) -> None:
    first = ingestor.ingest([corpus])
    assert first.totals()["added"] == 3
    before = _snapshot(ingestor.store)
    second = ingestor.ingest([corpus])
    totals = second.totals()
    assert (totals["unchanged"], totals["chunks_added"], totals["chunks_removed"]) == (3, 0, 0)
    assert _snapshot(ingestor.store) == before


def test_editing_one_report_replaces_exactly_its_chunks(ingestor: Ingestor, corpus: Path) -> None:
    ingestor.ingest([corpus])
    before = _snapshot(ingestor.store)
    target = corpus / "zh_notion.md"
    target.write_text(target.read_text(encoding="utf-8").replace("进度55%", "进度70%"), encoding="utf-8")
    summary = ingestor.ingest([corpus])
    outcome = next(o for o in summary.outcomes if o.path.endswith("zh_notion.md"))
    assert outcome.status == "updated"
    assert (outcome.chunks_added, outcome.chunks_removed) == (1, 1)
    after = _snapshot(ingestor.store)
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1
    expected = {c.id for c in chunk_report(parse_report(load_document(target), str(target)))}
    stored = {i for i, (_, h) in after.items() if i in expected}
    assert stored == expected, "no stale chunk of the edited report is left"
    other_hashes = {load_document(corpus / n).content_hash for n in ("en_blocks.md", "nested.md")}
    others = {i: v for i, v in before.items() if v[1] in other_hashes}
    assert others and all(after.get(i) == v for i, v in others.items()), "other reports are untouched"


def test_reports_edited_together_are_written_together_each_losing_only_its_stale_chunks(
    ingestor: Ingestor, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingestor.ingest([corpus])
    edits = {"zh_notion.md": ("进度55%", "进度70%"), "nested.md": ("detail with 30%", "detail with 45%")}
    for name, (old, new) in edits.items():
        path = corpus / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    groups: list[list[str]] = []
    real = VectorStore.replace_reports

    def counted(self: VectorStore, reports):  # type: ignore[no-untyped-def]
        groups.append([Path(r).name for r, _, _ in reports])
        return real(self, reports)

    monkeypatch.setattr(VectorStore, "replace_reports", counted)
    summary = ingestor.ingest([corpus])
    assert groups == [sorted(edits)] or groups == [list(edits)], "one store write for both reports"
    stored = _snapshot(ingestor.store)
    for name in edits:
        report = parse_report(load_document(corpus / name), str(corpus / name))
        expected = {c.id for c in chunk_report(report)}
        outcome = next(o for o in summary.outcomes if o.path.endswith(name))
        assert outcome.status == "updated"
        assert {i for i, (_, h) in stored.items() if h == report.content_hash} == expected
        assert outcome.chunks_removed == outcome.chunks_added >= 1
    current = {load_document(corpus / n).content_hash for n in ("zh_notion.md", "en_blocks.md", "nested.md")}
    assert {h for _, h in stored.values()} == current, "no chunk of an old version is left"


def test_half_finished_ingest_is_redone(ingestor: Ingestor, corpus: Path) -> None:
    target = corpus / "en_blocks.md"
    report = parse_report(load_document(target), str(target))
    chunks = chunk_report(report)
    vectors = ingestor.embedder.embed_passages([c.embed_text for c in chunks])
    ingestor.store.replace_report(str(target), chunks[:1], vectors[:1])
    # Simulate a crash after the first batch: the stored chunk claims more siblings than exist.
    ingestor.store.collection.update(ids=[chunks[0].id], metadatas=[{"chunk_count": len(chunks)}])
    assert not ingestor.store.stored_report(str(target)).complete
    outcome = ingestor.ingest_file(target)
    assert outcome.status == "updated"
    stored = ingestor.store.stored_report(str(target))
    assert stored.complete and len(stored.chunk_ids) == len(chunks)


def test_bad_files_are_skipped_and_the_rest_go_in(ingestor: Ingestor, corpus: Path) -> None:
    (corpus / "empty.md").write_text("")
    (corpus / "blob.md").write_bytes(b"\x00\x01\x02binary")
    (corpus / "undated.md").write_text("# Notes\n\n- a\n", encoding="utf-8")
    summary = ingestor.ingest([corpus])
    reasons = {Path(o.path).name: o.reason for o in summary.skipped}
    assert set(reasons) == {"empty.md", "blob.md", "undated.md"}
    assert "binary" in reasons["blob.md"] and "empty" in reasons["empty.md"]
    assert "--date" in reasons["undated.md"]
    assert summary.totals()["reports"] == 3


def test_prune_removes_reports_whose_files_are_gone(ingestor: Ingestor, corpus: Path) -> None:
    ingestor.ingest([corpus])
    (corpus / "nested.md").unlink()
    summary = ingestor.ingest([corpus], prune=True)
    assert [Path(p).name for p in summary.pruned] == ["nested.md"]
    assert all(not r.endswith("nested.md") for r in ingestor.store.stored_reports())


def test_unchanged_report_costs_no_embedding(ingestor: Ingestor, corpus: Path) -> None:
    ingestor.ingest([corpus])
    embedder = ingestor.embedder
    assert isinstance(embedder, CachedEmbedder)
    misses, hits = embedder.misses, embedder.hits
    ingestor.ingest([corpus])
    assert (embedder.misses, embedder.hits) == (misses, hits), "unchanged reports are not even re-embedded"


class _Counting:
    """The real embedder, counting its calls and the texts of each."""

    def __init__(self, inner: LocalEmbedder) -> None:
        self.inner, self.name, self.calls = inner, inner.name, []  # type: ignore[var-annotated]
        self.window = inner.window

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        self.calls.append(len(texts))
        return self.inner.embed_passages(texts)

    def embed_query(self, text):  # type: ignore[no-untyped-def]
        return self.inner.embed_query(text)


def test_chunks_of_several_files_are_embedded_together(tmp_path: Path, corpus: Path) -> None:
    counting = _Counting(LocalEmbedder())
    store = VectorStore(
        make_client(tmp_path / "chroma2", None), collection_name(counting.name, 400, 40), counting.name
    )
    summary = Ingestor(store, counting).ingest([corpus])  # type: ignore[arg-type]
    assert summary.totals()["added"] == 3
    assert counting.calls == [summary.totals()["chunks_added"]]  # one call for the three reports


def test_an_unchanged_file_is_not_parsed(
    ingestor: Ingestor, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.ledger.store import Ledger

    ledger = Ledger.open(corpus.parent / "ledger.sqlite")
    ingestor.ledger = ledger
    ingestor.ingest([corpus])
    monkeypatch.setattr(
        "index.parallel_load.parse_report", lambda *a, **k: pytest.fail("parsed an unchanged file")
    )
    assert ingestor.ingest([corpus]).totals()["unchanged"] == 3
    ledger.close()


def test_reingesting_an_unchanged_corpus_keeps_the_lexical_index(tmp_path: Path, corpus: Path) -> None:
    from index.lexical_store import lexical_dir
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    workspace = Workspace(load_settings(overrides={"home": tmp_path / "home"}, environ={}))
    ingest_paths(workspace, [corpus])
    head = lexical_dir(workspace.home, workspace.store.name) / "index.json"
    written = head.stat().st_mtime_ns
    assert ingest_paths(workspace, [corpus]).totals()["unchanged"] == 3
    assert head.stat().st_mtime_ns == written
    (corpus / "nested.md").write_text(
        "# Weekly 2024-10-18\n\n## Projects\n- Ledger export: 50%\n", encoding="utf-8"
    )
    ingest_paths(workspace, [corpus])
    assert head.stat().st_mtime_ns != written


def test_a_folder_that_never_writes_a_year_is_read_in_the_last_twelve_months(
    ingestor: Ingestor, tmp_path: Path
) -> None:
    """No report of the folder writes a year: each goes in, dated within the twelve months before
    today, and the summary warns that the year was assumed (a folder with a dated report lends
    its year instead: tests/test_datelines.py)."""
    folder = tmp_path / "yearless"
    folder.mkdir()
    for day in ("6月13日", "12月19日"):
        (folder / f"周报{day}.txt").write_text(
            f"第几周周报（{day}）\n\n一、项目\n- 账单重构：进度六成\n", encoding="utf-8"
        )
    ingestor.today = lambda: date(2026, 3, 2)
    summary = ingestor.ingest([folder])
    assert sorted(o.date for o in summary.outcomes) == ["2025-06-13", "2025-12-19"]
    assert sorted(w.date for w in summary.warnings) == ["2025-06-13", "2025-12-19"]
    assert all("no report in its folder writes a year" in w.message for w in summary.warnings)


def test_a_yearless_series_is_read_in_the_year_its_weekdays_give(ingestor: Ingestor, tmp_path: Path) -> None:
    """No report writes a year, but most titles write a weekday (`Fri 2/7` is 2025's, whatever
    today is): the days without one (`2-28`) and a day a weekday fits in either order (`Fri 3/7`: 7
    March 2025, or 3 July 2026, also a Friday) go with their series, not with the twelve months
    before today; the ledger holds the same days as the store (a report read again in another
    year is written again, though its text did not change)."""
    from index.ledger.store import Ledger

    folder = tmp_path / "notes"
    folder.mkdir()
    titles = {
        "wk5.md": "Rollout notes wk5 - Fri 2/7",
        "wk6.md": "Rollout notes wk6 - Fri 2/14",
        "wk7.md": "Rollout notes wk7 - Fri 2/21",
        "wk8.md": "Rollout notes wk8 - 2/28",
        "wk9.md": "Rollout notes wk9 - Fri 3/7",
    }
    for name, title in titles.items():
        (folder / name).write_text(
            f"# {title}\n\n## Projects\n- Till swap: 40%, target 3/21\n", encoding="utf-8"
        )
    ledger = Ledger.open(tmp_path / "ledger.sqlite")
    ingestor.ledger = ledger
    ingestor.today = lambda: date(2026, 12, 7)
    summary = ingestor.ingest([folder])
    got = {Path(o.path).name: o.date for o in summary.outcomes}
    assert got == {
        "wk5.md": "2025-02-07",
        "wk6.md": "2025-02-14",
        "wk7.md": "2025-02-21",
        "wk8.md": "2025-02-28",
        "wk9.md": "2025-03-07",
    }
    assert summary.totals()["added"] == 5  # re-dated within the run, still added once
    stored = {Path(r.report).name: r.date for r in ingestor.store.stored_reports().values()}
    assert stored == got
    in_ledger = dict(ledger._conn.execute("SELECT source, date FROM reports").fetchall())
    assert {Path(source).name: day for source, day in in_ledger.items()} == got
    ledger.close()


def test_a_folder_whose_layout_gives_no_project_facts_is_reported(tmp_path: Path) -> None:
    """Reports that give no project target, status or progress (here: free prose about the week)
    make the ingest warn about their folder, so empty `slips` is not read as "nothing slipped";
    a folder whose projects are read, ingested in the same run, gets no warning."""
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    unread, read = tmp_path / "unread", tmp_path / "read"
    unread.mkdir()
    read.mkdir()
    for day in ("2024-10-04", "2024-10-11", "2024-10-18"):
        (unread / f"{day}.md").write_text(
            f"# Notes {day}\n\nA quiet week. We met the vendor and talked about next quarter.\n",
            encoding="utf-8",
        )
        (read / f"{day}.md").write_text(
            f"# Weekly {day}\n\n## Projects\n- Ledger export: 50%, target 2024-11-29\n"
            "- Card vault: on track, target 2024-12-13\n",
            encoding="utf-8",
        )
    workspace = Workspace(load_settings(overrides={"home": tmp_path / "home"}, environ={}))
    summary = ingest_paths(workspace, [unread, read])
    warned = [w for w in summary.warnings if "no project target" in w.message]
    assert [Path(w.path).name for w in warned] == ["unread"]
    assert "3 of 3 reports" in warned[0].message


def test_a_report_that_writes_no_date_is_dated_by_its_number_among_its_siblings(
    ingestor: Ingestor, tmp_path: Path
) -> None:
    """`第14期` forgot its date; 第13期 and 第15期 are a week apart each: it goes in on the day
    between them, with a warning. A report with neither date nor number is still skipped."""
    folder = tmp_path / "numbered"
    folder.mkdir()
    for number, day in ((13, "2025年3月28日"), (14, ""), (15, "2025年4月11日")):
        dated = f"日期：{day}\n\n" if day else ""
        (folder / f"weekly-{number}.md").write_text(
            f"# 团队周报 第{number}期\n\n{dated}## 项目\n- 账单重构：进度{number * 4}%\n", encoding="utf-8"
        )
    (folder / "notes.md").write_text("# 随记\n\n没有日期也没有编号。\n", encoding="utf-8")
    summary = ingestor.ingest([folder])
    dates = {Path(o.path).name: (o.status, o.date) for o in summary.outcomes}
    assert dates["weekly-14.md"] == ("added", "2025-04-04")
    assert dates["notes.md"][0] == "skipped"
    assert [Path(w.path).name for w in summary.warnings] == ["weekly-14.md"]
    assert "from its number" in summary.warnings[0].message


def test_a_report_dated_only_by_a_date_in_its_opening_lines_goes_in_with_a_warning(
    ingestor: Ingestor, tmp_path: Path
) -> None:
    """No rule knows "Prepared 2025-03-07 for…" as a date place: the first full date of the opening
    lines dates it, the outcome says where the date came from and a warning says it was guessed."""
    folder = tmp_path / "steering"
    folder.mkdir()
    (folder / "a.md").write_text("# Steering notes\n\nDate: 2025-02-28\n\n## Items\n- x\n", encoding="utf-8")
    (folder / "b.md").write_text(
        "# Steering notes\n\nPrepared 2025-03-07 for the board.\n\n## Items\n- y\n", encoding="utf-8"
    )
    summary = ingestor.ingest([folder])
    found = {Path(o.path).name: (o.status, o.date, o.date_from) for o in summary.outcomes}
    assert found["a.md"] == ("added", "2025-02-28", "header line")
    assert found["b.md"] == ("added", "2025-03-07", "first dated line (guessed)")
    assert [Path(w.path).name for w in summary.warnings] == ["b.md"]
    assert "first date in its opening lines" in summary.warnings[0].message
