"""The risk register: every risk a series raises, one entry however many weeks raise it.

Sources, per report, oldest report first:
- stated: the ledger's risk and ask notes, and sentences in key-work blocks, project notes and
  project lines that say a risk, uncertainty, bottleneck or blocker exists (`存在出金排队风险`,
  `卡在模型服务`, `Blocked on the security review`); their status comes from their own words
  (`风险解除`/`Resolved:` resolved, `兜底方案已完成演练` mitigated, else open);
- derived: a tracked project's at-risk/off-track/blocked status and the slips that show in the
  report (the ledger's date_moved, overdue, status_downgrade, stalled);
- incidents: each one an entry, resolved when the report states its fix.

Merging. Everything about one tracked project is one entry (its delivery risk). Other sightings
join an earlier entry of the same key-work block, else the earlier unattached entry whose subject
words they share, else open a new one. A sighting that only says "resolved" or "mitigated" never
opens an entry; it closes the one it names. Processing is in report order and never looks
ahead, so a week's view of the register does not change when later reports arrive.

Status over time. A derived risk eases when the project recovers: back on track or moving again
makes it mitigated (resolved when it was blocked and is no longer), launched or done resolves it,
paused or cancelled makes it moot (resolved). A stated risk stays open until the reports say
otherwise or the project finishes: progress alone does not retire an uncertainty someone wrote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

from index.ledger.signals import FINISHED, STOPPED
from index.lexical import tokenize
from index.schemas import Citation, Observation, ReportRef
from index.text.lang import Lang
from index.text.normalise import name_key
from index.text.timeexpr import MONTHS
from summarizer.facts.lists import NOTHING_SAID
from summarizer.schemas import RiskCategory, RiskEntry, RiskSighting, RiskStatus, SeverityLevel
from summarizer.summaries import describe
from summarizer.summaries.reading import Line, ReportView
from summarizer.summaries.series import Series
from summarizer.summaries.severity import level, rank

Basis = Literal["stated", "blocker", "status", "blocked", "incident"]

# Words that name a risk anywhere, and words that only describe a project's schedule: the
# latter count inside a tracked project's own lines, not in commentary ("延误的主要来源").
_RISK = re.compile(
    r"风险|不确定|隐患|瓶颈|一路下滑|持续下滑|持续下降|根因(?:还)?(?:没|未)找到|"
    r"\brisks?\b|\bconcerns?\b|\buncertain\w*|\bbottleneck|\bmay not\b|\bmight not\b|\bno single cause\b|"
    r"\bclimb(?:ed|ing)\b",
    re.I,
)
_SCHEDULE = re.compile(
    r"可能(?:会)?(?:受影响|延期|延误|推迟|来不及)|来不及|已不可能|冲突|偏慢|没有进展|停滞|延误|延期|推迟|"
    r"\bmissed\b|\bflaky\b|\bcould slip\b|\bbehind schedule\b",
    re.I,
)
_BLOCKER = re.compile(
    r"卡在|受阻|阻塞|卡住|\bblocked (?:on|by)\b|\bwaiting (?:on|for)\b|\bstill not delivered\b|\bdepends on\b",
    re.I,
)
_NEGATED = re.compile(
    r"(?:未|没有|不会|无)(?:延期|延误|推迟|风险)|\bno (?:new )?risks?\b|\bnot (?:at risk|blocked)\b|"
    r"\bno longer (?:at risk|blocked)\b",
    re.I,
)
_RESOLVED = re.compile(
    r"^\s*(?:resolved|closed)\b|风险解除|已解除|已解决|(?<![未没])解决|已关闭|已消除|\bresolved\b|\bapproved\b|"
    r"\bpassed\b|\bdelivered\b|\bcleared\b",
    re.I,
)
_MITIGATED = re.compile(
    r"(?:兜底|降级|应急|缓解)[^。；]{0,12}(?:已|完成|就绪|到位|演练)|\bmitigat\w*|\bworkaround\b|"
    r"\bfallback (?:is )?(?:in place|ready)",
    re.I,
)
_STATUS_PREFIX = re.compile(r"^\s*(?:resolved|closed|mitigated|update|open)\s*[:：]\s*", re.I)
_OWNER = re.compile(r"\b(?:Owner|DRI)\s*:\s*([^.;,]+)|负责人\s*[:：]\s*([^，。；,;\s]+)")
_SUBJECT_END = re.compile(r"[:：(（;；。]|\.\s|\.$")
_SENTENCE = re.compile(r"[^。；;!?！？]+[。；;!?！？]?")
_QUIET = frozenset(
    [
        "still",
        "open",
        "raised",
        "owner",
        "resolved",
        "closed",
        "new",
        "next",
        "week",
        "update",
        "risk",
        "risks",
        "pending",
        "status",
        "escalated",
        "approved",
        "now",
        "this",
        "last",
    ]
) | frozenset(MONTHS)
TROUBLED = ("at_risk", "off_track", "blocked")
JOIN_SUBJECT = 0.6
"""Share of a new sighting's subject words an earlier entry must hold for the two to be one risk."""
JOIN_CLOSING = 0.4
"""The looser share for a sighting that only closes a risk ("记账瓶颈通过异步记账解决")."""


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
class _Entry:
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
            self.words |= _words(cand.text)
        self.status = _combined(cands)
        opening = [c for c in cands if c.status == "open"]
        if opening:
            self.open_basis = opening[-1].basis


