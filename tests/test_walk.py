"""The directory walk says what it could not walk: unreadable folders, symlink loops, dangling
links; and each path counts once (issue: reliability, finding 6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index.walk import Skip, walk_reports
from summarizer.cli import app

REPORT = "# Weekly report {day}\n\n## Progress\n- Project Osprey step {day}\n"


def _report(path: Path, day: str = "2025-03-14") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(day=day), encoding="utf-8")
    return path


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make a folder unreadable. chmod does not stop root, so as root (tests often run as root) the
    listing of that folder is also made to fail with the error a real user would get."""

    def make(folder: Path) -> Path:
        folder.chmod(0)
        if os.geteuid() == 0:
            real = os.scandir

            def scandir(path):  # type: ignore[no-untyped-def]
                if Path(path) == folder:
                    raise PermissionError(13, "Permission denied", str(path))
                return real(path)

            monkeypatch.setattr(os, "scandir", scandir)
        return folder

    yield make


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, unreadable) -> None:  # type: ignore[no-untyped-def]
    _report(tmp_path / "a" / "2025-03-14.md")
    _report(tmp_path / "b" / "2025-03-21.md")
    locked = unreadable(tmp_path / "b")
    try:
        found = list(walk_reports([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert found == [tmp_path / "a" / "2025-03-14.md", Skip(locked, "cannot read folder: Permission denied")]


def test_a_symlink_loop_is_reported_and_the_rest_is_walked(tmp_path: Path) -> None:
    _report(tmp_path / "team" / "2025-03-14.md")
    (tmp_path / "team" / "sub").mkdir()
    _report(tmp_path / "team" / "sub" / "2025-03-21.md")
    (tmp_path / "team" / "sub" / "loop").symlink_to(tmp_path / "team")
    found = list(walk_reports([tmp_path]))
    assert found == [
        tmp_path / "team" / "2025-03-14.md",
        tmp_path / "team" / "sub" / "2025-03-21.md",
        Skip(tmp_path / "team" / "sub" / "loop", f"symlink loop: leads back to {tmp_path / 'team'}"),
    ]


def test_linked_folders_are_walked_once_and_dangling_links_reported(tmp_path: Path) -> None:
    real = _report(tmp_path / "shared" / "2025-03-14.md")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "alias").symlink_to(tmp_path / "shared")
    (tmp_path / "top" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    found = list(walk_reports([tmp_path / "top", tmp_path / "shared", real, real]))
    assert found == [
        tmp_path / "top" / "alias" / "2025-03-14.md",
        Skip(tmp_path / "top" / "gone.md", f"dangling symlink (points to {tmp_path / 'nowhere.md'})"),
        real,  # named explicitly (twice): its own path, once; the folder it is in was walked already
    ]


def test_the_cli_reports_unwalkable_folders_exits_1_and_counts_a_missing_path_once(
    tmp_path: Path,
    unreadable,  # type: ignore[no-untyped-def]
) -> None:
    _report(tmp_path / "r" / "a" / "2025-03-14.md")
    _report(tmp_path / "r" / "b" / "2025-03-21.md")
    (tmp_path / "r" / "a" / "loop").symlink_to(tmp_path / "r")
    locked = unreadable(tmp_path / "r" / "b")
    missing = tmp_path / "missing.md"
    try:
        result = CliRunner().invoke(
            app, ["ingest", str(tmp_path / "r"), str(missing), "--index", str(tmp_path / "h"), "--json"]
        )
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    skipped = {Path(f["path"]).name: f["reason"] for f in payload["files"] if f["status"] == "skipped"}
    assert skipped == {
        "loop": f"symlink loop: leads back to {tmp_path / 'r'}",
        "b": "cannot read folder: Permission denied",
        "missing.md": "file not found",
    }
    assert payload["totals"] == {**payload["totals"], "added": 1, "skipped": 3}
