"""Shared fixtures: every test gets its own data directory and no API keys.

Tests never touch the user's data directory or a real endpoint by accident.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A pinned, wide terminal so rich tables never wrap the names tests look for.
os.environ["COLUMNS"] = "200"

FIXTURES = Path(__file__).parent / "fixtures"


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
