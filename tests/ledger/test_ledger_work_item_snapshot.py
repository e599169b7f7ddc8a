"""A project tool's weekly snapshot of work items in plain text: `〔二〕工作项` part headings, a
card per item whose line holds two status fields (`状态：进行中    健康度：🟡 有风险`), its workflow
`节点：…` and `节点排期：…` lines (no projects), `目标全量：04/22`; `冷启动` names a cold start, not a
kick-off. And a Remarkup page's status icons (`{icon circle color=orange}`)."""

from __future__ import annotations

from pathlib import Path

from index.ledger import views
from index.ledger.field_labels import field_of, label_key
from index.ledger.mentions import valid_name
from index.load import load_document, normalise_line
from index.parse import parse_report

from .conftest import Series


def test_remarkup_icons_read_as_signs() -> None:
    assert normalise_line("| {icon circle color=orange} | Cal suite | 60% |") == "| 🟡 | Cal suite | 60% |"
    assert normalise_line("{icon check-circle color=green} Boot signing") == "✅ Boot signing"


def test_snapshot_words() -> None:
    assert field_of(label_key("目标全量")) == "target"
    assert field_of(label_key("节点排期")) == "generic"
    assert valid_name("需求 FC-2031|冷启动流量池 v2")
    assert not valid_name("启动会筹备")


_SNAPSHOT = """\
【周报快照】短视频 ｜ 分发组
快照时间：{stamp}

〔一〕本周摘要
1. 冷启动 v3 {news}

〔二〕工作项
────────────────────────────────────────
[P0] 需求 FC-3001｜冷启动流量池 v3
  节点：评审 ✔ → 开发 ● → 测试 ○
  状态：进行中    健康度：{health}    负责人：@周牧
  目标全量：{target}
  节点排期：开发 03/03–03/21 ｜ 测试 03/24–04/03
  进度：{pct}
────────────────────────────────────────
[P1] 任务 FC-3002｜特征迁移
  节点：方案 ✔ → 迁移 ●
  状态：进行中    健康度：🟢 正常    负责人：@邵骁
  目标全量：05/30
  进度：40%
"""


def test_snapshot_cards_give_health_and_targets(series: Series) -> None:
    ledger = series(
        [
            (
                "snap_20250314.txt",
                _SNAPSHOT.format(
                    stamp="2025/03/14 18:00", news="按计划。", health="🟢 正常", target="04/22", pct="70%"
                ),
            ),
            (
                "snap_20250321.txt",
                _SNAPSHOT.format(
                    stamp="2025/03/21 18:00", news="推迟。", health="🟡 有风险", target="05/06", pct="75%"
                ),
            ),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    assert not names & {"节点", "目标全量", "节点排期"}
    slips = {(s.project, s.kind) for s in views.slips(ledger) if "冷启动流量池 v3" in s.project}
    assert {k for _, k in slips} >= {"status_downgrade", "date_moved"}


def test_bracketed_ordinal_parts_are_headings(tmp_path: Path) -> None:
    path = tmp_path / "2025-03-14.txt"
    path.write_text("周报\n\n〔一〕本周摘要\n1. 一切正常。\n\n〔二〕线上问题\n无。\n", encoding="utf-8")
    titles = [s.title for s in parse_report(load_document(path), str(path)).all_sections()]
    assert "本周摘要" in titles and "线上问题" in titles
