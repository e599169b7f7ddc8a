"""A risk's sightings: what one report says about risks (`Cand`), and one risk's sightings over
the reports (`Entry`).

Sources, per report, oldest report first:
- stated: the ledger's risk and ask notes, and sentences in key-work blocks, project notes and
  project lines that say a risk, uncertainty, bottleneck or blocker exists (`存在出金排队风险`,
  `卡在模型服务`, `Blocked on the security review`); their status comes from their own words
  (`风险解除`/`Resolved:` resolved, `兜底方案已完成演练` mitigated, else open);
- derived: a tracked project's at-risk/off-track/blocked status and the slips that show in the
  report (the ledger's date_moved, overdue, status_downgrade, stalled);
- incidents: each one an entry, resolved when the report states its fix.

Status over time. A derived risk eases when the project recovers: back on track or moving again
makes it mitigated (resolved when it was blocked and is no longer), launched or done resolves it,
paused or cancelled makes it moot (resolved). A stated risk stays open until the reports say
otherwise or the project finishes: progress alone does not retire an uncertainty someone wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from index.ledger.signals import FINISHED, STOPPED
from index.models import line_texts
from index.schemas import Citation, Observation, ReportRef
from index.text.lang import Lang
from index.text.normalise import name_key
from summarizer.facts.lists import NOTHING_SAID
from summarizer.schemas import RiskStatus, SeverityLevel
from summarizer.summaries import describe
from summarizer.summaries.reading import Line, ReportView
from summarizer.summaries.risk_words import Basis, judge, owner, words
from summarizer.summaries.series import Series
from summarizer.summaries.severity import level

TROUBLED = ("at_risk", "off_track", "blocked")
_SENTENCE = re.compile(r"[^。；;!?！？]+[。；;!?！？]?")


@dataclass
class Cand:
    """One statement or derived signal about a risk in one report."""

    text: str
    citation: Citation
    status: RiskStatus
    basis: Basis
    project: str | None = None
    group: str | None = None
    note_kind: str | None = None
    owner: str | None = None
    severity: SeverityLevel | None = None
    label: str | None = None
    group_name: str | None = None

    @property
    def opens(self) -> bool:
        """Can start an entry: it states a risk, not only that one was closed or eased."""
        return self.status == "open" or (self.status == "mitigated" and self.basis != "status")


@dataclass
class Entry:
    """One risk: the sightings the register merged into it, report by report, and its status now."""

    key: str
    project: str | None
    group: str | None
    first: Cand
    history: list[tuple[ReportRef, list[Cand]]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    open_basis: Basis = "stated"
    status: RiskStatus = "open"

    def add(self, ref: ReportRef, cands: list[Cand]) -> None:
        self.history.append((ref, cands))
        for cand in cands:
            self.words |= words(cand.text)
        self.status = combined(cands)
        opening = [c for c in cands if c.status == "open"]
        if opening:
            self.open_basis = opening[-1].basis


def combined(cands: list[Cand]) -> RiskStatus:
    """One report's status of a risk: a troubled project outweighs words; then the words."""
    if any(c.status == "open" and c.basis in ("status", "blocked") for c in cands):
        return "open"
    for status in ("resolved", "mitigated", "open"):
        if any(c.status == status for c in cands):
            return status  # type: ignore[return-value]
    return "open"


def _statements(
    line: Line, project: str | None, group: tuple[str, str] | None, label: Line | None = None
) -> list[Cand]:
    """One candidate per sentence of a line that says something about a risk."""
    out = []
    prefix = label.text if label is not None else ""
    for match in _SENTENCE.finditer(line.text):
        sentence = match.group(0).strip().rstrip(";；")
        found = judge(prefix + sentence, False, about_project=project is not None) if sentence else None
        if found is None:
            continue
        status, basis = found
        text = (prefix + sentence) if prefix else sentence
        out.append(
            Cand(
                text,
                line.cite(sentence),
                status,
                basis,
                project,
                group[0] if group else None,
                owner=owner(sentence),
                group_name=group[1] if group else None,
            )
        )
    return out


