"""A name one report's lead gives and other reports' sentences tell of is a project."""

from __future__ import annotations

from index.ledger import views
from index.ledger.renames import rename_pairs
from index.ledger.store import Ledger

from .conftest import Series


def _report(day: str, body: str) -> str:
    return f"# 稳定性周报 · {day}\n\n## 项目进展\n\n{body}\n"


def test_a_lead_in_one_report_and_prose_in_two_others_is_a_project(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "2024-09-06.md",
                _report("2024年9月6日", "网关熔断组件升级要求9月20日前核心服务全部接入，进度正常。"),
            ),
            ("2024-09-13.md", _report("2024年9月13日", "网关熔断组件升级这周没有推进，目前状态受阻。")),
            ("2024-09-20.md", _report("2024年9月20日", "网关熔断组件升级：还是 12/20，继续受阻。")),
        ]
    )
    got = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("网关熔断组件升级", "status_downgrade") in got


def test_a_lead_told_nowhere_else_is_not_a_project(series: Series) -> None:
    ledger: Ledger = series(
        [
            ("2024-09-06.md", _report("2024年9月6日", "好消息：压测环境搭好了，进度正常。")),
            ("2024-09-13.md", _report("2024年9月13日", "告警治理这周进度正常。")),
        ]
    )
    assert not any("好消息" in project.name for project in views.projects(ledger))


def test_a_short_name_from_here_on_is_a_rename() -> None:
    text = "The Claims Triage Rebuild (CTR from here on, as asked) remains amber."
    assert rename_pairs(text) == [("The Claims Triage Rebuild", "CTR")]
    assert rename_pairs("The billing rebuild (hereafter BR) is green.") == [("The billing rebuild", "BR")]