def _words(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t.isdigit() and t not in _QUIET}


def subject(text: str) -> str:
    """What a risk is about: its text without a status prefix, up to the first clause mark."""
    text = _STATUS_PREFIX.sub("", text)
    match = _SUBJECT_END.search(text)
    return text[: match.start()] if match and match.start() > 2 else text


def _overlap(cand: Cand, entry: _Entry) -> float:
    mine = _words(subject(cand.text))
    if not mine:
        return 0.0
    forward = len(mine & entry.words) / len(mine)
    theirs = _words(subject(entry.first.text))
    backward = len(theirs & _words(cand.text)) / len(theirs) if theirs else 0.0
    return max(forward, backward)


def _combined(cands: list[Cand]) -> RiskStatus:
    """One report's status of a risk: a troubled project outweighs words; then the words."""
    if any(c.status == "open" and c.basis in ("status", "blocked") for c in cands):
        return "open"
    for status in ("resolved", "mitigated", "open"):
        if any(c.status == status for c in cands):
            return status  # type: ignore[return-value]
    return "open"


def judge(text: str, in_risk_list: bool, about_project: bool = True) -> tuple[RiskStatus, Basis] | None:
    """The status and basis a sentence states, or None when it says nothing about a risk.

    Schedule words (`延期`, `missed`) count only in a project's own lines (`about_project`)."""
    words = bool(_RISK.search(text)) or (about_project and bool(_SCHEDULE.search(text)))
    risky = words and not _NEGATED.search(text)
    blocker = bool(_BLOCKER.search(text))
    basis: Basis = "blocker" if blocker else "stated"
    if _RESOLVED.search(text):
        return "resolved", basis
    if _MITIGATED.search(text):
        return "mitigated", basis
    if risky or blocker or in_risk_list:
        return "open", basis
    return None


def _owner(text: str) -> str | None:
    match = _OWNER.search(text)
    return (match[1] or match[2]).strip() if match else None


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
                owner=_owner(sentence),
                group_name=group[1] if group else None,
            )
        )
    return out


def _stated(series: Series, ref: ReportRef, view: ReportView) -> list[Cand]:
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
                note.text, note.evidence, status, basis, project, note_kind=note.kind, owner=_owner(note.text)
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
    raw = dict(view.report.lines).get(line, "")
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


def _derived(series: Series, ref: ReportRef, lang: Lang, entries: dict[str, _Entry]) -> list[Cand]:
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


def _easing(series: Series, name: str, obs: Observation, entry: _Entry, lang: Lang) -> list[Cand]:
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


def _incidents(series: Series, ref: ReportRef, lang: Lang) -> list[Cand]:
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


