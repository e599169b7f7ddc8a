"""A bullet that opens by saying its subject is finally finished names that project and its end."""

from __future__ import annotations

import pytest

from index.ledger.extract import extract_facts
from index.ledger.signals import find_statuses

from .conftest import WriteReport


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("终于搭完了！昨天下午完成了第一次完整的标定。", ["done"]),
        ("总算做完了。", ["done"]),
        ("终于写完了，但还要改一轮", []),  # the sentence goes on: not said as the news itself
        ("全量回归测完了", []),  # a step of the work, not the work finished
    ],
)
def test_finally_finished_opens_the_projects_text(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


def test_a_finally_finished_bullet_names_its_project(write_report: WriteReport) -> None:
    report = write_report(
        "weekly-1017.md",
        """2025.10.17

本周：
· 仓储看板终于搭完了！昨天（10/16）下午接上了全部数据源。
· 订单回传：接口联调进度 60%，目标 11 月 7 日。
· 积分2.0 全量回归测完了，下周灰度。
""",
    )
    observed = {o.project: o.status for o in extract_facts(report).observations}
    assert observed.get("仓储看板") == "done"
    assert all(status != "done" for name, status in observed.items() if name != "仓储看板")
