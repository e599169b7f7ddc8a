"""Written from wave 50's join blocker: a report table's target cell holding a sprint and the day that
sprint ends (`Sprint 10（至 17/5）`), and a rename told as `前稱` in the name cell and as `正式命名為`
in prose. The texts are this test's own."""

from __future__ import annotations

from index.ledger import views
from index.ledger.renames import rename_pairs

from .conftest import Series

_ISSUE = """\
<html><body>
<h1>风控模型周报 Vol.{n}</h1>
<p>發送日期：{day}</p>
<ul><li>{note}</li></ul>
<table>
<tr><th>Project</th><th>Owner</th><th>Status</th><th>Target</th></tr>
<tr><td>{name}</td><td>KC</td><td>AMBER</td><td>{target}</td></tr>
<tr><td>理賠文本分類 Claims Text</td><td>JL</td><td>GREEN</td><td>30/6</td></tr>
</table>
</body></html>
"""


def test_a_sprint_cell_with_its_end_day_is_a_sprint_target_and_a_former_name_links(series: Series) -> None:
    ledger = series(
        [
            (
                "vol40.html",
                _ISSUE.format(
                    n=40,
                    day="2024年3月8日",
                    note="Kestrel 審計追蹤：本週完成 schema 評審。",
                    name="保單審計追蹤 Kestrel Audit",
                    target="Sprint 6",
                ),
            ),
            (
                "vol41.html",
                _ISSUE.format(
                    n=41,
                    day="2024年3月15日",
                    note="Kestrel Audit 正式命名為 Ledgerline。",
                    name="Ledgerline（前稱 Kestrel Audit）",
                    target="Sprint 7（至 12/4）",
                ),
            ),
        ]
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    # the cell's day is when sprint 7 ends, not a target of another kind: the move is in sprints, and
    # the renamed row is the same project as the week before
    assert [(s.from_, s.to, s.week) for s in moved] == [("sprint 6", "sprint 7", "2024-W11")]
    assert "Ledgerline" in moved[0].project or "Ledgerline" in moved[0].aliases


def test_a_former_name_and_an_official_naming_are_renames() -> None:
    assert rename_pairs("Ledgerline（前称 Kestrel Audit）") == [("Kestrel Audit", "Ledgerline")]
    assert rename_pairs("Kestrel Audit 正式命名为 Ledgerline。") == [("Kestrel Audit", "Ledgerline")]
