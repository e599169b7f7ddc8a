"""A template's project line, `1.【name】status｜progress｜target`, as a WeCom 汇报 form writes it:
the number closed up to its bracket still opens an item, a bare `正常` between bars is the status,
and a first batch listed as done this week is a step, not the project finished."""

from __future__ import annotations

from index.ledger import views
from index.ledger.signals import find_statuses
from index.text.normalise import plain_line

from .conftest import Series


def test_a_number_closed_up_to_a_bracket_is_a_list_marker() -> None:
    assert plain_line("1.【仓配一体化】正常｜40%｜6/30上线") == "【仓配一体化】正常｜40%｜6/30上线"
    assert plain_line("2.3/6万亩") == "2.3/6万亩"  # a decimal stays


def test_a_bare_normal_between_bars_is_on_track_and_in_prose_it_is_not() -> None:
    assert [s.value for s in find_statuses("【仓配一体化】正常｜40%｜6/30上线")] == ["on_track"]
    assert find_statuses("冷库温控运行正常稳定") == []


_REPORT = """周报 {day}

▍重点项目进展（格式：【项目】状态｜进度｜目标）
1.【巡检机器人二期】{state}｜{count}台到货｜5/30前全部到货
  · 供应商反馈电机缺货
2.【冷链看板】正常｜30%｜6/15上线

▍本周完成
· 巡检机器人首批4台挂牌入列
"""


def test_a_template_line_gives_its_downgrade_and_a_first_batch_is_no_finish(series: Series) -> None:
    ledger = series(
        [
            ("周报_20250411.md", _REPORT.format(day="2025/04/11", state="正常", count="4/12")),
            ("周报_20250418.md", _REPORT.format(day="2025/04/18", state="有风险", count="4/12")),
        ]
    )
    slips = {(s.project, s.kind, s.to) for s in views.slips(ledger)}
    assert ("巡检机器人二期", "status_downgrade", "有风险") in slips
    assert not [launch for launch in views.launches(ledger) if launch.project == "巡检机器人二期"]
