"""Chinese work reports (公文 style): items numbered "N.名称。正文" under a category heading."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.mention_layout import find_mentions
from index.ledger.mentions import clean_name, valid_name
from index.ledger.prose_links import Vocabulary
from index.ledger.signals import find_statuses
from index.ledger.store import Ledger
from index.ledger.targets import classify_dates
from index.ledger.title_leads import numbered_lead
from index.text.timeexpr import find_dates

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至目前，项目已完成总体进度的六成。", []),  # progress, not the project finished
        ("项目已完成验收。", ["done"]),
        ("项目仍按5月20日正式上线的目标推进。", []),  # the launch named as a goal
        ("系统已于3月27日完成调试，正式投入使用。", ["launched"]),
        ("经评估，项目存在不能按期上线的风险。", ["at_risk"]),
        ("上线时间顺延至4月18日。项目调整后按新的时间节点有序推进。", ["off_track", "on_track"]),
        ("各项工作有序推进。", ["on_track"]),
        ("接口改造未能有序推进。", []),
    ],
)
def test_work_report_status_words(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本周完成历史数据迁移，进入校验。", []),  # what the week did, not a target
        ("计划本周完成联调。", [("本周", "target")]),
        ("项目仍按4月18日正式上线的目标推进。", [("4月18日", "target")]),  # still ahead of 4/11
        ("系统已于4月10日正式上线运行。", [("4月10日", "completed")]),
    ],
)
def test_work_report_date_roles(text: str, expected: list[tuple[str, str]]) -> None:
    roles = classify_dates(text, date(2025, 4, 11))
    assert [(role.hit.text, role.role) for role in roles] == expected


def test_a_suppliers_delivery_is_not_the_projects_launch() -> None:
    (role,) = classify_dates("数据库厂商已于4月8日交付适配补丁，测试恢复。", date(2025, 4, 11))
    assert role.role == "completed" and not role.launch and not role.release


def test_a_move_then_the_new_plan_on_track_is_no_downgrade(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "周报20250307.txt",
                _weekly("2025年3月3日—3月7日", "计划于3月31日前完成上线，按计划推进。", "进度正常。"),
            ),
            ("周报20250314.txt", _weekly("2025年3月10日—3月14日", "存在不能按期上线的风险。", "进度正常。")),
            (
                "周报20250321.txt",
                _weekly(
                    "2025年3月17日—3月21日",
                    "上线时间顺延至4月18日，项目调整后按新的时间节点有序推进。",
                    "进度正常。",
                ),
            ),
        ]
    )
    got = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("仓储管理系统改造项目", "status_downgrade", "2025-W11") in got
    assert ("仓储管理系统改造项目", "date_moved", "2025-W12") in got
    assert ("仓储管理系统改造项目", "status_downgrade", "2025-W12") not in got


def test_prose_may_leave_off_a_names_kind_word() -> None:
    vocabulary = Vocabulary([("移动审批平台二期项目", "移动审批平台二期项目")])
    hits = vocabulary.named("移动审批平台二期已于5月14日正式上线。")
    assert [name.canonical for _, name in hits] == ["移动审批平台二期项目"]
    assert Vocabulary([("数据中台项目", "数据中台项目")]).named("数据已上线。") == []  # too short a stem
    english = Vocabulary([("Docs site migration", "Docs site migration")])
    hits = english.named("The new docs site went live on September 29.")
    assert [name.canonical for _, name in hits] == ["Docs site migration"]
    # one word left is any sentence's word: "Payments migration" is not named by "payments"
    assert Vocabulary([("Payments migration", "Payments migration")]).named("Payments are up 4%.") == []


@pytest.mark.parametrize(
    ("heading", "name", "valid"),
    [
        ("二、活动上线", "活动上线", False),  # a template's category: what it files is launches
        ("一、版本进度", "版本", False),
        ("（一）信息化建设项目", "信息化建设项目", True),  # the outline ordinal is no part of a name
        ("1.2 银保通渠道接入", "银保通渠道接入", True),
        ("暑期版本", "暑期版本", True),
        ("深渊回廊这周做了一个决定", "深渊回廊这周做了一个决定", False),  # a sentence, not a label
    ],
)
def test_outline_ordinals_and_category_headings(heading: str, name: str, valid: bool) -> None:
    assert clean_name(heading) == name
    assert valid_name(name) is valid


def test_a_launches_section_files_its_events_not_itself(write_report: WriteReport) -> None:
    text = """# 运营周报 | 2024.07.12

## 二、活动上线

夏日庆典7月11日上午10点全服上线，和计划一致。

## 五、外部依赖

- 渠道审核：安卓渠道7/15提审。
"""
    names = [m.name for m in find_mentions(write_report("周报_20240712.md", text))]
    assert "活动上线" not in names and "渠道审核" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公会战2.0的目标是赶在暑期版本前上线（也就是和3.2一起放）。", []),  # a version, 8 months away
        ("灰度服次留比非灰度服高2.1个百分点。", []),
        ("深渊回廊从3.2挪到3.3版本。", []),
        ("全量目标暂时还写7.31。", ["2024-07-31"]),  # a dotted day near the report
        ("提测提前到7.22。", ["2024-07-22"]),
    ],
)
def test_a_dotted_figure_far_from_the_report_is_no_day(text: str, expected: list[str]) -> None:
    assert [hit.value.isoformat() for hit in find_dates(text, date(2024, 6, 28))] == expected


def test_back_to_normal_is_on_track() -> None:
    assert [hit.value for hit in find_statuses("中间件组给了方案，演练恢复到正常状态。")] == ["on_track"]
    assert find_statuses("服务已恢复正常。") == []  # an outage's recovery, not the project's pace


def test_a_day_the_writer_calls_unrelated_is_no_target() -> None:
    text = "另外二期机柜确认10月15日交付，那是给后面有状态服务用的，和这一批迁移无关。"
    assert classify_dates(text, date(2024, 9, 20)) == []


def test_moved_everything_is_a_delivery() -> None:
    roles = classify_dates("按计划三季度末全部无状态服务迁完，节奏正常。", date(2024, 9, 6))
    assert [(role.hit.text, role.role) for role in roles] == [("三季度末", "target")]
