"""From a model's cites (an id and a quote) to citations that name a report span.

`problems` is the validate hook handed to `ChatClient.structured`: a cite whose id was not shown
or whose quote is not in that fact's or passage's text goes back to the model in the re-ask.
`answer` maps the reply that came back to the public `Answer`: each quote is located on the
fewest report lines that hold it, and cites that still do not check out are dropped and counted
(the pipeline's shared verifier then checks every citation again against the file on disk).

Quotes match the way `index.verify` matches them: markup stripped from each line, lines joined,
whitespace removed and case folded, so a quote that passes here passes there.
"""

from __future__ import annotations

from collections.abc import Mapping

from index.schemas import Citation
from index.text.normalise import fold_space, strip_markup
from summarizer.engines.base import ReportLines
from summarizer.engines.openai_engine.material import Source
from summarizer.facts.common import unique_citations
from summarizer.llm_schemas import LLMAnswer, LLMCite
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName, Point

# A quote this long is an excerpt, not a quote: it must fit one or a few lines.
MAX_QUOTE_CHARS = 400


class Grounding:
    """The sources one prompt showed, by id, and the report lines behind them."""

    def __init__(self, sources: Mapping[str, Source], lines: Mapping[str, ReportLines]) -> None:
        self.sources = dict(sources)
        self.lines = lines

    def problems(self, reply: LLMAnswer) -> list[str]:
        """Every cite that does not check out, worded for the model to fix in its next reply."""
        problems = []
        for p, point in enumerate(reply.points):
            if not point.cites:
                problems.append(f"points[{p}]: no cites; every point needs at least one")
            for c, cite in enumerate(point.cites):
                problem = self._problem(cite)
                if problem:
                    problems.append(f"points[{p}].cites[{c}]: {problem}")
        return problems

    def _problem(self, cite: LLMCite) -> str | None:
        source = self.sources.get(cite.passage_id.strip())
        if source is None:
            shown = ", ".join(self.sources) or "none"
            return f"passage_id '{cite.passage_id}' is not one of the ids shown ({shown})"
        if not fold_space(cite.quote):
            return "the quote is empty"
        if len(cite.quote) > MAX_QUOTE_CHARS:
            return f"the quote is {len(cite.quote)} characters long; quote one line or part of one"
        if self.span(source, cite.quote) is None:
            return f"the quote '{cite.quote}' does not occur in {source.id}; copy the words exactly from {source.id}"
        return None

    def span(self, source: Source, quote: str) -> tuple[int, int] | None:
        """The fewest consecutive report lines inside the source's span that hold the quote.

        When the report's lines are not at hand, the source's whole span if its text holds the
        quote (the shared verifier then decides); None when the quote is not there at all.
        """
        wanted = fold_space(quote)
        lines = self.lines.get(source.report, {})
        first, last = source.lines
        numbers = [n for n in range(first, last + 1) if n in lines]
        folded = {n: fold_space(strip_markup(lines[n])) for n in numbers}
        for size in range(1, len(numbers) + 1):
            for start in range(len(numbers) - size + 1):
                window = numbers[start : start + size]
                if wanted in "".join(folded[n] for n in window):
                    return window[0], window[-1]
        if not numbers and wanted in fold_space(source.text):
            return source.lines
        return None

    def citation(self, cite: LLMCite) -> Citation | None:
        """The citation a cite stands for, or None when it does not check out."""
        source = self.sources.get(cite.passage_id.strip())
        if source is None or self._problem(cite) is not None:
            return None
        span = self.span(source, cite.quote)
        if span is None:
            return None
        return Citation(
            report=source.report,
            week=source.week,
            section=source.section,
            lines=span,
            quote=cite.quote.strip(),
        )

    def answer(self, reply: LLMAnswer, *, engine: EngineName, plan: QuestionPlan, notes: list[str]) -> Answer:
        """The public answer: cites mapped to citations; those that fail, and points left without
        any, are dropped, counted and noted."""
        points: list[Point] = []
        dropped = uncited = 0
        for point in reply.points:
            citations = []
            for cite in point.cites:
                citation = self.citation(cite)
                if citation is None:
                    dropped += 1
                else:
                    citations.append(citation)
            if citations:
                points.append(Point(text=point.text, citations=unique_citations(citations)))
            else:
                uncited += 1
        notes = list(notes)
        if uncited:
            notes.append(f"{uncited} point(s) of the model's reply dropped: none of their cites verified")
        return Answer(
            answer=reply.answer,
            answerable=reply.answerable,
            points=points,
            citations=unique_citations(c for p in points for c in p.citations),
            engine=engine,
            plan=plan.public(),
            dropped_citations=dropped,
            notes=notes,
        )
