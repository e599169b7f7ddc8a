"""`Facts`: what the ledger says about a question, computed once per question by the pipeline.

Every engine receives the same value: the local engine shows it, an LLM engine writes from it.
Retrieval reads `evidence_order()` first, so the passages hold the lines the facts rest on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.schemas import Citation
from summarizer.schemas import Point


@dataclass
class Facts:
    """A headline, its points, and `key`: the citations the headline itself rests on (the
    first and last value of a trend, the report where a slip shows), which retrieval puts
    first when it has fewer passages than the answer has citations.

    `found` is False when the ledger has nothing for this intent (no handler, nothing relevant):
    then `key` holds the latest lines of the projects the question names, where a question about
    a project's owner or budget is most likely answered, and the engine reads passages instead.
    """

    headline: str | None = None
    points: list[Point] = field(default_factory=list)
    key: list[Citation] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    """Projects a list answer names, whose own lines may say why (a pause's reason)."""
    found: bool = True

    def evidence_order(self) -> list[Citation]:
        """Key citations, then each point's newest citation, then the rest; no repeats."""
        ordered = [*self.key, *(p.citations[-1] for p in self.points if p.citations)]
        ordered += [c for p in self.points for c in p.citations]
        seen: set[tuple[str, tuple[int, int]]] = set()
        out = []
        for citation in ordered:
            if (citation.report, citation.lines) not in seen:
                seen.add((citation.report, citation.lines))
                out.append(citation)
        return out

    def citations(self) -> list[Citation]:
        """Every citation of the points, in order (what the facts' reports are)."""
        return [c for p in self.points for c in p.citations] + list(self.key)
