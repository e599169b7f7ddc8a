"""Reports kept as some tool's output, each with a trap of its own: a chat meeting's round robin
whose format its topic declares between slashes (a Pidgin log), and a low-code page whose form puts
each label over its value with Oracle's Chinese-session dates (`07-3月 -25`). Written from wave 51;
the texts are this test's own."""

from __future__ import annotations

from datetime import date

from index.ledger import views
from index.tables_declared import read_declared_tables

from .conftest import Series, WriteReport

_NET = """\
<html><head><title>Conversation with ops@conference.example.org at Tue {day} 08:30:01 AM PST</title></head>
<body><h3>Conversation with ops@conference.example.org at Tue {day} 08:30:01 AM PST</h3>
<font size="2">(08:30:01 AM)</font><b> The topic is: Ops net | round robin: workstream / G-Y-R / target / notes | notes in wiki</b><br/>
<font size="2">(08:31:10 AM)</font> <b>ana:</b> Morning. Round robin.<br/>
<font size="2">(08:31:40 AM)</font> <b>ana:</b> Relay upgrade / {state} / {target} / radios at 9/12 sites<br/>
<font size="2">(08:32:05 AM)</font> <b>raj:</b> Alert bridge / G / 5/30 / vendor cert booked, 3/4 tests green<br/>
<font size="2">(08:32:30 AM)</font> <b>raj:</b> Kiosk pilot / PAUSED / legal review, 4/1 off the table<br/>
<font size="2">(08:33:00 AM)</font> <b>ana:</b> thanks all, next net in a week / same time<br/>
</body></html>
"""


