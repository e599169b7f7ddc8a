"""Schedule and lifecycle wording in prose: the pace said in words, a finished heading over work
still under way, targets given as releases and periods, and dates beside a project that are not
its target (meetings, reviews)."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.signals import find_statuses

from .conftest import Series


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("标定平台目前推进正常，争取月底前搭完", ["on_track"]),
        ("dataset release 进度正常，还是按月底", ["on_track"]),
        ("合作项目：目前正常", ["on_track"]),
        ("对方那边正常，接口文档已发", ["on_track"]),
        ("体温正常化以后再测", []),  # 正常化 is no pace
    ],
)
def test_a_normal_pace_in_words_is_on_track(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text) if hit.value == "on_track"] == expected


def test_work_done_this_week_on_a_running_project_is_no_launch(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-07.md",
                "# 周报 2025-03-07\n\n## 本周完成\n\n"
                "- 测温平台：支架装好了，目前推进正常，争取 3 月底前搭完。\n"
                "- 报销系统：已上线，财务确认可用。\n",
            ),
        ]
    )
    launched = {x.project for x in views.launches(ledger)}
    assert "测温平台" not in launched
    assert "报销系统" in launched
