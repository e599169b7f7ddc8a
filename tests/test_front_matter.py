"""Front matter is read with bounded work: scalars only, capped, no YAML aliases, bounded depth
and size (issue: reliability, finding 4)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from index.errors import InputError
from index.front_matter import MAX_VALUE_CHARS
from index.load import load_document
from index.parse import parse_report

BODY = "# Weekly report\n\n- item\n"


def _parse(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return parse_report(load_document(path), str(path))


def alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]")
    return "---\n" + "\n".join(lines) + "\ndate: 2025-03-14\n---\n" + BODY


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    text = alias_bomb()
    assert len(text.encode()) < 500
    started = time.perf_counter()
    with pytest.raises(InputError, match="aliases"):
        _parse(tmp_path, text)
    assert time.perf_counter() - started < 1  # was 74 s and 3.5 GB


@pytest.mark.parametrize(
    ("fence", "assignment", "message"),
    [("---", "x: ", "nested over 20 levels"), ("+++", "x = ", "nested too deeply")],
    ids=["yaml", "toml"],
)
def test_deeply_nested_front_matter_is_refused(
    tmp_path: Path, fence: str, assignment: str, message: str
) -> None:
    text = f"{fence}\n{assignment}" + "[" * 5000 + "]" * 5000 + f"\n{fence}\n" + BODY
    with pytest.raises(InputError, match=message):
        _parse(tmp_path, text)


def test_oversized_front_matter_is_refused(tmp_path: Path) -> None:
    text = "---\n" + "".join(f"k{i}: {'v' * 60}\n" for i in range(2000)) + "---\n" + BODY
    with pytest.raises(InputError, match="KB limit"):
        _parse(tmp_path, text)


def test_values_are_kept_as_capped_scalars(tmp_path: Path) -> None:
    text = (
        "---\ndate: 2025-03-14\nTeam: data\nweek: 11\ndone: true\ntags: [a, b]\n"
        f"owner: {{name: x}}\nnote: {'n' * 5000}\n---\n" + BODY
    )
    report = _parse(tmp_path, text)
    front = report.front_matter
    assert front["date"] == date(2025, 3, 14) and report.date == date(2025, 3, 14)
    assert (front["team"], front["week"], front["done"]) == ("data", 11, True)
    assert "tags" not in front and "owner" not in front
    assert front["note"] == "n" * MAX_VALUE_CHARS


def test_invalid_yaml_is_still_just_ignored(tmp_path: Path) -> None:
    report = _parse(tmp_path, "---\ndate: [unclosed\n---\n# Weekly report 2025-03-14\n\n- item\n")
    assert report.front_matter == {} and report.date == date(2025, 3, 14)


def test_the_ingest_skips_an_alias_bomb_with_a_reason(tmp_path: Path) -> None:
    from index.chroma_client import make_client
    from index.embed import LocalEmbedder
    from index.ingest import Ingestor
    from index.store import VectorStore

    path = tmp_path / "bomb.md"
    path.write_text(alias_bomb(), encoding="utf-8")
    store = VectorStore(make_client(tmp_path / "chroma", None), "reports-test", "e5")
    outcome = Ingestor(store, LocalEmbedder()).ingest_file(path)
    assert outcome.status == "skipped" and "aliases" in outcome.reason


def test_a_timestamp_date_is_read_as_its_day(tmp_path: Path) -> None:
    """`date: 2025-03-07T01:20:33Z` (a notes app's export) once made every such report fail to
    ingest: the day is the report's date, never a datetime in a date's place."""
    report = _parse(tmp_path, "---\ntitle: 第8期\ndate: 2025-03-07T01:20:33Z\n---\n## 一、进展\n\n- item\n")
    assert report.date == date(2025, 3, 7) and type(report.date) is date


def test_the_title_day_beats_a_utc_creation_stamp(tmp_path: Path) -> None:
    """Written the evening before in UTC (`2025-03-13T23:30:00Z`), titled for the 14th: the day the
    writer named is the report's; a stated day (no time) still wins over the title."""
    stamped = "---\ntitle: 信息科周报-20250314\ndate: 2025-03-13T23:30:00Z\n---\n## 一、进展\n\n- item\n"
    assert _parse(tmp_path, stamped).date == date(2025, 3, 14)
    stated = "---\ntitle: 周报-20250314\ndate: 2025-03-13\n---\n## 一、进展\n\n- item\n"
    assert _parse(tmp_path, stated).date == date(2025, 3, 13)


def _note(title: str, created: str) -> str:
    # a note app's raw export (Joplin): title, body, then the note's metadata, one key a line
    meta = [
        "id: 3f2a9c0d1b7e4f5a8c6d2e1f0a9b8c7d",
        "parent_id: 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
        f"created_time: {created}",
        f"updated_time: {created}",
        "is_todo: 0",
        "source_application: net.cozic.joplin-desktop",
        "markup_language: 1",
        "type_: 1",
    ]
    return f"{title}\n\n## 项目\n\n| 项目 | 进度 |\n|---|---|\n| 立库 | 60% |\n\n" + "\n".join(meta) + "\n"


def test_a_notes_metadata_after_its_body_dates_it_and_is_no_section(tmp_path: Path) -> None:
    report = _parse(tmp_path, _note("周报（节后）仓储", "2025-04-11T09:20:37.089Z"))
    assert (report.date, report.date_origin) == (date(2025, 4, 11), "front matter")
    assert report.front_matter["parent_id"] == "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"
    assert all("created_time" not in line for s in report.all_sections() for _, line in s.lines)


def test_a_titles_own_day_beats_its_notes_utc_stamp(tmp_path: Path) -> None:
    # written on the evening of 14 March in UTC+8, stamped the 13th in UTC
    report = _parse(tmp_path, _note("周报 0314 仓储", "2025-03-13T17:40:00.000Z"))
    assert report.date == date(2025, 3, 14)


def test_a_short_run_of_key_lines_at_the_end_is_body(tmp_path: Path) -> None:
    text = "# Weekly 2025-03-07\n\n## Notes\n\nowner: ana\nstatus: green\n"
    report = _parse(tmp_path, text)
    assert report.front_matter == {}
