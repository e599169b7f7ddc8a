"""Each slip kind on small hand-written report series, the non-slips around them, and launches.

Every slip must carry before and after evidence that the real `Verifier` accepts.
"""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.store import Ledger
from index.verify import Verifier

from .conftest import Series, WriteReport, build


def zh_week(day: str, *lines: str) -> str:
    return f"# 团队周报 {day}\n\n## 本周进展\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"


def en_week(day: str, blocks: dict[str, dict[str, str]]) -> str:
    """Project blocks written as `#### Name` with `Health:` / `Target:` / `Done:` fields."""
    out = [f"# Data team update — {day}", "", "## Workstreams", ""]
    for name, fields in blocks.items():
        out += [f"#### {name}", *(f"* {key}: {value}" for key, value in fields.items()), ""]
    return "\n".join(out)


def kinds(ledger: Ledger) -> list[tuple[str, str, str, str, str]]:
    return [(s.project, s.kind, s.week, s.from_, s.to) for s in views.slips(ledger)]


def test_date_moved_zh(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-10-11", "票据平台：进度30%，预计10/31上线")),
            ("w2.md", zh_week("2024-10-18", "票据平台：进度40%，原计划10/31上线，延期至11/15上线")),
            ("w3.md", zh_week("2024-10-25", "票据：进度50%，预计11/8上线")),  # pulled in: not a slip
        ]
    )
    assert kinds(ledger) == [("票据平台", "date_moved", "2024-W42", "2024-10-31", "2024-11-15")]


def test_date_moved_en_relative_targets_roll(series: Series) -> None:
    # "next Wednesday" written two weeks running is a target that keeps moving.
    ledger = series(
        [
            (
                "a.md",
                en_week("2025-03-07", {"Warehouse Sync": {"Health": "Green", "Target": "next Wednesday"}}),
            ),
            (
                "b.md",
                en_week("2025-03-14", {"Warehouse Sync": {"Health": "Green", "Target": "next Wednesday"}}),
            ),
        ]
    )
    assert kinds(ledger) == [("Warehouse Sync", "date_moved", "2025-W11", "2025-03-12", "2025-03-19")]


def test_overdue_once_per_target_at_the_first_late_report(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-11-01", "发票服务：联调中，预计11/6上线")),
            ("w2.md", zh_week("2024-11-08", "发票服务：联调中，原定11/6上线，暂未上线")),
            ("w3.md", zh_week("2024-11-15", "发票服务：联调中")),
            ("w4.md", zh_week("2024-11-22", "发票服务：新时间预计11/27上线")),
            ("w5.md", zh_week("2024-11-29", "发票服务：已上线")),
        ]
    )
    assert kinds(ledger) == [
        ("发票服务", "overdue", "2024-W45", "2024-11-06", "2024-11-08"),
        ("发票服务", "date_moved", "2024-W47", "2024-11-06", "2024-11-27"),
    ]


@pytest.mark.parametrize("state", ["已上线", "暂停", "需求取消", "已完成"])
def test_no_overdue_when_launched_paused_or_cancelled(series: Series, state: str) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-11-01", "发票服务：联调中，预计11/6上线")),
            ("w2.md", zh_week("2024-11-08", f"发票服务：{state}")),
            ("w3.md", zh_week("2024-11-15", f"发票服务：{state}")),
        ]
    )
    assert [k for k in kinds(ledger) if k[1] == "overdue"] == []


def test_status_downgrade_zh_scale_and_negation(series: Series) -> None:
    ledger = series(
        [
            (
                "w1.md",
                zh_week("2024-11-01", "分润系统：有风险，进度20%"),
            ),  # a first mention: no previous status
            ("w2.md", zh_week("2024-11-08", "分润系统：风险解除，未延期，仍按计划，进度30%")),
            ("w3.md", zh_week("2024-11-15", "分润系统：存在延期风险，进度35%")),
            ("w4.md", zh_week("2024-11-22", "分润系统：银行接口受阻，进度36%")),
            ("w5.md", zh_week("2024-11-29", "分润系统：暂停，进度36%")),  # outside the scale
        ]
    )
    assert kinds(ledger) == [  # from/to are the words as written
        ("分润系统", "status_downgrade", "2024-W46", "按计划", "存在延期风险"),
        ("分润系统", "status_downgrade", "2024-W47", "存在延期风险", "受阻"),
    ]


