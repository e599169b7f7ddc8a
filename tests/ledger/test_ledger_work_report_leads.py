"""Chinese work reports (公文 style): items numbered "N.名称。正文" under a category heading."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.mention_layout import find_mentions
from index.ledger.mentions import clean_name
from index.ledger.store import Ledger
from index.ledger.title_leads import numbered_lead

from .conftest import Series, WriteReport


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1.仓储管理系统改造项目。本周完成入库模块联调。", "仓储管理系统改造项目"),
        ("（2）客服平台建设项目（一期）。截至目前完成总体进度的四成。", "客服平台建设项目（一期）"),
        ("3、报表中心迁移。计划于6月底前完成。", "报表中心迁移"),
        ("1.完成机房巡检。", None),  # one sentence and nothing after it: a task, not a lead
        ("2.本周完成接口开发，进入测试。", None),  # a clause, not a title
        ("1.5倍的吞吐提升。下周继续。", None),  # a figure, not a numbered line
    ],
)
def test_numbered_lead(line: str, expected: str | None) -> None:
    assert numbered_lead(line) == expected


def _weekly(day: str, first: str, second: str) -> str:
    return f"""XX公司信息部
工作周报
（{day}）

二、重点项目推进情况

（一）信息化建设项目

　　1.仓储管理系统改造项目。{first}

　　2.客服平台建设项目（一期）。{second}

三、下周工作安排

　　1.继续推进仓储管理系统改造。
"""


def test_numbered_leads_are_projects_and_their_heading_is_none(write_report: WriteReport) -> None:
    report = write_report(
        "周报20250307.txt",
        _weekly("2025年3月3日—3月7日", "计划于3月31日前完成上线，按计划推进。", "完成总体进度的四成。"),
    )
    names = [m.name for m in find_mentions(report)]
    assert "仓储管理系统改造项目" in names and "客服平台建设项目(一期)" in names
    assert not any("信息化建设" in name for name in names)  # the category holds projects, it is none


def test_a_numbered_leads_target_moves(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "周报20250307.txt",
                _weekly(
                    "2025年3月3日—3月7日", "计划于3月31日前完成上线，按计划推进。", "完成总体进度的四成。"
                ),
            ),
            (
                "周报20250314.txt",
                _weekly("2025年3月10日—3月14日", "上线时间顺延至4月18日。", "完成总体进度的五成。"),
            ),
        ]
    )
    got = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("仓储管理系统改造项目", "date_moved") in got
    assert not any("信息化" in project for project, _ in got)


def test_an_abbreviation_gloss_is_not_part_of_the_name() -> None:
    assert clean_name("仓储管理系统改造项目（以下简称“仓储系统”）") == "仓储管理系统改造项目"
