"""Chunking: bounds, item-boundary splits, tiny-neighbour merges and stable ids."""

from __future__ import annotations

from pathlib import Path

from index.chunk import chunk_report
from index.load import load_document
from index.parse import parse_report
from index.tokens import count_tokens


def _report(path: Path):  # type: ignore[no-untyped-def]
    return parse_report(load_document(path), path.name)


def test_every_chunk_is_bounded_and_cites_real_lines(fixtures: Path) -> None:
    report = _report(fixtures / "zh_notion.md")
    lines = dict(report.lines)
    chunks = chunk_report(report, max_tokens=400)
    assert chunks
    for chunk in chunks:
        assert count_tokens(chunk.context) <= 400
        assert chunk.start <= chunk.end
        first_line = chunk.body.splitlines()[0]
        assert lines[chunk.start] == first_line
        assert chunk.week == "2025-W11" and chunk.week_int == 202511


def test_large_section_splits_at_item_boundaries(tmp_path: Path) -> None:
    items = "\n".join(
        f"- 项目{i}：本周推进接口改造与联调，完成灰度验证与回归测试，进度{i * 5}%\n    1. 子任务{i}-a 完成评审\n"
        f"    2. 子任务{i}-b 进入测试"
        for i in range(1, 30)
    )
    path = tmp_path / "big.md"
    path.write_text(f"# 周报 2025-01-10\n\n## 重点工作\n{items}\n", encoding="utf-8")
    report = _report(path)
    chunks = chunk_report(report, max_tokens=200)
    assert len(chunks) > 3
    starts = {item.start for item in report.all_sections()[0].items}
    for chunk in chunks:
        assert chunk.start in starts, "a split never cuts an item from its children"
        assert count_tokens(chunk.context) <= 200


def test_tiny_neighbours_merge_under_one_top_heading(tmp_path: Path) -> None:
    path = tmp_path / "tiny.md"
    path.write_text(
        "# W 2025-01-10\n\n## Projects\n### A\n- ok\n### B\n- ok too\n## Risks\n- none\n", encoding="utf-8"
    )
    chunks = chunk_report(_report(path), max_tokens=400, min_tokens=40)
    assert [c.sections for c in chunks] == [["Projects > A", "Projects > B"], ["Risks"]]


def test_ids_are_stable_and_content_sensitive(fixtures: Path, tmp_path: Path) -> None:
    first = [c.id for c in chunk_report(_report(fixtures / "zh_notion.md"))]
    again = [c.id for c in chunk_report(_report(fixtures / "zh_notion.md"))]
    assert first == again
    assert len(set(first)) == len(first)
    edited = tmp_path / "zh_notion.md"
    edited.write_text(
        (fixtures / "zh_notion.md").read_text(encoding="utf-8").replace("进度55%", "进度65%"),
        encoding="utf-8",
    )
    changed = [c.id for c in chunk_report(_report(edited))]
    assert len(set(first) - set(changed)) == 1, "only the edited section's chunk changes id"
