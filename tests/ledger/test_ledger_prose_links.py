"""Projects named mid-sentence by the series' vocabulary, and speakers that are never projects."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.prose import Passage
from index.ledger.prose_links import Vocabulary, link_passages
from index.ledger.speakers import person_label
from index.ledger.store import Ledger
from index.schemas import Citation, Observation

from .conftest import Series, WriteReport


def _passage(text: str, reach: int | None = None) -> Passage:
    cited = Citation(report="r.md", week="2025-W10", section="s", lines=(1, 1), quote=text)
    obs = Observation(project="", report="r.md", week="2025-W10", date="2025-03-07", evidence=cited)
    return Passage(text=text, line=1, reach=len(text) if reach is None else reach, observation=obs)


VOCAB = Vocabulary(
    [
        ("Ledger Sync", "Ledger Sync"),
        ("Atlas Search", "Atlas Search"),
        ("Search", "Search"),  # inside another project's name: nobody's
        ("订单中心改造", "订单中心改造"),
        ("风控", "风控"),  # too short to spot in running text
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This week the Ledger Sync cutover slipped to 4/18.", ["Ledger Sync"]),
        ("这两周我们完成了订单中心改造的灰度，下周全量。", ["订单中心改造"]),
        ("Ledger Sync and Atlas Search both shipped on time.", []),  # several subjects
        ("订单中心改造和风控规则都延期了", []),
        ("Search is at risk.", []),  # a name inside another project's name
        ("Ledger Syncing is at risk.", []),  # part of a longer word
        ("Atlas Search moved to May, Ledger Sync is on track.", []),  # two projects
    ],
)
def test_a_sentence_names_one_known_project(text: str, expected: list[str]) -> None:
    assert [canon for canon, _ in link_passages(VOCAB, [_passage(text)])] == expected


def test_a_name_after_the_news_does_not_own_it() -> None:
    text = "The release went live on Tuesday, then we started on Ledger Sync."
    assert link_passages(VOCAB, [_passage(text, reach=text.index(","))]) == []


def test_a_name_after_the_cited_clause_is_other_work() -> None:
    text = "订单中心改造还是六成，这周没动，时间都给了 Ledger Sync。"
    linked = link_passages(VOCAB, [_passage(text, reach=text.index("，"))])
    assert [canon for canon, _ in linked] == ["订单中心改造"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [("张伟", True), ("欧阳澈", True), ("李", False), ("订单中心", False), ("方案", True), ("Dana", False)],
)
def test_person_label(label: str, expected: bool) -> None:
    assert person_label(label) is expected


def _roll_call(day: str, first: str, second: str, third: str) -> str:
    return f"""{day} 周报接龙

1. 王磊：{first}
2. 刘芳：{second}
3. 陈静：{third}
"""


def test_a_speaker_is_not_a_project(write_report: WriteReport) -> None:
    report = write_report(
        "接龙-0307.txt",
        _roll_call(
            "2025年3月7日", "订单中心改造，联调完了，月底上线", "结算对账，进度六成", "客服工单，下周三提测"
        ),
    )
    names = {o.project for o in extract_facts(report).observations}
    assert {"订单中心改造", "结算对账", "客服工单"} <= names
    assert not names & {"王磊", "刘芳", "陈静"}


def test_a_known_project_named_mid_sentence_gets_its_reports_observation(series: Series) -> None:
    ledger: Ledger = series(
        [
            (
                "接龙-0307.txt",
                _roll_call(
                    "2025年3月7日",
                    "订单中心改造，联调完了，目标3月28日上线",
                    "结算对账，正常",
                    "客服工单，正常",
                ),
            ),
            (
                "接龙-0314.txt",
                _roll_call("2025年3月14日", "订单中心改造，灰度中", "结算对账，正常", "客服工单，正常"),
            ),
            (
                "接龙-0321.txt",
                _roll_call(
                    "2025年3月21日",
                    "这周主要在帮忙，订单中心改造上线推迟到4月11日",
                    "结算对账，正常",
                    "客服工单，正常",
                ),
            ),
        ]
    )
    timeline = views.timeline(ledger, "订单中心改造")
    last = timeline.observations[-1]
    assert last.origin == "prose" and str(last.target) == "2025-04-11"
    assert "推迟到4月11日" in last.target_evidence.quote
    assert any(s.kind == "date_moved" for s in views.slips(ledger) if s.project == "订单中心改造")


def test_a_later_sentence_goes_on_about_the_lines_subject() -> None:
    later = _passage("所以 release 现在是 blocked 状态,推到下个月中。")
    later.opening = "订单中心改造的审核没通过"
    later.observation.status, later.observation.status_text = "blocked", "blocked"
    [(canon, obs)] = link_passages(VOCAB, [later])
    assert canon == "订单中心改造" and obs.status == "blocked"
    shipped = _passage("The vendor shipped a fix.")
    shipped.opening = "Ledger Sync is still red"
    shipped.observation.status = "launched"
    [(_, obs)] = link_passages(VOCAB, [shipped])
    assert obs.status is None  # a lifecycle word in a later sentence may be another thing's


def test_a_one_report_lead_joins_only_the_project_it_opens_with() -> None:
    from datetime import date

    from index.ledger.identity import NameStat, build_identity

    day = date(2025, 3, 7)
    stats = [
        NameStat("Atlas", day, 4),
        NameStat("Atlas Search", day, 3),
        NameStat("Atlas is no longer blocked", day, 1, tentative=True),
        NameStat("helping Atlas Search with the index", day, 1, tentative=True),
    ]
    identity = build_identity(stats)
    assert identity.canonical_of["Atlas is no longer blocked"] == identity.canonical_of["Atlas"]
    assert (
        identity.canonical_of["helping Atlas Search with the index"] == "helping Atlas Search with the index"
    )


def test_a_role_that_speaks_is_no_project_and_an_aside_ends_the_name(write_report: WriteReport) -> None:
    text = _roll_call(
        "2025年3月7日",
        "订单中心改造（后面简称订单2.0）联调完了，月底上线",
        "结算对账，进度六成",
        "客服工单，下周三提测",
    )
    report = write_report("接龙-0307.txt", text + "\n组长补充：\n1）结算对账月底前务必给个时间\n")
    names = {o.project for o in extract_facts(report).observations}
    assert "订单中心改造" in names
    assert "组长补充" not in names


def test_one_speaker_several_projects(write_report: WriteReport) -> None:
    text = (
        "2025年3月7日 周报接龙\n\n"
        "1. 王磊：订单中心改造周四（3/6）上了，比计划早一天\n"
        "2. 刘芳：结算对账还在补用例，进度六成\n"
        "对账报表 四成，目标3月底\n"
        "3. 陈静：客服工单，联调中\n"
        "接了个新活：会员标签平台，运营要求4月10号前上线\n"
        "下周：配合测试\n"
    )
    observed = {o.project: o for o in extract_facts(write_report("接龙-0307.txt", text)).observations}
    assert observed["订单中心改造"].status == "launched"  # the name ends at its day; 上了 after a day
    assert observed["结算对账"].progress == 60  # the name ends at its aspect word
    assert observed["对账报表"].progress == 40 and str(observed["对账报表"].target) == "2025-03-31"
    assert str(observed["会员标签平台"].target) == "2025-04-10"
    assert observed["客服工单"].target is None  # the new project's date is not its own
    assert not any(name.startswith(("下周", "接了个")) for name in observed)
