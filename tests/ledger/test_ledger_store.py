"""The SQLite store: versioned schema, per-report replacement by content hash, removal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.errors import StoreError
from index.ledger import schema as schema_module
from index.ledger.schema import SCHEMA_VERSION
from index.ledger.store import Ledger

from .conftest import WriteReport

REPORT = """
# 周报 2024-10-18

## 重点项目
- 清结算迁移：按计划，进度30%，预计11/15上线
"""


def test_open_creates_a_versioned_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "ledger.sqlite"
    with Ledger.open(path):
        pass
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    with Ledger.open(path) as again:  # reopening migrates nothing and keeps one version row
        assert again.reports() == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_migrations_apply_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ledger.sqlite"
    with Ledger.open(path):
        pass
    extra = "CREATE TABLE notes_extra (id INTEGER PRIMARY KEY);"
    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, extra))
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Ledger.open(path):
        pass
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION + 1
        conn.execute("SELECT * FROM notes_extra")


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    with Ledger.open(path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 5,))
    with pytest.raises(StoreError, match="newer"):
        Ledger.open(path)


def test_upsert_is_free_for_unchanged_content(ledger: Ledger, write_report: WriteReport) -> None:
    report = write_report("w1.md", REPORT)
    assert ledger.upsert_report(report) is True
    assert ledger.upsert_report(report) is False
    (ref,) = ledger.reports()
    assert (ref.source, ref.week, ref.content_hash) == (report.source, "2024-W42", report.content_hash)


def test_a_changed_report_replaces_its_facts(ledger: Ledger, write_report: WriteReport) -> None:
    ledger.upsert_report(write_report("w1.md", REPORT))
    changed = write_report("w1.md", REPORT.replace("进度30%", "进度45%"))
    assert ledger.upsert_report(changed) is True
    (obs,) = ledger.load().observations
    assert obs.progress == 45


def test_remove_report(ledger: Ledger, write_report: WriteReport) -> None:
    report = write_report("w1.md", REPORT)
    ledger.upsert_report(report)
    ledger.remove_report(report.source)
    assert ledger.reports() == [] and ledger.load().observations == []


def test_the_same_file_under_two_paths_counts_once(ledger: Ledger, write_report: WriteReport) -> None:
    ledger.upsert_report(write_report("a/w1.md", REPORT))
    ledger.upsert_report(write_report("b/w1.md", REPORT))
    data = ledger.load()
    assert len(ledger.reports()) == 2
    assert len(data.reports) == 1 and len(data.observations) == 1


def test_aliases_file_defaults_to_the_data_directory(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.sqlite") as opened:
        assert opened.aliases_path == tmp_path / "aliases.toml"
