"""The local engine: deterministic and extractive, no network, no randomness.

Intents the ledger can answer (slips, incidents, status, metrics, changes) are answered from
ledger facts; everything else, and any ledger miss, gets the best-matching report lines. When
no passage covers enough of the question, the answer says the reports do not cover it and
shows the closest passages: a plain "not covered" is more useful than a confident guess.
"""

from __future__ import annotations

import re

from index.lexical import tokenize
from index.retrieve import Hit
from index.schemas import Citation
from summarizer.engines.base import AskContext
from summarizer.engines.local.extractive import (
    Evidence,
    Sources,
    best_evidence,
    coverage,
    hit_coverage,
    line_below,
    query_weights,
)
from summarizer.facts.common import range_of, unique_citations
from summarizer.facts.phrases import say
from summarizer.question import QuestionPlan
from summarizer.schemas import Answer, EngineName, Point

# Share of the question's IDF-weighted terms the best passage must contain (tuned on the eval).
MIN_COVERAGE = 0.5
# Free questions show a few lines; summaries and open "what happened" questions show more.
POINTS = {"free": 3, "summary": 6, "risks": 5, "incidents": 5}
# Report lines added to a ledger answer about a named project (reasons the ledger does not hold).
CONTEXT_POINTS = 2
# A shorter line is a label ("【海外收单】"), not a reason.
MIN_CONTEXT_CHARS = 8
_WHY = re.compile(r"\bwhy\b|\breasons?\b|为什么|为何|原因|怎么回事", re.I)
_REASON = re.compile(
    r"原因|因为|由于|等待|等到|待.{0,6}(?:确认|审批|评审|完成)|\bbecause\b|\bdue to\b|\bwaiting\b|\bpending\b|"
    r"\buntil\b|\bso that\b|\bblocked on\b|\breason\b",
    re.I,
)


