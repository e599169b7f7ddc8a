"""A meeting's plain-text tracking list: the date only on its `会议日期` line, records at the margin
(`[#03] 名称`) over one indented line of pipe-separated fields (`Owner：… | Due：… | 灯号：Y | 进度：…`)
and dated notes, closed and paused records filed under indented `【本周关闭】` / `【暂停 / 取消】` labels,
and incidents under a bilingual heading with their own day and clock span. Written from w20-d (a fab's
MES tracking list, wave 20); the minutes below are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views

from .conftest import Series


def _minutes(day: str, wms: str, label: str, closed: str, incident: str) -> str:
    return f"""星河冷链  仓储系统组
WMS 周会 Tracking List  第{day[-2:]}次
========================================
会议日期：{day}（五）10:00-11:00    地点：二楼会议室
主持：宋远    记录：林夏

一、关键指标
    库存准确率 ............ 99.7%

二、异常事件（Incident Report）
{incident}

三、Tracking Items

[#01] 新 WMS 波次拣货上线
      Owner：宋远 | Due：{wms} | 灯号：{label} | 进度：60%
      0301：拣货路径算法联调完成。

[#02] 冷库温度看板
      Owner：林夏 | Due：2025/04/30 | 灯号：G | 进度：40%
      0301：第一批探头接入。

  【本周关闭】
{closed}
  【暂停 / 取消】
      （无）

四、下周重点
  - #01 完成压测。
"""


_CLOSED_RECORD = """[#03] 月台预约小程序
      Owner：周青 | Due：2025/03/14 | 灯号：Closed | 进度：100%
      0314：已全量上线，本项结案。"""


def test_a_tracking_list_reads_its_records_lights_and_incidents(series: Series) -> None:
    ledger = series(
        [
            (
                "WMS周会TrackingList_第07次.txt",
                _minutes(
                    "2025/03/07",
                    "2025/03/28",
                    "G",
                    "      （无）",
                    "  本周无一级/二级异常。",
                ),
            ),
            (
                "WMS周会TrackingList_第08次.txt",
                _minutes(
                    "2025/03/14",
                    "2025/04/11",
                    "Y",
                    _CLOSED_RECORD,
                    "  [IR-2503-01] 03/12 22:10~22:55 WMS 数据库主从切换失败，出库单无法下发，持续45分钟。\n"
                    "      等级：二级 | 影响：延误 30 单",
                ),
            ),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    # named without their tracker id; the meeting's header fields are no projects
    assert {"新 WMS 波次拣货上线", "冷库温度看板", "月台预约小程序"} <= set(found)
    assert not any(name.startswith(("会议", "主持", "[#", "#")) for name in found)
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("新 WMS 波次拣货上线", "date_moved") in slips
    assert ("新 WMS 波次拣货上线", "status_downgrade") in slips  # `灯号：G` then `灯号：Y`
    # the group labels end the records above them: `暂停` under 【暂停 / 取消】 is no record's state
    assert found["冷库温度看板"].status not in ("paused", "cancelled")
    assert found["月台预约小程序"].status in ("done", "launched")
    incidents = views.incidents(ledger)
    assert len(incidents) == 1
    assert incidents[0].when == date(2025, 3, 12)
    assert incidents[0].when_text == "03/12 22:10~22:55"
    assert "WMS 数据库主从切换失败" in incidents[0].title and "~" not in incidents[0].title


def _rundown(day: str, tx: str, light: str) -> str:
    return f"""NEWSDESK SYSTEM :: PRODUCT RUNDOWN                       Printed: {day}
Show    : {day}    Edition: 04
==========================================================================
SCRIPTS
--------------------------------------------------------------------------
[B01] SEARCH REBUILD                                          K.MOSS   04:00
Index shards moved to the new cluster. Go-live is planned for {tx}; status {light}.

[B02] WEATHER WIDGET                                          L.PIRES  02:00
Design signed off; go-live is planned for 30/05/2025.

[B03] VIDEO CHAPTERS                                          R.NAIR   03:00
Editors trained on the chapter tool.
"""


def test_keyed_paragraphs_are_records_named_without_their_key_or_columns(series: Series) -> None:
    ledger = series(
        [
            ("RUNDOWN_ED04.txt", _rundown("02/05/2025", "16/05/2025", "on track")),
            ("RUNDOWN_ED05.txt", _rundown("09/05/2025", "23/05/2025", "at risk")),
        ]
    )
    names = {p.name for p in views.projects(ledger)}
    # `[B01] SEARCH REBUILD     K.MOSS   04:00`: the key and what is lined up to its right are no name
    assert {"SEARCH REBUILD", "WEATHER WIDGET"} <= names
    assert "Go-live is planned" not in names  # a sentence both issues open alike is no name
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("SEARCH REBUILD", "date_moved") in slips
    assert not any(project == "WEATHER WIDGET" for project, _ in slips)


def _board(day: str, scanner_state: str, scanner_day: str) -> str:
    return f"""PARKS DIGITAL SERVICES
TRAIL REPORT  -  No. 12
Posted: {day} by M. Reyes

KEY   OPEN = on track      CAUTION = at risk       CLOSED = blocked / off track
      SEASONAL = paused on purpose    CLEARED = done, in service

TRAIL BOARD

[GTS] Gate ticket scanners                                    {scanner_state}
      Crew lead    T. Okoro
      Destination  in service at all gates {scanner_day}

[MAP] Offline trail maps                                      OPEN
      Crew lead    J. Lind
      Destination  in service 30 Jun

[LOT] Campsite lottery                                        SEASONAL
      Crew lead    R. Sato
      Notes        Paused until autumn.
"""


def test_a_boards_keyed_records_read_their_state_from_the_key(series: Series) -> None:
    """`[GTS] Gate ticket scanners      CAUTION`: upper-case keys with no digit head records too, and
    the word set off to the right is the record's state as the report's key defines it (w21-e)."""
    ledger = series(
        [
            ("TrailReport_No12.txt", _board("Thu 1 May 2025", "OPEN", "6 Jun")),
            ("TrailReport_No13.txt", _board("Thu 8 May 2025", "CAUTION", "6 Jun")),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    assert {"Gate ticket scanners", "Offline trail maps", "Campsite lottery"} <= set(found)
    assert found["Gate ticket scanners"].status == "at_risk"
    assert found["Campsite lottery"].status == "paused"
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Gate ticket scanners", "status_downgrade") in slips
    assert not any(project == "Offline trail maps" for project, _ in slips)
