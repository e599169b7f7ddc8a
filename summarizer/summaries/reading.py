"""What a summary reads from a report beyond the ledger's facts: key-work blocks, notes, summaries.

The ledger keeps facts (progress, targets, statuses, incidents, metrics, notes); an executive
summary also needs the sentences around them: the lead paragraph of a `【海外收单】` block under
`【重点工作】` (why the date moved), an English project's `Notes:` line, a `## Summary` paragraph.
The ledger does not store these (and `index/ledger/` is not ours to change), so they are read
here from the parsed report, cached per file content, and cut into lines that cite and verify
exactly like the ledger's own quotes (`line_text` removes markup the way the verifier does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import InputError
from index.ledger.evidence import cite
from index.ledger.field_labels import split_label
from index.ledger.mentions import line_text
from index.load import load_document
from index.models import Report, Section, SectionKind, line_texts
from index.parse import parse_report
from index.schemas import Citation, ReportRef
from index.text.lang import Lang, detect_lang

_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)、]|[-*+•])\s")
_SUMMARY_TITLE = re.compile(r"^(?:summary|tl;?dr|overview|highlights?|摘要|概述|本周总结|总结|概要)$", re.I)
_NOTES_LABEL = re.compile(r"^(?:notes?|comments?|备注|说明|进展说明)$", re.I)
_SENTENCE = re.compile(r"[^。！？；!?]+[。！？；!?]?|[^.]+(?:\.(?!\d)|$)")


@dataclass(frozen=True)
class Line:
    """One original line (without markup) and the section it sits in."""

    number: int
    text: str
    section: str
    report: Report = field(repr=False, compare=False)
    kind: SectionKind = SectionKind.OTHER

    @property
    def file_line(self) -> int:
        """The file's own line number, which citations give (`Report.source_line`)."""
        return self.report.source_line(self.number)

    def cite(self, quote: str | None = None) -> Citation:
        return cite(self.report, self.section, self.file_line, self.file_line, quote or self.text)


@dataclass
class Block:
    """A described piece of work: a heading or bracket label with prose under it.

    `label` is a one-line gist the author put first ("风险提示：", "上线时间调整："), `lead` the
    first paragraph, `points` the numbered or bulleted lines under it.
    """

    name: str
    section: str
    label: Line | None = None
    lead: Line | None = None
    points: list[Line] = field(default_factory=list)

    def lines(self) -> list[Line]:
        return [x for x in (self.label, self.lead) if x is not None] + self.points


@dataclass
class ReportView:
    """A parsed report arranged for summaries."""

    report: Report
    blocks: list[Block]
    notes: dict[str, Line]
    """Leaf section title -> its `Notes:` line (English project blocks)."""
    summary: list[Line]
    """Paragraphs of a `Summary` section, if the report has one."""
    items: list[Line]
    """Every item line outside reflections, in document order, with its section's kind."""
    lang: Lang

    @property
    def source(self) -> str:
        return self.report.source


def _name(title: str) -> str:
    return title.strip().strip("【】[]").strip()


def _block(report: Report, section: Section) -> Block | None:
    """A block when the section has prose of its own (not only `Field: value` items)."""
    body = [(n, t) for n, t in section.lines if t.strip()]
    if not body:
        return None
    block = Block(_name(section.title), section.path_text)
    for number, raw in body:
        text = line_text(raw)
        if not text:
            continue
        line = Line(number, text, section.path_text, report, section.kind)
        if _ITEM.match(raw):
            block.points.append(line)
        elif block.label is None and block.lead is None and len(text) <= 16 and text[-1] in ":：":
            block.label = line
        elif block.lead is None:
            block.lead = line
    return block if block.lead is not None or block.label is not None else None


def _view(report: Report) -> ReportView:
    blocks: list[Block] = []
    notes: dict[str, Line] = {}
    summary: list[Line] = []
    items: list[Line] = []
    raw_lines = line_texts(report.lines)
    for section in report.all_sections():
        for item in section.items:
            for node in item.walk():
                text = line_text(raw_lines.get(node.start, node.text))
                labelled = split_label(text)
                if labelled and _NOTES_LABEL.match(labelled.label) and labelled.rest:
                    notes[_name(section.title)] = Line(
                        node.start, labelled.rest, section.path_text, report, section.kind
                    )
                if section.kind is not SectionKind.REFLECTION:
                    items.append(Line(node.start, text, section.path_text, report, section.kind))
        if section.kind in (SectionKind.METRICS, SectionKind.INCIDENTS, SectionKind.REFLECTION):
            continue
        if _SUMMARY_TITLE.match(section.title.strip()):
            summary += [
                Line(n, line_text(t), section.path_text, report, section.kind)
                for n, t in section.lines
                if line_text(t)
            ]
            continue
        # A block is a described piece of work inside a larger section (`【重点工作】 > 【海外收单】`);
        # the report's own title line and its `Created:` stamp are not.
        if len(section.path) >= 2 and section.kind is not SectionKind.PLANS and not section.children:
            block = _block(report, section)
            if block is not None and not any(_ITEM.match(t) for _, t in section.lines[:1]):
                blocks.append(block)
    sample = " ".join(text for _, text in report.lines[:200])
    return ReportView(report, blocks, notes, summary, items, detect_lang(sample))


class Reader:
    """Parses each report file once per content hash; summaries of many weeks share it."""

    def __init__(self) -> None:
        self._views: dict[tuple[str, str], ReportView | None] = {}

    def view(self, ref: ReportRef) -> ReportView | None:
        """The report as summaries read it; None when the file is gone or no longer parses."""
        key = (ref.source, ref.content_hash)
        if key not in self._views:
            try:
                report = parse_report(load_document(Path(ref.source)), ref.source)
            except InputError:
                self._views[key] = None
            else:
                self._views[key] = _view(report)
        return self._views[key]


def sentences(text: str, limit: int = 140) -> str:
    """The first sentences of `text` that fit in `limit` characters (at least one, never cut mid-way
    unless a single sentence is longer, then cut at a clause)."""
    parts = [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    out = ""
    for part in parts:
        if out and len(out) + len(part) > limit:
            break
        out += part
    out = out.strip() or text.strip()
    if len(out) > limit * 1.5:
        cut = max(out.rfind(mark, 0, limit) for mark in "，,；; ")
        out = out[: cut if cut > 20 else limit]
    return out.strip()
