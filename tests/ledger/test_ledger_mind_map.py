"""A mind map exported as Markdown writes every node as a heading: a project's fields too
(`#### 状态：有风险`, `#### 目标：…`) and every leaf (`### 导购助手：上线时间提前` under `## 本周完成`).
Written from w21-f (an XMind export, wave 21, after its end run); the maps below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.line_rewrites import mind_map_fields

from .conftest import Series


def _map(period: str, state: str, target: str, done: str) -> str:
    return f"""# 零售会员组周报｜{period}

## 本周完成

### {done}

## 重点项目

### 【P1】小程序积分商城
#### 负责人：王珂
#### 状态：{state}
#### 目标：{target}
#### 进度：60%
#### 本周
- 兑换接口联调完成

### 【P2】门店导购看板
#### 负责人：李娜
#### 状态：正常
#### 目标：6/28上线
#### 进度：30%

## 数据看板

### 会员总数：312.5万

### 积分核销率：28.4%
"""


def test_a_mind_maps_field_nodes_are_its_projects_fields(series: Series) -> None:
    ledger = series(
        [
            ("会员周报_20240510.md", _map("2024.05.06-05.10", "正常", "5/31上线", "短信通道压测完成")),
            (
                "会员周报_20240517.md",
                _map("2024.05.13-05.17", "有风险", "调整为6/14上线（原5/31）", "短信通道切换完成"),
            ),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    mall = next(p for name, p in found.items() if "小程序积分商城" in name)
    assert mall.target == date(2024, 6, 14)
    assert mall.status == "at_risk"
    assert not any(name.startswith(("负责人", "状态", "目标", "本周")) for name in found)
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert (mall.name, "date_moved") in slips
    assert not any("导购看板" in project for project, _ in slips)
    # a leaf node is a line of its parent: the metrics board's figures are metrics
    assert {name for name, _ in views.metric_names(ledger)} >= {"会员总数", "积分核销率"}


def test_a_document_with_a_few_colon_headings_is_no_mind_map() -> None:
    lines = list(enumerate(["# 周报", "### 项目A：进度更新", "正文", "### 状态：正常", "正文"], 1))
    assert mind_map_fields(lines) == lines


def _digest(sent: str, target: str, state: str) -> str:
    return f"""From: Orchard PMO Flow
Sent: {sent}
Subject: Orchard weekly digest

---- Response #1 | Submitted: {sent} | By: Lena Park ----
Q1 工作流 Workstream: WS2 冷库温控 Cold store telemetry
Q2 状态 Status: {state}
Q3 完成度 % complete (0-100): 55
Q4 目标 Target (日期或 Sprint): {target}
Q5 本周完成 Done this week: sensors installed in rooms 1-4

---- Response #2 | Submitted: {sent} | By: Omar Reyes ----
Q1 工作流 Workstream: WS4 司机App Driver app
Q2 状态 Status: Green 正常
Q3 完成度 % complete (0-100): 30
Q4 目标 Target (日期或 Sprint): 2025-06-30
Q5 本周完成 Done this week: login flow done
"""


def test_a_forms_digest_reads_each_response_as_a_record(series: Series) -> None:
    """`Q4 目标 Target (日期或 Sprint): …`: a form's numbered, bilingual questions are fields, and
    the workstream question names the response's project (written from w21-c, a Forms digest)."""
    ledger = series(
        [
            ("digest_W12.txt", _digest("2025/3/21 8:03", "2025-04-18", "Green 正常")),
            ("digest_W13.txt", _digest("2025/3/28 8:03", "2025-05-09", "Amber 有风险")),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    cold = next(p for p, _ in slips if "冷库温控" in p)
    assert (cold, "date_moved") in slips and (cold, "status_downgrade") in slips
    assert not any("司机App" in project for project, _ in slips)


def _text_map(period: str, state: str, target: str) -> str:
    # a mind map exported as text: every branch numbered with a closing dot, children tab-indented
    return (
        f"园所信息化周报 第8期\n春季学期第3周（{period}）\n\n"
        "1. 本周概览\n\t1.1. 考勤机固件全部升级\n"
        "2. 重点项目\n"
        "\t2.1. 家长端App 2.0改版\n"
        f"\t\t2.1.1. 状态：{state}\n\t\t2.1.2. 进度：开发80%\n\t\t2.1.3. 目标：{target}\n"
        "\t\t2.1.4. iOS提审节点按3.24\n"
        "\t2.2. 园区监控上云\n\t\t2.2.1. 状态：正常\n\t\t2.2.2. 进度：9/20园\n"
        "3. 下周计划\n\t3.1. 家长会排期\n"
    )


def test_a_text_mind_maps_numbered_branches_are_projects_and_fields(series: Series) -> None:
    ledger = series(
        [
            ("园所周报_20250314.txt", _text_map("3.10-3.14", "正常", "3.31全量上线")),
            ("园所周报_20250321.txt", _text_map("3.17-3.21", "有风险", "4.18全量上线（原3.31）")),
            ("园所周报_20250418.txt", _text_map("4.14-4.18", "已上线", "4.18全量上线")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    app = next(p for name, p in found.items() if "家长端App" in name)
    assert app.target == date(2025, 4, 18) and app.status == "launched"  # `2.1.1. 状态：已上线`
    assert any("园区监控上云" in name for name in found)
    assert not any(name.startswith(("状态", "进度", "目标")) for name in found)
    assert (app.name, "date_moved") in {(s.project, s.kind) for s in views.slips(ledger)}
    assert app.name in {launch.project for launch in views.launches(ledger)}
