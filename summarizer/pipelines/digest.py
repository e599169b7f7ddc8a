"""An executive summary as the digest the publishers send (`publish.DigestMessage`).

Publishers never see the summary model; this is the one place that maps it: the headline, the
highlights, the slips from the changes, the incidents from the risks, each item with its source
span so a chat reader can find it. The `digest` command (scheduled ingest, summarise, publish)
calls this between `summarize.weekly` and `publish.run.publish_once`.
"""

from __future__ import annotations

import os
from pathlib import Path

from index.schemas import Citation
from summarizer.publish.message import DigestItem, DigestMessage
from summarizer.schemas import ExecutiveSummary


def _source(citations: list[Citation]) -> str | None:
    if not citations:
        return None
    c = citations[-1]
    span = f"{c.lines[0]}" if c.lines[0] == c.lines[1] else f"{c.lines[0]}-{c.lines[1]}"
    return f"{Path(c.report).name}:{span}"


def digest(summary: ExecutiveSummary, report_url: str | None = None) -> DigestMessage:
    """The platform-neutral message for one weekly summary."""
    when = summary.week_label or summary.week
    title = f"{os.path.basename(summary.series)} · {when}" + (
        f" ({summary.week})" if when != summary.week else ""
    )
    return DigestMessage(
        title=title,
        headline=summary.headline,
        highlights=[
            DigestItem(text=h.text, week=summary.week, source=_source(h.citations))
            for h in summary.highlights
        ],
        slips=[
            DigestItem(text=c.text, week=summary.week, source=_source(c.citations))
            for c in summary.changes
            if c.kind == "slipped"
        ],
        incidents=[
            DigestItem(text=r.text, week=summary.week, source=_source(r.citations))
            for r in summary.risks
            if r.kind == "incident"
        ],
        report_url=report_url,
        engine=summary.engine,
        lang=summary.lang,
    )
