"""Schedule and lifecycle wording in prose: the pace said in words, a finished heading over work
still under way, targets given as releases and periods, and dates beside a project that are not
its target (meetings, reviews)."""

from __future__ import annotations

from datetime import date

import pytest

from index.ledger import views
from index.ledger.ordinal_targets import find_ordinal_targets
from index.ledger.progress import find_progress
from index.ledger.signals import find_statuses
from index.ledger.targets import classify_dates
from index.text.timeexpr import find_dates

from .conftest import Series


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("标定平台目前推进正常，争取月底前搭完", ["on_track"]),
        ("dataset release 进度正常，还是按月底", ["on_track"]),
        ("合作项目：目前正常", ["on_track"]),
        ("对方那边正常，接口文档已发", ["on_track"]),
        ("体温正常化以后再测", []),  # 正常化 is no pace
    ],
)
def test_a_normal_pace_in_words_is_on_track(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in find_statuses(text) if hit.value == "on_track"] == expected


def test_work_done_this_week_on_a_running_project_is_no_launch(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-07.md",
                "# 周报 2025-03-07\n\n## 本周完成\n\n"
                "- 测温平台：支架装好了，目前推进正常，争取 3 月底前搭完。\n"
                "- 报销系统：已上线，财务确认可用。\n"
                "- 投稿论文：初稿写完了，发给师兄看了，还差两组实验没跑。\n",
            ),
        ]
    )
    launched = {x.project for x in views.launches(ledger)}
    assert "测温平台" not in launched and "投稿论文" not in launched
    assert "报销系统" in launched


REF = date(2025, 4, 2)


def _targets(text: str) -> list[tuple[str, str, bool]]:
    return [(r.hit.text, r.role, r.moved) for r in classify_dates(text, REF) if r.role == "target"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date first, then the words that make it the target
        ("The end of H1 is still the target, but it's tight.", [("H1", "target", False)]),
        ("On paper the end-of-June date is still the plan.", [("end-of-June", "target", False)]),
        ("The end of H1 still looks fine for the flagged version.", [("H1", "target", False)]),
        # a sentence that opens with the goal, then its day
        ("The goal is to have all five steps automated by the end of Q3.", [("Q3", "target", False)]),
        ("The plan is still to fix all six by the end of August.", [("end of August", "target", False)]),
        # a full month's full stop ends the sentence: the test's day is no go-live, the held date is
        (
            "It still has to pass the pen test booked for w/c 28 April. Go-live holds at w/c 12 May.",
            [("12 May", "target", False)],
        ),
        # a move with an object pronoun, to a half written number first
        ("We're slipping this to 2H; sorry.", [("2H", "target", True)]),
        ("we're shifting it to the next goal period (2026H1).", [("2026H1", "target", True)]),
        # "the realistic target is now …" says what the date moved to (`_NEW_DATE_BEFORE`)
        ("the realistic target is now the end of the 2025H2 goal period.", [("2025H2", "target", True)]),
    ],
)
def test_targets_told_in_prose(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a meeting's day in the next sentence is not the delivery the first sentence names
        "Stub files would be shipped separately. A design review call is scheduled for August 20.",
        # an English writer's 4.3 is a release, not the 3rd of April
        "4.3 is still the target.",
        "We've decided on June 11 that settings-configured plugins run first.",
    ],
)
def test_dates_that_are_not_the_projects_target(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are aiming for the 4.2 release for the router to be declared stable.", [(4, 2)]),
        ("Maren still thinks 4.2 is achievable, but nobody wants to rush it.", [(4, 2)]),
        ("This will not make 4.2. We're now aiming for 4.3 instead.", [(4, 3)]),
        ("the goal itself is to ship Plugin API v2 in 4.3.", [(4, 3)]),
        ("Shipping in 4.3 remains the goal.", [(4, 3)]),
        ("It won't be in 4.3; it's moving to 4.4, which we expect in January.", [(4, 4)]),
        ("automated for the 4.4 release.", [(4, 4)]),
        ("现在预计推迟到 0.10。", [(0, 10)]),
        ("我们计划让第二阶段随 0.9 一起发布。", [(0, 9)]),
        # shipped already, or a day: no target
        ("The last two fixes shipped in 4.2.5 on September 16.", []),
        ("推迟到 3.28 上线", []),
    ],
)
def test_a_release_as_the_target_in_prose(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [t.order for t in find_ordinal_targets(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("slipping to 2H", date(2025, 12, 31)), ("the end-of-June date", date(2025, 6, 30))],
)
def test_period_forms(text: str, expected: date) -> None:
    assert [hit.value for hit in find_dates(text, REF)] == [expected]


def test_a_cancelled_thing_the_project_handles_is_no_cancellation() -> None:
    assert find_statuses("races between middleware teardown and cancelled requests") == []
    assert [h.value for h in find_statuses("The pilot was cancelled last week.")] == ["cancelled"]


def _post(month: str, body: str) -> str:
    return f"# {month} goals update\n\n## Goals\n\n{body}\n"


def test_goal_posts_slip_by_release_and_by_a_new_date_set_while_paused(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-03-31.md",
                _post(
                    "March 2025",
                    "### Async router\n\nPoint of contact: Ana\n\n11 of 18 races fixed. We are aiming for "
                    "the 4.2 release for the router to be declared stable.\n\n"
                    "### Docs site\n\nPoint of contact: Ivo\n\nAbout 40% ported. Ivo wants the new site live "
                    "by the end of June.",
                ),
            ),
            (
                "2025-05-31.md",
                _post(
                    "May 2025",
                    "### Async router\n\nPoint of contact: Ana\n\nThis will not make 4.2. We're now aiming "
                    "for 4.3 for declaring the router stable.\n\n"
                    "### Docs site\n\nPoint of contact: Ivo\n\nOn hold while Ivo is on leave; when it resumes "
                    "we'll aim for the end of September.",
                ),
            ),
        ]
    )
    got = {(s.project, s.kind, s.from_, s.to) for s in views.slips(ledger)}
    assert got == {
        ("Async router", "date_moved", "4.2", "4.3"),
        ("Docs site", "date_moved", "2025-06-30", "2025-09-30"),
    }


