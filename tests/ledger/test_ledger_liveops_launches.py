"""Live-ops weekly wording: events launched "全服上线" at an hour, today's news, a goal column."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.mention_leads import dated_lead, paragraph_lead
from index.ledger.mentions import clean_name
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.prose_names import discover
from index.ledger.signals import find_statuses
from index.ledger.store import Ledger
from index.ledger.table_columns import column_roles
from index.ledger.targets import classify_dates
from index.tables import Table, TableRow
from index.text.timeexpr import find_dates

from .conftest import Series

REF = date(2024, 8, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("夏日庆典7月11日上午10点全服上线，和计划一致。", [("7月11日", "completed")]),
        ("3.2版本最终是7月25日才全渠道上线的。", [("7月25日", "completed")]),
        ("夏日庆典计划8/20全服上线。", [("8/20", "target")]),  # a plan, still ahead
        ("七夕活动今天上午10点全服上线。", [("今天", "completed")]),
    ],
)
def test_a_launch_at_its_hour_and_reach(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(role.hit.text, role.role) for role in classify_dates(text, REF)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天上午10点全服上线", [REF]),
        ("昨天回滚了配置", [date(2024, 8, 8)]),
        ("如今天气转凉", []),
    ],
)
def test_today_and_yesterday_are_the_reports_days(text: str, expected: list[date]) -> None:
    assert [hit.value for hit in find_dates(text, REF)] == expected


def test_a_goal_column_of_days_is_the_target() -> None:
    header = ["项目", "目标", "状态", "备注"]
    rows = [
        TableRow(line=3, cells=["暑期版本", "7/18", "🟡有风险", "改包重提"]),
        TableRow(line=4, cells=["新手引导", "8月底", "🟢正常", "完成度70%"]),
    ]
    table = Table(header_line=1, header=header, rows=rows)
    assert column_roles(table)[1] == "target"
    prose = Table(
        header_line=1, header=header, rows=[TableRow(line=3, cells=["拉新", "提升次留", "正常", ""])]
    )
    assert column_roles(prose)[1] != "target"  # an objective's words, not a day


def test_a_template_icon_is_no_part_of_a_name() -> None:
    assert clean_name("🎉 活动上线") == "活动上线"


def test_a_name_before_its_day_is_no_metric_label() -> None:
    found = discover(
        [
            ("w1.md", "夏日庆典计划7/11全服上线，这是暑期的主活动。"),
            ("w2.md", "夏日庆典7/11上线的计划不变，预约人数11.4万。"),
        ]
    )
    assert "夏日庆典" in found


def test_the_day_in_a_label_ends_the_name() -> None:
    text = "告警治理一期今天收尾：规则从 1260 条精简到 710 条。"
    lead = paragraph_lead(text, True)
    assert lead is not None and lead[0] == "告警治理一期" and text[lead[1] :].startswith("今天收尾")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("目标是10月底前把无效告警砍掉一半以上。", []),  # cutting alerts, not the project
        ("这个需求砍掉了。", ["cancelled"]),
    ],
)
def test_cut_is_a_cancellation_only_of_the_subject(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text)] == expected


def test_a_discovered_name_stops_before_a_day_and_outside_quotes() -> None:
    found = discover(
        [
            ("w1.md", "秋日庆典7/11上线的计划不变，预约人数11.4万。"),
            ("w2.md", "秋日庆典7月11日上午10点全服上线，和计划一致。"),
            ("w3.md", "中秋「月满云海」9/13上线的计划不变。"),
            ("w4.md", "中秋「月满云海」今天上午10点全服上线。"),
        ]
    )
    assert "秋日庆典" in found and not any(name.startswith("秋日庆典7") for name in found)
    assert not any("「" in name and "」" not in name for name in found)


def test_a_move_from_one_named_version_to_another() -> None:
    (found,) = find_ordinal_targets("新玩法这周做了一个决定：从3.2挪到3.3版本。")
    assert (found.text, found.before) == ("3.3", (3, 2))
    assert find_ordinal_targets("评审推迟到 3.28。") == []  # a day, not a version


def test_a_move_to_a_day_with_another_launch() -> None:
    roles = classify_dates("不跟暑期版本了，改到8/9跟七夕活动一起上。", date(2024, 7, 19))
    assert [(role.hit.text, role.role, role.moved) for role in roles] == [("8/9", "target", True)]
    assert classify_dates("EVT 样机评审会改到 9/20。", date(2024, 9, 13)) == []  # a meeting moved


def test_stopped_at_a_share_is_progress() -> None:
    assert [hit.value for hit in find_progress("新手引导改版依然停在70%，等账号组排期。", True)] == [70]
    assert find_progress("成功率停在70%", True) == []


def test_progress_held_at_a_share() -> None:
    assert [hit.value for hit in find_progress("平台项目整体进度仍维持在60%，存在风险。", True)] == [60]


def test_a_release_reaching_every_channel_on_its_day_launched() -> None:
    assert [hit.value for hit in find_statuses("3.3版本昨天（8/29）按计划全渠道更新了，一次过审。")] == [
        "launched"
    ]
    assert [hit.value for hit in find_statuses("全渠道更新了吗")] == []


def test_a_version_after_a_name_is_no_day_lead() -> None:
    assert dated_lead("公会战2.0暂停。") is None
    assert dated_lead("贷中预警系统8月27日已上线") == ("贷中预警系统", 6, "subject")


def test_a_label_that_is_a_sentence_names_no_project() -> None:
    assert paragraph_lead("新手引导改版没能在8月底收尾：任务链文案做完了。", True) is None


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("7.15上线", date(2000, 1, 3), ["2000-07-15"]),  # a day word after it: a day however far
        ("补充组队副本场景（@何文斌，3.3前）", date(2024, 8, 9), []),  # before a release, far away
        ("接口联调8.20前完成", date(2024, 8, 9), ["2024-08-20"]),
    ],
)
def test_a_dotted_figure_with_its_day_word(text: str, ref: date, expected: list[str]) -> None:
    assert [hit.value.isoformat() for hit in find_dates(text, ref)] == expected


def test_put_off_to_a_named_version() -> None:
    (found,) = find_ordinal_targets("为了不影响稳定性，制作人拍板放到3.4版本（9月下旬）一起上。")
    assert found.text == "3.4"
    assert find_ordinal_targets("评审放到3.28。") == []


def test_a_date_target_moved_to_a_named_version_slips(series: Series) -> None:
    def week(day: str, body: str) -> tuple[str, str]:
        return (
            f"运营周报_{day.replace('-', '')}.md",
            f"# 运营周报 | {day}\n\n## 项目进展\n\n- 引导改版：{body}\n",
        )

    ledger: Ledger = series(
        [
            week("2024-08-16", "完成度90%，目标8月底不变。"),
            week("2024-08-30", "没能收尾，制作人拍板放到3.4版本（9月下旬）一起上。"),
        ]
    )
    got = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("引导改版", "date_moved") in got


def test_going_out_with_a_named_release_is_a_version_target() -> None:
    (found,) = find_ordinal_targets("目标是赶在暑期版本前上线（也就是和3.2一起放），服务端在开发。")
    assert found.text == "3.2"


def test_a_release_target_replaced_by_a_day_slips(series: Series) -> None:
    def week(day: str, body: str) -> tuple[str, str]:
        return (
            f"运营周报_{day.replace('-', '')}.md",
            f"# 运营周报 | {day}\n\n## 项目进展\n\n- 跨服战场：{body}\n",
        )

    ledger: Ledger = series(
        [
            week("2024-06-28", "目标是和3.2一起放，状态正常。"),
            week("2024-07-19", "不跟3.2了，改到8/9跟七夕活动一起上。"),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to) for s in moved] == [("跨服战场", "3.2", "2024-08-09")]
