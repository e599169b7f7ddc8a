"""From a model's extracted facts to ledger facts whose evidence verifies, and the rejects.

A model is never trusted with a line number: each fact's quote is located in the report file on
disk by the shared verifier (`Verifier.locate`, the fewest lines that hold it, matched as every
citation is checked), and the citation built from that span must pass `Verifier.check`. A quote
found nowhere rejects its fact. Values that do not parse (a day that does not exist, a progress
over 100) drop that field, not the fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from index.ledger.extract import ReportFacts
from index.models import Report
from index.schemas import Citation, Incident, MetricPoint, Observation
from index.text.normalise import plain_key
from index.verify import Verifier
from summarizer.llm_schemas import LLMExtraction, LLMIncidentFact, LLMMetricFact, LLMProjectFact


@dataclass(frozen=True)
class Rejected:
    """A fact the model gave whose quote is not in the report."""

    kind: str
    subject: str
    quote: str
    reason: str

    def line(self) -> str:
        return f"{self.kind} '{self.subject}': {self.reason}: \"{self.quote}\""


def ground(reply: LLMExtraction, report: Report, verifier: Verifier) -> tuple[ReportFacts, list[Rejected]]:
    """The reply's facts with verified citations (as `source="llm"`), and those rejected."""
    facts = ReportFacts()
    rejected: list[Rejected] = []

    def cite(kind: str, subject: str, quote: str) -> Citation | None:
        citation = _citation(report, verifier, quote)
        if citation is None:
            rejected.append(Rejected(kind, subject, quote, "quote not found in the report"))
        return citation

    for project in reply.projects:
        evidence = cite("project", project.project, project.quote)
        if evidence is not None and project.project.strip():
            facts.observations.append(_observation(project, report, evidence))
    for incident in reply.incidents:
        evidence = cite("incident", incident.title, incident.quote)
        if evidence is not None:
            facts.incidents.append(_incident(incident, report, evidence))
    for metric in reply.metrics:
        evidence = cite("metric", metric.name, metric.quote)
        if evidence is not None and plain_key(metric.name):
            facts.metrics.append(_metric(metric, report, evidence))
    return facts, rejected


def _citation(report: Report, verifier: Verifier, quote: str) -> Citation | None:
    span = verifier.locate(report.source, quote)
    if span is None:
        return None
    citation = Citation(
        report=report.source,
        week=report.week,
        section=section_path(report, span[0]),
        lines=span,
        quote=quote.strip(),
    )
    return citation if verifier.check(citation) else None


def section_path(report: Report, line: int) -> str:
    """The heading path of the deepest section holding the line ('' before the first heading)."""
    first, last = report.reader_line(line), report.reader_line(line + 1) - 1
    holding = [s for s in report.all_sections() if s.start <= last and first <= s.end]
    return max(holding, key=lambda s: len(s.path)).path_text if holding else ""


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _observation(fact: LLMProjectFact, report: Report, evidence: Citation) -> Observation:
    progress = fact.progress if fact.progress is not None and 0 <= fact.progress <= 100 else None
    target = _day(fact.target)
    return Observation(
        project=fact.project.strip(),
        report=report.source,
        week=report.week,
        date=report.date,
        progress=progress,
        target=target,
        target_text=(fact.target_text or fact.target) if target else None,
        target_kind="final" if target else None,
        status=fact.status,
        status_text=(fact.status_text or fact.status) if fact.status else None,
        evidence=evidence,
        progress_evidence=evidence if progress is not None else None,
        target_evidence=evidence if target else None,
        status_evidence=evidence if fact.status else None,
        source="llm",
    )


def _incident(fact: LLMIncidentFact, report: Report, evidence: Citation) -> Incident:
    minutes = (
        fact.duration_minutes if fact.duration_minutes is not None and fact.duration_minutes >= 0 else None
    )
    return Incident(
        title=fact.title.strip() or evidence.quote,
        report=report.source,
        week=report.week,
        date=report.date,
        when=_day(fact.when),
        severity=fact.severity,
        duration_minutes=minutes,
        impact=fact.impact,
        evidence=evidence,
        source="llm",
    )


def _metric(fact: LLMMetricFact, report: Report, evidence: Citation) -> MetricPoint:
    return MetricPoint(
        name=fact.name.strip(),
        key=plain_key(fact.name),
        value=fact.value,
        unit=fact.unit.strip(),
        report=report.source,
        week=report.week,
        date=report.date,
        evidence=evidence,
        source="llm",
    )
