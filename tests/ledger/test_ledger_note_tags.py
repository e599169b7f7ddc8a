"""A notes app's export (SiYuan, Obsidian) tags what other reports write in words: a status cell as a
hierarchical tag (`#状态/关注#`), and a project's heading with the project's tag (`### AI派单
#项目/派单#`), which stays when the heading renames the project. Written from w23-d (wave 23); the
reports below are this test's own."""

from __future__ import annotations

from index.ledger import views

from .conftest import Series


def _report(day: str, name: str, status: str, due: str) -> str:
    other = {"07": "20%", "14": "30%"}.get(day[-2:], "40%")
    return f"""---
title: 周报-{day.replace("-", "")}
date: {day}T01:00:00Z
---

## 一、项目一览

| 项目 | 负责人 | 进度 | 计划完成 | 状态 |
| --- | --- | --- | --- | --- |
| {name} | 郑岚 | 55% | {due} | #状态/{status}# |
| 热线归并 | 孙启明 | {other} | 6月30日 | #状态/正常# |

## 二、项目进展

### {name} #项目/派单#

* 第3轮训练完成，准确率继续提升。
"""


def test_a_status_tag_is_a_status_and_a_project_tag_keeps_a_renamed_project(series: Series) -> None:
    ledger = series(
        [
            ("周报-20250307.md", _report("2025-03-07", "智能派单二期", "正常", "4月30日")),
            ("周报-20250314.md", _report("2025-03-14", "智能派单二期", "关注", "4月30日")),
            ("周报-20250321.md", _report("2025-03-21", "AI派单", "滞后", "5月20日")),
        ]
    )
    slips = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("智能派单二期", "status_downgrade", "2025-W11") in slips
    # renamed in the third report, the same tag under both headings: one project, and it slipped
    assert ("智能派单二期", "date_moved", "2025-W12") in slips
    assert ("智能派单二期", "status_downgrade", "2025-W12") in slips
    assert not any(s.project == "热线归并" for s in views.slips(ledger))
    assert "AI派单" not in {p.name for p in views.projects(ledger)}