def stated(series: Series, ref: ReportRef, view: ReportView) -> list[Cand]:
    """Risks as written: risk/ask notes, then blocks, project notes and project lines."""
    out: list[Cand] = []
    for note in series.notes.get(ref.source, []):
        if note.kind == "plan" or NOTHING_SAID.match(note.text):
            continue
        status, _ = judge(note.text, in_risk_list=True) or ("open", "stated")
        basis: Basis = "stated"  # a risk list's item is a stated risk, whatever words it uses
        leaf = note.evidence.section.split(" > ")[-1]
        project = _project_of(series, leaf, ref.date) or _parent_project(series, ref, view, note.evidence)
        out.append(
            Cand(
                note.text, note.evidence, status, basis, project, note_kind=note.kind, owner=owner(note.text)
            )
        )
    for block in view.blocks:
        project = _project_of(series, block.name, ref.date)
        group = None if project else (name_key(block.name), block.name)
        for line in [x for x in (block.lead, *block.points) if x is not None]:
            out += _statements(line, project, group, label=block.label if line is block.lead else None)
        if block.label is not None and block.lead is None:
            out += _statements(block.label, project, group)
    for leaf, line in view.notes.items():
        out += _statements(line, _project_of(series, leaf, ref.date), None)
    for line in view.items:
        head = re.match(r"^([^：:]{2,30})[：:]", line.text) if line.kind == "projects" else None
        project = _project_of(series, head[1], ref.date) if head else None
        if project is not None:
            out += _statements(line, project, None)
    return _unique(out)


def _parent_project(series: Series, ref: ReportRef, view: ReportView, cite: Citation) -> str | None:
    """The project a nested `Risk:`/`Blocker:` bullet sits under: the nearest project line above
    it in the same section (`- **Checkout revamp** — 🟡` then `  - Blocker: …`)."""
    line = cite.lines[0]
    raw = line_texts(view.report.lines).get(line, "")
    if not raw[:1].isspace():
        return None
    above = [
        (o.evidence.lines[0], name)
        for name, o in series.observed_in(ref.source)
        if o.evidence.section == cite.section and o.evidence.lines[0] < line
    ]
    if not above:
        return None
    name = max(above)[1]
    return name if series.tracked(name, ref.date) else None


def _unique(cands: list[Cand]) -> list[Cand]:
    seen: set[tuple[int, str]] = set()
    out = []
    for cand in cands:
        key = (cand.citation.lines[0], cand.citation.quote)
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out


def _project_of(series: Series, name: str, day: dt.date) -> str | None:
    found = series.resolve(name)
    return found if found is not None and series.tracked(found, day) else None


def derived(series: Series, ref: ReportRef, lang: Lang, entries: dict[str, Entry]) -> list[Cand]:
    """What the ledger's facts say about tracked projects in this report."""
    out: list[Cand] = []
    slips = series.slips.get(ref.source, [])
    for name, obs in series.observed_in(ref.source):
        if not series.tracked(name, ref.date):
            continue
        mine = [s for s in slips if s.project == name]
        texts = describe.target_texts(series.upto(name, ref.date))
        if mine:
            text = ("；" if lang == "zh" else "; ").join(
                describe.slip_phrase(s, texts, lang, ref.date) for s in mine
            )
            out.append(Cand(text, mine[-1].evidence[-1], "open", "status", name))
        if obs.status in TROUBLED:
            basis: Basis = "blocked" if obs.status == "blocked" else "status"
            cite = obs.status_evidence or obs.evidence
            out.append(Cand(describe.state_phrase(obs, lang), cite, "open", basis, name, owner=obs.owner))
        elif (
            not mine and (entry := entries.get(f"project:{name}")) is not None and entry.status != "resolved"
        ):
            out += _easing(series, name, obs, entry, lang)
    return out


def _easing(series: Series, name: str, obs: Observation, entry: Entry, lang: Lang) -> list[Cand]:
    """A later report of a project with an open or mitigated entry: finished, moot or recovering."""
    cite = obs.status_evidence or obs.evidence
    if obs.status in FINISHED or obs.status in STOPPED:
        return [Cand(obs.status_text or str(obs.status), cite, "resolved", "status", name)]
    if entry.status != "open" or entry.open_basis == "stated":
        return []
    timeline = series.timelines[name]
    before = [o for o in timeline if o.date < obs.date and o.progress_key]
    moving = obs.progress_key is not None and (not before or before[-1].progress_key != obs.progress_key)
    if obs.status in ("on_track", "in_progress") or moving:
        status: RiskStatus = "resolved" if entry.open_basis == "blocked" else "mitigated"
        return [Cand(describe.state_phrase(obs, lang) or obs.evidence.quote, cite, status, "status", name)]
    return []


def incidents(series: Series, ref: ReportRef, lang: Lang) -> list[Cand]:
    view = series.view(ref)
    out = []
    for incident in series.incidents:
        if incident.report != ref.source:
            continue
        impact, _ = describe.incident_impact(incident, view)
        status: RiskStatus = "resolved" if incident.resolution else "open"
        out.append(
            Cand(
                describe.incident_phrase(incident, impact, lang),
                incident.evidence,
                status,
                "incident",
                group=f"incident:{incident.when or incident.date}:{name_key(incident.title)[:16]}",
                severity=level(incident.severity),
                label=incident.severity,
            )
        )
    return out
