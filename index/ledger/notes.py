"""Risks, asks and next-week plans, kept as written with their evidence.

A risks section's items are risks unless they ask for something (`Ask:`, `需要…支持`, `请…协助`);
a plans section's items are plans. Elsewhere a bullet labelled `风险：`/`Risk:`/`Blocker:` is a
risk, `Ask:`/`求助：` an ask, and `下周：`/`Next steps:` a plan.
"""

from __future__ import annotations

import re

from index.ledger.evidence import cite
from index.ledger.field_labels import label_key, split_label
from index.ledger.mentions import line_text
from index.models import Item, Report, Section, SectionKind, line_texts
from index.schemas import Note, NoteKind

_ASK = re.compile(
    r"^(?:ask|asks|request|help needed|need(?:s|ed)? (?:help|a decision|approval|support)|decision needed)\b|"
    r"^(?:求助|需要|请求|申请|协调|希望)|(?:需要|请)[^，。；]{0,20}(?:支持|协助|协调|帮助|决策|审批|拍板)",
    re.I,
)
_LABELS: dict[str, NoteKind] = {
    "风险": "risk", "风险点": "risk", "问题": "risk", "阻塞": "risk", "risk": "risk", "risks": "risk",
    "blocker": "risk", "blockers": "risk", "concern": "risk", "concerns": "risk", "ask": "ask", "asks": "ask",
    "求助": "ask", "需要支持": "ask", "协调": "ask", "下周": "plan", "下周计划": "plan", "nextweek": "plan",
    "nextsteps": "plan", "下阶段": "plan",
}  # fmt: skip
_NONE = re.compile(r"^(?:无|暂无|none|n/?a|nothing)\W*$", re.I)


def extract_notes(report: Report) -> list[Note]:
    lines = line_texts(report.lines)
    out: list[Note] = []
    for section in report.all_sections():
        if section.kind in (SectionKind.RISKS, SectionKind.PLANS):
            kind: NoteKind = "risk" if section.kind == SectionKind.RISKS else "plan"
            for item in section.items:
                out.append(_note(report, section, item, lines, kind))
            if not section.items:
                for number, raw in section.lines:
                    text = line_text(raw)
                    if text and not _NONE.match(text):
                        out.append(_make(report, section, kind, number, number, text))
        elif section.kind not in (SectionKind.INCIDENTS, SectionKind.METRICS, SectionKind.REFLECTION):
            for item in section.items:
                for node in item.walk():
                    labelled = split_label(line_text(lines.get(node.start, node.text)))
                    labelled_kind = _LABELS.get(label_key(labelled.label)) if labelled else None
                    if labelled and labelled_kind and labelled.rest:
                        out.append(
                            _make(report, section, labelled_kind, node.start, node.start, labelled.rest)
                        )
    return [note for note in out if note is not None and not _NONE.match(note.text)]


def _note(report: Report, section: Section, item: Item, lines: dict[int, str], kind: NoteKind) -> Note:
    text = line_text(lines.get(item.start, item.text))
    if kind == "risk":
        labelled = split_label(text)
        label_kind = _LABELS.get(label_key(labelled.label)) if labelled else None
        if label_kind == "ask" or _ASK.search(text):
            kind = "ask"
    return _make(report, section, kind, item.start, item.start, text)


def _make(report: Report, section: Section, kind: NoteKind, start: int, end: int, text: str) -> Note:
    return Note(
        kind=kind,
        text=text,
        report=report.source,
        week=report.week,
        date=report.date,
        evidence=cite(report, section.path_text, start, end, text),
    )