CHAT_REF = date(2025, 9, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day, then the release verb and 了: it happened
        ("点餐改版 9月2号全量了🎉 比原计划晚了两天", [("9月2号", "completed", False)]),
        ("预售页周四（9/11）上了，比运营要的早两天", [("9/11", "completed", False)]),
        # the plan of record in chat words
        # the plan of record after a move by an amount is the moved-to day
        ("上线时间得往后拖两周了 先按9月26号排", [("9月26号", "target", True)]),
        ("9月5号肯定上不了了，已经延期，往后挪到9月26号", [("9月26号", "target", True)]),
        ("库存预警 改到9月25号上，bug清了九成", [("9月25号", "target", True)]),
        ("测试都过了，9/20应该可以", [("9/20", "target", False)]),
        ("整体9/15不变，不过有点风险", [("9/15", "target", False)]),
        ("所以平台估计要到 10 月 15 号左右才能搭完", [("10 月 15 号", "target", True)]),
        ("平台 10/16 搭完了", []),  # done, not a target
        # not the project's target: an answer owed, a meeting moved, a pilot step
        ("9月26号能不能上我下周五之前确认", []),
        ("EVT 样机评审会改到 9/20。", []),
    ],
)
def test_schedule_words_of_a_chat(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(r.hit.text, r.role, r.moved) for r in classify_dates(text, CHAT_REF)] == expected


