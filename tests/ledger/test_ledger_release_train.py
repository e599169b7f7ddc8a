"""A game studio's season weekly (a release-train table of versions, workstream headings that carry
their own glyph state and owner) and a club's matchweek page (an incidents section whose incident is
also mentioned in the opening paragraph and the plans). Written from w19-c and w19-b (wave 19);
the reports below are this test's own."""

from __future__ import annotations

from datetime import date

from index.classify import classify_heading
from index.ledger import views
from index.models import SectionKind

from .conftest import Series


def _season_week(day: str, train: str, arena: str, ships: str = "11/20") -> str:
    return f"""# 【S3W{day[-2:]}】服务端周报 | {day}

## 1. 版本火车

| 版本 | 主要内容 | Code Freeze | 提审 | 上线 | 状态 |
|---|---|---|---|---|---|
{train}

## 2. Workstreams

### 2.1 竞技场改版 {arena} · owner @林舟
- 进度：60%
- 目标：随 3.4 上线（{ships}）

### 2.2 日志平台迁移 🟢 正常 · owner @许诺
- 进度：40%
- 目标：12/15 完成切换
"""


def test_release_rows_and_glyph_headings(series: Series) -> None:
    ledger = series(
        [
            (
                "S3W01.md",
                _season_week(
                    "2024-11-01", "| 3.4 | 竞技场、节日包 | 11/6 | 11/13 | 11/20 | 🟢 正常 |", "🟢 正常"
                ),
            ),
            (
                "S3W02.md",
                _season_week(
                    "2024-11-08",
                    "| 3.4 | 节日包 | 11/6 ✅ | 11/13 | ~~11/20~~ 11/27 | 🟡 有风险 |",
                    "🟡 有风险",
                    "11/27",
                ),
            ),
        ]
    )
    found = {p.name: p for p in views.projects(ledger)}
    # a version row is named with its column's word; the bare number names nothing
    assert found["3.4版本"].target == date(2024, 11, 27)
    # the glyph and what follows it are the heading's state, not part of its name
    assert found["竞技场改版"].status == "at_risk"
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("3.4版本", "date_moved") in slips
    assert ("竞技场改版", "status_downgrade") in slips
    assert not any(name.startswith("日志平台迁移") and name != "日志平台迁移" for name in found)


def test_a_heading_state_names_no_section_kind() -> None:
    assert (
        classify_heading("2.1 竞技场改版 🟡 有风险 · owner @林舟", SectionKind.PROJECTS)
        == SectionKind.PROJECTS
    )
    assert classify_heading("风险与需协调", SectionKind.PROJECTS) == SectionKind.RISKS


_MATCHWEEK = """<html><body>
<h1>Digital Matchweek Update: MW4</h1>
<p>Priya Lind · Published 14 October 2025</p>
<h2>Kick-off</h2>
<p>Home win, but a scanner outage the same afternoon. Not our finest hour; see Incidents.</p>
<h2>Workstreams</h2>
<table><tr><th>Workstream</th><th>Status</th><th>Target</th></tr>
<tr><td>Fan App v5</td><td>On track</td><td>Fri 31 Oct</td></tr></table>
<h2>Numbers</h2>
<ul><li>Attendance: 21,400</li></ul>
<p>First-scan success was dragged down by the outage; outside 14:02-14:31 it was 97.1%.</p>
<h2>Incidents</h2>
<ul><li>Sev 1: GateKeeper scan validation outage, Sat 11 Oct 14:02-14:31 (29 min). Turnstiles fell back to the
offline list.</li></ul>
<p>Cause: the database pool was exhausted by a retry storm. Hotfix deployed Sunday morning.</p>
<h2>Next matchweek</h2>
<ul><li>Postmortem for the gate outage on Thursday.</li></ul>
</body></html>"""


def test_an_incident_mentioned_around_its_record_is_one(series: Series) -> None:
    ledger = series([("Matchweek-Update-MW04.html", _MATCHWEEK)])
    incidents = views.incidents(ledger)
    assert [(i.when, i.duration_minutes) for i in incidents] == [(date(2025, 10, 11), 29)]


_FLASH = """# Programme flash report No. 12

Period ending: 14/03/2025

| Ref | Workstream | Status | Forecast | Commentary |
|---|---|---|---|---|
| WS1 | Meter rollout | GREEN | 30/06/2025 | Site 3 firewall cutover needs a plant outage window. |

| Ref | Description | Date | Priority | Status |
|---|---|---|---|---|
| INC-0412 | Loss of telemetry to 4 sites after a rule push | 11/03/2025 | P2 | Closed |
"""


def test_an_incident_log_table_holds_no_projects(series: Series) -> None:
    """A table keyed by incident ids is a log of incidents (w19-d); a window booked for planned
    work in a workstream's commentary tells no incident."""
    ledger = series([("flash-no12.md", _FLASH)])
    assert [p.name for p in views.projects(ledger)] == ["Meter rollout"]
    assert not any("outage window" in (i.title or "") for i in views.incidents(ledger))
