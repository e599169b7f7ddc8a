"""The small zh/en corpus the session index (`ask_home`, `workspace` in tests/conftest.py) is built from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from index.ledger.store import Ledger
from index.load import load_document
from index.parse import parse_report

CORPUS = Path(__file__).parent / "corpus"


def open_ledger(folder: Path, reports: dict[str, str]) -> Iterator[Ledger]:
    """A derived ledger of these reports (relative path -> text), written under `folder`: the ledger
    answers read, without an index."""
    with Ledger.open(folder / "ledger.sqlite") as opened:
        for name, text in reports.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            opened.upsert_report(parse_report(load_document(path), str(path)))
        opened.derive()
        yield opened
