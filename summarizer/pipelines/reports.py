"""What an index holds, for readers that browse it (`summarizer serve`): the reports and their
series, and a cited span of a report as the citation verifier reads it.

A span is served only for a report the ledger holds, so a caller can never read another file
through this (`/api/cite?report=/etc/passwd` is "not in the index").
"""

from __future__ import annotations

import os
from collections import defaultdict

from index.ledger.views import NotInLedger
from index.schemas import ReportRef, series_of
from summarizer.errors import ConfigError
from summarizer.pipelines.ledger import open_ledger
from summarizer.schemas import QuotedLine, QuotedLines, ReportList, SeriesInfo
from summarizer.workspace import Workspace

MAX_SPAN = 200
"""Lines one request may read (cited span plus context)."""
MAX_CONTEXT = 10


def overview(workspace: Workspace) -> ReportList:
    """Every report in the ledger, oldest first, and its series."""
    reports = open_ledger(workspace).reports()
    grouped: dict[str, list[ReportRef]] = defaultdict(list)
    for ref in reports:
        grouped[series_of(ref.source)].append(ref)
    series = [
        SeriesInfo(
            name=os.path.basename(folder) or folder,
            folder=folder,
            reports=len(refs),
            first_week=refs[0].week,
            last_week=refs[-1].week,
            latest_report=refs[-1].source,
        )
        for folder, refs in sorted(grouped.items(), key=lambda item: (item[1][-1].date, item[0]))
    ]
    return ReportList(series=series, reports=reports)


def quoted_lines(workspace: Workspace, report: str, start: int, end: int, context: int = 2) -> QuotedLines:
    """Lines `start`..`end` of an indexed report with `context` lines either side."""
    ref = next((r for r in open_ledger(workspace).reports() if r.source == report), None)
    if ref is None:
        raise NotInLedger(f"no report {report!r} in the index")
    if start < 1 or end < start:
        raise ConfigError(
            f"lines {start}-{end}: the span must start at 1 or later and not end before it starts"
        )
    context = max(0, min(context, MAX_CONTEXT))
    if end - start + 1 + 2 * context > MAX_SPAN:
        raise ConfigError(f"lines {start}-{end}: at most {MAX_SPAN} lines per request")
    lines = workspace.verifier.lines(report)
    if lines is None:
        raise NotInLedger(f"{report} is in the index but can no longer be read (moved or deleted?)")
    quoted = [
        QuotedLine(number=n, text=lines[n], cited=start <= n <= end)
        for n in range(max(1, start - context), end + context + 1)
        if n in lines
    ]
    return QuotedLines(report=report, week=ref.week, lines=(start, end), quoted=quoted)