def _place(cand: Cand, entries: dict[str, _Entry], ref: ReportRef) -> str | None:
    """The key of the entry a candidate belongs to (None: it opens a new one or is dropped)."""
    if cand.project is not None:
        return f"project:{cand.project}"
    if cand.group is not None and cand.basis != "incident":
        key = f"group:{cand.group}"
        if key in entries:
            return key
    loose = [e for e in entries.values() if e.project is None and e.first.basis != "incident"]
    best = max(loose, key=lambda e: _overlap(cand, e), default=None)
    if best is not None and _overlap(cand, best) >= JOIN_SUBJECT:
        return best.key
    if not cand.opens:
        # Closing words about something: the open risk (of any kind) they share most words with.
        open_ = [e for e in entries.values() if e.status != "resolved" and e.first.basis != "incident"]
        best = max(open_, key=lambda e: _overlap(cand, e), default=None)
        if best is not None and _overlap(cand, best) >= JOIN_CLOSING:
            return best.key
    return None


def _new_key(cand: Cand) -> str:
    if cand.project is not None:
        return f"project:{cand.project}"
    if cand.group is not None:
        return f"group:{cand.group}"
    return "text:" + hashlib.sha256(subject(cand.text).encode("utf-8")).hexdigest()[:10]


class Builder:
    """Reads a series report by report, oldest first; `step` returns the entries it touched."""

    def __init__(self, series: Series, lang: Lang) -> None:
        self.series, self.lang = series, lang
        self.entries: dict[str, _Entry] = {}

    def step(self, ref: ReportRef) -> list[_Entry]:
        series, entries = self.series, self.entries
        view = series.view(ref)
        cands = (_stated(series, ref, view) if view is not None else []) + _derived(
            series, ref, self.lang, entries
        )
        grouped: dict[str, list[Cand]] = {}
        for cand in cands:
            key = _place(cand, entries, ref)
            if key is None and cand.opens:
                key = _new_key(cand)
            if key is None:
                continue
            if key not in entries:
                if not cand.opens:
                    continue
                entries[key] = _Entry(key, cand.project, cand.group, cand)
            grouped.setdefault(key, []).append(cand)
        for cand in _incidents(series, ref, self.lang):
            key = f"group:{cand.group}"
            entries.setdefault(key, _Entry(key, None, cand.group, cand))
            grouped.setdefault(key, []).append(cand)
        for key, found in grouped.items():
            entries[key].add(ref, found)
        return [entries[key] for key in grouped]

    def public(self, entry: _Entry) -> RiskEntry:
        return _public(self.series, entry, self.lang)


def build(series: Series, lang: Lang, until: ReportRef | None = None) -> list[RiskEntry]:
    """Every risk of the series up to `until` (inclusive; default the latest report)."""
    builder = Builder(series, lang)
    for ref in series.reports:
        builder.step(ref)
        if until is not None and ref.source == until.source:
            break
    return sorted((builder.public(e) for e in builder.entries.values() if e.history), key=order)


def as_of_each(series: Series, lang: Lang) -> dict[str, list[RiskEntry]]:
    """Report source -> the entries that report raises, each as the register stood right after
    it (history up to it). One pass over the series serves every weekly summary of it."""
    builder = Builder(series, lang)
    return {ref.source: [builder.public(e) for e in builder.step(ref)] for ref in series.reports}


def order(entry: RiskEntry) -> tuple[int, int, str, str]:
    """Open first, then mitigated, then resolved; most severe first; newest first."""
    status = {"open": 0, "mitigated": 1, "resolved": 2}[entry.status]
    return status, rank(entry.severity), _neg(entry.last_seen), entry.id


def _neg(week: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in week)


def _category(entry: _Entry, series: Series) -> RiskCategory:
    cands = [c for _, found in entry.history for c in found]
    if entry.first.basis == "incident":
        return "incident"
    if entry.first.note_kind == "ask":
        return "ask"
    if entry.project is not None:
        if any(c.basis == "status" and c.status == "open" for c in cands):
            return "schedule"
        if any(c.basis in ("blocker", "blocked") for c in cands):
            return "blocker"
    return "blocker" if entry.first.basis == "blocker" else "stated"


