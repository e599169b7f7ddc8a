"""A report's projects: what changed since the previous report, and where each one stands.

Changes are the ledger's own events in this report (launches with their verdicts, slips, pauses,
first mentions), each told once with the reason the report gives. Project rows then show every
project the report mentions, most attention first, in the report's own line (`分账系统升级：延期，
进度80%，预计12/24上线`) or, for field-per-line reports, its fields (`At risk · 61% · ETA Jun 27`),
with what moved since the last report and the author's note when no change item said it already.
"""

from __future__ import annotations

import re

from index.ledger.signals import FINISHED, RANK, STOPPED
from index.schemas import Citation, Observation, ReportRef, Slip
from index.text.lang import Lang
from index.text.normalise import name_key
from summarizer.facts.common import unique_citations
from summarizer.schemas import ProjectProgress, SummaryItem
from summarizer.summaries import describe, wording
from summarizer.summaries.inputs import Fact
from summarizer.summaries.reading import Line, ReportView, sentences
from summarizer.summaries.series import Series

_LAUNCH_WORDS = re.compile(r"上线|投产|发布|launch|live|ship|done|complete", re.I)
_DIGIT = re.compile(r"\d")
_CJK_END = re.compile(r"[\u4e00-\u9fff，。；：）]$")
SLIP_WEIGHT = {"overdue": 8, "date_moved": 7, "status_downgrade": 6, "stalled": 5}
STATE_WEIGHT = {"blocked": 5, "off_track": 4, "at_risk": 3}


class ProjectLines:
    """Where one report talks about one project: its own line, its block, its notes."""

    def __init__(self, series: Series, view: ReportView | None, name: str, obs: Observation) -> None:
        self.name, self.obs = name, obs
        self.line: Line | None = None
        self.note: list[Line] = []
        if view is None:
            return
        names = [n for n in {*series.names(name), obs.project} if n]
        keys = {name_key(n) for n in names}
        for line in view.items:
            head = re.match(r"^([^：:]{1,40})[：:]\s*(\S.{3,})$", line.text)
            own = line.kind == "projects" and head is not None and name_key(head[1]) in keys
            if own and (self.line is None or line.file_line == obs.evidence.lines[0]):
                self.line = line
        for block in view.blocks:
            if name_key(block.name) in keys or series.resolve(block.name) == name:
                self.note = _block_note(block.label, block.lead, block.points)
                break
        else:
            for leaf, line in view.notes.items():
                if name_key(leaf) in keys or series.resolve(leaf) == name:
                    self.note = [line]

    def reason(self, limit: int = 120) -> tuple[str, list[Citation]]:
        """The author's own explanation, cut to whole sentences."""
        if not self.note:
            return "", []
        out, cites = "", []
        for line in self.note:
            text = sentences(line.text, limit)
            glue = "" if not out or out[-1] in ":：。；" or _CJK_END.search(out) else " "
            out += glue + text
            cites.append(line.cite(text))
        return out, cites

    def base(self, lang: Lang) -> tuple[str, list[Citation]]:
        """The project's own line, or its fields written out."""
        if self.line is not None:
            return self.line.text, [self.line.cite()]
        state = describe.state_phrase(self.obs, lang)
        cites = [
            c for c in (self.obs.status_evidence, self.obs.progress_evidence, self.obs.target_evidence) if c
        ]
        if not state:
            return self.obs.evidence.quote, [self.obs.evidence]
        return f"{self.obs.project}{wording.COLON[lang]}{state}", cites or [self.obs.evidence]


def _block_note(label: Line | None, lead: Line | None, points: list[Line]) -> list[Line]:
    """A block's gist: label and lead; when the lead states no figure, the first point that does
    (figures make a summary concrete: "存量1420条规则已迁移710条")."""
    out = [x for x in (label, lead) if x is not None]
    if lead is None or not _DIGIT.search(lead.text):
        out += [p for p in points if _DIGIT.search(p.text)][:1]
    return out


def _join(parts: list[str], lang: Lang) -> str:
    return wording.SEPARATOR[lang].join(p for p in parts if p)


def _with_reason(text: str, reason: str, lang: Lang) -> str:
    return f"{text}——{reason}" if lang == "zh" and reason else (f"{text} — {reason}" if reason else text)


