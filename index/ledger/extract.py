"""All facts of one report: project observations, incidents, metrics, risks/asks/plans.

A pure function of the report (its text and its own date), so the ledger can rebuild a report's
facts whenever its content hash or `EXTRACTOR_VERSION` changes, in any ingestion order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

from pydantic import BaseModel

from index.ledger.attendees import attendee_name, attendees
from index.ledger.cadence import passed_ordinals
from index.ledger.chat_messages import with_chat_messages
from index.ledger.chat_topics import with_chat_topics
from index.ledger.incidents import extract_incidents
from index.ledger.mention_layout import find_mentions
from index.ledger.metrics import extract_metrics
from index.ledger.notes import extract_notes
from index.ledger.observe import observe
from index.ledger.prose import Passage, signal_passages
from index.ledger.release_rows import release_mentions, release_sentences
from index.ledger.renames import extract_renames
from index.ledger.speakers import readdress
from index.ledger.status_legend import read_status_words
from index.ledger.status_signs import reading_status_words
from index.models import Report, SectionKind, line_texts
from index.schemas import Citation, Incident, MetricPoint, Note, Observation, Rename
from index.text.timeexpr import reading_day_first

# Bump when extraction rules change: stored reports with an older version are re-extracted.
EXTRACTOR_VERSION = 292


@dataclass
class ReportFacts:
    observations: list[Observation] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    metrics: list[MetricPoint] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    """Sentences with a schedule signal, named at derive time by the series' projects."""


def extract_facts(report: Report) -> ReportFacts:
    with reading_day_first(report.day_first), reading_status_words(read_status_words(report)):
        facts = _extract_facts(_own_words(report))
    return _on_source_lines(facts, report) if report.line_sources else facts


def _on_source_lines(facts: ReportFacts, report: Report) -> ReportFacts:
    """The facts of a report whose readers numbered a source line's shown lines apart
    (`parse.spread_joined_lines`), cited by the file's own line numbers as every citation is."""

    def moved(value: object) -> object:
        if isinstance(value, Citation):
            lines = (report.source_line(value.lines[0]), report.source_line(value.lines[1]))
            return value.model_copy(update={"lines": lines})
        if isinstance(value, list):
            return [moved(item) for item in value]
        if isinstance(value, BaseModel):
            update = {name: moved(getattr(value, name)) for name in type(value).model_fields}
            if isinstance(value, Passage):
                update["line"] = report.source_line(value.line)
            return value.model_copy(update=update)
        return value

    return ReportFacts(**{f.name: moved(getattr(facts, f.name)) for f in fields(ReportFacts)})  # type: ignore[arg-type]


def _own_words(report: Report) -> Report:
    """The report without the message it quotes (a reply's `On Fri, Ana wrote:` and below): last
    week's targets in a quote are last week's, not this report's."""
    quoted = [s for s in report.sections if s.kind is SectionKind.QUOTED]
    if not quoted:
        return report
    spans = [range(s.start, s.end + 1) for s in quoted]
    return replace(
        report,
        sections=[s for s in report.sections if s.kind is not SectionKind.QUOTED],
        lines=[(n, text) for n, text in report.lines if not any(n in span for span in spans)],
    )


def _extract_facts(report: Report) -> ReportFacts:
    lines = line_texts(report.lines)
    released = [m for section in report.all_sections() for m in release_mentions(section, lines)]
    versions = [m for section in report.all_sections() for m in release_sentences(section, lines)]
    # a releases heading that tells of versions is not itself a project
    told = {id(m.section) for m in versions}
    listed = attendees(report)
    found = [
        m
        for m in find_mentions(report)
        if not (id(m.section) in told and m.start == m.section.start) and not attendee_name(m.name, listed)
    ]
    mentions = [*with_chat_topics(report, with_chat_messages(report, readdress(found))), *released, *versions]
    observations = _owners_apart([observe(report, mention) for mention in mentions])
    passages = signal_passages(report)
    for passage in passages:
        passage.within = [
            obs.project
            for mention, obs in zip(mentions, observations, strict=True)
            if mention.start <= passage.line <= mention.end
        ]
    passed = passed_ordinals(report)
    for observation in observations:
        observation.ordinals_passed = passed
    return ReportFacts(
        observations=observations,
        incidents=extract_incidents(report),
        metrics=extract_metrics(report),
        notes=extract_notes(report),
        renames=extract_renames(report),
        passages=passages,
    )


# A name with a bracket at its end: `分拣运营看板（蒋若溪）`.
_BRACKET_TAIL = re.compile(r"^(.+?)\s*[（(]([^()（）]{1,16})[)）]$")


def _owners_apart(observations: list[Observation]) -> list[Observation]:
    """A project named with its owner in brackets (`分拣运营看板（蒋若溪）：有风险`, under a table
    whose owner column gives 蒋若溪 for 分拣运营看板): the bracket is the owner, not the name (w40-a).
    Only an owner this report states in an owner field counts: a bracket is often the name's own
    (`Tier Engine (TRE)`)."""
    owners = {_unquoted(o.owner) for o in observations if o.owner}
    for observation in observations:
        tail = _BRACKET_TAIL.match(observation.project)
        if tail is not None and _unquoted(tail[2]) in owners:
            observation.project = tail[1].strip()
            observation.owner = observation.owner or _unquoted(tail[2])
    return observations


def _unquoted(name: str) -> str:
    """A name without the quotes a script's table shows a string cell in (`"蒋若溪"`)."""
    return name.strip(' "“”')
