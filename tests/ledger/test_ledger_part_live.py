"""A first part going live (`华南 3/13 投产`) beside the project's row at `进行中 | 1/6` is no launch
of the project: the row's running state and part-way progress tell the project."""

from __future__ import annotations

from index.ledger import views

from .conftest import Series

_REPORT = """\
# 通道组周报 {label}
## 一、本周工作总结
- 第二批通道：{news}
## 二、重点事项进度
| 事项 | 负责人 | 状态 | 健康度 | 进度 | 计划完成 |
| --- | --- | --- | --- | --- | --- |
| 第二批通道（6省） | 沈遥 | 进行中 | 正常 | {done}/6 | 5/16 |
"""


def test_a_part_live_is_no_launch(series: Series) -> None:
    ledger = series(
        [
            ("2025-03-07.md", _REPORT.format(label="第10周", news="联调中。", done=0)),
            ("2025-03-14.md", _REPORT.format(label="第11周", news="华南 3/13 投产，首日无异常。", done=1)),
        ]
    )
    assert views.launches(ledger) == []
    [*_, last] = views.timeline(ledger, "第二批通道（6省）").observations
    assert last.status != "launched"