def test_a_pilot_before_a_bare_qian_is_a_step() -> None:
    roles = classify_dates("计划9月15号前全部门店切完，8月20号前先切20家试点店", date(2025, 8, 1))
    assert [(r.hit.text, r.kind) for r in roles] == [("9月15号", "final"), ("8月20号", "interim")]


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        ("积分2.0 周三（9/10）全量上线了🎉", True),
        ("看板2期 今天上午上线了🎉", True),
        ("快上线了", False),
        ("上线了吗", False),
    ],
)
def test_a_release_verb_with_le_is_a_launch(text: str, launched: bool) -> None:
    assert ("launched" in [h.value for h in find_statuses(text)]) is launched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("积分2.0 整体八成吧", [80]),
        ("积分2.0 进度还在八成😂 对账差异卡住了", [80]),
        ("库存预警 六成了，推送写了一半", [60]),
        ("整个部署的工作完成了大概六成", [60]),
        ("八成是缓存问题", []),  # most likely, not a share
        ("三成用户已迁移", []),  # a share of users
    ],
)
def test_a_share_in_tenths_is_progress(text: str, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=True)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three of the five steps are already automated.", [60]),
        ("Still three of five steps automated.", [60]),
        ("Still at 3/5. As promised, a new date.", [60]),
        ("11 of 18 races are now fixed and merged", [61]),
        ("the sync meeting is at 3/5", []),  # a day, not a share
        # a bare count beside "still", closing its clause: where the work stands
        ("No change, still 8 of 12, waiting on the brand guidelines.", [67]),
        ("3/7 still. The fix is waiting on upstream.", [43]),
        ("We are still 2 of 3 reviewers short", []),  # it counts something else
        ("Still 4 of 9 tickets open", []),  # ... and so does this
        ("Review on 3/7 still pending", []),  # a day
    ],
)
def test_counted_work_in_words(text: str, expected: list[int]) -> None:
    assert [hit.value for hit in find_progress(text, allow_bare=False)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.9.1 于4月8日发布，修复了两个回归", "completed"),
        ("新文档站于3月12日正式切换上线，比计划晚了两天", "completed"),
        ("0.3 将于4月22日发布", "target"),  # 将: still ahead
        ("1.0 于4月20日发布", "target"),  # a day after the report: still ahead
    ],
)
def test_an_announced_release_on_a_past_day_happened(text: str, expected: str) -> None:
    assert [r.role for r in classify_dates(text, date(2025, 4, 11))] == [expected]


def test_a_status_declared_in_prose_outranks_a_slip_word_beside_it(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-01-17.md",
                "# 双周报 2025-01-17\n\n## 项目\n\n- 执行器：整体进展正常，计划随 0.9 一起发布。\n",
            ),
            (
                "2025-02-14.md",
                "# 双周报 2025-02-14\n\n## 项目\n\n- 执行器：现在预计推迟到 0.10，整体状态我们标为有风险。\n",
            ),
        ]
    )
    downgrades = [s for s in views.slips(ledger) if s.kind == "status_downgrade"]
    assert [(s.from_, s.to) for s in downgrades] == [("进展正常", "有风险")]
    assert any("标为有风险" in c.quote for c in downgrades[0].evidence)


def test_a_date_replaced_by_a_release_is_a_move(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-07-31.md",
                _post(
                    "July 2025",
                    "### Release automation\n\nPoint of contact: Ana\n\n"
                    "Status: on track\n\nThe goal is to have all five steps automated by the end of Q3.",
                ),
            ),
            (
                "2025-11-04.md",
                _post(
                    "October 2025",
                    "### Release automation\n\nPoint of contact: Ana\n\n"
                    "As promised, a new date: we're now aiming to have it automated for the 4.4 release.",
                ),
            ),
        ]
    )
    moves = [(s.from_, s.to) for s in views.slips(ledger) if s.kind == "date_moved"]
    assert moves == [("2025-09-30", "4.4")]


def test_a_release_restated_after_a_date_is_no_move(series: Series) -> None:
    ledger = series(
        [
            (
                "2025-07-31.md",
                _post(
                    "July 2025", "### Router\n\nPoint of contact: Ana\n\nWe plan to ship it by the end of Q3."
                ),
            ),
            (
                "2025-08-29.md",
                _post(
                    "August 2025", "### Router\n\nPoint of contact: Ana\n\nShipping in 4.3 remains the goal."
                ),
            ),
        ]
    )
    assert [s for s in views.slips(ledger) if s.kind == "date_moved"] == []