def test_status_downgrade_en_fields(series: Series) -> None:
    ledger = series(
        [
            ("a.md", en_week("2025-03-07", {"Lakehouse": {"Health": "Green"}})),
            ("b.md", en_week("2025-03-14", {"Lakehouse": {"Health": "Amber"}})),
            ("c.md", en_week("2025-03-21", {"Lakehouse": {"Health": "Red"}})),
            ("d.md", en_week("2025-03-28", {"Lakehouse": {"Health": "Amber"}})),  # improving is no slip
        ]
    )
    assert [k[1:4] for k in kinds(ledger)] == [
        ("status_downgrade", "2025-W11", "Green"),
        ("status_downgrade", "2025-W12", "Amber"),
    ]


def test_stalled_once_per_run_at_the_third_report(series: Series) -> None:
    weeks = ["2024-11-01", "2024-11-08", "2024-11-15", "2024-11-22", "2024-11-29", "2024-12-06", "2024-12-13"]
    progress = [40, 60, 60, 60, 60, 70, 70]
    ledger = series(
        [
            (f"w{i}.md", zh_week(d, f"模型平台：进度{p}%"))
            for i, (d, p) in enumerate(zip(weeks, progress, strict=True))
        ]
    )
    assert kinds(ledger) == [("模型平台", "stalled", "2024-W47", "60%", "60%")]


def test_stalled_counts_reports_that_mention_the_project(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-11-01", "模型平台：进度60%")),
            ("w2.md", zh_week("2024-11-08", "其他事项：无")),
            ("w3.md", zh_week("2024-11-15", "模型平台：进度60%")),
            ("w4.md", zh_week("2024-11-22", "Model platform 模型平台：进度60%", "模型平台：进度60%")),
        ]
    )
    assert [k[1:3] for k in kinds(ledger)] == [("stalled", "2024-W47")]


def test_every_slip_is_verifiable_and_has_before_and_after(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-10-11", "票据平台：按计划，进度30%，预计10/31上线")),
            ("w2.md", zh_week("2024-10-18", "票据平台：有风险，进度30%，延期至11/15上线")),
            ("w3.md", zh_week("2024-10-25", "票据平台：受阻，进度30%，预计11/15上线")),
            ("w4.md", zh_week("2024-11-22", "票据平台：受阻，进度30%")),
        ]
    )
    slips = views.slips(ledger)
    assert {s.kind for s in slips} == {"date_moved", "overdue", "status_downgrade", "stalled"}
    verifier = Verifier()
    for slip in slips:
        assert len(slip.evidence) >= 2, slip
        assert all(verifier.check(c) for c in slip.evidence), slip
        assert slip.evidence[0].report != slip.evidence[-1].report


def test_week_filters(series: Series) -> None:
    ledger = series(
        [
            ("w1.md", zh_week("2024-10-11", "票据平台：预计10/31上线")),
            ("w2.md", zh_week("2024-10-18", "票据平台：延期至11/15上线")),
            ("w3.md", zh_week("2024-10-25", "票据平台：延期至11/29上线")),
        ]
    )
    assert [s.week for s in views.slips(ledger, since_week_int=202443)] == ["2024-W43"]
    assert [s.week for s in views.slips(ledger, until_week_int=202442)] == ["2024-W42"]


def test_launch_verdicts(series: Series) -> None:
    ledger = series(
        [
            (
                "w1.md",
                zh_week(
                    "2024-11-01", "甲系统：预计11/6上线", "乙系统：预计11/13上线", "丙系统：预计11/5上线"
                ),
            ),
            ("w2.md", zh_week("2024-11-08", "甲系统：11/7上线完成", "乙系统：11/8已上线", "丙系统：联调中")),
            ("w3.md", zh_week("2024-11-15", "丙系统：已上线")),
        ]
    )
    verdicts = {
        launch.project: (launch.launched_on.isoformat(), launch.verdict) for launch in views.launches(ledger)
    }
    assert verdicts == {
        "甲系统": ("2024-11-07", "late"),
        "乙系统": ("2024-11-08", "early"),
        "丙系统": ("2024-11-15", "late"),  # overdue in between, no stated date
    }
    assert [e.project for e in views.paused_cancelled(ledger)] == []


def test_a_launch_after_a_report_on_the_due_day_that_was_not_done_is_late(
    ledger: Ledger, write_report: WriteReport
) -> None:
    """The 3/21 report (the due day) says 延期; the next one says 已上线: late, not on time."""
    due_day = write_report(
        "2025-03-21.md", "# 周报 2025-03-21\n\n## 进行中\n- 数据质量监控平台：计划 3月21日 上线，状态：延期\n"
    )
    after = write_report("2025-03-28.md", "# 周报 2025-03-28\n\n## 本周完成\n- 数据质量监控平台：已上线\n")
    (launch,) = views.launches(build(ledger, [due_day, after]))
    assert (launch.project, launch.target, launch.verdict) == ("数据质量监控平台", date(2025, 3, 21), "late")


