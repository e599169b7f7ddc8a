"""A Trac wiki page's workstream table (`||= Health =||` header cells), a margin column a sheet
leaves empty, an incidents list that says the week was quiet or tells planned work in an aside,
an improvement item under an incident, and a line that tells an incident's review was held."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.ledger.incident_fields import FIELD_LABEL
from index.ledger.incident_words import not_an_event, planned_or_dismissed, says_none
from index.ledger.progress import find_progress
from index.ledger.targets import classify_dates
from index.tables import read_tables

from .conftest import Series


def test_trac_header_cells_and_an_empty_margin_column() -> None:
    [trac] = read_tables(
        [
            (1, "||= Stream =||= Lead =||= Health =||"),
            (2, "|| Map tiles || ana || G ||"),
            (3, "|| Geocoder || bo || Y ||"),
        ]
    )
    assert trac.header == ["Stream", "Lead", "Health"]
    [sheet] = read_tables(
        [
            (1, "| | KPI | Now | Before |"),
            (2, "| --- | --- | --- | --- |"),
            (3, "| | Tiles served | 1.2M | 1.1M |"),
        ]
    )
    assert sheet.header == ["KPI", "Now", "Before"]
    assert sheet.rows[0].cells == ["Tiles served", "1.2M", "1.1M"]


def test_quiet_weeks_planned_asides_and_follow_ups_are_no_incidents() -> None:
    assert says_none("Quiet week. No pages.")
    assert planned_or_dismissed("`tile-02` patched to 3.1.4 Tue (planned, 15 min).")
    assert not planned_or_dismissed("tile-02 down for 15 min Tue, disk full.")
    assert FIELD_LABEL.match("- 改进：证书到期前告警（已上线）")
    assert not_an_event("华东故障复盘会 3/20 开完，限流补丁已上线。")
    assert not not_an_event("Postmortem for the Sunday 9th checkout outage is done.")
    assert not not_an_event("3/14 华东通道故障复盘（3/20 复盘会通过）：根因是重试无退避")


def test_a_day_with_its_time_is_no_share_and_a_start_is_no_target() -> None:
    assert find_progress("支付网关切换：5/9 晚完成切换上线，首日 1,100 笔", True) == []
    assert [s.value for s in find_progress("进度 4/9", True)] == [44]
    assert classify_dates("计划 4/1 启动", date(2025, 3, 28), target_field=True) == []
    assert [r.role for r in classify_dates("5/30 上线", date(2025, 3, 28), target_field=True)] == ["target"]


_PAGE = """\
= Maps team — weekly status =
''Status mtg Tue {day} · scribe: ana''

== Workstreams ==
||= Workstream =||= Lead =||= Health =||= Target =||= Where we are =||
|| Tile server v4 || ana || {health} || {target} || {news} ||
|| Geocoder refresh || bo || G || 06/28/24 || 40% loaded ||

== Ops / incidents ==
 * Quiet week. No pages, no P1/P2.
 * `tile-01` patched to 3.1.4 Thu (planned, 10 min).
"""


def test_a_trac_page_series_gives_slips_and_no_incidents(series: Series) -> None:
    ledger = series(
        [
            (
                "Maps_Weekly_2024-04-02.txt",
                _PAGE.format(day="4/2/2024", health="G", target="05/10/24", news="8/11 ported"),
            ),
            (
                "Maps_Weekly_2024-04-09.txt",
                _PAGE.format(day="4/9/2024", health="Y", target="05/24/24", news="9/11 ported"),
            ),
        ]
    )
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert {("Tile server v4", "date_moved"), ("Tile server v4", "status_downgrade")} <= slips
    assert views.incidents(ledger) == []
