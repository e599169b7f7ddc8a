"""Project names only running text gives: found where signal sentences of several reports begin."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.ledger import views
from index.ledger.prose_names import clause_openings, discover, is_name, series_names
from index.ledger.store import Ledger

from .conftest import Series, WriteReport


def test_clause_openings_drop_connectives_articles_and_field_values() -> None:
    assert clause_openings("不过，所以灰度发布平台推迟到5月底。") == ["灰度发布平台推迟到5月底"]
    assert clause_openings("So the Billing Portal slipped to June.") == ["Billing Portal slipped to June."]
    assert clause_openings("the payout reconciler is blocked") == ["the payout reconciler is blocked"]
    assert clause_openings("Assignee: Ana Lima, Bo Chen") == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("灰度发布平台", True),
        ("Billing Portal", True),
        ("Relay v2", True),
        ("SOC 2", True),
        ("qt-sync", True),
        ("the payout reconciler", True),
        ("Maren", False),  # one capitalised word: a person as often as a name
        ("dataset release", False),  # lowercase words, no "the": words, not a name
        ("这两周", False),
        ("工厂已排产", False),  # a clause: an aspect word inside
        ("还在验证中", False),
        ("发布平台", True),
        ("当前状态", False),  # a field label
        ("计划完成时间", False),
        ("March", False),
        ("At risk", False),  # a status, not a name
        ("eta 3", False),  # a figure's label
        ("PCI", False),  # an acronym alone
        ("**Owner**", False),
    ],
)
def test_is_name(phrase: str, expected: bool) -> None:
    assert is_name(phrase) is expected


def test_a_name_must_open_clauses_in_two_reports() -> None:
    found = discover(
        [
            ("a.md", "灰度发布平台的联调推迟到5月底。"),
            ("b.md", "所以灰度发布平台估计要到6月中旬才能上线。"),
            ("b.md", "积分商城这边进展正常。"),
        ]
    )
    assert found == {"灰度发布平台": {"a.md", "b.md"}}


def test_a_phrase_followed_by_figures_is_a_metric() -> None:
    found = discover([("a.md", "Weekly signups 412, on track."), ("b.md", "Weekly signups 455, at risk.")])
    assert found == {}


def test_series_names_skip_known_names_and_owners() -> None:
    passages = [
        ("a.md", date(2025, 3, 7), "Relay v2 is blocked on the vendor."),
        ("b.md", date(2025, 3, 14), "Relay v2 slipped to April 30."),
        ("a.md", date(2025, 3, 7), "Ana Lima expects it by May 2."),
        ("b.md", date(2025, 3, 14), "Ana Lima is on track for May 2."),
    ]
    stats = series_names(passages, known=[], owners=["Ana Lima"])
    assert [(s.name, s.count, s.first_seen, s.tentative) for s in stats] == [
        ("Relay v2", 2, date(2025, 3, 7), True)
    ]
    assert series_names(passages, known=["Relay v2 rollout"], owners=["Ana Lima"]) == []


def _post(day: str, *paragraphs: str) -> str:
    """A blog post under an area heading, whose first paragraph the heading's mention covers."""
    intro = "Mostly reviews and hiring this fortnight."
    return f"# Update {day}\n\n## Engineering\n\n{intro}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_name_only_sentences_give_becomes_a_project_with_their_observations(series: Series) -> None:
    ledger = series(
        [
            ("2025-03-07.md", _post("2025-03-07", "Relay v2 is on track for April 18.")),
            ("2025-03-14.md", _post("2025-03-14", "Relay v2 slipped to May 9, the vendor SDK is late.")),
        ]
    )
    timeline = views.timeline(ledger, "Relay v2")
    assert [str(o.target) for o in timeline.observations] == ["2025-04-18", "2025-05-09"]
    assert all(o.origin == "prose" for o in timeline.observations)
    assert any(s.kind == "date_moved" for s in views.slips(ledger) if s.project == "Relay v2")


def test_a_name_in_one_report_only_is_no_project(series: Series) -> None:
    ledger = series(
        [
            ("2025-03-07.md", _post("2025-03-07", "Relay v2 is on track for April 18.")),
            ("2025-03-14.md", _post("2025-03-14", "Nothing new this week.")),
        ]
    )
    assert "Relay v2" not in {p.name for p in views.projects(ledger)}


def test_a_line_a_layout_gave_to_a_project_names_no_new_one(series: Series) -> None:
    def report(day: str, news: str) -> str:
        return f"# Update {day}\n\n## Payments\n\n{news}\n"

    ledger = series(
        [
            ("2025-03-07.md", report("2025-03-07", "Relay v2 is on track for April 18.")),
            ("2025-03-14.md", report("2025-03-14", "Relay v2 slipped to May 9.")),
        ]
    )
    assert "Relay v2" not in {p.name for p in views.projects(ledger)}