class LocalEngine:
    """Rules over ledger facts and retrieved lines; see the module docstring."""

    name: EngineName = "local"

    def __init__(self, min_coverage: float = MIN_COVERAGE) -> None:
        self.min_coverage = min_coverage

    def usage(self) -> None:
        """No model calls."""
        return None

    def close(self) -> None:
        """Nothing to release."""

    def answer(self, context: AskContext) -> Answer:
        plan, hits, facts, sources = context.plan, context.hits, context.facts, context.sources
        if facts.found and facts.points and facts.headline:
            points = facts.points + self.context_points(plan, hits, facts.points, sources)
            if not plan.project_names and facts.subjects and _WHY.search(context.question):
                points += self.reasons(hits, facts.subjects, points, sources)
            return Answer(
                answer=facts.headline,
                points=points,
                citations=unique_citations(c for p in points for c in p.citations),
                engine=self.name,
                plan=plan.public(),
            )
        return self.extractive(plan, hits, sources, ledger_headline=facts.headline)

    def reasons(
        self, hits: list[Hit], subjects: list[str], shown: list[Point], sources: Sources
    ) -> list[Point]:
        """For "which project was paused, and why?": per listed project, the line of its own
        block that gives a reason ("waiting for legal", "暂停原因：…"), when the passages hold one."""
        said = " ".join(p.text for p in shown)
        out: list[Point] = []
        for subject in subjects[: CONTEXT_POINTS * 2]:
            lines = [
                e
                for e in best_evidence(hits, {}, 50, sources, about_projects=[subject])
                if _REASON.search(e.quote) and e.quote not in said and len(e.quote) >= MIN_CONTEXT_CHARS
            ]
            if lines:
                out.append(_point(lines[0]))
                continue
            following = _line_after(subject, shown, sources)  # "项目暂停：" then the explanation below it
            if following is not None and following.text not in said:
                out.append(following)
        return out

    def context_points(
        self, plan: QuestionPlan, hits: list[Hit], shown: list[Point], sources: Sources
    ) -> list[Point]:
        """For a named project, the report lines that best match the question beyond the facts.

        The ledger knows that a target moved, not why; "why did X slip?" is answered by the
        lines around it ("waiting for the bank's certificate"), which only the passages hold.
        """
        if not plan.projects:
            return []
        cited = {(c.report, c.lines) for p in shown for c in p.citations}
        said = " ".join(p.text for p in shown)
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        fresh = [
            e
            for e in best_evidence(
                hits, weights, CONTEXT_POINTS + len(cited), sources, about_projects=plan.project_names
            )
            if (e.hit.report, e.citation().lines) not in cited
            and len(e.quote) >= MIN_CONTEXT_CHARS
            and e.quote not in said
        ]
        return [_point(e) for e in fresh[:CONTEXT_POINTS]]

    def extractive(
        self, plan: QuestionPlan, hits: list[Hit], sources: Sources, ledger_headline: str | None = None
    ) -> Answer:
        weights = plan.term_weights or query_weights(plan.terms or plan.query)
        limit = POINTS.get(plan.intent, 3)
        # A question about a named project is answered from that project's lines only.
        chosen = best_evidence(
            _prefer_kind(hits, plan.intent), weights, limit, sources, about_projects=plan.project_names
        )
        strength = max((hit_coverage(h, weights) for h in hits), default=0.0)
        best = chosen[0].coverage if chosen else 0.0
        rng = range_of(plan)
        # A risk/incident question is covered when a section of that kind is in range, whatever
        # words it uses ("故障" vs "Incidents"): the heading classifier already knows both.
        kind_match = plan.intent in ("risks", "incidents") and any(h.kind == plan.intent for h in hits)
        answerable = bool(chosen) and (kind_match or max(best, strength) >= self.min_coverage)
        if answerable and plan.asked:
            # "同城多活改造的预算是多少？": lines naming the project are not an answer about its budget.
            asked = {t: w for t, w in weights.items() if t in set(tokenize(plan.asked))}
            answerable = not asked or coverage(chosen[0].quote, asked) >= self.min_coverage
        points = [_point(e) for e in chosen]
        citations = unique_citations(c for p in points for c in p.citations)
        if not hits:
            # An empty range is not an empty index: say which one the user hit.
            empty = say("no_reports_in_range", plan.lang, range=rng) if rng else say("no_reports", plan.lang)
            return Answer(answer=empty, answerable=False, engine=self.name, plan=plan.public())
        if not answerable:
            return Answer(
                answer=say("not_covered", plan.lang, range=rng),
                points=points,
                citations=citations,
                answerable=False,
                engine=self.name,
                plan=plan.public(),
            )
        text = chosen[0].quote
        answer = say("from_reports", plan.lang, range=rng, text=text)
        if ledger_headline:
            answer = f"{ledger_headline} {answer}"
        return Answer(answer=answer, points=points, citations=citations, engine=self.name, plan=plan.public())


def _prefer_kind(hits: list[Hit], intent: str) -> list[Hit]:
    """For risk/incident questions, chunks from sections of that kind come first (stable)."""
    if intent not in ("risks", "incidents"):
        return hits
    return sorted(hits, key=lambda h: 0 if h.kind == intent else 1)


def _point(evidence: Evidence) -> Point:
    leaf = (evidence.section or evidence.hit.section).split(" > ")[-1]
    return Point(text=f"{evidence.hit.week} {leaf}: {evidence.quote}", citations=[evidence.citation()])


def _line_after(subject: str, shown: list[Point], sources: Sources) -> Point | None:
    """The first text line below the cited status line of `subject`, inside its block: reports
    often state a pause and explain it on the next line with no "because" in it."""
    point = next((p for p in shown if subject in p.text and p.citations), None)
    if point is None:
        return None
    cited = point.citations[-1]
    found = line_below(sources.get(cited.report, {}), cited.lines[1], MIN_CONTEXT_CHARS)
    if found is None:
        return None
    number, quote = found
    citation = Citation(
        report=cited.report, week=cited.week, section=cited.section, lines=(number, number), quote=quote
    )
    return Point(text=f"{cited.week} {subject}: {quote}", citations=[citation])
