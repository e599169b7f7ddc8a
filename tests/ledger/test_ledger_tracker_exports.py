"""A tracker's plain-text export: piped rows with no delimiter row, or tab-separated rows, under an
id column. Its rows are projects, and a row renamed in a later export keeps its id, which keeps it
one project (its slips follow it across the rename)."""

from __future__ import annotations

from index.ledger import views
from index.load import normalise_line

from .conftest import Series


def _export(day: str, rows: list[str], sep: str = " | ") -> str:
    header = sep.join(["编号", "需求名称", "负责人", "状态", "完成度", "预计完成"])
    return (
        f"【统计周期】{day}\n\n一、需求进度\n{header}\n"
        + "\n".join(r.replace(" | ", sep) for r in rows)
        + "\n"
    )


def test_a_renamed_row_keeps_its_id_and_its_slips(series: Series) -> None:
    ledger = series(
        [
            (
                "w1.txt",
                _export(
                    "2024-10-11",
                    [
                        "#1578 | 优惠券中心迁移 | 韩颖 | 进行中 | 65% | 2024-10-18",
                        "#1547 | 支付对账自动化 | 林晓雯 | 进行中 | 45% | 2024-10-31",
                    ],
                ),
            ),
            (
                "w2.txt",
                _export(
                    "2024-10-18",
                    [
                        "#1578 | 营销券中心迁移 | 韩颖 | 进行中 | 80% | 2024-10-25",
                        "#1547 | 支付对账自动化 | 林晓雯 | 进行中 | 50% | 2024-10-31",
                    ],
                ),
            ),
            (
                "w3.txt",
                _export(
                    "2024-10-25",
                    [
                        "#1578 | 营销券中心迁移 | 韩颖 | 进行中 | 95% | 2024-10-30",
                        "#1547 | 支付对账自动化 | 林晓雯 | 进行中 | 60% | 2024-10-31",
                    ],
                ),
            ),
        ]
    )
    moved = [(s.project, s.week) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moved == [("优惠券中心迁移", "2024-W42"), ("优惠券中心迁移", "2024-W43")]
    assert all(s.project != "支付对账自动化" for s in views.slips(ledger))


def test_tab_separated_rows_read_as_cells(series: Series) -> None:
    rows = [
        "#1602 | 商品审核工作流 | 蒋倩 | 进行中 | 90% | 2024-09-27",
        "#1615 | 退款时效看板 | 马骁 | 进行中 | 20% | 2024-10-25",
    ]
    ledger = series(
        [("w1.txt", _export("2024-09-20", rows, "\t")), ("w2.txt", _export("2024-10-11", rows, "\t"))]
    )
    assert {p.name for p in views.projects(ledger)} >= {"商品审核工作流", "退款时效看板"}
    overdue = [s for s in views.slips(ledger) if s.kind == "overdue"]
    assert [(s.project, s.week) for s in overdue] == [("商品审核工作流", "2024-W41")]


def test_a_tab_separated_row_is_a_pipe_row_and_indentation_is_unchanged() -> None:
    assert normalise_line("#1602\t商品审核工作流\t蒋倩") == "| #1602 | 商品审核工作流 | 蒋倩 |"
    assert normalise_line("#1602\t\t蒋倩\t\t") == "| #1602 |  | 蒋倩 |  |  |"  # empty cells stay cells
    assert normalise_line("华骋周报（第11期）\t\t\t") == "华骋周报（第11期）"  # a merged title row
    assert normalise_line("Sent:\t13 February 2025") == "Sent:   13 February 2025"  # one tab: a field
    assert normalise_line("\t- nested") == "    - nested"
