"""Launches told in running prose and loose bullets, and the lines that only look like launches.

Each case is a small two-report series: the project is named (with a target) in the first report
and launched, or not, in the second; what the ledger derives is checked through `views.launches`.
"""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.mentions import clean_name, line_text
from index.ledger.store import Ledger

from .conftest import Series


def launched(ledger: Ledger) -> list[tuple[str, str]]:
    return [(x.project, x.week) for x in views.launches(ledger)]


EN_BEFORE = """\
# Retail engineering weekly, 6 March 2025

Hi all,

Loyalty revamp: 9 of 12 screens done. On track for the 20th of March.
"""


def test_a_sentence_before_a_colon_names_its_subject(series: Series) -> None:
    # Written from email-prose-retail: "X is done: <why>" is a sentence, not a label "X is done".
    after = """\
    # Retail engineering weekly, 20 March 2025

    Hi all,

    Loyalty revamp is done: the last screen went out yesterday, a day ahead of plan.
    """
    ledger = series([("w1.txt", EN_BEFORE), ("w2.txt", after)])
    assert launched(ledger) == [("Loyalty revamp", "2025-W12")]


BOARD_BEFORE = """\
# Web team update — week of March 3, 2025

## In flight

- Loyalty revamp – 🟢 On track (ETA: 3/20). Screens in review.
- Search filters – 🟢 On track (ETA: 4/30). Backend merged.
"""


def board_after(*bullets: str) -> str:
    return "# Web team update — week of March 17, 2025\n\n## Updates\n\n" + "\n".join(
        f"- {b}" for b in bullets
    )


def test_a_bullet_that_is_a_sentence_names_its_subject(series: Series) -> None:
    # Written from gdocs-html-growth: "<name> went GA on <day>" as a bullet, no separator after the name.
    after = board_after(
        "Loyalty revamp went GA on Tue 3/18 (target was 3/20). We paused one email for an afternoon.",
        "Search filters – 🟢 On track (ETA: 4/30).",
    )
    ledger = series([("w1.md", BOARD_BEFORE), ("w2.md", after)])
    (launch,) = views.launches(ledger)
    assert (launch.project, launch.week, launch.launched_on.isoformat()) == (
        "Loyalty revamp",
        "2025-W12",
        "2025-03-18",
    )


def test_a_bullet_sentence_ends_at_the_next_projects_sentence(series: Series) -> None:
    after = board_after(
        "Loyalty revamp shipped a week early. Search filters slipped again to 5/30.",
        "Search filters – 🟡 At risk (ETA: 5/30).",
    )
    ledger = series([("w1.md", BOARD_BEFORE), ("w2.md", after)])
    assert launched(ledger) == [("Loyalty revamp", "2025-W12")]
    assert all(s.project != "Loyalty revamp" for s in views.slips(ledger))


@pytest.mark.parametrize(
    "line",
    [
        "Search filters – 🟡 At risk (ETA: 4/30). No longer blocked: the SSO certificates went live Mon 3/17.",
        "Search filters – 🟢 On track (ETA: 4/30). The vendor has shipped the fix we waited for.",
    ],
)
def test_another_subjects_launch_is_not_the_projects(series: Series, line: str) -> None:
    # Written from gdocs-html-growth: a dependency going live in a later sentence of the line.
    after = board_after("Loyalty revamp – 🟢 On track (ETA: 3/20).", line)
    assert launched(series([("w1.md", BOARD_BEFORE), ("w2.md", after)])) == []


@pytest.mark.parametrize(
    "line",
    [
        "Search filters – shipped Mon 3/17. We went live for all users on the same day.",
        "Search filters – done. It went live Monday 3/17.",
    ],
)
def test_its_own_later_sentence_still_launches_it(series: Series, line: str) -> None:
    after = board_after(line)
    assert launched(series([("w1.md", BOARD_BEFORE), ("w2.md", after)])) == [("Search filters", "2025-W12")]


