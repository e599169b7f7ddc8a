"""A pause keeps the project's target for comparison but voids its deadline."""

from __future__ import annotations

from index.ledger import views
from index.ledger.store import Ledger

from .conftest import WriteReport, build


def _week(day: str, line: str) -> str:
    return f"# 团队周报 {day}\n\n## 本周进展\n\n- {line}\n"


def _slips(ledger: Ledger) -> list[tuple[str, str, str, str]]:
    return [(s.kind, s.week, s.from_, s.to) for s in views.slips(ledger)]


def test_a_target_re_proposed_after_a_pause_is_a_move(ledger: Ledger, write_report: WriteReport) -> None:
    build(
        ledger,
        [
            write_report("w1.md", _week("2024-10-11", "日志平台：进度30%，预计12/31上线")),
            write_report("w2.md", _week("2024-10-18", "日志平台：暂停，负责人休假")),
            write_report(
                "w3.md", _week("2025-01-10", "日志平台：暂停")
            ),  # the paused date passed: no overdue
            write_report("w4.md", _week("2025-01-17", "日志平台：恢复推进，进度35%，预计6/30上线")),
        ],
    )
    assert _slips(ledger) == [("date_moved", "2025-W03", "2024-12-31", "2025-06-30")]


def test_a_paused_then_cancelled_project_is_never_overdue(ledger: Ledger, write_report: WriteReport) -> None:
    build(
        ledger,
        [
            write_report("w1.md", _week("2025-03-07", "标题生成：PoC 完成，预计3/31上线")),
            write_report("w2.md", _week("2025-03-14", "标题生成：暂停，GPU 配额被收回")),
            write_report("w3.md", _week("2025-04-18", "标题生成：砍掉，改用外采")),
        ],
    )
    assert _slips(ledger) == []


def test_an_overdue_target_is_cited_where_it_was_still_a_promise(
    ledger: Ledger, write_report: WriteReport
) -> None:
    build(
        ledger,
        [
            write_report("w1.md", _week("2024-06-21", "冷数据归档：进度90%，预计：6/30上线")),
            write_report("w2.md", _week("2024-07-12", "冷数据归档：进度95%，预计完成：6/30上线")),
        ],
    )
    (slip,) = views.slips(ledger)
    assert (slip.kind, slip.week) == ("overdue", "2024-W28")
    assert [(c.report.rsplit("/", 1)[-1], c.quote) for c in slip.evidence] == [
        ("w1.md", "预计：6/30上线"),
        ("w2.md", "预计完成：6/30上线"),
    ]
