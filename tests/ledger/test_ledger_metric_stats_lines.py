"""Stats lines (`A: 1 · B: 2`), chat messages that carry figures, and names told with a
qualifier, an adverb or a measure word (zh and en)."""

from __future__ import annotations

import pytest

from index.ledger import views
from index.ledger.extract import extract_facts
from index.ledger.metric_read import read_pairs
from index.verify import Verifier

from .conftest import Series, WriteReport

HEAD = "# Maintainers sync 2025-03-07\n\n"


def points(write_report: WriteReport, body: str) -> list[tuple[str, float, str]]:
    metrics = [m for m in extract_facts(write_report("r.md", body)).metrics if not m.tentative]
    verifier = Verifier()
    assert all(verifier.check(m.evidence) for m in metrics)
    return [(m.name, m.value, m.unit) for m in metrics]


@pytest.mark.parametrize(
    "line",
    [
        "Queue depth: 1,204 · p50 wait: 40 ms · stale tickets: 17",
        "[10:02] <statsbot> Queue depth: 1,204 · p50 wait: 40 ms · stale tickets: 17",
        "10:02 statsbot: Queue depth: 1,204 | p50 wait: 40 ms | stale tickets: 17",
    ],
)
def test_a_stats_line_reports_each_figure(write_report: WriteReport, line: str) -> None:
    body = HEAD + "## Log\n\n" + line + "\n"
    assert points(write_report, body) == [
        ("Queue depth", 1204.0, ""),
        ("p50 wait", 40.0, "ms"),
        ("stale tickets", 17.0, ""),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "api-v2: 80% · docs: 40%",  # progress of two projects, no metric's word
        "Owner: Ana · Due: 12",  # a field among them
        "Build time: 22 min · mostly cache misses",  # one figure and prose
    ],
)
def test_lines_with_dots_that_are_no_stats_line(write_report: WriteReport, line: str) -> None:
    names = [name for name, _, _ in points(write_report, HEAD + "## Log\n\n" + line + "\n")]
    assert names in ([], ["Build time"])


def test_a_chat_writer_is_no_metric_name(write_report: WriteReport) -> None:
    body = HEAD + "## Log\n\n[10:05] <ana> 87\n[10:06] <ben> open issues: 87\n"
    facts = extract_facts(write_report("r.md", body)).metrics
    assert all("<" not in m.name and "[" not in m.name for m in facts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本周告警 1520 条，有效告警占比升到了 52%。", [("告警", 1520.0, "条"), ("有效告警占比", 52.0, "%")]),
        (
            "告警总数 1842 条，其中有效告警占比只有 38%。",
            [("告警总数", 1842.0, "条"), ("有效告警占比", 38.0, "%")],
        ),
        (
            "核心链路可用率回到 99.99%，加载失败率 0.2%。",
            [("核心链路可用率", 99.99, "%"), ("加载失败率", 0.2, "%")],
        ),
    ],
)
def test_zh_names_without_adverbs_and_measure_words(
    sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(p.name, p.value, p.unit) for p in read_pairs(sentence, prose=True)] == expected


def _week(day: int, text: str) -> tuple[str, str]:
    return (f"w{day}.md", f"# Eng sync 2025-03-{day:02d}\n\n## Notes\n{text}\n")


def test_a_metric_told_with_where_it_was_measured_is_one_series(series: Series) -> None:
    ledger = series(
        [
            _week(3, "Quiet week. crash-free 99.2% on the current app."),
            _week(10, "Release went out. crash-free prod 99.4%."),
            _week(17, "Crash-free on the prod app was 99.5% this week."),
        ]
    )
    by_key = {s.key: [p.value for p in s.points] for s in views.metric_series(ledger)}
    assert by_key.get("crashfree") == [99.2, 99.4, 99.5]


def test_a_longer_name_in_another_unit_stays_apart(series: Series) -> None:
    ledger = series(
        [
            _week(3, "Board pack is out. Signups were 4.1k this week."),
            _week(10, "Hiring is slow. Signups conversion was 3.1% this week."),
            _week(17, "Board pack is out. Signups were 4.6k this week."),
            _week(24, "Hiring is slow. Signups conversion was 3.4% this week."),
        ]
    )
    units = {s.key: {p.unit for p in s.points} for s in views.metric_series(ledger)}
    assert units.get("signups") == {""}
    assert units.get("signupsconversion") == {"%"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mobile share of checkout sessions was 41% this week.",
            [("mobile share of checkout sessions", 41.0)],
        ),
        (
            "The mobile share of checkout sessions rose to 44% this week.",
            [("mobile share of checkout sessions", 44.0)],
        ),
        ("Rollout share is at 40% of traffic.", []),  # a rollout's share: no metric
    ],
)
def test_a_share_is_a_metric_word(sentence: str, expected: list[tuple[str, float]]) -> None:
    assert [(p.name, p.value) for p in read_pairs(sentence, prose=True)] == expected


def test_a_period_alone_names_no_metric() -> None:
    from index.ledger.metric_naming import metric_name

    assert metric_name("“上期”", False) is None  # `“上期” 1名`: a note on a column
    assert metric_name("注：“上期”", False) is None
    assert metric_name("上期日活", False) == ("上期日活", "")