def test_live_as_of_a_day_is_the_launch_day(series: Series) -> None:
    after = board_after("Loyalty revamp – new screens live for web as of Fri 3/14.")
    ledger = series([("w1.md", BOARD_BEFORE), ("w2.md", after)])
    (launch,) = views.launches(ledger)
    assert (launch.launched_on.isoformat(), launch.verdict) == ("2025-03-14", "early")


TERSE_BEFORE = """\
## wk 10
date: 2025-03-07

- search-v2: 80%, eta 3/14, 🟢
- ranker: 40%, eta 4月底, 🟢
"""


@pytest.mark.parametrize("label", ["done ✅:", "Shipped 🚀", "已上线："])
def test_a_status_bullet_files_its_children(series: Series, label: str) -> None:
    # Written from terse-bullets-ml: "- done ✅:" groups what finished, as a "## Done" heading does.
    after = f"""\
    ## wk 11
    date: 2025-03-14

    - {label}
      - search-v2: 全量 3/13 ✅, 旧索引 下线 排期 3/31
      - 切换后 p99 11ms
    - ranker: 45%, eta 4月底, 🟢
    """
    ledger = series([("w10.md", TERSE_BEFORE), ("w11.md", after)])
    (launch,) = views.launches(ledger)
    assert (launch.project, launch.launched_on.isoformat(), launch.verdict) == (
        "search-v2",
        "2025-03-13",
        "early",
    )
    assert all("✅" not in x.project and "上线" not in x.project for x in views.launches(ledger))


def test_an_item_filed_under_shipped_launched_even_if_named_once(series: Series) -> None:
    # Written from gdocs-html-growth: a small feature first named in the week it shipped.
    after = """\
    # Web team update — week of March 17, 2025

    ## Shipped

    - Saved searches – shipped Thu 3/13. Three presets, shown once.

    ## Done

    - Fixed the flaky login test – done Tue 3/11.
    """
    ledger = series([("w1.md", BOARD_BEFORE), ("w2.md", after)])
    # A "Done" column holds tasks as often as projects: those still need a second report.
    assert launched(ledger) == [("Saved searches", "2025-W12")]


def zh_plain(day: str, done: str, other: str) -> str:
    return f"【周报】{day} 增长组\n\n本周完成工作：\n本周日活13.6万，环比+10.6%。\n{done}\n\n其他事项：\n{other}\n"


@pytest.mark.parametrize(
    ("done", "launched_expected"),
    [
        ("春节签到活动1.20零点准时上线，首日签到2.1万人。", [("春节签到活动", "2025-W04")]),
        ("春节签到活动1.20零点如期上线。", [("春节签到活动", "2025-W04")]),
        # a plan to launch on time, and a name before a day with no launch word, are neither
        ("春节签到活动1.20零点确保准时上线。", []),
        ("春节签到活动1.20零点开预热，1.22上线。", []),
    ],
)
def test_a_zh_line_opening_with_the_name_and_its_launch_day(
    series: Series, done: str, launched_expected: list[tuple[str, str]]
) -> None:
    # Written from dingtalk-growth: the project is told in "其他事项" as "1. 名称：…" lines, and its
    # launch as a sentence of its own in "本周完成工作", the day right after its name.
    before = zh_plain(
        "2025.01.17", "无。", "1. 春节签到活动：1.16封板，压测通过，1.20零点上线。\n2. 积分商城改版：暂停中。"
    )
    after = zh_plain("2025.01.24", done, "1. 积分商城改版：仍暂停。")
    assert launched(series([("周报-0117.txt", before), ("周报-0124.txt", after)])) == launched_expected


