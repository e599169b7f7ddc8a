"""Plan vs actual: each item of last week's plan against what this week's report says.

A plan item is matched to a project when it names one (any alias, or most of its name's words:
"Gateway migration: …" is Checkout API Gateway Migration), else to the report line that shares
most of its words. The outcome is judged from the ledger where it can be (launched -> done, a
slip -> slipped) and from the matched line's words otherwise ("评审通过", "completed" -> done).
"""

from __future__ import annotations

import re

from index.ledger.signals import FINISHED
from index.lexical import tokenize
from index.schemas import Citation, Note, ReportRef
from index.text.lang import Lang
from index.text.normalise import name_key
from summarizer.schemas import PlanCheck, PlanOutcome
from summarizer.summaries import wording
from summarizer.summaries.inputs import Fact
from summarizer.summaries.reading import Line, ReportView, sentences
from summarizer.summaries.series import Series

_DONE = re.compile(
    r"完成|通过|已上线|上线完成|定稿|已提交|已发布|\b(?:done|completed?|shipped|launched|passed|approved|merged|live)\b",
    re.I,
)
_GENERIC = frozenset(tokenize("上线 完成 跟进 推进 确认 准备 计划 next week review the kick off follow up"))
_SUFFIX = re.compile(r"(?:es|s|ed|ing)$")


def _words(text: str) -> set[str]:
    """Tokens with plain English endings folded ("charts fixed" meets "chart fixes")."""
    return {_SUFFIX.sub("", t) if len(t) > 4 and t.isascii() else t for t in tokenize(text)}


MATCH_SHARE = 0.5


def _project(series: Series, plan: str) -> str | None:
    """The project a plan item names."""
    key = name_key(plan)
    best: tuple[float, str] | None = None
    words = set(tokenize(plan))
    for name in series.timelines:
        for variant in series.names(name):
            vkey = name_key(variant)
            if len(vkey) >= 3 and vkey in key:
                return name
            vwords = set(tokenize(variant))
            shared = len(vwords & words)
            if shared >= 2 and shared / len(vwords) >= MATCH_SHARE:
                score = shared / len(vwords)
                if best is None or score > best[0]:
                    best = (score, name)
    return best[1] if best else None


def _best_line(plan: str, lines: list[Line]) -> Line | None:
    wanted = _words(plan) - _GENERIC
    if not wanted:
        return None
    scored = [(len(wanted & _words(line.text)) / len(wanted), line) for line in lines]
    scored = [(s, line) for s, line in scored if s >= MATCH_SHARE]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _lines(view: ReportView) -> list[Line]:
    """Lines that can say how a plan went: block prose, notes, items (never a bare label)."""
    out = [line for block in view.blocks for line in block.lines()]
    out += list(view.notes.values()) + view.summary
    out += [line for line in view.items if line.kind not in ("plans", "metrics")]
    return [line for line in out if not line.text.endswith((":", "："))]


def check(
    series: Series, ref: ReportRef, lang: Lang, plans: list[Note], view: ReportView | None
) -> list[Fact]:
    """One PlanCheck per plan item of the previous report."""
    if view is None:
        return []
    pool = _lines(view)
    slipped = {s.project for s in series.slips.get(ref.source, [])}
    out: list[Fact] = []
    for plan in plans:
        project = _project(series, plan.text)
        obs = series.observation(project, ref.source) if project else None
        mine = [line for line in pool if project and project_line(series, project, line)]
        line = _best_line(plan.text, mine) or (mine[0] if mine else None) or _best_line(plan.text, pool)
        outcome: PlanOutcome
        if obs is not None and obs.status in FINISHED:
            outcome = "done"
        elif project in slipped:
            outcome = "slipped"
        elif line is not None and _DONE.search(line.text) and _best_line(plan.text, [line]) is not None:
            outcome = "done"
        elif line is not None or obs is not None:
            outcome = "progressed"
        else:
            outcome = "not_reported"
        cites: list[Citation] = [plan.evidence]
        said = ""
        if line is not None:
            said = sentences(line.text, 80)
            cites.append(line.cite(said))
        elif obs is not None:
            said = obs.evidence.quote
            cites.append(obs.evidence)
        text = wording.say("plan_check", lang, plan=plan.text, outcome=wording.OUTCOMES[lang][outcome])
        if said:
            text += f"{wording.COLON[lang]}{said}"
        item = PlanCheck(
            id="",
            kind="plan_check",
            text=text,
            project=project,
            citations=cites,
            plan=plan.text,
            outcome=outcome,
        )
        weight = 3 if outcome == "slipped" else 0
        out.append(Fact(item, "plan_vs_actual", text, weight, project or plan.text))
    return out


def project_line(series: Series, project: str, line: Line) -> bool:
    """The line names the project (any of its names) or sits under its heading."""
    keys = [name_key(n) for n in series.names(project)]
    text, section = name_key(line.text), name_key(line.section)
    return any(k and (k in text or k in section) for k in keys)