def test_a_prose_project_is_the_same_whether_derived_after_each_report_or_once(
    tmp_path: Path, write_report: WriteReport
) -> None:
    reports = [
        write_report("2025-03-07.md", _post("2025-03-07", "Relay v2 is on track for April 18.")),
        write_report("2025-03-14.md", _post("2025-03-14", "Relay v2 slipped to May 9.")),
        write_report("2025-03-21.md", _post("2025-03-21", "Relay v2 is blocked on the vendor.")),
    ]

    def state(ledger: Ledger) -> str:
        timeline = views.timeline(ledger, "Relay v2").model_dump_json()
        return timeline + "".join(s.model_dump_json() for s in views.slips(ledger))

    with Ledger.open(tmp_path / "a" / "ledger.sqlite") as each:
        for report in reports:
            each.upsert_report(report)
            views.projects(each)  # derives now
        with Ledger.open(tmp_path / "b" / "ledger.sqlite") as once:
            for report in reversed(reports):
                once.upsert_report(report)
            assert state(each) == state(once)


def test_names_a_sentence_marks_count_anywhere_in_it() -> None:
    found = discover(
        [
            ("a.md", "这两周我们把对账平台迁移的方案定了，预计5月底切换。"),
            ("b.md", "上周推进对账平台迁移，目前有风险。"),
            ("a.md", "We moved the Billing Portal launch to June 3."),
            ("b.md", "Design review for the Billing Portal is on track."),
            ("a.md", "「青鸟」手表二代 DVT 推迟到4月中旬。"),
            ("b.md", "本周「青鸟」进展正常。"),
        ]
    )
    assert found["对账平台迁移"] == {"a.md", "b.md"}
    assert found["Billing Portal"] == {"a.md", "b.md"}
    assert found["青鸟"] == {"a.md", "b.md"}  # short, but the writer quoted it
    assert "方案定了" not in found


def test_a_person_called_by_first_name_elsewhere_is_no_name() -> None:
    passages = [
        ("a.md", "Dara Fenwick expects the cutover by May 2."),
        ("b.md", "Dara Fenwick is on track for May 2."),
        ("b.md", "Dara still thinks the fix lands on May 9."),
        ("a.md", "Billing Portal slipped to June 3."),
        ("b.md", "Billing Portal is on track for June 3."),
    ]
    assert set(discover(passages)) == {"Billing Portal"}


def test_a_fact_a_structural_mention_cites_is_not_told_again_by_a_prose_name(series: Series) -> None:
    def report(day: str, news: str) -> str:
        return f"# 双周报 {day}\n\n## GW-Lite\n\n状态：有风险。\n\n认证复测通过。{news}\n"

    ledger = series(
        [
            ("2024-08-30.md", report("2024/08/30", "量产固件冻结的目标定为 9/13。")),
            ("2024-09-13.md", report("2024/09/13", "量产固件冻结的新目标定为 9/27，工厂按这个排产。")),
        ]
    )
    gateway = views.timeline(ledger, "GW-Lite").observations
    assert [str(o.target) for o in gateway] == ["2024-09-13", "2024-09-27"]
    assert "量产固件冻结" not in {p.name for p in views.projects(ledger)}


def test_a_candidate_opening_with_a_known_name_is_that_projects_part() -> None:
    passages = [
        ("a.md", date(2025, 3, 7), "Orca 量产固件冻结目标定为 9/27。"),
        ("b.md", date(2025, 3, 14), "Orca 量产固件 v1.0.0 已于 9/26 冻结。"),
    ]
    assert series_names(passages, known=["Orca"], owners=[]) == []
    assert [s.name for s in series_names(passages, known=["量产"], owners=[])] == ["Orca 量产固件"]


def test_a_numbered_step_under_a_listed_project_is_no_project_of_its_own(series: Series) -> None:
    def report(day: str, first: int, second: int) -> str:
        return (
            f"# 周报 {day}\n\n## 平台能力\n\n- 分账系统升级：进度{first}%，预计12/24上线\n- 同城多活改造\n"
            f"    1. 应用单元化，进度{first}%\n    2. 数据同步链路，进度{second}%\n"
        )

    ledger = series(
        [("2024-11-01.md", report("2024-11-01", 30, 15)), ("2024-11-08.md", report("2024-11-08", 40, 35))]
    )
    assert "数据同步链路" not in {p.name for p in views.projects(ledger)}


def test_a_version_after_a_name_is_no_figure() -> None:
    found = discover(
        [("a.md", "pg-sync 的断点续传做完了，进展顺利。"), ("b.md", "pg-sync 0.3 没能在2月底发出来。")]
    )
    assert found == {"pg-sync": {"a.md", "b.md"}}


def test_a_paragraphs_subject_told_without_a_signal_names_its_later_sentences(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-07.md",
                _post("2025-03-07", "pg-sync 的断点续传做完了，目前进展顺利，0.3 仍按3月底发布。"),
            ),
            (
                "2025-03-21.md",
                _post("2025-03-21", "pg-sync 0.3 没能按时发出来。上游还没合补丁，新的目标是4月中旬。"),
            ),
        ]
    )
    timeline = views.timeline(ledger, "pg-sync")
    assert [str(o.target) for o in timeline.observations] == ["2025-03-31", "2025-04-20"]


def test_a_name_whose_release_the_layout_gives_is_still_a_name() -> None:
    passages = [
        ("a.md", date(2025, 3, 7), "pg-sync 的断点续传做完了，进展顺利。"),
        ("b.md", date(2025, 3, 21), "pg-sync 这边提前了，目标3月中旬。"),
    ]
    assert [s.name for s in series_names(passages, known=["pg-sync 1.0"], owners=[])] == ["pg-sync"]
    assert series_names(passages, known=["pg-sync exporter"], owners=[]) == []
