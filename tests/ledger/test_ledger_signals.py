"""Status words (with negation), progress figures versus metric percentages, field values, labels."""

from __future__ import annotations

import pytest

from index.ledger.field_labels import split_label
from index.ledger.progress import find_progress
from index.ledger.signals import field_status, find_statuses, worst_status


def statuses(text: str) -> list[str]:
    return [str(hit.value) for hit in find_statuses(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("按计划推进", ["on_track"]),
        ("有延期风险", ["at_risk"]),  # one compound phrase, not also "延期"
        ("正式延期", ["off_track"]),
        ("银行侧接口受阻", ["blocked"]),
        ("项目暂停，代码归档", ["paused"]),
        ("需求取消，不再推进", ["cancelled", "cancelled"]),
        ("理财通账户模式上线完成", ["launched"]),
        ("已上线", ["launched"]),
        ("联调中", ["in_progress"]),
        ("Status is on track", ["on_track"]),
        ("Blocked on security review", ["blocked"]),
        ("Launched to all users", ["launched"]),
        ("Paused until Q3 planning", ["paused"]),
        ("v2.4.0 is tagged, artifacts are building", ["launched"]),  # tagging a version releases it
        ("1.8 was tagged on Tuesday", ["launched"]),
    ],
)
def test_status_words(text: str, expected: list[str]) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "未延期",
        "整体未延期",
        "没有延期风险",
        "not blocked anymore",
        "no longer at risk",
        "尚未上线",
        "延期风险已解除",
        "风险数据指标建设",  # a project name that contains 风险
        "暂停服务10分钟完成切换",  # a service pause, not a project pause
        "launched the beta to 5 customers",
        "we tagged the flaky test as quarantined",  # a tag with no version is no release
        "the plan is to tag 2.4.0 on the 4th",
        "2.4.1 is not tagged yet",
    ],
)
def test_negated_or_unrelated_words_are_no_status(text: str) -> None:
    assert statuses(text) == []


def test_negation_keeps_the_positive_word() -> None:
    assert statuses("未延期，仍按计划12/13上线") == ["on_track"]


def test_done_only_when_the_project_text_opens_with_it() -> None:
    assert statuses("已完成") == ["done"]
    assert statuses("规则迁移全部完成，进度60%") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("On track", "on_track"), ("At risk", "at_risk"), ("Off track", "off_track"), ("🟡 Yellow", "at_risk"),
     ("Done", "done"), ("Launched", "launched"), ("Cancelled", "cancelled"), ("Red", "off_track"), ("按计划", "on_track")],
)  # fmt: skip
def test_status_field_values(value: str, expected: str) -> None:
    assert field_status(value) == expected


# A tracker's workflow states in a State column or a `Status:` field (Jira, Azure DevOps, 禅道):
# `Closed` beside a `🟢 On Track` health cell is the row done, whatever its health still says.
@pytest.mark.parametrize(
    ("value", "expected"),
    [("Closed", "done"), ("Released", "launched"), ("Deployed", "launched"), ("Won't Do", "cancelled"),
     ("Deferred", "paused"), ("Behind", "off_track"), ("已废弃", "cancelled"),
     ("逾期", "off_track"), ("冻结", "paused"), ("🟥", "off_track"), ("🟨 Watch", "at_risk"), ("🟩", "on_track"), ("Closed (won't do)", "cancelled"), ("● Blue", "done"), ("● Yellow", "at_risk"),
     ("Resolved", None), ("Active", None), ("New", None)],
)  # fmt: skip
def test_tracker_workflow_states(value: str, expected: str | None) -> None:
    assert field_status(value) == expected


def test_live_in_part_is_a_step_of_the_rollout() -> None:
    assert statuses("new captive portal is live wherever the controller already runs 8.4") == []
    assert statuses("went live at the three pilot hotels on Monday") == []
    assert statuses("now live at 12 of 41 sites") == []
    assert statuses("Halden Key is live at all 41 properties since Wed 4/23") == ["launched"]


def test_worst_status_prefers_lifecycle_then_health() -> None:
    assert worst_status(["on_track", "at_risk"]) == "at_risk"
    assert worst_status(["off_track", "launched"]) == "launched"
    assert worst_status(["in_progress"]) == "in_progress"


@pytest.mark.parametrize(
    ("text", "bare", "expected"),
    [
        ("进度40%", False, [40]),
        ("测试进度40%", False, [40]),
        ("完成60%", False, [60]),
        ("60% complete", False, [60]),
        ("% complete: 60", False, [60]),
        ("progress: 35%", False, [35]),
        ("成功率99.5%，进度40%", True, [40]),  # a success rate next to a progress figure
        ("支付成功率99.98%", True, []),
        ("error budget 40% left", True, []),
        ("availability 99.9%", True, []),
        ("60%", True, [60]),  # a bare figure alone in its clause is progress ...
        ("60%", False, []),  # ... but not on a sub-step line
        ("cost down 31% vs March", True, []),
        ("部署进度还是 60% 左右，插件写了一部分但数值对不上", True, [60]),  # 还是 between cue and figure
        ("新BOM进度仍约50%，认证还没有结果", True, [50]),  # two words between cue and figure
        ("截至本期，已迁移规则 48/120。", False, [40]),  # counted after its verb
        ("规则迁移还停在 60/120，人都去修升级问题了", False, [50]),
        ("数据迁移推到9/15", False, []),  # a month and day
    ],
)
def test_progress_versus_metric_percentages(text: str, bare: bool, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=bare)] == expected


@pytest.mark.parametrize(
    ("text", "label", "field"),
    [
        ("平安存管接入：与平安联调中", "平安存管接入", None),
        ("Status: At risk", "Status", "status"),
        ("% complete: 70", "% complete", "progress"),
        ("ETA: Jun 14", "ETA", "target"),
        ("负责人：张三", "负责人", "owner"),
        ("Notes: waiting on review", "Notes", "generic"),
    ],
)
def test_labels(text: str, label: str, field: str | None) -> None:
    found = split_label(text)
    assert found is not None and found.label == label and found.field == field


@pytest.mark.parametrize("text", ["10/18 17:01 监控发现告警", "做了三件事，分别是：A、B", ""])
def test_not_labels(text: str) -> None:
    assert split_label(text) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("网关灰度：11/20已上线", []),  # a day, not 11 of 20
        ("网关灰度：10/17上线完成", []),
        ("网关灰度：3/8 个集群已上线", [38]),  # something counted: a share
        ("Progress: 7/9 tasks", [78]),
    ],
)
def test_a_month_day_before_a_done_verb_is_no_share(text: str, want: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=True)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("首页: 37.25%", []),  # a measured rate, not work done
        ("搜索改版: 62.5%", [62]),  # a half percent still reads as progress
        ("搜索改版: 60%", [60]),
    ],
)
def test_a_bare_percent_with_two_decimals_is_a_measurement(text: str, want: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=True)] == want


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        ("已于 3/2 随 v1.4 正式发布", True),
        ("新版 SDK 已发布", True),
        ("正式发布会定在 4/10", False),  # an event, not a release
    ],
)
def test_a_formal_release_is_a_launch(text: str, launched: bool) -> None:
    assert ("launched" in [hit.value for hit in find_statuses(text)]) is launched
