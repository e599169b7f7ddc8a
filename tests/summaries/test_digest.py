"""A summary as the publishers' digest: the mapping the publish layer leaves to the summary code."""

from __future__ import annotations

from summarizer.pipelines import summarize
from summarizer.pipelines.digest import digest
from summarizer.publish.render import sections
from summarizer.workspace import Workspace


def test_a_weekly_summary_becomes_a_digest(examples: Workspace) -> None:
    summary = summarize.weekly(examples, "2024-W49", "payments-zh")
    message = digest(summary, report_url="https://reports.example/2024-W49.html")
    assert message.title == "payments-zh · 第49周 (2024-W49)"
    assert (message.headline, message.engine, message.lang) == (summary.headline, "local", "zh")
    assert [s.source for s in message.slips] == [
        "2024-W49.md:8",
        "2024-W49.md:38",
    ]  # where each reason is written
    assert [i.source for i in message.incidents] == ["2024-W49.md:52-56"]
    assert message.incidents[0].text.startswith("12/03 19:30")
    assert [s.key for s in sections(message)] == ["highlights", "slips", "incidents"]