def _severity(entry: _Entry) -> tuple[SeverityLevel | None, str | None]:
    cands = [c for _, found in entry.history for c in found]
    labelled = [c for c in cands if c.label]
    if labelled:
        return labelled[0].severity, labelled[0].label
    stated = [level(c.text) for c in cands]
    ranked = [s for s in stated if s is not None]
    if ranked:
        return min(ranked, key=rank), None
    if any(c.basis == "blocked" or "overdue" in c.text or "逾期" in c.text for c in cands):
        return "high", None
    if any(c.basis == "status" for c in cands):
        return "medium", None
    return None, None


_LABEL = re.compile(r"^([^:：]{1,8})[:：]\s*(?=\S)")


def gist(text: str, names: tuple[str, ...] = ()) -> str:
    """A risk's words without a status prefix, a short zh label (`风险提示：`) or the project's
    name, cut to its first sentence."""
    text = _STATUS_PREFIX.sub("", text).strip()
    for name in names:
        if text.startswith(name):
            text = text[len(name) :].lstrip(":： ")
    label = _LABEL.match(text)
    if label and re.search(r"[\u4e00-\u9fff]", label[1]):
        text = text[label.end() :]
    parts = [p.strip() for p in re.split(r"(?<=[。；;])|(?<=\.)\s", text) if p.strip()]
    while len(parts) > 1 and len(parts[0]) < 8:  # "New." says nothing; the next sentence does
        parts.pop(0)
    return (parts[0] if parts else text).rstrip("。；;") or text


def risk_clause(text: str) -> str:
    """The clause of a risk statement that says the risk ("后半段可能会受影响"), with the clause
    before it when it only points back ("…仍未锁定，是目前最大的不确定项")."""
    clauses = [c.strip() for c in re.split(r"[，,；;。]", gist(text)) if c.strip()]
    for i, clause in enumerate(clauses):
        if _RISK.search(clause) or _SCHEDULE.search(clause) or _BLOCKER.search(clause):
            if i and re.match(r"^(?:是|这|但|and\b|which\b|that\b)", clause):
                return (
                    f"{clauses[i - 1]}，{clause}"
                    if re.search(r"[\u4e00-\u9fff]", clause)
                    else f"{clauses[i - 1]}, {clause}"
                )
            return clause
    return clauses[0] if clauses else text


def _title(entry: _Entry, lang: Lang) -> str:
    if entry.first.basis == "incident":
        return entry.first.text
    colon = "：" if lang == "zh" else ": "
    if entry.project is not None:
        said = (
            entry.first.text
            if entry.first.basis in ("status", "blocked")
            else gist(entry.first.text, (entry.project,))
        )
        return entry.project + colon + said
    if entry.first.group_name:
        return entry.first.group_name + colon + gist(entry.first.text)
    return gist(entry.first.text)


def _told(found: list[Cand]) -> list[str]:
    """What one report says about a risk, at most two statements: the ledger's slips (facts),
    then the report's own words (the reason), then a status."""
    order = {"status": 1, "blocked": 1, "incident": 0, "stated": 2, "blocker": 2}
    slips = [c for c in found if c.basis == "status" and c.citation.quote and "→" in c.text]
    rest = sorted(
        (c for c in found if c not in slips), key=lambda c: order[c.basis] if c.basis != "status" else 3
    )
    texts = list(dict.fromkeys(c.text.rstrip("。.;；") for c in [*slips, *rest]))
    return texts[:2]


def _public(series: Series, entry: _Entry, lang: Lang) -> RiskEntry:
    sep = "；" if lang == "zh" else "; "
    history = [
        RiskSighting(
            week=ref.week,
            report=ref.source,
            status=_combined(found),
            text=sep.join(_told(found)),
            citation=found[0].citation,
        )
        for ref, found in entry.history
    ]
    severity, label = _severity(entry)
    owners = [c.owner for _, found in entry.history for c in found if c.owner]
    title = _title(entry, lang)
    first, last = history[0], history[-1]
    return RiskEntry(
        id=f"{series.name}:{entry.key}",
        series=series.folder,
        category=_category(entry, series),
        title=title,
        project=entry.project,
        status=last.status,
        severity=severity,
        severity_label=label,
        first_seen=first.week,
        last_seen=last.week,
        owner=owners[-1] if owners else None,
        history=history,
        citations=[first.citation] if first is last else [first.citation, last.citation],
    )