def test_a_round_robin_declared_in_the_topic_gives_each_message_its_fields(series: Series) -> None:
    lines = [(1, "(08:30:01 AM) The topic is: round robin: workstream / G-Y-R / target / notes | x")]
    lines += [
        (2, "(08:31:40 AM) ana: Relay upgrade / Y / 4/15 / radios at 9/12 sites"),
        (3, "(08:31:41 AM) ana: ok"),
    ]
    lines += [(4, "(08:32:30 AM) raj: Kiosk pilot / PAUSED / legal review")]
    (table,) = read_declared_tables(lines)
    assert table.header == ["workstream", "G-Y-R", "target", "notes"]
    # a day's slash is no field's edge; a message without the fields is no row; a stopped item
    # gives no target and no notes
    assert [row.cells for row in table.rows] == [
        ["Relay upgrade", "Y", "4/15", "radios at 9/12 sites"],
        ["Kiosk pilot", "PAUSED", "legal review", ""],
    ]
    ledger = series(
        [
            ("2025-03-04.083001-0800PST.html", _NET.format(day="04 Mar 2025", state="G", target="4/15")),
            ("2025-03-11.083001-0700PDT.html", _NET.format(day="11 Mar 2025", state="Y", target="4/29")),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert ("Relay upgrade", "date_moved", "2025-04-15", "2025-04-29") in slips
    assert any(s[0] == "Relay upgrade" and s[1] == "status_downgrade" for s in slips)
    assert not any(s[0].startswith(("thanks", "Morning")) for s in slips)


_APEX = """\
<html><body><h1>Crew Systems Weekly Status - W24 Wk{n}</h1>
<div><div class="t-Form-labelContainer"><label for="P20_PERIOD">周期 Period</label></div><div class="t-Form-inputContainer"><span>{start} ~ {end}</span></div></div>
<div><div class="t-Form-labelContainer"><label for="P20_REPORT_DATE">报告日期 Report Date</label></div><div class="t-Form-inputContainer"><span>{day}</span></div></div>
<p>本周整体平稳。</p>
</body></html>
"""


def test_a_forms_report_date_label_over_its_value_outranks_the_period_above_it(
    write_report: WriteReport,
) -> None:
    report = write_report(
        "CSYS_WSR_W24wk19.html", _APEX.format(n=19, start="02-3月 -25", end="08-3月 -25", day="07-3月 -25")
    )
    assert report.date == date(2025, 3, 7)  # not the period's Saturday, not the season's week 19


_DASHBOARD = """\
# SIS Weekly Status

## Week Ending {day}

## Active Projects

| ID | Name | Manager | Health | % Complete | Start | End |
| --- | --- | --- | --- | --- | --- | --- |
| 40611 | Helix Upgrade | Alicia Brandt | {health} | 45% | 8/12/2024 | {end} |

## Open Project Issues

| Issue ID | Project | Title | Status | Due |
| --- | --- | --- | --- | --- |
| 0184 | Helix Upgrade | Rule sign-off outstanding | Open | 2/14/2025 |

## Project Updates

- **Alicia Brandt** posted a status update to Helix Upgrade Fri {day} 8:55 AM
Completed: regression cycle 1 (412 scripts, 97% pass).
Next: regression cycle 2.
"""


def test_a_dashboards_plan_end_is_the_target_and_its_feed_names_the_project_not_the_poster(
    series: Series,
) -> None:
    ledger = series(
        [
            (
                "SIS_Weekly_Status_2025-01-31.md",
                _DASHBOARD.format(day="1/31/2025", health="Green", end="2/23/2025"),
            ),
            (
                "SIS_Weekly_Status_2025-02-21.md",
                _DASHBOARD.format(day="2/21/2025", health="Yellow", end="3/30/2025"),
            ),
        ]
    )
    slips = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    # the plan's `End` moved: a slip; the issue's own due day (2/14) passed: no slip of the project
    assert ("Helix Upgrade", "date_moved", "2025-02-23", "2025-03-30") in slips
    assert not any(kind == "overdue" for _, kind, *_ in slips)
    # the poster is no project, and a `Completed:` label over the week's steps finishes nothing
    names = {p.name for p in views.projects(ledger)}
    assert "Alicia Brandt" not in names
    assert not views.launches(ledger)
    told = views.observations(ledger, "Helix Upgrade")
    assert told and all(o.status != "done" for _, o in told)


_INSPECTION = """\
Haul Tech Weekly Review - North Pit - {day} - D. Hurst                           Complete
Haul Tech weekly review

Score                                                                        6 / 11 (54.55%)
Flagged items                                                                              2

Site conducted:     North Pit ROC
Conducted on:       {day} 3:40 PM AWST
Document No.:       0000{n}

Flagged items
1. Fleet Health / Production incidents this week?                                      Yes
2. Projects / Project 1 / Status                                                   At risk
2. Projects / Project 3 / Status                                                 Off track

1. Fleet Health                                                                 0 / 1 (0%)
Fleet availability (%)                      {availability}
Loads hauled (week)                         {loads}
Interventions per 1,000 km                  3.9
Assignment latency p95 (sec)                6.8
Production incidents this week?             Yes
Incident details                            {incident}

Private & confidential                                                                   1/2
\f2. Projects                                                                     6 / 10 (60%)

Project 1
Project name                                Tyre telemetry
Status                                      At risk
Target go-live                              {target}
Progress                                    48%

Private & confidential                                                                   2/2
"""


def test_an_inspection_forms_scored_parts_are_headings_and_its_flagged_items_no_page_head(
    write_report: WriteReport, series: Series
) -> None:
    text = _INSPECTION.format(
        day="14 Mar 2025",
        n=38,
        availability="86.2",
        loads="35,118",
        target="30 May 2025",
        incident="INC-0312 (Sev 2). Night shift 11/12 Mar, 02:40-03:27 AWST: dispatch failover, 47 min.",
    )
    report = write_report("Haul Tech Weekly Review - 14 Mar 2025.txt", text)
    titles = [s.title for top in report.sections for s in top.walk()]
    # a numbered part with its score at the margin is a heading; a page's foot and the flagged
    # items (alike with their numbers set aside, but lines apart, not pages) are no title
    assert "Fleet Health" in titles and "Projects" in titles
    assert not any(t.startswith(("2. Projects / Project", "Private")) for t in titles)
    ledger = series(
        [
            ("Haul Tech Weekly Review - 14 Mar 2025.txt", text),
            (
                "Haul Tech Weekly Review - 21 Mar 2025.txt",
                _INSPECTION.format(
                    day="21 Mar 2025",
                    n=39,
                    availability="89.9",
                    loads="38,004",
                    target="13 Jun 2025",
                    incident="none",
                ),
            ),
        ]
    )
    names = {series_.name for series_ in views.metric_series(ledger)}
    assert any(name.startswith("Fleet availability") for name in names)
    slips = {(s.project, s.kind) for s in views.slips(ledger)}
    assert ("Tyre telemetry", "date_moved") in slips
    # the figures part's incident field tells the week's incident: its night, its length, its grade
    told = [(i.when, i.duration_minutes, i.severity) for i in views.incidents(ledger)]
    assert told == [(date(2025, 3, 12), 47.0, "Sev 2")]


def test_a_pair_grid_under_a_plain_line_is_figures_with_their_units(series: Series) -> None:
    page = """\
<html><body><h1>机电监控中心周报-2025第{n}周</h1>
<table><tr><td>周次</td><td>2025第{n}周</td><td>填报日期</td><td>{day}</td></tr></table>
<div>运行指标</div>
<table><tr><td>机电设备完好率</td><td>{rate}</td><td>通风用电量</td><td>{power}</td></tr>
<tr><td>故障工单数</td><td>9 件</td><td>事故宗数</td><td>2 宗</td></tr></table>
</body></html>
"""
    ledger = series(
        [
            ("周报-2025第10周.html", page.format(n=10, day="2025-03-14", rate="98.6%", power="41,260 kWh")),
            ("周报-2025第11周.html", page.format(n=11, day="2025-03-21", rate="98.1%", power="39,870 kWh")),
        ]
    )
    found = {m.name: [p.value for p in m.points] for m in views.metric_series(ledger)}
    assert found.get("机电设备完好率") == [98.6, 98.1]
    assert found.get("通风用电量") == [41260.0, 39870.0]  # a unit of energy is part of a figure