def test_a_launch_date_in_brackets_is_when_it_launched(ledger: Ledger, write_report: WriteReport) -> None:
    """'已上线（3月27日）' states the launch day; it is not a new target nor the report's date."""
    before = write_report(
        "2025-03-21.md", "# 周报 2025-03-21\n\n## 进行中\n- 数据质量监控平台：计划 3月21日 上线\n"
    )
    after = write_report(
        "2025-04-04.md", "# 周报 2025-04-04\n\n## 本周完成\n- 数据质量监控平台：已上线（3月27日）\n"
    )
    (launch,) = views.launches(build(ledger, [before, after]))
    assert (launch.launched_on, launch.verdict) == (date(2025, 3, 27), "late")


@pytest.mark.parametrize(
    "line",
    [
        "结算中心重构：整体进度60%，对账看板已上线",  # progress under 100%: a tool went live
        "结算中心重构：灰度环境8/30上线，计划11月20日全量上线不变",  # its own go-live still ahead
        "Billing revamp: 55% done, the admin console already shipped",
    ],
)
def test_a_part_going_live_is_not_the_projects_launch(series: Series, line: str) -> None:
    # Written from meeting-minutes-fintech: a sub-deliverable's launch beside the project's own
    # numbers. New wording, the same shape.
    ledger = series([("w1.md", zh_week("2024-09-06", line))])
    assert views.launches(ledger) == []


def test_a_later_deadline_for_something_else_keeps_the_launch(series: Series) -> None:
    # A follow-up task's date after the report ("复盘文档10/15前提交") is no go-live still ahead.
    ledger = series([("w1.md", zh_week("2024-10-09", "结算中心重构：已于10月8日上线，复盘文档10/15前提交"))])
    assert [(x.project, x.launched_on.isoformat()) for x in views.launches(ledger)] == [
        ("结算中心重构", "2024-10-08")
    ]


def test_a_step_line_moving_the_eta_moves_the_project(series: Series) -> None:
    # Written from terse-bullets-ml: the head holds only a metric, the ETA move sits on a sub-line.
    def week(day: str, step: str, head: str = "ndcg .61") -> str:
        return zh_week(day, f"ranker-v2: {head}\n  - {step}")

    ledger = series(
        [
            ("w1.md", week("2025-06-06", "标注 2k 条", head="ndcg .60, eta 6/20")),
            ("w2.md", week("2025-06-13", "eta 6/20→7/4, 标注数据不够")),
            ("w3.md", week("2025-06-20", "联调 6/25→6/27 完成")),  # a step's own deadline: no move
        ]
    )
    assert kinds(ledger) == [("ranker-v2", "date_moved", "2025-W24", "2025-06-20", "2025-07-04")]


def test_a_prose_section_named_with_a_gloss_launches(series: Series) -> None:
    # Written from bilingual-biweekly-iot: "<name>（gloss）" heading, the launch told in prose.
    def week(day: str, body: str) -> str:
        return f"# 双周报 {day}\n\n## Beacon（远程启动）\n\n{body}\n"

    ledger = series(
        [
            ("w1.md", week("2024-05-03", "联调中，计划 5/15 随 v3.2 发布。")),
            ("w2.md", week("2024-05-17", "Beacon 远程启动已于 5/14 随 v3.2 正式发布，客户已开始灰度。")),
        ]
    )
    assert [(x.week, x.launched_on.isoformat()) for x in views.launches(ledger)] == [
        ("2024-W20", "2024-05-14")
    ]


def test_one_project_name_in_two_teams_folders_is_compared_within_each_team(series: Series) -> None:
    # Two teams happen to call a project the same; team B's later date is not team A's slip.
    ledger = series(
        [
            ("team-a/w1.md", zh_week("2024-10-11", "票据平台：进度30%，预计10/31上线")),
            ("team-b/w1.md", zh_week("2024-10-18", "票据平台：进度10%，预计11/30上线")),
            ("team-a/w2.md", zh_week("2024-10-25", "票据平台：进度50%，预计10/31上线")),
            ("team-b/w2.md", zh_week("2024-11-01", "票据平台：进度20%，延期至12/15上线")),
        ]
    )
    assert kinds(ledger) == [("票据平台", "date_moved", "2024-W44", "2024-11-30", "2024-12-15")]
    assert views.slips(ledger)[0].evidence[0].report.endswith("team-b/w1.md")
