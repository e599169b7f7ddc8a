"""Projects named by a numbered title line over their facts (e-mail and plain-text reports)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.mention_layout import find_mentions
from index.ledger.phases import other_gate
from index.ledger.signals import find_statuses
from index.ledger.store import Ledger
from index.ledger.targets import classify_dates
from index.ledger.title_leads import numbered_title, plain_title

from .conftest import Series, WriteReport


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1.「海燕」无线充电座", "海燕"),
        ("2. 仓储调度平台", "仓储调度平台"),
        ("(3) Billing export", "Billing export"),
        ("1. 本周完成了接口联调，进度 60%", None),  # a step, not a title
        ("1.5倍的吞吐提升", None),  # a figure, not a numbered line
        ("1. 风险：", None),
    ],
)
def test_numbered_title(line: str, expected: str | None) -> None:
    assert numbered_title(line) == expected


def _mail(day: str, first: str, second: str) -> str:
    return f"""主题：研发周报
日期：{day}

二、分项目情况

1.「海燕」无线充电座
【进展】{first}
当前状态：正常。

2.「信天翁」车载支架
【进展】{second}
当前状态：正常。
"""


def test_each_titled_paragraph_is_its_own_project(write_report: WriteReport) -> None:
    report = write_report("周报_20240301.txt", _mail("2024年3月1日", "目标3月底完成DVT。", "进度约40%。"))
    names = [m.name for m in find_mentions(report)]
    assert "海燕" in names and "信天翁" in names
    assert not any("分项目" in name for name in names)  # the section holds projects, it is none


def test_a_titled_projects_target_moves(series: Series) -> None:
    ledger: Ledger = series(
        [
            ("周报_20240301.txt", _mail("2024年3月1日", "目标3月底完成DVT。", "进度约40%。")),
            ("周报_20240308.txt", _mail("2024年3月8日", "DVT完成时间推迟至4月20日。", "进度约50%。")),
        ]
    )
    got = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("海燕", "date_moved") in got
    assert not any(project == "信天翁" for project, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海燕已于5月6日正式量产（MP），首批已出货", ["launched"]),
        ("当前状态：已量产。", ["launched"]),
        ("The X2 dock entered mass production on 6/3.", ["launched"]),
        ("目标5月底量产", []),  # a target, not a launch
        ("量产前评审定于5月4日召开", []),  # the review before it
    ],
)
def test_mass_production_is_a_launch(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


def test_a_mass_production_date_is_a_launch_target(write_report: WriteReport) -> None:
    report = write_report(
        "周报_20240301.txt", _mail("2024年3月1日", "PVT第二轮完成。目标5月底量产。", "进度约40%。")
    )
    observed = {o.project: o for o in extract_facts(report).observations}
    assert str(observed["海燕"].target) == "2024-05-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EVT样机目标4月底，时间比较紧。", [("4月底", "target")]),
        ("雷达模组恢复后重新排产，EVT样机推迟到5月中旬。", [("5月中旬", "target")]),
        ("EVT 样机评审会改到 9/20。", []),  # a review meeting moved, not the phase gate
    ],
)
def test_a_phase_gate_is_a_delivery(text: str, expected: list[tuple[str, str]]) -> None:
    roles = classify_dates(text, date(2024, 4, 12))
    assert [(role.hit.text, role.role) for role in roles] == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("目标仍为3月底完成DVT", "下一阶段目标：5月底完成PVT", True),  # the next gate
        ("下一阶段目标：5月底完成PVT", "PVT推迟到6月中旬", False),  # the same gate moved
        ("目标4月底量产", "量产提前至4月22日", False),
        ("target end of March", "EVT by mid-April", False),  # one side names no gate
    ],
)
def test_other_gate(before: str, after: str, expected: bool) -> None:
    assert other_gate(before, after) is expected


def test_the_next_gates_date_is_no_slip(series: Series) -> None:
    ledger: Ledger = series(
        [
            ("周报_20240301.txt", _mail("2024年3月1日", "目标4月中旬完成DVT。", "进度约40%。")),
            (
                "周报_20240308.txt",
                _mail("2024年3月8日", "DVT已关闭。下一阶段目标：5月底完成PVT。", "进度约50%。"),
            ),
            ("周报_20240315.txt", _mail("2024年3月15日", "PVT推迟到6月中旬。", "进度约60%。")),
        ]
    )
    moved = [(s.project, s.week) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("海燕", "2024-W11")]


_PARAGRAPH = "We finished the checkout screens on Tuesday and are aiming to go live on 14 March."


@pytest.mark.parametrize(
    ("line", "below", "expected"),
    [
        ("Partner portal", _PARAGRAPH, "Partner portal"),
        ("Data lake v2", _PARAGRAPH, "Data lake v2"),
        ("数据中台迁移", "本周完成了全部报表的迁移，下周开始切换流量，预计月底前完成。", "数据中台迁移"),
        ("Next week", "- review the wireframes on Tuesday", None),  # a list's label
        ("Partner portal", "", None),  # a signature or a line of its own
        ("Partner portal", "On track.", None),  # a short line under it: two lines, no paragraph
        ("BILLING", _PARAGRAPH, None),  # a banner in capitals: `prose` reads it
        ("Hi Sam,", _PARAGRAPH, None),  # a greeting
        ("Gear Finder: still paused.", _PARAGRAPH, None),  # a sentence of its own
        ("We had a busy week with lots going on", _PARAGRAPH, None),  # too many words
    ],
)
def test_plain_title(line: str, below: str, expected: str | None) -> None:
    assert plain_title(line, below) == expected


def _email(day: str, portal: str, app: str) -> str:
    return f"""Subject: Weekly status
Date: {day}

Hi Sam,

Here is where things stand.

Partner portal
{portal}

Loyalty app
{app}

Next week
- Wireframe review on Tuesday

Thanks,
Ana
"""


def test_plain_titled_paragraphs_are_projects(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "status_2024-03-01.txt",
                _email(
                    "Fri, 1 Mar 2024",
                    "The build is going well and we are aiming to go live on 14 March.",
                    "Design is signed off and the build is about half done, on track for April.",
                ),
            ),
            (
                "status_2024-03-08.txt",
                _email(
                    "Fri, 8 Mar 2024",
                    "Content is late from your side, so we have moved the go-live to 28 March.",
                    "Build is going well and still on track for the end of April.",
                ),
            ),
        ]
    )
    got = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Partner portal", "date_moved") in got
    assert not any(project in ("Loyalty app", "Next week") for project, _ in got)
