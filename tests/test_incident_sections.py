"""Incidents sections told as status-page posts: paragraphs, timelines, retellings, maintenance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.classify import classify_heading
from index.ledger.incidents import extract_incidents
from index.load import load_document
from index.models import SectionKind
from index.parse import parse_report
from index.schemas import Incident


def _incidents(tmp_path: Path, text: str, day: date, name: str = "post.md") -> list[Incident]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_incidents(parse_report(load_document(path), name, day))


def test_status_page_incident_with_timeline_is_one_incident(tmp_path: Path) -> None:
    text = (
        "# Weekly post\n\n## Known issues / incidents\n\n"
        "**Checkout latency — Resolved**\n\n"
        "On Monday 3 March between 10:00 and 10:40 UTC (40 minutes), checkout timed out for some "
        "buyers. Severity: SEV-2.\n\n"
        "- 10:05 UTC — Investigating: latency alerts.\n"
        "- 10:20 UTC — Identified: a cache node on Friday's build.\n"
        "- 10:40 UTC — Resolved: node replaced.\n\n"
        "The scheduled database maintenance on 1 March went to plan.\n\n"
        "Uptime for February: 99.9%.\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 7))
    assert [(i.when, i.duration_minutes, i.severity) for i in found] == [(date(2025, 3, 3), 40.0, "SEV-2")]
    assert found[0].cause == "a cache node on Friday's build."  # the status page's `Identified:`
    assert found[0].resolution == "node replaced"


def test_paragraphs_of_an_incidents_section_are_read_beside_its_items(tmp_path: Path) -> None:
    text = (
        "# Weekly post\n\n## Incidents\n\n"
        "**Delayed syncs — Resolved.** On Tuesday 4 March from 21:00 to 21:25 UTC (25 minutes), "
        "syncs lagged for EU customers.\n\n"
        "- 21:02 UTC — Investigating: lag alert.\n"
        "- 21:25 UTC — Resolved: consumer restarted.\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 3))  # a `week of` post dated the Monday
    assert [(i.when, i.duration_minutes) for i in found] == [(date(2025, 3, 4), 25.0)]


def test_a_postmortem_remark_without_a_day_is_no_new_incident(tmp_path: Path) -> None:
    text = (
        "# Weekly\n\n## Incidents\n\n"
        "| Date | Severity | Summary | Duration |\n| --- | --- | --- | --- |\n"
        "| 3/4 10:05 | P1 | Payment API errors | 30 min |\n\n"
        "P1 postmortem notes: the failover script depended on the primary region's config.\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 7))
    assert [i.when for i in found] == [date(2025, 3, 4)]


def test_subheadings_under_incidents_name_incidents() -> None:
    assert (
        classify_heading("Dashboard sign-in failures — Resolved", SectionKind.INCIDENTS)
        == SectionKind.INCIDENTS
    )
    assert classify_heading("Dashboard", None) == SectionKind.METRICS


def test_a_bare_weekday_and_its_dated_telling_are_one_incident(tmp_path: Path) -> None:
    text = (
        "# Update — week of April 14\n\n## Summary\n\n"
        "Billing is green. There was a short outage on file uploads on Tuesday (SEV-3).\n\n"
        "## Engineering\n\n"
        "Upload outage. On Tuesday 15 April, uploads failed from 14:05 to 14:40 UTC after a bucket "
        "permissions change. SEV-3.\n"
    )
    found = _incidents(tmp_path, text, date(2025, 4, 14))
    assert [(i.when, i.duration_minutes) for i in found] == [(date(2025, 4, 15), 35.0)]


def test_a_paragraph_without_a_day_goes_on_about_the_incident_above(tmp_path: Path) -> None:
    text = (
        "# Sync notes\n\nRelease is on track.\n\n"
        "Postmortem for the Sunday 9th checkout outage is done.\n\n"
        "Root cause: a config override was lost in the resize. Impact was 1h10m, SEV2 confirmed.\n"
    )
    found = _incidents(tmp_path, text, date(2025, 2, 13))
    assert [(i.when, i.severity) for i in found] == [(date(2025, 2, 9), "SEV2")]


def test_an_incident_told_in_plain_words_how_long_why_and_fixed(tmp_path: Path) -> None:
    story = (
        "On Wednesday afternoon, for about 20 minutes, sign-up e-mails weren't going out because "
        "of a relay setting we'd missed. Nothing was lost; they went once Sam fixed the rule.\n"
    )
    found = _incidents(tmp_path, f"# Weeknote\n\n## Went well\n\n{story}", date(2025, 3, 21))
    assert [(i.when, i.duration_minutes) for i in found] == [(date(2025, 3, 19), 20.0)]
    pairing = "On Wednesday we paired for about two hours because of the deadline; the bug is fixed.\n"
    drill = "Game day on Wednesday: for about 20 minutes logins didn't work because of the drill; fixed.\n"
    for text in (pairing, drill):
        assert _incidents(tmp_path, f"# Weeknote\n\n## Went well\n\n{text}", date(2025, 3, 21)) == []


def test_zh_passing_mentions_and_denials_are_no_incidents(tmp_path: Path) -> None:
    text = (
        "# 双周报\n\n## 进展\n\n"
        "网关固件已于 3/12 全量发布，主要是上次那次现网问题之后灰度拆得更细。\n\n"
        "另：3/11 实验室测试床断电 2 小时，只影响内部测试，不是现网问题。\n"
    )
    assert _incidents(tmp_path, text, date(2025, 3, 14)) == []


def test_zh_quality_class_assigned_is_an_incident(tmp_path: Path) -> None:
    text = (
        "# 周报\n\n## 项目\n\n"
        "【客诉】3月3日起渠道反馈充电盒不充电，截至3月6日累计客诉52单，质量部定级为B类批量质量问题。\n"
    )
    found = _incidents(tmp_path, text, date(2025, 3, 7))
    assert len(found) == 1 and found[0].when is not None


def test_a_postmortems_action_lines_and_a_rows_impact_line_are_no_incidents(tmp_path: Path) -> None:
    text = (
        "Harbour highlight report 2025-02-05\n\n7.\tSERVICE PERFORMANCE AND INCIDENTS\n"
        "Ref\tPriority\tWhen\tWhat happened\n"
        "INC0051\tP2\t03/02/2025 10:00–10:40 (40 mins)\tBerth lookup returned errors after a bad deploy.\n"
        "Impact: 210 failed lookups.\n\n"
        "Post-incident review – INC0041 (certificate expiry, 14/01/2025), held 29/01/2025:\n"
        " - Root cause: renewal reminders went to a leaver's mailbox.\n"
        " - Action: all certificates added to a register (done 31/01).\n"
    )
    found = _incidents(tmp_path, text, date(2025, 2, 5), "hr.txt")
    assert [i.severity for i in found] == ["P2"]
    assert found[0].duration_minutes == 40


def test_a_header_with_no_rows_and_a_headed_events_lines(tmp_path: Path) -> None:
    """An incidents table's header over "本周无生产故障" tells nothing; a chapter headed by the kind
    and the one event (`线上事故：泊位预约失败`) is one incident, its bullets its lines."""
    quiet = "港口周报 2025-03-07\n\n三、系统故障及事件\n发生日期\t时间段\t系统\t故障现象\t影响范围\n本周无生产故障\n"
    assert _incidents(tmp_path, quiet, date(2025, 3, 7), "w1.txt") == []
    told = (
        "港口周会 2025-03-14\n\n00:00:40 线上事故：泊位预约失败（林舟）\n"
        "  - 3/12 20:10 起预约接口超时，订单写入失败\n"
        "  - 22:25 扩容后恢复，持续约 2 小时 15 分钟，定级 P1\n"
        "  - 影响：约 900 单预约失败\n"
    )
    found = _incidents(tmp_path, told, date(2025, 3, 14), "w2.txt")
    assert len(found) == 1 and found[0].severity == "P1"
