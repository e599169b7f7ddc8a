"""Rendering the summary, roll-up and register: rich terminal, Markdown, HTML with inline SVG.

labels.py    section titles and words in zh/en
markdown.py  Markdown that pastes into mail and chat (lists, no tables, no HTML)
terminal.py  rich output for the terminal
svg.py       charts drawn by our code: metric trends and the project timeline
html.py      one self-contained HTML report (inline CSS and SVG, no script, no fetch)

Renderers read only the public models (`summarizer.schemas`); they never open the ledger.
"""

from __future__ import annotations

from pathlib import Path

from index.schemas import Citation


def ref(citation: Citation) -> str:
    """`2024-W49.md:42` or `2024-W49.md:42-44`: where a reader opens the evidence."""
    start, end = citation.lines
    span = f"{start}" if start == end else f"{start}-{end}"
    return f"{Path(citation.report).name}:{span}"


def refs(citations: list[Citation], limit: int = 3) -> str:
    shown = list(dict.fromkeys(ref(c) for c in citations))
    more = len(shown) - limit
    return ", ".join(shown[:limit]) + (f" +{more}" if more > 0 else "")
