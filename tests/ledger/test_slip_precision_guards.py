"""Dates and words that are not the project's schedule: each of these made a false slip in the zoo
(agency-client-en, weeknotes-blog-en, community-meeting-log-en, release-notes-roadmap,
pmo-rag-prose-en)."""

from datetime import date

import pytest

from index.ledger import views
from index.ledger.cadence import passed_ordinals
from index.ledger.extract import extract_facts
from index.ledger.mentions import valid_name
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.signals import find_statuses
from index.ledger.store import Ledger
from index.ledger.targets import classify_dates, pick_target

from .conftest import WriteReport, build


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # what the project needs from someone else by a day: an input owed, not its delivery
        ("To keep the go-live date we need UAT sign-off by Friday 7th at the latest.", date(2025, 2, 28)),
        ("The contact centre needs the new call scripts by 11 April so they can train.", date(2025, 4, 4)),
        (
            "the python adapter needs a small follow-up PR by Friday so it's in before the freeze",
            date(2025, 2, 18),
        ),
        (
            "Design sign-off on the sampling config UI is needed by 3 July to keep that date.",
            date(2025, 6, 27),
        ),
        # the report's own week told in the past: when it happened
        ("The Flutter SDK moved into Now this week.", date(2025, 8, 8)),
        # another party's decision on the project, and the day people meet about it (w33-a, w33-f)
        ("Still paused. Waiver request with the board (decision due 21 March).", date(2025, 3, 14)),
        ("New go-live to be agreed at the change board on 9 April.", date(2025, 4, 4)),
    ],
)
def test_no_target(text: str, ref: date) -> None:
    assert not [r for r in classify_dates(text, ref) if r.role == "target"]


@pytest.mark.parametrize(
    ("text", "ref", "day"),
    [
        ("We need to ship by Friday 7 March.", date(2025, 2, 28), date(2025, 3, 7)),  # the project's own
        # a day missed, told in the past: the last Wednesday, not the next
        ("I'm afraid the CRM sync didn't make Wednesday.", date(2025, 4, 17), date(2025, 4, 16)),
        ("We won't make Wednesday.", date(2025, 4, 17), date(2025, 4, 23)),
        # the day in doubt is the one planned
        ("Honestly, I think the 14th is at risk.", date(2025, 3, 7), date(2025, 3, 14)),
        ("OTel traces: the public beta is now expected on 29 July.", date(2025, 7, 11), date(2025, 7, 29)),
    ],
)
def test_target(text: str, ref: date, day: date) -> None:
    picked = pick_target(classify_dates(text, ref))
    assert picked is not None and picked.hit.value == day


def test_a_meetings_day_in_a_target_cell_is_not_the_target() -> None:
    roles = classify_dates("31 Mar 2025 — missed; new date TBC (working group 8 Apr)", date(2025, 4, 4), True)
    assert [(r.hit.value, r.role) for r in roles] == [(date(2025, 3, 31), "target")]


def test_a_slip_to_a_day_is_a_move_not_a_health() -> None:
    assert not find_statuses("Flag scheduling: general availability has slipped to 22 July.")
    assert not find_statuses("The Home rating engine upgrade has slipped into H2.")
    assert [s.value for s in find_statuses("Broker Hub has slipped to red.")] == ["off_track"]
    assert [s.value for s in find_statuses("The launch slipped again.")] == ["off_track"]


@pytest.mark.parametrize("heading", ["Now", "Dropped"])
def test_a_roadmap_column_is_no_project(heading: str) -> None:
    assert not valid_name(heading)


def test_a_release_named_as_a_condition_has_not_shipped(write_report: WriteReport) -> None:
    report = write_report(
        "meeting-2025-02-18.md",
        "# Meeting 2025-02-18\n\n- #agreed i18n is paused until after 0.10; we revisit when 0.10 is out\n"
        "- 0.9.2 is out since Monday\n",
    )
    assert passed_ordinals(report) == {"version": [[0, 9, 2]]}


def test_a_move_to_a_loose_period_lands_on_the_day_after_it() -> None:
    text = "第一次全链路演练挪到节后，暂定10月16日晚上。状态调成有风险。"
    picked = pick_target(classify_dates(text, date(2024, 9, 27)))
    assert picked is not None and picked.hit.value == date(2024, 10, 16) and picked.moved


def test_what_the_project_waits_on_has_its_own_day() -> None:
    text = "although the dependency on Ardent's release 4.2 (due to land w/c 7 April) is what I watch."
    assert not [r for r in classify_dates(text, date(2025, 3, 28)) if r.role == "target"]


