"""Status cells, targets and names as four more tools write them: esa.io's legend under `凡例` with
Slack's circle names (`:large_yellow_circle:`), a target cell that says which day it replaced in
Japanese (`5/31 ※5/17 から変更`), a sprint target moved in Chinese (`目标调整为 Sprint 9`), a paused
line opening with its sign (`⏸ …`), and a period's own label as a bold lead (`**Season week 11**`).
Written from wave 36; the reports below are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.mentions import valid_name

from .conftest import Series


def _esa(day: str, sign: str, target: str) -> str:
    return f"""---
title: "{day} Ops 週報 #12"
created_at: {day} 17:00:00 +0900
---
> 凡例: :large_green_circle: 順調 / :large_yellow_circle: 要注意 / :red_circle: 遅延 / :double_vertical_bar: 保留

## プロジェクト状況
| # | 项目 | 状态 | 进度 | 目标 |
|---|---|---|---|---|
| 1 | Ledger 移行 | {sign} | 40% | {target} |
| 2 | Portal v2 | :large_green_circle: | 20% | 6/30 |
"""


def test_a_legend_and_a_japanese_changed_from_note(series: Series) -> None:
    ledger = series(
        [
            ("1.md", _esa("2025-04-18", ":large_green_circle:", "5/17")),
            ("2.md", _esa("2025-04-25", ":large_yellow_circle:", "5/31 ※5/17 から変更")),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.project, s.from_, s.to) for s in moved] == [("Ledger 移行", "2025-05-17", "2025-05-31")]
    assert ("Ledger 移行", "status_downgrade") in {(s.project, s.kind) for s in views.slips(ledger)}


def _relay(day: str, line: str) -> str:
    return f"""# 周报 {day}

三、项目进展 Projects
🟢 Refund API v3 — 进度 50%, 目标 4/18
{line}
"""


def test_a_sprint_target_adjusted_in_chinese_and_a_sign_before_a_paused_name(series: Series) -> None:
    ledger = series(
        [
            (
                "a.md",
                _relay("2025-03-14", "🔴 Settlement T+0 — 受阻, 目标 Sprint 8\n🟡 Hanoi pilot — 目标 4/30"),
            ),
            (
                "b.md",
                _relay(
                    "2025-03-21",
                    "🟢 Settlement T+0 — 不再受阻, 但 Sprint 8 来不及, 目标调整为 Sprint 9\n⏸ Hanoi pilot — 本周起暂停",
                ),
            ),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Settlement T+0", "date_moved") in found
    assert "⏸ Hanoi pilot" not in {s.project for s in views.slips(ledger)}


def test_a_period_label_is_no_project_name() -> None:
    assert not valid_name("Season week 11")
    assert not valid_name("Programme Week 27")
    assert valid_name("Tuning W2")  # a wave's number is no week
    assert not valid_name("暂停 Paused")  # a board's column in two languages
    assert valid_name("支付 Gateway")


def _digest(day: str, tag: str, target: str) -> str:
    return f"""Weekly digest {day}

1. Overall
- payment success 99.3%

2. Projects
[On track] FX Engine Migration (Tianping) — 95%, target 16 May
{tag} Nusa Link (ID) — re-test slot 10 Jun, go-live {target}

3. Risks / Asks
- Nusa Link: need BD to confirm the date
"""


def test_a_digest_tags_each_line_with_its_state_in_brackets(series: Series) -> None:
    ledger = series(
        [
            ("d1.txt", _digest("2025-05-02", "[At risk]", "30 May")),
            ("d2.txt", _digest("2025-05-09", "[Delayed]", "moved from 30 May to 30 Jun")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Nusa Link (ID)", "date_moved") in found
    assert ("Nusa Link (ID)", "status_downgrade") in found
    assert not any(project.startswith(("[", "On track")) for project, _ in found)


def test_a_shortened_mixed_name_and_a_count_beside_a_name() -> None:
    from index.ledger.name_rules import pair_related
    from index.text.normalise import name_key

    def related(a: str, b: str) -> bool:
        return pair_related(name_key(a), name_key(b), a, b)

    assert related("SOH 模型", "电池 SOH 健康分模型")  # its parts in order, one a code
    assert not related("API 平台", "支付 API 网关平台")  # a common word in capitals names no one project
    assert related("杭州二期", "杭州二期扩容（300 柜）")  # 300 cabinets is no version
    assert not related("对账中心二期", "对账中心三期")


def test_a_launched_table_under_a_numbered_heading_names_its_projects(series: Series) -> None:
    text = """# 周报 {day}

## 二、重点项目

| 项目 | 进度 | 目标 |
|---|---|---|
| 门禁二期 | {share} | 4/30 |

## 三、已上线 / 归档

| 项目 | 完成日期 | 说明 |
|:-----|:--------|:-----|
{row}
"""
    ledger = series(
        [
            (
                "a.md",
                text.format(
                    day="2025-04-04",
                    share="80%",
                    row="| 消息总线迁移（自建→云托管） | 3/28 | :white_check_mark: 已上线，比原定 3/20 晚 8 天 |",
                ),
            ),
            (
                "b.md",
                text.format(
                    day="2025-04-11",
                    share="100%",
                    row="| 门禁二期 | 4/10 | :white_check_mark: 已上线，比原定 3/31 晚 10 天 |",
                ),
            ),
        ]
    )
    launched = {launch.project for launch in views.launches(ledger)}
    assert "消息总线迁移(自建→云托管)" in launched
