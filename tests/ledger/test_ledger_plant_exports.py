"""A plant's weekly saved from Word as text (tab tables, a legend of marks, work-week days such as
`WW16.5`, `发行日：`), a list digest's escaped column names and stored shares, and a target cell
opening with a four-digit day. Written from two blind series of wave 28; the text below is this
test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.load import normalise_line
from index.text.timeexpr import find_dates, find_field_dates

from .conftest import Series


def test_work_weeks_and_compact_days() -> None:
    ref = date(2024, 3, 15)
    assert [(h.value, h.precision) for h in find_dates("预计 WW17.5 完成", ref)] == [
        (date(2024, 4, 26), "day")
    ]
    assert [h.value for h in find_dates("WW12 计划", ref)] == [date(2024, 3, 22)]
    assert find_dates("2024WW10 周报", ref) == []
    assert [h.value for h in find_field_dates("0425 全量", ref)] == [date(2024, 4, 25)]
    assert find_field_dates("1500 家", ref) == []
    assert find_field_dates("61/150 家", ref) == []


def test_a_lists_escaped_column_names() -> None:
    assert normalise_line("| Title | RAG_x0020_Status | Percent_x0020_Complete |") == (
        "| Title | RAG Status | Percent Complete |"
    )


def _plant(day: str, issued: str, mark: str, due: str, share: str) -> str:
    return f"""联华封测　一厂　CIM课周报
2024 {day}
发行日：{issued}　　编写：周明

二、项目进度一览
No.\t项目名称\t负责人\t进度\t状态\t预计完成
1\t焊线机联机二期\t陆骁\t{share}\t{mark}\t{due}
2\t配方管理\t戴明\t50%\t○\t4/30
注：状态　◎结案　○正常　△注意　×落后　◇暂停

三、下周计划
Ø\t焊线机联机：L3线15台
"""


def test_a_plants_marks_and_work_weeks_make_slips(series: Series) -> None:
    ledger = series(
        [
            ("cim-ww10.txt", _plant("WW10", "2024/03/08", "○", "WW16.5", "100/186台")),
            ("cim-ww11.txt", _plant("WW11", "2024/03/15", "△", "WW17.5", "118/186台")),
        ]
    )
    slips = {(s.project, s.kind, s.week) for s in views.slips(ledger)}
    assert ("焊线机联机二期", "status_downgrade", "2024-W11") in slips
    assert ("焊线机联机二期", "date_moved", "2024-W11") in slips
    assert not any(project.startswith("注") for project, _, _ in slips)
