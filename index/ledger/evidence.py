"""Citations for extracted facts: one original line (or span) and a quote taken from that text.

Quotes are always cut from the line text the extractor read (markup removed the same way the
verifier removes it), so every fact's evidence verifies against the file it came from.
"""

from __future__ import annotations

from index.ledger.mentions import line_text
from index.models import Report, line_texts
from index.schemas import Citation

MAX_QUOTE = 160


def cite(report: Report, section: str, start: int, end: int, quote: str) -> Citation:
    """A citation of lines start..end; long quotes are cut at a clause boundary, never mid-span."""
    quote = quote.strip()
    if len(quote) > MAX_QUOTE:
        cut = max(quote.rfind(mark, 0, MAX_QUOTE) for mark in "，。；;,. ")
        quote = quote[: cut if cut > 20 else MAX_QUOTE].strip()
    return Citation(report=report.source, week=report.week, section=section, lines=(start, end), quote=quote)


def cite_line(report: Report, section: str, line: int, text: str | None = None) -> Citation:
    """A citation of one line, quoting `text` (a part of it) or the line itself."""
    if text is None:
        text = line_text(line_texts(report.lines).get(line, ""))
    return cite(report, section, line, line, text)