IOT_BEFORE = """\
# 固件组双周报 2024/09/13

## 本期重点

- Orca 量产固件冻结目标定为 9/27，状态有风险。
- Lynx 低功耗版本进度 40%。
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a code name opening a zh sentence, delivered on a day: the project launched
        ("- Orca 量产固件 v1.0.0 已于 9/26 冻结并交付工厂，赶上了 9/27 的新目标。", [("Orca", "2024-W39")]),
        # delivered is not said: a step on a day is no launch
        ("- Orca 量产固件 v1.0.0 已于 9/26 完成冻结，工厂验证中。", []),
        # an acronym opens a longer name: not a project called "API"
        ("- API 网关改造 已于 9/26 上线。", []),
    ],
)
def test_a_code_name_bullet_delivered(series: Series, line: str, expected: list[tuple[str, str]]) -> None:
    # Written from bilingual-biweekly-iot.
    after = f"# 固件组双周报 2024/09/27\n\n## 本期重点\n\n{line}\n- Lynx 正式取消，剩余工作并入 Orca。\n"
    ledger = series([("w1.md", IOT_BEFORE), ("w2.md", after)])
    assert launched(ledger) == expected
    stops = [(e.project, e.status) for e in views.lifecycle(ledger) if e.status == "cancelled"]
    assert stops == [("Lynx", "cancelled")]


def minutes(day: str, *lines: str, heading: str = "其他项目同步") -> str:
    return f"# 风控周会纪要 {day}\n\n## {heading}\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"


def test_a_task_first_named_when_live_is_no_launch(series: Series) -> None:
    # Written from meeting-minutes-fintech: a postmortem's action item, first listed beside the
    # projects in the meeting that reports it done, did not "launch".
    reports = [
        ("m1.md", minutes("2024-09-05", "额度模型（王磊）：开发 60%，预计9月20日上线")),
        ("m2.md", minutes("2024-09-12", "额度模型（王磊）：开发 80%，预计9月20日上线")),
        (
            "m3.md",
            minutes("2024-09-26", "额度模型（王磊）：已于9月20日上线", "告警看板（周航）：9月20日上线"),
        ),
    ]
    assert launched(series(reports)) == [("额度模型(王磊)", "2024-W39")]


def test_what_the_first_report_says_is_live_and_a_shipped_column_still_count(series: Series) -> None:
    reports = [
        ("m1.md", minutes("2024-09-05", "额度模型（王磊）：已于9月3日上线")),
        ("m2.md", minutes("2024-09-12", "额度模型（王磊）：运行正常")),
        ("m3.md", minutes("2024-09-26", "告警看板（周航）：9月20日上线", heading="已上线")),
    ]
    assert sorted(launched(series(reports))) == [
        ("告警看板(周航)", "2024-W39"),
        ("额度模型(王磊)", "2024-W36"),
    ]


def test_a_pictograph_before_a_bold_lead_is_decoration_and_a_status_sign_is_not(series: Series) -> None:
    # Written from devrel-newsletter-en: "🐘 **Heron is done!!** core-db has been on…" under Shipped.
    before = "# Infra news — 4 September 2025\n\n## In flight\n\n- **Heron**: cutover on track for Sep 10.\n"
    after = """\
    # Infra news — 11 September 2025

    ## 🚀 Shipped

    🐘 **Heron is done!!** core-db has been on the new version since Wednesday night.

    ## In flight

    🟡 **Lantern** — 55% done, cutover end of September.
    """
    ledger = series([("w1.md", before), ("w2.md", after)])
    assert launched(ledger) == [("Heron", "2025-W37")]
    assert line_text("🐘 **Heron is done!!** core-db") == "**Heron is done!!** core-db"
    assert line_text("🟡 **Lantern** — 55% done") == "🟡 **Lantern** — 55% done"  # its status stays


def test_a_lead_that_says_the_project_went_out_ends_the_name_before_the_verb() -> None:
    # From wave 14 (read after its end run): an ELN entry's "Done since last entry" list
    assert clean_name("Sample Accessioning Portal GA on Mon 10/27") == "Sample Accessioning Portal"
    assert clean_name("Cairn LIMS 4.2.1 live in production since Sat 10/18 22:40") == "Cairn LIMS 4.2.1"
    assert clean_name("Checkout v2 shipped") == "Checkout v2"
    for name in ("Production live readiness", "Live Feed 2", "GA4 migration"):
        assert clean_name(name) == name
