"""Crash consistency: kill an ingest (with --prune) before each of its writes, in a real
subprocess, and check that the next run leaves the ledger, the vector store and the lexical index
in agreement (issue: reliability, finding 5)."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import V1, V2, run_cli_forked, write_corpus

from index import lexical_files
from index.crash import ENV, EXIT_CODE
from index.lexical_store import lexical_dir
from index.reconcile import find_problems
from summarizer.config import load_settings
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def workspace(home: Path) -> Workspace:
    return Workspace(load_settings(overrides={"home": home}, environ={}))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """v1 ingested into `home` (closed, so a copy of it is a complete store); `corpus` then holds
    v2 at the same paths, and the embedding cache knows v2's chunks too (reruns embed nothing)."""
    tmp = tmp_path_factory.mktemp("crash")
    with workspace(tmp / "scratch") as scratch:
        ingest_paths(scratch, [write_corpus(tmp / "v2", V2)])
    shutil.copytree(tmp / "scratch" / "cache", tmp / "home" / "cache")
    corpus = write_corpus(tmp / "corpus", V1)
    with workspace(tmp / "home") as ws:
        assert ingest_paths(ws, [corpus]).totals()["added"] == 3
    write_corpus(corpus, V2)
    return tmp


def run_killed(base: Path, point: int) -> tuple[int, Path, str]:
    """A copy of the v1 home, and `ingest --prune` of v2 into it, killed before write `point`."""
    home = base / f"killed-at-{point}"
    shutil.copytree(base / "home", home)
    command = ["ingest", str(base / "corpus"), "--prune", "--index", str(home), "--json"]
    code, output = run_cli_forked(command, base / f"killed-at-{point}.log", {ENV: str(point)})
    return code, home, output


def assert_consistent(ws: Workspace) -> None:
    stored = ws.store.stored_reports()
    assert ws.ledger.pending() == {}
    assert find_problems(stored, ws.ledger.stored(), ws.ledger.pending()) == []
    assert set(stored) == set(ws.ledger.stored())
    assert all(r.complete for r in stored.values())
    lexical = lexical_files.load(lexical_dir(ws.home, ws.store.name))
    assert lexical is not None
    assert {r.id for r in lexical.rows} == set(ws.store.collection.get(include=[])["ids"])


def kill_and_recover(base: Path, point: int) -> str | None:
    """Kill the ingest before write `point`, then check the next runs repair it: the crash point's
    label, or None when the run has fewer writes (it finished)."""
    code, home, output = run_killed(base, point)
    if code == 0:
        return None
    assert code == EXIT_CODE, output
    corpus = base / "corpus"
    with workspace(home) as ws:
        recovery = ingest_paths(ws, [corpus])  # a plain ingest: no --prune
        assert recovery.error is None
        assert_consistent(ws)
        ingest_paths(ws, [corpus], prune=True)
        assert set(ws.store.stored_reports()) == set(ws.ledger.stored()) == {str(corpus / n) for n in V2}
    return output.split(": crashing before ", 1)[-1].splitlines()[0]


def test_a_kill_before_any_write_of_an_ingest_or_prune_is_repaired_by_the_next_run(base: Path) -> None:
    crashes: list[str] = []
    point = 1
    with ThreadPoolExecutor(max_workers=2) as pool:
        while True:
            wave = list(pool.map(lambda p: kill_and_recover(base, p), (point, point + 1)))
            crashes += [label for label in wave if label is not None]
            if None in wave:
                break  # past the run's last write
            point += 2
    # Every kind of write was interrupted somewhere: the sweep covered the whole run.
    kinds = {" ".join(crash.split(" ")[:2]) for crash in crashes}
    assert {"journal write", "chroma upsert", "chroma delete", "ledger write"} <= kinds
    assert {"journal remove", "ledger remove", "lexical save"} <= kinds, crashes


def test_a_prune_killed_after_the_chunks_went_leaves_no_ledger_row(tmp_path: Path) -> None:
    """The finding as measured: chunks deleted, then the kill, before the ledger row went. Later
    prunes walked only the store's reports, so the report stayed in the ledger for good."""
    corpus = write_corpus(tmp_path / "corpus", V1)
    with workspace(tmp_path / "home") as ws:
        ingest_paths(ws, [corpus])
        gone = str(corpus / "2025-03-21.md")
        (corpus / "2025-03-21.md").unlink()
        ws.store.remove_report(gone)  # the prune's first write, then the kill
        assert gone in ws.ledger.stored()
        summary = ingest_paths(ws, [corpus], prune=True)
        assert gone not in ws.ledger.stored()
        assert [(r.report, r.problem) for r in summary.repaired] == [
            (gone, "in the ledger but not in the vector store")
        ]
        assert_consistent(ws)