def test_a_re_baseline_to_part_of_a_quarter_is_a_move() -> None:
    text = "the programme has been re-baselined to late Q3 for the motor go-live, replacing the end of June date."
    roles = {r.hit.text: (r.role, r.moved) for r in classify_dates(text, date(2025, 4, 11))}
    assert roles == {"Q3": ("target", True), "end of June": ("old", False)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("PAR has moved to red. Ardent delivered release 4.2 on Tuesday.", []),
        ("the dependency on Ardent's release 4.2 is what I watch", []),
        ("it's moving to 4.4", ["4.4"]),
        ("We are targeting release 2.1 for the connector.", ["2.1"]),
    ],
)
def test_a_release_someone_else_made_is_no_target(text: str, found: list[str]) -> None:
    assert [t.text for t in find_ordinal_targets(text)] == found


def test_a_moved_field_date_is_cited_by_the_sentence_that_moves_it(
    ledger: Ledger, write_report: WriteReport
) -> None:
    def week(day: str, due: str, note: str) -> str:
        return (
            f"# OKR 周报 {day}\n\n## 进展\n\n### 核心链路双活改造\n"
            f"**负责人** 邵明哲 | **当前进度** 60% | **预计完成** {due} | **状态** 🟡 有风险\n\n{note}\n"
        )

    build(
        ledger,
        [
            write_report("a.md", week("2024-07-26", "8/15", "切流脚本联调中。")),
            write_report(
                "b.md", week("2024-08-02", "8/30", "配置中心也要做双活，预计完成从8/15调整到8/30。")
            ),
        ],
    )
    moved = [s for s in views.slips(ledger) if s.kind == "date_moved"]
    assert [(s.from_, s.to) for s in moved] == [("2024-08-15", "2024-08-30")]
    assert "从8/15调整到8/30" in moved[0].evidence[-1].quote


@pytest.mark.parametrize(
    "text",
    [
        "GA mid-April is at risk: if it isn't signed by the 17th we lose offline map tiles.",
        "Copilot GA holds if the licence is renewed by 20 March.",
    ],
)
def test_a_deadline_told_as_a_condition_is_no_target(text: str) -> None:
    from index.ledger.targets import classify_dates

    roles = classify_dates(text, date(2025, 3, 4))
    assert not [r for r in roles if r.hit.precision == "day" and r.role]  # the condition's day is none
    assert [r.hit.text for r in roles if r.role == "target"] == (["mid-April"] if "mid-April" in text else [])


def test_some_sites_gone_live_are_a_count_not_the_project_s_launch() -> None:
    assert [h.value for h in find_statuses("3个试点病区中已上线2个，骨科一病区等AP补点")] == []
    assert [h.value for h in find_statuses("移动护理已上线，运行正常")] == ["launched"]


def test_a_status_named_after_a_comma_and_its_first_word_are_the_project_s(write_report: WriteReport) -> None:
    """`数据迁移85%，状态：风险，…` names its status mid-sentence; `状态：风险。…开发暂停3天` gives the
    verdict first and a three-day pause as a detail."""
    report = write_report(
        "w.md",
        "# 周报 2025-09-19\n\n## 重点项目\n\n### 工单系统迁移\n数据迁移85%。联调发现字段不一致，状态：风险，9/30切换存在不确定性。\n\n"
        "### 评价改版\n状态：风险。商家平台插入需求，开发暂停3天，9/25上线可能赶不上。\n",
    )
    found = {o.project: (o.status, o.progress) for o in extract_facts(report).observations}
    assert found == {"工单系统迁移": ("at_risk", 85), "评价改版": ("at_risk", None)}


def test_every_delivery_made_or_listed_is_the_end_of_the_work() -> None:
    assert [h.value for h in find_statuses("首批 40 部 3/25 全部交付完成，已经全部上架")] == [
        "done",
        "launched",
    ]
    assert find_statuses("上架计划 4/1，全部上架时间待定") == []
    # a due day, not a finish; a part listed is not the whole
    assert find_statuses("目标 4/28 全部上架") == find_statuses("预计4月底全部交付完成") == []
    assert find_statuses("前 30 课时已上架试用班") == find_statuses("10/31 全部上架") == []


def test_a_sprint_named_with_its_year_is_ordered_by_year_then_number() -> None:
    """`S25-07` and `2025-S07` in a target field are sprint 7 of 2025 (w23-g); `S25` alone is none."""
    (late,) = find_ordinal_targets("S25-07", field=True)
    (early,) = find_ordinal_targets("2025-S06", field=True)
    assert (late.unit, late.order, early.order) == ("sprint", (25, 7), (25, 6))
    assert find_ordinal_targets("S25", field=True) == []
    # a sprint's short name with what happens in it is one (`S8 上线（原 S7）`, w43-e)
    (moved,) = find_ordinal_targets("S8 上线（原 S7）", field=True)
    assert (moved.unit, moved.order) == ("sprint", (8,))


@pytest.mark.parametrize("name", ["上期", "本期", "下期"])
def test_an_issue_of_the_report_is_no_project(name: str) -> None:
    # `上期：…` (last issue) labels the report's own past, and a question's "和上期比" is no project's
    assert not valid_name(name)
    assert valid_name(f"{name}遗留项清零")  # a name that only opens with the word is one
