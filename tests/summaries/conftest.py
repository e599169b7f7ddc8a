"""A ledger of the example corpus built directly (parse + extract, no embedding, no Chroma), so
the summary tests run in milliseconds against the same facts `summarizer ingest` stores."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report
from summarizer.config import load_settings
from summarizer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"
GOLDEN = Path(__file__).parent / "golden"


def build_workspace(home: Path, files: list[Path]) -> Workspace:
    workspace = Workspace(load_settings(None, {"home": home}))
    with Ledger.open(workspace.settings.ledger_path) as ledger:
        for path in files:
            ledger.upsert_report(parse_report(load_document(path), str(path)))
    return workspace


def example_files(limit: dict[str, int] | None = None) -> list[Path]:
    """The example reports, optionally only the first N of a series (`{"payments-zh": 5}`)."""
    out = []
    for folder in sorted(EXAMPLES.iterdir()):
        files = sorted(folder.glob("*.md"))
        if limit and folder.name in limit:
            files = files[: limit[folder.name]]
        out += files
    return out


@pytest.fixture(scope="session")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The whole example corpus in a ledger (shared: tests only read it)."""
    return build_workspace(tmp_path_factory.mktemp("examples-home"), example_files())


@pytest.fixture
def fresh(tmp_path: Path) -> Callable[[list[Path]], Workspace]:
    """A workspace of its own for tests that write (the cache) or need a subset of reports."""

    def make(files: list[Path]) -> Workspace:
        return build_workspace(tmp_path / "home", files)

    return make


@pytest.fixture
def write_series(tmp_path: Path) -> Callable[[str, dict[str, str]], list[Path]]:
    """write_series("team", {"2024-03-01.md": text, ...}) -> the files, in a folder of their own."""

    def write(name: str, reports: dict[str, str]) -> list[Path]:
        folder = tmp_path / "reports" / name
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for file, text in reports.items():
            path = folder / file
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
            out.append(path)
        return out

    return write


@pytest.fixture
def copied_examples(tmp_path: Path) -> Iterator[Path]:
    """A copy of the example corpus a test may edit."""
    target = tmp_path / "reports"
    shutil.copytree(EXAMPLES, target)
    yield target