def changes(series: Series, ref: ReportRef, lang: Lang, lines: dict[str, ProjectLines]) -> list[Fact]:
    """Launches, slips, pauses and new projects this report shows, each once."""
    out: list[Fact] = []
    launched = [x for x in series.launches if x.week == ref.week and x.project in lines]
    for launch in launched:
        where = lines[launch.project]
        texts = describe.target_texts(series.upto(launch.project, ref.date))
        phrase = describe.launch_phrase(launch, where.obs.project, texts, lang, ref.date)
        detail, cites = _launch_detail(where)
        short = wording.say(
            "short_launched",
            lang,
            name=where.obs.project,
            date=wording.day(launch.launched_on, lang, ref.date),
            verdict=wording.verdict(launch.verdict, lang),
        )
        item = SummaryItem(
            id="",
            kind="launched",
            text=_with_reason(phrase, detail, lang),
            project=launch.project,
            citations=unique_citations([*launch.evidence, *cites]),
        )
        out.append(Fact(item, "changes", short, 7 if launch.verdict == "late" else 5, launch.project))
    by_project: dict[str, list[Slip]] = {}
    for slip in series.slips.get(ref.source, []):
        by_project.setdefault(slip.project, []).append(slip)
    for project, slips in by_project.items():
        if project not in lines:
            continue
        out.append(_slip_fact(series, ref, lang, lines[project], slips))
    for event in series.events:
        if event.report != ref.source or event.status not in STOPPED or event.project not in lines:
            continue
        where = lines[event.project]
        reason, cites = where.reason()
        if not reason:
            reason, cites = where.base(lang)
        phrase = wording.say(str(event.status), lang, name=where.obs.project)
        item = SummaryItem(
            id="",
            kind="paused",
            text=_with_reason(phrase, reason, lang),
            project=event.project,
            citations=unique_citations([*event.evidence, *cites]),
        )
        out.append(Fact(item, "changes", phrase, 5, event.project))
    out += _recovered(series, ref, lang, lines, {f.subject for f in out})
    told = {f.subject for f in out}
    if series.previous(ref) is None:
        return out  # a series' first report: every project is new, none of them is a change
    for name, where in lines.items():
        first = series.timelines[name][0]
        if first.report != ref.source or name in told or not series.tracked(name, ref.date):
            continue
        if where.obs.status in FINISHED | STOPPED:
            continue
        text, cites = where.base(lang)
        if text.startswith(where.obs.project):
            text = text[len(where.obs.project) :].lstrip(":： ")
        phrase = wording.say("new_project", lang, name=where.obs.project)
        item = SummaryItem(
            id="", kind="new_project", text=f"{phrase}{wording.COLON[lang]}{text}", project=name
        )
        item.citations = cites
        out.append(Fact(item, "changes", wording.say("short_new", lang, name=where.obs.project), 2, name))
    return out


def _recovered(
    series: Series, ref: ReportRef, lang: Lang, lines: dict[str, ProjectLines], told: set[str]
) -> list[Fact]:
    """Projects whose health improved since their last stated status (Blocked -> On track): good
    news the ledger has no event for (it derives only downgrades), derived here."""
    out = []
    for name, where in lines.items():
        obs = where.obs
        if name in told or obs.status not in RANK:
            continue
        before = [o for o in series.timelines[name] if o.date < obs.date and o.status in RANK]
        if not before or RANK[before[-1].status] <= RANK[obs.status]:  # type: ignore[index]
            continue
        a, b = before[-1].status_text or before[-1].status, obs.status_text or obs.status
        text = obs.project + wording.COLON[lang] + wording.say("status_change", lang, a=a, b=b)
        reason, cites = where.reason()
        cited = [c for c in (before[-1].status_evidence, obs.status_evidence) if c] + cites
        item = SummaryItem(
            id="",
            kind="update",
            text=_with_reason(text, reason, lang),
            project=name,
            citations=unique_citations(cited),
        )
        short = wording.say("short_state", lang, name=obs.project, state=str(b))
        out.append(Fact(item, "changes", short, 3, name))
    return out


def _launch_detail(where: ProjectLines) -> tuple[str, list[Citation]]:
    if where.line is not None and _LAUNCH_WORDS.search(where.line.text):
        return where.line.text, [where.line.cite()]
    return where.reason()


