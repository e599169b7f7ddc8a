"""Merging register entries a writer judged one risk: every field but the summary is computed."""

from __future__ import annotations

from summarizer.summaries.regroup import RiskGroup, apply, merge, mergeable
from tests.llm.summary_context import entry, register_entries


def test_a_merge_takes_the_earliest_entry_s_wording_and_computes_the_rest() -> None:
    queue, quota, _, _ = register_entries()
    merged = merge([quota, queue], "出金排队风险")
    assert merged.id == queue.id and merged.title == queue.title and merged.merged == [quota.id]
    assert (merged.first_seen, merged.last_seen) == ("2024-W44", "2024-W46")
    assert [h.week for h in merged.history] == ["2024-W44", "2024-W45", "2024-W45", "2024-W46"]
    assert merged.status == "mitigated" and merged.severity == "high" and merged.summary == "出金排队风险"


def test_the_most_open_status_wins_when_the_latest_week_says_both() -> None:
    a = entry("a", "A", [("2024-W44", "open", "a"), ("2024-W46", "resolved", "a done")])
    b = entry("b", "B", [("2024-W46", "open", "b still open")])
    assert merge([a, b]).status == "open"


def test_incidents_and_other_series_are_never_merged_and_such_groups_are_counted() -> None:
    queue, quota, incident, english = register_entries()
    assert mergeable([queue, incident]) == "an incident (an event) is not merged with a risk"
    assert mergeable([queue, english]) == "entries of different report series are different risks"
    counts = {"open": 2, "mitigated": 1, "resolved": 1}
    groups = [
        RiskGroup(ids=[queue.id, incident.id], summary="x"),
        RiskGroup(ids=[queue.id, quota.id], summary="出金排队"),
        RiskGroup(ids=["payments-zh:made-up"], summary="y"),
    ]
    entries, after, lost = apply([queue, quota, incident, english], counts, groups)
    assert lost == 2 and len(entries) == 3
    assert after == {"open": 1, "mitigated": 1, "resolved": 1}
    assert next(e for e in entries if e.merged).summary == "出金排队"
