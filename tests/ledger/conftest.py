"""Helpers for ledger tests: write small hand-made reports to tmp files and build ledgers from them.

Reports are written to disk (not only parsed from strings) so every citation can be checked by
the real `Verifier`, which reloads the cited file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from index.ledger.store import Ledger
from index.load import load_document
from index.models import Report
from index.parse import parse_report

WriteReport = Callable[[str, str], Report]


@pytest.fixture
def write_report(tmp_path: Path) -> WriteReport:
    """write_report("w1.md", text) -> the parsed Report; the source is the absolute file path."""

    def write(name: str, text: str) -> Report:
        path = tmp_path / "reports" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return parse_report(load_document(path), str(path))

    return write


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    with Ledger.open(tmp_path / "data" / "ledger.sqlite") as opened:
        yield opened


def build(ledger: Ledger, reports: list[Report]) -> Ledger:
    for report in reports:
        ledger.upsert_report(report)
    return ledger


Series = Callable[[list[tuple[str, str]]], Ledger]


@pytest.fixture
def series(ledger: Ledger, write_report: WriteReport) -> Series:
    """A ledger built from `(file name, text)` pairs, written and parsed as real reports."""

    def make(reports: list[tuple[str, str]]) -> Ledger:
        return build(ledger, [write_report(name, text) for name, text in reports])

    return make