def _slip_fact(series: Series, ref: ReportRef, lang: Lang, where: ProjectLines, slips: list[Slip]) -> Fact:
    name = where.obs.project
    texts = describe.target_texts(series.upto(where.name, ref.date))
    phrases = [describe.slip_phrase(s, texts, lang, ref.date) for s in slips]
    reason, cites = where.reason()
    if not reason and where.line is not None:
        reason, cites = where.line.text, [where.line.cite()]
    worst = max(slips, key=lambda s: SLIP_WEIGHT[s.kind])
    shown = {
        "a": texts.get(worst.from_) or wording.day(worst.from_, lang, ref.date),
        "b": texts.get(worst.to) or wording.day(worst.to, lang, ref.date),
    }
    if worst.kind in ("status_downgrade", "stalled"):
        shown = {"a": worst.from_, "b": worst.to}
    short = wording.say(f"short_{worst.kind}", lang, name=name, **shown)
    item = SummaryItem(
        id="",
        kind="slipped",
        text=_with_reason(name + wording.COLON[lang] + _join(phrases, lang), reason, lang),
        project=where.name,
        citations=unique_citations([c for s in slips for c in s.evidence] + cites),
    )
    weight = SLIP_WEIGHT[worst.kind] + (1 if worst.kind == "status_downgrade" and worst.to else 0)
    return Fact(item, "changes", short, weight, where.name)


def progress_rows(
    series: Series, ref: ReportRef, lang: Lang, lines: dict[str, ProjectLines], told: set[str]
) -> list[Fact]:
    """Every project the report mentions, most attention first; `told` projects already have
    their reason in a change item, so their row does not repeat it."""
    rows: list[Fact] = []
    slipped = {s.project for s in series.slips.get(ref.source, [])}
    first_report = series.previous(ref) is None
    for name, where in lines.items():
        obs = where.obs
        before = [o for o in series.timelines[name] if o.date < obs.date]
        change = "" if first_report else _change(obs, before[-1] if before else None, lang)
        text, cites = where.base(lang)
        if change:
            text += f"（{change}）" if lang == "zh" else f" ({change})"
        if name not in told:
            reason, more = where.reason()
            if reason and reason not in text and text not in reason:
                text, cites = _with_reason(text, reason, lang), cites + more
        attention = (
            STATE_WEIGHT.get(str(obs.status), 0) + (3 if name in slipped else 0) + (1 if where.note else 0)
        )
        item = ProjectProgress(
            id="",
            kind="project",
            text=text,
            project=name,
            citations=unique_citations(cites),
            name=obs.project,
            status=obs.status,
            status_text=obs.status_text,
            progress=obs.progress_label,
            target=obs.target,
            target_text=obs.target_text,
            owner=obs.owner,
            change=change or None,
            attention=attention,
        )
        state = obs.status_text or (obs.progress_label or "")
        if obs.target_text:
            state += f"（预计{obs.target_text}）" if lang == "zh" else f" (ETA {obs.target_text})"
        short = wording.say("short_state", lang, name=obs.project, state=state.strip())
        weight = STATE_WEIGHT.get(str(obs.status), 0)
        if first_report and obs.target and not weight:
            weight = 1  # a series' first report: what is due, so a reader knows what to watch
        rows.append(Fact(item, "projects", short, weight, name))
    # Tracked projects before topics the ledger happened to name ("2025年度规划"), at equal attention.
    tracked = {f.subject: series.tracked(f.subject, ref.date) for f in rows}
    return sorted(rows, key=lambda f: (-_attention(f) - tracked[f.subject], not tracked[f.subject]))


def _attention(fact: Fact) -> int:
    return fact.item.attention if isinstance(fact.item, ProjectProgress) else 0


def _change(obs: Observation, before: Observation | None, lang: Lang) -> str:
    if before is None:
        return wording.say("first_mention", lang)
    parts = []
    if obs.target and before.target and obs.target != before.target:
        a = before.target_text or wording.day(before.target, lang, obs.date)
        b = obs.target_text or wording.day(obs.target, lang, obs.date)
        parts.append(wording.say("moved", lang, a=a, b=b))
    if obs.status and before.status and obs.status != before.status:
        a, b = before.status_text or before.status, obs.status_text or obs.status
        parts.append(wording.say("status_change", lang, a=a, b=b))
    if obs.progress_label and before.progress_label and obs.progress_label != before.progress_label:
        parts.append(wording.say("progress_change", lang, a=before.progress_label, b=obs.progress_label))
    return _join(parts, lang)
