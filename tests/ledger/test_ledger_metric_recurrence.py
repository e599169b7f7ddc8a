"""A lone figure in a sentence is a metric only when the series tells it again (zh and en)."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.metric_figures import figure_pairs
from index.ledger.metric_read import read_pairs

from .conftest import Series, WriteReport


def _week(day: int, zh: str, en: str) -> tuple[str, str]:
    return (f"w{day}.md", f"# 周报 2025-03-{day:02d}\n\n## 进展\n{zh}\n\n## Notes\n{en}\n")


def test_a_figure_told_in_two_reports_is_a_series_and_a_one_off_is_not(series: Series) -> None:
    ledger = series(
        [
            _week(7, "样机直通率92.5%，主要不良是气密性。", "We shipped 312 reviewed grants this month."),
            _week(14, "直通率升到了 94.1%，比预期快。", "Onboarding took a while: 40 new accounts."),
        ]
    )
    by_key = {s.key: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert by_key.get("直通率") == [92.5, 94.1]  # `样机直通率` and `直通率`: one metric
    assert "reviewedgrants" not in by_key  # told once
    assert "newaccounts" not in by_key


@pytest.mark.parametrize(
    "lines",
    [
        ("8 核的机器跑了一周：8 cores.", "Same box again: 8 cores."),  # the same figure every time
        ("Planning for Sprint 22 is done.", "Planning for Sprint 23 is done."),  # a counter
        ("Blocked on MOB-405 again.", "Blocked on MOB-406 again."),  # ids
        ("规则迁移 40% 了。", "规则迁移 60% 了。"),  # a share done, not a rate
        ("Upgraded MySQL 5.7 boxes.", "Upgraded MySQL 8.4 boxes."),  # versions
        ("联调问题关闭11个，剩余6个。", "检查清单已完成38项，剩余5项。"),  # what is left of two things
        ("Active sprint: Sprint 12, going well.", "Active sprint: Sprint 14, going well."),  # which one
        ("**Current milestone:** %16.3 (Jan 11 – Jan 24)", "**Current milestone:** %16.4 (Jan 25 – Feb 7)"),
    ],
)
def test_recurring_figures_that_are_no_metric(series: Series, lines: tuple[str, str]) -> None:
    ledger = series([_week(7, "无。", lines[0]), _week(14, "无。", lines[1])])
    assert views.metric_series(ledger) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Month-end numbers: 421 open issues (the RC shook a lot out), 104 PRs merged, and a 12 minute"
            " median CI run.",
            [("open issues", 421.0, ""), ("merged PRs", 104.0, ""), ("median CI run", 12.0, "min")],
        ),
        ("We merged 96 PRs across the main repo.", [("merged PRs", 96.0, "")]),
        ("88 merged PRs, 1,204 stars.", [("merged PRs", 88.0, ""), ("stars", 1204.0, "")]),
        ("The 4.2 release is planned for 2026 and 11 of 18 are fixed.", []),
        ("About 40% of pages are ported.", []),
        ("The API was down for 40 minutes: 1,200 requests failed.", []),  # an incident's impact
    ],
)
def test_figures_written_before_what_they_count(
    sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    pairs = figure_pairs(sentence)
    assert [(p.name, p.value, p.unit) for p in pairs] == expected
    assert all(p.tentative for p in pairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本期共合并 PR 136 个，新增贡献者 9 位，Star 数 5,233。", ["合并 PR", "新增贡献者", "Star 数"]),
        ("融合模块换了新的 BEV 编码器后 mAP 到了 43.5。", ["mAP"]),
        ("换了新的后处理，推理延迟降到 71ms。", ["推理延迟"]),
        ("延迟目前 68ms。", ["延迟"]),
        ("周二晚上排了 9 个小时才拿到卡。", []),  # a story, not a metric's name
        ("【进展】受停线影响本周直通率91.8%。", ["直通率"]),  # the week word opens the name
        ("本期合并了 136 个 PR，新增 9 位贡献者。", ["合并 PR", "新增贡献者"]),  # what is counted ends it
    ],
)
def test_lone_figures_in_zh_prose_are_named_by_the_words_before_them(text: str, expected: list[str]) -> None:
    pairs = read_pairs(text, prose=True)
    assert [p.name for p in pairs] == expected
    assert all(p.tentative for p in pairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CI time went from 26 to 17 minutes.", ("CI time", 17.0)),
        ("p95 dropped from 310ms to 240ms", ("p95", 240.0)),
        ("构建时长从 36 分钟降到 22 分钟。", ("构建时长", 22.0)),
    ],
)
def test_a_figure_that_moved_is_where_it_moved_to(text: str, expected: tuple[str, float]) -> None:
    assert [(p.name, p.value) for p in read_pairs(text, prose=True)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("p95 back to 240ms, flat.", ["p95"]),
        ("ETA MAE: 18.2 min (prod model unchanged)", ["ETA MAE"]),  # an ETA's error is a metric, not a date
    ],
)
def test_lone_figures_in_en_prose(text: str, expected: list[str]) -> None:
    pairs = read_pairs(text, prose=True)
    assert [p.name for p in pairs] == expected
    assert all(p.tentative for p in pairs)


def test_two_spellings_of_one_count_file_under_one_key(write_report: WriteReport) -> None:
    a = extract_facts(write_report("a.md", "# Update 2025-03-07\n\nNumbers: 104 PRs merged.\n")).metrics
    b = extract_facts(write_report("b.md", "# Update 2025-04-07\n\nNumbers: 88 merged PRs.\n")).metrics
    assert [p.key for p in a] == [p.key for p in b] == ["mergedprs"]
