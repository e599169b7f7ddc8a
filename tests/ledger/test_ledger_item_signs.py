"""What an author sets beside a project's name, and what is no project at all: a sign closing an
item's name line outranks a step line's wording; a status word inside an MDX component or an HTML
tag is the word; a fraction after what it counts fills a progress column; a template's header
fields, the series' own period names and an outage review are no projects. Written from wave 33
(a Thunderbird mail, a Docusaurus blog, a Wiki.js page); the reports are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.extract import extract_facts

from .conftest import Series, WriteReport


def _mail(day: str, sign: str, step: str) -> str:
    return f"""# 【门店工具周报】{day}

状态说明：🟢正常  🟡有风险  🔴延期  ⏸暂停

一、4/8 下单接口超时复盘结论（4/10 复盘会）
- 根因：连接池上限过小
- 改进项：①连接池隔离（4/11 已上线）②加熔断（4/18 前）

二、重点项目
1. 会员积分3.0 {sign}
   - {step}
   - 5/30 全量不变
"""


def test_the_sign_beside_the_name_outranks_a_step_lines_wording(series: Series) -> None:
    ledger = series(
        [
            ("2025-04-04.md", _mail("2025-04-04", "🟢", "规则引擎已提测")),
            ("2025-04-11.md", _mail("2025-04-11", "🟡", "灰度可能推迟，依赖的 SDK 正式版推迟到 4/20")),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert slips == {("会员积分3.0", "status_downgrade", "🟡")}  # at risk as set, not the SDK's 推迟
    projects = {s.project for s in views.slips(ledger)} | {p.name for p in views.projects(ledger)}
    assert not {"根因", "改进项"} & projects  # an outage review's items are no projects


def test_status_in_a_component_a_counted_fraction_and_header_fields(write_report: WriteReport) -> None:
    report = write_report(
        "2025-09-19-weekly-33.md",
        """
        > 秋季学期 · 第3教学周（9/15–9/19）　|　本周值班：@chenmo

        **填报人**：许嘉禾　**审核**：郑立衡

        ## 项目进展 {#projects}

        | 项目 | 状态 | 进度 | 目标 |
        | --- | --- | --- | --- |
        | 白板 SDK 4.0 | <StatusBadge level="ok">正常</StatusBadge> | 里程碑 5/8 | Sprint 19 发布 |
        | 回放链路重构 | <span class="risk">有风险</span> | 40% | 10/17 切流 |
        """,
    )
    found = {o.project: o for o in extract_facts(report).observations}
    assert (found["白板 SDK 4.0"].status, found["白板 SDK 4.0"].progress) == ("on_track", 62)
    assert found["回放链路重构"].status == "at_risk"
    assert not {"填报人", "审核", "秋季学期 · 第3教学周"} & set(found)


def test_a_legend_of_signs_says_what_each_sign_means_here(write_report: WriteReport) -> None:
    report = write_report(
        "2025-04-18.md",
        """
        # 二期周报 2025-04-18

        | 工作包 | 目标日期 | 进度 | 状态 |
        |---|---|---|---|
        | 主站升级 | 4/27 主站切换 | 90% | :warning: |
        | 表计替换 | 5/31 | 24,010/32,000只 | :white_check_mark: |
        | 巡检APP | 4/30 上线 | 100% | :checkered_flag: |
        | 营收接口 | 4/15 上线 | 100% | :white_check_mark: 完成 |

        图例：:white_check_mark: 正常　:warning: 关注　:x: 滞后　:checkered_flag: 已完成/已上线
        """,
    )
    found = {o.project: o.status for o in extract_facts(report).observations}
    # ✅ is done by the common vocabulary; this legend says it is on track
    # (and a word beside the sign says which state it is)
    assert found == {"主站升级": "at_risk", "表计替换": "on_track", "巡检APP": "done", "营收接口": "done"}


def test_leftovers_and_a_batchs_day_are_not_the_projects() -> None:
    from datetime import date

    from index.ledger.mentions import valid_name
    from index.ledger.targets import classify_dates

    assert not valid_name("收尾任务") and not valid_name("遗留问题") and valid_name("收尾结算系统")
    roles = classify_dates("仍暂停；首批已完成，第二批预计 5 月底完成。", date(2025, 5, 9))
    assert [(r.hit.text, r.kind) for r in roles] == [("5 月底", "interim")]


def test_an_incidents_impact_counted_in_merchants_or_machines(write_report: WriteReport) -> None:
    report = write_report(
        "2025-04-18.md",
        """
        # 商家工具周报 2025-04-18

        ## 线上问题
        - 【P3】4/16 10:05 评分灰度城市计算错误，3,412 家商家收到“等级下降”推送
        - 【P1】4/8 14:20 二批 5,000 台中 1,184 台下载失败，约 3 小时恢复
        """,
    )
    impacts = sorted(i.impact or "" for i in extract_facts(report).incidents)
    assert any(i.startswith("1,184 台下载失败") for i in impacts)
    assert any(i.startswith("3,412 家商家收到") for i in impacts)


def test_bugs_at_a_priority_are_no_incident() -> None:
    from index.ledger.incident_words import cue

    assert cue("新版 SDK regression 找到 2 个 P1 bug，未有新 ETA") is None
    assert cue("UAT 发现 3 个 P2 缺陷，下周修复") is None
    assert cue("本周出现 2 次 P1，均已恢复") is not None


def test_a_notice_boxs_label_is_no_project() -> None:
    """`**征期提示**：3月征期 3/3 开始，截止 3/17` (w37-a) reminds of a filing period, and `Heads up:`
    of a skipped issue: neither is work whose dates could slip."""
    from index.ledger.mentions import valid_name

    for label in ("征期提示", "温馨提示", "提醒", "Heads-up", "Reminder"):
        assert not valid_name(label), label
    assert valid_name("智能提醒服务") and valid_name("Reminder service v2")
