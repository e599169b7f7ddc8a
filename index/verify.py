"""The citation verifier every engine's output passes through before it is shown.

A citation holds when its quote occurs, after whitespace is folded, within the cited lines of
the cited report, reloaded from disk. Chinese text has no spaces between words, so folding
removes whitespace entirely rather than collapsing it to one space. Both sides are read without
markup (`plain_line`, `strip_inline`): an answer quotes "Falcon status: Blocked" from the line
"<p>Falcon status: <b>Blocked</b></p>", and a quote that kept the markup still verifies.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import InputError
from index.load import load_document
from index.schemas import Citation
from index.text.normalise import fold_space, plain_line, strip_inline

LineSource = Callable[[str], dict[int, str] | None]


def load_lines(report: str) -> dict[int, str] | None:
    """Original line number -> normalised text, or None when the file is gone or unreadable.

    Whatever stops the file from being read (gone, permissions, undecodable, a decoder's own
    error) drops the citations into it; it never stops the answer.
    """
    try:
        doc = load_document(Path(report))
    except (InputError, OSError, ValueError):
        return None
    lines: dict[int, str] = {}
    for line in doc.lines:
        lines[line.number] = (lines[line.number] + " " + line.text) if line.number in lines else line.text
    return lines


@dataclass
class Verifier:
    """Verifies citations against report files, reading each file once while it is unchanged."""

    source: LineSource = load_lines
    _cache: dict[str, tuple[tuple[int, int] | None, dict[int, str] | None]] = field(default_factory=dict)

    def lines(self, report: str) -> dict[int, str] | None:
        """The report's lines as the verifier reads them; None when it cannot be read."""
        stamp = _stamp(report)
        cached = self._cache.get(report)
        if cached is None or cached[0] != stamp:
            try:
                found = self.source(report)
            except Exception:  # a reader's own bug must not take the answer down: drop, count
                found = None
            cached = (stamp, found)
            self._cache[report] = cached
        return cached[1]

    def check(self, citation: Citation) -> bool:
        start, end = citation.lines
        if start < 1 or end < start or not citation.quote.strip():
            return False
        lines = self.lines(citation.report)
        if lines is None:
            return False
        span = " ".join(plain_line(lines[n]) for n in range(start, end + 1) if n in lines)
        quote = fold_space(strip_inline(citation.quote))
        return bool(quote) and quote in fold_space(span)

    def locate(self, report: str, quote: str, max_lines: int = 3) -> tuple[int, int] | None:
        """The fewest consecutive lines (at most `max_lines`) of the report on disk that hold the
        quote, matched as `check` matches; None when the quote is not there.

        For a quote that comes without a line span (a model's extracted fact): the span found here
        makes a citation that `check` accepts by construction, and a quote found nowhere is the
        caller's reason to reject the fact.
        """
        lines = self.lines(report)
        wanted = fold_space(strip_inline(quote))
        if lines is None or not wanted:
            return None
        numbers = sorted(lines)
        folded = [fold_space(plain_line(lines[n])) for n in numbers]
        for size in range(1, max_lines + 1):
            for start in range(len(numbers) - size + 1):
                window = numbers[start : start + size]
                if window[-1] - window[0] == size - 1 and wanted in "".join(folded[start : start + size]):
                    return window[0], window[-1]
        return None

    def filter(self, citations: Iterable[Citation]) -> tuple[list[Citation], int]:
        """(citations that verify, how many were dropped)."""
        kept: list[Citation] = []
        dropped = 0
        for citation in citations:
            if self.check(citation):
                kept.append(citation)
            else:
                dropped += 1
        return kept, dropped


def _stamp(report: str) -> tuple[int, int] | None:
    """(mtime, size) of the file, so an edited report is re-read; None when it is gone."""
    try:
        stat = os.stat(report)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
