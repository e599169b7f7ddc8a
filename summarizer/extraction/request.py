"""The extract prompt's messages for one report: its date, then its text as data.

Only the report's own text and date go in, never its path, so the request (and the cache key and
cassette that name it) depends on the content alone: the same file under another name costs nothing.
"""

from __future__ import annotations

from index.models import Report
from summarizer.prompts import PromptTemplate, data_text


def report_text(report: Report) -> str:
    """The report's lines as the verifier reads them, one per line, delimiters defused."""
    return data_text("\n".join(text for _, text in report.lines))


def extract_messages(prompt: PromptTemplate, report: Report) -> list[dict[str, str]]:
    return prompt.messages(
        report_date=report.date.isoformat(), report_week=report.week, report=report_text(report)
    )
