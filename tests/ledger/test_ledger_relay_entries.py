"""A group chat's relay (接龙): a line declares the columns, numbered entries fill them, one per
person, some wrapped onto a second line, other lines between them. The entries are a table: the
project column names each entry's project (never the person), its status and target columns
make slips; the example entry and the summary addressed to the boss are no projects."""

from __future__ import annotations

from index.ledger import views
from index.tables import read_tables

from .conftest import Series


def _relay(day: str, issue: int, kiosk: str, ledger_target: str) -> str:
    return (
        f"——存档：周敏｜2025/{day} 18:40——\n\n"
        f"{day.replace('/', '.')} 周五 进度接龙（第{issue}期）\n"
        "格式：姓名｜项目｜本周进展｜状态｜目标时间\n\n"
        "例 张三｜XX项目｜完成联调｜正常｜3.31\n\n"
        "大盘：本周订单 3,120｜退货率 4.1%\n\n"
        f"1. 韩雪｜自助收银机｜门店试点 3 家，扫码枪兼容问题还在查｜{kiosk}\n"
        "2. 陈立｜会员积分账本｜对账脚本写完，差异 12 条\n"
        f"待财务确认｜正常｜{ledger_target}\n"
        "3. 吴凡｜排班小程序｜已上线，首日 40 人登录｜已上线｜3.14\n\n"
        "——群里补充——\n"
        "老板：收银机下周能定吗\n"
        "韩雪：周一给准话\n\n"
        "【汇总·发老板】\n暂停：无\n有风险：自助收银机\n"
    )


def test_entries_under_declared_columns_are_a_table() -> None:
    text = _relay("3/14", 5, "正常｜4.15，60%", "4.30")
    lines = list(enumerate(text.splitlines(), 1))
    (table,) = read_tables(lines)
    assert table.header == ["姓名", "项目", "本周进展", "状态", "目标时间"]
    assert [row.cells[1] for row in table.rows] == ["自助收银机", "会员积分账本", "排班小程序"]
    wrapped = table.rows[1]
    assert wrapped.end == wrapped.line + 1 and wrapped.cells[3:] == ["正常", "4.30"]
    assert not any(number in table.span for number, text in lines if text.startswith("大盘"))


def test_relay_entries_make_slips_of_their_projects(series: Series) -> None:
    ledger = series(
        [
            ("接龙_0314.txt", _relay("3/14", 5, "正常｜4.15，60%", "4.30")),
            ("接龙_0321.txt", _relay("3/21", 6, "有风险｜原定4.15，改到4.30", "5.15")),
        ]
    )
    found = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("自助收银机", "date_moved") in found
    assert ("自助收银机", "status_downgrade") in found
    assert ("会员积分账本", "date_moved") in found
    names = {p.name for p in views.projects(ledger)}
    assert {"自助收银机", "会员积分账本", "排班小程序"} <= names
    assert not names & {"陈立", "吴凡", "例 张三", "汇总·发老板", "汇总"}  # (a reply's speaker aside)
    moved = next(s for s in views.slips(ledger) if s.project == "会员积分账本")
    assert [c.quote for c in moved.evidence] == ["4.30", "5.15"]  # cited on the wrapped line
