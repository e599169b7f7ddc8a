"""Note-app exports and meeting notes: an Evernote / 印象笔记 HTML export dated only by its `created`
meta field; a numbered bold part title with its legend in an aside (`**二、各工作线**（状态：○正常
◐关注 …）`); half-filled circle marks; a 节点 column of bare dotted days; `5.18割接（周六）`; a bold
card title that carries its fields (`【2】称重系统｜正常｜三成｜目标 4.15`); a programme's dashboard."""

from __future__ import annotations

from datetime import date

from index.classify import classify_heading
from index.html import read_html
from index.ledger import views
from index.ledger.mention_leads import heading_name
from index.ledger.signals import field_status
from index.models import SectionKind
from index.text.timeexpr import find_dates, with_weekdays

from .conftest import Series


def test_words_and_marks() -> None:
    assert read_html('<html><head><meta name="created" content="2025-04-03 07:35:02 +0000"/></head></html>')[
        1
    ] == {"date": "2025-04-03 07:35:02 +0000"}
    assert field_status("◐关注") == "at_risk"
    assert heading_name("【2】称重系统改造｜正常｜三成｜目标 4.15 完工") == "称重系统改造"
    assert heading_name("Ledger v2 | owner Ana") == "Ledger v2 | owner Ana"  # no state among the parts
    assert classify_heading("** Programme dashboard") is SectionKind.PROJECTS
    assert classify_heading("Service health dashboard") is SectionKind.METRICS


def test_a_day_then_its_event_then_its_weekday() -> None:
    ref = date(2024, 3, 8)
    hits = with_weekdays("6.15割接（周六）", find_dates("6.15割接（周六）", ref))
    assert [h.value for h in hits] == [date(2024, 6, 15)]


_NOTES = """<html><head><meta name="created" content="{created}"/><title>{title}</title></head><body>
<div><b>【项目周会】表计迁移组</b></div>
<div><b>二、各工作线</b>（状态：○正常 ◐关注 ●滞后）</div>
<table>
<tr><td>工作线</td><td>负责</td><td>状态</td><td>进度</td><td>节点</td></tr>
<tr><td>营收割接</td><td>陈丽</td><td>{state}</td><td>方案</td><td>{node}</td></tr>
<tr><td>户档清洗</td><td>马骏</td><td>○正常</td><td>52%</td><td>4.30</td></tr>
<tr><td>渠道联调</td><td>顾北</td><td>○正常</td><td>15%</td><td>5.31联调完成</td></tr>
</table>
</body></html>
"""


def test_meeting_notes_give_moves_and_downgrades(series: Series) -> None:
    ledger = series(
        [
            (
                "周会纪要 0308.html",
                _NOTES.format(
                    created="2024-03-08 03:00:00 +0000",
                    title="周会纪要 0308",
                    state="○正常",
                    node="5.18割接（周六）",
                ),
            ),
            (
                "周会纪要（节后）.html",
                _NOTES.format(
                    created="2024-03-15 03:00:00 +0000",
                    title="周会纪要（节后）",
                    state="◐关注",
                    node="6.15割接（原5.18）",
                ),
            ),
        ]
    )
    assert [r.date for r in views.reports(ledger)] == [date(2024, 3, 8), date(2024, 3, 15)]
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("营收割接", "date_moved"), ("营收割接", "status_downgrade")} <= slips


def test_a_contract_programmes_forecast_beats_its_key_dates() -> None:
    from index.ledger.table_columns import column_roles
    from index.tables import read_tables

    [table] = read_tables(
        [
            (1, "WS  | Workstream        | Status  | Fcst complete | Key Date"),
            (2, "----+-------------------+---------+---------------+-------------"),
            (3, "WS1 | Lane controls     | AT RISK | 04/07/25      | KD2 30/06/25"),
            (4, "WS2 | Carousel renewal  | ON PROG | 07/04/25      | -"),
        ]
    )
    roles = column_roles(table)
    assert roles[3] == "target" and roles[4] != "target"
    assert field_status("ON PROG") == "on_track"
