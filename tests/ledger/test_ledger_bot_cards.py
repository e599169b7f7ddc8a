"""A chat bot's weekly card in Markdown: a bold lead with its status in `<font color>`, the fields
on a quoted line without colons (`> 进度 30%｜目标 4.18｜<@linwei>`), a moved release said in the
step line (`上线由 3.31 调整为 4.18`), a numbered store named `3号冷库` (no day), and a GxP team's
`异常/偏差` section for its incidents."""

from __future__ import annotations

from datetime import date

from index.classify import classify_heading
from index.ledger import views
from index.ledger.field_labels import field_pieces
from index.load import inline_tags_read
from index.models import SectionKind
from index.text.timeexpr import find_dates

from .conftest import Series


def test_inline_style_tags_are_read_as_their_words() -> None:
    assert (
        inline_tags_read('**[P2] 渠道 App** <font color="warning">有风险</font>')
        == "**[P2] 渠道 App** 有风险"
    )
    assert inline_tags_read("Falcon status: <b>Blocked</b> <@dana>") == "Falcon status: **Blocked** <@dana>"


def test_quoted_field_line_and_numbered_things() -> None:
    pieces = field_pieces("> 进度 30%｜目标 4.18｜<@linwei>")
    assert [p.labelled.field if p.labelled else None for p in pieces] == ["progress", "generic", None]
    assert find_dates("5号仓库改造", date(2025, 3, 7)) == []
    assert find_dates("2号冷库扩容", date(2025, 3, 7)) == []
    assert [h.value for h in find_dates("15号上线", date(2025, 3, 7))] == [date(2025, 3, 15)]


def test_deviation_headings_are_incident_sections() -> None:
    assert classify_heading("四、异常/偏差") is SectionKind.INCIDENTS
    assert classify_heading("本周偏差（先看这里）") is SectionKind.INCIDENTS
    assert classify_heading("进度偏差分析") is not SectionKind.INCIDENTS


_CARD = """\
# 仓储组周报 第{n}期
### 一、重点项目
**[P1] 温控看板二期** <font color="{colour}">{status}</font>
> 进度 {pct}｜{target}｜<@linwei>
> 本周：接入测点 {points} 个。

**[P2] 3号冷库扩容改造** <font color="info">正常</font>
> 进度 {store}｜竣工目标 5.31｜<@zhaoqi>
> 5.30 试运行压力很大：新机组推迟到 5.6 到货。

### 二、异常/偏差
{incident}
"""


def test_bot_cards_give_targets_moves_and_incidents(series: Series) -> None:
    ledger = series(
        [
            (
                "bot_20250307.md",
                _CARD.format(
                    n=11,
                    colour="info",
                    status="正常",
                    pct="40%",
                    target="目标 3.31",
                    points=40,
                    store="20%",
                    incident="本周无新增。",
                ),
            ),
            (
                "bot_20250314.md",
                _CARD.format(
                    n=12,
                    colour="warning",
                    status="延期",
                    pct="55%",
                    target="上线由 3.31 调整为 4.18",
                    points=52,
                    store="30%",
                    incident="**3.12 02:10 1号库压缩机组跳闸**，库温超出 2–8℃ 共 35 分钟。定级：主要偏差",
                ),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("温控看板二期", "date_moved") in slips
    assert ("温控看板二期", "status_downgrade") in slips
    assert not any(kind == "date_moved" and "冷库" in name for name, kind in slips)  # 5.6 is a part's
    assert "3号冷库扩容改造" in {p.name for p in views.projects(ledger)}
    timeline = views.timeline(ledger, "3号冷库扩容改造")
    assert [o.target for o in timeline.observations] == [date(2025, 5, 31)] * 2
    assert [i.when for i in views.incidents(ledger)] == [date(2025, 3, 12)]
